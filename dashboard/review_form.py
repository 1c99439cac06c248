"""The meeting analyzer's review form: correct what was read, see what the base already holds, save it.

Thin: the tables come from `analysis.analyzer.review`, the comparison from `figure_status`, the rows
from `meeting_rows`, and the save (validated, all or nothing) from `analysis.data.records`.
"""

from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from analysis.analyzer.review import Meeting, figure_status, meeting_rows, review_tables
from analysis.analyzer.views import PROPOSAL_KIND_LABELS, VALUE_LABELS, display_frame
from analysis.data import records
from analysis.data.filters import FilterState
from analysis.data.records import RecordValidationError
from analysis.data.schema import CURRENCIES, FLOWS, UNITS
from analysis.data.store import StoreError, report_hash
from analysis.data.tables import FactBase
from analysis.output.formatting import fmt_date, fmt_int
from analysis.output.i18n import N_
from analysis.output.labels import column_label
from dashboard import cached, widgets

SIDES = ["unknown", "BY", "RU"]
QUALIFIERS = ["exact", "over", "almost", "about"]
SIDE_NAMES = {"unknown": N_("unknown"), "BY": "BY", "RU": "RU"}
LEVELS = {"other": N_("other"), "top": N_("top")}


def current_user() -> str:
    """BYRU_USER, else the name typed once in this browser visit (asked in the sidebar)."""
    env = os.environ.get("BYRU_USER", "").strip()
    if env:
        return env
    with st.sidebar:
        st.text_input(widgets.tr().gettext("Your name (kept with every row you save)"), key="user_name")
    return st.session_state.get("user_name", "").strip()


def queue_picker() -> str | None:
    """The review queue (`python -m analysis ingest FOLDER`): pick a queued report to load; its report_id."""
    queue = records.drafts(cached.store())
    if queue.empty:
        return None
    tr = widgets.tr()
    lang = widgets.ui_lang()
    labels = {
        r: tr.gettext("{file} · queued {date}", file=name, date=fmt_date(added[:10], lang))
        for r, name, added in zip(queue.report_id, queue.file_name, queue.added_at, strict=True)
    }
    chosen = st.selectbox(
        tr.ngettext(
            "Review queue: {n} analysed report waiting",
            "Review queue: {n} analysed reports waiting",
            len(queue),
        ),
        [None, *labels],
        format_func=lambda r: tr.gettext("— paste or upload instead —") if r is None else labels[r],
        key="queue_choice",
    )
    if chosen and st.session_state.get("queue_loaded") != chosen:
        st.session_state.report_text = queue.set_index("report_id").at[chosen, "text"]
        st.session_state.queue_loaded = chosen
    return chosen


def _editor(df: pd.DataFrame, key: str, config: dict, locked: list[str]) -> pd.DataFrame:
    """An editable table; every column headed in the interface language, coded cells shown in words."""
    label = lambda c: widgets.tr().gettext(column_label(c))  # noqa: E731
    config = {c: config.get(c) or st.column_config.Column(label(c)) for c in df.columns}
    return st.data_editor(
        df, key=key, hide_index=True, width="stretch", num_rows="fixed", column_config=config, disabled=locked
    )


def _choices(column: str, options, names: dict[str, str] | None = None) -> st.column_config.SelectboxColumn:
    """A column of coded values picked from `options`, each shown by its name (`names` or the analyzer's)."""
    _ = widgets.tr().gettext
    names = names if names is not None else VALUE_LABELS.get(column, {})
    return st.column_config.SelectboxColumn(
        _(column_label(column)),
        options=sorted(options),
        format_func=lambda v: _(names[v]) if v in names else v,
    )


