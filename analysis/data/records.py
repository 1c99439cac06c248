"""Writes to the store: save a reviewed meeting, edit, soft delete and restore, undo, import, follow-ups.

Every write is one transaction: rows are validated first with the CSV loader's rules (a rejected save
raises RecordValidationError naming the table, item, field and reason, and writes nothing), then inserted
with provenance (origin 'user', added_by, added_at, report_id, save_id) and a history entry per row.
Edits check the row's version: a stale edit raises ConflictError and changes nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pandas as pd
import sqlalchemy as sa

from analysis.data.marks import ENGLISH, N_, NP_, Gettext, english, localize
from analysis.data.schema import TABLES
from analysis.data.store import (
    FACT_TABLES,
    FOLLOWUP_STATUSES,
    ConflictError,
    Store,
    StoreError,
    key_columns,
    now_utc,
)
from analysis.data.validation import DataValidationError, _cell_problem

FOLLOWUP_FIELDS = ("region_iso", "kind", "text", "status", "meeting_id", "last_mentioned", "source_url")


TABLE_COUNTS = {
    "meetings": NP_("{n} meeting", "{n} meetings"),
    "trade_facts": NP_("{n} trade fact", "{n} trade facts"),
    "product_mentions": NP_("{n} product mention", "{n} product mentions"),
    "sector_facts": NP_("{n} sector fact", "{n} sector facts"),
    "followups": NP_("{n} follow-up item", "{n} follow-up items"),
}
FOLLOWUPS_LINKED = NP_("{n} follow-up mentioned again", "{n} follow-ups mentioned again")

# Messages a user meets when a save, an edit or an import is refused, as the English templates the
# validation and the store fill in (specific ones first); `localized` shows them in the interface language.
# Period messages (`parse_period`) and the English names of tables and fields stay as written.
MESSAGE_TEMPLATES = (
    N_("must not be empty"),
    N_("expected a date YYYY-MM-DD (or YYYY-MM, YYYY), got {value}"),
    N_("{value} is not a date in the calendar"),
    N_("expected a number, got {value}"),
    N_("expected a whole number, got {value}"),
    N_("must not be negative, got {value}"),
    N_("expected true or false, got {value}"),
    N_("expected a source URL starting with http, got {value}"),
    N_("unknown sector id(s) {ids}"),
    N_("unknown region id {value}"),
    N_("unknown sector id {value}"),
    N_("{value} is not one of {allowed}"),
    N_("is not a column of this table"),
    N_("column is missing from the file"),
    N_("duplicate key: same {columns} as item {item} of this save"),
    N_("duplicate fact: same {columns} as item {item} of this save"),
    N_("duplicate key: same {columns} as a row already in the store ({row})"),
    N_("duplicate fact: same {columns} as a row already in the store ({row})"),
    N_("would conflict with a stored row: {flow} {value} exceeds turnover {turnover} for {region} {period} side {side}"),
    N_("{flow} {value} exceeds turnover {turnover} for {region} {period} side {side}"),
    N_("not a table of user rows (expected one of {tables})"),
    N_("Type your name before saving: every saved row records who added it."),
    N_("Give a reason for the change: it is kept in the record's history."),
    N_("Type your name before editing."),
    N_("Nothing changed."),
    N_("{table} row {row} is deleted; restore it before editing"),
    N_("{table} row {row} is already deleted"),
    N_("{table} row {row} is already active"),
    N_("{table} row {row} is curated (from datasets/); only user-added rows can be changed"),
    N_("Not saved: this {what} row was changed by {who} after you opened it (version {seen} → {now}). "
       "Reload to see their change, then apply yours again."),
    N_("a meeting holds one target: keep only one row in Targets"),
)  # fmt: skip


def localized(message: str, gettext: Gettext = english) -> str:
    """A refusal message (`MESSAGE_TEMPLATES`) in the language of `gettext`; any other as it is."""
    return localize(message, MESSAGE_TEMPLATES, gettext)


def problems_frame(problems: list[tuple], gettext: Gettext = english) -> pd.DataFrame:
    """The problems of a refused save or import as a table (table, item, field, reason), reasons in
    the language of `gettext`."""
    return pd.DataFrame(
        [(t, i, c, localized(str(m), gettext)) for t, i, c, m in problems],
        columns=["table", "item", "field", "reason"],
    )


class RecordValidationError(DataValidationError):
    """A save broke the data rules; `problems` lists (table, item of the save, field, reason)."""

    def __init__(self, problems: list[tuple[str, int, str, str]]):
        self.problems = problems
        lines = [f"{t}, item {i}, field '{c}': {m}" for t, i, c, m in problems[:20]]
        more = f"\n… and {len(problems) - 20} more" if len(problems) > 20 else ""
        ValueError.__init__(self, "Not saved:\n" + "\n".join(lines) + more)


@dataclass
class SaveResult:
    """What one save wrote: its id, rows added per table, follow-ups added or linked again."""

    save_id: int
    added: dict[str, int] = field(default_factory=dict)
    followups_added: int = 0
    followups_linked: int = 0

    @property
    def summary(self) -> str:
        parts = [f"{n} {t.replace('_', ' ')}" for t, n in self.added.items() if n]
        if self.followups_added:
            parts.append(f"{self.followups_added} follow-up items")
        if self.followups_linked:
            parts.append(f"{self.followups_linked} follow-ups mentioned again")
        return ", ".join(parts) or "nothing"

    @classmethod
    def from_summary(cls, save_id: int, summary: str) -> SaveResult:
        """The counts back from a stored `summary` ('1 meetings, 2 trade facts, 1 follow-up items')."""
        result = cls(save_id=save_id)
        names = {t.replace("_", " "): t for t in TABLE_COUNTS}
        for n, what in re.findall(r"(\d+) ([a-z -]+?)(?:,|$)", summary or ""):
            if what == "follow-up items":
                result.followups_added = int(n)
            elif what == "follow-ups mentioned again":
                result.followups_linked = int(n)
            elif what in names:
                result.added[names[what]] = int(n)
        return result

    def describe(self, tr=ENGLISH) -> str:
        """The summary in the language of `tr` (a translator), counts with the right plural forms."""
        parts = [tr.ngettext(*TABLE_COUNTS[t], n) for t, n in self.added.items() if n and t in TABLE_COUNTS]
        if self.followups_added:
            parts.append(tr.ngettext(*TABLE_COUNTS["followups"], self.followups_added))
        if self.followups_linked:
            parts.append(tr.ngettext(*FOLLOWUPS_LINKED, self.followups_linked))
        return ", ".join(parts) or tr.gettext(N_("nothing"))


def _text(value) -> str | None:
    """A cell as the CSV would hold it: None for empty, numbers without a trailing '.0' noise kept as typed."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    if isinstance(value, bool):
        return "True" if value else "False"
    text = str(value).strip()
    return text or None


