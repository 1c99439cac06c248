"""Data behind one region's profile: meetings, sectors discussed, goods traded, targets, map rows."""

from __future__ import annotations

import pandas as pd

from analysis.data.tables import FactBase
from analysis.models.opportunities import meetings_by_sector
from analysis.output.i18n import DEFAULT_LANG, N_, translator

PROVENANCE = ("origin", "added_by", "added_at")  # present when the fact base comes from the store
DIRECTIONS = {"by_exports": N_("Belarus → region"), "by_imports": N_("region → Belarus")}


def _sector_names(fb: FactBase, lang: str) -> pd.Series:
    """Sector id → name in `lang` (Russian from `name_ru`, English where it has none)."""
    s = fb.sectors.set_index("sector_id")
    if lang == DEFAULT_LANG or "name_ru" not in s.columns:
        return s.name_en
    return s.name_ru.where(s.name_ru.fillna("") != "", s.name_en)


def default_region(fb: FactBase) -> str | None:
    """The Russian region with the most recent meeting on record (the profile's default), or None."""
    m = fb.meetings[fb.meetings.region_iso.str.startswith("RU-")]
    if m.empty:
        return None
    return str(m.sort_values(["date", "region_iso"], ascending=[False, True]).region_iso.iloc[0])


def meeting_timeline(
    fb: FactBase,
    iso: str,
    years: tuple[int, int],
    sector_filter: tuple[str, ...] = (),
    lang: str = DEFAULT_LANG,
) -> pd.DataFrame:
    """Meetings with the region in range, newest first, with sectors as names (in `lang`).

    With `sector_filter`, only meetings that discussed at least one of those sectors.
    """
    m = fb.meetings[(fb.meetings.region_iso == iso) & fb.meetings.date.str[:4].astype(int).between(*years)]
    if sector_filter:
        wanted = set(sector_filter)
        m = m[m.sectors.map(lambda c: bool(wanted & set(c.split(";"))))]
    names = _sector_names(fb, lang)
    cols = ["date", "level", "by_side", "region_side", "sectors", "target_note", "source_url"]
    out = m[cols + [c for c in PROVENANCE if c in m.columns]].copy()
    out["sectors"] = out.sectors.map(lambda c: ", ".join(names.get(s, s) for s in c.split(";") if s))
    return out.sort_values("date", ascending=False).reset_index(drop=True)


def sectors_discussed(
    fb: FactBase,
    iso: str,
    years: tuple[int, int],
    sector_filter: tuple[str, ...] = (),
    lang: str = DEFAULT_LANG,
) -> pd.DataFrame:
    """Sectors raised in the region's meetings: how often and when last (only `sector_filter` if given);
    sector names in `lang`."""
    met = meetings_by_sector(fb.meetings, years)
    met = met[met.region_iso == iso]
    if sector_filter:
        met = met[met.sector_id.isin(sector_filter)]
    if met.empty:
        return pd.DataFrame(columns=["sector_id", "sector_name", "n_meetings", "last_discussed"])
    g = (
        met.groupby("sector_id")
        .agg(n_meetings=("date", "size"), last_discussed=("date", "max"))
        .reset_index()
    )
    g.insert(1, "sector_name", g.sector_id.map(_sector_names(fb, lang)))
    return g.sort_values(["n_meetings", "sector_id"], ascending=[False, True]).reset_index(drop=True)


def goods_traded(
    fb: FactBase, iso: str, sector_filter: tuple[str, ...] = (), lang: str = DEFAULT_LANG
) -> pd.DataFrame:
    """Goods named as traded with the region, by direction in `lang` (optionally only some sectors).
    Goods are named as the source's report gives them (English in the data)."""
    g = fb.product_mentions[fb.product_mentions.region_iso == iso]
    if sector_filter:
        g = g[g.sector_id.isin(sector_filter)]
    cols = ["direction", "product", "hs_chapter", "sector_id", "period", "source_url"]
    out = g[cols + [c for c in PROVENANCE if c in g.columns]].copy()
    t = translator(lang)
    out["direction"] = out.direction.map(lambda d: t.gettext(DIRECTIONS[d]) if d in DIRECTIONS else d)
    return out.sort_values(["direction", "sector_id", "product"]).reset_index(drop=True)


def map_rows(table: pd.DataFrame, region_filter: tuple[str, ...] = ()) -> pd.DataFrame:
    """Regions with a turnover figure for the bubble map (all, or only the filtered ones)."""
    rows = table[table.turnover_musd.notna()]
    if region_filter:
        rows = rows[rows.iso_code.isin(region_filter)]
    cols = [
        "iso_code", "name_en", "lat", "lon", "latest_year", "side", "turnover_musd", "growth_pct",
        "growth_note", "balance_musd", "balance_note", "differ_note", "source_url",
    ]  # fmt: skip
    return rows[cols].reset_index(drop=True)
