"""Reported trade figures: the best annual figure per region, year and flow, and views built on it.

The best-figure rule is `BEST_FIGURE_RULE` below (also in datasets/README.md and on the Data & methods
page): one statistics side at a time, a preference order within it, and where sources of the chosen side
disagree the chosen figure is marked "N sources differ" with the runner-up beside it. Derived figures
combine one side and one coverage of full calendar years only; otherwise they are left blank with a note.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.data.marks import N_

SIDE_ORDER = {"BY": 0, "RU": 1, "unknown": 2}
QUALIFIER_ORDER = {"exact": 0, "over": 1, "almost": 1, "about": 2}
BASIS_ORDER = {"page": 0, "url": 1, "not_before_period_end": 2}
FLOWS = ("turnover", "by_exports", "by_imports")
SIDE_CHOICES = ("best", "BY", "RU")
SIDE_NAMES = {"BY": "Belarusian", "RU": "Russian", "unknown": "unattributed"}
NO_RATE_NOTE = "no USD value: no rate on file"
BEST_FIGURE_RULE = N_(
    "1. Only reported figures count (no forecasts, no suspected unit slips): goods figures of the whole "
    "coverage, full calendar years, with a value in USD (directly or via a sourced annual rate).\n"
    "2. One statistics side at a time: 'BY' or 'RU' uses only that side; 'best' takes Belarusian figures "
    "first, then Russian, then unattributed, and says which side each row comes from. The other side's figure "
    "for the same region, year and flow is kept for comparison.\n"
    "3. Within a side: a stated year beats an inferred one; exact beats over/almost, which beat about; a "
    "page-dated source beats a URL-dated one, which beats an undated one; then the latest published.\n"
    "4. Where sources of the chosen side disagree on the same region, year and flow, the figure chosen by "
    "rule 3 is kept and marked **N sources differ**, with the runner-up's value and source beside it "
    "(`alt_value_musd`, `alt_source_url`): nothing is averaged and nothing is dropped silently.\n\n"
    "Derived figures (growth, balance, KPI change) combine figures of one side and one coverage, both full "
    "calendar years; where that is not possible the number is left blank and a `*_note` column says why. "
    "Full-year figures stated in roubles for a year without a rate on file have no USD value: they are listed "
    "in roubles (`no_usd_figures`) and never enter a sum, ratio or change."
)  # shown on the Data & methods page
CONFLICT_RULE = N_(
    "When two or more figures of the same statistics side exist for one region, year and flow and their "
    "values differ, the figure chosen is the best by rule 3 (a stated year beats an inferred one; exact beats "
    "over/almost, which beat about; a page-dated source beats a URL-dated one, which beats an undated one; "
    "then the latest published). It is never averaged with the others: it is marked **N sources differ**, "
    "and the runner-up's value and source are shown beside it (chart hover, region profile, and the "
    "`alt_value_musd` / `alt_source_url` columns of every download)."
)


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
        "value_musd", "side", "coverage", "qualifier", "period_inferred", "fact_id", "source_url",
        "publisher", "published", "value", "unit", "currency",
    ]  # fmt: skip
    cols += [c for c in ("origin", "added_by", "added_at") if c in best.columns]  # store provenance
    out = best[cols].merge(other, on=keys, how="left").merge(n_alt, on=keys, how="left")
    out = out.merge(_differing_sources(ranked, best, keys), on=keys, how="left")
    out["n_sources_differ"] = out.n_sources_differ.fillna(0).astype("Int64")
    out["differ_note"] = out.differ_note.fillna("")
    return out.sort_values(keys).reset_index(drop=True)


def _differing_sources(ranked: pd.DataFrame, best: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Rule 4: per cell, how many figures of the chosen side disagree, and the runner-up's value and source."""
    same = ranked.merge(
        best[keys + ["side", "fact_id", "value_musd"]], on=keys + ["side"], suffixes=("", "_c")
    )
    alt = same[(same.fact_id != same.fact_id_c) & (same.value_musd.round(6) != same.value_musd_c.round(6))]
    n = alt.groupby(keys).value_musd.nunique().rename("n_sources_differ") + 1
    first = alt.drop_duplicates(keys, keep="first")[keys + ["value_musd", "source_url"]].rename(
        columns={"value_musd": "alt_value_musd", "source_url": "alt_source_url"}
    )
    out = first.merge(n.reset_index(), on=keys)
    out["differ_note"] = out.n_sources_differ.astype(str) + " sources differ"
    return out