def _clean(table: str, row: dict) -> dict:
    """A row restricted to its table's columns, every value as text (None when empty)."""
    unknown = set(row) - set(TABLES[table].columns)
    if unknown:
        raise RecordValidationError([(table, 0, sorted(unknown)[0], "is not a column of this table")])
    return {c: _text(row.get(c)) for c in TABLES[table].columns}


def _ids(store: Store) -> dict[str, set[str]]:
    """Region and sector ids that rows may refer to."""
    with store.engine.connect() as conn:
        regions, sectors = store.table("regions"), store.table("sectors")
        return {
            "regions": set(
                conn.execute(sa.select(regions.c.iso_code).where(regions.c.deleted_at.is_(None))).scalars()
            ),
            "sectors": set(
                conn.execute(sa.select(sectors.c.sector_id).where(sectors.c.deleted_at.is_(None))).scalars()
            ),
        }


def _stored(
    store: Store, name: str, cols: list[str], regions: list[str] | None, skip_row_ids
) -> pd.DataFrame:
    """Some columns of the active rows of a table (optionally only some regions; edited rows left out)."""
    if not cols:
        return []
    tbl = store.table(name)
    q = sa.select(*(tbl.c[c] for c in cols)).where(tbl.c.deleted_at.is_(None))
    if regions is not None:
        q = q.where(tbl.c.region_iso.in_(regions))
    if skip_row_ids:
        q = q.where(tbl.c.row_id.notin_([int(i) for i in skip_row_ids]))
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(q).all()]


