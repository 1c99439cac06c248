"""Frames and notes for the Opportunities page, built from the model and matrix outputs.

Texts are English messages translated where shown (`lang`); numbers formatted for the language.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from babel.numbers import format_decimal, format_percent

from analysis.models import potential
from analysis.models.opportunities import CLASS_LABELS
from analysis.output.i18n import DEFAULT_LANG, N_, translator

# The models' English labels (analysis.models imports only data), marked here for the catalog.
CLASS_MESSAGES = {
    "established": N_("Established (discussed and traded)"),
    "discussed_not_traded": N_("Opportunity (discussed, no trade recorded)"),
    "traded_not_discussed": N_("Traded, not on the agenda"),
    "untouched": N_("Untouched"),
}
TERM_MESSAGES = (
    N_("population"),
    N_("GRP"),
    N_("distance"),
    N_("2021 CIS trade"),
    N_("border with Belarus"),
    N_("2022+ period"),
)
STATUS_MESSAGES = {  # a target's status (analysis.models.targets) in words
    "achieved": N_("achieved"),
    "on track": N_("on track"),
    "behind": N_("behind"),
    "missed": N_("missed"),
    "no deadline": N_("no deadline"),
    "no figure": N_("no figure"),
    "no figure since target set": N_("no figure since target set"),
}
PROGRESS_NOTE = N_(
    "**Progress** is the latest reported turnover as a percentage of the target. **Status**: *achieved* when "
    "progress reaches 100%; *missed* when the target year has a figure below the target; *on track* when the "
    "region's own recent growth (annualised over its last two reported years, at most five years apart, on "
    "the same statistics side) is at least the growth the target still requires; *behind* otherwise; *no "
    "deadline* or *no figure* when the data cannot say; *no figure since target set* when the latest figure "
    "is older than the year before the meeting. A range target (1.5–2 bn) is judged against its high end; "
    "progress against the low end is kept beside it in the download."
)


def class_label(status: str, lang: str = DEFAULT_LANG) -> str:
    """A region × sector class ('discussed_not_traded') in words in `lang`."""
    return translator(lang).gettext(CLASS_LABELS.get(status, status))


def status_label(status: str, lang: str = DEFAULT_LANG) -> str:
    """A target's status ('on track') in `lang`."""
    return translator(lang).gettext(STATUS_MESSAGES.get(status, status))


HARVESTED = " (harvested populations)"  # the replaced model's note on its data (analysis.models.potential)


def spec_name(spec: str, lang: str = DEFAULT_LANG) -> str:
    """A specification's name ('GRP + distance + border with Belarus') with each term in `lang`."""
    t = translator(lang)
    note = ""
    if spec.endswith(HARVESTED):
        spec, note = spec.removesuffix(HARVESTED), " " + t.gettext("(harvested populations)")
    return " + ".join(t.gettext(term) for term in spec.split(" + ")) + note


LOO_GOAL_PCT = 65.0  # issue 16: two thirds of the replaced model's ~98%
METHOD_LINE = N_(
    "**Method:** gravity model estimated by PPML (Poisson pseudo-maximum likelihood). **Inputs:** each region's "
    "latest reported turnover with Belarus (chosen years and statistics side), its distance from Minsk, and "
    "Rosstat's Russian Statistical Yearbook 2023: population (end of 2022), GRP 2021, the region's 2021 trade "
    "with the CIS; plus a dummy for the three regions bordering Belarus and one for figures from 2022 on."
)
METHOD_NOTE = N_(
    "**What is modelled.** Each region's latest reported turnover with Belarus (within the chosen years and "
    "statistics side) is explained by the region's economic size (population or GRP), its great-circle "
    "distance from Minsk and, where they help, its 2021 trade with all CIS countries (a sign of how open it is "
    "to the CIS market; log of 1 + million USD), a border dummy and a 2022+ dummy (trade stepped up in 2022), "
    "in a gravity equation estimated by Poisson pseudo-maximum likelihood (PPML) with robust (HC1) standard "
    "errors. *Expected* is the model's value (for a region without a figure, at the 2022+ level); *untapped* "
    "is expected minus reported.\n\n"
    "**How the specification is chosen.** All 16 combinations of mass (population or GRP) with or without the "
    "CIS-trade, border and period terms are fitted, and the one with the lowest leave-one-out median absolute "
    "percentage error wins (each region predicted by a model fitted without it; ties go to fewer terms). "
    "Federal-district dummies were tried while building the model and did worse. The error of the winner is "
    "measured on the same regions that picked it, so it flatters it a little: on the default filters (all "
    "years, best available side, 57 regions) repeating the whole choice inside each leave-one-out fold gives "
    "55%, not 47% (measured when the model was built; the population-only model: 98%).\n\n"
    "**Caveats.** Figures come from different years and sources; the fit has few regions; the economic inputs "
    "are for 2021–2022 whatever the years chosen; regional statistics assign trade by the company's "
    "registration, which inflates Moscow and St Petersburg. Read the ranking as a place to look, not as a "
    "forecast. The leave-one-out error shows how far an out-of-sample prediction is typically off."
)
SCORE_NOTE = N_(
    "Each region × sector pair gets a class and a score from 0 to 100 that shows how it was built:\n\n"
    "**score = 50 × discussed + 30 × national strength + 20 × not traded**\n\n"
    "- *discussed*: 1 if the sector was raised at a top-level meeting (President or Prime Minister), 0.5 if "
    "only at a lower level, 0 if never, within the chosen years;\n"
    "- *national strength*: Belarus's largest stated share of Russia's imports in the sector (0–1), or 0.5 "
    "when national facts exist without a share, 0 when there are none;\n"
    "- *not traded*: 1 when no goods of the sector are recorded as traded with the region, else 0."
)


