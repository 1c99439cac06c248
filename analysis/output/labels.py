"""Human column labels for tables on screen: 'turnover_musd' → 'Turnover, million USD'.

Downloads keep the stable column ids (CSV headers are ids); only what a reader sees on the page is
relabelled. Explicit labels come first; other ids get a readable form from their unit suffix.
"""

from __future__ import annotations

import re

COLUMN_LABELS: dict[str, str] = {
    "iso_code": "Region code",
    "region_iso": "Region code",
    "name_en": "Region",
    "region_name": "Region",
    "region": "Region",
    "federal_district": "Federal district",
    "latest_year": "Latest year",
    "year": "Year",
    "side": "Statistics side",
    "by_side": "Belarusian side",
    "region_side": "Regional side",
    "hs_chapter": "HS chapter",
    "sector_id": "Sector code",
    "sector_name": "Sector",
    "sectors": "Sectors discussed",
    "target_note": "Target set",
    "source_url": "Source",
    "fact_base_source": "Source in the fact base",
    "grp_value": "GRP, million RUB",
    "grp_year": "GRP year",
    "lat": "Latitude",
    "lon": "Longitude",
    "c_discussed": "Discussed in meetings (score part)",
    "c_not_traded": "No trade recorded (score part)",
    "c_national_strength": "Belarus strong nationally (score part)",
    "discussed_not_traded": "Discussed, not traded",
    "n_meetings": "Meetings",
    "last_discussed": "Last discussed",
    "status_label": "Status",
    "score": "Score (0–100, modelled)",
    "rank": "Rank",
    "rank_in_district": "Rank in district",
    "figure_type": "Figure type",
    "distance_km": "Distance from Minsk, km",
    "in_sample": "In the model's sample",
    "actual_to_expected": "Actual / modelled",
    "loo_error_pct": "Leave-one-out error, %",
    "loo_expected_musd": "Modelled without the region, million USD",
    "expected_musd": "Modelled potential, million USD",
    "untapped_musd": "Untapped (modelled), million USD",
    "actual_musd": "Reported turnover, million USD",
    "turnover_per_capita_usd": "Turnover per person, USD",
    "turnover_per_grp_pct": "Turnover, % of GRP",
    "turnover_2021_pct_of_grp_2021": "Turnover 2021, % of GRP 2021",
    "grp_mrub": "GRP, million RUB",
    "grp_per_capita_rub": "GRP per person, RUB",
    "population_year": "Population year",
    "by_share_basis": "Basis of Belarus's share",
    "value_musd": "Value, million USD",
    "value_text": "Value as stated",
    "is_region": "The region itself",
}
SUFFIXES = (("_musd", ", million USD"), ("_usd", ", USD"), ("_pct", ", %"), ("_km", ", km"))


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