def value_on_side(best: pd.DataFrame) -> pd.DataFrame:
    """Each side's own figure per region, year and flow (chosen or kept for comparison), long form.

    Columns: region_iso, year, flow, side, value_musd. Lets a derived number stay within one side.
    """
    keys = ["region_iso", "year", "flow"]
    chosen = best[keys + ["side", "value_musd"]]
    other = best[keys + ["other_side", "other_value_musd"]].rename(
        columns={"other_side": "side", "other_value_musd": "value_musd"}
    )
    both = pd.concat([chosen, other], ignore_index=True).dropna(subset=["side", "value_musd"])
    return both.drop_duplicates(keys + ["side"]).reset_index(drop=True)


def change_pct(current: float, previous: float) -> tuple[float, str]:
    """Percentage change and, when it cannot be computed, the reason (blank value, never inf or NaN-as-0)."""
    if pd.isna(previous):
        return np.nan, "no figure for the previous year"
    if pd.isna(current):
        return np.nan, "no figure for this year"
    if previous == 0:
        return np.nan, "previous year is zero: no growth rate"
    return (current / previous - 1) * 100, ""


def growth_within_side(
    side: str, year: int, current: float, prev_on_side: float, prev_sides: list[str]
) -> tuple[float, str]:
    """Year-on-year change of one figure against the same side's previous full year, or why not."""
    if side not in ("BY", "RU"):
        return np.nan, "statistics side not stated: no growth rate"
    if pd.isna(prev_on_side):
        others = [SIDE_NAMES[s] for s in prev_sides if s != side]
        if others:
            return np.nan, f"previous year ({year - 1}) only in {' and '.join(others)} statistics"
        return np.nan, f"no full-year figure for {year - 1}"
    return change_pct(current, prev_on_side)


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
    """The four headline figures of one side: each flow's own latest full-year figure on that side.

    Each flow keeps its own year (turnover may be newer than exports); `common_year` is True only when all
    flows shown share one year, so the page says when the years differ. `change_pct` is against the same
    flow's figure of the same side for the year before (full years only), blank with `change_note` when that
    figure is missing or zero; a balance has no percentage change. A balance row exists only where `national`
    holds one (exports and imports of one year and side, or a reported balance): it is never built here.
    Shape: one row per flow present; columns flow, year, value_musd, change_pct, change_note,
    source_url, common_year. Values in million USD.
    """
    cols = ["flow", "year", "value_musd", "change_pct", "change_note", "source_url", "common_year"]
    own = national[(national.side == side) & national.value_musd.notna()]
    if own.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for flow, g in own.groupby("flow"):
        g = g.sort_values("year")
        last = g.iloc[-1]
        prev = g[g.year == last.year - 1]
        if flow == "balance":
            change, note = np.nan, "a balance has no percentage change"
        else:
            change, note = change_pct(last.value_musd, prev.value_musd.iloc[0] if len(prev) else np.nan)
        rows.append(
            {
                "flow": flow,
                "year": int(last.year),
                "value_musd": last.value_musd,
                "change_pct": change,
                "change_note": note,
                "source_url": last.source_url,
            }
        )
    out = pd.DataFrame(rows)
    out["common_year"] = out.year.nunique() == 1
    return out[cols]


