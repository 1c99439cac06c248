"""Records: user-added meetings and facts: search, edit with a reason, delete and restore, history, undo,
the follow-up register, and export / import in the curated tables' schema."""

import pandas as pd
import streamlit as st

from analysis.data import records
from analysis.data.records import RecordValidationError
from analysis.data.schema import TABLES
from analysis.data.store import FACT_TABLES, FOLLOWUP_STATUSES, ConflictError, StoreError
from analysis.output.formatting import fmt_int
from analysis.output.i18n import N_
from analysis.output.labels import column_label
from dashboard import cached, review_form, widgets

SHOWN = 200  # rows listed at once (newest first); search reaches all
TABLE_NAMES = {
    "meetings": N_("meetings"),
    "trade_facts": N_("trade facts"),
    "product_mentions": N_("product mentions"),
    "sector_facts": N_("sector facts"),
    "followups": N_("follow-ups"),
}
STATUS_NAMES = {
    "proposed": N_("proposed"),
    "agreed": N_("agreed"),
    "in progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
}

fb, state = widgets.page_setup()
tr = widgets.tr()
_ = tr.gettext
lang = widgets.ui_lang()
st.title(_("Records"))
st.caption(
    _(
        "Meetings and facts added by users (curated rows come from datasets/ and are changed there). "
        "Every change keeps who, when and why; deleted rows can be restored."
    )
)
store = cached.store()
user = review_form.current_user()
notice = st.session_state.pop("records_notice", None)
if notice:
    st.success(notice, icon=":material/check_circle:")


def done(message: str) -> None:
    st.session_state.records_notice = message
    st.rerun()


for c in cached.reload_conflicts():
    st.warning(
        _(
            "The curated release holds a row with the same key as a user row ({table} row {row}, {key}, "
            "added by {who}): the user row is kept but the curated one is shown.",
            table=c["table"], row=c["row_id"], key=c["key"], who=c["added_by"],
        ),
        icon=":material/warning:",
    )  # fmt: skip

saves = cached.saves()
live = saves[saves.undone_at.isna() & saves.kind.isin(["save", "import"])]
if live.empty:
    st.markdown(_("No save to undo yet."))
else:
    last = live.iloc[0]
    title = f" — {widgets.escape_markdown(last.title)}" if isinstance(last.title, str) and last.title else ""
    st.markdown(
        _(
            "Last save: **save {save}** by {who} at {at}{title} ({summary}).",
            save=last.save_id, who=widgets.escape_markdown(str(last.added_by)), at=last.added_at, title=title,
            summary=records.SaveResult.from_summary(last.save_id, last.summary).describe(tr),
        )
    )  # fmt: skip
    if st.button(_("Undo the last save"), icon=":material/undo:", disabled=not user):
        undone = records.undo_last_save(store, by=user)
        done(
            _(
                "Undone: save {save} (its {summary} are now deleted and can be restored).",
                save=undone.save_id,
                summary=undone.describe(tr),
            )
        )

tab_rows, tab_follow, tab_saves, tab_io = widgets.view_tabs(
    [N_("Meetings and facts"), N_("Follow-ups"), N_("Saves"), N_("Export and import")], "records_view"
)

