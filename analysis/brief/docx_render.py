"""The brief as a Word file (python-docx): real headings, tables with a header row, numbered captions.

Captions use Word's SEQ fields ("Table 1", "Figure 1"), so Word can list and renumber them; the cached
field result is written too, so the numbers show before Word updates the fields.
"""

from __future__ import annotations

import io

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from analysis.brief.model import Brief, Chart, Paragraph, Table
from analysis.brief.texts import texts_for


def _field_run(par: DocxParagraph, instruction: str, result: str) -> None:
    """A complex field (begin, instruction, separate, cached result, end) appended to `par`."""

    def fld(kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        par.add_run()._r.append(el)

    fld("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    par.add_run()._r.append(instr)
    fld("separate")
    par.add_run(result)
    fld("end")


def _caption(doc, style, label: str, number: int, text: str) -> None:
    par = doc.add_paragraph(style=style)
    par.add_run(f"{label} ")
    _field_run(par, f"SEQ {label} \\* ARABIC", str(number))
    par.add_run(f". {text}")


def render_docx(brief: Brief) -> bytes:
    """The .docx bytes of `brief` (A4, one heading per section, sources as a numbered list)."""
    t = texts_for(brief.lang)
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(2.0))
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = brief.title
    doc.core_properties.subject = f"{brief.iso} {brief.date}"
    doc.add_heading(brief.title, level=0)
    # Styles looked up by name once (python-docx searches all styles on every lookup by name).
    caption, bullet, heading = (doc.styles[n] for n in ("Caption", "List Bullet", "Heading 1"))
    n_tables = n_figures = 0
    for section in brief.sections:
        doc.add_paragraph(section.heading, style=heading)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                style = bullet if block.kind == "bullet" else None
                par = doc.add_paragraph(block.text, style=style)
                if block.kind == "note":
                    for run in par.runs:
                        run.italic = True
            elif isinstance(block, Table):
                n_tables += 1
                _caption(doc, caption, t("table_label"), n_tables, block.caption)
                table = doc.add_table(rows=1, cols=len(block.columns))
                table.style = "Light Grid Accent 1"
                for cell, name in zip(table.rows[0].cells, block.columns, strict=True):
                    cell.text = name
                for row in block.rows:
                    for cell, value in zip(table.add_row().cells, row, strict=True):
                        cell.text = value
                doc.add_paragraph()
            elif isinstance(block, Chart):
                n_figures += 1
                doc.add_picture(io.BytesIO(block.png), width=Cm(16))
                _caption(doc, caption, t("figure_label"), n_figures, block.caption)
        if section.key == "sources":
            for i, src in enumerate(brief.sources, start=1):
                par = doc.add_paragraph(f"[{i}] {src}")
                par.paragraph_format.space_after = Pt(2)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
