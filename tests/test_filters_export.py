"""URL filter parsing and downloads (formula injection, precision, Excel, file names)."""

import io

import pandas as pd

from analysis.data.filters import FilterState, parse_filters, to_query_params
from analysis.output.export import export_filename, neutralise_cell, to_csv_bytes, to_excel_bytes

SECTORS = ["agri_machinery", "pharma"]
REGIONS = ["RU-KL", "RU-KLU"]
BOUNDS = (2003, 2025)


def test_parse_valid_params():
    s = parse_filters(
        {"sector": ["agri_machinery"], "region": "RU-KL,RU-KLU", "years": "2019-2024", "side": "RU"},
        SECTORS,
        REGIONS,
        BOUNDS,
    )
    assert s == FilterState(("agri_machinery",), ("RU-KL", "RU-KLU"), (2019, 2024), "RU")
    assert s.warnings == ()
    assert s.side_choice == "RU"


def test_unknown_and_malformed_values_are_dropped_with_warnings():
    s = parse_filters(
        {"sector": ["<script>alert(1)</script>", "pharma"], "region": "RU-XX", "years": "twenty", "side": "EU"},
        SECTORS, REGIONS, BOUNDS,
    )  # fmt: skip
    assert s.sectors == ("pharma",) and s.regions == () and s.years == BOUNDS and s.side is None
    assert len(s.warnings) == 4
    assert any("<script>" in w for w in s.warnings)  # shown as text by st.warning, never as HTML


def test_years_are_clipped_and_ordered():
    assert parse_filters({"years": "2030-1990"}, SECTORS, REGIONS, BOUNDS).years == BOUNDS
    assert parse_filters({"years": "2022"}, SECTORS, REGIONS, BOUNDS).years == (2022, 2022)
    s = parse_filters({"years": "1950-1960"}, SECTORS, REGIONS, BOUNDS)
    assert s.years == BOUNDS and s.warnings


def test_query_params_round_trip_and_defaults_left_out():
    s = FilterState(("agri_machinery",), ("RU-KL",), (2019, 2024), "BY")
    q = to_query_params(s, BOUNDS)
    assert q == {"sector": ["agri_machinery"], "region": ["RU-KL"], "years": "2019-2024", "side": "BY"}
    assert parse_filters(q, SECTORS, REGIONS, BOUNDS) == s
    assert to_query_params(FilterState(years=BOUNDS), BOUNDS) == {}


def test_formula_cells_are_neutralised_numbers_kept():
    assert neutralise_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    for bad in ("+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise_cell(bad).startswith("'")
    assert neutralise_cell(-5.25) == -5.25
    assert neutralise_cell("Kaluga") == "Kaluga"


def test_csv_keeps_full_precision_and_is_safe():
    df = pd.DataFrame(
        {
            "name": ["=cmd|' /C calc'!A0", "Калмыкия"],
            "value_musd": [38607.6123456789, -60.0],
            "unit": "million USD",
        }
    )
    text = to_csv_bytes(df).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text))
    assert back.value_musd.tolist() == [38607.6123456789, -60.0]
    assert back.name.tolist() == ["'=cmd|' /C calc'!A0", "Калмыкия"]


def test_excel_has_the_same_rows():
    df = pd.DataFrame({"region": ["RU-KL", "@x"], "value_musd": [3.0, 654.123456]})
    back = pd.read_excel(io.BytesIO(to_excel_bytes(df, "region-table")))
    assert back.region.tolist() == ["RU-KL", "'@x"]
    assert back["value_musd (million USD)"].tolist() == [3.0, 654.123456]


def test_file_names_say_what_and_which_filters():
    name = export_filename("Top regions", {"region": "RU-KL", "years": "2019-2024"}, "csv")
    assert name == "top-regions_region-RU-KL_years-2019-2024.csv"
    assert export_filename("x", {"sector": "a/b<c>"}, "xlsx").endswith(".xlsx")
    assert "/" not in export_filename("x", {"sector": "a/b<c>"}, "xlsx")
