"""Consistent number formats for the app: $1.2 bn, $654 m, +13.6%."""

from __future__ import annotations

import math


def _missing(x: float | None) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def fmt_musd(value_musd: float | None) -> str:
    """A value in million USD as '$1.2 bn', '$654 m' or '$0.8 m'; '–' when missing."""
    if _missing(value_musd):
        return "–"
    v = float(value_musd)
    sign = "-" if v < 0 else ""
    v = abs(v)
    if v >= 1000:
        return f"{sign}${v / 1000:,.1f} bn"
    if v >= 10:
        return f"{sign}${v:,.0f} m"
    return f"{sign}${v:,.1f} m"


def fmt_pct(value: float | None, signed: bool = True) -> str:
    """A percentage with one decimal: '+13.6%' (signed) or '13.6%'; '–' when missing."""
    if _missing(value):
        return "–"
    return f"{value:+.1f}%" if signed else f"{value:.1f}%"


def fmt_int(value: float | None) -> str:
    """A whole number with thousands separators; '–' when missing."""
    return "–" if _missing(value) else f"{int(round(float(value))):,}"


def fmt_count(n: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun in the right number: '1 meeting', '3 meetings', '0 regions'."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


UNIT_WORDS = {"thousand": "thousand", "million": "m", "billion": "bn", "trillion": "trn"}


def fmt_money(value: float | None, unit: str, currency: str) -> str:
    """A figure as stated in its own currency: 'RUB 8.7 bn', 'USD 654 m'; '–' when missing."""
    if _missing(value):
        return "–"
    return f"{currency} {float(value):,.1f} {UNIT_WORDS.get(unit, unit)}".replace(".0 ", " ")
