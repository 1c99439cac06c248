"""Human column labels for tables on screen and Excel headers: 'turnover_musd' → 'Turnover, million USD'
(ru: 'Товарооборот, млн долларов США').

CSV downloads keep the stable column ids as headers; what a reader sees on the page and in the Excel file
is relabelled in the interface language. Explicit labels come first; other ids get a readable English
form from their unit suffix. Also the names of Russia's federal districts in either language.
"""

from __future__ import annotations

import re

from analysis.output.i18n import DEFAULT_LANG, N_, translator

COLUMN_LABELS: dict[str, str] = {
    "iso_code": N_("Region code"),
    "region_iso": N_("Region code"),
    "name_en": N_("Region"),
    "name_ru": N_("Region (Russian)"),
    "region_name": N_("Region"),
    "region": N_("Region"),
    "federal_district": N_("Federal district"),
    "latest_year": N_("Latest year"),
    "year": N_("Year"),
    "years": N_("Years"),
    "years_left": N_("Years left"),
    "side": N_("Statistics side"),
    "by_side": N_("Belarusian side"),
    "region_side": N_("Regional side"),
    "hs_chapter": N_("HS chapter"),
    "sector_id": N_("Sector code"),
    "sector_name": N_("Sector"),
    "sectors": N_("Sectors discussed"),
    "target_note": N_("Target set"),
    "source_url": N_("Source"),
    "source": N_("Source"),
    "fact_base_source": N_("Source in the fact base"),
    "grp_value": N_("GRP, million RUB"),
    "grp_year": N_("GRP year"),
    "lat": N_("Latitude"),
    "lon": N_("Longitude"),
    "c_discussed": N_("Discussed in meetings (score part)"),
    "c_not_traded": N_("No trade recorded (score part)"),
    "c_national_strength": N_("Belarus strong nationally (score part)"),
    "discussed_not_traded": N_("Discussed, not traded"),
    "discussed": N_("Discussed in meetings"),
    "traded": N_("Traded"),
    "n_meetings": N_("Meetings"),
    "n_regions": N_("Regions"),
    "n_goods": N_("Goods"),
    "n_figures": N_("Figures"),
    "n_sources_differ": N_("Figures where sources differ"),
    "last_discussed": N_("Last discussed"),
    "status_label": N_("Class"),
    "status": N_("Status"),
    "score": N_("Score (0–100, modelled)"),
    "rank": N_("Rank"),
    "rank_in_district": N_("Rank in district"),
    "figure_type": N_("Figure type"),
    "distance_km": N_("Distance from Minsk, km"),
    "in_sample": N_("In the model's sample"),
    "actual_to_expected": N_("Actual / modelled"),
    "loo_error_pct": N_("Leave-one-out error, %"),
    "loo_expected_musd": N_("Modelled without the region, million USD"),
    "expected_musd": N_("Modelled potential, million USD"),
    "untapped_musd": N_("Untapped (modelled), million USD"),
    "actual_musd": N_("Reported turnover, million USD"),
    "turnover_musd": N_("Turnover, million USD"),
    "exports_musd": N_("Belarus exports, million USD"),
    "imports_musd": N_("Belarus imports, million USD"),
    "balance_musd": N_("Balance, million USD"),
    "balance_note": N_("Balance note"),
    "growth_pct": N_("Growth on the year before, %"),
    "growth_note": N_("Growth note"),
    "differ_note": N_("Sources differ"),
    "turnover_per_capita_usd": N_("Turnover per person, USD"),
    "turnover_per_grp_pct": N_("Turnover, share of GRP (%)"),
    "turnover_2021_musd": N_("Turnover 2021, million USD"),
    "turnover_2021_side": N_("Statistics side of turnover 2021"),
    "turnover_2021_source_url": N_("Source of turnover 2021"),
    "turnover_2021_pct_of_grp_2021": N_("Turnover 2021, share of GRP 2021 (%)"),
    "cis_trade_2021_musd": N_("Trade with the CIS 2021, million USD"),
    "by_share_of_cis_trade_2021_pct": N_("Belarus's share of the region's CIS trade 2021, %"),
    "grp_mrub": N_("GRP, million RUB"),
    "grp_per_capita_rub": N_("GRP per person, RUB"),
    "population": N_("Population"),
    "population_year": N_("Population year"),
    "by_share_basis": N_("Basis of Belarus's share"),
    "economy_source": N_("Source of the economic figures"),
    "economy_source_url": N_("Link to the economic figures"),
    "value_musd": N_("Value, million USD"),
    "alt_value_musd": N_("Other figure, million USD"),
    "alt_source_url": N_("Source of the other figure"),
    "other_value_musd": N_("Other figure, million USD"),
    "other_source_url": N_("Source of the other figure"),
    "other_side": N_("Statistics side of the other figure"),
    "value_text": N_("Value as stated"),
    "value": N_("Value"),
    "unit": N_("Unit"),
    "currency": N_("Currency"),
    "is_region": N_("The region itself"),
    "selected": N_("Chosen in the Region filter"),
    "flow": N_("Flow"),
    "period": N_("Period"),
    "period_inferred": N_("Period inferred from the text"),
    "qualifier": N_("Qualifier"),
    "coverage": N_("Coverage"),
    "usd_note": N_("Note on USD"),
    "note": N_("Note"),
    "fact_id": N_("Record id"),
    "published": N_("Published"),
    "publisher": N_("Publisher"),
    "date": N_("Date"),
    "level": N_("Level"),
    "direction": N_("Direction"),
    "direction_label": N_("Direction"),
    "directions": N_("Directions"),
    "product": N_("Good"),
    "label": N_("Good (unit)"),
    "metric": N_("Measure"),
    "scope": N_("Scope"),
    "area": N_("Area"),
    "kind": N_("Kind"),
    "lead": N_("Lead sector"),
    "national_facts": N_("National facts"),
    "regions": N_("Regions"),
    "regions_traded": N_("Regions where its goods are traded"),
    "regions_discussed": N_("Regions where it was discussed"),
    "regions_discussed_not_traded": N_("Regions: discussed, no trade recorded"),
    "regions_with_figures": N_("Regions with figures"),
    "relation": N_("Relation"),
    "indicator": N_("Indicator"),
    "basis": N_("Basis"),
    "set_on": N_("Set on"),
    "target_year": N_("Target year"),
    "target_musd": N_("Target, million USD"),
    "target_low_musd": N_("Target, low end, million USD"),
    "target_source_url": N_("Source of the target"),
    "latest_actual_musd": N_("Latest reported turnover, million USD"),
    "actual_side": N_("Statistics side of the reported figure"),
    "actual_source_url": N_("Source of the reported figure"),
    "progress_pct": N_("Progress towards the target (%)"),
    "progress_low_pct": N_("Progress against the low end, %"),
    "progress_against": N_("Progress against"),
    "required_cagr_pct": N_("Required annual growth, %"),
    "recent_cagr_pct": N_("Recent annual growth, %"),
    "origin": N_("Origin of the row"),
    "added_by": N_("Added by"),
    "added_at": N_("Added at"),
    "meeting_id": N_("Meeting"),
    "text": N_("Text"),
    "last_mentioned": N_("Last mentioned"),
    "term": N_("Term"),
    "coef": N_("Coefficient"),
    "std_err": N_("Standard error"),
    "ci_low": N_("Interval (95%), low"),
    "ci_high": N_("Interval (95%), high"),
    "p_value": N_("p-value"),
    "spec": N_("Specification"),
    "n": N_("Regions"),
    "pseudo_r2": N_("Pseudo-R²"),
    "loo_median_abs_error_pct": N_("Leave-one-out median error, %"),
    "terms": N_("Terms"),
}
SUFFIXES = (("_musd", ", million USD"), ("_usd", ", USD"), ("_pct", ", %"), ("_km", ", km"))