def _norm(value, column) -> str:
    """A cell as compared for duplicates: numbers by value ('360' = '360.0'), text as written."""
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()
    if column.type in ("float", "int") and text:
        try:
            return repr(float(text))
        except ValueError:
            return text
    return text


def _row_problems(name: str, new: list[dict], ids: dict[str, set[str]]) -> list[tuple]:
    """Each cell against its column's rule, and keys unique within the save (cell by cell: a save is small)."""
    table = TABLES[name]
    problems, seen = [], {}
    for i, row in enumerate(new, 1):
        for c, col in table.columns.items():
            value = "" if row.get(c) is None else str(row.get(c)).strip()
            why = (
                ("must not be empty" if col.required else None)
                if not value
                else _cell_problem(value, col, ids)
            )
            if why:
                problems.append((name, i, c, why))
        for keys, what in ((table.key, "duplicate key"), (table.dedupe, "duplicate fact")):
            if keys:
                key = (what, *(_norm(row.get(k), table.columns[k]) for k in keys))
                if key in seen:
                    problems.append(
                        (name, i, keys[0], f"{what}: same {', '.join(keys)} as item {seen[key]} of this save")
                    )
                seen.setdefault(key, i)
    return problems


def _musd(row: dict) -> float | None:
    try:
        return float(row.get("value_musd")) if row.get("status") == "reported" else None
    except (TypeError, ValueError):
        return None


def _turnover_problems(existing: list[dict], new: list[dict]) -> list[tuple]:
    """Exports or imports above the turnover of the same region, period and side (the loader's rule)."""

    def ceilings(rows: list[dict]) -> dict[tuple, float]:
        out: dict[tuple, float] = {}
        for r in rows:
            v = _musd(r)
            if v is not None and r.get("flow") == "turnover":
                key = (r.get("region_iso"), r.get("period"), r.get("side"))
                out[key] = max(out.get(key, v), v)
        return out

    def above(rows: list[dict], ceiling: dict[tuple, float]) -> list[tuple[int, str]]:
        found = []
        for i, r in enumerate(rows):
            v, key = _musd(r), (r.get("region_iso"), r.get("period"), r.get("side"))
            if v is not None and r.get("flow") != "turnover" and key in ceiling and v > ceiling[key] + 1e-9:
                found.append(
                    (
                        i,
                        f"{r['flow']} {v:g} exceeds turnover {ceiling[key]:g} for {key[0]} {key[1]} side {key[2]}",
                    )
                )
        return found

    both = ceilings(existing + new)
    problems = [("trade_facts", i + 1, "value_musd", why) for i, why in above(new, both)]
    before = {i for i, _ in above(existing, ceilings(existing))}
    problems += [
        ("trade_facts", 0, "value_musd", f"would conflict with a stored row: {why}")
        for i, why in above(existing, both)
        if i not in before
    ]
    return problems


def check_rows(store: Store, rows: dict[str, list[dict]], skip_row_ids=()) -> list[tuple]:
    """Problems the new rows would bring to their tables, as (table, item, field, reason); [] when valid.

    The CSV loader's rules: each cell against its column, keys and facts unique (within the save and
    against stored active rows), exports and imports not above a turnover of the same region, period
    and side. Rows whose row_id is in `skip_row_ids` are being replaced (an edit). Items count from 1.
    """
    ids = _ids(store)
    problems = []
    for name, new in rows.items():
        if not new:
            continue
        table = TABLES[name]
        cols = list(table.columns)
        problems += _row_problems(name, new, ids)
        regions = sorted({str(r.get("region_iso")) for r in new}) if "region_iso" in cols else None
        for keys, what in ((table.key, "duplicate key"), (table.dedupe, "duplicate fact")):
            if not keys:
                continue
            stored = _stored(store, name, list(keys), regions if "region_iso" in keys else None, skip_row_ids)
            have = {tuple(_norm(v, table.columns[k]) for k, v in zip(keys, r, strict=True)) for r in stored}
            for i, r in enumerate(new, 1):
                key = tuple(_norm(r.get(k), table.columns[k]) for k in keys)
                if key in have:
                    shown = " · ".join(str(r.get(k) or "") for k in keys)
                    problems.append(
                        (
                            name,
                            i,
                            keys[0],
                            f"{what}: same {', '.join(keys)} as a row already in the store ({shown})",
                        )
                    )
        if name == "trade_facts":
            tcols = ["region_iso", "period", "side", "flow", "status", "value_musd"]
            existing = [
                dict(zip(tcols, r, strict=True)) for r in _stored(store, name, tcols, regions, skip_row_ids)
            ]
            problems += _turnover_problems(existing, new)
    return sorted(set(problems), key=lambda p: (p[0], p[1], p[2]))


