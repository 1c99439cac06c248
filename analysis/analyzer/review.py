"""From an analyzer record to rows of the store: the review tables a user corrects, and what Save writes.

Each review table has a `keep` column and, where a value can be corrected, the extracted value kept
beside the corrected one (`extracted_value` next to `value`). Figures are compared with the fact base:
'already in base' (same region, period, flow, side and value), 'conflicts' (same region, period, flow
and side, another value) or 'new'. `meeting_rows` turns a reviewed meeting into rows in the curated
schema (trade_facts, meetings, product_mentions) and follow-up items; the store validates them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from analysis.data.periods import parse_period
from analysis.data.units import UNIT_FACTORS, to_millions

FIGURE_COLUMNS = ["keep", "status", "flow", "period", "side", "extracted_value", "value", "unit", "currency",
                  "qualifier", "change_pct", "scope", "in_base", "base_source", "evidence"]  # fmt: skip
REGIONAL_SCOPES = (None, "", "pair")  # Belarus–region figures; national, group or oblast-pair ones are not
TARGET_COLUMNS = ["keep", "flow", "extracted_value", "value", "unit", "currency", "by_year", "evidence"]
GOODS_COLUMNS = ["keep", "extracted_product", "product", "hs_chapter", "sector_id", "direction"]
SECTOR_COLUMNS = ["keep", "sector_id", "evidence"]
PROPOSAL_COLUMNS = ["keep", "kind", "extracted_text", "text"]
SAME_VALUE_TOLERANCE = 0.005  # relative difference under which two values in million units are the same


@dataclass
class Meeting:
    """The meeting a report describes, as the review form holds it."""

    date: str
    region_iso: str
    by_side: str
    region_side: str = ""
    place: str = ""
    title: str = ""
    source_url: str = ""
    level: str = "other"


def _num(v) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def review_tables(record: dict) -> dict[str, pd.DataFrame]:
    """Editable tables of a record: figures, targets, goods, sectors, proposals, all kept by default.

    Goods whose direction the analyzer could not tell start as dropped (the curated schema needs one),
    and so do figures that are not the meeting region's reported Belarus–region figures (another `scope`,
    a forecast, or another region's figure).
    """
    figures = pd.DataFrame(
        [
            {
                "keep": f.get("scope") in REGIONAL_SCOPES
                and f.get("kind") != "forecast"
                and f.get("region_iso") in (None, record.get("region_iso")),
                "status": "",
                "flow": f.get("flow"),
                "period": f.get("period") or "",
                "side": "unknown",
                "extracted_value": f.get("value"),
                "value": f.get("value"),
                "unit": f.get("unit"),
                "currency": f.get("currency"),
                "qualifier": f.get("qualifier") or "exact",
                "change_pct": f.get("change_pct"),
                "scope": f.get("scope") or "",
                "in_base": None,
                "base_source": "",
                "evidence": f.get("text", ""),
            }  # fmt: skip
            for f in record.get("figures", [])
            if f.get("value") is not None and f.get("flow") in ("turnover", "by_exports", "by_imports")
        ],
        columns=FIGURE_COLUMNS,
    )
    targets = pd.DataFrame(
        [
            {
                "keep": True,
                "flow": t.get("flow"),
                "extracted_value": t.get("value"),
                "value": t.get("value"),
                "unit": t.get("unit"),
                "currency": t.get("currency"),
                "by_year": t.get("by_year"),
                "evidence": t.get("text", ""),
            }  # fmt: skip
            for t in record.get("targets", [])
        ],
        columns=TARGET_COLUMNS,
    )
    goods = pd.DataFrame(
        [
            {"keep": p.get("direction") is not None, "extracted_product": p.get("text"), "product": p.get("text"),
             "hs_chapter": p.get("hs") or "", "sector_id": p.get("sector") or "", "direction": p.get("direction")}
            for p in record.get("products", [])
        ],
        columns=GOODS_COLUMNS,
    )  # fmt: skip
    sectors = pd.DataFrame(
        [{"keep": True, "sector_id": s["id"], "evidence": "; ".join(s.get("evidence", []))} for s in record.get("sectors", [])],
        columns=SECTOR_COLUMNS,
    )  # fmt: skip
    proposals = pd.DataFrame(
        [
            {"keep": True, "kind": p.get("kind"), "extracted_text": p.get("text"), "text": p.get("text")}
            for p in record.get("proposals", [])
        ],
        columns=PROPOSAL_COLUMNS,
    )
    return {
        "figures": figures,
        "targets": targets,
        "goods": goods,
        "sectors": sectors,
        "proposals": proposals,
    }


def figure_status(figures: pd.DataFrame, facts: pd.DataFrame, region_iso: str | None) -> pd.DataFrame:
    """Each figure marked 'already in base', 'conflicts' or 'new' against the trade facts of its region.

    Same key = region, period, flow and side; same value = equal in million units of the same currency
    within 0.5 %. `in_base` and `base_source` give the stored value and its source when there is one.
    """
    out = figures.copy()
    mine = facts[facts.region_iso == region_iso] if region_iso else facts.iloc[0:0]
    statuses, values, sources = [], [], []
    for f in out.itertuples(index=False):
        same = mine[(mine.period == f.period) & (mine.flow == f.flow) & (mine.side == f.side)]
        value = _num(f.value)
        status, base_value, source = "new", None, ""
        if len(same) and value is not None and f.unit in UNIT_FACTORS:
            target = to_millions(value, f.unit)
            for r in same.itertuples(index=False):
                known = to_millions(r.value, r.unit)
                if r.currency == f.currency and known and abs(known - target) / known <= SAME_VALUE_TOLERANCE:
                    status, base_value, source = (
                        "already in base",
                        f"{r.value:g} {r.unit} {r.currency}",
                        r.source_url,
                    )
                    break
            else:
                r = same.iloc[0]
                status, base_value, source = "conflicts", f"{r.value:g} {r.unit} {r.currency}", r.source_url
        statuses.append(status)
        values.append(base_value)
        sources.append(source)
    out["status"], out["in_base"], out["base_source"] = statuses, values, sources
    if "keep" in out:
        out.loc[out.status.eq("already in base"), "keep"] = False
    return out


def _value_musd(value: float, unit: str, currency: str, year: int, fx: pd.DataFrame) -> float | None:
    """Million USD: directly for USD, via the year's sourced average rate otherwise (None without one)."""
    if unit not in UNIT_FACTORS:
        return None
    millions = to_millions(value, unit)
    if currency == "USD":
        return millions
    rate = fx[(fx.year == year) & (fx.currency == currency)].per_usd
    return millions / float(rate.iloc[0]) if len(rate) else None


