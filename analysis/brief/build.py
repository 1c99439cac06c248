"""The one function that builds a meeting brief on a region: every figure from the analysis functions,
every figure followed by a [n] source mark that resolves in the Sources section.

Rules kept here: Belarusian and Russian figures are shown side by side, never combined (a change is only
between two years of the same side); part-year figures are listed apart from full years; modelled figures
say so and carry the model's leave-one-out error; a section without data says why in a sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

import numpy as np
import pandas as pd

from analysis.brief.chart import flow_bars_png
from analysis.brief.model import Brief, Chart, Figure, Paragraph, Section, Sources, Table
from analysis.brief.texts import EN, Texts, texts_for
from analysis.data.districts import district_name
from analysis.data.filters import data_years
from analysis.data.tables import FactBase
from analysis.models import opportunities, potential, targets, trade
from analysis.models.trade import SOURCE_SEPARATOR
from analysis.output.formatting import fmt_date, fmt_decimal, fmt_int, fmt_money, fmt_musd, fmt_pct
from analysis.views import opportunity_views, profile
from analysis.views.summaries import (
    SERVICES,
    english_text,
    qualified,
    region_names,
    rosstat_facts,
    rosstat_source,
    sector_names,
)

SECTION_KEYS = ("facts", "trade", "meetings", "goods", "opportunities", "proposals", "points", "sources")
THIN_BELOW = 3  # fewer full-year figures than this (all sides, all years) and the brief says data are thin
MAX_POINTS = 6
MAX_GAPS = 8  # the gap table keeps the brief within four pages; the Opportunities page lists all
FLOW_ROWS = ("turnover", "by_exports", "by_imports", "balance")


@dataclass(frozen=True)
class BriefInputs:
    """Results shared by every region's brief for one side and year range (compute once, reuse for many)."""

    side: str
    years: tuple[int, int]
    best: pd.DataFrame  # best annual figures on the chosen side
    best_all: pd.DataFrame  # best available, any side (for counting what is on record)
    by_side: dict[str, pd.DataFrame]  # best annual figures of one side each: BY, RU
    gravity: potential.GravityResult
    matrix: pd.DataFrame


def prepare(
    fb: FactBase,
    side: str = "best",
    years: tuple[int, int] | None = None,
    best: pd.DataFrame | None = None,
    gravity: potential.GravityResult | None = None,
    matrix: pd.DataFrame | None = None,
) -> BriefInputs:
    """The shared results for `side` and `years`; callers holding cached ones (the dashboard) pass them in.

    Years default to every year of a trade fact or meeting (the dashboard's Years slider). Raises ValueError for a
    side other than 'best', 'BY' or 'RU' or years in the wrong order.
    """
    years = tuple(years) if years else data_years(fb.trade_facts, fb.meetings)
    if side not in trade.SIDE_CHOICES:
        raise ValueError(f"side must be one of {trade.SIDE_CHOICES}, got {side!r}")
    if years[0] > years[1]:
        raise ValueError(f"years must run forward, got {years[0]}-{years[1]}")
    facts = fb.trade_facts
    best = trade.best_annual_figures(facts, side) if best is None else best
    by_side = {s: trade.best_annual_figures(facts, s) for s in ("BY", "RU")}
    best_all = best if side == "best" else trade.best_annual_figures(facts, "best")
    if gravity is None:  # as the Opportunities page fits it: with Rosstat's population, GRP and CIS trade
        economy = potential.region_economy(fb.region_indicators, fb.region_foreign_trade)
        gravity = potential.fit_gravity(best, fb.regions, years, economy)
    matrix = opportunities.sector_matrix(fb, years) if matrix is None else matrix
    return BriefInputs(side, years, best, best_all, by_side, gravity, matrix)


