"""Sector gaps per region: was a sector discussed in meetings, are its goods traded, is Belarus strong in it?

Each region × sector pair gets a class and a transparent opportunity score (0–100):
  score = 50·discussed + 30·national_strength + 20·not_traded
  discussed          1 if raised at a top-level meeting (President or Prime Minister), 0.5 if only at
                     a lower level, 0 if never, within the chosen years;
  national_strength  Belarus's largest stated share of Russia's imports in that sector (0–1),
                     or 0.5 when national facts exist without a share, 0 when none;
  not_traded         1 when no goods of the sector are recorded as traded with the region, else 0.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.data.sectors import split_list
from analysis.data.tables import FactBase

CLASSES = {
    (True, True): "established",
    (True, False): "discussed_not_traded",
    (False, True): "traded_not_discussed",
    (False, False): "untouched",
}
CLASS_LABELS = {
    "established": "Established (discussed and traded)",
    "discussed_not_traded": "Opportunity (discussed, no trade recorded)",
    "traded_not_discussed": "Traded, not on the agenda",
    "untouched": "Untouched",
}
WEIGHTS = {"discussed": 50.0, "national_strength": 30.0, "not_traded": 20.0}


def _year_of(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s.fillna("").str[:4], errors="coerce")


def meetings_by_sector(meetings: pd.DataFrame, years: tuple[int, int]) -> pd.DataFrame:
    """One row per meeting and sector discussed, within `years`."""
    m = meetings[_year_of(meetings.date).between(*years)]
    rows = [
        (r.region_iso, sid, r.date, r.level, r.by_side, r.region_side, r.source_url)
        for r in m.itertuples(index=False)
        for sid in split_list(r.sectors)
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "region_iso",
            "sector_id",
            "date",
            "level",
            "by_side",
            "region_side",
            "source_url",
        ],
    )


def traded_goods(products: pd.DataFrame, years: tuple[int, int]) -> pd.DataFrame:
    """Goods mentions within `years` (undated mentions are kept: they still show trade exists)."""
    y = _year_of(products.period)
    return products[(y.isna() | y.between(*years)) & (products.sector_id != "")]


def national_strength(sector_facts: pd.DataFrame) -> pd.Series:
    """Per sector: largest share of Russia's imports held by Belarus (0–1), 0.5 with facts but no share."""
    facts = sector_facts[sector_facts.sector_id != ""]
    shares = facts[facts.metric == "share_of_ru_imports"].groupby("sector_id").value.max() / 100
    any_fact = pd.Series(0.5, index=facts.sector_id.unique())
    return shares.combine_first(any_fact).clip(0, 1)


def sector_matrix(fb: FactBase, years: tuple[int, int]) -> pd.DataFrame:
    """Every Russian region × sector with its class, score, score components and evidence counts."""
    regions = fb.regions[fb.regions.country == "RU"][["iso_code", "name_en"]]
    sectors = fb.sectors[["sector_id", "name_en"]].rename(columns={"name_en": "sector_name"})
    grid = regions.merge(sectors, how="cross").rename(
        columns={"iso_code": "region_iso", "name_en": "region_name"}
    )
    met = meetings_by_sector(fb.meetings, years)
    disc = met.groupby(["region_iso", "sector_id"]).agg(
        n_meetings=("date", "size"),
        last_discussed=("date", "max"),
        top_level=("level", lambda s: bool((s == "top").any())),
    )
    goods = traded_goods(fb.product_mentions, years)
    trd = goods.groupby(["region_iso", "sector_id"]).agg(
        n_goods=("product", "size"),
        directions=("direction", lambda s: ";".join(sorted(set(s)))),
    )
    out = grid.merge(disc.reset_index(), on=["region_iso", "sector_id"], how="left")
    out = out.merge(trd.reset_index(), on=["region_iso", "sector_id"], how="left")
    out["n_meetings"] = out.n_meetings.fillna(0).astype(int)
    out["n_goods"] = out.n_goods.fillna(0).astype(int)
    out["discussed"] = out.n_meetings > 0
    out["traded"] = out.n_goods > 0
    out["status"] = [CLASSES[(d, t)] for d, t in zip(out.discussed, out.traded, strict=True)]
    strength = national_strength(fb.sector_facts)
    out["c_discussed"] = np.where(
        out.top_level.fillna(False).astype(bool), 1.0, np.where(out.discussed, 0.5, 0.0)
    )
    out["c_national_strength"] = out.sector_id.map(strength).fillna(0.0)
    out["c_not_traded"] = (~out.traded).astype(float)
    out["score"] = (
        WEIGHTS["discussed"] * out.c_discussed
        + WEIGHTS["national_strength"] * out.c_national_strength
        + WEIGHTS["not_traded"] * out.c_not_traded
    ).round(1)
    out["directions"] = out.directions.fillna("")
    out["last_discussed"] = out.last_discussed.fillna("")
    return (
        out.drop(columns=["top_level"])
        .sort_values(["score", "region_iso"], ascending=[False, True])
        .reset_index(drop=True)
    )


def evidence(fb: FactBase, region_iso: str, sector_id: str, years: tuple[int, int]) -> pd.DataFrame:
    """The rows behind one matrix cell: meetings, goods mentions and national facts, with sources."""
    met = meetings_by_sector(fb.meetings, years)
    met = met[(met.region_iso == region_iso) & (met.sector_id == sector_id)]
    rows = [
        ("meeting", r.date, f"{r.by_side} — {r.region_side}".strip(" —"), r.source_url)
        for r in met.itertuples(index=False)
    ]
    goods = traded_goods(fb.product_mentions, years)
    goods = goods[(goods.region_iso == region_iso) & (goods.sector_id == sector_id)]
    arrow = {"by_exports": "Belarus → region", "by_imports": "region → Belarus"}
    rows += [
        (
            "goods traded",
            r.period,
            f"{r.product} ({arrow.get(r.direction, r.direction)})",
            r.source_url,
        )
        for r in goods.itertuples(index=False)
    ]
    nat = fb.sector_facts[fb.sector_facts.sector_id == sector_id]
    rows += [
        ("national fact", r.period, f"{r.product}: {r.value_text} {r.unit}".strip(), r.source_url)
        for r in nat.itertuples(index=False)
    ]
    return pd.DataFrame(rows, columns=["kind", "when", "what", "source_url"])


def sector_region_lists(matrix: pd.DataFrame, sector_id: str) -> dict[str, list[str]]:
    """For a sector card: regions where its goods are traded and where it is discussed but not traded."""
    m = matrix[matrix.sector_id == sector_id]
    return {
        "traded": sorted(m[m.traded].region_iso),
        "discussed_not_traded": sorted(m[m.status == "discussed_not_traded"].region_iso),
    }
