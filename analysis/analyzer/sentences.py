"""Sentences with their character offsets, and the clause breaks used to scope a match."""

from __future__ import annotations

import re
from dataclasses import dataclass

HAS_DIGIT_RE = re.compile(r"\d")
# Where one clause ends: sentence ends, semicolons, and contrasts ('while', 'whereas', ', а').
CLAUSE_BREAK_RE = re.compile(r"[.!?;:\n]\s|,? while |,? whereas |, а |, тогда как ")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; abbreviations like 'St.' and decimals do not split."""
    out: list[Sentence] = []
    start = 0
    for m in re.finditer(r"(?<!\bSt)(?<!\bMr)(?<!\bDr)(?<!\bNo)(?<=[.!?])\s+(?=[\"“«A-ZА-ЯЁ0-9])|\n+", text):
        seg = text[start : m.start()]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append(Sentence(start + lead, m.start(), seg.strip()))
        start = m.end()
    seg = text[start:]
    if seg.strip():
        lead = len(seg) - len(seg.lstrip())
        out.append(Sentence(start + lead, len(text), seg.strip()))
    return out
