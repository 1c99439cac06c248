"""Sentences with their character offsets, and the clause breaks used to scope a match."""

from __future__ import annotations

import re
from dataclasses import dataclass

HAS_DIGIT_RE = re.compile(r"\d")
# Where one clause ends: sentence ends, semicolons, and contrasts ('while', 'whereas', ', а').
CLAUSE_BREAK_RE = re.compile(r"[.!?;:\n]\s|,(?: while | whereas | а | тогда как )| while | whereas ")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0


# Candidate breaks: end punctuation followed by space, or a line break (with the space around it).
CANDIDATE_RE = re.compile(r"(?=\s)(?:[ \t\u00a0]*\n\s*|(?<=[.!?…])\s+|(?<=[.!?…][\"”»])\s+)")
ABBREV_RE = re.compile(r"(?:\b(?:St|Mr|Dr|No|Mrs|Ms|г|гг|т|им|ул)\.)$")
NEXT_STARTS_RE = re.compile(r"[\"“«A-ZА-ЯЁ0-9•–—*-]")
BULLET_RE = re.compile(r"[•*–—-]\s")
SHORT_LINE = 45  # a line this short without end punctuation is a title or a dateline, not wrapped text


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; abbreviations like 'St.', decimals and wrapped lines do not split.

    A line break ends a sentence only after end punctuation, before a bullet, after a short (title)
    line or at a blank line; a single break inside a wrapped paragraph (PDF, e-mail) does not.
    """
    out: list[Sentence] = []
    start = 0
    line_start = 0
    para = 0
    for m in CANDIDATE_RE.finditer(text):
        gap = m.group(0)
        prev = text[max(start, m.start() - 6) : m.start()]
        nxt = text[m.end() : m.end() + 2]
        if "\n" in gap:
            line = text[line_start : m.start()]
            line_start = m.start() + gap.index("\n") + 1
            split = (
                gap.count("\n") > 1
                or (prev[-1:] in '.!?…:;"”»' and not ABBREV_RE.search(prev))
                or BULLET_RE.match(nxt) is not None
                or len(line.strip()) <= SHORT_LINE
            )
        else:
            split = not ABBREV_RE.search(prev) and NEXT_STARTS_RE.match(nxt) is not None
        if not split:
            continue
        seg = text[start : m.start()]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append(Sentence(start + lead, m.start(), seg.strip(), para))
        if gap.count("\n") > 1:
            para += 1
        start = m.end()
    seg = text[start:]
    if seg.strip():
        lead = len(seg) - len(seg.lstrip())
        out.append(Sentence(start + lead, len(text), seg.strip(), para))
    return out
