"""Generated text summaries of a region or a sector: every number is followed by a [n] source mark.

Each sentence is one translatable template with named placeholders (English in the code, Russian in the
catalog); names come from the data in the reader's language (`name_ru`, `capital_ru`, the districts'
Rosstat names), and text the data holds only in English is kept and marked with its language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from analysis.data.districts import district_name
from analysis.data.tables import FactBase
from analysis.models.opportunities import sector_region_lists
from analysis.models.trade import no_usd_figures
from analysis.output.formatting import fmt_date, fmt_decimal, fmt_money, fmt_musd, fmt_pct
from analysis.output.i18n import DEFAULT_LANG, N_, Translator, mark_foreign, translator

QUALIFIED = {
    "over": N_("over {amount}"),
    "almost": N_("almost {amount}"),
    "about": N_("about {amount}"),
}
SIDE_STATISTICS = {
    "BY": N_("Belarusian statistics"),
    "RU": N_("Russian statistics"),
    "unknown": N_("statistics of unstated origin"),
}
FLOW_NAMES = {
    "turnover": N_("Turnover"),
    "by_exports": N_("Belarus exports"),
    "by_imports": N_("Belarus imports"),
    "balance": N_("Balance"),
}
SERVICES = "services"  # sectors.csv `kind`: not measured by goods trade statistics
ROSSTAT_TABLE = re.compile(r"^Rosstat, Russian Statistical Yearbook (\d{4}), table ([\d.]+)$")


@dataclass
class Summary:
    """Markdown text and the numbered sources its [n] marks refer to."""

    text: str
    sources: list[str] = field(default_factory=list)


class _Cites:
    """Hands out [n] marks, one number per distinct URL."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def mark(self, url: str) -> str:
        if not url:
            return ""
        if url not in self.urls:
            self.urls.append(url)
        return f" [{self.urls.index(url) + 1}]"


def qualified(amount: str, qualifier: str, lang: str = DEFAULT_LANG) -> str:
    """'almost $3.0 m' (ru 'почти $3,0 млн'): a formatted figure with the source's own qualifier."""
    if qualifier not in QUALIFIED:
        return amount
    return translator(lang).gettext(QUALIFIED[qualifier], amount=amount)


def side_statistics(side: str, lang: str = DEFAULT_LANG) -> str:
    """'Belarusian statistics' / 'белорусская статистика' for a side code (BY, RU, unknown)."""
    return translator(lang).gettext(SIDE_STATISTICS.get(side, SIDE_STATISTICS["unknown"]))


def region_names(fb: FactBase, lang: str = DEFAULT_LANG) -> pd.Series:
    """ISO code → the region's name in `lang` (name_ru in Russian, name_en otherwise)."""
    return fb.regions.set_index("iso_code")["name_ru" if lang == "ru" else "name_en"]


def sector_names(fb: FactBase, lang: str = DEFAULT_LANG) -> pd.Series:
    """Sector id → the sector's name in `lang` (name_ru in Russian, name_en otherwise)."""
    return fb.sectors.set_index("sector_id")["name_ru" if lang == "ru" else "name_en"]


def english_text(text: str, lang: str) -> str:
    """Text the data holds only in English, marked as such when the reader's language is another."""
    return mark_foreign(text, "en", lang) if text else text


@dataclass(frozen=True)
class RosstatFact:
    """One Rosstat indicator of a region: value in its unit, year, where it is printed, and the URL."""

    value: float
    unit: str
    year: int
    source: str
    source_url: str


def rosstat_facts(fb: FactBase, iso: str) -> dict[str, RosstatFact]:
    """The region's Rosstat indicators (population in thousand persons at the end of the year, GRP in
    million RUB, GRP per capita in RUB), newest year of each; empty when none is on record.
    Source: datasets/region_indicators.csv (Russian Statistical Yearbook 2023)."""
    ind = fb.region_indicators
    rows = ind[(ind.iso_code == iso) & ind.value.notna()].sort_values("year")
    return {
        r.indicator: RosstatFact(float(r.value), r.unit, int(r.year), r.source, r.source_url)
        for r in rows.itertuples(index=False)
    }


def rosstat_source(fact: RosstatFact, lang: str = DEFAULT_LANG) -> str:
    """'Rosstat yearbook 2023, table 4.2' in the reader's language; other sources as written (marked)."""
    m = ROSSTAT_TABLE.match(fact.source)
    if m is None:
        return english_text(fact.source, lang)
    return translator(lang).gettext("Rosstat yearbook {edition}, table {table}", edition=m[1], table=m[2])


def _head(tr: Translator, reg: pd.Series, lang: str) -> str:
    name = reg.name_ru if lang == "ru" else reg.name_en
    capital = reg.capital_ru if lang == "ru" and reg.capital_ru else reg.capital
    district = district_name(reg.federal_district, lang)
    if district:
        return tr.gettext("**{region}** ({district}, capital {capital}).", region=name, district=district,
                          capital=capital)  # fmt: skip
    return tr.gettext("**{region}** (capital {capital}).", region=name, capital=capital)


