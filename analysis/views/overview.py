"""Data behind the Overview page: national series in range, top regions, agenda coverage."""

from __future__ import annotations

import pandas as pd

from analysis.data.tables import FactBase
from analysis.models import trade
from analysis.models.opportunities import meetings_by_sector
from analysis.output.formatting import fmt_date
from analysis.output.i18n import DEFAULT_LANG, translator
from analysis.views import summaries


def national_view(national: pd.DataFrame, years: tuple[int, int]) -> pd.DataFrame:
    """National series (both sides) restricted to the year range, with a units column."""
    out = national[national.year.between(*years)].copy()
    out.insert(3, "unit", "million USD")
    return out.reset_index(drop=True)


TOP_COLUMNS = [
    "side", "rank", "iso_code", "name_en", "federal_district", "rank_in_district", "latest_year",
    "turnover_musd", "unit", "selected", "source_url",
]  # fmt: skip


def top_regions(
    best: pd.DataFrame,
    regions: pd.DataFrame,
    fx: pd.DataFrame,
    years: tuple[int, int],
    region_filter: tuple[str, ...] = (),
    n: int = 15,
    side: str = "BY",
) -> pd.DataFrame:
    """The n regions with the largest latest turnover in range on one statistics side, plus filtered ones.

    Only `best` rows of `side` are ranked ('BY', 'RU' or 'unknown'), so figures of the two sides are never
    ranked against each other. Each row has its `rank` among the side's regions with a figure and its
    `rank_in_district`; `selected` marks the filtered regions, so a chosen region is seen within the
    ranking rather than alone. Values in million USD.
    """
    table = trade.region_table(best[best.side == side], regions, fx, years)
    table = table[table.turnover_musd.notna()].copy()
    table["rank"] = range(1, len(table) + 1)
    table["rank_in_district"] = table.groupby("federal_district").turnover_musd.rank(
        ascending=False, method="min"
    )
    table["selected"] = table.iso_code.isin(region_filter)
    shown = table[(table["rank"] <= n) | table.selected]
    out = shown[[c for c in TOP_COLUMNS if c != "unit"]].copy()
    out["latest_year"] = out.latest_year.astype(int)
    out["rank_in_district"] = out.rank_in_district.astype(int)
    out["unit"] = "million USD"
    return out[TOP_COLUMNS].reset_index(drop=True)


def top_regions_per_side(
    best_of: dict[str, pd.DataFrame],
    regions: pd.DataFrame,
    fx: pd.DataFrame,
    years: tuple[int, int],
    region_filter: tuple[str, ...] = (),
    n: int = 15,
) -> pd.DataFrame:
    """One ranking per statistics side, stacked: `best_of` maps a side to the best figures holding it.

    With a side chosen pass {side: its best figures}; with "best available" pass BY, RU (and 'unknown'
    from the best-available figures for unattributed ones). `rank` counts within the row's `side`; the
    frame is what the page draws, one chart per side, and what its download holds.
    """
    frames = [
        top_regions(best, regions, fx, years, region_filter, n, side=side) for side, best in best_of.items()
    ]
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=TOP_COLUMNS)
    return pd.concat(frames, ignore_index=True)


def agenda_coverage(
    fb: FactBase,
    years: tuple[int, int],
    region_filter: tuple[str, ...] = (),
    sector_filter: tuple[str, ...] = (),
) -> pd.DataFrame:
    """How many meetings discussed each sector, and in how many regions."""
    met = meetings_by_sector(fb.meetings, years)
    if region_filter:
        met = met[met.region_iso.isin(region_filter)]
    if sector_filter:
        met = met[met.sector_id.isin(sector_filter)]
    if met.empty:
        return pd.DataFrame(columns=["sector_id", "sector_name", "n_meetings", "n_regions"])
    g = met.groupby("sector_id").agg(n_meetings=("date", "size"), n_regions=("region_iso", "nunique"))
    names = fb.sectors.set_index("sector_id").name_en
    g.insert(0, "sector_name", g.index.map(names))
    return (
        g.reset_index()
        .sort_values(["n_meetings", "sector_id"], ascending=[False, True])
        .reset_index(drop=True)
    )


def region_focus(
    fb: FactBase, best: pd.DataFrame, iso: str, years: tuple[int, int] | None = None, lang: str = DEFAULT_LANG
) -> dict[str, str]:
    """Name and one-paragraph summary for a focused region (figures and meetings of `years` if given),
    in the reader's language `lang`."""
    name = summaries.region_names(fb, lang).at[iso]
    return {"name": name, "summary": summaries.region_summary(fb, best, iso, years, lang).text}


def latest_meeting(
    fb: FactBase, years: tuple[int, int], regions: tuple[str, ...] = (), lang: str = DEFAULT_LANG
) -> dict[str, str] | None:
    """The newest meeting in range (among `regions` when given): who met whom, when, and the sectors discussed.

    Names of people are the data's (English, marked as such in Russian). Returns None when no meeting
    matches. Source: datasets/meetings.csv.
    """
    m = fb.meetings[fb.meetings.date.str[:4].astype(int).between(*years)]
    if regions:
        m = m[m.region_iso.isin(regions)]
    if m.empty:
        return None
    r = m.sort_values(["date", "region_iso"], ascending=[False, True]).iloc[0]
    tr = translator(lang)
    sectors = summaries.sector_names(fb, lang)
    region = summaries.region_names(fb, lang).get(r.region_iso, r.region_iso)
    topics = ", ".join(sectors.get(s, s) for s in r.sectors.split(";") if s) or tr.gettext("none recorded")
    text = tr.gettext(
        "{date}, {region}: **{by_side}** met **{region_side}**. Sectors on the agenda: {topics}.",
        date=fmt_date(r.date, lang),
        region=region,
        by_side=summaries.english_text(r.by_side, lang),
        region_side=summaries.english_text(r.region_side, lang),
        topics=topics,
    )
    return {"summary": text, "source_url": r.source_url, "region_iso": r.region_iso, "date": r.date}