def _insert(conn, store: Store, name: str, row: dict, prov: dict) -> int:
    tbl = store.table(name)
    return int(conn.execute(sa.insert(tbl).values(**row, **prov)).inserted_primary_key[0])


def _history(conn, store, save_id, name, row_id, action, old, new, reason, by, at) -> None:
    conn.execute(
        sa.insert(store.table("history")).values(
            save_id=save_id,
            table_name=name,
            row_id=row_id,
            action=action,
            old=json.dumps(old, ensure_ascii=False) if old is not None else None,
            new=json.dumps(new, ensure_ascii=False) if new is not None else None,
            reason=reason,
            changed_by=by,
            changed_at=at,
        )
    )


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 3}


def same_item(a: str, b: str) -> bool:
    """Two proposal texts name the same item when at least half their longer words are shared."""
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.5


def save_rows(
    store: Store,
    rows: dict[str, list[dict]],
    *,
    added_by: str,
    report_id: str | None = None,
    followups: list[dict] = (),
    kind: str = "save",
    draft_id: str | None = None,
    details: dict | None = None,
) -> SaveResult:
    """Validate and write all rows (and follow-up items) in one transaction; nothing is written on error.

    `rows` maps a table of FACT_TABLES to rows in its curated schema (values as text or numbers).
    Follow-ups whose region and kind match an open item with a similar text are linked to it (its
    last_mentioned and meeting_id are updated) instead of being added again. `details` (title, place,
    source_url) describe the meeting on the save itself; `draft_id` marks a queued report as saved.
    Raises RecordValidationError (table, item, field, reason) or StoreError (no name given).
    """
    if not (added_by or "").strip():
        raise StoreError("Type your name before saving: every saved row records who added it.")
    unknown = set(rows) - set(FACT_TABLES)
    if unknown:
        raise StoreError(f"cannot save to {sorted(unknown)}: user rows go to {list(FACT_TABLES)}")
    clean = {name: [_clean(name, r) for r in new] for name, new in rows.items()}
    at = now_utc()
    by = added_by.strip()
    result = SaveResult(save_id=0)
    with store.write() as conn:  # validated inside the transaction: a concurrent save is either seen or waits
        problems = check_rows(store, clean)
        for i, f in enumerate(followups, 1):
            for c in ("region_iso", "kind", "text", "source_url"):
                if not _text(f.get(c)):
                    problems.append(("followups", i, c, "must not be empty"))
            if f.get("status", "proposed") not in FOLLOWUP_STATUSES:
                problems.append(
                    ("followups", i, "status", f"{f.get('status')!r} is not one of {FOLLOWUP_STATUSES}")
                )
        if problems:
            raise RecordValidationError(problems)
        saves = store.table("saves")
        save_id = int(
            conn.execute(
                sa.insert(saves).values(
                    kind=kind,
                    added_by=by,
                    added_at=at,
                    report_id=report_id,
                    **{
                        k: _text(v)
                        for k, v in (details or {}).items()
                        if k in ("title", "place", "source_url")
                    },
                )
            ).inserted_primary_key[0]
        )
        result.save_id = save_id
        prov = {"origin": "user", "added_by": by, "added_at": at, "report_id": report_id, "save_id": save_id}
        hist = []
        for name, new in clean.items():
            if new:
                tbl = store.table(name)
                ids = (
                    conn.execute(
                        sa.insert(tbl).returning(tbl.c.row_id, sort_by_parameter_order=True),
                        [r | prov for r in new],
                    )
                    .scalars()
                    .all()
                )
                hist += [
                    {"save_id": save_id, "table_name": name, "row_id": int(row_id), "action": "add",
                     "new": json.dumps(row, ensure_ascii=False), "changed_by": by, "changed_at": at}
                    for row_id, row in zip(ids, new, strict=True)
                ]  # fmt: skip
            result.added[name] = len(new)
        if hist:
            conn.execute(sa.insert(store.table("history")), hist)
        _save_followups(conn, store, followups, prov, result)
        conn.execute(sa.update(saves).where(saves.c.save_id == save_id).values(summary=result.summary))
        if draft_id:
            drafts = store.table("drafts")
            conn.execute(
                sa.update(drafts)
                .where(drafts.c.report_id == draft_id)
                .values(status="saved", save_id=save_id)
            )
    return result