class _Writer:
    """Formats figures with their source marks and records each one written (for tests and audits)."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang
        self.sources = Sources()
        self.figures: list[Figure] = []

    def mark(self, *sources: str) -> str:
        return self.sources.mark(*(u for s in sources for u in str(s).split(SOURCE_SEPARATOR)))

    def record(self, text: str, value: float, *sources: str) -> str:
        """Record figure `text` (with its value) and return the marks of `sources`, for a template to place."""
        marks = self.mark(*sources)
        self.figures.append(Figure(text, float(value), marks.strip()))
        return marks

    def fig(self, text: str, value: float, *sources: str) -> str:
        """`text` (a formatted figure) followed by the marks of `sources`, recorded with its value."""
        return text + self.record(text, value, *sources)

    def musd(self, value: float, *sources: str, qualifier: str = "exact") -> str:
        return qualified(self.fig(fmt_musd(value, self.lang), value, *sources), qualifier, self.lang)

    def pct(self, value: float, *sources: str, signed: bool = True) -> str:
        return self.fig(fmt_pct(value, signed=signed, lang=self.lang), value, *sources)

    def target(self, low: float, high: float, *sources: str) -> str:
        """A target as set: '$2.0 bn [3]', or a range '$1.5 bn–$2.0 bn [3]' (progress is against the high end)."""
        if pd.isna(low) or low <= 0:
            return self.musd(high, *sources)
        low_text = fmt_musd(low, self.lang)
        self.record(low_text, low, *sources)
        return low_text + "–" + self.musd(high, *sources)


def _side_label(t: Texts, side: str) -> str:
    return t(f"side_{side}")


def _side_code(t: Texts, side: str) -> str:
    """A statistics side as tables show it: the codes BY and RU, and 'unknown' in the brief's language."""
    return side if side in ("BY", "RU") else t("side_code_unknown")


def _status(t: Texts, status: str) -> str:
    """A target's status (targets.target_status) in the brief's language."""
    key = f"status_{status}"
    return t(key) if key in EN else status


def _sector_name_map(fb: FactBase, lang: str) -> dict[str, str]:
    """English sector name → its name in `lang` (meeting_timeline lists sectors by English name)."""
    target = fb.sectors.name_ru if lang == "ru" else fb.sectors.name_en
    return dict(zip(fb.sectors.name_en, target, strict=True))


def _region_rows(best: pd.DataFrame, iso: str, years: tuple[int, int]) -> pd.DataFrame:
    s = trade.region_series(best, iso)
    return s[s.year.between(*years)].reset_index(drop=True)


def _with_balance(rows: pd.DataFrame) -> pd.DataFrame:
    """A region's rows of one side plus a derived balance (exports − imports, same year and side)."""
    cols = ["year", "side", "flow", "value_musd", "source_url"]
    x = rows[rows.flow == "by_exports"][cols]
    m = rows[rows.flow == "by_imports"][cols]
    both = x.merge(m, on=["year", "side"], suffixes=("_x", "_m"))
    same = both.source_url_x == both.source_url_m
    bal = pd.DataFrame(
        {
            "year": both.year,
            "side": both.side,
            "flow": "balance",
            "value_musd": both.value_musd_x - both.value_musd_m,
            "source_url": both.source_url_x.where(
                same, both.source_url_x + SOURCE_SEPARATOR + both.source_url_m
            ),
        }
    )
    return pd.concat([rows[cols], bal], ignore_index=True)


def side_kpis(by_side: pd.DataFrame, iso: str, side: str, years: tuple[int, int]) -> pd.DataFrame:
    """Latest full-year value per flow on one side in `years`, with the change on the year before (same side).

    Uses `trade.latest_kpis` on the region's rows, so the change rule is the Overview's. Columns: flow, year,
    value_musd, change_pct, source_url, qualifier. Empty when the side has no figure for the region.
    """
    rows = _region_rows(by_side, iso, years)
    rows = rows[rows.side == side]
    if rows.empty:
        return pd.DataFrame(columns=["flow", "year", "value_musd", "change_pct", "source_url", "qualifier"])
    k = trade.latest_kpis(_with_balance(rows), side)
    q = rows.set_index(["year", "flow"]).qualifier
    k["qualifier"] = [q.get((y, f), "exact") for y, f in zip(k.year, k.flow, strict=True)]
    k["_o"] = k.flow.map({f: i for i, f in enumerate(FLOW_ROWS)})
    return k.sort_values("_o").drop(columns="_o").reset_index(drop=True)


