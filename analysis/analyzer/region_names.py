"""Recognise Russian and Belarusian regions in free text, in English and Russian.

The alias list comes from `datasets/region_aliases.csv`; this module turns it into
regular expressions (Russian words get case endings) and finds non-overlapping mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from analysis.analyzer.textmatch import PhraseIndex, WordStarts

# Weights say how strongly a kind of mention points at the region a text is about.
KIND_WEIGHTS = {"name": 3.0, "alias": 3.0, "short": 2.0, "capital": 1.0}
_RU_ENDING = re.compile(r"[аяоеёыийьюу]{1,2}$")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@dataclass(frozen=True)
class RegionMention:
    """One place in a text where a region is named."""

    iso_code: str
    start: int
    end: int
    text: str
    kind: str
    weight: float


def is_cyrillic(alias: str) -> bool:
    """True when the alias is written in Cyrillic (and so needs case endings)."""
    return bool(_CYRILLIC.search(alias))


def russian_word_pattern(word: str) -> str:
    """Regex for one Russian word in any grammatical case: strip the ending, allow a new one."""
    parts = word.split("-")
    last = parts[-1]
    stem = _RU_ENDING.sub("", last) if len(last) > 4 else last[:-1] if len(last) > 3 else last
    if len(stem) < 3:
        stem = last
    parts[-1] = re.escape(stem) + r"[а-яё]{0,3}"
    return r"-".join(re.escape(p) if i < len(parts) - 1 else p for i, p in enumerate(parts))


def alias_pattern(alias: str) -> str:
    """Regex source for an alias: literal English (flexible spaces and dashes) or inflected Russian."""
    words = alias.split()
    if is_cyrillic(alias):
        body = r"\s+".join(russian_word_pattern(w.replace("ё", "е")) for w in words)
        body = body.replace("е", "[её]")
    else:
        dash = re.compile(r"\\?[-–—]")
        escaped = [dash.sub("\0", re.escape(w)).replace("\0", "[-–—]") for w in words]
        body = r"[\s\-–—]+".join(escaped)
    return r"(?<![\w-])" + body + r"(?![\w])"


class RegionMatcher:
    """Finds region mentions: every alias indexed by its first letters, longest alias first."""

    def __init__(self, aliases: pd.DataFrame):
        self._index: PhraseIndex[tuple[str, str]] = PhraseIndex()
        for row in aliases.itertuples(index=False):
            ignore_case = is_cyrillic(row.alias) or len(row.alias) > 4
            flags = re.IGNORECASE if ignore_case else 0
            self._index.add(row.alias, alias_pattern(row.alias), flags, (row.iso_code, row.kind))

    def mentions(self, text: str, starts: WordStarts | None = None) -> list[RegionMention]:
        """All non-overlapping mentions, left to right; at each place the longest alias wins.
        `starts`: the text's `word_starts`, when already computed."""
        return [
            RegionMention(m.payload[0], m.start, m.end, m.text, m.payload[1], KIND_WEIGHTS[m.payload[1]])
            for m in self._index.find_all(text, starts)
        ]

    def resolve(self, name: str) -> str | None:
        """The ISO code of a region name given alone (e.g. 'Kaluga Region'), or None."""
        mentions = self.mentions(name)
        for m in mentions:
            if m.end - m.start >= len(name.strip()) * 0.6:
                return m.iso_code
        found = {m.iso_code for m in mentions}
        return found.pop() if len(found) == 1 else None
