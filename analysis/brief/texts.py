"""Every sentence, label and heading of the brief as a template, per language, so that it can be translated.

`texts_for(lang)` returns the templates for a language; a language without templates falls back to English
and says so in `fallback_note` (the translation layer comes with issue 20). Placeholders use str.format.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGS = ("en", "ru")

EN: dict[str, str] = {
    # title and headings (section keys in build.SECTION_KEYS)
    "title": "Meeting brief: {region}",
    "prepared": "Prepared on {date}. Filters: {side_label}; years {y0}–{y1}.",
    "h_facts": "1. Key facts",
    "h_trade": "2. Trade with Belarus",
    "h_meetings": "3. Meetings and agreements",
    "h_goods": "4. Goods",
    "h_opportunities": "5. Opportunities",
    "h_proposals": "6. Open proposals",
    "h_points": "7. Talking points",
    "h_sources": "8. Sources",
    "table_label": "Table",
    "figure_label": "Figure",
    "side_best": "best available statistics (Belarusian first)",
    "side_BY": "Belarusian statistics",
    "side_RU": "Russian statistics",
    "side_unknown": "statistics of unstated origin",
    "thin": (
        "Data on {region} are thin: {n_figures}, {n_meetings} and {n_goods} are on record{mark}. "
        "What is known is given below; no trend is implied."
    ),
    "noun_figure": "full-year trade figure",
    "noun_meeting": "meeting",
    "noun_goods": "goods mention",
    # key facts
    "facts_caption": "Key facts about the region.",
    "col_fact": "Fact",
    "col_value": "Value",
    "fact_capital": "Capital",
    "fact_district": "Federal district",
    "fact_population": "Population",
    "fact_grp": "Gross regional product (GRP)",
    "fact_grp_pc": "GRP per person",
    "fact_distance": "Distance from Minsk",
    "val_population": "{value} ({year}){mark}",
    "val_grp": "{value} {unit} ({year}){mark}",
    "val_grp_pc": "{value} RUB (derived: GRP {grp_year} ÷ population {pop_year}){mark}",
    "val_distance": "{value} km (great-circle, from the region's centre; derived){mark}",
    "val_missing": "not on record",
    # trade
    "trade_intro": (
        "Belarusian and Russian statistics differ, so each side is shown on its own and a change is only "
        "computed between two years of the same side."
    ),
    "trade_side_caption": "Latest full year in {y0}–{y1}, {side_label} (million USD).",
    "col_flow": "Flow",
    "col_year": "Year",
    "col_change": "Change on the year before (same side)",
    "flow_turnover": "Turnover",
    "flow_by_exports": "Belarus exports",
    "flow_by_imports": "Belarus imports",
    "flow_balance": "Balance (exports − imports; derived)",
    "trade_none": "No full-year trade figure for {region} in {y0}–{y1} is on record on {side_label}.",
    "chart_caption": (
        "Full-year figures by year, million USD, {side_label}; the outline of each bar shows its statistics "
        "side (blue Belarusian, orange Russian). Sources: {marks}."
    ),
    "series_caption": "The figures in the chart, by year and statistics side (million USD).",
    "col_side": "Side",
    "chart_one_year": "Only one year is on record, so the chart shows no trend.",
    "partial_intro": "Figures for part of a year are not comparable with full years and are listed apart:",
    "partial_caption": "Part-year and other reported figures for {region}.",
    "partial_none": "No part-year figure is on record for {region}.",
    "col_period": "Period",
    "col_status": "Status",
    # meetings
    "meetings_caption": "Meetings with {region} in {y0}–{y1}, newest first.",
    "meetings_none": "No meeting with {region} is recorded in {y0}–{y1}.",
    "col_date": "Date",
    "col_level": "Level",
    "col_who": "Who (Belarus — region)",
    "col_sectors": "Sectors discussed",
    "col_agreed": "Agreed or noted",
    "level_top": "President or Prime Minister",
    "level_other": "Ministers, concerns, working groups",
    "targets_caption": "Targets set in meetings against the latest reported turnover (status: reached, on track or behind, judged on the same statistics side).",
    "targets_none": "No numeric trade target is recorded for {region}.",
    "col_set_on": "Set on",
    "col_target": "Target",
    "col_by": "By year",
    "col_latest": "Latest actual",
    "col_progress": "Progress",
    "latest_actual": "{value} ({year}, {side}){mark}",
    "no_deadline": "none stated",
    # goods
    "goods_caption": "Goods named as traded with {region}, by sector.",
    "goods_none": "No goods are recorded as traded with {region}.",
    "col_sector": "Sector",
    "col_supplies": "Belarus supplies",
    "col_buys": "Belarus buys",
    "sector_unclassified": "Not classified",
    # opportunities
    "pot_label": (
        "Modelled potential (PPML gravity model; a modelled figure, not a reported one): expected turnover "
        "{expected}{mmark} against reported {actual} in {year} on {side_label}{amark}; reported is {ratio} of "
        "expected{mmark}."
    ),
    "pot_expected_only": (
        "Modelled potential (PPML gravity model; modelled): expected turnover {expected}{mmark}. No reported "
        "turnover in range to compare it with."
    ),
    "pot_error": (
        "The model's leave-one-out median error is {loo}{mmark}: a prediction for a region left out of the fit "
        "is typically off by that much, so read the gap as a place to look, not as a forecast."
    ),
    "pot_own_error": "Left out of the fit, {region}'s own prediction is off by {own}{mmark}.",
    "pot_no_fit": (
        "The gravity model cannot be fitted with these filters (fewer than 8 regions have figures), so no "
        "modelled potential is given."
    ),
    "pot_no_population": "No modelled potential for {region}: its population is not on record.",
    "gaps_caption": (
        "Sectors discussed in meetings with no trade in their goods recorded; score 0–100, modelled "
        "(the dashboard's Opportunities page explains the rule)."
    ),
    "gaps_none": (
        "No sector was discussed with {region} in {y0}–{y1} without trade in its goods being recorded, so no "
        "'discussed but not traded' gap is listed."
    ),
    "gaps_more": "Only the highest-scoring sectors are shown (at most eight); the Opportunities page lists all.",
    "col_score": "Score (modelled)",
    "col_meetings": "Meetings",
    "col_last": "Last discussed",
    "col_evidence": "Evidence",
    # proposals
    "proposals_intro": (
        "What past meetings proposed or agreed, as the meetings on file record it (short notes). No later record says whether each was carried out, so each is listed with its "
        "last mention."
    ),
    "proposals_caption": "Proposals and agreements from meetings with {region}, newest first.",
    "proposals_none": "The meetings recorded with {region} in {y0}–{y1} carry no note of a proposal or agreement.",
    "col_proposal": "Proposal or agreement",
    "col_last_mention": "Last mention",
    "proposals_open_sectors": (
        "Sectors raised without trade recorded since are listed under Opportunities, each with its last "
        "discussion."
    ),
    # talking points
    "tp_latest": "Turnover with Belarus was {value} in {year} on {side_label}{mark}.",
    "tp_change": "On {side_label}, turnover changed by {change} in {year} against {prev}{mark}.",
    "tp_below": "Turnover is {pct} below the modelled potential (modelled; leave-one-out median error {loo}){mark}.",
    "tp_above": "Turnover is {pct} above the modelled potential (modelled; leave-one-out median error {loo}){mark}.",
    "tp_target": "The target of {target} set on {date} stands at {progress} on the latest figure: {status}{mark}.",
    "tp_gap": "{sector} was discussed in {n}, last on {date}, but no trade in its goods is recorded{mark}.",
    "tp_goods": "Belarus supplies {goods}{mark}.",
    "tp_meeting": "The last recorded meeting was on {date} ({who}){mark}.",
    "tp_thin": "Little is on record for {region}: agreeing which figures each side will report is itself a result.",
    # sources
    "sources_intro": "Each [n] mark in this brief refers to the entry with that number.",
    "src_model": (
        "Modelled: PPML gravity model of turnover on {spec} (distance from Minsk) "
        "fitted on {n} regions' latest reported turnover in {y0}–{y1} "
        "({side_label}); pseudo-R² {r2}; leave-one-out median error {loo}."
    ),
    "src_counts": ("Counts of sourced records on file: trade figures, meetings and goods named in reports."),
    "src_score": (
        "Opportunity score (modelled): 50·discussed + 30·national strength + 20·not traded "
        "from the meetings, goods and national facts cited in the row."
    ),
}

TEMPLATES: dict[str, dict[str, str]] = {"en": EN}
FALLBACK_NOTE = "A {lang} version of this brief's text is not available yet; the brief is in English."


@dataclass(frozen=True)
class Texts:
    """The templates of one language and, when they fell back to English, a note saying so."""

    lang: str
    templates: dict[str, str]
    fallback_note: str | None = None

    def __call__(self, key: str, **values: object) -> str:
        """The template `key` filled with `values`; raises KeyError for an unknown key."""
        return self.templates[key].format(**values)


def texts_for(lang: str) -> Texts:
    """Templates for `lang` ('en' or 'ru'); raises ValueError for any other language."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    if lang in TEMPLATES:
        return Texts(lang, TEMPLATES[lang])
    return Texts("en", EN, FALLBACK_NOTE.format(lang={"ru": "Russian"}.get(lang, lang)))