def _save_followups(conn, store: Store, followups, prov: dict, result: SaveResult) -> None:
    tbl = store.table("followups")
    for f in followups:
        item = {c: _text(f.get(c)) for c in FOLLOWUP_FIELDS}
        item["status"] = item["status"] or "proposed"
        open_items = conn.execute(
            sa.select(tbl.c.row_id, tbl.c.text, tbl.c.last_mentioned).where(
                tbl.c.region_iso == item["region_iso"],
                tbl.c.kind == item["kind"],
                tbl.c.deleted_at.is_(None),
                tbl.c.status.notin_(("done", "dropped")),
            )
        ).all()
        match = next((r for r in open_items if same_item(r.text, item["text"])), None)
        if match is not None:
            newer = max(filter(None, (match.last_mentioned, item["last_mentioned"])), default=None)
            conn.execute(
                sa.update(tbl)
                .where(tbl.c.row_id == match.row_id)
                .values(last_mentioned=newer, meeting_id=item["meeting_id"], version=tbl.c.version + 1)
            )
            old = {"last_mentioned": match.last_mentioned}
            _history(
                conn, store, prov["save_id"], "followups", match.row_id, "mentioned again", old,
                {"last_mentioned": newer, "meeting_id": item["meeting_id"]}, None, prov["added_by"], prov["added_at"],
            )  # fmt: skip
            result.followups_linked += 1
        else:
            row_id = _insert(conn, store, "followups", item, prov)
            _history(conn, store, prov["save_id"], "followups", row_id, "add", None, item, None,
                     prov["added_by"], prov["added_at"])  # fmt: skip
            result.followups_added += 1


def _fetch(conn, store: Store, name: str, row_id: int):
    tbl = store.table(name)
    row = conn.execute(sa.select(tbl).where(tbl.c.row_id == row_id)).mappings().one_or_none()
    if row is None:
        raise StoreError(f"{name} has no row {row_id}")
    if row["origin"] != "user":
        raise StoreError(
            f"{name} row {row_id} is curated (from datasets/); only user-added rows can be changed"
        )
    return row


def _conflict(conn, store: Store, name: str, row_id: int, seen: int, now: int) -> ConflictError:
    hist = store.table("history")
    last = conn.execute(
        sa.select(hist.c.changed_by, hist.c.changed_at, hist.c.action)
        .where(hist.c.table_name == name, hist.c.row_id == row_id)
        .order_by(hist.c.history_id.desc())
        .limit(1)
    ).first()
    who = f"{last.changed_by} ({last.action}, {last.changed_at})" if last else "someone else"
    return ConflictError(
        f"Not saved: this {name.replace('_', ' ')} row was changed by {who} after you opened it "
        f"(version {seen} → {now}). Reload to see their change, then apply yours again."
    )


def _versioned_update(conn, store, name, row_id, version, values) -> None:
    tbl = store.table(name)
    done = conn.execute(
        sa.update(tbl)
        .where(tbl.c.row_id == row_id, tbl.c.version == version)
        .values(**values, version=tbl.c.version + 1)
    ).rowcount
    if done != 1:
        now = conn.execute(sa.select(tbl.c.version).where(tbl.c.row_id == row_id)).scalar_one()
        raise _conflict(conn, store, name, row_id, version, now)


