"""AppTest: review a report and save it, see the badge on Regions, then edit, delete, restore and undo."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from analysis.data import records
from analysis.data.store import Store, database_url
from tests.conftest import ROOT

APP = str(ROOT / "dashboard" / "app.py")
REPORT = (
    "Minsk, 20 November 2025. The Governor of Kaliningrad Region met the Belarusian delegation. "
    "Trade turnover reached 500 million US dollars in 2024. "
    "The parties proposed to open a dealer centre for MTZ tractors."
)
SOURCE = "https://example.org/kaliningrad-meeting-2026"


@pytest.fixture()
def own_store(tmp_path, monkeypatch):
    """A store of its own for each test (the dashboard opens it from BYRU_DATA_HOME)."""
    monkeypatch.setenv("BYRU_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("BYRU_USER", "Test Analyst")
    store = Store.open(database_url())
    yield store
    store.close()


def page(name: str, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(f"screens/{name}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def text_input(at: AppTest, label_start: str):
    return next(t for t in at.text_input if t.label.startswith(label_start))


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def analysed(at: AppTest) -> AppTest:
    at.text_area(key="report_text").set_value(REPORT).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_save_needs_a_source_and_writes_nothing_without_one(own_store):
    at = analysed(page("meeting_analyzer"))
    assert any(h.value == "Review and save to the fact base" for h in at.header)
    text_input(at, "Belarusian participants").set_value("Minister of Industry (test)")
    button(at, "Save to the fact base").click().run()
    assert any("Not saved" in e.value for e in at.error)
    problems = at.dataframe[-1].value
    assert ("meetings", "source_url", "must not be empty") in set(
        zip(problems.table, problems.field, problems.reason, strict=True)
    )
    assert records.saves(own_store).empty


def test_review_save_then_badge_on_regions(own_store):
    at = analysed(page("meeting_analyzer"))
    assert next(s for s in at.selectbox if s.label == "Region").value == "RU-KGD"
    text_input(at, "Belarusian participants").set_value("Minister of Industry (test)")
    text_input(at, "Source URL").set_value(SOURCE)
    button(at, "Save to the fact base").click().run()
    assert not at.exception, [e.value for e in at.exception]
    notice = " ".join(s.value for s in at.success)
    assert "added 1 meeting, 1 trade fact" in notice and "1 follow-up item" in notice
    fact = records.user_rows(own_store, "trade_facts").iloc[0]
    assert (fact.region_iso, fact.period, fact.value, fact.added_by) == (
        "RU-KGD",
        "2024",
        "500.0",
        "Test Analyst",
    )
    regions = page("regions", region="RU-KGD", regions_view="Meetings and goods")
    badges = [m.value for m in regions.markdown if "user-added" in m.value]
    assert badges and "1 row added by users" in badges[0]
    followups = [d.value for d in regions.dataframe if "kind" in d.value.columns]
    assert followups and followups[0].status.tolist() == ["proposed"]
    assert "dealer centre" in followups[0].text[0]


def test_records_page_edit_delete_restore_undo(own_store):
    records.save_rows(own_store, _rows(), added_by="Anna", details={"title": "Test meeting"})
    at = page("records")
    assert "Test meeting" in at.dataframe[0].value.to_string() or any(
        "Test meeting" in m.value for m in at.markdown
    )
    at.selectbox(key="rec_table").set_value("trade_facts").run()
    row_id = int(records.user_rows(own_store, "trade_facts").row_id[0])
    at.selectbox(key="rec_row").set_value(row_id).run()
    at.selectbox(key="rec_field").set_value("value").run()
    at.text_input(key="rec_value").set_value("650").run()
    button(at, "Save the change").click().run()
    assert any("reason" in e.value for e in at.error)  # a reason is required
    at.text_input(key="rec_reason").set_value("typo in the report").run()
    button(at, "Save the change").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert records.user_rows(own_store, "trade_facts").value[0] == "650"
    hist = records.history(own_store, "trade_facts", row_id)
    assert hist.action.tolist() == ["add", "edit"] and hist.reason.iloc[-1] == "typo in the report"
    assert any(df.value.get("reason") is not None and "typo in the report" in df.value.reason.tolist()
               for df in at.dataframe)  # fmt: skip

    at.text_input(key="rec_reason").set_value("duplicate").run()
    button(at, "Delete").click().run()
    assert records.user_rows(own_store, "trade_facts").deleted_at.notna().all()
    at.text_input(key="rec_reason").set_value("not a duplicate").run()
    button(at, "Restore").click().run()
    assert records.user_rows(own_store, "trade_facts").deleted_at.isna().all()

    button(at, "Undo the last save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert records.user_rows(own_store, "trade_facts", include_deleted=False).empty
    assert any("Undone" in s.value for s in at.success)


def _rows() -> dict:
    from tests.store_samples import sample_rows

    return sample_rows(1)


def test_a_queued_report_is_reviewed_and_leaves_the_queue_when_saved(own_store):
    from analysis.analyzer.record import analyze_text
    from analysis.data.store import report_hash

    records.add_draft(own_store, report_hash(REPORT), "kaliningrad.txt", REPORT, analyze_text(REPORT))
    at = page("meeting_analyzer")
    queue = at.selectbox(key="queue_choice")
    assert queue.label == "Review queue: 1 analysed report waiting"
    queue.set_value(report_hash(REPORT)).run()
    assert at.text_area(key="report_text").value == REPORT
    text_input(at, "Belarusian participants").set_value("Minister of Industry (test)")
    text_input(at, "Source URL").set_value(SOURCE)
    button(at, "Save to the fact base").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert records.drafts(own_store).empty  # saved: no longer pending
    assert records.drafts(own_store, status="saved").file_name.tolist() == ["kaliningrad.txt"]
