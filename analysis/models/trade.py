"""Reported trade figures: the best annual figure per region, year and flow, and views built on it.

Best-figure rule (also in datasets/README.md):
1. Only reported figures (no forecasts, no suspected unit slips), whole-coverage goods figures,
   full calendar years, with a value in USD (directly or via a sourced annual rate).
2. One statistics side at a time: 'BY' or 'RU' uses only that side; 'best' takes Belarusian
   figures first, then Russian, then unattributed, and says which side each row comes from.
3. Within a side: a stated year beats an inferred one; exact beats over/almost beats about;
   a page-dated source beats a URL-dated one beats an undated one; then the latest published.
The figure of the other side for the same region, year and flow is kept for comparison.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SIDE_ORDER = {"BY": 0, "RU": 1, "unknown": 2}
QUALIFIER_ORDER = {"exact": 0, "over": 1, "almost": 1, "about": 2}
BASIS_ORDER = {"page": 0, "url": 1, "not_before_period_end": 2}
FLOWS = ("turnover", "by_exports", "by_imports")
SIDE_CHOICES = ("best", "BY", "RU")


def usable_annual(facts: pd.DataFrame) -> pd.DataFrame:
    """Facts eligible for a best annual figure (rule 1), with an integer `year`."""
    full_year = facts.period.str.fullmatch(r"\d{4}")
    ok = full_year & facts.status.eq("reported") & facts.coverage.eq("goods") & facts.value_musd.notna()
    out = facts[ok].copy()
    out["year"] = out.period.astype(int)
    return out


def _ranked(df: pd.DataFrame) -> pd.DataFrame:
    """Rows ordered by the rule-3 preference (best first within each group)."""
    return df.assign(
        _inf=df.period_inferred.astype(int),
        _q=df.qualifier.map(QUALIFIER_ORDER),
        _b=df.published_basis.map(BASIS_ORDER),
        _side=df.side.map(SIDE_ORDER),
    ).sort_values(["_side", "_inf", "_q", "_b", "published"], ascending=[True, True, True, True, False])


def best_annual_figures(facts: pd.DataFrame, side: str = "best") -> pd.DataFrame:
    """One row per region, year and flow: the chosen figure, its side and source, and the other side's."""
    if side not in SIDE_CHOICES:
        raise ValueError(f"side must be one of {SIDE_CHOICES}, got {side!r}")
    pool = usable_annual(facts)
    keys = ["region_iso", "year", "flow"]
    ranked = _ranked(pool)
    chosen = ranked if side == "best" else ranked[ranked.side == side]
    best = chosen.drop_duplicates(keys, keep="first")
    # The other side's best figure for the same cell, for comparison (never mixed in).
    other = ranked.merge(best[keys + ["side"]], on=keys, suffixes=("", "_chosen"))
    other = other[(other.side != other.side_chosen) & other.side.isin(["BY", "RU"])]
    other = other.drop_duplicates(keys, keep="first")[keys + ["side", "value_musd", "source_url"]]
    other = other.rename(
        columns={
            "side": "other_side",
            "value_musd": "other_value_musd",
            "source_url": "other_source_url",
        }
    )
    n_alt = pool.groupby(keys).size().rename("n_figures").reset_index()
    cols = keys + [
        "value_musd", "side", "qualifier", "period_inferred", "fact_id", "source_url",
        "publisher", "published", "value", "unit", "currency",
    ]  # fmt: skip
    cols += [c for c in ("origin", "added_by", "added_at") if c in best.columns]  # store provenance
    out = best[cols].merge(other, on=keys, how="left").merge(n_alt, on=keys, how="left")
    return out.sort_values(keys).reset_index(drop=True)


SOURCE_SEPARATOR = " | "  # joins the sources of a derived figure in one cell


def region_series(best: pd.DataFrame, region_iso: str) -> pd.DataFrame:
    """Figures over time for one region (or 'RU' for national totals), one row per year and flow."""
    return best[best.region_iso == region_iso].sort_values(["year", "flow"]).reset_index(drop=True)


def national_series(facts: pd.DataFrame) -> pd.DataFrame:
    """Belarus–Russia totals by year, flow and side: each side's own best figure, never merged."""
    frames = [best_annual_figures(facts, side=s).assign(series_side=s) for s in ("BY", "RU")]
    nat = pd.concat(frames, ignore_index=True)
    nat = nat[nat.region_iso == "RU"]
    wide = nat.pivot_table(index=["year", "side"], columns="flow", values="value_musd", aggfunc="first")
    wide = wide.reindex(columns=list(FLOWS))
    wide["balance"] = wide.by_exports - wide.by_imports
    long = wide.reset_index().melt(id_vars=["year", "side"], var_name="flow", value_name="value_musd")
    long = long.dropna(subset=["value_musd"])
    src = pd.concat(
        [nat[["year", "side", "flow", "source_url", "fact_id", "qualifier"]], _balance_sources(nat)]
    )
    return long.merge(src, on=["year", "side", "flow"], how="left").sort_values(["side", "flow", "year"])


