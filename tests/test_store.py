"""The store on real databases (SQLite file and a throwaway PostgreSQL server): seed, save, edit, recover."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading

import pandas as pd
import pytest
import sqlalchemy as sa

from analysis.data import records
from analysis.data.records import RecordValidationError
from analysis.data.store import ConflictError, Store, StoreError, head_version
from analysis.data.tables import DEFAULT_DIR, load_factbase
from tests.conftest import ROOT
from tests.store_samples import SOURCE, sample_rows


@pytest.fixture()
def store(db_url):
    s = Store.open(db_url, csv_dir=DEFAULT_DIR)
    yield s
    s.close()


def counts(store: Store) -> dict[str, int]:
    return {name: len(df) for name, df in store.frames(include_deleted=True).items()}


def test_first_start_seeds_every_curated_row(empty_db_url, fb):
    store = Store.open(empty_db_url, csv_dir=DEFAULT_DIR)
    built = store.factbase()
    for name in ("trade_facts", "meetings", "product_mentions", "sector_facts", "regions", "sectors"):
        csv, db = getattr(fb, name), getattr(built, name)
        assert len(db) == len(csv), name
        pd.testing.assert_frame_equal(db[list(csv.columns)], csv, check_dtype=False)
    assert set(built.trade_facts.origin) == {"curated"}
    assert store.schema_version() == head_version()


def test_save_lands_with_provenance_and_raises_the_revision(store):
    before = store.revision()
    result = records.save_rows(store, sample_rows(1), added_by="Anna", report_id="abc123")
    assert result.added == {"meetings": 1, "trade_facts": 1, "product_mentions": 1}
    assert store.revision() > before
    facts = store.factbase().trade_facts
    mine = facts[facts.origin == "user"]
    assert mine.fact_id.tolist() == ["RU-KGD:2026-Q1:turnover:RU:t1"]
    assert mine.value.tolist() == [101.0] and mine.added_by.tolist() == ["Anna"]
    row = records.user_rows(store, "trade_facts").iloc[0]
    assert (row.report_id, row.source_url, row.origin) == ("abc123", SOURCE, "user")


@pytest.mark.parametrize(
    ("table", "column", "value", "reason"),
    [
        ("trade_facts", "value", "-5", "must not be negative"),
        ("trade_facts", "source_url", "", "must not be empty"),
        ("meetings", "region_iso", "RU-XX", "unknown region id"),
        ("product_mentions", "direction", "sideways", "is not one of"),
    ],
)
def test_rejected_save_names_the_field_and_writes_nothing(store, table, column, value, reason):
    before, rev = counts(store), store.revision()
    rows = sample_rows(1)
    rows[table][0][column] = value
    with pytest.raises(RecordValidationError) as err:
        records.save_rows(store, rows, added_by="Anna")
    assert (table, 1, column) in [(t, i, c) for t, i, c, _ in err.value.problems]
    assert reason in str(err.value)
    assert counts(store) == before and store.revision() == rev


def test_a_figure_already_in_the_base_is_refused_as_a_duplicate(store, fb):
    curated = fb.trade_facts.iloc[0]
    row = sample_rows(1)["trade_facts"][0] | {
        k: str(curated[k]) for k in ("region_iso", "period", "flow", "side", "unit", "currency")
    }
    row |= {
        "value": f"{curated.value:g}",
        "period_start": str(curated.period_start),
        "period_end": str(curated.period_end),
    }
    with pytest.raises(RecordValidationError, match="duplicate fact: .* already in the store"):
        records.save_rows(store, {"trade_facts": [row]}, added_by="Anna")


def test_exports_above_a_stored_turnover_are_refused(store):
    records.save_rows(store, sample_rows(1, value=100), added_by="Anna")
    exports = sample_rows(2)["trade_facts"][0] | {"flow": "by_exports", "value": "150", "value_musd": "150"}
    with pytest.raises(RecordValidationError, match="exceeds turnover 100"):
        records.save_rows(store, {"trade_facts": [exports]}, added_by="Anna")


def test_save_needs_a_name(store):
    with pytest.raises(StoreError, match="name"):
        records.save_rows(store, sample_rows(1), added_by="  ")


def _fail_on_goods(store: Store) -> None:
    """A real database trigger that aborts any insert into product_mentions (the injected failure)."""
    with store.engine.begin() as conn:
        if store.is_sqlite:
            conn.exec_driver_sql(
                "CREATE TRIGGER boom BEFORE INSERT ON product_mentions "
                "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ "
                "LANGUAGE plpgsql"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER boom BEFORE INSERT ON product_mentions FOR EACH ROW EXECUTE FUNCTION boom()"
            )


def test_a_save_that_fails_half_way_leaves_the_store_unchanged(store):
    _fail_on_goods(store)
    before, rev = counts(store), store.revision()
    with pytest.raises(sa.exc.DBAPIError, match="injected failure"):
        records.save_rows(store, sample_rows(1), added_by="Anna")  # meeting and figure go in first
    assert counts(store) == before and store.revision() == rev
    assert records.saves(store).empty


def test_edit_keeps_history_and_a_stale_edit_is_a_conflict(store):
    records.save_rows(store, sample_rows(1), added_by="Anna")
    row = records.user_rows(store, "trade_facts").iloc[0]
    with pytest.raises(StoreError, match="reason"):
        records.edit_row(store, "trade_facts", row.row_id, {"value": "120"}, version=1, reason="", by="Boris")
    with pytest.raises(RecordValidationError, match="value"):
        records.edit_row(
            store, "trade_facts", row.row_id, {"value": "x"}, version=1, reason="typo", by="Boris"
        )
    v = records.edit_row(
        store, "trade_facts", row.row_id, {"value": "120"}, version=1, reason="typo", by="Boris"
    )
    assert v == 2
    with pytest.raises(ConflictError, match="changed by Boris"):
        records.edit_row(store, "trade_facts", row.row_id, {"value": "130"}, version=1, reason="x", by="Anna")
    hist = records.history(store, "trade_facts", row.row_id)
    assert hist.action.tolist() == ["add", "edit"]
    last = hist.iloc[-1]
    assert (last.by, last.reason, last.old, last.new) == (
        "Boris",
        "typo",
        '{"value": "101"}',
        '{"value": "120"}',
    )
    assert store.factbase().trade_facts.set_index("fact_id").at[row.fact_id, "value"] == 120.0


def test_curated_rows_cannot_be_edited(store):
    tbl = store.table("trade_facts")
    with store.engine.connect() as conn:
        curated_id = conn.execute(
            sa.select(tbl.c.row_id).where(tbl.c.origin == "curated").limit(1)
        ).scalar_one()
    with pytest.raises(StoreError, match="curated"):
        records.edit_row(store, "trade_facts", curated_id, {"value": "1"}, version=1, reason="r", by="Anna")


def test_delete_restore_and_undo(store):
    records.save_rows(store, sample_rows(1), added_by="Anna")
    records.save_rows(store, sample_rows(2), added_by="Anna")
    meeting = records.user_rows(store, "meetings").iloc[-1]  # the first save's meeting
    v = records.set_deleted(
        store, "meetings", meeting.row_id, deleted=True, version=1, reason="dup", by="Anna"
    )
    assert meeting.meeting_id not in set(store.factbase().meetings.meeting_id)
    records.set_deleted(store, "meetings", meeting.row_id, deleted=False, version=v, reason="oops", by="Anna")
    assert meeting.meeting_id in set(store.factbase().meetings.meeting_id)
    undone = records.undo_last_save(store, by="Anna")
    assert undone.added["trade_facts"] == 1
    ids = set(store.factbase().trade_facts.fact_id)
    assert "RU-KGD:2026-Q1:turnover:RU:t2" not in ids and "RU-KGD:2026-Q1:turnover:RU:t1" in ids
    assert records.history(store, "meetings", meeting.row_id).action.tolist() == ["add", "delete", "restore"]


def test_follow_ups_link_a_repeated_mention(store):
    item = {"region_iso": "RU-KGD", "kind": "flight", "text": "open a direct flight Kaliningrad Minsk",
            "meeting_id": "m1", "last_mentioned": "2026-03-10", "source_url": SOURCE}  # fmt: skip
    first = records.save_rows(store, sample_rows(1), added_by="Anna", followups=[item])
    again = item | {"text": "the direct flight between Minsk and Kaliningrad", "last_mentioned": "2026-05-01"}
    second = records.save_rows(store, sample_rows(2), added_by="Anna", followups=[again])
    assert (first.followups_added, second.followups_linked) == (1, 1)
    items = records.open_followups(store, "RU-KGD")
    assert len(items) == 1 and items.last_mentioned[0] == "2026-05-01"
    row = items.iloc[0]
    records.edit_row(
        store, "followups", row.row_id, {"status": "agreed"}, version=row.version, reason="MoU", by="A"
    )
    assert records.open_followups(store).status.tolist() == ["agreed"]


def test_export_then_import_restores_rows(db_url, tmp_path):
    s = Store.open(db_url, csv_dir=DEFAULT_DIR)
    records.save_rows(s, sample_rows(1), added_by="Anna")
    exported = records.export_user_rows(s)
    assert list(exported["trade_facts"].columns) == list(
        pd.read_csv(DEFAULT_DIR / "trade_facts.csv", nrows=0).columns
    )
    plan = records.plan_import(s, exported)
    assert plan.summary.startswith("would add nothing") and plan.skipped["meetings"] == 1
    records.undo_last_save(s, by="Anna")
    plan = records.plan_import(s, exported)
    assert {k: len(v) for k, v in plan.new.items() if v} == {
        "meetings": 1,
        "trade_facts": 1,
        "product_mentions": 1,
    }
    assert records.saves(s).kind.tolist() == ["save"]  # the dry run wrote nothing
    records.import_rows(s, exported, by="Anna")
    assert "RU-KGD:2026-Q1:turnover:RU:t1" in set(s.factbase().trade_facts.fact_id)
    bad = {"trade_facts": exported["trade_facts"].assign(value="-1", fact_id="other")}
    assert records.plan_import(s, bad).problems[0][2] == "value"
    s.close()


def test_drafts_are_queued_once_per_report(store):
    assert records.add_draft(store, "h1", "a.txt", "text", {"region_iso": None})
    assert not records.add_draft(store, "h1", "a-copy.txt", "text", {"region_iso": None})
    assert records.drafts(store).file_name.tolist() == ["a.txt"]


def test_changed_csv_reloads_curated_rows_and_reports_a_clash_with_a_user_row(db_url, tmp_path):
    folder = tmp_path / "datasets"
    shutil.copytree(DEFAULT_DIR, folder, ignore=shutil.ignore_patterns("build", "*.py"))
    s = Store.open(db_url, csv_dir=folder)
    records.save_rows(s, sample_rows(1), added_by="Anna")
    user_fact = sample_rows(1)["trade_facts"][0]
    facts = pd.read_csv(folder / "trade_facts.csv", dtype=str, keep_default_na=False)
    new = pd.DataFrame([{c: user_fact.get(c, "") for c in facts.columns} | {"note": "curated release"}])
    pd.concat([facts, new]).to_csv(folder / "trade_facts.csv", index=False)
    report = s.sync_curated(folder)
    assert report.reloaded == ["trade_facts"]
    assert [(c["table"], c["added_by"]) for c in report.conflicts] == [("trade_facts", "Anna")]
    assert s.reload_conflicts() == report.conflicts
    fb = s.factbase()
    row = fb.trade_facts[fb.trade_facts.fact_id == user_fact["fact_id"]]
    assert row.origin.tolist() == ["curated"]  # the user row is kept in the store, shown once
    assert len(records.user_rows(s, "trade_facts", include_deleted=False)) == 1
    assert s.sync_curated(folder).reloaded == []  # unchanged files: nothing to do
    s.close()


def test_an_invalid_csv_release_is_refused_before_writing(tmp_path):
    folder = tmp_path / "datasets"
    shutil.copytree(DEFAULT_DIR, folder, ignore=shutil.ignore_patterns("build", "*.py"))
    s = Store.open(f"sqlite:///{tmp_path / 's.sqlite'}", csv_dir=folder)
    rev = s.revision()
    facts = pd.read_csv(folder / "trade_facts.csv", dtype=str, keep_default_na=False)
    facts.loc[0, "value"] = "-1"
    facts.to_csv(folder / "trade_facts.csv", index=False)
    with pytest.raises(ValueError, match="trade_facts.csv, row 2, column 'value'"):
        s.sync_curated(folder)
    assert s.revision() == rev and len(s.factbase().trade_facts) == len(load_factbase().trade_facts)
    s.close()


def test_a_store_of_the_previous_schema_upgrades_with_rows_intact(empty_db_url):
    db_url = empty_db_url
    s = Store(*_engine(db_url))
    s.upgrade("0001")
    s.reflect()
    s.sync_curated(DEFAULT_DIR)
    with s.write() as conn:  # a user row written the way version 0001 stored it
        conn.execute(sa.insert(s.table("trade_facts")).values(
            **sample_rows(1)["trade_facts"][0], origin="user", added_by="Anna", added_at="2026-01-01T00:00:00Z"))  # fmt: skip
    records_before = s.frames()["trade_facts"]
    assert "followups" not in sa.inspect(s.engine).get_table_names()
    s.close()
    upgraded = Store.open(db_url, csv_dir=DEFAULT_DIR)
    assert upgraded.schema_version() == head_version()
    pd.testing.assert_frame_equal(upgraded.frames()["trade_facts"], records_before)
    assert "RU-KGD:2026-Q1:turnover:RU:t1" in set(upgraded.factbase().trade_facts.fact_id)
    assert records.open_followups(upgraded).empty
    upgraded.close()


def _engine(url):
    from analysis.data.store import make_engine

    return make_engine(url), url


def test_two_editors_of_one_record_one_gets_a_conflict(db_url):
    first = Store.open(db_url, csv_dir=DEFAULT_DIR)
    records.save_rows(first, sample_rows(1), added_by="Anna")
    row_id = int(records.user_rows(first, "trade_facts").row_id[0])
    second = Store.open(db_url, csv_dir=DEFAULT_DIR)
    gate = threading.Barrier(2)
    outcome: dict[str, str] = {}

    def edit(store: Store, who: str, value: str) -> None:
        gate.wait()
        try:
            records.edit_row(store, "trade_facts", row_id, {"value": value}, version=1, reason="fix", by=who)
            outcome[who] = "saved"
        except ConflictError as exc:
            outcome[who] = str(exc)

    threads = [
        threading.Thread(target=edit, args=a) for a in ((first, "Anna", "111"), (second, "Boris", "222"))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(v == "saved" for v in outcome.values()) == [False, True]
    winner = next(k for k, v in outcome.items() if v == "saved")
    loser_msg = next(v for v in outcome.values() if v != "saved")
    assert f"changed by {winner}" in loser_msg and "Reload" in loser_msg
    kept = first.factbase().trade_facts.set_index("row_id").at[row_id, "value"]
    assert kept == {"Anna": 111.0, "Boris": 222.0}[winner]
    first.close()
    second.close()


SAVER = """
import sys
from analysis.data import records
from analysis.data.store import Store
from tests.store_samples import sample_rows
store = Store.open(sys.argv[1])
first, last = int(sys.argv[2]), int(sys.argv[3])
for n in range(first, last):
    records.save_rows(store, sample_rows(n), added_by=f"p{first}")
    print(n, flush=True)