def review_and_save(
    record: dict, text: str, fb: FactBase, state: FilterState, draft_id: str | None = None
) -> None:
    """The review form for one analysed report and its Save button (one transaction)."""
    tr = widgets.tr()
    _ = tr.gettext
    st.header(_("Review and save to the fact base"))
    st.caption(
        _(
            "Correct what the analyzer read, keep or drop each row, then save: the kept rows join the fact base "
            "on every page at once, marked user-added with your name. The extracted value stays beside yours."
        )
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
    date = c[0].text_input(_("Meeting date (YYYY-MM-DD)"), value=record.get("date") or "", key=f"{k}_date")
    region = c[1].selectbox(
        _("Region"),
        regions,
        index=regions.index(iso) if iso in regions else None,
        format_func=widgets.region_label(fb),
        placeholder=_("Choose the region"),
        key=f"{k}_region",
    )
    level = c[2].selectbox(
        _("Level"),
        list(LEVELS),
        format_func=lambda v: _(LEVELS[v]),
        key=f"{k}_level",
        help=_("top: heads of state or government"),
    )
    c = st.columns(2)
    by_side = c[0].text_input(_("Belarusian participants"), key=f"{k}_by")
    region_side = c[1].text_input(_("Regional participants"), key=f"{k}_region_side")
    place = c[0].text_input(_("Place"), key=f"{k}_place")
    title = c[1].text_input(_("Title of the report"), key=f"{k}_title")
    source_url = st.text_input(_("Source URL (required: the published report)"), key=f"{k}_source")

    tables = review_tables(record)
    keep = st.column_config.CheckboxColumn(_("Keep"), help=_("untick to leave the row out of the save"))
    edited = {}
    st.subheader(_("Trade figures to save"))
    side = _choices("side", SIDES, SIDE_NAMES)
    side["help"] = _("whose statistics: BY (Belarusian), RU (Russian) or unknown")
    edited["figures"] = _editor(
        tables["figures"].drop(columns=["status", "in_base", "base_source"]),
        f"{k}_figures",
        {
            "keep": keep,
            "flow": _choices("flow", FLOWS),
            "side": side,
            "unit": _choices("unit", UNITS),
            "currency": _choices("currency", CURRENCIES),
            "qualifier": _choices("qualifier", QUALIFIERS),
            "scope": _choices("scope", VALUE_LABELS["scope"]),
            "extracted_value": st.column_config.NumberColumn(_("Extracted value")),
            "value": st.column_config.NumberColumn(_("Value (corrected)")),
        },
        ["extracted_value", "scope", "evidence"],
    )
    status = figure_status(
        edited["figures"].assign(status="", in_base=None, base_source=""), fb.trade_facts, region
    )
    if len(status):
        counts = status.status.value_counts()
        words = VALUE_LABELS["status"]
        st.caption(
            _(
                "{counts} (same region, period, flow and side)",
                counts=" · ".join(
                    f"{_(words.get(s, s))}: {fmt_int(n, widgets.ui_lang())}" for s, n in counts.items()
                ),
            )
        )
        widgets.table(
            display_frame(
                status[
                    [
                        "status",
                        "flow",
                        "period",
                        "side",
                        "value",
                        "unit",
                        "currency",
                        "in_base",
                        "base_source",
                    ]
                ],
                _,
            ),
            "figures-vs-base",
            state,
            fb,
            f"{k}_status",
            downloads=False,
        )
    sectors = dict(
        zip(fb.sectors.sector_id, map(widgets.sector_label(fb), fb.sectors.sector_id), strict=True)
    )
    for name, label, none, config, locked in (
        ("targets", _("Targets to save"), _("No targets to save found."),
         {"keep": keep, "flow": _choices("flow", FLOWS)}, ["extracted_value", "evidence"]),
        ("goods", _("Goods to save"), _("No goods to save found."),
         {"keep": keep, "direction": _choices("direction", ["by_exports", "by_imports"]),
          "sector_id": _choices("sector_id", fb.sectors.sector_id, sectors)}, ["extracted_product"]),
        ("sectors", _("Sectors to save"), _("No sectors to save found."),
         {"keep": keep, "sector_id": _choices("sector_id", fb.sectors.sector_id, sectors)}, ["sector_id", "evidence"]),
        ("proposals", _("Proposals to follow up"), _("No proposals to follow up found."),
         {"keep": keep, "kind": _choices("kind", PROPOSAL_KIND_LABELS, PROPOSAL_KIND_LABELS)},
         ["kind", "extracted_text"]),
    ):  # fmt: skip
        st.subheader(label)
        if tables[name].empty:
            st.caption(none)
            edited[name] = tables[name]
        else:
            edited[name] = _editor(tables[name], f"{k}_{name}", config, locked)

    user = current_user()
    if st.button(_("Save to the fact base"), type="primary", key=f"{k}_save", icon=":material/save:"):
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
            st.error(_("Not saved: fix these and save again (nothing was written)."), icon=":material/error:")
            widgets.table(records.problems_frame(exc.problems, _), "problems", state, fb, f"{k}_problems",
                          downloads=False)  # fmt: skip
        except (StoreError, ValueError) as exc:
            st.error(_("Not saved: {reason}", reason=records.localized(str(exc), _)), icon=":material/error:")
        else:
            st.session_state.save_notice = _(
                "Saved (save {save}): added {summary}. Every page now shows them as user-added; "
                "see Records to edit or undo.",
                save=result.save_id,
                summary=result.describe(tr),
            )
            st.rerun()