def economy_sentences(fb: FactBase, iso: str, cites: _Cites, lang: str = DEFAULT_LANG) -> list[str]:
    """The region's population and GRP from Rosstat, each with its year, source and mark (none if missing)."""
    tr = translator(lang)
    facts = rosstat_facts(fb, iso)
    out = []
    pop = facts.get("population")
    if pop is not None and pop.unit == "thousand persons":
        out.append(
            tr.gettext(
                "Population {value} thousand at the end of {year} ({source}){mark}.",
                value=fmt_decimal(pop.value, 1, lang),
                year=pop.year,
                source=rosstat_source(pop, lang),
                mark=cites.mark(pop.source_url),
            )
        )
    grp = facts.get("grp")
    if grp is not None and grp.unit == "million RUB":
        out.append(
            tr.gettext(
                "Gross regional product RUB {value} bn in {year}, current prices ({source}){mark}.",
                value=fmt_decimal(grp.value / 1000, 1, lang),
                year=grp.year,
                source=rosstat_source(grp, lang),
                mark=cites.mark(grp.source_url),
            )
        )
    return out


def region_summary(
    fb: FactBase,
    best: pd.DataFrame,
    iso: str,
    years: tuple[int, int] | None = None,
    lang: str = DEFAULT_LANG,
) -> Summary:
    """A paragraph on one region's economy (Rosstat), trade figures, meetings and goods, with sources.

    With `years`, only figures and meetings of those years are described (goods are not dated). `lang` is
    the reader's language ('en', 'ru'); ValueError for another.
    """
    tr = translator(lang)
    cites = _Cites()
    meetings = fb.meetings
    if years is not None:
        best = best[best.year.between(*years)]
        meetings = meetings[meetings.date.str[:4].astype(int).between(*years)]
    reg = fb.regions.set_index("iso_code").loc[iso]
    parts = [_head(tr, reg, lang), *economy_sentences(fb, iso, cites, lang)]
    t = best[(best.region_iso == iso) & (best.flow == "turnover")].sort_values("year")
    if t.empty:
        parts.append(
            tr.gettext(
                "No full-year turnover figure is on record for this region; partial-year figures, if any, "
                "are listed below."
            )
        )
    else:
        last = t.iloc[-1]
        amount = qualified(fmt_musd(last.value_musd, lang), last.qualifier, lang)
        side = side_statistics(last.side, lang)
        mark = cites.mark(last.source_url)
        n_differ = int(last.get("n_sources_differ", 0) or 0) if str(last.get("differ_note", "")) else 0
        if n_differ:
            parts.append(
                tr.ngettext(
                    "Latest reported turnover with Belarus: {amount} in {year} ({side}){mark}; {n} source "
                    "differs, another gives {other}{other_mark}.",
                    "Latest reported turnover with Belarus: {amount} in {year} ({side}){mark}; {n} sources "
                    "differ, another gives {other}{other_mark}.",
                    n_differ,
                    amount=amount,
                    year=last.year,
                    side=side,
                    mark=mark,
                    other=fmt_musd(last.alt_value_musd, lang),
                    other_mark=cites.mark(last.alt_source_url),
                )
            )
        else:
            parts.append(
                tr.gettext(
                    "Latest reported turnover with Belarus: {amount} in {year} ({side}){mark}.",
                    amount=amount,
                    year=last.year,
                    side=side,
                    mark=mark,
                )
            )
        same = t[t.side == last.side]  # a series is read within one statistics side only
        if len(t) == 1:
            parts.append(
                tr.gettext("It is the only full-year figure on record, so no trend can be read from it.")
            )
        elif len(same) == 1:
            parts.append(
                tr.gettext(
                    "It is the only full-year figure in {side}, so no trend can be read from it.", side=side
                )
            )
        else:
            first = same.iloc[0]
            parts.append(
                tr.ngettext(
                    "{n} full year is on record in {side}, the earliest {amount} in {year}{mark}.",
                    "{n} full years are on record in {side}, the earliest {amount} in {year}{mark}.",
                    len(same),
                    side=side,
                    amount=fmt_musd(first.value_musd, lang),
                    year=first.year,
                    mark=cites.mark(first.source_url),
                )
            )
    roubles_only = no_usd_figures(fb.trade_facts, iso)
    if years is not None:
        roubles_only = roubles_only[roubles_only.period.str[:4].astype(int).between(*years)]
    for r in roubles_only.itertuples(index=False):
        parts.append(
            tr.gettext(
                "{flow} {period} is stated only in roubles: {amount} ({side}; no USD value: no rate on "
                "file){mark}.",
                flow=tr.gettext(FLOW_NAMES.get(r.flow, r.flow)),
                period=r.period,
                amount=fmt_money(r.value, r.unit, r.currency, lang),
                side=side_statistics(r.side, lang),
                mark=cites.mark(r.source_url),
            )
        )
    m = meetings[meetings.region_iso == iso].sort_values("date")
    if len(m):
        lm = m.iloc[-1]
        who = " — ".join(p for p in (lm.by_side, lm.region_side) if p)
        parts.append(
            tr.ngettext(
                "{n} meeting recorded, the latest on {date} ({who}){mark}.",
                "{n} meetings recorded, the latest on {date} ({who}){mark}.",
                len(m),
                date=fmt_date(lm.date, lang),
                who=english_text(who, lang),
                mark=cites.mark(lm.source_url),
            )
        )
    g = fb.product_mentions[fb.product_mentions.region_iso == iso]
    if len(g):
        ex = g[g.direction == "by_exports"]
        im = g[g.direction == "by_imports"]
        if len(ex):
            parts.append(
                tr.gettext(
                    "Belarus supplies {goods}{mark}.",
                    goods=english_text(", ".join(ex["product"].head(5)), lang),
                    mark=cites.mark(ex.source_url.iloc[0]),
                )
            )
        if len(im):
            parts.append(
                tr.gettext(
                    "The region supplies {goods}{mark}.",
                    goods=english_text(", ".join(im["product"].head(5)), lang),
                    mark=cites.mark(im.source_url.iloc[0]),
                )
            )
    return Summary(" ".join(parts), cites.urls)


