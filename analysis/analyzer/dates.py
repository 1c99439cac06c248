"""Dates and reporting periods written in a report: '20 March 2023', 'January–September 2022', 'H1 2023'."""

from __future__ import annotations

import re
from datetime import date

from analysis.data.periods import format_months

MONTHS_EN = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}  # fmt: skip
MONTHS_RU = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
             "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}  # fmt: skip
MONTH_EN_RE = "|".join(MONTHS_EN) + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
MONTH_RU_RE = r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*"
DASH = r"\s*[-–—]\s*"


def find_date(text: str) -> str | None:
    """The first full date in the text (English or Russian forms, or numeric), as YYYY-MM-DD."""
    pats = [
        (
            rf"\b(\d{{1,2}})\s+({MONTH_EN_RE})\.?,?\s+(\d{{4}})",
            lambda m: (m[3], _month_no(m[2]), m[1]),
        ),
        (
            rf"\b({MONTH_EN_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})",
            lambda m: (m[3], _month_no(m[1]), m[2]),
        ),
        (rf"\b(\d{{1,2}})\s+({MONTH_RU_RE})\s+(\d{{4}})", lambda m: (m[3], _ru_month(m[2]), m[1])),
        (r"\b(\d{4})-(\d\d)-(\d\d)\b", lambda m: (m[1], int(m[2]), m[3])),
        (r"\b(\d\d)\.(\d\d)\.(\d{4})\b", lambda m: (m[3], int(m[2]), m[1])),
    ]
    best: tuple[int, str] | None = None
    for pat, get in pats:
        m = re.search(pat, text, re.IGNORECASE)
        if not m:
            continue
        y, mo, d = get(m)
        try:
            iso = date(int(y), int(mo), int(d)).isoformat()
        except (TypeError, ValueError):
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), iso)
    return best[1] if best else None


def _ru_month(word: str) -> int | None:
    w = word.lower()
    for stem, n in sorted(MONTHS_RU.items(), key=lambda kv: -len(kv[0])):
        if w.startswith(stem):
            return n
    return None


def _month_no(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if re.match(r"[а-яё]", w):
        return _ru_month(w)
    for name, n in MONTHS_EN.items():
        if name.startswith(w[:3]):
            return n
    return None


def find_period(clause: str, report_year: int | None) -> str | None:
    """The reporting period a clause speaks of: '2024-01..11', '2023-H1', '2024-Q1', '2022', or None."""
    m = re.search(
        rf"\b({MONTH_EN_RE}|{MONTH_RU_RE}){DASH}({MONTH_EN_RE}|{MONTH_RU_RE})\b[^.]{{0,12}}?(\d{{4}})?",
        clause,
        re.I,
    )
    if m:
        a, b = _month_no(m.group(1)), _month_no(m.group(2))
        year = int(m.group(3)) if m.group(3) else _year_near(clause, report_year)
        if a and b and year and a <= b:
            return format_months(int(year), a, b)
    m = re.search(r"first (\w+) months of (\d{4})|(\d+|\w+) months of (\d{4})", clause, re.I)
    if m:
        words = {
            "two": 2,
            "three": 3,
            "four": 4,
            "five": 5,
            "six": 6,
            "seven": 7,
            "eight": 8,
            "nine": 9,
            "ten": 10,
            "eleven": 11,
        }
        n_raw, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        n = int(n_raw) if n_raw.isdigit() else words.get(n_raw.lower())
        if n and 1 <= n <= 12:
            return format_months(int(year), 1, n)
    m = re.search(
        r"(first|second|1st|2nd) half of (\d{4})|(H[12])\s?(\d{4})|(перв|втор)\w* полугоди\w* (\d{4})",
        clause,
        re.I,
    )
    if m:
        if m.group(1):
            h, y = (1 if m.group(1).lower() in ("first", "1st") else 2), m.group(2)
        elif m.group(3):
            h, y = int(m.group(3)[1]), m.group(4)
        else:
            h, y = (1 if m.group(5).lower().startswith("перв") else 2), m.group(6)
        return f"{y}-H{h}"
    m = re.search(
        r"(first|second|third|fourth|1st|2nd|3rd|4th) quarter of (\d{4})|\b(Q[1-4])\s?(\d{4})",
        clause,
        re.I,
    )
    if m:
        qmap = {
            "first": 1,
            "1st": 1,
            "second": 2,
            "2nd": 2,
            "third": 3,
            "3rd": 3,
            "fourth": 4,
            "4th": 4,
        }
        q, y = (qmap[m.group(1).lower()], m.group(2)) if m.group(1) else (int(m.group(3)[1]), m.group(4))
        return f"{y}-Q{q}"
    if report_year and re.search(r"\blast year\b|\bin the past year\b|прошл\w* год\w*", clause, re.I):
        return str(report_year - 1)
    if report_year and re.search(
        r"\bthis year\b|\bthe current year\b|текущ\w* год\w*|этом году", clause, re.I
    ):
        return str(report_year)
    years = re.findall(r"\b(19[89]\d|20[0-4]\d)\b", clause)
    return years[0] if years else None


def _year_near(clause: str, report_year: int | None) -> int | None:
    years = re.findall(r"\b(19[89]\d|20[0-4]\d)\b", clause)
    return int(years[0]) if years else report_year
