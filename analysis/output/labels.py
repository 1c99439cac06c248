"""Human column labels for tables on screen: 'turnover_musd' → 'Turnover, million USD'.

Downloads keep the stable column ids (CSV headers are ids); only what a reader sees on the page is
relabelled. Explicit labels come first; other ids get a readable form from their unit suffix.
"""

from __future__ import annotations

import re

from analysis.output.i18n import N_

COLUMN_LABELS: dict[str, str] = {
    "iso_code": N_("Region code"),
    "region_iso": N_("Region code"),
    "name_en": N_("Region"),
    "region_name": N_("Region"),
    "region": N_("Region"),
    "federal_district": N_("Federal district"),
    "latest_year": N_("Latest year"),
    "year": N_("Year"),
    "side": N_("Statistics side"),
    "by_side": N_("Belarusian side"),
    "region_side": N_("Regional side"),
    "hs_chapter": N_("HS chapter"),
    "sector_id": N_("Sector code"),
    "sector_name": N_("Sector"),
    "sectors": N_("Sectors discussed"),
    "target_note": N_("Target set"),
    "source_url": N_("Source"),
    "fact_base_source": N_("Source in the fact base"),
    "grp_value": N_("GRP, million RUB"),
    "grp_year": N_("GRP year"),
    "lat": N_("Latitude"),
    "lon": N_("Longitude"),
    "c_discussed": N_("Discussed in meetings (score part)"),
    "c_not_traded": N_("No trade recorded (score part)"),
    "c_national_strength": N_("Belarus strong nationally (score part)"),
    "discussed_not_traded": N_("Discussed, not traded"),
    "n_meetings": N_("Meetings"),
    "last_discussed": N_("Last discussed"),
    "status_label": N_("Status"),
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
    "turnover_per_capita_usd": N_("Turnover per person, USD"),
    "turnover_per_grp_pct": "Turnover, % of GRP",  # no N_: "% o" reads as a %-format to Babel
    "turnover_2021_pct_of_grp_2021": "Turnover 2021, % of GRP 2021",
    "grp_mrub": N_("GRP, million RUB"),
    "grp_per_capita_rub": N_("GRP per person, RUB"),
    "population_year": N_("Population year"),
    "by_share_basis": N_("Basis of Belarus's share"),
    "value_musd": N_("Value, million USD"),
    "value_text": N_("Value as stated"),
    "is_region": N_("The region itself"),
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


def column_label(column: str) -> str:
    """The label a reader sees for a column id (an explicit label, else a readable form of the id)."""
    if column in COLUMN_LABELS:
        return COLUMN_LABELS[column]
    unit = ""
    for suffix, text in SUFFIXES:
        if column.endswith(suffix):
            column, unit = column[: -len(suffix)], text
            break
    words = re.sub(r"_+", " ", column).strip()
    return (words[:1].upper() + words[1:] + unit) if words else column
