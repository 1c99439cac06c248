"""Units and money: scale words to millions, and a value in million USD."""

from __future__ import annotations

# Multiplier that turns a value in this unit into millions of the same currency.
UNIT_FACTORS: dict[str, float] = {
    "thousand": 0.001,
    "million": 1.0,
    "billion": 1000.0,
    "trillion": 1_000_000.0,
}


def to_millions(value: float, unit: str) -> float:
    """A value stated in `unit` expressed in millions; raises KeyError for an unknown unit."""
    return value * UNIT_FACTORS[unit]