if tab_rows.open:
    with tab_rows:
        c = st.columns([1, 2, 1])
        name = c[0].selectbox(
            _("Table"), [*FACT_TABLES, "followups"], key="rec_table", format_func=lambda t: _(TABLE_NAMES[t])
        )
        search = c[1].text_input(_("Search (any column)"), key="rec_search")
        with_deleted = c[2].checkbox(_("Show deleted rows"), value=True, key="rec_deleted")
        rows = cached.user_rows(name, include_deleted=with_deleted, search=search.strip())
        if len(rows) > SHOWN:
            st.caption(
                _(
                    "The newest {shown} of {n} rows; search to find older ones.",
                    shown=fmt_int(SHOWN, lang),
                    n=fmt_int(len(rows), lang),
                )
            )
            rows = rows.head(SHOWN)
        if rows.empty:
            widgets.empty_state(
                _("No user-added rows in {table}.", table=_(TABLE_NAMES[name])),
                _("Save a meeting on the Meeting analyzer."),
            )
        else:
            widgets.table(rows, f"records-{name}", state, fb, f"rec_{name}")
            labels = records.row_labels(rows, _(" (deleted)"))
            row_id = st.selectbox(_("Open a row"), list(labels), format_func=labels.get, key="rec_row")
            row = rows.set_index("row_id").loc[row_id]
            seen_key = f"seen_{name}_{row_id}"
            seen = st.session_state.setdefault(seen_key, int(row.version))  # the version this user opened
            fields = ["status", "text"] if name == "followups" else list(TABLES[name].columns)
            c = st.columns([1, 2])
            field = c[0].selectbox(
                _("Field"), fields, key="rec_field", format_func=lambda f: f"{_(column_label(f))} ({f})"
            )
            c[1].text_input(_("Now: {value}", value=row[field]), key="rec_value", placeholder=_("new value"))
            reason = st.text_input(_("Reason (required, kept in the history)"), key="rec_reason")
            deleted = isinstance(row.deleted_at, str)
            b = st.columns(3)
            try:
                if b[0].button(_("Save the change"), type="primary", disabled=deleted):
                    new = records.edit_row(store, name, row_id, {field: st.session_state.rec_value},
                                           version=seen, reason=reason, by=user)  # fmt: skip
                    st.session_state[seen_key] = new
                    done(_("Saved: {table}, row {row}: {field} changed.", table=_(TABLE_NAMES[name]), row=row_id,
                           field=_(column_label(field))))  # fmt: skip
                if b[1].button(
                    _("Restore") if deleted else _("Delete"), icon=":material/restore_from_trash:"
                ):
                    new = records.set_deleted(store, name, row_id, deleted=not deleted, version=seen,
                                              reason=reason, by=user)  # fmt: skip
                    st.session_state[seen_key] = new
                    message = (
                        N_("{table}, row {row}: restored.") if deleted else N_("{table}, row {row}: deleted.")
                    )
                    done(_(message, table=_(TABLE_NAMES[name]), row=row_id))
            except ConflictError as exc:
                st.session_state.pop(seen_key, None)
                st.error(records.localized(str(exc), _), icon=":material/sync_problem:")
            except RecordValidationError as exc:
                st.error(_("Not saved (nothing was written):"), icon=":material/error:")
                widgets.table(records.problems_frame(exc.problems, _), "problems", state, fb, "rec_problems",
                              downloads=False)  # fmt: skip
            except StoreError as exc:
                st.error(records.localized(str(exc), _), icon=":material/error:")
            st.subheader(_("History of this row"))
            widgets.table(cached.history(name, row_id), "history", state, fb, "rec_history", downloads=False)

if tab_follow.open:
    with tab_follow:
        st.caption(
            _(
                "Proposals and agreements from saved meetings. A later meeting that mentions an item again "
                "updates its last mention. Change a status under Meetings and facts → follow-ups."
            )
        )
        items = cached.user_rows("followups", include_deleted=False)
        counts = items.status.value_counts().reindex(FOLLOWUP_STATUSES, fill_value=0) if len(items) else None
        if counts is not None:
            st.markdown(
                " · ".join(f"{_(STATUS_NAMES.get(s, s))}: {fmt_int(n, lang)}" for s, n in counts.items())
            )
        shown = items.drop(columns=["deleted_at"], errors="ignore")
        if shown.empty:
            widgets.empty_state(
                _("No follow-up items yet."), _("Proposals kept in a saved meeting appear here.")
            )
        else:
            widgets.table(shown, "follow-ups", state, fb, "followups")

if tab_saves.open:
    with tab_saves:
        widgets.table(saves, "saves", state, fb, "saves")

if tab_io.open:
    with tab_io:
        st.subheader(_("Export"))
        st.caption(_("User-added rows in exactly the curated files' columns, ready to move into datasets/."))
        for name, df in records.export_user_rows(store).items():
            rows_text = tr.ngettext("{n} row", "{n} rows", len(df))
            st.markdown(f"**`{name}.csv`** · {rows_text}")
            widgets.download_buttons(df, f"user-{name}", state, fb, f"export_{name}")
        st.subheader(_("Import"))
        target = st.selectbox(
            _("Table of the file"), FACT_TABLES, key="import_table", format_func=lambda t: f"{t}.csv"
        )
        upload = st.file_uploader(_("An exported CSV (dry run first)"), type=["csv"], key="import_file")
        if upload is not None:
            frame = pd.read_csv(upload, dtype=str, keep_default_na=False)
            plan = records.plan_import(store, {target: frame})
            if plan.problems:
                st.error(_("This file would not import (nothing written):"), icon=":material/error:")
                widgets.table(records.problems_frame(plan.problems, _), "problems", state, fb, "import_problems",
                              downloads=False)  # fmt: skip
            else:
                st.info(_("Dry run: {summary}.", summary=plan.describe(tr)))
                if st.button(_("Import"), type="primary", disabled=not any(plan.new.values())):
                    result = records.import_rows(store, {target: frame}, by=user)
                    done(
                        _(
                            "Imported (save {save}): {summary}.",
                            save=result.save_id,
                            summary=result.describe(tr),
                        )
                    )
