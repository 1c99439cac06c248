"""Periods, units and number formats, with hand-checked values."""

from datetime import date

import pytest

from analysis.data.periods import format_months, parse_period
from analysis.data.units import to_millions
from analysis.output.formatting import fmt_count, fmt_int, fmt_musd, fmt_pct


@pytest.mark.parametrize(
    ("text", "start", "end", "full"),
    [
        ("2022", date(2022, 1, 1), date(2022, 12, 31), True),
        ("2023-H1", date(2023, 1, 1), date(2023, 6, 30), False),
        ("2023-H2", date(2023, 7, 1), date(2023, 12, 31), False),
        ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31), False),
        ("2024-01..11", date(2024, 1, 1), date(2024, 11, 30), False),
        ("2024-02..02", date(2024, 2, 1), date(2024, 2, 29), False),
    ],
)
def test_parse_period(text, start, end, full):
    p = parse_period(text)
    assert (p.start, p.end, p.is_full_year) == (start, end, full)


@pytest.mark.parametrize("bad", ["22", "2022-H3", "2024-11..01", "2024-00..05", "last year", ""])
def test_parse_period_rejects_with_the_text(bad):
    with pytest.raises(ValueError, match="not a period"):
        parse_period(bad)


def test_format_months():
    assert format_months(2024, 1, 11) == "2024-01..11"
    assert format_months(2024, 1, 12) == "2024"


def test_counts_use_the_right_number():
    assert fmt_count(1, "meeting") == "1 meeting"
    assert fmt_count(2, "meeting") == "2 meetings"
    assert fmt_count(0, "region") == "0 regions"
    assert fmt_count(1200, "figure") == "1,200 figures"
    assert fmt_count(2, "analysis", "analyses") == "2 analyses"


def test_units():
    assert to_millions(1.5, "billion") == 1500.0
    assert to_millions(654, "million") == 654.0
    assert to_millions(2.355, "trillion") == 2_355_000.0
    with pytest.raises(KeyError):
        to_millions(1, "lakh")


def test_formats():
    assert fmt_musd(1234) == "$1.2 bn"
    assert fmt_musd(654) == "$654 m"
    assert fmt_musd(2.96) == "$3.0 m"
    assert fmt_musd(-60) == "-$60 m"
    assert fmt_musd(None) == "–"
    assert fmt_pct(13.6) == "+13.6%"
    assert fmt_pct(-6) == "-6.0%"
    assert fmt_pct(94, signed=False) == "94.0%"
    assert fmt_int(267133) == "267,133"
