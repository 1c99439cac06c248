"""From an analyzer record to store rows: review tables, per-figure status against the base, saved rows."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from analysis.analyzer.review import Meeting, figure_status, meeting_rows, review_tables
from analysis.data import records
from analysis.data.store import Store, report_hash
from tests.conftest import ROOT

RECORD = {
    "region_iso": "RU-KGD",
    "date": "2025-11-20",
    "sectors": [{"id": "agri_machinery", "evidence": ["tractors"], "spans": [[0, 8]]}],
    "products": [
        {"text": "tractors", "hs": "8701", "sector": "agri_machinery", "direction": "by_exports"},
        {"text": "milk", "hs": "04", "sector": "agri_food", "direction": None},
    ],
    "figures": [
        {"flow": "turnover", "period": "2018", "value": 360.0, "unit": "million", "currency": "USD",
         "qualifier": "exact", "change_pct": None, "text": "Turnover was 360 million dollars in 2018."},
        {"flow": "turnover", "period": "2013", "value": 310.0, "unit": "million", "currency": "USD",
         "qualifier": "exact", "change_pct": None, "text": "In 2013 it was 310 million."},
        {"flow": "turnover", "period": "2024", "value": 0.5, "unit": "billion", "currency": "USD",
         "qualifier": "over", "change_pct": 12.0, "text": "Trade passed half a billion dollars in 2024."},
        {"flow": "balance", "period": "2024", "value": 1.0, "unit": "million", "currency": "USD",
         "qualifier": "exact", "change_pct": None, "text": "A surplus of 1 million."},
    ],
    "targets": [{"flow": "turnover", "value": 1.0, "unit": "billion", "currency": "USD", "by_year": 2030,
                 "text": "Reach 1 billion by 2030."}],
    "proposals": [{"kind": "service_centre", "text": "Open a dealer centre for tractors in Kaliningrad."}],
}  # fmt: skip
MEETING = Meeting(
    "2025-11-20", "RU-KGD", "Minister of Industry", source_url="https://example.org/r", title="BelTA"
)


def test_review_tables_keep_the_extracted_value_and_drop_goods_without_a_direction():
    t = review_tables(RECORD)
    assert t["figures"].flow.tolist() == ["turnover"] * 3  # the balance is not a stored flow
    assert (t["figures"].extracted_value == t["figures"].value).all()
    assert t["goods"].set_index("product").keep.to_dict() == {"tractors": True, "milk": False}
    assert t["proposals"].text.tolist() == t["proposals"].extracted_text.tolist()


def test_a_figure_about_the_whole_country_starts_dropped():
    national = {**RECORD["figures"][0], "scope": "national"}
    regional = {**RECORD["figures"][1], "scope": "pair"}
    t = review_tables({**RECORD, "figures": [national, regional]})["figures"]
    assert t.keep.tolist() == [False, True] and t.scope.tolist() == ["national", "pair"]


def test_figure_status_against_the_curated_kaliningrad_figures(fb):
    figures = review_tables(RECORD)["figures"].assign(side="BY")
    status = figure_status(figures, fb.trade_facts, "RU-KGD").set_index("period")
    # datasets: RU-KGD 2018 turnover BY = 360 (same), 2013 turnover BY = 300 'almost' (other value), 2024 none.
    assert status.status.to_dict() == {"2018": "already in base", "2013": "conflicts", "2024": "new"}
    assert status.at["2013", "in_base"] == "300 million USD"
    assert status.at["2018", "base_source"].startswith("http")
    assert not status.at["2018", "keep"]  # a figure already in the base starts as dropped
    on_ru_side = figure_status(figures.assign(side="RU"), fb.trade_facts, "RU-KGD")
    assert set(on_ru_side.status) == {"new"}  # another side's statistics are never the same key


def test_meeting_rows_in_the_curated_schema(fb):
    tables = review_tables(RECORD)
    tables["figures"] = tables["figures"].assign(side="BY", keep=[False, False, True])
    tables["figures"].loc[2, "value"] = 0.55  # the user corrects the extracted 0.5
    rows, followups = meeting_rows(MEETING, tables, fb, "h")
    (meeting,) = rows["meetings"]
    assert meeting["meeting_id"] == "RU-KGD:2025-11-20:u1" and meeting["sectors"] == "agri_machinery"
    assert (meeting["target_value"], meeting["target_year"], meeting["target_unit"]) == (1.0, 2030, "billion")
    (fact,) = rows["trade_facts"]
    assert (fact["period_start"], fact["period_end"], fact["value"], fact["value_musd"]) == (
        "2024-01-01", "2024-12-31", 0.55, 550.0,
    )  # fmt: skip
    assert fact["note"].startswith("extracted 0.5 billion, corrected to 0.55 billion")
    assert [g["product"] for g in rows["product_mentions"]] == ["tractors"]
    assert followups[0]["status"] == "proposed" and followups[0]["meeting_id"] == meeting["meeting_id"]


def test_rouble_figures_convert_at_the_sourced_rate_and_stay_empty_without_one(fb):
    tables = review_tables(RECORD)
    tables["figures"] = (
        tables["figures"].iloc[[2]].assign(currency="RUB", unit="billion", value=8.525, side="RU")
    )
    fact = meeting_rows(MEETING, tables, fb, "h")[0]["trade_facts"][0]
    assert fact["value_musd"] is None  # no 2024 RUB rate in fx_rates.csv: never estimated
    tables["figures"] = tables["figures"].assign(period="2023")
    fact = meeting_rows(MEETING, tables, fb, "h")[0]["trade_facts"][0]
    assert fact["value_musd"] == pytest.approx(100.0)  # 8525 million RUB / 85.25 RUB per USD (2023)


def test_two_kept_targets_are_refused(fb):
    tables = review_tables(RECORD)
    tables["targets"] = pd.concat([tables["targets"]] * 2, ignore_index=True)
    with pytest.raises(ValueError, match="one target"):
        meeting_rows(MEETING, tables, fb, "h")


def test_reviewed_rows_save_and_show_in_the_fact_base(db_url, fb):
    store = Store.open(db_url)
    tables = review_tables(RECORD)
    tables["figures"] = tables["figures"].assign(side="BY", keep=[False, False, True])
    rows, followups = meeting_rows(MEETING, tables, store.factbase(), report_hash("text"))
    result = records.save_rows(
        store, rows, added_by="Anna", report_id=report_hash("text"), followups=followups
    )
    assert result.summary == "1 meetings, 1 trade facts, 1 product mentions, 1 follow-up items"
    facts = store.factbase().trade_facts
    assert facts[(facts.region_iso == "RU-KGD") & (facts.period == "2024")].origin.tolist() == ["user"]
    store.close()


def _cli(*args, env_home) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "BYRU_DATA_HOME": str(env_home), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_cli_db_upgrade_and_ingest_are_idempotent(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(
        "Trade turnover with Kaliningrad Region reached 500 million dollars in 2024."
    )
    (reports / "b.md").write_text("The Governor of Tula Region visited Minsk.")
    (reports / "notes.csv").write_text("not a report")
    home = tmp_path / "home"
    out = _cli("db", "upgrade", env_home=home)
    assert out.returncode == 0 and "schema version: 0003 (newest 0003)" in out.stdout
    first = _cli("ingest", str(reports), env_home=home)
    assert first.stdout.strip() == "2 reports queued for review, 0 already queued, 0 unreadable"
    again = _cli("ingest", str(reports), env_home=home)
    assert again.stdout.strip() == "0 reports queued for review, 2 already queued, 0 unreadable"
    store = Store.open(f"sqlite:///{home / 'byru.sqlite'}")
    queued = records.drafts(store)
    assert sorted(queued.file_name) == ["a.txt", "b.md"]
    assert '"region_iso": "RU-KGD"' in queued.set_index("file_name").at["a.txt", "record"]
    store.close()
    assert _cli("ingest", str(tmp_path / "missing"), env_home=home).returncode == 2