def _facts_section(w: _Writer, t: Texts, fb: FactBase, iso: str, inp: BriefInputs) -> Section:
    """Capital, district, and Rosstat's population, GRP and GRP per person, each with its year and source."""
    lang = t.lang
    reg = fb.regions.set_index("iso_code").loc[iso]
    missing = t("val_missing")
    facts = rosstat_facts(fb, iso)

    def source(key: str) -> str:
        return rosstat_source(facts[key], lang)

    pop = grp = grp_pc = missing
    if "population" in facts and facts["population"].unit == "thousand persons":
        f = facts["population"]
        value = fmt_decimal(f.value, 1, lang)
        mark = w.record(value, f.value, f.source_url)
        pop = t("val_population", value=value, year=f.year, source=source("population"), mark=mark)
    if "grp" in facts and facts["grp"].unit == "million RUB":
        f = facts["grp"]
        value = fmt_decimal(f.value / 1000, 1, lang)
        mark = w.record(value, f.value / 1000, f.source_url)
        grp = t("val_grp", value=value, year=f.year, source=source("grp"), mark=mark)
    if "grp_per_capita" in facts and facts["grp_per_capita"].unit == "RUB":
        f = facts["grp_per_capita"]
        value = fmt_int(f.value, lang)
        mark = w.record(value, f.value, f.source_url)
        grp_pc = t("val_grp_pc", value=value, year=f.year, source=source("grp_per_capita"), mark=mark)
    dist = missing
    g = inp.gravity.table.set_index("iso_code")
    if iso in g.index and pd.notna(g.at[iso, "distance_km"]):
        km = float(g.at[iso, "distance_km"])
        minsk_src = fb.regions.set_index("iso_code").at[potential.MINSK_ISO, "geo_source"]
        text = fmt_int(km, lang)
        dist = t("val_distance", value=text, mark=w.record(text, km, reg.geo_source, minsk_src))
    capital = reg.capital_ru if lang == "ru" and reg.capital_ru else reg.capital
    rows = [
        [t("fact_capital"), capital or missing],
        [t("fact_district"), district_name(reg.federal_district, lang) or missing],
        [t("fact_population"), pop],
        [t("fact_grp"), grp],
        [t("fact_grp_pc"), grp_pc],
        [t("fact_distance"), dist],
    ]
    return Section("facts", t("h_facts"), [Table(t("facts_caption"), [t("col_fact"), t("col_value")], rows)])