def region_table(
    best: pd.DataFrame, regions: pd.DataFrame, fx: pd.DataFrame, years: tuple[int, int]
) -> pd.DataFrame:
    """One row per Russian region: the latest turnover within `years`, and same-side, same-year derivations.

    Exports, imports and balance are the turnover figure's own side and year; growth is against the same
    side's previous full year. Where a derived figure cannot be computed it is blank and `growth_note`
    / `balance_note` say why. Years are nullable integers. Values in million USD.
    """
    in_range = best[(best.year >= years[0]) & (best.year <= years[1]) & (best.region_iso != "RU")]
    turnover = in_range[in_range.flow == "turnover"].sort_values("year")
    latest = turnover.drop_duplicates("region_iso", keep="last")
    table = latest[["region_iso", "year", "value_musd", "side", "source_url", "differ_note"]].rename(
        columns={"value_musd": "turnover_musd", "year": "latest_year"}
    )
    long = value_on_side(best)
    keys = ["region_iso", "latest_year", "side"]

    def on_side(flow: str, year_shift: int, name: str) -> pd.Series:
        f = long[long.flow == flow][["region_iso", "year", "side", "value_musd"]]
        f = (
            f.assign(latest_year=f.year - year_shift)
            .drop(columns="year")
            .rename(columns={"value_musd": name})
        )
        return table[keys].merge(f, on=keys, how="left")[name].to_numpy()

    table["exports_musd"] = on_side("by_exports", 0, "x")
    table["imports_musd"] = on_side("by_imports", 0, "m")
    table["balance_musd"] = table.exports_musd - table.imports_musd
    table["balance_note"] = np.where(
        table.balance_musd.isna(), "exports and imports not both reported on this side", ""
    )
    prev = on_side("turnover", -1, "prev")
    prev_t = long[long.flow == "turnover"]
    prev_sides = (
        prev_t.groupby(["region_iso", "year"])
        .side.agg(lambda x: sorted(set(x)))
        .rename("prev_sides")
        .reset_index()
    )
    prev_sides = (
        table[["region_iso", "latest_year"]]
        .merge(
            prev_sides.assign(latest_year=prev_sides.year + 1).drop(columns="year"),
            on=["region_iso", "latest_year"],
            how="left",
        )
        .prev_sides
    )
    growth = [
        growth_within_side(side, int(year), cur, p, ps if isinstance(ps, list) else [])
        for side, year, cur, p, ps in zip(
            table.side, table.latest_year, table.turnover_musd, prev, prev_sides, strict=True
        )
    ]
    table["growth_pct"] = np.array([g for g, _ in growth], dtype="float64")
    table["growth_note"] = [n for _, n in growth]
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
    table = table.drop(columns=["region_iso"])
    for col in ("latest_year", "grp_year", "population"):
        table[col] = table[col].astype("Int64")
    for col in ("growth_note", "balance_note", "differ_note", "side", "source_url"):
        table[col] = table[col].astype(object).where(table[col].notna(), "").astype(str)
    table = finite(table)
    order = [
        "iso_code", "name_en", "federal_district", "latest_year", "side", "turnover_musd", "differ_note",
        "exports_musd", "imports_musd", "balance_musd", "balance_note", "growth_pct", "growth_note",
        "population", "turnover_per_capita_usd", "grp_value", "grp_year", "turnover_per_grp_pct",
        "lat", "lon", "source_url",
    ]  # fmt: skip
    table = table[order + [c for c in table.columns if c not in order]]
    return table.sort_values("turnover_musd", ascending=False, na_position="last").reset_index(drop=True)


def finite(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with ±inf in numeric columns turned into blanks (a division by zero is no figure)."""
    num = df.select_dtypes("number").columns
    if len(num):
        df = df.copy()
        df[num] = df[num].replace([np.inf, -np.inf], np.nan)
    return df


def district_rollup(table: pd.DataFrame) -> pd.DataFrame:
    """Federal-district totals of each region's latest turnover, one row per district and statistics side.

    Sides are never added together: a district with Belarusian and Russian figures has two rows. `regions`
    counts all the district's regions, `regions_with_figures` those summed in the row, `years` the span of
    the summed figures' years (latest figures differ in year). A district with no figure has one row with
    a blank total and side "". Values in million USD.
    """
    cols = ["federal_district", "side", "regions", "regions_with_figures", "turnover_musd", "years"]
    sizes = table.groupby("federal_district", dropna=False).size()
    has = table[table.turnover_musd.notna()]
    rows = []
    for (fd, side), g in has.groupby(["federal_district", "side"], dropna=False):
        lo, hi = int(g.latest_year.min()), int(g.latest_year.max())
        rows.append(
            (fd, side, int(sizes[fd]), len(g), g.turnover_musd.sum(), f"{lo}" if lo == hi else f"{lo}–{hi}")
        )
    for fd in sizes.index.difference(has.federal_district.unique()):
        rows.append((fd, "", int(sizes[fd]), 0, np.nan, ""))
    out = pd.DataFrame(rows, columns=cols)
    out["regions"] = out.regions.astype("Int64")
    out["regions_with_figures"] = out.regions_with_figures.astype("Int64")
    order = out.groupby("federal_district").turnover_musd.transform("sum")
    out = out.assign(_o=order).sort_values(["_o", "side"], ascending=[False, True]).drop(columns="_o")
    return out.reset_index(drop=True)


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


def no_usd_figures(facts: pd.DataFrame, region_iso: str | None = None) -> pd.DataFrame:
    """Reported full-year goods figures with no USD value (roubles for a year with no rate on file).

    They are listed in their own currency with `usd_note` = "no USD value: no rate on file" and never
    enter a sum, ratio or change. Optionally for one region; newest first.
    """
    full_year = facts.period.str.fullmatch(r"\d{4}")
    ok = full_year & facts.status.eq("reported") & facts.value_musd.isna() & facts.value.notna()
    f = facts[ok]
    if region_iso is not None:
        f = f[f.region_iso == region_iso]
    cols = ["region_iso", "period", "flow", "value", "unit", "currency", "qualifier", "side", "coverage"]
    out = f.sort_values(["period", "flow"], ascending=[False, True])[cols + ["source_url"]].copy()
    out.insert(len(cols), "usd_note", NO_RATE_NOTE)
    return out.reset_index(drop=True)
