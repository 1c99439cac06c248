"""Dates and reporting periods written in a report: '20 March 2023', 'January–September 2022', 'H1 2023'."""

from __future__ import annotations

import re
from datetime import date

from analysis.analyzer.sentences import HAS_DIGIT_RE
from analysis.analyzer.textmatch import word_start_re
from analysis.data.marks import N_, Gettext, english
from analysis.data.periods import format_months

MONTHS_EN = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}  # fmt: skip
MONTHS_RU = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
             "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}  # fmt: skip
MONTH_EN_RE = "|".join(MONTHS_EN) + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
MONTH_RU_RE = r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*"
DASH = r"\s*[-–—]\s*"


# Full dates in one pass (English day-month, English month-day, Russian, ISO, dd.mm.yyyy); every form starts a word.
DATE_RE = word_start_re(
    rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH_EN_RE})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{MONTH_EN_RE})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<d3>\d{{1,2}})\s+(?P<m3>{MONTH_RU_RE})\s+(?P<y3>\d{{4}})"
    r"|(?P<y4>\d{4})-(?P<m4>\d\d)-(?P<d4>\d\d)\b"
    r"|(?P<d5>\d\d)\.(?P<m5>\d\d)\.(?P<y5>\d{4})\b"
)


def find_date(text: str) -> str | None:
    """The first full date in the text (English or Russian forms, or numeric), as YYYY-MM-DD.

    A written date that is no day ('31 February 2023') is passed over for the next one."""
    if not HAS_DIGIT_RE.search(text):
        return None
    for m in DATE_RE.finditer(text):
        i = next(i for i in "12345" if m.group("y" + i))
        month = m.group("m" + i)
        mo = int(month) if month.isdigit() else _month_no(month)
        try:
            return date(int(m.group("y" + i)), int(mo), int(m.group("d" + i))).isoformat()
        except (TypeError, ValueError):
            continue
    return None


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


ORDINAL = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "перв": 1, "втор": 2, "трет": 3, "четв": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4,
}  # fmt: skip
COUNT = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "два": 2, "двух": 2, "три": 3, "трех": 3, "четыре": 4, "четырех": 4, "пять": 5, "пяти": 5,
    "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9,
    "десять": 10, "десяти": 10, "одиннадцать": 11, "одиннадцати": 11,
}  # fmt: skip
YEAR = r"(?:19[89]\d|20[0-4]\d)"
_TAIL_YEAR = (
    rf"(?:\s+(?:of\s+|in\s+)?(?:(?P<y>{YEAR})(?:\s*(?:года|году|г\.?))?|(?P<ty>this year|the current year|"
    r"текущего года|этого года|сего года)|(?P<ly>last year|the previous year|прошлого года)))?"
)
_ORD = r"first|second|third|fourth|1st|2nd|3rd|4th|перв\w*|втор\w*|трет\w*|четв[её]рт\w*|I{1,3}|IV"
_COUNT = "|".join(COUNT) + r"|\d{1,2}"
PERIOD_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", word_start_re(
        rf"\b(?P<a>{MONTH_EN_RE}|{MONTH_RU_RE})(?:{DASH}|\s+(?:through|to|till|until|по)\s+)"
        rf"(?P<b>{MONTH_EN_RE}|{MONTH_RU_RE})\b\.?{_TAIL_YEAR}", re.I)),
    ("month", word_start_re(
        rf"(?:за|in|for|during)\s+(?P<a>{MONTH_EN_RE}|{MONTH_RU_RE})\b\.?\s+(?P<y>{YEAR})(?:\s*(?:года|году|г\.?))?",
        re.I)),
    ("months", word_start_re(
        rf"\b(?:(?:the\s+)?first\s+)?(?P<n>{_COUNT})\s+months(?:\s+of)?{_TAIL_YEAR}"
        rf"|\b(?P<n2>{_COUNT})\s+месяц\w*"
        rf"{_TAIL_YEAR.replace('<y>', '<y2>').replace('<ty>', '<ty2>').replace('<ly>', '<ly2>')}"
        rf"|\b(?P<n3>\d{{1,2}})M\s?(?P<y3>{YEAR})", re.I)),
    ("half", word_start_re(
        rf"\b(?P<o>{_ORD})\s+(?:half|полугоди\w*)(?:\s+of)?{_TAIL_YEAR}|\bH(?P<h>[12])\s?(?P<y2>{YEAR})"
        rf"|\b(?P<y3>{YEAR})\s?H(?P<h3>[12])\b", re.I)),
    ("quarter", word_start_re(
        rf"\b(?P<o>{_ORD})\s+(?:quarter|квартал\w*)(?:\s+of)?{_TAIL_YEAR}|\bQ(?P<q>[1-4])\s?(?P<y2>{YEAR})"
        rf"|\b(?P<y3>{YEAR})\s?Q(?P<q3>[1-4])\b", re.I)),
    ("last", word_start_re(r"\blast year\b|\bthe past year\b|\bthe previous year\b|прошл\w* год\w*|"
                        r"предыдущ\w* год\w*|\bминувш\w* год\w*", re.I)),
    ("this", word_start_re(r"\bthis year\b|\bthe current year\b|текущ\w* год\w*|\bэтом году|\bнынешн\w* год\w*", re.I)),
    ("year", re.compile(rf"(?<![\d.,])(?P<y>{YEAR})(?![\d.,]\d)")),
]  # fmt: skip
YEARS_RE = re.compile(rf"(?<![\d.,]){YEAR}(?![\d])")
# Words one of which must be in a text for a pattern to be worth running (a cheap substring test).
PATTERN_GATES = {
    "range": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "янв", "фев",
              "мар", "апр", "мая", "май", "мае", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
    "month": ("за ", "in ", "for ", "during "),
    "months": ("month", "месяц", "m "),
    "half": ("half", "полугод", "h1", "h2"),
    "quarter": ("quarter", "квартал", "q1", "q2", "q3", "q4"),
    "last": ("last", "past", "previous", "прошл", "предыдущ", "минувш"),
    "this": ("this year", "current", "текущ", "этом году", "нынешн"),
}  # fmt: skip
# The same words as one case-sensitive alternation each, searched in the lower-cased text (one fast scan).
GATE_RES = {kind: re.compile("|".join(map(re.escape, words))) for kind, words in PATTERN_GATES.items()}
BASE_BEFORE_RE = re.compile(  # the look-ahead (the forms' first letters) only speeds the search up
    r"(?=[scvtспчаок])(?:\b(?:since|с|со)\s+(?:the\s+)?|(?:compared (?:with|to)|\bthan(?: in)?|\bversus|\bvs\.?|same period (?:of|in|last)|"
    r"\bпо сравнению с|\bчем в|аналогичн\w* период\w*|\bотносительно|\bк уровню)\W+(?:\w+\W+){0,2})$",
    re.I,
)