def _trade_section(
    w: _Writer, t: Texts, fb: FactBase, iso: str, name: str, inp: BriefInputs
) -> tuple[Section, dict[str, pd.DataFrame]]:
    y0, y1 = inp.years
    blocks: list = [Paragraph(t("trade_intro"), "note")]
    sides = [inp.side] if inp.side in ("BY", "RU") else ["BY", "RU"]
    kpis: dict[str, pd.DataFrame] = {}
    for side in sides:
        k = side_kpis(inp.by_side[side], iso, side, inp.years)
        kpis[side] = k
        if k.empty:
            blocks.append(
                Paragraph(t("trade_none", region=name, y0=y0, y1=y1, side_label=_side_label(t, side)))
            )
            continue
        rows = []
        for r in k.itertuples(index=False):
            change = "–"
            if pd.notna(r.change_pct):
                change = w.pct(r.change_pct, r.source_url)
            value = w.musd(r.value_musd, r.source_url, qualifier=r.qualifier)
            rows.append([t(f"flow_{r.flow}"), str(r.year), value, change])
        caption = t("trade_side_caption", y0=y0, y1=y1, side_label=_side_label(t, side))
        blocks.append(Table(caption, [t("col_flow"), t("col_year"), t("col_value"), t("col_change")], rows))
    series = _region_rows(inp.best, iso, inp.years)
    if len(series):
        png = flow_bars_png(series, {f: t(f"flow_{f}") for f in trade.FLOWS}, t("chart_y"))
        marks = w.mark(*series.source_url).strip()
        blocks.append(Chart(t("chart_caption", side_label=_side_label(t, inp.side), marks=marks), png))
        if series.year.nunique() == 1:
            blocks.append(Paragraph(t("chart_one_year"), "note"))
        blocks.append(_series_table(w, t, series))
    partial = trade.partial_year_figures(fb.trade_facts, iso)
    if partial.empty:
        blocks.append(Paragraph(t("partial_none", region=name)))
    else:
        blocks.append(Paragraph(t("partial_intro")))
        rows = []
        for r in partial.itertuples(index=False):
            if pd.notna(r.value_musd):
                value = w.musd(r.value_musd, r.source_url, qualifier=r.qualifier)
            else:
                stated = f"{r.value:g} {r.unit} {r.currency}".strip()
                if t.lang != "en":
                    stated = fmt_money(r.value, r.unit, r.currency, t.lang)
                value = qualified(w.fig(stated, r.value, r.source_url), r.qualifier, t.lang)
            rows.append([r.period, t(f"flow_{r.flow}"), value, _side_code(t, r.side), t(f"fig_{r.status}")])
        cols = [t("col_period"), t("col_flow"), t("col_value"), t("col_side"), t("col_status")]
        blocks.append(Table(t("partial_caption", region=name), cols, rows))
    return Section("trade", t("h_trade"), blocks), kpis


def _series_table(w: _Writer, t: Texts, series: pd.DataFrame) -> Table:
    flows = ("turnover", "by_exports", "by_imports")
    rows = []
    for (year, side), g in series.groupby(["year", "side"], sort=True):
        cells = [str(year), _side_code(t, side)]
        by_flow = g.set_index("flow")
        for f in flows:
            if f in by_flow.index:
                r = by_flow.loc[f]
                cells.append(w.musd(r.value_musd, r.source_url, qualifier=r.qualifier))
            else:
                cells.append("–")
        rows.append(cells)
    cols = [t("col_year"), t("col_side")] + [t(f"flow_{f}") for f in flows]
    return Table(t("series_caption"), cols, rows)


def _meetings_section(
    w: _Writer, t: Texts, fb: FactBase, iso: str, name: str, inp: BriefInputs
) -> tuple[Section, pd.DataFrame, pd.DataFrame]:
    y0, y1 = inp.years
    blocks: list = []
    tl = profile.meeting_timeline(fb, iso, inp.years)
    if tl.empty:
        blocks.append(Paragraph(t("meetings_none", region=name, y0=y0, y1=y1)))
    else:
        rows = []
        names = _sector_name_map(fb, t.lang)
        for r in tl.itertuples(index=False):
            mark = w.mark(r.source_url)
            note = (english_text(r.target_note, t.lang) + mark) if r.target_note else "–"
            who = english_text(" — ".join(p for p in (r.by_side, r.region_side) if p), t.lang)
            sectors = ", ".join(names.get(s, s) for s in r.sectors.split(", ") if s) or "–"
            rows.append([fmt_date(r.date, t.lang) + mark, t(f"level_{r.level}"), who, sectors, note])
        cols = [t("col_date"), t("col_level"), t("col_who"), t("col_sectors"), t("col_agreed")]
        blocks.append(Table(t("meetings_caption", region=name, y0=y0, y1=y1), cols, rows))
    tp = targets.target_progress(fb.meetings[fb.meetings.region_iso == iso], inp.best)
    if tp.empty:
        blocks.append(Paragraph(t("targets_none", region=name)))
    else:
        rows = []
        for r in tp.itertuples(index=False):
            target = w.target(r.target_low_musd, r.target_musd, r.target_source_url)
            by = str(int(r.target_year)) if pd.notna(r.target_year) else t("no_deadline")
            latest = "–"
            if pd.notna(r.latest_actual_musd):
                latest = t(
                    "latest_actual",
                    value=w.fig(
                        fmt_musd(r.latest_actual_musd, t.lang), r.latest_actual_musd, r.actual_source_url
                    ),
                    year=r.latest_year,
                    side=_side_code(t, r.actual_side),
                    mark="",
                )
            progress = "–"
            if pd.notna(r.progress_pct):
                progress = w.pct(r.progress_pct, r.target_source_url, r.actual_source_url, signed=False)
            rows.append([fmt_date(r.set_on, t.lang), target, by, latest, progress, _status(t, r.status)])
        cols = [
            t("col_set_on"), t("col_target"), t("col_by"), t("col_latest"), t("col_progress"), t("col_status"),
        ]  # fmt: skip
        blocks.append(Table(t("targets_caption"), cols, rows))
    return Section("meetings", t("h_meetings"), blocks), tl, tp


