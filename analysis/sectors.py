"""Sector taxonomy helpers: HS codes and keywords to sector ids."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd


def split_list(cell: object) -> list[str]:
    """Semicolon-separated cell to a list (empty cells give [])."""
    if not isinstance(cell, str) or not cell.strip():
        return []
    return [x.strip() for x in cell.split(";") if x.strip()]


def hs_index(sectors: pd.DataFrame) -> list[tuple[str, str]]:
    """(HS code, sector_id) pairs, longest codes first."""
    pairs = [(code, s) for s, cell in zip(sectors.sector_id, sectors.hs_codes, strict=True) for code in split_list(cell)]
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=8)
def _keyword_regex(keywords: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keywords) + r")", re.IGNORECASE)


def keyword_sector(text: str, sectors: pd.DataFrame) -> str | None:
    """The sector whose English or Russian keyword matches the text at its longest, if any."""
    best: tuple[int, str] | None = None
    for sid, en, ru in zip(sectors.sector_id, sectors.keywords_en, sectors.keywords_ru, strict=True):
        for kw in split_list(en) + split_list(ru):
            if len(kw) < 4:
                continue
            if _keyword_regex((kw.split()[0],)).search(text) and re.search(
                r"\b" + r"\w*\W+".join(re.escape(w) for w in kw.split()), text, re.IGNORECASE
            ):
                if best is None or len(kw) > best[0]:
                    best = (len(kw), sid)
    return best[1] if best else None


def sector_for_hs(hs: str, sectors: pd.DataFrame, product: str = "") -> str:
    """Sector of a goods mention: its words first (HS chapters are coarse), then the HS code."""
    by_words = keyword_sector(product, sectors) if product else None
    if by_words:
        return by_words
    hs = (hs or "").strip()
    if not hs:
        return ""
    index = hs_index(sectors)
    for code, sid in index:
        if hs.startswith(code):
            return sid
    wider = [sid for code, sid in index if code.startswith(hs)]
    return max(set(wider), key=wider.count) if wider else ""