# Columns of the meeting analyzer, the review form, Records and Data & methods (issue 20): marked for
# translation, shown through `column_label` and the page's translator (an id already above keeps its label).
COLUMN_LABELS |= {
    k: v
    for k, v in {
        "flow": N_("Flow"),
        "period": N_("Period"),
        "value": N_("Value"),
        "unit": N_("Unit"),
        "currency": N_("Currency"),
        "qualifier": N_("Qualifier"),
        "change_pct": N_("Change, %"),
        "scope": N_("Scope"),
        "kind": N_("Kind"),
        "text": N_("Text"),
        "evidence": N_("Words in the report"),
        "mentions": N_("Mentions"),
        "hs": N_("HS code"),
        "sector": N_("Sector code"),
        "direction": N_("Direction"),
        "by_year": N_("By year"),
        "relative": N_("Times the current level"),
        "also": N_("Also about"),
        "name": N_("Name"),
        "position": N_("Position"),
        "status": N_("Status"),
        "stored_value": N_("Stored value"),
        "stored_unit": N_("Stored unit"),
        "stored_side": N_("Stored side"),
        "stored_publisher": N_("Stored publisher"),
        "keep": N_("Keep"),
        "extracted_value": N_("Extracted value"),
        "in_base": N_("In the fact base"),
        "base_source": N_("Source in the fact base"),
        "extracted_product": N_("Extracted product"),
        "product": N_("Product"),
        "extracted_text": N_("Extracted text"),
        "row_id": N_("Row"),
        "origin": N_("Origin"),
        "added_by": N_("Added by"),
        "added_at": N_("Added at"),
        "report_id": N_("Report id"),
        "save_id": N_("Save"),
        "version": N_("Version"),
        "deleted_at": N_("Deleted at"),
        "fact_id": N_("Fact id"),
        "period_start": N_("Period start"),
        "period_end": N_("Period end"),
        "coverage": N_("Coverage"),
        "period_inferred": N_("Period inferred"),
        "publisher": N_("Publisher"),
        "published": N_("Published"),
        "published_basis": N_("Publication date basis"),
        "note": N_("Note"),
        "meeting_id": N_("Meeting id"),
        "date": N_("Date"),
        "date_basis": N_("Date basis"),
        "level": N_("Level"),
        "target_flow": N_("Target flow"),
        "target_value": N_("Target value"),
        "target_unit": N_("Target unit"),
        "target_currency": N_("Target currency"),
        "target_year": N_("Target year"),
        "target_low": N_("Target low end"),
        "last_mentioned": N_("Last mentioned"),
        "summary": N_("Summary"),
        "undone_at": N_("Undone at"),
        "title": N_("Title"),
        "place": N_("Place"),
        "action": N_("Action"),
        "by": N_("By"),
        "at": N_("At"),
        "old": N_("Old value"),
        "new": N_("New value"),
        "reason": N_("Reason"),
        "table": N_("Table"),
        "item": N_("Item"),
        "field": N_("Field"),
        "rows": N_("Rows"),
        "what": N_("What"),
        "source": N_("Source"),
        "licence": N_("Licence"),
        "dates": N_("Dates"),
        "indicator": N_("Indicator"),
        "definition": N_("Definition"),
        "official statistics": N_("Official statistics"),
        "official statement": N_("Official statement"),
        "press": N_("Press"),
        "figures": N_("Figures"),
    }.items()
    if k not in COLUMN_LABELS
}