def _goods_section(w: _Writer, t: Texts, fb: FactBase, iso: str, name: str) -> tuple[Section, pd.DataFrame]:
    goods = profile.goods_traded(fb, iso)
    if goods.empty:
        return Section("goods", t("h_goods"), [Paragraph(t("goods_none", region=name))]), goods
    names = sector_names(fb, t.lang)
    rows = []
    for sid, g in goods.groupby("sector_id", sort=False):
        cells = [names.get(sid, t("sector_unclassified")) if sid else t("sector_unclassified")]
        for direction in ("Belarus → region", "region → Belarus"):
            items = [
                english_text(f"{r.product}{f' ({r.period})' if r.period else ''}", t.lang)
                + w.mark(r.source_url)
                for r in g[g.direction == direction].itertuples(index=False)
            ]
            cells.append("; ".join(items) or "–")
        rows.append(cells)
    rows.sort(key=lambda c: c[0])
    cols = [t("col_sector"), t("col_supplies"), t("col_buys")]
    return Section("goods", t("h_goods"), [Table(t("goods_caption", region=name), cols, rows)]), goods


def _evidence_marks(w: _Writer, ev: pd.DataFrame) -> str:
    """Marks for a gap's evidence: its meetings and the first national fact on the sector (all are on the page)."""
    nat = ev[ev.kind == "national fact"]
    cited = [*ev[ev.kind != "national fact"].source_url, *nat.source_url.head(1)]
    return w.mark(*cited).strip()


def _model_source(t: Texts, inp: BriefInputs) -> str:
    g = inp.gravity
    return t(
        "src_model",
        spec=t.term(g.spec),
        n=g.n,
        y0=inp.years[0],
        y1=inp.years[1],
        side_label=_side_label(t, inp.side),
        r2=fmt_decimal(g.pseudo_r2, 2, t.lang),
        loo=fmt_pct(g.loo_median_abs_error_pct, signed=False, lang=t.lang),
    )