def _need_reason(reason: str | None) -> str:
    if not (reason or "").strip():
        raise StoreError("Give a reason for the change: it is kept in the record's history.")
    return reason.strip()


def edit_row(
    store: Store, name: str, row_id: int, changes: dict, *, version: int, reason: str, by: str
) -> int:
    """Change fields of one user row (validated, reason required); returns its new version.

    `version` is the version the user saw; if the row changed since, ConflictError and nothing written.
    """
    reason, row_id, version = _need_reason(reason), int(row_id), int(version)
    if not (by or "").strip():
        raise StoreError("Type your name before editing.")
    at = now_utc()
    table_name = name
    if name == "followups":
        bad = set(changes) - {"status", "text", "kind", "last_mentioned"}
        if bad or changes.get("status", "proposed") not in FOLLOWUP_STATUSES:
            raise StoreError(f"follow-up status must be one of {FOLLOWUP_STATUSES}")
    with store.write() as conn:
        row = _fetch(conn, store, table_name, row_id)
        if row["version"] != version:
            raise _conflict(conn, store, table_name, row_id, version, row["version"])
        if row["deleted_at"] is not None:
            raise StoreError(f"{name} row {row_id} is deleted; restore it before editing")
        if name in FACT_TABLES:
            new = _clean(name, {c: row[c] for c in TABLES[name].columns} | changes)
            problems = check_rows(store, {name: [new]}, skip_row_ids=[row_id])
            if problems:
                raise RecordValidationError(problems)
        else:
            new = {c: row[c] for c in FOLLOWUP_FIELDS} | {k: _text(v) for k, v in changes.items()}
        diff_old = {k: row[k] for k in new if row[k] != new[k]}
        diff_new = {k: new[k] for k in diff_old}
        if not diff_new:
            raise StoreError("Nothing changed.")
        _versioned_update(conn, store, table_name, row_id, version, diff_new)
        _history(conn, store, row["save_id"], table_name, row_id, "edit", diff_old, diff_new, reason, by, at)
    return version + 1


def set_deleted(
    store: Store, name: str, row_id: int, *, deleted: bool, version: int, reason: str, by: str
) -> int:
    """Soft-delete (deleted=True) or restore one user row; the row stays in the store with its history."""
    reason, row_id, version = _need_reason(reason), int(row_id), int(version)
    at = now_utc()
    with store.write() as conn:
        row = _fetch(conn, store, name, row_id)
        if row["version"] != version:
            raise _conflict(conn, store, name, row_id, version, row["version"])
        if (row["deleted_at"] is not None) == deleted:
            raise StoreError(f"{name} row {row_id} is already {'deleted' if deleted else 'active'}")
        if not deleted and name in FACT_TABLES:
            restored = {c: row[c] for c in TABLES[name].columns}
            problems = check_rows(store, {name: [restored]}, skip_row_ids=[row_id])
            if problems:
                raise RecordValidationError(problems)
        _versioned_update(conn, store, name, row_id, version, {"deleted_at": at if deleted else None})
        action = "delete" if deleted else "restore"
        _history(conn, store, row["save_id"], name, row_id, action, None, None, reason, by, at)
    return version + 1


def undo_last_save(store: Store, *, by: str) -> SaveResult | None:
    """Soft-delete every row the newest not-undone save added (follow-ups too); None when nothing to undo."""
    at = now_utc()
    with store.write() as conn:
        saves = store.table("saves")
        last = (
            conn.execute(
                sa.select(saves)
                .where(saves.c.undone_at.is_(None), saves.c.kind.in_(("save", "import")))
                .order_by(saves.c.save_id.desc())
                .limit(1)
            )
            .mappings()
            .first()
        )
        if last is None:
            return None
        result = SaveResult(save_id=int(last["save_id"]))
        for name in (*FACT_TABLES, "followups"):
            tbl = store.table(name)
            ids = (
                conn.execute(
                    sa.select(tbl.c.row_id).where(
                        tbl.c.save_id == last["save_id"], tbl.c.deleted_at.is_(None)
                    )
                )
                .scalars()
                .all()
            )
            if ids:
                conn.execute(
                    sa.update(tbl)
                    .where(tbl.c.row_id.in_(ids))
                    .values(deleted_at=at, version=tbl.c.version + 1)
                )
            for row_id in ids:
                _history(conn, store, last["save_id"], name, row_id, "undo", None, None,
                         f"undo of save {last['save_id']}", by, at)  # fmt: skip
            result.added[name] = len(ids)
        conn.execute(sa.update(saves).where(saves.c.save_id == last["save_id"]).values(undone_at=at))
        drafts = store.table("drafts")
        conn.execute(
            sa.update(drafts)
            .where(drafts.c.save_id == last["save_id"])
            .values(status="pending", save_id=None)
        )
    return result


