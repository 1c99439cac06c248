"""A brief's files: the .docx and .pdf bytes of one document model, and file names that say region and date."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.brief.docx_render import render_docx
from analysis.brief.model import Brief
from analysis.brief.pdf_render import render_pdf
from analysis.output.export import slug

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"


@dataclass(frozen=True)
class BriefFiles:
    """Both files of one brief with their names (the same content: one model, two renderers)."""

    docx: bytes
    pdf: bytes
    docx_name: str
    pdf_name: str


def brief_filename(iso: str, region_name: str, day: str, ext: str) -> str:
    """'meeting-brief_RU-TA_republic-of-tatarstan_2026-11-30.docx': region code and name, date of the brief."""
    return f"meeting-brief_{iso}_{slug(region_name)}_{day}.{ext}"


def brief_files(brief: Brief) -> BriefFiles:
    """Render `brief` to Word and PDF."""
    names = [brief_filename(brief.iso, brief.region_name, brief.date, ext) for ext in ("docx", "pdf")]
    return BriefFiles(render_docx(brief), render_pdf(brief), *names)