def _opportunities_section(
    w: _Writer,
    t: Texts,
    fb: FactBase,
    iso: str,
    name: str,
    inp: BriefInputs,
    evidence: Callable[[str], pd.DataFrame],
) -> tuple[Section, pd.Series | None, pd.DataFrame]:
    """Modelled potential with its error, goods sectors discussed but not traded, and service sectors
    discussed (apart: goods statistics do not measure services). Returns the section, the region's
    potential row (or None) and the goods gaps."""
    y0, y1 = inp.years
    service_sectors = set(fb.sectors[fb.sectors.kind == SERVICES].sector_id)
    sector_names_lang = sector_names(fb, t.lang)
    g = inp.gravity
    blocks: list = []
    pot = None
    if np.isnan(g.loo_median_abs_error_pct):
        blocks.append(Paragraph(t("pot_no_fit")))
    else:
        ranking = opportunity_views.potential_ranking(g, (iso,))
        pot = ranking.iloc[0] if len(ranking) else None
        src = _model_source(t, inp)
        if pot is None or pd.isna(pot.expected_musd):
            blocks.append(Paragraph(t("pot_no_population", region=name)))
            pot = None
        else:
            expected = fmt_musd(pot.expected_musd, t.lang)
            mmark = w.record(expected, pot.expected_musd, src)
            if pd.notna(pot.actual_musd):
                ratio = pot.actual_to_expected * 100
                actual = fmt_musd(pot.actual_musd, t.lang)
                text = t(
                    "pot_label",
                    expected=expected,
                    mmark=mmark,
                    actual=actual,
                    year=int(pot.year),
                    side_label=_side_label(t, pot.side),
                    amark=w.record(actual, pot.actual_musd, pot.source_url),
                    ratio=fmt_pct(ratio, signed=False, lang=t.lang),
                )
                w.record(fmt_pct(ratio, signed=False, lang=t.lang), ratio, src)
                blocks.append(Paragraph(text))
            else:
                blocks.append(Paragraph(t("pot_expected_only", expected=expected, mmark=mmark)))
            loo = fmt_pct(g.loo_median_abs_error_pct, signed=False, lang=t.lang)
            mark = w.record(loo, g.loo_median_abs_error_pct, src)
            blocks.append(Paragraph(t("pot_error", loo=loo, mmark=mark), "note"))
            if bool(pot.in_sample) and pd.notna(pot.loo_error_pct):
                own = fmt_pct(pot.loo_error_pct, lang=t.lang)
                mark = w.record(own, pot.loo_error_pct, src)
                blocks.append(Paragraph(t("pot_own_error", region=name, own=own, mmark=mark), "note"))
    gaps = opportunity_views.matrix_view(inp.matrix, (iso,))
    gaps = gaps[gaps.status == "discussed_not_traded"].sort_values(
        ["score", "sector_id"], ascending=[False, True]
    )
    # Goods statistics cannot show trade in services: a service sector discussed is listed apart, not as a gap.
    services = gaps[gaps.sector_id.isin(service_sectors)]
    gaps = gaps[~gaps.sector_id.isin(service_sectors)]
    names = sector_names_lang
    if gaps.empty:
        blocks.append(Paragraph(t("gaps_none", region=name, y0=y0, y1=y1)))
    else:
        rows = []
        for r in gaps.head(MAX_GAPS).itertuples(index=False):
            ev = evidence(r.sector_id)
            met = ev[ev.kind == "meeting"].source_url
            score = w.fig(fmt_decimal(r.score, 1, t.lang), r.score, t("src_score"))
            n_met = w.fig(str(r.n_meetings), r.n_meetings, *met)
            last = fmt_date(r.last_discussed, t.lang)
            rows.append([names.get(r.sector_id, r.sector_name), score, n_met, last, _evidence_marks(w, ev)])
        cols = [t("col_sector"), t("col_score"), t("col_meetings"), t("col_last"), t("col_evidence")]
        blocks.append(Table(t("gaps_caption"), cols, rows))
        if len(gaps) > MAX_GAPS:
            blocks.append(Paragraph(t("gaps_more"), "note"))
    if len(services):
        rows = []
        for r in services.sort_values(["n_meetings", "sector_id"], ascending=[False, True]).itertuples(
            index=False
        ):
            met = evidence(r.sector_id)
            n_met = w.fig(str(r.n_meetings), r.n_meetings, *met[met.kind == "meeting"].source_url)
            rows.append([names.get(r.sector_id, r.sector_name), n_met, fmt_date(r.last_discussed, t.lang)])
        cols = [t("col_sector"), t("col_meetings"), t("col_last")]
        blocks.append(Table(t("services_caption"), cols, rows))
    return Section("opportunities", t("h_opportunities"), blocks), pot, gaps


