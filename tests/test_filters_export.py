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
    assert any("<script>" in w.values[0] for w in s.warnings)  # shown as inline code, never as HTML


def test_years_are_clipped_and_ordered():
    assert parse_filters({"years": "2030-1990"}, SECTORS, REGIONS, BOUNDS).years == BOUNDS
    assert parse_filters({"years": "2020-1990"}, SECTORS, REGIONS, BOUNDS).years == (2003, 2020)
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


# Issue 17, items 10-11: URL values shown literally, short and few; one rule with a notice for every change.


def test_notice_shows_values_as_inert_code_cut_and_counted():
    from analysis.data.filters import UrlNotice, notice_markdown

    hostile = [":red[x]", "a\n    b", "&lt;b&gt;", "x" * 10_000, "`tick`", "fifth"]
    md = notice_markdown(UrlNotice("Ignored unknown region values", tuple(hostile)))
    assert md == ("Ignored unknown region values: ` :red[x] `, ` a\\n    b `, ` &lt;b&gt; `, and 3 more")
    long = notice_markdown(UrlNotice("Ignored", ("x" * 10_000, "`tick`")))
    assert long == "Ignored: ` " + "x" * 39 + "… `, `` `tick` ``"
    assert "\n" not in notice_markdown(UrlNotice("Ignored", ("a\nb\r\tc",)))


def test_repeated_single_values_keep_the_first_with_a_notice():
    s = parse_filters({"side": ["RU", "BY"], "years": ["2019-2020", "2021-2022"]}, SECTORS, REGIONS, BOUNDS)
    assert s.side == "RU" and s.years == (2019, 2020)
    assert [str(w) for w in s.warnings] == [
        "Used the first years value; ignored the others: 2021-2022",
        "Used the first side value; ignored the others: BY",
    ]


def test_bad_value_then_good_one_uses_the_good_one():
    s = parse_filters({"side": ["EU", "BY"]}, SECTORS, REGIONS, BOUNDS)
    assert s.side == "BY" and [str(w) for w in s.warnings] == ["Ignored unknown side (expected BY or RU): EU"]


def test_out_of_range_years_are_narrowed_with_a_notice():
    s = parse_filters({"years": "2020-2030"}, SECTORS, REGIONS, BOUNDS)
    assert s.years == (2020, 2025)
    assert [str(w) for w in s.warnings] == ["Narrowed years to 2020–2025, the range of the data: 2020-2030"]
    assert parse_filters({"years": "2020-2024"}, SECTORS, REGIONS, BOUNDS).warnings == ()


def test_unknown_or_repeated_tab_gets_a_notice():
    from analysis.data.filters import check_choice

    tabs = ["Map", "Table"]
    assert check_choice({"view": ["Table"]}, "view", tabs) == []
    assert [str(n) for n in check_choice({"view": ["Chart"]}, "view", tabs)] == [
        "Ignored unknown view (showing Map): Chart"
    ]
    assert [str(n) for n in check_choice({"view": ["Chart", "Table"]}, "view", tabs)][0] == (
        "Ignored unknown view (showing Table): Chart"
    )
    assert [str(n) for n in check_choice({"view": ["Map", "Table"]}, "view", tabs)] == [
        "Used the first view; ignored the others: Table"
    ]


def test_year_range_covers_facts_and_meetings(fb):
    from analysis.data.filters import DEFAULT_YEARS, data_years

    lo, hi = data_years(fb.trade_facts, fb.meetings)
    meeting_years = fb.meetings.date.str[:4].astype(int)
    fact_years_ = fb.trade_facts.period.str[:4].astype(int)
    assert hi == max(meeting_years.max(), fact_years_.max()) and hi >= 2026
    assert lo == min(meeting_years.min(), fact_years_.min())
    assert data_years(fb.trade_facts.iloc[:0], fb.meetings.iloc[:0]) == DEFAULT_YEARS
