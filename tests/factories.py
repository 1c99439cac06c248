"""Small hand-made tables for unit tests."""

from __future__ import annotations

import pandas as pd

FACT_DEFAULTS = {
    "status": "reported",
    "coverage": "goods",
    "qualifier": "exact",
    "period_inferred": False,
    "published_basis": "page",
    "published": "2024-01-01",
    "unit": "million",
    "currency": "USD",
    "publisher": "test",
    "change_pct": None,
    "note": "",
}


def facts(rows: list[dict]) -> pd.DataFrame:
    """Trade facts from short dicts: region_iso, period, flow, value_musd, side (+ overrides)."""
    out = []
    for i, r in enumerate(rows):
        row = {**FACT_DEFAULTS, **r}
        row.setdefault("value", row["value_musd"])
        row.setdefault("fact_id", f"f{i}")
        row.setdefault("source_url", f"https://example.org/{i}")
        out.append(row)
    df = pd.DataFrame(out)
    df["period"] = df.period.astype(str)
    return df
