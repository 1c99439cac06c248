"""The meeting analyzer's review form: correct what was read, see what the base already holds, save it.

Thin: the tables come from `analysis.analyzer.review`, the comparison from `figure_status`, the rows
from `meeting_rows`, and the save (validated, all or nothing) from `analysis.data.records`.
"""

from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from analysis.analyzer.review import Meeting, figure_status, meeting_rows, review_tables
from analysis.data import records
from analysis.data.filters import FilterState
from analysis.data.records import RecordValidationError
from analysis.data.schema import CURRENCIES, FLOWS, UNITS
from analysis.data.store import StoreError, report_hash
from analysis.data.tables import FactBase
from dashboard import cached, widgets

SIDES = ["unknown", "BY", "RU"]
QUALIFIERS = ["exact", "over", "almost", "about"]


def current_user() -> str:
    """BYRU_USER, else the name typed once in this browser visit (asked in the sidebar)."""
    env = os.environ.get("BYRU_USER", "").strip()
    if env:
        return env
    with st.sidebar:
        st.text_input("Your name (kept with every row you save)", key="user_name")
    return st.session_state.get("user_name", "").strip()


def queue_picker() -> str | None:
    """The review queue (`python -m analysis ingest FOLDER`): pick a queued report to load; its report_id."""
    queue = records.drafts(cached.store())
    if queue.empty:
        return None
    labels = dict(zip(queue.report_id, queue.file_name + " · queued " + queue.added_at.str[:10], strict=True))
    chosen = st.selectbox(
        f"Review queue: {len(queue)} analysed reports waiting",
        [None, *labels],
        format_func=lambda r: "— paste or upload instead —" if r is None else labels[r],
        key="queue_choice",
    )
    if chosen and st.session_state.get("queue_loaded") != chosen:
        st.session_state.report_text = queue.set_index("report_id").at[chosen, "text"]
        st.session_state.queue_loaded = chosen
    return chosen


def _editor(df: pd.DataFrame, key: str, config: dict, locked: list[str]) -> pd.DataFrame:
    return st.data_editor(
        df, key=key, hide_index=True, width="stretch", num_rows="fixed", column_config=config, disabled=locked
    )


def _choices(label: str, options) -> st.column_config.SelectboxColumn:
    return st.column_config.SelectboxColumn(label, options=sorted(options))


def review_and_save(
    record: dict, text: str, fb: FactBase, state: FilterState, draft_id: str | None = None
) -> None:
    """The review form for one analysed report and its Save button (one transaction)."""
    st.header("Review and save to the fact base")
    st.caption(
        "Correct what the analyzer read, keep or drop each row, then save: the kept rows join the fact base "
        "on every page at once, marked user-added with your name. The extracted value stays beside yours."
    )
    notice = st.session_state.pop("save_notice", None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    report_id = report_hash(text)
    draft_id = draft_id if draft_id == report_id else None  # a queued report, unless its text was changed
    k = f"rv_{report_id[:12]}"
    regions = widgets.ru_region_ids(fb)
    iso = record.get("region_iso")
    c = st.columns([1, 2, 1])
    date = c[0].text_input("Meeting date (YYYY-MM-DD)", value=record.get("date") or "", key=f"{k}_date")
    region = c[1].selectbox(
        "Region",
        regions,
        index=regions.index(iso) if iso in regions else None,
        format_func=widgets.region_label(fb),
        placeholder="Choose the region",
        key=f"{k}_region",
    )
    level = c[2].selectbox(
        "Level", ["other", "top"], key=f"{k}_level", help="top: heads of state or government"
    )
    c = st.columns(2)
    by_side = c[0].text_input("Belarusian participants", key=f"{k}_by")
    region_side = c[1].text_input("Regional participants", key=f"{k}_region_side")
    place = c[0].text_input("Place", key=f"{k}_place")
    title = c[1].text_input("Title of the report", key=f"{k}_title")
    source_url = st.text_input("Source URL (required: the published report)", key=f"{k}_source")

    tables = review_tables(record)
    keep = st.column_config.CheckboxColumn("keep", help="untick to leave the row out of the save")
    edited = {}
    st.subheader("Trade figures to save")
    edited["figures"] = _editor(
        tables["figures"].drop(columns=["status", "in_base", "base_source"]),
        f"{k}_figures",
        {
            "keep": keep,
            "flow": _choices("flow", FLOWS),
            "side": st.column_config.SelectboxColumn(
                "side", options=SIDES, help="whose statistics: BY (Belarusian), RU (Russian) or unknown"
            ),
            "unit": _choices("unit", UNITS),
            "currency": _choices("currency", CURRENCIES),
            "qualifier": st.column_config.SelectboxColumn("qualifier", options=QUALIFIERS),
            "extracted_value": st.column_config.NumberColumn("extracted value"),
            "value": st.column_config.NumberColumn("value (corrected)"),
        },
        ["extracted_value", "scope", "evidence"],
    )
    status = figure_status(
        edited["figures"].assign(status="", in_base=None, base_source=""), fb.trade_facts, region
    )
    if len(status):
        counts = status.status.value_counts()
        st.caption(
            " · ".join(f"{n} {s}" for s, n in counts.items()) + " (same region, period, flow and side)"
        )
        widgets.table(
            status[
                ["status", "flow", "period", "side", "value", "unit", "currency", "in_base", "base_source"]
            ],
            "figures-vs-base",
            state,
            fb,
            f"{k}_status",
            downloads=False,
        )
    for name, label, config, locked in (
        ("targets", "Targets to save", {"keep": keep, "flow": _choices("flow", FLOWS)}, ["extracted_value", "evidence"]),
        ("goods", "Goods to save", {"keep": keep, "direction": _choices("direction", ["by_exports", "by_imports"]),
                             "sector_id": _choices("sector", fb.sectors.sector_id)}, ["extracted_product"]),
        ("sectors", "Sectors to save", {"keep": keep}, ["sector_id", "evidence"]),
        ("proposals", "Proposals to follow up", {"keep": keep}, ["kind", "extracted_text"]),
    ):  # fmt: skip
        st.subheader(label)
        if tables[name].empty:
            st.caption(f"No {label.lower()} found.")
            edited[name] = tables[name]
        else:
            edited[name] = _editor(tables[name], f"{k}_{name}", config, locked)

    user = current_user()
    if st.button("Save to the fact base", type="primary", key=f"{k}_save", icon=":material/save:"):
        meeting = Meeting(
            date.strip(), region or "", by_side, region_side, place, title, source_url.strip(), level
        )
        try:
            rows, followups = meeting_rows(meeting, edited, fb, report_id)
            result = records.save_rows(
                cached.store(), rows, added_by=user, report_id=report_id, followups=followups, draft_id=draft_id,
                details={"title": title, "place": place, "source_url": source_url},
            )  # fmt: skip
        except RecordValidationError as exc:
            st.error("Not saved: fix these and save again (nothing was written).", icon=":material/error:")
            st.dataframe(
                pd.DataFrame(exc.problems, columns=["table", "item", "field", "reason"]), hide_index=True
            )
        except (StoreError, ValueError) as exc:
            st.error(f"Not saved: {exc}", icon=":material/error:")
        else:
            st.session_state.save_notice = (
                f"Saved (save {result.save_id}): added {result.summary}. Every page now shows them as user-added; "
                "see Records to edit or undo."
            )
            st.rerun()