# Russia's federal districts as the data names them ('Volga') → the official full name.
FEDERAL_DISTRICTS: dict[str, str] = {
    "Central": N_("Central Federal District"),
    "Northwestern": N_("Northwestern Federal District"),
    "Southern": N_("Southern Federal District"),
    "North Caucasian": N_("North Caucasian Federal District"),
    "Volga": N_("Volga Federal District"),
    "Ural": N_("Ural Federal District"),
    "Siberian": N_("Siberian Federal District"),
    "Far Eastern": N_("Far Eastern Federal District"),
}
# The short form used in labels: 'Volga FD' (ru: 'ПФО').
FEDERAL_DISTRICTS_SHORT: dict[str, str] = {
    "Central": N_("Central FD"),
    "Northwestern": N_("Northwestern FD"),
    "Southern": N_("Southern FD"),
    "North Caucasian": N_("North Caucasian FD"),
    "Volga": N_("Volga FD"),
    "Ural": N_("Ural FD"),
    "Siberian": N_("Siberian FD"),
    "Far Eastern": N_("Far Eastern FD"),
}


def column_label(column: str, lang: str = DEFAULT_LANG) -> str:
    """The label a reader sees for a column id in `lang` (an explicit label, else a readable form of the
    id); ValueError for an unknown language."""
    if column in COLUMN_LABELS:
        return translator(lang).gettext(COLUMN_LABELS[column])
    translator(lang)  # checks the language
    unit = ""
    for suffix, text in SUFFIXES:
        if column.endswith(suffix):
            column, unit = column[: -len(suffix)], text
            break
    words = re.sub(r"_+", " ", column).strip()
    return (words[:1].upper() + words[1:] + unit) if words else column


