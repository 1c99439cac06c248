"""Broken curated files: each kind of damage is refused with a message naming file, row and column (issue 17)."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from analysis.data.schema import TABLES
from analysis.data.tables import DEFAULT_DIR, LOAD_ORDER, load_factbase, validate_folder
from analysis.data.validation import DataValidationError, validate_row
from tests.conftest import ROOT


@pytest.fixture()
def data_copy(tmp_path):
    dst = tmp_path / "datasets"
    shutil.copytree(DEFAULT_DIR, dst, ignore=shutil.ignore_patterns("build", "*.md", "__pycache__"))
    return dst


def set_cell(folder, file: str, row: int, column: str, text: str) -> None:
    """Write `text` verbatim (no quoting) into one cell, as someone editing the file by hand would."""
    lines = (folder / file).read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    cells = lines[row - 1].split(",")
    assert len(cells) == len(header), "pick a row without quoted commas"
    cells[header.index(column)] = text
    lines[row - 1] = ",".join(cells)
    (folder / file).write_text("\n".join(lines), encoding="utf-8")


def messages(folder) -> list[str]:
    with pytest.raises(DataValidationError) as info:
        load_factbase(folder)
    return [str(p) for p in info.value.problems]


def plain_row(folder, file: str) -> int:
    """A row number (header = 1) whose line has no quoted cell."""
    lines = (folder / file).read_text(encoding="utf-8").split("\n")
    return next(i + 1 for i, line in enumerate(lines[1:], 1) if '"' not in line and line)


@pytest.mark.parametrize(
    ("file", "column", "value", "reason"),
    [
        ("trade_facts.csv", "value", "nan", "expected a number, got 'nan'"),
        ("trade_facts.csv", "value", "NaN", "expected a number, got 'NaN'"),
        ("trade_facts.csv", "value_musd", "inf", "expected a number, got 'inf'"),
        ("trade_facts.csv", "value", "-inf", "expected a number, got '-inf'"),
        ("trade_facts.csv", "value", "1e400", "'1e400' is too large to be a number"),
        ("trade_facts.csv", "value", "1_000", "expected a number, got '1_000'"),
        ("regions.csv", "population", "12.5", "expected a whole number, got '12.5'"),
        ("regions.csv", "lat", "nan", "expected a number, got 'nan'"),
        ("trade_facts.csv", "published", "2023-02-30", "2023-02-30 is not a date in the calendar"),
        ("trade_facts.csv", "period_end", "2023-13", "2023-13 is not a date in the calendar"),
        ("meetings.csv", "date", "2024-04-31", "2024-04-31 is not a date in the calendar"),
    ],
)
def test_bad_number_or_date_names_file_row_column(data_copy, file, column, value, reason):
    row = plain_row(data_copy, file)
    set_cell(data_copy, file, row, column, value)
    assert f"datasets/{file}, row {row}, column '{column}': {reason}" in messages(data_copy)


@pytest.mark.parametrize("file", ["regions.csv", "trade_facts.csv", "meetings.csv"])
def test_unmatched_quote_names_its_row_and_column(data_copy, file):
    row = plain_row(data_copy, file)
    column = list(TABLES[file.removesuffix(".csv")].columns)[2]
    set_cell(data_copy, file, row, column, '"unclosed')
    found = messages(data_copy)
    assert found == [f"datasets/{file}, row {row}, column '{column}': a quote is not closed on its line"]


def test_extra_and_missing_fields_name_the_row(data_copy):
    row = plain_row(data_copy, "trade_facts.csv")
    set_cell(data_copy, "trade_facts.csv", row, "note", "one,two")
    found = messages(data_copy)
    assert found == [
        f"datasets/trade_facts.csv line {row} has 22 fields, the header has 21: "
        "extra field(s); a value with a comma needs quotes"
    ]


def test_empty_file(data_copy):
    (data_copy / "meetings.csv").write_bytes(b"")
    assert messages(data_copy) == ["datasets/meetings.csv is empty"]
    (data_copy / "meetings.csv").write_bytes(b"\n  \n")
    assert messages(data_copy) == ["datasets/meetings.csv is empty"]


def test_cp1251_and_invalid_utf8_name_the_line(data_copy):
    lines = (data_copy / "regions.csv").read_text(encoding="utf-8").split("\n")
    target = next(i for i, line in enumerate(lines) if "Москва" in line)
    raw = "\n".join(lines[:target]).encode() + b"\n" + lines[target].encode("cp1251")
    raw += b"\n" + "\n".join(lines[target + 1 :]).encode()
    (data_copy / "regions.csv").write_bytes(raw)
    found = messages(data_copy)
    assert len(found) == 1
    assert found[0].startswith(f"datasets/regions.csv line {target + 1} is not UTF-8 (byte 0x")
    assert "in column 'name_ru'" in found[0]
    facts = (data_copy / "trade_facts.csv").read_bytes().split(b"\n")
    facts[6] += b"\xff\xfe"
    (data_copy / "trade_facts.csv").write_bytes(b"\n".join(facts))
    assert "datasets/trade_facts.csv line 7 is not UTF-8 (byte 0xFF in column 'note'); save as UTF-8" in (
        messages(data_copy)
    )


def test_utf8_bom_and_crlf_are_fine(data_copy):
    raw = (data_copy / "sectors.csv").read_bytes()
    (data_copy / "sectors.csv").write_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    assert load_factbase(data_copy).sectors.equals(load_factbase(DEFAULT_DIR).sectors)


def test_duplicated_sector_facts_row(data_copy):
    lines = (data_copy / "sector_facts.csv").read_text(encoding="utf-8").split("\n")
    lines.insert(5, lines[2])
    (data_copy / "sector_facts.csv").write_text("\n".join(lines), encoding="utf-8")
    found = messages(data_copy)
    assert len(found) == 1 and found[0].startswith("datasets/sector_facts.csv, row 6, column 'sector_id'")
    assert found[0].endswith("duplicate row: the same values as row 3")


@pytest.mark.parametrize("name", ["sectors", "regions"])
def test_header_only_required_table_is_named(data_copy, name):
    file = TABLES[name].file
    header = (data_copy / file).read_text(encoding="utf-8").split("\n")[0]
    (data_copy / file).write_text(header + "\n", encoding="utf-8")
    found = [str(p) for p in validate_folder(data_copy)]
    assert found == [f"datasets/{file} has no rows; the dashboard cannot work without it"]


def header_only_folder(data_copy, keep=("sectors", "regions", "region_aliases")):
    for name in LOAD_ORDER:
        if name not in keep:
            file = data_copy / TABLES[name].file
            file.write_text(file.read_text(encoding="utf-8").split("\n")[0] + "\n", encoding="utf-8")
    return data_copy


def test_header_only_tables_load(data_copy):
    fb = load_factbase(header_only_folder(data_copy))
    assert fb.trade_facts.empty and fb.meetings.empty and len(fb.regions) > 80


PAGES = {
    "overview": ("overview_view", ["Trade over time", "Top regions", "Meeting agenda"]),
    "regions": (
        "regions_view",
        ["Region profile", "Meetings and goods", "Map", "Region table", "Federal districts"],
    ),
    "sectors": ("sectors_view", ["Overview", "Sector cards"]),
    "opportunities": (
        "opportunities_view",
        ["Regional potential (modelled)", "Potential map (modelled)", "Sector gaps", "Targets"],
    ),
    "meeting_analyzer": (None, [None]),
    "data_methods": (None, [None]),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_works_on_header_only_tables(data_copy, monkeypatch, page):
    import streamlit as st

    st.cache_resource.clear()  # results cached from the full data must not leak into this run
    monkeypatch.setenv("BYRU_DATA_DIR", str(header_only_folder(data_copy)))
    key, tabs = PAGES[page]
    for tab in tabs:
        at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=90)
        if tab:
            at.query_params[key] = tab
        at.run()
        at.switch_page(f"screens/{page}.py")
        at.run()
        assert not at.exception, (tab, [e.value for e in at.exception])
        assert not at.error, (tab, [e.value for e in at.error])
        if page != "data_methods":  # that page lists the tables and their row counts (0)
            assert at.info or at.caption, tab  # an empty state says why there is nothing
    st.cache_resource.clear()


def test_validate_row_for_inserts():
    ids = {"sectors": {"agri_food"}, "regions": {"RU-TA"}}
    row = {"meeting_id": "m1", "date": "2024-02-30", "date_basis": "page", "region_iso": "RU-TA",
           "level": "top", "by_side": "x", "sectors": "agri_food", "target_value": "nan",
           "source_url": "https://example.org/a"}  # fmt: skip
    found = [(p.column, p.reason) for p in validate_row(row, "meetings", ids)]
    assert found == [
        ("date", "2024-02-30 is not a date in the calendar"),
        ("target_value", "expected a number, got 'nan'"),
    ]


def test_line_break_inside_a_cell_names_the_row_and_column(data_copy):
    row = plain_row(data_copy, "meetings.csv")
    set_cell(data_copy, "meetings.csv", row, "by_side", "Minister\nof Industry")
    assert messages(data_copy) == [
        f"datasets/meetings.csv, row {row}, column 'by_side': a line break in this cell splits the row "
        f"over lines {row}-{row + 1}"
    ]


def test_carriage_return_inside_a_cell_names_the_row_and_column(data_copy):
    row = plain_row(data_copy, "meetings.csv")
    set_cell(data_copy, "meetings.csv", row, "by_side", "Minister\rof Industry")
    assert messages(data_copy) == [
        f"datasets/meetings.csv, row {row}, column 'by_side': a carriage return inside the cell"
    ]