def _ordinal(word: str) -> int | None:
    w = word.lower()
    if w in ORDINAL:
        return ORDINAL[w]
    return next((n for stem, n in ORDINAL.items() if len(stem) >= 4 and w.startswith(stem)), None)


def period_mentions(
    text: str, report_year: int | None, context_year: int | None = None, report_month: int | None = None
) -> list[tuple[int, int, str | None, bool]]:
    """Every reporting period in a text: (start, end, period, is_base) left to right.

    `period` is canonical ('2024-01..09', '2023-H1', '2024-Q1', '2022') or None when a part-year has
    no year in reach; `is_base` marks a comparison base ('since 2019', 'против 2021 года').
    A part-year without its own year takes a year written in the text, else `context_year` (the
    trade sentence before), else the report's year, or the year before when the part-year ends after
    the report's month ('January–November' in a February report is last year's).
    """
    taken: list[tuple[int, int]] = []
    out = []
    first_year = YEARS_RE.search(text)
    fallback = int(first_year.group()) if first_year else context_year or report_year
    low = text.lower()
    for kind, rx in PERIOD_PATTERNS:
        gate = GATE_RES.get(kind)
        if gate is not None and gate.search(low) is None:
            continue
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groupdict()
            y = next((g[k] for k in ("y", "y2", "y3") if g.get(k)), None)
            year = int(y) if y else fallback
            if not y and (g.get("ty") or g.get("ty2")):
                year = report_year
            elif not y and (g.get("ly") or g.get("ly2")):
                year = report_year - 1 if report_year else None
            period = None
            if kind == "month":
                a = _month_no(g["a"])
                if not a:
                    continue
                period = format_months(year, a, a)
            elif kind == "range":
                a, b = _month_no(g["a"]), _month_no(g["b"])
                if a and b and a <= b and year:
                    if not y and year == report_year == fallback and report_month and b >= report_month:
                        year -= 1
                    period = format_months(year, a, b)
                elif not (a and b):
                    continue
            elif kind == "months":
                raw = g.get("n") or g.get("n2") or g.get("n3")
                n = int(raw) if raw.isdigit() else COUNT.get(raw.lower())
                if not n or not 1 <= n <= 12:
                    continue
                if year and not y and year == report_year == fallback and report_month and n >= report_month:
                    year -= 1
                period = format_months(year, 1, n) if year else None
            elif kind in ("half", "quarter"):
                if g.get("o"):
                    n = _ordinal(g["o"])
                else:
                    n = int(g.get("h") or g.get("q") or g.get("h3") or g.get("q3"))
                if not n or (kind == "half" and n > 2):
                    continue
                period = f"{year}-{'H' if kind == 'half' else 'Q'}{n}" if year else None
            elif kind == "last":
                period = str(report_year - 1) if report_year else None
            elif kind == "this":
                period = str(report_year) if report_year else None
            else:
                period = str(year)
            taken.append((m.start(), m.end()))
            is_base = kind == "year" and bool(BASE_BEFORE_RE.search(text[max(0, m.start() - 40) : m.start()]))
            out.append((m.start(), m.end(), period, is_base))
    return sorted(out)


def find_period(clause: str, report_year: int | None) -> str | None:
    """The reporting period a clause speaks of: '2024-01..11', '2023-H1', '2024-Q1', '2022', or None."""
    mentions = [p for p in period_mentions(clause, report_year) if p[2]]
    main = [p for p in mentions if not p[3]] or mentions
    return main[0][2] if main else None


def check_report_date(raw: str, gettext: Gettext = english) -> tuple[str | None, str | None]:
    """A report date typed by the user: (ISO date, None) when valid, (None, message) when not, (None, None) if empty.

    '2023-02-30' has the right form but is no date: the message says so rather than ignoring it silently.
    The message is in the language of `gettext` (the page's translator; English by default).
    """
    raw = (raw or "").strip()
    if not raw:
        return None, None
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", raw):
        return None, gettext(
            N_("'{raw}' is not a date in YYYY-MM-DD form (e.g. 2023-03-20); it is not used."), raw=raw
        )
    try:
        return date.fromisoformat(raw).isoformat(), None
    except ValueError:
        return None, gettext(
            N_("There is no such day as {raw}; check the month and day. The date is not used."), raw=raw
        )
