"""Sector taxonomy helpers: HS codes and keywords to sector ids."""

from __future__ import annotations

import re

import pandas as pd


def split_list(cell: object) -> list[str]:
    """Semicolon-separated cell to a list (empty cells give [])."""
    if not isinstance(cell, str) or not cell.strip():
        return []
    return [x.strip() for x in cell.split(";") if x.strip()]


def hs_index(sectors: pd.DataFrame) -> list[tuple[str, str]]:
    """(HS code, sector_id) pairs, longest codes first."""
    pairs = [
        (code, s)
        for s, cell in zip(sectors.sector_id, sectors.hs_codes, strict=True)
        for code in split_list(cell)
    ]
    return sorted(pairs, key=lambda p: -len(p[0]))


def keyword_pattern(keyword: str) -> tuple[str, int]:
    """Regex for a taxonomy keyword: acronyms exact and case-sensitive; words may take endings."""
    exact = keyword.endswith("=")
    keyword = keyword.rstrip("=")
    if keyword.isupper() and len(keyword) <= 5:
        return r"(?<![\w])" + re.escape(keyword) + r"(?![\w])", 0
    words = keyword.split()
    parts = []
    for i, w in enumerate(words):
        esc = re.escape(w).replace(r"\-", r"[-\s]?")
        last = i == len(words) - 1
        if exact and last:
            parts.append(esc)
        elif re.search(r"[а-яё]", w, re.I):
            parts.append(esc + r"[а-яё]*")
        elif last:
            parts.append(esc + (r"(?:s|es)?" if len(w) <= 5 else r"\w*"))
        else:
            parts.append(esc + r"\w*")
    return r"(?<![\w])" + r"[\s-]+".join(parts) + r"(?![\w])", re.IGNORECASE


def keyword_sector(text: str, sectors: pd.DataFrame) -> str | None:
    """The sector whose English or Russian keyword matches the text at its longest, if any."""
    best: tuple[int, str] | None = None
    for sid, en, ru in zip(sectors.sector_id, sectors.keywords_en, sectors.keywords_ru, strict=True):
        for kw in split_list(en) + split_list(ru):
            pattern, flags = keyword_pattern(kw)
            if re.search(pattern, text, flags) and (best is None or len(kw) > best[0]):
                best = (len(kw), sid)
    return best[1] if best else None


def sector_for_hs(hs: str, sectors: pd.DataFrame, product: str = "") -> str:
    """Sector of a goods mention: its words first (HS chapters are coarse), then the HS code.

    Words outside brackets name the goods; a bracketed note ('tractors (dealer centre in Elista)') only
    decides when the name itself matches no sector.
    """
    name = re.sub(r"\([^)]*\)", " ", product)
    by_words = (keyword_sector(name, sectors) or keyword_sector(product, sectors)) if product else None
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
