"""Generated text summaries of a region or a sector: every number is followed by a [n] source mark."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analysis.data.tables import FactBase
from analysis.models.opportunities import sector_region_lists
from analysis.models.trade import NO_RATE_NOTE, no_usd_figures
from analysis.output.formatting import fmt_count, fmt_int, fmt_money, fmt_musd, fmt_pct

QUALIFIER_WORDS = {"exact": "", "over": "over ", "almost": "almost ", "about": "about "}


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


def region_summary(
    fb: FactBase, best: pd.DataFrame, iso: str, years: tuple[int, int] | None = None
) -> Summary:
    """A paragraph on one region's trade figures, meetings and goods, with sources.

    With `years`, only figures and meetings of those years are described (goods are not dated).
    """
    cites = _Cites()
    meetings = fb.meetings
    if years is not None:
        best = best[best.year.between(*years)]
        meetings = meetings[meetings.date.str[:4].astype(int).between(*years)]
    reg = fb.regions.set_index("iso_code").loc[iso]
    parts = [f"**{reg.name_en}** ({reg.federal_district} Federal District, capital {reg.capital})"]
    if pd.notna(reg.population):
        parts[0] += (
            f", population {fmt_int(reg.population)} ({reg.population_year}){cites.mark(reg.population_source)}"
        )
    parts[0] += "."
    t = best[(best.region_iso == iso) & (best.flow == "turnover")].sort_values("year")
    if t.empty:
        parts.append(
            "No full-year turnover figure is on record for this region; partial-year figures, if any, are listed below."
        )
    else:
        last = t.iloc[-1]
        q = QUALIFIER_WORDS.get(last.qualifier, "")
        differ = ""
        if str(last.get("differ_note", "")):
            differ = (
                f" ({last.differ_note}: another source gives {fmt_musd(last.alt_value_musd)}"
                f"{cites.mark(last.alt_source_url)})"
            )
        parts.append(
            f"Latest reported turnover with Belarus: {q}{fmt_musd(last.value_musd)} in {last.year} "
            f"({last.side} statistics){cites.mark(last.source_url)}{differ}."
        )
        same = t[t.side == last.side]  # a series is read within one statistics side only
        if len(t) == 1:
            parts.append("It is the only full-year figure on record, so no trend can be read from it.")
        elif len(same) == 1:
            parts.append(
                f"It is the only full-year figure in {last.side} statistics, so no trend can be read from it."
            )
        else:
            first = same.iloc[0]
            parts.append(
                f"{len(same)} full years are on record in {last.side} statistics, the earliest "
                f"{fmt_musd(first.value_musd)} in {first.year}{cites.mark(first.source_url)}."
            )
    roubles_only = no_usd_figures(fb.trade_facts, iso)
    if years is not None:
        roubles_only = roubles_only[roubles_only.period.str[:4].astype(int).between(*years)]
    for r in roubles_only.itertuples(index=False):
        parts.append(
            f"{r.flow.replace('_', ' ').capitalize()} {r.period} is stated only in roubles: "
            f"{fmt_money(r.value, r.unit, r.currency)} ({r.side} statistics; {NO_RATE_NOTE}){cites.mark(r.source_url)}."
        )
    m = meetings[meetings.region_iso == iso].sort_values("date")
    if len(m):
        lm = m.iloc[-1]
        parts.append(
            f"{fmt_count(len(m), 'meeting')} recorded, the latest on {lm.date} ({lm.by_side} — {lm.region_side})"
            f"{cites.mark(lm.source_url)}."
        )
    g = fb.product_mentions[fb.product_mentions.region_iso == iso]
    if len(g):
        ex = g[g.direction == "by_exports"]["product"].head(5).tolist()
        im = g[g.direction == "by_imports"]["product"].head(5).tolist()
        if ex:
            parts.append(
                f"Belarus supplies {', '.join(ex)}{cites.mark(g[g.direction == 'by_exports'].source_url.iloc[0])}."
            )
        if im:
            parts.append(
                f"The region supplies {', '.join(im)}{cites.mark(g[g.direction == 'by_imports'].source_url.iloc[0])}."
            )
    return Summary(" ".join(parts), cites.urls)


def sector_summary(fb: FactBase, matrix: pd.DataFrame, sector_id: str) -> Summary:
    """A paragraph on one sector: national facts, regions trading it, regions where it is only discussed."""
    cites = _Cites()
    sec = fb.sectors.set_index("sector_id").loc[sector_id]
    lists = sector_region_lists(matrix, sector_id)
    parts = [f"**{sec.name_en}** covers {sec.scope[0].lower() + sec.scope[1:]}."]
    facts = fb.sector_facts[(fb.sector_facts.sector_id == sector_id) & fb.sector_facts.value.notna()]
    shares = facts[facts.metric == "share_of_ru_imports"].sort_values("value", ascending=False)
    if len(shares):
        s = shares.iloc[0]
        parts.append(
            f"Belarus's largest stated share of Russia's imports here: {fmt_pct(s.value, signed=False)} "
            f"for {s['product'].replace(' imported by Russia', '')} ({s.period}){cites.mark(s.source_url)}."
        )
    elif len(facts):
        f = facts.sort_values("scope", key=lambda c: c != "RU", kind="stable").iloc[0]
        parts.append(
            f"{fact_scope_label(fb, f.scope)}: {f['product']} — {f.value_text} {f.unit} ({f.period}){cites.mark(f.source_url)}."
        )
    n_tr, n_op = len(lists["traded"]), len(lists["discussed_not_traded"])
    parts.append(
        f"Goods of this sector are recorded as traded with {fmt_count(n_tr, 'region')}; "
        f"it was discussed but no trade is recorded in {fmt_count(n_op, 'region')} (counts from the fact base)."
    )
    return Summary(" ".join(parts), cites.urls)


def fact_scope_label(fb: FactBase, scope: str) -> str:
    """What a sector fact is about: Russia as a whole, Belarus, or one region ('Fact for Republic of Kalmykia')."""
    if scope == "RU":
        return "Fact for Russia as a whole"
    if scope == "BY":
        return "Fact for Belarus"
    names = fb.regions.set_index("iso_code").name_en
    return f"Fact for {names.get(scope, scope)}"