"""


def _saver(url: str, first: int, last: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", SAVER, url, str(first), str(last)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def test_two_processes_saving_different_records_both_land(db_url):
    Store.open(db_url, csv_dir=DEFAULT_DIR).close()
    procs = [_saver(db_url, 1, 6), _saver(db_url, 100, 105)]
    for p in procs:
        _, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
    store = Store.open(db_url, csv_dir=DEFAULT_DIR)
    users = store.factbase().trade_facts.query("origin == 'user'")
    assert sorted(users.added_by.value_counts().items()) == [("p1", 5), ("p100", 5)]
    store.close()


def test_sigkill_during_saves_keeps_every_reported_save(db_url):
    Store.open(db_url, csv_dir=DEFAULT_DIR).close()
    proc = _saver(db_url, 1, 10_000)
    reported = []
    for line in proc.stdout:
        reported.append(int(line))
        if len(reported) == 12:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    store = Store.open(db_url, csv_dir=DEFAULT_DIR)
    facts = store.factbase()  # opens and validates
    saved = {int(f.rsplit(":t", 1)[1]) for f in facts.trade_facts.query("origin == 'user'").fact_id}
    assert set(reported) <= saved
    assert len(saved) - len(reported) <= 1  # at most the save in flight when killed
    store.close()


def test_the_same_record_saved_twice_at_once_lands_once(db_url):
    stores = [Store.open(db_url, csv_dir=DEFAULT_DIR) for _ in range(2)]
    gate = threading.Barrier(2)
    outcome: list[str] = []

    def save(store: Store, who: str) -> None:
        gate.wait()
        try:
            records.save_rows(store, sample_rows(1), added_by=who)
            outcome.append("saved")
        except RecordValidationError as exc:
            outcome.append(str(exc))

    threads = [
        threading.Thread(target=save, args=(s, w)) for s, w in zip(stores, ("Anna", "Boris"), strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(o == "saved" for o in outcome) == [False, True]
    assert "duplicate key: same meeting_id as a row already in the store" in next(
        o for o in outcome if o != "saved"
    )
    assert len(records.user_rows(stores[0], "trade_facts")) == 1
    for s in stores:
        s.close()
