"""Each validation rule catches a bad row, and the message names the file, row and column."""

import shutil

import pandas as pd
import pytest

from analysis.data.tables import DEFAULT_DIR, load_factbase
from analysis.data.validation import DataValidationError


@pytest.fixture()
def data_copy(tmp_path):
    dst = tmp_path / "datasets"
    shutil.copytree(DEFAULT_DIR, dst, ignore=shutil.ignore_patterns("build", "*.md", "__pycache__"))
    return dst


def _edit(folder, file, row, column, value):
    df = pd.read_csv(folder / file, dtype=str, keep_default_na=False)
    df.loc[row, column] = value
    df.to_csv(folder / file, index=False)


def _problem(folder):
    with pytest.raises(DataValidationError) as info:
        load_factbase(folder)
    return info.value


def test_curated_data_is_valid():
    fb = load_factbase()
    assert len(fb.trade_facts) > 300


@pytest.mark.parametrize(
    ("file", "column", "value", "expected"),
    [
        ("trade_facts.csv", "value", "abc", "expected a number"),
        ("trade_facts.csv", "value", "-5", "must not be negative"),
        ("trade_facts.csv", "flow", "barter", "is not one of"),
        ("trade_facts.csv", "side", "BY/RU", "is not one of"),
        ("trade_facts.csv", "region_iso", "RU-XX", "unknown region id"),
        ("trade_facts.csv", "source_url", "", "must not be empty"),
        ("trade_facts.csv", "source_url", "belta.by/page", "expected a source URL"),
        ("trade_facts.csv", "published", "", "must not be empty"),
        ("trade_facts.csv", "published", "13/03/2023", "expected a date"),
        ("trade_facts.csv", "period", "2023-H3", "not a period"),
        ("meetings.csv", "sectors", "agri_food;space", "unknown sector id"),
        ("meetings.csv", "region_iso", "KL", "unknown region id"),
        ("product_mentions.csv", "sector_id", "gadgets", "unknown sector id"),
        ("regions.csv", "lat", "north", "expected a number"),
    ],
)
def test_bad_cell_is_reported_with_file_row_column(data_copy, file, column, value, expected):
    _edit(data_copy, file, 4, column, value)
    err = _problem(data_copy)
    assert (f"datasets/{file}", 6, column) in [(f, r, c) for f, r, c, _ in err.problems]
    assert expected in str(err)
    assert f"{file}, row 6, column '{column}'" in str(err)


def test_duplicate_fact_is_caught(data_copy):
    df = pd.read_csv(data_copy / "trade_facts.csv", dtype=str, keep_default_na=False)
    dup = df.iloc[[10]].copy()
    dup["fact_id"] = "copy-of-row-12"
    pd.concat([df, dup]).to_csv(data_copy / "trade_facts.csv", index=False)
    err = _problem(data_copy)
    assert any("duplicate fact" in m and r == len(df) + 2 for _, r, _, m in err.problems)


def test_turnover_below_exports_is_caught(data_copy):
    df = pd.read_csv(data_copy / "trade_facts.csv", dtype=str, keep_default_na=False)
    base = df[
        (df.flow == "turnover")
        & (df.status == "reported")
        & (df.region_iso == "RU-BA")
        & (df.period == "2021")
    ]
    row = base.iloc[0].copy()
    row["flow"], row["fact_id"] = "by_exports", "RU-BA:2021:by_exports:test"
    row["value"] = str(float(row["value"]) * 2)
    row["value_musd"] = str(float(row["value_musd"]) * 2)
    pd.concat([df, row.to_frame().T]).to_csv(data_copy / "trade_facts.csv", index=False)
    err = _problem(data_copy)
    assert any("exceeds turnover" in m and c == "value_musd" for _, _, c, m in err.problems)


def test_missing_column_and_missing_file(data_copy):
    df = pd.read_csv(data_copy / "meetings.csv", dtype=str, keep_default_na=False)
    df.drop(columns=["source_url"]).to_csv(data_copy / "meetings.csv", index=False)
    err = _problem(data_copy)
    assert ("datasets/meetings.csv", 1, "source_url") in [(f, r, c) for f, r, c, _ in err.problems]
    (data_copy / "meetings.csv").unlink()
    assert "datasets/meetings.csv is missing" in str(_problem(data_copy))


def test_broken_file_stops_the_app_with_the_message(data_copy, monkeypatch):
    from streamlit.testing.v1 import AppTest

    _edit(data_copy, "trade_facts.csv", 0, "value", "-1")
    monkeypatch.setenv("BYRU_DATA_DIR", str(data_copy))
    at = AppTest.from_file("../dashboard/app.py", default_timeout=60).run()
    assert not at.exception
    assert any("failed validation" in e.value for e in at.error)
    assert any("trade_facts.csv, row 2, column 'value'" in c.value for c in at.code)
