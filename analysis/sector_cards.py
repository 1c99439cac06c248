"""Data behind the Sectors page: an overview row per sector, region lists and national facts."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from analysis.data import FactBase

LEAD_SECTORS = (
    "machinery",
    "agri_machinery",
    "vehicles",
    "transport_equipment",
    "pharma",
    "agri_food",
    "construction",
)


def sector_overview(fb: FactBase, matrix: pd.DataFrame, sector_filter: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per sector: counts of regions by class and national facts; lead sectors first."""
    g = matrix.groupby("sector_id")
    out = pd.DataFrame(
        {
            "regions_traded": g.traded.sum(),
            "regions_discussed": g.discussed.sum(),
            "regions_discussed_not_traded": g.status.apply(
                lambda s: int((s == "discussed_not_traded").sum())
            ),
        }
    ).astype(int)
    out["national_facts"] = (
        fb.sector_facts.groupby("sector_id").size().reindex(out.index).fillna(0).astype(int)
    )
    meta = fb.sectors.set_index("sector_id")[["name_en", "area", "kind"]]
    out = meta.join(out, how="left").fillna(0).reset_index()
    out["lead"] = out.sector_id.isin(LEAD_SECTORS)
    if sector_filter:
        out = out[out.sector_id.isin(sector_filter)]
    order = {s: i for i, s in enumerate(LEAD_SECTORS)}
    out["_o"] = out.sector_id.map(order).fillna(len(order))
    out = out.sort_values(["_o", "regions_traded"], ascending=[True, False]).drop(columns="_o")
    return out.reset_index(drop=True)


def region_lists_frame(matrix: pd.DataFrame, sector_id: str, label: Callable[[str], str]) -> pd.DataFrame:
    """Regions related to a sector: traded, or discussed but not traded."""
    m = matrix[matrix.sector_id == sector_id]
    rows = [(r, label(r), "traded") for r in sorted(m[m.traded].region_iso)]
    rows += [
        (r, label(r), "discussed_not_traded")
        for r in sorted(m[m.status == "discussed_not_traded"].region_iso)
    ]
    return pd.DataFrame(rows, columns=["region_iso", "region_name", "relation"])


def national_facts(fb: FactBase, sector_id: str) -> pd.DataFrame:
    """National facts about the sector with their sources."""
    f = fb.sector_facts[fb.sector_facts.sector_id == sector_id]
    return f[["period", "product", "metric", "value_text", "unit", "side", "source_url"]].reset_index(
        drop=True
    )