# --- reading for the Records view ------------------------------------------------------------------------
def user_rows(store: Store, name: str, include_deleted: bool = True) -> pd.DataFrame:
    """User-added rows of one table (or 'followups') with provenance, newest first."""
    tbl = store.table(name)
    q = sa.select(tbl).where(tbl.c.origin == "user").order_by(tbl.c.row_id.desc())
    if not include_deleted:
        q = q.where(tbl.c.deleted_at.is_(None))
    with store.engine.connect() as conn:
        return pd.DataFrame(conn.execute(q).all(), columns=list(tbl.c.keys()))


LABEL_COLUMNS = ("meeting_id", "fact_id", "product", "text")  # what names a row in a picker


def row_labels(rows: pd.DataFrame, deleted_note: str) -> dict[int, str]:
    """A picker label per row, keyed by row_id: 'row_id · meeting_id · fact_id …' from the naming columns the
    table has (missing cells as their text, e.g. 'nan'), plus `deleted_note` for a deleted row.

    Built column by column (the rows of a user table have some thirty text columns; walking them row by
    row costs tens of milliseconds per rerun). Shape: {row_id: label} in the rows' order.
    """
    names = [rows[k].tolist() for k in LABEL_COLUMNS if k in rows]
    deleted = rows.deleted_at.tolist()
    return {
        int(row_id): f"{row_id} · "
        + " · ".join(str(col[i]) for col in names)
        + (deleted_note if isinstance(deleted[i], str) else "")
        for i, row_id in enumerate(rows.row_id.tolist())
    }


def search_rows(rows: pd.DataFrame, text: str) -> pd.DataFrame:
    """The rows with `text` in any cell (as text, case ignored, no patterns); all rows for empty text."""
    if not text or rows.empty:
        return rows
    hit = rows.astype(str).apply(lambda col: col.str.contains(text, case=False, regex=False))
    return rows[hit.any(axis=1)]


def history(store: Store, name: str, row_id: int) -> pd.DataFrame:
    """Every change of one row, oldest first: action, who, when, old → new, reason."""
    hist, row_id = store.table("history"), int(row_id)
    q = (
        sa.select(hist.c.action, hist.c.changed_by, hist.c.changed_at, hist.c.old, hist.c.new, hist.c.reason)
        .where(hist.c.table_name == name, hist.c.row_id == row_id)
        .order_by(hist.c.history_id)
    )
    with store.engine.connect() as conn:
        return pd.DataFrame(conn.execute(q).all(), columns=["action", "by", "at", "old", "new", "reason"])


def saves(store: Store) -> pd.DataFrame:
    """Every save, newest first: id, kind, who, when, report, what it added, when undone."""
    tbl = store.table("saves")
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(tbl).order_by(tbl.c.save_id.desc())).all()
    return pd.DataFrame(rows, columns=list(tbl.c.keys()))


def open_followups(store: Store, region_iso: str | None = None) -> pd.DataFrame:
    """Follow-up items not done or dropped (optionally for one region), latest mention first."""
    df = user_rows(store, "followups", include_deleted=False)
    df = df[~df.status.isin(["done", "dropped"])]
    if region_iso:
        df = df[df.region_iso == region_iso]
    return df.sort_values("last_mentioned", ascending=False, na_position="last").reset_index(drop=True)


