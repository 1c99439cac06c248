"""The brief as a PDF (fpdf2) with DejaVu Sans embedded, so Cyrillic names print on any machine.

The font files are the ones matplotlib ships (mpl-data/fonts/ttf), so nothing else must be installed.
Headings are also PDF outline entries (bookmarks); tables repeat their header row after a page break.
"""

from __future__ import annotations

import io
from pathlib import Path

from analysis.brief.model import Brief, Chart, Paragraph, Table
from analysis.brief.texts import texts_for

FONT = "DejaVu"
MARGIN_MM = 18
BODY_PT = 9.5


def font_dir() -> Path:
    """matplotlib's bundled TrueType folder (DejaVu Sans in regular, bold and oblique)."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _col_widths(pdf, block: Table, total: float, pad: float = 2.5) -> tuple[float, ...]:
    """Column widths in mm: each at least its longest word (no word is split), the rest shared by text length."""
    cells = [block.columns, *block.rows]
    least, want = [], []
    for i in range(len(block.columns)):
        column = [row[i] for row in cells]
        least.append(max(pdf.get_string_width(w) for c in column for w in (c.split() or [""])) + pad)
        want.append(max(pdf.get_string_width(c[:70]) for c in column) + pad)
    spare = max(total - sum(least), 0.0)
    extra = [max(w - m, 0.0) for w, m in zip(want, least, strict=True)]
    share = sum(extra) or 1.0
    return tuple(m + spare * e / share for m, e in zip(least, extra, strict=True))


def render_pdf(brief: Brief) -> bytes:
    """The PDF bytes of `brief` (A4, the same content and order as the Word file)."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

    t = texts_for(brief.lang)
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, MARGIN_MM)
    folder = font_dir()
    pdf.add_font(FONT, "", str(folder / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(folder / "DejaVuSans-Bold.ttf"))
    pdf.add_font(FONT, "I", str(folder / "DejaVuSans-Oblique.ttf"))
    pdf.set_title(brief.title)
    pdf.set_subject(f"{brief.iso} {brief.date}")
    pdf.add_page()
    line = dict(new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def text(body: str, style: str = "", size: float = BODY_PT, gap: float = 1.5, **kw) -> None:
        pdf.set_font(FONT, style, size)
        pdf.multi_cell(0, size * 0.5, body, **line, **kw)
        pdf.ln(gap)

    text(brief.title, "B", 17, gap=3)
    n_tables = n_figures = 0
    for section in brief.sections:
        if pdf.will_page_break(30):
            pdf.add_page()
        pdf.start_section(section.heading, level=0)
        pdf.ln(2)
        text(section.heading, "B", 13, gap=2)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                if block.kind == "bullet":
                    text(f"•  {block.text}")
                else:
                    text(block.text, "I" if block.kind == "note" else "")
            elif isinstance(block, Table):
                n_tables += 1
                text(f"{t('table_label')} {n_tables}. {block.caption}", "I", 8.5, gap=1)
                pdf.set_font(FONT, "B", 8)  # widths measured in the wider (bold) face of the header row
                widths = _col_widths(pdf, block, pdf.epw)
                pdf.set_font(FONT, "", 8)
                with pdf.table(
                    col_widths=widths,
                    text_align="LEFT",
                    line_height=3.8,
                    padding=1,
                    first_row_as_headings=True,
                ) as table:
                    head = table.row()
                    for name in block.columns:
                        head.cell(name)
                    for values in block.rows:
                        row = table.row()
                        for value in values:
                            row.cell(value)
                pdf.ln(3)
            elif isinstance(block, Chart):
                n_figures += 1
                if pdf.will_page_break(80):
                    pdf.add_page()
                pdf.image(io.BytesIO(block.png), w=pdf.epw)
                text(f"{t('figure_label')} {n_figures}. {block.caption}", "I", 8.5, gap=3)
        if section.key == "sources":
            for i, src in enumerate(brief.sources, start=1):
                mode = WrapMode.WORD if " " in src else WrapMode.CHAR  # URLs break anywhere
                text(f"[{i}] {src}", size=8, gap=0.5, wrapmode=mode)
    return bytes(pdf.output())
