"""Views of an analyzer record: highlighted text, flat tables, comparison with the fact base, exports."""

from __future__ import annotations

import html
import json

import pandas as pd

from analysis.data.marks import N_, Gettext, english
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
        "figures": FIGURE_COLUMNS,
        "targets": ["flow", "value", "unit", "currency", "by_year", "relative", "scope", "text"],
        "proposals": ["kind", "also", "text"],
    }
    out = {"sectors": sectors}
    for key, c in cols.items():
        out[key] = pd.DataFrame(record[key], columns=c)
    # a list in a cell would be written as Python's repr ("['supply']"): join it as the evidence is joined
    out["proposals"]["also"] = ["; ".join(a) for a in out["proposals"]["also"]]
    return out


FIGURE_COLUMNS = [
    "flow", "period", "value", "unit", "currency", "qualifier", "change_pct", "scope", "kind", "region_iso", "text",
]  # fmt: skip


def is_main_figure(figure: dict, record: dict) -> bool:
    """True for a reported figure of Belarus' trade with the meeting's region (the default list)."""
    return (
        figure.get("scope") == "pair"
        and figure.get("kind") == "reported"
        and figure.get("region_iso") == record.get("region_iso")
    )


def value_musd(figure: dict, fx_rates: pd.DataFrame | None) -> float | None:
    """The figure in million USD: USD directly; another currency only for a whole-year period with an
    annual average rate in datasets/fx_rates.csv; otherwise None (never a guessed rate)."""
    if figure.get("value") is None or figure.get("unit") not in UNIT_FACTORS:
        return None
    millions = to_millions(figure["value"], figure["unit"])
    if figure.get("currency") == "USD":
        return millions
    period = figure.get("period") or ""
    if fx_rates is None or not period.isdigit():
        return None
    rate = fx_rates[(fx_rates.year.astype(str) == period) & (fx_rates.currency == figure.get("currency"))]
    return millions / float(rate.per_usd.iloc[0]) if len(rate) else None


