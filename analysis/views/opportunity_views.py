"""Frames and notes for the Opportunities page, built from the model and matrix outputs."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from analysis.models import opportunities, potential
from analysis.models.opportunities import CLASS_LABELS

METHOD_NOTE = (
    "**What is modelled.** Each region's latest reported turnover with Belarus (within the chosen years and "
    "statistics side) is explained by the region's population (a stand-in for economic size: GRP is too patchy "
    "in the fact base) and its great-circle distance from Minsk, in a gravity equation estimated by Poisson "
    "pseudo-maximum likelihood (PPML) with robust (HC1) standard errors. *Expected* is the model's value; "
    "*untapped* is expected minus reported.\n\n"
    "**Caveats.** Figures come from different years and sources; the fit has few regions; population is a rough "
    "proxy for demand; regional statistics assign trade by the company's registration, which inflates Moscow "
    "and St Petersburg. Read the ranking as a place to look, not as a forecast. The leave-one-out error shows "
    "how far an out-of-sample prediction is typically off."
)
SCORE_NOTE = opportunities.__doc__


def fit_summary(g: potential.GravityResult) -> str:
    """One line on how well the gravity model fits: regions in the fit, pseudo-R², leave-one-out error."""
    return (
        f"Fitted on **{g.n} regions** · pseudo-R² **{g.pseudo_r2:.2f}** · "
        f"leave-one-out median error **{g.loo_median_abs_error_pct:.0f}%** (modelled)"
    )


def potential_ranking(g: potential.GravityResult, region_filter: tuple[str, ...] = ()) -> pd.DataFrame:
    """Regions ranked by untapped potential, labelled as modelled (optionally only filtered regions)."""
    t = g.table.copy()
    if region_filter:
        t = t[t.iso_code.isin(region_filter)]
    t.insert(0, "figure_type", "modelled (PPML gravity); actual = reported")
    cols = [
        "figure_type", "rank", "iso_code", "name_en", "federal_district", "actual_musd", "year", "side",
        "expected_musd", "untapped_musd", "actual_to_expected", "loo_expected_musd", "loo_error_pct",
        "population", "distance_km", "in_sample", "lat", "lon", "source_url",
    ]  # fmt: skip
    t = t[[c for c in cols if c in t.columns]]
    return t.sort_values(["rank", "expected_musd"], ascending=[True, False], na_position="last").reset_index(
        drop=True
    )


def matrix_view(
    matrix: pd.DataFrame, regions: tuple[str, ...] = (), sectors: tuple[str, ...] = ()
) -> pd.DataFrame:
    """The region × sector matrix restricted to the filters."""
    m = matrix
    if regions:
        m = m[m.region_iso.isin(regions)]
    if sectors:
        m = m[m.sector_id.isin(sectors)]
    return m.reset_index(drop=True)


def heatmap_rows(view: pd.DataFrame, max_regions: int = 40) -> pd.DataFrame:
    """The matrix rows the heatmap shows: the regions with the highest total score, at most `max_regions`."""
    totals = view.groupby("region_iso").score.sum().sort_values(ascending=False)
    keep = totals.index[:max_regions]
    rows = view[view.region_iso.isin(keep)].copy()
    rows["_o"] = rows.region_iso.map({iso: i for i, iso in enumerate(keep)})
    return rows.sort_values(["_o", "sector_id"]).drop(columns="_o").reset_index(drop=True)


def heatmap_frame(rows: pd.DataFrame, label: Callable[[str], str]) -> pd.DataFrame:
    """Scores as a region × sector grid, regions in the order of `heatmap_rows`."""
    order = list(dict.fromkeys(rows.region_iso))
    grid = rows.pivot_table(index="region_iso", columns="sector_name", values="score", aggfunc="first").loc[
        order
    ]
    grid.index = [label(i) for i in grid.index]
    return grid


def potential_map_rows(ranking: pd.DataFrame) -> pd.DataFrame:
    """Regions with a modelled gap, in the columns the bubble map reads (size = potential, colour = gap)."""
    rows = ranking[ranking.untapped_musd.notna()]
    return pd.DataFrame(
        {
            "figure_type": rows.figure_type,
            "iso_code": rows.iso_code,
            "name_en": rows.name_en,
            "lat": rows.lat,
            "lon": rows.lon,
            "latest_year": rows.year,
            "turnover_musd": rows.expected_musd,
            "balance_musd": rows.untapped_musd,
            "growth_pct": float("nan"),
            "actual_musd": rows.actual_musd,
            "source_url": rows.source_url,
        }
    ).reset_index(drop=True)


def top_opportunities(view: pd.DataFrame, n: int = 30) -> pd.DataFrame:
    """The highest-scoring 'discussed but not traded' pairs."""
    opp = view[view.status == "discussed_not_traded"].head(n)
    cols = [
        "region_iso",
        "region_name",
        "sector_id",
        "sector_name",
        "status",
        "score",
        "c_discussed",
        "c_national_strength",
        "c_not_traded",
        "n_meetings",
        "last_discussed",
    ]
    out = opp[cols].copy()
    out["status_label"] = out.status.map(CLASS_LABELS)
    return out.reset_index(drop=True)