def _proposals_section(
    w: _Writer, t: Texts, name: str, inp: BriefInputs, tl: pd.DataFrame, tp: pd.DataFrame
) -> Section:
    y0, y1 = inp.years
    targeted = set(zip(tp.set_on, tp.target_source_url, strict=True))
    untargeted = [(d, u) not in targeted for d, u in zip(tl.date, tl.source_url, strict=True)]
    notes = tl[(tl.target_note != "").to_numpy() & np.array(untargeted, dtype=bool)]
    blocks: list = [Paragraph(t("proposals_intro"), "note")]
    if notes.empty:
        blocks.append(Paragraph(t("proposals_none", region=name, y0=y0, y1=y1)))
    else:
        rows = [
            [english_text(r.target_note, t.lang) + w.mark(r.source_url), fmt_date(r.date, t.lang)]
            for r in notes.itertuples(index=False)
        ]
        blocks.append(
            Table(t("proposals_caption", region=name), [t("col_proposal"), t("col_last_mention")], rows)
        )
    blocks.append(Paragraph(t("proposals_open_sectors")))
    return Section("proposals", t("h_proposals"), blocks)


def _talking_points(
    w: _Writer,
    t: Texts,
    fb: FactBase,
    evidence: Callable[[str], pd.DataFrame],
    iso: str,
    name: str,
    inp: BriefInputs,
    kpis: dict[str, pd.DataFrame],
    pot: pd.Series | None,
    tl: pd.DataFrame,
    tp: pd.DataFrame,
    gaps: pd.DataFrame,
    goods: pd.DataFrame,
) -> list[str]:
    points: list[str] = []
    series = _region_rows(inp.best, iso, inp.years)
    turnover = series[series.flow == "turnover"]
    if len(turnover):
        last = turnover.iloc[-1]
        points.append(
            t(
                "tp_latest",
                value=w.musd(last.value_musd, last.source_url, qualifier=last.qualifier),
                year=last.year,
                side_label=_side_label(t, last.side),
                mark="",
            )
        )
        k = kpis.get(last.side)
        if k is not None:
            row = k[(k.flow == "turnover") & (k.year == last.year)]
            if len(row) and pd.notna(row.change_pct.iloc[0]):
                r = row.iloc[0]
                points.append(
                    t(
                        "tp_change",
                        side_label=_side_label(t, last.side),
                        change=w.pct(r.change_pct, r.source_url),
                        year=r.year,
                        prev=r.year - 1,
                        mark="",
                    )
                )
    if pot is not None and pd.notna(pot.actual_musd):
        src = _model_source(t, inp)
        gap = (1 - pot.actual_to_expected) * 100
        key = "tp_below" if gap > 0 else "tp_above"
        loo = fmt_pct(inp.gravity.loo_median_abs_error_pct, signed=False, lang=t.lang)
        pct = fmt_pct(abs(gap), signed=False, lang=t.lang)
        w.record(loo, inp.gravity.loo_median_abs_error_pct, src)
        points.append(t(key, pct=pct, loo=loo, mark=w.record(pct, abs(gap), src, pot.source_url)))
    if len(tp):
        r = tp.sort_values("set_on").iloc[-1]
        if pd.notna(r.progress_pct):
            points.append(
                t(
                    "tp_target",
                    target=w.target(r.target_low_musd, r.target_musd, r.target_source_url),
                    date=fmt_date(r.set_on, t.lang),
                    progress=w.pct(r.progress_pct, r.target_source_url, r.actual_source_url, signed=False),
                    status=_status(t, r.status),
                    mark="",
                )
            )
    if len(gaps):
        r = gaps.iloc[0]
        ev = evidence(r.sector_id)
        n = t.count(int(r.n_meetings), "meeting")
        points.append(
            t(
                "tp_gap",
                sector=sector_names(fb, t.lang).get(r.sector_id, r.sector_name),
                n=n,
                date=fmt_date(r.last_discussed, t.lang),
                mark=w.mark(*ev[ev.kind == "meeting"].source_url),
            )
        )
    supplied = goods[goods.direction == "Belarus → region"].head(4)
    if len(supplied) and len(points) < MAX_POINTS:
        goods = english_text(", ".join(supplied["product"]), t.lang)
        points.append(t("tp_goods", goods=goods, mark=w.mark(*supplied.source_url)))
    if len(tl) and len(points) < MAX_POINTS:
        m = tl.iloc[0]
        who = english_text(" — ".join(p for p in (m.by_side, m.region_side) if p), t.lang)
        points.append(t("tp_meeting", date=fmt_date(m.date, t.lang), who=who, mark=w.mark(m.source_url)))
    if len(points) < 3:
        points.append(t("tp_thin", region=name))
    return points[:MAX_POINTS]


