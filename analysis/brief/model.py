"""The document model of a meeting brief: sections of paragraphs, tables and charts, and numbered sources.

Both renderers (docx_render, pdf_render) walk the same model, so the Word and PDF files never differ in
content. Every figure the builder writes is also recorded in `Brief.figures` with its source marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text; `kind` is 'body', 'note' (a caveat in italics) or 'bullet'."""

    text: str
    kind: str = "body"


@dataclass(frozen=True)
class Table:
    """A captioned table of text cells (figures already formatted, each with its source mark)."""

    caption: str
    columns: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Chart:
    """A captioned chart as PNG bytes."""

    caption: str
    png: bytes


Block = Paragraph | Table | Chart


@dataclass
class Section:
    """A numbered part of the brief: a key (stable id), its heading and its blocks."""

    key: str
    heading: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Figure:
    """One figure as written in the brief, its value and the source marks it carries."""

    text: str
    value: float
    marks: str


@dataclass
class Brief:
    """A whole brief: title, sections in order, the numbered sources (1-based) and the figures written."""

    iso: str
    region_name: str
    date: str
    lang: str
    title: str
    sections: list[Section]
    sources: list[str]
    figures: list[Figure] = field(default_factory=list)

    def section(self, key: str) -> Section:
        """The section with this key; raises KeyError when absent."""
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)


class Sources:
    """Hands out [n] marks: one number per distinct source (a URL or a described method), in first-use order."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def number(self, source: str) -> int:
        if source not in self.items:
            self.items.append(source)
        return self.items.index(source) + 1

    def mark(self, *sources: str) -> str:
        """' [2]' or ' [2, 5]' for the given sources (empty ones skipped); '' when none."""
        nums = sorted({self.number(s) for s in sources if s})
        return f" [{', '.join(map(str, nums))}]" if nums else ""
