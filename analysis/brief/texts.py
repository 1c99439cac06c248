"""Every sentence, label and heading of the brief as a template with named placeholders.

The templates are written in English (`EN`, marked with `N_` so that `make i18n` extracts them) and
translated through the gettext catalog (analysis/locale); `texts_for(lang)` looks them up in a language.
Placeholders are filled after translation (str.format), so a translation may put them in any order.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.output.formatting import fmt_count
from analysis.output.i18n import LANGS, N_, NP_, translator
from analysis.views.opportunity_views import TERM_MESSAGES

EN: dict[str, str] = {
    # title and headings (section keys in build.SECTION_KEYS)
    "title": N_("Meeting brief: {region}"),
    "prepared": N_("Prepared on {date}. Filters: {side_label}; years {y0}–{y1}."),
    "h_facts": N_("1. Key facts"),
    "h_trade": N_("2. Trade with Belarus"),
    "h_meetings": N_("3. Meetings and agreements"),
    "h_goods": N_("4. Goods"),
    "h_opportunities": N_("5. Opportunities"),
    "h_proposals": N_("6. Open proposals"),
    "h_points": N_("7. Talking points"),
    "h_sources": N_("8. Sources"),
    "table_label": N_("Table"),
    "figure_label": N_("Figure"),
    "side_best": N_("best available statistics (Belarusian first)"),
    "side_BY": N_("Belarusian statistics"),
    "side_RU": N_("Russian statistics"),
    "side_unknown": N_("statistics of unstated origin"),
    "side_code_unknown": N_("unknown"),
    "thin": N_(
        "Data on {region} are thin: {n_figures}, {n_meetings} and {n_goods} are on record{mark}. "
        "What is known is given below; no trend is implied."
    ),
    # key facts
    "facts_caption": N_("Key facts about the region."),
    "col_fact": N_("Fact"),
    "col_value": N_("Value"),
    "fact_capital": N_("Capital"),
    "fact_district": N_("Federal district"),
    "fact_population": N_("Population"),
    "fact_grp": N_("Gross regional product (GRP)"),
    "fact_grp_pc": N_("GRP per person"),
    "fact_distance": N_("Distance from Minsk"),
    "val_population": N_("{value} thousand (end of {year}; {source}){mark}"),
    "val_grp": N_("RUB {value} bn ({year}, current prices; {source}){mark}"),
    "val_grp_pc": N_("RUB {value} ({year}, current prices; {source}){mark}"),
    "val_distance": N_("{value} km (great-circle, from the region's centre; derived){mark}"),
    "val_missing": N_("not on record"),
    # trade
    "trade_intro": N_(
        "Belarusian and Russian statistics differ, so each side is shown on its own and a change is only "
        "computed between two years of the same side."
    ),
    "trade_side_caption": N_("Latest full year in {y0}–{y1}, {side_label} (million USD)."),
    "col_flow": N_("Flow"),
    "col_year": N_("Year"),
    "col_change": N_("Change on the year before (same side)"),
    "flow_turnover": N_("Turnover"),
    "flow_by_exports": N_("Belarus exports"),
    "flow_by_imports": N_("Belarus imports"),
    "flow_balance": N_("Balance (exports − imports; derived)"),
    "trade_none": N_("No full-year trade figure for {region} in {y0}–{y1} is on record on {side_label}."),
    "chart_caption": N_(
        "Full-year figures by year, million USD, {side_label}; the outline of each bar shows its statistics "
        "side (blue Belarusian, orange Russian). Sources: {marks}."
    ),
    "chart_y": N_("million USD"),
    "series_caption": N_("The figures in the chart, by year and statistics side (million USD)."),
    "col_side": N_("Side"),
    "chart_one_year": N_("Only one year is on record, so the chart shows no trend."),
    "partial_intro": N_(
        "Figures for part of a year are not comparable with full years and are listed apart:"
    ),
    "partial_caption": N_("Part-year and other reported figures for {region}."),
    "partial_none": N_("No part-year figure is on record for {region}."),
    "col_period": N_("Period"),
    "col_status": N_("Status"),
    "fig_reported": N_("reported"),
    "fig_forecast": N_("forecast"),
    "fig_suspect": N_("suspect"),
    # meetings
    "meetings_caption": N_("Meetings with {region} in {y0}–{y1}, newest first."),
    "meetings_none": N_("No meeting with {region} is recorded in {y0}–{y1}."),
    "col_date": N_("Date"),
    "col_level": N_("Level"),
    "col_who": N_("Who (Belarus — region)"),
    "col_sectors": N_("Sectors discussed"),
    "col_agreed": N_("Agreed or noted"),
    "level_top": N_("President or Prime Minister"),
    "level_other": N_("Ministers, concerns, working groups"),
    "targets_caption": N_(
        "Targets set in meetings against the latest reported turnover (status: reached, on track or behind, "
        "judged on the same statistics side)."
    ),
    "targets_none": N_("No numeric trade target is recorded for {region}."),
    "col_set_on": N_("Set on"),
    "col_target": N_("Target"),
    "col_by": N_("By year"),
    "col_latest": N_("Latest actual"),
    "col_progress": N_("Progress"),
    "latest_actual": N_("{value} ({year}, {side}){mark}"),
    "no_deadline": N_("none stated"),
    "status_achieved": N_("achieved"),
    "status_missed": N_("missed"),
    "status_on track": N_("on track"),
    "status_behind": N_("behind"),
    "status_no deadline": N_("no deadline"),
    "status_no figure": N_("no figure"),
    "status_no figure since target set": N_("no figure since target set"),
    # goods
    "goods_caption": N_("Goods named as traded with {region}, by sector."),
    "goods_none": N_("No goods are recorded as traded with {region}."),
    "col_sector": N_("Sector"),
    "col_supplies": N_("Belarus supplies"),
    "col_buys": N_("Belarus buys"),
    "sector_unclassified": N_("Not classified"),
    # opportunities
    "pot_label": N_(
        "Modelled potential (PPML gravity model; a modelled figure, not a reported one): expected turnover "
        "{expected}{mmark} against reported {actual} in {year} on {side_label}{amark}; reported is {ratio} of "
        "expected{mmark}."
    ),
    "pot_expected_only": N_(
        "Modelled potential (PPML gravity model; modelled): expected turnover {expected}{mmark}. No reported "
        "turnover in range to compare it with."
    ),
    "pot_error": N_(
        "The model's leave-one-out median error is {loo}{mmark}: a prediction for a region left out of the fit "
        "is typically off by that much, so read the gap as a place to look, not as a forecast."
    ),
    "pot_own_error": N_("Left out of the fit, {region}'s own prediction is off by {own}{mmark}."),
    "pot_no_fit": N_(
        "The gravity model cannot be fitted with these filters (fewer than 8 regions have figures), so no "
        "modelled potential is given."
    ),
    "pot_no_population": N_("No modelled potential for {region}: its population is not on record."),
    "gaps_caption": N_(
        "Goods sectors discussed in meetings with no trade in their goods recorded; score 0–100, modelled "
        "(the dashboard's Opportunities page explains the rule)."
    ),
    "gaps_none": N_(
        "No goods sector was discussed with {region} in {y0}–{y1} without trade in its goods being recorded, "
        "so no 'discussed but not traded' gap is listed."
    ),
    "gaps_more": N_(
        "Only the highest-scoring sectors are shown (at most eight); the Opportunities page lists all."
    ),
    "services_caption": N_(
        "Service sectors discussed in meetings. They are services, which goods trade statistics do not "
        "measure, so their absence from goods trade is not a gap."
    ),
    "col_score": N_("Score (modelled)"),
    "col_meetings": N_("Meetings"),
    "col_last": N_("Last discussed"),
    "col_evidence": N_("Evidence"),
    # proposals
    "proposals_intro": N_(
        "What past meetings proposed or agreed, as the meetings on file record it (short notes). No later "
        "record says whether each was carried out, so each is listed with its last mention."
    ),
    "proposals_caption": N_("Proposals and agreements from meetings with {region}, newest first."),
    "proposals_none": N_(
        "The meetings recorded with {region} in {y0}–{y1} carry no note of a proposal or agreement."
    ),
    "col_proposal": N_("Proposal or agreement"),
    "col_last_mention": N_("Last mention"),
    "proposals_open_sectors": N_(
        "Sectors raised without trade recorded since are listed under Opportunities, each with its last "
        "discussion."
    ),
    # talking points
    "tp_latest": N_("Turnover with Belarus was {value} in {year} on {side_label}{mark}."),
    "tp_change": N_("On {side_label}, turnover changed by {change} in {year} against {prev}{mark}."),
    "tp_below": N_(
        "Turnover is {pct} below the modelled potential (modelled; leave-one-out median error {loo}){mark}."
    ),
    "tp_above": N_(
        "Turnover is {pct} above the modelled potential (modelled; leave-one-out median error {loo}){mark}."
    ),
    "tp_target": N_(
        "The target of {target} set on {date} stands at {progress} on the latest figure: {status}{mark}."
    ),
    "tp_gap": N_(
        "{sector} was discussed in {n}, last on {date}, but no trade in its goods is recorded{mark}."
    ),
    "tp_goods": N_("Belarus supplies {goods}{mark}."),
    "tp_meeting": N_("The last recorded meeting was on {date} ({who}){mark}."),
    "tp_thin": N_(
        "Little is on record for {region}: agreeing which figures each side will report is itself a result."
    ),
    # sources
    "sources_intro": N_("Each [n] mark in this brief refers to the entry with that number."),
    "src_model": N_(
        "Modelled: PPML gravity model of turnover on {spec} (distance from Minsk) "
        "fitted on {n} regions' latest reported turnover in {y0}–{y1} "
        "({side_label}); pseudo-R² {r2}; leave-one-out median error {loo}."
    ),
    "src_counts": N_(
        "Counts of sourced records on file: trade figures, meetings and goods named in reports."
    ),
    "src_score": N_(
        "Opportunity score (modelled): 50·discussed + 30·national strength + 20·not traded "
        "from the meetings, goods and national facts cited in the row."
    ),
    "rosstat_source": N_("Rosstat yearbook {edition}, table {table}"),
}

# Count nouns of the brief (singular, plural); Russian forms (1, 2–4, 5+) in the catalog.
NOUNS = {
    "figure": NP_("full-year trade figure", "full-year trade figures"),
    "meeting": NP_("meeting", "meetings"),
    "goods": NP_("goods mention", "goods mentions"),
}

# The gravity model's terms as `potential.Spec.name` writes them, for the model's source line.
MODEL_TERMS = frozenset(TERM_MESSAGES)


@dataclass(frozen=True)
class Texts:
    """The templates in one language (English as written, others through the catalog)."""

    lang: str

    def __call__(self, key: str, **values: object) -> str:
        """The template `key` translated and filled with `values`; raises KeyError for an unknown key."""
        return translator(self.lang).gettext(EN[key], **values)

    def count(self, n: int, noun: str) -> str:
        """'2 meetings' / '2 встречи': a count with its noun (a key of NOUNS) in the right form."""
        singular, plural = NOUNS[noun]
        return fmt_count(n, singular, plural, lang=self.lang)

    def term(self, spec: str) -> str:
        """A model specification ('GRP + distance') with its terms in the language."""
        tr = translator(self.lang)
        return " + ".join(tr.gettext(p) if p in MODEL_TERMS else p for p in spec.split(" + "))


def texts_for(lang: str) -> Texts:
    """Templates for `lang` ('en' or 'ru'); raises ValueError for any other language."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return Texts(lang)
