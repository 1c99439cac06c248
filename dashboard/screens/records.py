"""Records: user-added meetings and facts: search, edit with a reason, delete and restore, history, undo,
the follow-up register, and export / import in the curated tables' schema."""

import pandas as pd
import streamlit as st

from analysis.data import records
from analysis.data.records import RecordValidationError
from analysis.data.schema import TABLES
from analysis.data.store import FACT_TABLES, FOLLOWUP_STATUSES, ConflictError, StoreError
from dashboard import cached, review_form, widgets

SHOWN = 200  # rows listed at once (newest first); search reaches all

fb, state = widgets.page_setup()
st.title("Records")
st.caption(
    "Meetings and facts added by users (curated rows come from datasets/ and are changed there). "
    "Every change keeps who, when and why; deleted rows can be restored."
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
        f"The curated release holds a row with the same key as a user row ({c['table']} row {c['row_id']}, "
        f"{c['key']}, added by {c['added_by']}): the user row is kept but the curated one is shown.",
        icon=":material/warning:",
    )

saves = cached.saves()
live = saves[saves.undone_at.isna() & saves.kind.isin(["save", "import"])]
if live.empty:
    st.markdown("No save to undo yet.")
else:
    last = live.iloc[0]
    title = f" — {last.title}" if isinstance(last.title, str) and last.title else ""
    st.markdown(
        f"Last save: **save {last.save_id}** by {last.added_by} at {last.added_at}{title} ({last.summary})."
    )
    if st.button("Undo the last save", icon=":material/undo:", disabled=not user):
        undone = records.undo_last_save(store, by=user)
        done(f"Undone: save {undone.save_id} (its {undone.summary} are now deleted and can be restored).")

tab_rows, tab_follow, tab_saves, tab_io = widgets.view_tabs(
    ["Meetings and facts", "Follow-ups", "Saves", "Export and import"], "records_view"
)

if tab_rows.open:
    with tab_rows:
        c = st.columns([1, 2, 1])
        name = c[0].selectbox("Table", [*FACT_TABLES, "followups"], key="rec_table")
        search = c[1].text_input("Search (any column)", key="rec_search")
        with_deleted = c[2].checkbox("Show deleted rows", value=True, key="rec_deleted")
        rows = cached.user_rows(name, include_deleted=with_deleted, search=search.strip())
        if len(rows) > SHOWN:
            st.caption(f"The newest {SHOWN} of {len(rows):,} rows; search to find older ones.")
            rows = rows.head(SHOWN)
        if rows.empty:
            widgets.empty_state(
                f"No user-added {name.replace('_', ' ')}.", "Save a meeting on the Meeting analyzer."
            )
        else:
            widgets.table(rows, f"records-{name}", state, fb, f"rec_{name}")
            labels = records.row_labels(rows, " (deleted)")
            row_id = st.selectbox("Open a row", list(labels), format_func=labels.get, key="rec_row")
            row = rows.set_index("row_id").loc[row_id]
            seen_key = f"seen_{name}_{row_id}"
            seen = st.session_state.setdefault(seen_key, int(row.version))  # the version this user opened
            fields = ["status", "text"] if name == "followups" else list(TABLES[name].columns)
            c = st.columns([1, 2])
            field = c[0].selectbox("Field", fields, key="rec_field")
            c[1].text_input(f"Now: {row[field]}", key="rec_value", placeholder="new value")
            reason = st.text_input("Reason (required, kept in the history)", key="rec_reason")
            deleted = isinstance(row.deleted_at, str)
            b = st.columns(3)
            try:
                if b[0].button("Save the change", type="primary", disabled=deleted):
                    new = records.edit_row(store, name, row_id, {field: st.session_state.rec_value},
                                           version=seen, reason=reason, by=user)  # fmt: skip
                    st.session_state[seen_key] = new
                    done(f"Saved: {name} row {row_id}, {field} changed.")
                if b[1].button("Restore" if deleted else "Delete", icon=":material/restore_from_trash:"):
                    new = records.set_deleted(store, name, row_id, deleted=not deleted, version=seen,
                                              reason=reason, by=user)  # fmt: skip
                    st.session_state[seen_key] = new
                    done(f"{name} row {row_id} {'restored' if deleted else 'deleted'}.")
            except ConflictError as exc:
                st.session_state.pop(seen_key, None)
                st.error(str(exc), icon=":material/sync_problem:")
            except RecordValidationError as exc:
                st.error("Not saved (nothing was written):", icon=":material/error:")
                st.dataframe(
                    pd.DataFrame(exc.problems, columns=["table", "item", "field", "reason"]), hide_index=True
                )
            except StoreError as exc:
                st.error(str(exc), icon=":material/error:")
            st.subheader("History of this row")
            st.dataframe(cached.history(name, row_id), hide_index=True, width="stretch")

if tab_follow.open:
    with tab_follow:
        st.caption(
            "Proposals and agreements from saved meetings. A later meeting that mentions an item again "
            "updates its last mention. Change a status under Meetings and facts → followups."
        )
        items = cached.user_rows("followups", include_deleted=False)
        counts = items.status.value_counts().reindex(FOLLOWUP_STATUSES, fill_value=0) if len(items) else None
        if counts is not None:
            st.markdown(" · ".join(f"{s}: {n}" for s, n in counts.items()))
        shown = items.drop(columns=["deleted_at"], errors="ignore")
        if shown.empty:
            widgets.empty_state("No follow-up items yet.", "Proposals kept in a saved meeting appear here.")
        else:
            widgets.table(shown, "follow-ups", state, fb, "followups")

if tab_saves.open:
    with tab_saves:
        widgets.table(saves, "saves", state, fb, "saves")

if tab_io.open:
    with tab_io:
        st.subheader("Export")
        st.caption("User-added rows in exactly the curated files' columns, ready to move into datasets/.")
        for name, df in records.export_user_rows(store).items():
            st.markdown(f"**{name}** · {len(df)} rows")
            widgets.download_buttons(df, f"user-{name}", state, fb, f"export_{name}")
        st.subheader("Import")
        target = st.selectbox("Table of the file", FACT_TABLES, key="import_table")
        upload = st.file_uploader("An exported CSV (dry run first)", type=["csv"], key="import_file")
        if upload is not None:
            frame = pd.read_csv(upload, dtype=str, keep_default_na=False)
            plan = records.plan_import(store, {target: frame})
            if plan.problems:
                st.error("This file would not import (nothing written):", icon=":material/error:")
                st.dataframe(pd.DataFrame(plan.problems, columns=["table", "item", "field", "reason"]))
            else:
                st.info(f"Dry run: {plan.summary}.")
                if st.button("Import", type="primary", disabled=not any(plan.new.values())):
                    result = records.import_rows(store, {target: frame}, by=user)
                    done(f"Imported (save {result.save_id}): {result.summary}.")