def figure_tables(record: dict, fx_rates: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(main, other): reported Belarus–region figures, and the rest (forecasts, national, groups of
    regions, oblast pairs, another region), each with the value also in million USD."""
    cols = ["flow", "period", "value", "unit", "currency", "value_musd", "qualifier", "change_pct", "scope",
            "kind", "region_iso", "text"]  # fmt: skip
    main, other = [], []
    for f in record["figures"]:
        row = {**{k: f.get(k) for k in cols}, "value_musd": value_musd(f, fx_rates)}
        (main if is_main_figure(f, record) else other).append(row)
    return pd.DataFrame(main, columns=cols), pd.DataFrame(other, columns=cols)


def participants_frame(record: dict) -> pd.DataFrame:
    """Named participants: name and position as written, side ('BY', 'RU' or empty when unclear)."""
    return pd.DataFrame(record.get("participants", []), columns=["name", "position", "side"])


def record_csv_frame(record: dict) -> pd.DataFrame:
    """The whole record as one long table: section, item number, field, value."""
    rows = [("meeting", 0, k, record.get(k)) for k in ("region_iso", "region_name", "date", "place")]
    for i, p in enumerate(record.get("participants", []), 1):
        for k, v in p.items():
            rows.append(("participants", i, k, v))
    for section in ("sectors", "products", "figures", "targets", "proposals"):
        for i, item in enumerate(record[section], 1):
            for k, v in item.items():
                rows.append((section, i, k, json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v))
    return pd.DataFrame(rows, columns=["section", "item", "field", "value"])


def record_json(record: dict) -> bytes:
    return json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8")


def compare_with_factbase(record: dict, fb: FactBase, include_all: bool = False) -> pd.DataFrame:
    """Each reported Belarus–region figure against the fact base (same region, period, flow, currency).

    'known' when a stored value is within 1%, 'differs from the fact base' otherwise, 'new' when
    nothing is stored; the stored value nearest to the figure is shown with its side, publisher and
    source. A part-year figure only meets the same part-year. `include_all` also compares forecasts
    and other scopes (off by default: they are not the pair's reported trade).
    """
    iso = record.get("region_iso")
    facts = fb.trade_facts[fb.trade_facts.region_iso == iso] if iso else fb.trade_facts.iloc[0:0]
    by_key: dict[tuple, list] = {}  # one pass over the facts, not one per figure
    for r in facts.itertuples(index=False):
        by_key.setdefault((r.period, r.flow, r.currency), []).append(r)
    rows = []
    for f in record["figures"]:
        if not include_all and not is_main_figure(f, record):
            continue
        status, stored = "new", None
        if f.get("value") is not None and f.get("unit") in UNIT_FACTORS:
            same = by_key.get((f.get("period") or "", f["flow"], f["currency"]), [])
            target = to_millions(f["value"], f["unit"])
            best = None
            for r in same:
                known = to_millions(r.value, r.unit)
                gap = abs(known - target) / known if known else float("inf")
                if best is None or gap < best[0]:
                    best = (gap, r)
            if best is not None:
                stored = best[1]
                status = "known" if best[0] <= 0.01 else "differs from the fact base"
        else:
            status = "no amount (growth only)"
        rows.append(
            {
                **{k: f.get(k) for k in ("flow", "period", "value", "unit", "currency")},
                "status": status,
                "stored_value": None if stored is None else stored.value,
                "stored_unit": None if stored is None else stored.unit,
                "stored_side": None if stored is None else stored.side,
                "stored_publisher": None if stored is None else stored.publisher,
                "fact_base_source": "" if stored is None else stored.source_url,
            }
        )
    return pd.DataFrame(rows, columns=COMPARE_COLUMNS)


COMPARE_COLUMNS = [
    "flow", "period", "value", "unit", "currency", "status", "stored_value", "stored_unit", "stored_side",
    "stored_publisher", "fact_base_source",
]  # fmt: skip


# Coded values of the analyzer's and the review form's tables, as a reader sees them (downloads keep the
# codes): figure flows, kinds, scopes and qualifiers, statuses against the fact base, goods directions.
VALUE_LABELS: dict[str, dict[str, str]] = {
    "flow": {
        "turnover": N_("turnover"),
        "by_exports": N_("Belarus exports"),
        "by_imports": N_("Belarus imports"),
        "balance": N_("balance"),
    },
    "kind": {"reported": N_("reported"), "forecast": N_("forecast")},
    "scope": {
        "pair": N_("Belarus and the region"),
        "national": N_("Belarus and Russia as a whole"),
        "regions_group": N_("a group of regions"),
        "oblast_pair": N_("a Belarusian oblast and the region"),
    },
    "qualifier": {"exact": N_("exact"), "over": N_("over"), "almost": N_("almost"), "about": N_("about")},
    "status": {
        "new": N_("new"),
        "known": N_("known"),
        "differs from the fact base": N_("differs from the fact base"),
        "no amount (growth only)": N_("no amount (growth only)"),
        "already in base": N_("already in the base"),
        "conflicts": N_("conflicts"),
    },
    "direction": {"by_exports": N_("Belarus exports"), "by_imports": N_("Belarus imports")},
    "unit": {"thousand": N_("thousand"), "million": N_("million"), "billion": N_("billion"),
             "trillion": N_("trillion")},
}  # fmt: skip
VALUE_LABELS["stored_unit"] = VALUE_LABELS["unit"]
PROPOSAL_KIND_LABELS = {
    "flight": N_("flights"),
    "warehouse": N_("warehouse"),
    "service_centre": N_("service centre"),
    "joint_venture": N_("joint venture"),
    "contract": N_("contract or agreement"),
    "supply": N_("supplies"),
    "training": N_("training"),
    "other": N_("other"),
}


def value_label(column: str, value: object, gettext: Gettext = english) -> object:
    """A coded cell as a reader sees it ('by_exports' → 'Belarus exports'); other values as they are."""
    labels = VALUE_LABELS.get(column, {})
    return gettext(labels[value]) if isinstance(value, str) and value in labels else value


def display_frame(df: pd.DataFrame, gettext: Gettext = english, proposals: bool = False) -> pd.DataFrame:
    """A table of the analyzer with its coded values in words (`gettext`: the page's language).

    `proposals=True` for the proposals table, whose `kind` (and `also`) name kinds of proposal.
    Shapes stay the same; the codes stay in the downloads.
    """
    out = df.copy()
    for column in out.columns:
        if proposals and column in ("kind", "also"):
            names = {k: gettext(v) for k, v in PROPOSAL_KIND_LABELS.items()}
            out[column] = [
                "; ".join(names.get(k, k) for k in str(v).split("; ")) if isinstance(v, str) and v else v
                for v in out[column]
            ]
        elif column in VALUE_LABELS:
            out[column] = [value_label(column, v, gettext) for v in out[column]]
    return out