# --- export and import -----------------------------------------------------------------------------------
def export_user_rows(store: Store) -> dict[str, pd.DataFrame]:
    """Active user rows per fact table in exactly the curated CSV schema (columns and text values)."""
    out = {}
    for name in FACT_TABLES:
        df = user_rows(store, name, include_deleted=False).sort_values("row_id")
        out[name] = df.reindex(columns=list(TABLES[name].columns)).reset_index(drop=True)
    return out


@dataclass
class ImportPlan:
    """What an import would do: rows to add per table, rows already in the store (skipped), problems."""

    new: dict[str, list[dict]]
    skipped: dict[str, int]
    problems: list[tuple]

    @property
    def summary(self) -> str:
        add = ", ".join(f"{len(v)} {k.replace('_', ' ')}" for k, v in self.new.items() if v) or "nothing"
        skip = sum(self.skipped.values())
        return f"would add {add}; {skip} rows already in the store are skipped"

    def describe(self, tr=ENGLISH) -> str:
        """The summary in the language of `tr` (a translator)."""
        add = [tr.ngettext(*TABLE_COUNTS[k], len(v)) for k, v in self.new.items() if v and k in TABLE_COUNTS]
        skip = sum(self.skipped.values())
        return tr.gettext(
            N_("would add {add}; rows already in the store and skipped: {skipped}"),
            add=", ".join(add) or tr.gettext(N_("nothing")),
            skipped=skip,
        )


def plan_import(store: Store, frames: dict[str, pd.DataFrame]) -> ImportPlan:
    """Dry run of an import of exported rows: what is new, what is already stored, what breaks a rule."""
    new, skipped = {}, {}
    problems = []
    for name, df in frames.items():
        if name not in FACT_TABLES:
            problems.append((name, 0, "-", f"not a table of user rows (expected one of {list(FACT_TABLES)})"))
            continue
        missing = [c for c in TABLES[name].columns if c not in df.columns]
        if missing:
            problems.append((name, 0, missing[0], "column is missing from the file"))
            continue
        keys, cols = list(key_columns(name)), TABLES[name].columns
        stored = _stored(store, name, keys, None, ())
        have = {tuple(_norm(v, cols[k]) for k, v in zip(keys, r, strict=True)) for r in stored}
        rows = [_clean(name, r) for r in df[list(cols)].to_dict("records")]
        new[name] = [r for r in rows if tuple(_norm(r[k], cols[k]) for k in keys) not in have]
        skipped[name] = len(rows) - len(new[name])
    if not problems:
        problems = check_rows(store, new)
    return ImportPlan(new, skipped, problems)


def import_rows(store: Store, frames: dict[str, pd.DataFrame], *, by: str) -> SaveResult:
    """Add the new rows of an export (after `plan_import`), all or nothing, as one save of kind 'import'."""
    plan = plan_import(store, frames)
    if plan.problems:
        raise RecordValidationError(plan.problems)
    return save_rows(store, plan.new, added_by=by, kind="import")


# --- review queue ----------------------------------------------------------------------------------------
def add_draft(store: Store, report_id: str, file_name: str, text: str, record: dict) -> bool:
    """Queue an analysed report for review; False (and nothing written) when the same report is queued."""
    tbl = store.table("drafts")
    with store.engine.connect() as conn:
        if conn.execute(sa.select(tbl.c.report_id).where(tbl.c.report_id == report_id)).first():
            return False
    with store.write() as conn:
        if conn.execute(sa.select(tbl.c.report_id).where(tbl.c.report_id == report_id)).first():
            return False
        conn.execute(
            sa.insert(tbl).values(
                report_id=report_id,
                file_name=file_name,
                text=text,
                record=json.dumps(record, ensure_ascii=False),
                status="pending",
                added_at=now_utc(),
            )
        )
    return True


def drafts(store: Store, status: str | None = "pending") -> pd.DataFrame:
    """Queued reports (pending by default), oldest first; `record` is the analyser's JSON."""
    tbl = store.table("drafts")
    q = sa.select(tbl).order_by(tbl.c.added_at, tbl.c.file_name)
    if status:
        q = q.where(tbl.c.status == status)
    with store.engine.connect() as conn:
        return pd.DataFrame(conn.execute(q).all(), columns=list(tbl.c.keys()))
