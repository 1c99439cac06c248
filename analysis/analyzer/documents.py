"""Turn an uploaded or pasted report into text, with clear messages for bad input."""

from __future__ import annotations

import io
from pathlib import PurePath

MAX_BYTES = 2 * 1024 * 1024
ALLOWED = (".txt", ".md", ".docx", ".pdf")


class InputProblem(ValueError):
    """The input cannot be analysed; the message says why and what to do."""


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1251; anything else is refused."""
    for enc in ("utf-8-sig", "cp1251"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise InputProblem("The file is not readable text: it is neither UTF-8 nor Windows-1251 encoded.")


def read_document(name: str, raw: bytes) -> str:
    """Text of a .txt, .md, .docx or .pdf file of at most 2 MB."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED:
        raise InputProblem(
            f"'{name}' is a {suffix or 'file without extension'}; upload .txt, .md, .docx or .pdf."
        )
    if len(raw) > MAX_BYTES:
        raise InputProblem(
            f"'{name}' is {len(raw) / 1e6:.1f} MB; the limit is 2 MB. Paste the relevant part instead."
        )
    if not raw:
        raise InputProblem(f"'{name}' is empty.")
    if suffix in (".txt", ".md"):
        text = decode_text(raw)
    elif suffix == ".docx":
        text = _docx_text(name, raw)
    else:
        text = _pdf_text(name, raw)
    return check_text(text)


def check_text(text: str) -> str:
    """The text itself, if there is something to analyse."""
    if not text or not text.strip():
        raise InputProblem("There is no text to analyse: paste a report or upload a file.")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise InputProblem("The text is over 2 MB; paste the relevant part of the report.")
    return text


def _docx_text(name: str, raw: bytes) -> str:
    try:
        from docx import Document

        doc = Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises several types for broken files
        raise InputProblem(
            f"'{name}' could not be opened as a Word document ({type(exc).__name__})."
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
        raise InputProblem(f"'{name}' could not be read as a PDF ({type(exc).__name__}).") from exc
    if not text.strip():
        raise InputProblem(f"'{name}' has no text layer (a scanned PDF?); paste the text instead.")
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
    raise InputProblem("There is no text to analyse: paste a report or upload a file.")
