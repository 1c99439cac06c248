"""A region among its peers: its rank by turnover, growth and per capita, and a few comparable regions.

Inputs are the region table of `analysis.models.trade.region_table` (latest full year in range per region).
Ranks compare the region only with regions whose figure is on the same statistics side (BY with BY, RU with
RU) and count only regions that have the measure; a missing value has no rank.
"""

from __future__ import annotations

import pandas as pd

from analysis.output.i18n import N_

RANK_MEASURES = {  # English; translated where shown (N_ marks them for the catalog)
    "turnover_musd": N_("Turnover, million USD"),
    "growth_pct": N_("Growth on the year before, %"),
    "turnover_per_capita_usd": N_("Turnover per person, USD"),
}
PEER_COLUMNS = [
    "iso_code", "name_en", "federal_district", "latest_year", "turnover_musd", "growth_pct",
    "turnover_per_capita_usd", "side", "source_url",
]  # fmt: skip


def ranks(table: pd.DataFrame, iso: str) -> pd.DataFrame:
    """The region's rank (1 = highest) per measure among all regions and within its federal district.

    Shape: one row per measure in RANK_MEASURES with columns measure, label, value, latest_year, side,
    rank_all, of_all, rank_district, of_district. Rank columns are empty where the region has no value.
    """
    row = table.set_index("iso_code").loc[iso]
    table = table[table.side == row.side]  # never rank across the two statistics sides
    district = table[table.federal_district == row.federal_district]
    out = []
    for col, label in RANK_MEASURES.items():
        value = row[col]
        has = pd.notna(value)
        all_vals, fd_vals = table[col].dropna(), district[col].dropna()
        out.append(
            {
                "measure": col,
                "label": label,
                "value": value if has else None,
                "latest_year": row.latest_year if has else None,
                "side": row.side,
                "rank_all": int((all_vals > value).sum() + 1) if has else None,
                "of_all": len(all_vals),
                "rank_district": int((fd_vals > value).sum() + 1) if has else None,
                "of_district": len(fd_vals),
            }
        )
    frame = pd.DataFrame(out)
    for col in ("latest_year", "rank_all", "rank_district"):
        frame[col] = frame[col].astype("Int64")
    return frame


def default_peers(table: pd.DataFrame, iso: str, n: int = 4) -> list[str]:
    """The largest regions by turnover in the same federal district with figures on the same statistics side."""
    row = table.set_index("iso_code").loc[iso]
    same = table[
        (table.federal_district == row.federal_district)
        & (table.side == row.side)
        & (table.iso_code != iso)
        & table.turnover_musd.notna()
    ]
    return same.sort_values("turnover_musd", ascending=False).iso_code.head(n).tolist()


def peer_frame(table: pd.DataFrame, iso: str, peers: list[str]) -> pd.DataFrame:
    """The region first, then its peers in the given order, with the ranked measures and their sources."""
    order = [iso] + [p for p in peers if p != iso]
    rows = table.set_index("iso_code").reindex(order).reset_index()
    rows = rows[rows.name_en.notna()]
    out = rows[PEER_COLUMNS].copy()
    out["latest_year"] = out.latest_year.astype("Int64")
    out.insert(1, "is_region", out.iso_code == iso)
    return out.reset_index(drop=True)
