"""Views of an analyzer record: highlighted text, flat tables, comparison with the fact base, exports."""

from __future__ import annotations

import html
import json

import pandas as pd

from analysis.data.tables import FactBase
from analysis.data.units import UNIT_FACTORS, to_millions


def highlight_html(text: str, record: dict, start: int = 0, end: int | None = None) -> str:
    """The report (or its part text[start:end]) as escaped HTML with each sector's evidence in <mark>."""
    end = len(text) if end is None else end
    spans = sorted(
        (s, e, sec["id"]) for sec in record["sectors"] for s, e in sec["spans"] if start <= s < end
    )
    out, pos = [], start
    for s, e, sid in spans:
        if s < pos:
            continue
        e = min(e, end)
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark title="{html.escape(sid)}">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:end]))
    return "".join(out).replace("\n", "<br>")


def text_parts(text: str, size: int = 20_000) -> list[tuple[int, int]]:
    """(start, end) of consecutive parts of at most `size` characters, cut at a line break or space if any."""
    parts, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end))
            end = cut + 1 if cut > start else end
        parts.append((start, end))
        start = end
    return parts


def frames(record: dict) -> dict[str, pd.DataFrame]:
    """Sectors, products, figures, targets and proposals as tables."""
    sectors = pd.DataFrame(
        [
            {
                "sector_id": s["id"],
                "evidence": "; ".join(s["evidence"]),
                "mentions": len(s["spans"]),
            }
            for s in record["sectors"]
        ],
        columns=["sector_id", "evidence", "mentions"],
    )
    cols = {
        "products": ["text", "hs", "sector", "direction"],
        "figures": [
            "flow",
            "period",
            "value",
            "unit",
            "currency",
            "qualifier",
            "change_pct",
            "text",
        ],
        "targets": ["flow", "value", "unit", "currency", "by_year", "text"],
        "proposals": ["kind", "text"],
    }
    out = {"sectors": sectors}
    for key, c in cols.items():
        out[key] = pd.DataFrame(record[key], columns=c)
    return out


def record_csv_frame(record: dict) -> pd.DataFrame:
    """The whole record as one long table: section, item number, field, value."""
    rows = [("meeting", 0, k, record[k]) for k in ("region_iso", "region_name", "date")]
    for section in ("sectors", "products", "figures", "targets", "proposals"):
        for i, item in enumerate(record[section], 1):
            for k, v in item.items():
                rows.append((section, i, k, json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v))
    return pd.DataFrame(rows, columns=["section", "item", "field", "value"])


def record_json(record: dict) -> bytes:
    return json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8")


def compare_with_factbase(record: dict, fb: FactBase) -> pd.DataFrame:
    """Each extracted figure marked 'known' when the fact base has the same region, period, flow and value (±1%)."""
    iso = record.get("region_iso")
    facts = fb.trade_facts[fb.trade_facts.region_iso == iso] if iso else fb.trade_facts.iloc[0:0]
    by_key: dict[tuple, list[tuple[float | None, str]]] = {}  # one pass over the facts, not one per figure
    for r in facts.itertuples(index=False):
        by_key.setdefault((r.period, r.flow, r.currency), []).append(
            (to_millions(r.value, r.unit), r.source_url)
        )
    rows = []
    for f in record["figures"]:
        status, match_url = "new", ""
        if f.get("value") is not None and f.get("unit") in UNIT_FACTORS:
            same = by_key.get((f.get("period") or "", f["flow"], f["currency"]), [])
            target = to_millions(f["value"], f["unit"])
            for known, url in same:
                if known and abs(known - target) / known <= 0.01:
                    status, match_url = "known", url
                    break
            else:
                if same:
                    status = "differs from the fact base"
                    match_url = same[0][1]
        else:
            status = "no amount (growth only)"
        rows.append(
            {
                **{k: f.get(k) for k in ("flow", "period", "value", "unit", "currency")},
                "status": status,
                "fact_base_source": match_url,
            }
        )
    return pd.DataFrame(
        rows, columns=["flow", "period", "value", "unit", "currency", "status", "fact_base_source"]
    )