def _next_id(prefix: str, taken: set[str]) -> str:
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    taken.add(f"{prefix}{n}")
    return f"{prefix}{n}"


def _kept(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["keep"].fillna(False).astype(bool)] if len(df) else df


def meeting_rows(
    meeting: Meeting, tables: dict[str, pd.DataFrame], fb, report_id: str
) -> tuple[dict[str, list[dict]], list[dict]]:
    """Rows in the curated schema for one reviewed meeting, and its follow-up items.

    Only kept rows are written. The meeting row carries the kept sectors and the first kept target;
    each kept figure becomes a trade fact (status reported, coverage goods, published on the meeting
    date) whose note keeps the extracted value when it was corrected. Raises ValueError when more than
    one target is kept (a meeting row holds one).
    """
    iso, date = meeting.region_iso, meeting.date
    meeting_id = _next_id(f"{iso}:{date}:u", set(fb.meetings.meeting_id))
    targets = _kept(tables["targets"])
    if len(targets) > 1:
        raise ValueError("a meeting holds one target: keep only one row in Targets")
    sectors = ";".join(dict.fromkeys(s for s in _kept(tables["sectors"]).sector_id if s))
    row = {
        "meeting_id": meeting_id, "date": date, "date_basis": "page", "region_iso": iso, "level": meeting.level,
        "by_side": meeting.by_side, "region_side": meeting.region_side, "sectors": sectors,
        "source_url": meeting.source_url,
    }  # fmt: skip
    if len(targets):
        t = targets.iloc[0]
        row |= {
            "target_flow": t.flow, "target_value": _num(t.value), "target_unit": t.unit,
            "target_currency": t.currency, "target_year": int(_num(t.by_year)) if _num(t.by_year) else None,
            "target_note": _corrected_note(t.extracted_value, t.value, t.unit, t.evidence),
        }  # fmt: skip
    taken = set(fb.trade_facts.fact_id)
    facts = []
    for f in _kept(tables["figures"]).itertuples(index=False):
        value = _num(f.value)
        try:
            period = parse_period(str(f.period))
            start, end, year = period.start.isoformat(), period.end.isoformat(), period.year
        except ValueError:
            start = end = year = None
        musd = (
            _value_musd(value, f.unit, f.currency, year, fb.fx_rates) if value is not None and year else None
        )
        facts.append(
            {
                "fact_id": _next_id(f"{iso}:{f.period}:{f.flow}:{f.side}:u", taken), "region_iso": iso,
                "period": f.period, "period_start": start, "period_end": end, "flow": f.flow, "value": f.value,
                "unit": f.unit, "currency": f.currency, "value_musd": None if musd is None else round(musd, 6),
                "qualifier": f.qualifier, "change_pct": f.change_pct, "side": f.side, "status": "reported",
                "coverage": "goods", "period_inferred": False, "source_url": meeting.source_url,
                "publisher": meeting.title, "published": date, "published_basis": "page",
                "note": _corrected_note(f.extracted_value, f.value, f.unit, f.evidence),
            }
        )  # fmt: skip
    goods = [
        {
            "region_iso": iso,
            "period": date[:4],
            "direction": g.direction,
            "product": g.product,
            "hs_chapter": g.hs_chapter,
            "sector_id": g.sector_id,
            "source_url": meeting.source_url,
            "published": date,
            "published_basis": "page",
        }  # fmt: skip
        for g in _kept(tables["goods"]).itertuples(index=False)
    ]
    followups = [
        {
            "region_iso": iso,
            "kind": p.kind,
            "text": p.text,
            "status": "proposed",
            "meeting_id": meeting_id,
            "last_mentioned": date,
            "source_url": meeting.source_url,
        }  # fmt: skip
        for p in _kept(tables["proposals"]).itertuples(index=False)
    ]
    rows = {"meetings": [row], "trade_facts": facts, "product_mentions": goods}
    return rows, followups


def _corrected_note(extracted, value, unit, evidence) -> str:
    """The row's note: the report's words, and the extracted value when the user corrected it."""
    ev = str(evidence or "").strip()
    note = f"from the report: {ev[:300]}" if ev else ""
    a, b = _num(extracted), _num(value)
    if a is not None and b is not None and a != b:
        note = f"extracted {a:g} {unit}, corrected to {b:g} {unit}; " + note
    return note.strip("; ")