def sector_summary(fb: FactBase, matrix: pd.DataFrame, sector_id: str, lang: str = DEFAULT_LANG) -> Summary:
    """A paragraph on one sector: national facts, regions trading it, regions where it is only discussed.

    A service sector (sectors.csv kind 'services') is said to be one: goods statistics do not measure it,
    so 'no trade recorded' would read as a gap that the data cannot show.
    """
    tr = translator(lang)
    cites = _Cites()
    sec = fb.sectors.set_index("sector_id").loc[sector_id]
    lists = sector_region_lists(matrix, sector_id)
    name = sec.name_ru if lang == "ru" else sec.name_en
    scope = sec.scope[0].lower() + sec.scope[1:]
    parts = [tr.gettext("**{sector}** covers {scope}.", sector=name, scope=english_text(scope, lang))]
    facts = fb.sector_facts[(fb.sector_facts.sector_id == sector_id) & fb.sector_facts.value.notna()]
    shares = facts[facts.metric == "share_of_ru_imports"].sort_values("value", ascending=False)
    if len(shares):
        s = shares.iloc[0]
        parts.append(
            tr.gettext(
                "Belarus's largest stated share of Russia's imports here: {share} for {product} ({period}){mark}.",
                share=fmt_pct(s.value, signed=False, lang=lang),
                product=english_text(s["product"].replace(" imported by Russia", ""), lang),
                period=s.period,
                mark=cites.mark(s.source_url),
            )
        )
    elif len(facts):
        f = facts.sort_values("scope", key=lambda c: c != "RU", kind="stable").iloc[0]
        parts.append(
            tr.gettext(
                "{scope}: {fact}{mark}.",
                scope=fact_scope_label(fb, f.scope, lang),
                fact=english_text(f"{f['product']} — {f.value_text} {f.unit} ({f.period})", lang),
                mark=cites.mark(f.source_url),
            )
        )
    n_tr, n_op = len(lists["traded"]), len(lists["discussed_not_traded"])
    if sec.kind == SERVICES:
        rows = matrix[matrix.sector_id == sector_id]
        parts.append(
            tr.ngettext(
                "It is a service sector, which goods trade statistics do not measure, so no gap in trade can "
                "be read from them; it was discussed with {n} region (counts from the fact base).",
                "It is a service sector, which goods trade statistics do not measure, so no gap in trade can "
                "be read from them; it was discussed with {n} regions (counts from the fact base).",
                int(rows.discussed.sum()),
            )
        )
    if sec.kind != SERVICES or n_tr:
        parts.append(
            tr.ngettext(
                "Goods of this sector are recorded as traded with {n} region.",
                "Goods of this sector are recorded as traded with {n} regions.",
                n_tr,
            )
        )
    if sec.kind != SERVICES:
        parts.append(
            tr.ngettext(
                "It was discussed but no trade is recorded in {n} region (counts from the fact base).",
                "It was discussed but no trade is recorded in {n} regions (counts from the fact base).",
                n_op,
            )
        )
    return Summary(" ".join(parts), cites.urls)


def fact_scope_label(fb: FactBase, scope: str, lang: str = DEFAULT_LANG) -> str:
    """What a sector fact is about: Russia as a whole, Belarus, or one region ('Fact for Republic of Kalmykia')."""
    tr = translator(lang)
    if scope == "RU":
        return tr.gettext("Fact for Russia as a whole")
    if scope == "BY":
        return tr.gettext("Fact for Belarus")
    return tr.gettext("Fact for {region}", region=region_names(fb, lang).get(scope, scope))