def district_name(district: str, lang: str = DEFAULT_LANG, short: bool = False) -> str:
    """A federal district as the data names it ('Volga') in words: 'Volga Federal District' (ru
    'Приволжский федеральный округ'), or short 'Volga FD' (ru 'ПФО'); other text is returned as it is."""
    names = FEDERAL_DISTRICTS_SHORT if short else FEDERAL_DISTRICTS
    return translator(lang).gettext(names[district]) if district in names else district


# Notes the trade model writes beside a blank figure (analysis.models.trade), as patterns → messages.
NOTES: tuple[tuple[re.Pattern, str], ...] = (
    (
        re.compile(r"exports and imports not both reported on this side"),
        N_("exports and imports not both reported on this side"),
    ),
    (re.compile(r"no figure for the previous year"), N_("no figure for the previous year")),
    (re.compile(r"no figure for this year"), N_("no figure for this year")),
    (re.compile(r"previous year is zero: no growth rate"), N_("previous year is zero: no growth rate")),
    (
        re.compile(r"statistics side not stated: no growth rate"),
        N_("statistics side not stated: no growth rate"),
    ),
    (re.compile(r"no full-year figure for (?P<year>\d{4})"), N_("no full-year figure for {year}")),
    (
        re.compile(r"previous year \((?P<year>\d{4})\) only in (?P<sides>.+) statistics"),
        N_("previous year ({year}) only in {sides} statistics"),
    ),
    (re.compile(r"(?P<n>\d+) sources differ"), N_("{n} sources differ")),
    (re.compile(r"a balance has no percentage change"), N_("a balance has no percentage change")),
)
SIDE_ADJECTIVES = {"Belarusian": N_("Belarusian"), "Russian": N_("Russian")}


def note_text(note: str, lang: str = DEFAULT_LANG) -> str:
    """A note of the trade model ('no full-year figure for 2023') in `lang`; other text as it is."""
    t = translator(lang)
    for pattern, message in NOTES:
        m = pattern.fullmatch(note.strip())
        if m:
            params = m.groupdict()
            if "sides" in params:
                params["sides"] = " / ".join(
                    t.gettext(SIDE_ADJECTIVES.get(s, s)) for s in params["sides"].split(" and ")
                )
            return t.gettext(message, **params)
    return note


def localised_frame(
    df, lang: str, region_names: dict[str, str], sector_names: dict[str, str]
):  # pandas DataFrame in and out (pandas is not imported here for a type)
    """A table as the Russian interface shows and downloads it: a `name_ru` column beside `name_en`,
    `region_name` / `sector_name` in the language (by `region_iso` / `sector_id`), federal districts in words
    and the trade model's notes translated. Ids, codes and numbers stay as they are; English: `df` itself.

    `region_names` maps ISO codes to names in `lang`, `sector_names` sector ids to names.
    """
    if lang == DEFAULT_LANG:
        return df
    out = df.copy()
    if "name_en" in out.columns and "iso_code" in out.columns and "name_ru" not in out.columns:
        out.insert(list(out.columns).index("name_en") + 1, "name_ru", out.iso_code.map(region_names))
    if "region_name" in out.columns and "region_iso" in out.columns:
        out["region_name"] = out.region_iso.map(region_names).fillna(out.region_name)
    if "sector_name" in out.columns and "sector_id" in out.columns:
        out["sector_name"] = out.sector_id.map(sector_names).fillna(out.sector_name)
    if "federal_district" in out.columns:
        out["federal_district"] = [
            d if not isinstance(d, str) else district_name(d, lang) for d in out.federal_district
        ]
    for col in ("growth_note", "balance_note", "differ_note"):
        if col in out.columns:
            out[col] = [note_text(n, lang) if isinstance(n, str) else n for n in out[col]]
    return out
