"""Recognise Russian and Belarusian regions in free text, in English and Russian.

The alias list comes from `datasets/region_aliases.csv`; this module turns it into
regular expressions (Russian words get case endings) and finds non-overlapping mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

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
    """Finds region mentions using one combined pass per alias, longest match first."""

    def __init__(self, aliases: pd.DataFrame):
        rows = aliases.sort_values("alias", key=lambda s: s.str.len(), ascending=False)
        self._patterns: list[tuple[re.Pattern[str], str, str]] = []
        for row in rows.itertuples(index=False):
            flags = re.IGNORECASE if is_cyrillic(row.alias) or len(row.alias) > 4 else 0
            self._patterns.append((re.compile(alias_pattern(row.alias), flags), row.iso_code, row.kind))

    def mentions(self, text: str) -> list[RegionMention]:
        """All non-overlapping mentions, longer aliases winning over shorter ones."""
        taken: list[tuple[int, int]] = []
        found: list[RegionMention] = []
        for pattern, iso, kind in self._patterns:
            for m in pattern.finditer(text):
                start, end = m.span()
                if any(start < e and s < end for s, e in taken):
                    continue
                taken.append((start, end))
                found.append(RegionMention(iso, start, end, m.group(0), kind, KIND_WEIGHTS[kind]))
        return sorted(found, key=lambda x: x.start)

    def resolve(self, name: str) -> str | None:
        """The ISO code of a region name given alone (e.g. 'Kaluga Region'), or None."""
        for m in self.mentions(name):
            if m.end - m.start >= len(name.strip()) * 0.6:
                return m.iso_code
        found = {m.iso_code for m in self.mentions(name)}
        return found.pop() if len(found) == 1 else None
