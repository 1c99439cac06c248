"""Turn an uploaded, pasted or piped report into text, with clear messages for bad input.

The page and the command line share these readers, so both accept and refuse the same inputs.
"""

from __future__ import annotations

import io
import re
from pathlib import PurePath

from analysis.analyzer import dates
from analysis.data.marks import N_, Gettext, english

MAX_BYTES = 2 * 1024 * 1024
ALLOWED = (".txt", ".md", ".docx", ".pdf")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class InputProblem(ValueError):
    """The input cannot be analysed; the message says why and what to do.

    Built from an English template and its parameters, so the page can show it in the interface
    language (`message(gettext)`); `str()` is the English text (the command line).
    """

    def __init__(self, template: str, **params: object):
        self.template, self.params = template, params
        super().__init__(english(template, **params))

    def message(self, gettext: Gettext = english) -> str:
        return gettext(self.template, **self.params)


def _size(n: int) -> str:
    """A byte count as people say it: '2 MB', '20.5 MB', '300 KB'."""
    if n < 100 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def decode_text(raw: bytes) -> str:
    """UTF-16 or UTF-8 with a byte-order mark, else UTF-8, else Windows-1251; binary data is refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        for enc in ("utf-8-sig", "cp1251"):
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                continue
            if len(_CONTROL.findall(text)) <= len(text) // 1000:  # a stray control byte, not a binary
                return text
            break
    raise InputProblem(N_("The file is not readable text: it is neither UTF-8 nor Windows-1251 encoded."))


def sniff_kind(name: str, raw: bytes) -> str:
    """'pdf', 'docx' or 'text': by content first (a PDF or Word file under any name), then by extension."""
    if raw.startswith(b"%PDF-"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        return "docx"
    suffix = PurePath(name).suffix.lower()
    return {".pdf": "pdf", ".docx": "docx"}.get(suffix, "text")


def read_document(name: str, raw: bytes, max_bytes: int = MAX_BYTES, any_name: bool = False) -> str:
    """Text of a .txt, .md, .docx or .pdf file of at most `max_bytes` (2 MB); raises InputProblem.

    `any_name=True` (the command line) accepts any file name and goes by content alone.
    """
    suffix = PurePath(name).suffix.lower()
    if not any_name and suffix not in ALLOWED:
        if suffix:
            raise InputProblem(N_("'{name}' is a {suffix} file; upload .txt, .md, .docx or .pdf."), name=name,
                               suffix=suffix)  # fmt: skip
        raise InputProblem(N_("'{name}' has no extension; upload .txt, .md, .docx or .pdf."), name=name)
    if len(raw) > max_bytes:
        raise InputProblem(
            N_("'{name}' is {size}; the limit is {limit}. Paste the relevant part instead."),
            name=name, size=_size(len(raw)), limit=_size(max_bytes),
        )  # fmt: skip
    if not raw:
        raise InputProblem(N_("'{name}' is empty."), name=name)
    kind = sniff_kind(name, raw)
    if kind == "docx":
        text = _docx_text(name, raw)
    elif kind == "pdf":
        text = _pdf_text(name, raw)
    else:
        text = decode_text(raw)
    return check_text(text, max_bytes)


def check_text(text: str, max_bytes: int = MAX_BYTES) -> str:
    """The text itself, if there is something to analyse."""
    if not text or not text.strip():
        raise InputProblem(N_("There is no text to analyse: paste a report or upload a file."))
    if len(text.encode("utf-8")) > max_bytes:
        raise InputProblem(
            N_("The text is over {limit}; paste the relevant part of the report."), limit=_size(max_bytes)
        )
    return text


def check_report_date(value: str | None) -> str | None:
    """A report date as YYYY-MM-DD (None when blank); raises InputProblem for any other or impossible date.

    The rule and its wording are `analysis.analyzer.dates.check_report_date`'s, shared with the page.
    """
    iso, problem = dates.check_report_date(value or "")
    if problem:
        raise InputProblem("Bad report date: {problem}", problem=problem)
    return iso


def _docx_text(name: str, raw: bytes) -> str:
    try:
        from docx import Document

        doc = Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises several types for broken files
        raise InputProblem(
            N_("'{name}' could not be opened as a Word document ({error})."),
            name=name,
            error=type(exc).__name__,
        ) from exc
    return "\n".join(_docx_blocks(doc))


def _docx_blocks(doc) -> list[str]:
    """Body paragraphs and table rows in document order (a row's cells joined by ' | ').

    Headers and footers live outside the body and are not read: they repeat on every page and hold
    letterheads and page numbers, not the meeting.
    """
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[str] = []
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [c.text.strip() for c in row.cells]
                out.append(" | ".join(dict.fromkeys(c for c in cells if c)) + ".")
            out.append("")
    return out


def _pdf_text(name: str, raw: bytes) -> str:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(raw))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as exc:  # pypdf raises several types for broken files
        raise InputProblem(
            N_("'{name}' could not be read as a PDF ({error})."), name=name, error=type(exc).__name__
        ) from exc
    if not text.strip():
        raise InputProblem(
            N_("'{name}' has no text layer (a scanned PDF?); paste the text instead."), name=name
        )
    return text


def choose_input(
    file_text: str | None, file_name: str | None, pasted: str, prefer: str = "file"
) -> tuple[str, str]:
    """(text, what was analysed) when a file, pasted text or both are given; `prefer` picks one of two.

    Raises InputProblem when there is nothing to analyse.
    """
    has_paste = bool(pasted and pasted.strip())
    if file_text is not None and (prefer == "file" or not has_paste):
        return file_text, f"the uploaded file '{file_name}'"
    if has_paste:
        return check_text(pasted), "the pasted text"
    raise InputProblem(N_("There is no text to analyse: paste a report or upload a file."))