def _decimal(value: float, places: int, lang: str) -> str:
    return format_decimal(round(float(value), places), f"0.{'0' * places}" if places else "0", locale=lang)


def _percent(value: float, lang: str) -> str:
    """A whole percentage: '47%' (ru: '47 %' with a no-break space)."""
    return format_percent(round(float(value)) / 100, locale=lang)


def fit_summary(g: potential.GravityResult, lang: str = DEFAULT_LANG) -> str:
    """The chosen specification's fit (n, pseudo-R², leave-one-out error) and the replaced model's beside it,
    in `lang` with its number formats."""
    t = translator(lang)
    line = t.gettext(
        "Chosen specification: **{spec}** · fitted on **{regions}** · pseudo-R² **{r2}** · "
        "leave-one-out median error **{error}** (modelled)",
        spec=spec_name(g.spec, lang),
        regions=t.ngettext("{n} region", "{n} regions", g.n),
        r2=_decimal(g.pseudo_r2, 2, lang),
        error=_percent(g.loo_median_abs_error_pct, lang),
    )
    b = g.baseline
    if b is not None and b.spec != g.spec:
        line += "  \n" + t.gettext(
            "Replaced model: {spec} · {regions} · pseudo-R² {r2} · leave-one-out median error {error}",
            spec=spec_name(b.spec, lang),
            regions=t.ngettext("{n} region", "{n} regions", b.n),
            r2=_decimal(b.pseudo_r2, 2, lang),
            error=_percent(b.loo_median_abs_error_pct, lang),
        )
    if g.loo_median_abs_error_pct > LOO_GOAL_PCT:
        line += "  \n" + t.gettext(
            "No specification gets the leave-one-out error to {goal} or below for these filters: too few "
            "regions have a figure, and they come from different years and sides.",
            goal=_percent(LOO_GOAL_PCT, lang),
        )
    return line


def potential_ranking(g: potential.GravityResult, region_filter: tuple[str, ...] = ()) -> pd.DataFrame:
    """Regions ranked by untapped potential, labelled as modelled (optionally only filtered regions)."""
    t = g.table.copy()
    if region_filter:
        t = t[t.iso_code.isin(region_filter)]
    t.insert(0, "figure_type", "modelled (PPML gravity); actual = reported")
    cols = [
        "figure_type", "rank", "iso_code", "name_en", "federal_district", "actual_musd", "year", "side",
        "expected_musd", "untapped_musd", "actual_to_expected", "loo_expected_musd", "loo_error_pct",
        "population", "population_year", "grp_mrub", "grp_year", "cis_trade_2021_musd", "distance_km",
        "in_sample", "lat", "lon", "source_url", "economy_source_url",
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


def heatmap_frame(
    rows: pd.DataFrame, label: Callable[[str], str], sector_label: Callable[[str], str] | None = None
) -> pd.DataFrame:
    """Scores as a region × sector grid, regions in the order of `heatmap_rows`; sectors named by
    `sector_label` (a sector id → its name in the interface language) when given, else by `sector_name`."""
    order = list(dict.fromkeys(rows.region_iso))
    if sector_label is not None:
        rows = rows.assign(sector_name=rows.sector_id.map(sector_label))
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


def top_opportunities(view: pd.DataFrame, n: int = 30, lang: str = DEFAULT_LANG) -> pd.DataFrame:
    """The highest-scoring 'discussed but not traded' pairs; `status_label` in `lang`."""
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
    out["status_label"] = out.status.map(lambda s: class_label(s, lang))
    return out.reset_index(drop=True)