def _thin_sentence(w: _Writer, t: Texts, fb: FactBase, iso: str, name: str, inp: BriefInputs) -> str | None:
    n_fig = int((inp.best_all.region_iso == iso).sum())
    if n_fig >= THIN_BELOW:
        return None
    n_meet = int((fb.meetings.region_iso == iso).sum())
    n_goods = int((fb.product_mentions.region_iso == iso).sum())
    src = t("src_counts")
    for n in (n_fig, n_meet, n_goods):
        mark = w.record(str(n), n, src)
    return t(
        "thin",
        region=name,
        n_figures=t.count(n_fig, "figure"),
        n_meetings=t.count(n_meet, "meeting"),
        n_goods=t.count(n_goods, "goods"),
        mark=mark,
    )


def build_brief(
    fb: FactBase,
    iso: str,
    side: str = "best",
    years: tuple[int, int] | None = None,
    lang: str = "en",
    today: date | None = None,
    inputs: BriefInputs | None = None,
) -> Brief:
    """The meeting brief on Russian region `iso` (ISO 3166-2, e.g. 'RU-TA') as a document model.

    Figures come from the analysis functions for the same filters (side, years); money in million USD.
    Raises ValueError for an unknown region, side, language or year range. `inputs` (from `prepare`) lets
    a caller reuse the model fits across regions.
    """
    t = texts_for(lang)
    regions = fb.regions[fb.regions.country == "RU"].set_index("iso_code")
    if iso not in regions.index:
        raise ValueError(f"unknown Russian region code {iso!r} (expected e.g. RU-TA)")
    years = tuple(years) if years else data_years(fb.trade_facts, fb.meetings)
    inp = inputs or prepare(fb, side, years)
    if (inp.side, inp.years) != (side, years):
        raise ValueError("inputs were prepared for other filters")
    name = region_names(fb, t.lang).at[iso]
    day = today or date.today()
    when = day.isoformat()
    w = _Writer(t.lang)
    # The region's own rows only: the same results from the shared functions, without scanning all regions.
    fb = replace(
        fb,
        meetings=fb.meetings[fb.meetings.region_iso == iso],
        product_mentions=fb.product_mentions[fb.product_mentions.region_iso == iso],
    )
    evidence = cache(lambda sector_id: opportunities.evidence(fb, iso, sector_id, inp.years))

    head = [
        Paragraph(
            t(
                "prepared",
                date=fmt_date(day, t.lang),
                side_label=_side_label(t, side),
                y0=years[0],
                y1=years[1],
            )
        )
    ]
    thin = _thin_sentence(w, t, fb, iso, name, inp)
    if thin:
        head.append(Paragraph(thin))
    facts = _facts_section(w, t, fb, iso, inp)
    facts.blocks[:0] = head
    trade_sec, kpis = _trade_section(w, t, fb, iso, name, inp)
    meet_sec, tl, tp = _meetings_section(w, t, fb, iso, name, inp)
    goods_sec, goods = _goods_section(w, t, fb, iso, name)
    opp_sec, pot, gaps = _opportunities_section(w, t, fb, iso, name, inp, evidence)
    prop_sec = _proposals_section(w, t, name, inp, tl, tp)
    points = _talking_points(w, t, fb, evidence, iso, name, inp, kpis, pot, tl, tp, gaps, goods)
    points_sec = Section("points", t("h_points"), [Paragraph(p, "bullet") for p in points])
    sources_sec = Section("sources", t("h_sources"), [Paragraph(t("sources_intro"), "note")])
    sections = [facts, trade_sec, meet_sec, goods_sec, opp_sec, prop_sec, points_sec, sources_sec]
    # The model keeps the English name: file names are built from it and stay ASCII.
    name_en = regions.at[iso, "name_en"]
    return Brief(iso, name_en, when, t.lang, t("title", region=name), sections, w.sources.items, w.figures)
