"""Data behind the Sectors page: an overview row per sector, region lists and national facts.

Text for the page comes in the interface language (`lang`); names from the data's `name_ru` /
`product_ru` in Russian, text the data holds only in English marked as such.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from analysis.data.tables import FactBase
from analysis.output.i18n import DEFAULT_LANG, N_, mark_foreign, translator

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
    return f[
        ["scope", "period", "product", "metric", "value_text", "unit", "side", "source_url"]
    ].reset_index(drop=True)


GOODS_DIRECTIONS = {
    "ru_imports_from_by": N_("Russia's imports from Belarus"),
    "ru_exports_to_by": N_("Russia's exports to Belarus"),
}
GOODS_NOTE = N_(
    "Russia's statistics (side RU): Rosstat, Russian Statistical Yearbook 2023, tables 25.20 (exports) and "
    "25.21 (imports), in the units the yearbook prints (quantities for most goods, thousand USD for a few). "
    "Each good has its own scale; goods are never added up."
)
# The units the yearbook prints, in words.
GOODS_UNITS = {
    "tonnes": N_("tonnes"),
    "thousand tonnes": N_("thousand tonnes"),
    "million tonnes": N_("million tonnes"),
    "pieces": N_("pieces"),
    "thousand pieces": N_("thousand pieces"),
    "thousand pairs": N_("thousand pairs"),
    "thousand USD": N_("thousand USD"),
    "thousand square metres": N_("thousand square metres"),
    "thousand cubic metres": N_("thousand cubic metres"),
    "billion cubic metres": N_("billion cubic metres"),
}
SECTOR_KINDS = {"goods": N_("Goods"), "services": N_("Services"), "mixed": N_("Mixed")}
YEARBOOK_TABLE = re.compile(r"Rosstat, Russian Statistical Yearbook (?P<year>\d{4}), table (?P<table>[\d.]+)")


def publication_name(source: str, lang: str = DEFAULT_LANG) -> str:
    """A publication as the data names it ('Rosstat, Russian Statistical Yearbook 2023, table 25.21') in
    `lang`; other names as they are."""
    m = YEARBOOK_TABLE.fullmatch(source)
    if not m:
        return source
    return translator(lang).gettext(
        "Rosstat, Russian Statistical Yearbook {year}, table {table}", **m.groupdict()
    )


def national_goods_rows(
    fb: FactBase, direction: str, sector_filter: tuple[str, ...] = (), lang: str = DEFAULT_LANG
) -> pd.DataFrame:
    """Russia–Belarus main goods for one direction, 2020–2021, side RU, one row per good and year.

    Without a sector filter: the goods of the lead sectors (the design card's engineering, pharmaceuticals,
    agriculture and construction); with one: the goods of those sectors. Raises KeyError for an unknown
    direction. Columns: sector_id, sector_name, product, label (good and unit), year, value, unit, side,
    source, source_url, note. Names, the label and the direction are in `lang` (Russian: `product_ru`).
    """
    if direction not in GOODS_DIRECTIONS:
        raise KeyError(f"direction must be one of {list(GOODS_DIRECTIONS)}, got {direction!r}")
    g = fb.national_goods[fb.national_goods.direction == direction]
    g = g[g.sector_id.isin(sector_filter or LEAD_SECTORS)]
    order = {sid: i for i, sid in enumerate(LEAD_SECTORS)}
    tr = translator(lang)
    ru = lang != DEFAULT_LANG
    product = g.product_ru.where(g.product_ru.fillna("") != "", g["product"]) if ru else g["product"]
    units = g.unit.map(lambda u: tr.gettext(GOODS_UNITS.get(u, u)))
    names = fb.sectors.set_index("sector_id")["name_ru" if ru else "name_en"]
    out = g.assign(
        sector_name=g.sector_id.map(names),
        label=product + " (" + units + ")",
        direction_label=tr.gettext(GOODS_DIRECTIONS[direction]),
        _o=g.sector_id.map(order).fillna(len(order)),
    ).sort_values(["_o", "product", "year"], kind="stable")
    cols = ["sector_id", "sector_name", "product", "label", "direction_label", "year", "value", "unit",
            "side", "source", "source_url", "note"]  # fmt: skip
    return out[cols].reset_index(drop=True)


def goods_source_line(rows: pd.DataFrame, lang: str = DEFAULT_LANG) -> str:
    """'Source: [publication, table N](url)' for the rows' table(s), as Markdown, in `lang`."""
    pairs = rows[["source", "source_url"]].drop_duplicates()
    links = "; ".join(
        f"[{publication_name(r.source, lang)}]({r.source_url})" for r in pairs.itertuples(index=False)
    )
    return translator(lang).gettext("Source: {link}", link=links)


@dataclass(frozen=True)
class SectorCard:
    """What one sector card shows."""

    sector_id: str
    name: str
    caption: str
    summary: str
    sources: list[str]
    traded: list[str]
    discussed_not_traded: list[str]


@dataclass(frozen=True)
class SectorPage:
    """The Sectors page: overview table, one card per sector, and the data behind the cards."""

    overview: pd.DataFrame
    cards: list[SectorCard]
    region_lists: pd.DataFrame
    facts: pd.DataFrame


def sector_page(
    fb: FactBase,
    matrix: pd.DataFrame,
    region_filter: tuple[str, ...] = (),
    sector_filter: tuple[str, ...] = (),
    lang: str = DEFAULT_LANG,
) -> SectorPage:
    """All data of the Sectors page for the filters (regions restrict the matrix, sectors the cards);
    card names, captions and region names in `lang`."""
    from analysis.views.summaries import sector_summary

    _ = translator(lang).gettext
    ru = lang != DEFAULT_LANG
    m = matrix[matrix.region_iso.isin(region_filter)] if region_filter else matrix
    ov = sector_overview(fb, m, sector_filter)
    names = fb.regions.set_index("iso_code")["name_ru" if ru else "name_en"]
    sectors = fb.sectors.set_index("sector_id")
    cards, lists = [], []
    for sid in ov.sector_id:
        sec = sectors.loc[sid]
        codes = "; ".join(x for x in (sec.hs_codes, sec.ebops_codes) if x) or "–"
        kind = _(SECTOR_KINDS[sec.kind]) if sec.kind in SECTOR_KINDS else sec.kind.capitalize()
        caption = _(
            "{kind} · {scope} · codes: {codes}",
            kind=kind,
            scope=mark_foreign(sec.scope, "en", lang),
            codes=codes,
        )
        summary = sector_summary(fb, m, sid, lang)
        rel = region_lists_frame(m, sid, lambda iso: names.get(iso, iso))
        lists.append(rel.assign(sector_id=sid))
        cards.append(
            SectorCard(
                sid,
                sec.name_ru if ru and isinstance(sec.name_ru, str) and sec.name_ru else sec.name_en,
                caption,
                summary.text,
                summary.sources,
                rel[rel.relation == "traded"].region_name.tolist(),
                rel[rel.relation == "discussed_not_traded"].region_name.tolist(),
            )
        )
    region_lists = (
        pd.concat(lists, ignore_index=True)
        if lists
        else pd.DataFrame(columns=["region_iso", "region_name", "relation", "sector_id"])
    )
    facts = fb.sector_facts[fb.sector_facts.sector_id.isin(ov.sector_id)]
    facts = facts[
        ["sector_id", "scope", "period", "product", "metric", "value_text", "unit", "side", "source_url"]
    ]
    return SectorPage(
        ov,
        cards,
        region_lists[["sector_id", "region_iso", "region_name", "relation"]],
        facts.reset_index(drop=True),
    )
