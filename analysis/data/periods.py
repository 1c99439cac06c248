"""Reporting periods: '2022', '2023-H1', '2024-Q1', '2024-01..11', with their dates."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

PERIOD_RE = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4])|-(\d\d)\.\.(\d\d))?$", re.ASCII)  # ASCII digits only


@dataclass(frozen=True)
class Period:
    """A span of whole months within one year."""

    year: int
    first_month: int
    last_month: int

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        return date(self.year, self.last_month, calendar.monthrange(self.year, self.last_month)[1])

    @property
    def months(self) -> int:
        return self.last_month - self.first_month + 1

    @property
    def is_full_year(self) -> bool:
        return self.first_month == 1 and self.last_month == 12


def parse_period(text: str) -> Period:
    """Parse a canonical period string; raise ValueError naming the bad text."""
    m = PERIOD_RE.match(text.strip())
    if not m:
        raise ValueError(f"not a period: {text!r} (expected 2022, 2023-H1, 2024-Q1 or 2024-01..11)")
    year = int(m.group(1))
    part, first, last = m.group(2), m.group(3), m.group(4)
    if part and part[0] == "H":
        h = int(part[1])
        return Period(year, 6 * h - 5, 6 * h)
    if part and part[0] == "Q":
        q = int(part[1])
        return Period(year, 3 * q - 2, 3 * q)
    if first:
        a, b = int(first), int(last)
        if not 1 <= a <= b <= 12:
            raise ValueError(f"not a period: {text!r} (months out of order or range)")
        return Period(year, a, b)
    return Period(year, 1, 12)


def format_months(year: int, first_month: int, last_month: int) -> str:
    """Canonical string for a month span: a whole year is just the year."""
    if first_month == 1 and last_month == 12:
        return str(year)
    return f"{year}-{first_month:02d}..{last_month:02d}"