def _balance_sources(nat: pd.DataFrame) -> pd.DataFrame:
    """Provenance of each derived balance: the exports and imports facts it is computed from."""
    cols = ["year", "side", "source_url", "fact_id"]
    both = nat.loc[nat.flow == "by_exports", cols].merge(
        nat.loc[nat.flow == "by_imports", cols], on=["year", "side"], suffixes=("_x", "_m")
    )
    same = both.source_url_x == both.source_url_m
    joined = both.source_url_x + SOURCE_SEPARATOR + both.source_url_m
    return pd.DataFrame(
        {
            "year": both.year,
            "side": both.side,
            "flow": "balance",
            "source_url": both.source_url_x.where(same, joined),
            "fact_id": both.fact_id_x.astype(str) + SOURCE_SEPARATOR + both.fact_id_m.astype(str),
            "qualifier": "derived: Belarus exports − imports",
        }
    )


def latest_kpis(national: pd.DataFrame, side: str) -> pd.DataFrame:
    """For each flow: the latest year's value on one side and the change from the year before."""
    rows = []
    for flow, g in national[national.side == side].groupby("flow"):
        g = g.sort_values("year")
        last = g.iloc[-1]
        prev = g[g.year == last.year - 1]
        change = (last.value_musd / prev.value_musd.iloc[0] - 1) * 100 if len(prev) else np.nan
        if flow == "balance" or (len(prev) and prev.value_musd.iloc[0] == 0):
            change = np.nan
        rows.append(
            {
                "flow": flow,
                "year": int(last.year),
                "value_musd": last.value_musd,
                "change_pct": change,
                "source_url": last.source_url,
            }
        )
    return pd.DataFrame(rows, columns=["flow", "year", "value_musd", "change_pct", "source_url"])


def region_table(
    best: pd.DataFrame, regions: pd.DataFrame, fx: pd.DataFrame, years: tuple[int, int]
) -> pd.DataFrame:
    """One row per Russian region: the latest turnover within `years`, same-year flows and ratios."""
    in_range = best[(best.year >= years[0]) & (best.year <= years[1]) & (best.region_iso != "RU")]
    turnover = in_range[in_range.flow == "turnover"].sort_values("year")
    latest = turnover.drop_duplicates("region_iso", keep="last")
    wide = in_range.pivot_table(
        index=["region_iso", "year"], columns="flow", values="value_musd", aggfunc="first"
    ).reindex(columns=list(FLOWS))
    table = latest[["region_iso", "year", "value_musd", "side", "source_url"]].rename(
        columns={"value_musd": "turnover_musd", "year": "latest_year"}
    )
    same_year = wide.reset_index().rename(columns={"year": "latest_year"})
    table = table.merge(
        same_year[["region_iso", "latest_year", "by_exports", "by_imports"]],
        on=["region_iso", "latest_year"],
        how="left",
    ).rename(columns={"by_exports": "exports_musd", "by_imports": "imports_musd"})
    table["balance_musd"] = table.exports_musd - table.imports_musd
    prev = turnover[["region_iso", "year", "value_musd"]].rename(
        columns={"year": "prev_year", "value_musd": "prev_turnover_musd"}
    )
    table["prev_year"] = table.latest_year - 1
    table = table.merge(prev, on=["region_iso", "prev_year"], how="left")
    table["growth_pct"] = (table.turnover_musd / table.prev_turnover_musd - 1) * 100
    meta = regions[regions.country == "RU"][
        [
            "iso_code",
            "name_en",
            "federal_district",
            "population",
            "grp_value",
            "grp_year",
            "lat",
            "lon",
        ]
    ]
    table = meta.merge(table, left_on="iso_code", right_on="region_iso", how="left")
    table["turnover_per_capita_usd"] = table.turnover_musd * 1e6 / table.population.astype("float64")
    rates = fx[fx.currency == "RUB"].set_index("year").per_usd
    grp_musd = table.grp_value * 1000 / table.grp_year.map(rates).astype("float64")
    table["turnover_per_grp_pct"] = table.turnover_musd / grp_musd * 100
    table = table.drop(columns=["region_iso", "prev_year", "prev_turnover_musd"])
    return table.sort_values("turnover_musd", ascending=False, na_position="last").reset_index(drop=True)


def district_rollup(table: pd.DataFrame) -> pd.DataFrame:
    """Federal-district totals of each region's latest turnover (regions without figures counted)."""
    g = table.groupby("federal_district", dropna=False)
    out = pd.DataFrame(
        {
            "regions": g.size(),
            "regions_with_figures": g.turnover_musd.count(),
            "turnover_musd": g.turnover_musd.sum(min_count=1),
        }
    ).reset_index()
    return out.sort_values("turnover_musd", ascending=False).reset_index(drop=True)


def partial_year_figures(facts: pd.DataFrame, region_iso: str) -> pd.DataFrame:
    """Reported figures for parts of a year (e.g. 2024-01..11) for one region, newest first."""
    f = facts[(facts.region_iso == region_iso) & ~facts.period.str.fullmatch(r"\d{4}")]
    cols = [
        "period",
        "flow",
        "value_musd",
        "value",
        "unit",
        "currency",
        "qualifier",
        "side",
        "status",
        "source_url",
    ]
    return f.sort_values("period_end", ascending=False)[cols].reset_index(drop=True)
