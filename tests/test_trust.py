"""Issue 13: numbers you can trust. One test per fault, with the value an analyst would check."""

from __future__ import annotations

import csv
import io
import re

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from analysis.data import catalog
from analysis.data.filters import FilterState, describe_filters, region_search_labels
from analysis.models import targets, trade
from analysis.output.export import to_csv_bytes, to_excel_bytes
from analysis.views import summaries
from dashboard import charts
from tests.factories import facts

YEARS = (2010, 2025)


def region_table(fb, f):
    return trade.region_table(trade.best_annual_figures(f), fb.regions, fb.fx_rates, YEARS).set_index(
        "iso_code"
    )


# Fault 1: growth only within one side -----------------------------------------------------------


def test_moscow_oblast_growth_is_never_ru_2024_against_by_2023(fb):
    """Was −22.2% (RU 7.0 bn 2024 against BY 9.0 bn 2023): now blank, with the reason."""
    best = trade.best_annual_figures(fb.trade_facts)
    mos = trade.region_table(best, fb.regions, fb.fx_rates, YEARS).set_index("iso_code").loc["RU-MOS"]
    assert (mos.latest_year, mos.side) == (2024, "RU")
    assert np.isnan(mos.growth_pct)
    assert mos.growth_note == "previous year (2023) only in Belarusian statistics"


def test_growth_uses_the_same_sides_previous_year_even_when_best_chose_the_other(fb):
    f = facts(
        [
            {"region_iso": "RU-KLU", "period": "2023", "flow": "turnover", "value_musd": 900, "side": "BY"},
            {"region_iso": "RU-KLU", "period": "2023", "flow": "turnover", "value_musd": 500, "side": "RU"},
            {"region_iso": "RU-KLU", "period": "2024", "flow": "turnover", "value_musd": 600, "side": "RU"},
        ]
    )
    klu = region_table(fb, f).loc["RU-KLU"]
    assert klu.side == "RU" and klu.growth_pct == pytest.approx(20.0)  # RU 600 against RU 500, not BY 900
    assert klu.growth_note == ""


def test_balance_never_mixes_sides(fb):
    f = facts(
        [
            {"region_iso": "RU-KLU", "period": "2024", "flow": "turnover", "value_musd": 600, "side": "BY"},
            {"region_iso": "RU-KLU", "period": "2024", "flow": "by_exports", "value_musd": 400, "side": "BY"},
            {"region_iso": "RU-KLU", "period": "2024", "flow": "by_imports", "value_musd": 150, "side": "RU"},
        ]
    )
    klu = region_table(fb, f).loc["RU-KLU"]
    assert klu.exports_musd == 400 and np.isnan(klu.imports_musd) and np.isnan(klu.balance_musd)
    assert klu.balance_note == "exports and imports not both reported on this side"


def test_target_growth_stays_on_one_side():
    meetings = pd.DataFrame(
        [{"region_iso": "RU-A", "date": "2024-01-10", "target_value": 1.0, "target_unit": "billion",
          "target_currency": "USD", "target_year": 2026, "target_note": "", "source_url": "https://t/1"}]
    )  # fmt: skip
    best = pd.DataFrame(
        [("RU-A", 2022, 100.0, "BY"), ("RU-A", 2023, 900.0, "RU")],
        columns=["region_iso", "year", "value_musd", "side"],
    ).assign(flow="turnover", source_url="https://a")
    tp = targets.target_progress(meetings, best).iloc[0]
    assert np.isnan(tp.recent_cagr_pct)  # 100 BY → 900 RU is not growth (was +800%)
    assert tp.actual_side == "RU"


# Fault 3: zero base ------------------------------------------------------------------------------


def test_growth_from_a_zero_base_is_blank_with_reason_in_table_file_and_map(fb):
    f = facts(
        [
            {"region_iso": "RU-KLU", "period": "2023", "flow": "turnover", "value_musd": 0.0, "side": "BY"},
            {"region_iso": "RU-KLU", "period": "2024", "flow": "turnover", "value_musd": 12.0, "side": "BY"},
        ]
    )
    table = region_table(fb, f)
    klu = table.loc["RU-KLU"]
    assert np.isnan(klu.growth_pct) and klu.growth_note == "previous year is zero: no growth rate"
    text = to_csv_bytes(table.reset_index()).decode("utf-8-sig")
    assert "inf" not in text.lower()
    fig = charts.bubble_map.__wrapped__(table.reset_index().dropna(subset=["turnover_musd"]), "growth", None)
    spec = fig.to_plotly_json()
    assert "inf" not in str(spec).lower()
    assert [t["name"] for t in spec["data"]] == ["growth", "no growth figure"]


def test_files_never_hold_inf_or_nan_text():
    df = pd.DataFrame({"x_pct": [np.inf, -np.inf, np.nan, 1.5], "name": ["a", "b", "c", "d"]})
    text = to_csv_bytes(df).decode("utf-8-sig")
    assert text.splitlines()[1:] == [",a", ",b", ",c", "1.5,d"]
    ws = load_workbook(io.BytesIO(to_excel_bytes(df))).active
    assert [ws.cell(row=i, column=1).value for i in range(2, 6)] == [None, None, None, 1.5]


# Fault 4: integers stay integers -----------------------------------------------------------------


def test_region_table_csv_writes_2024_not_2024_0(fb):
    table = trade.region_table(trade.best_annual_figures(fb.trade_facts), fb.regions, fb.fx_rates, YEARS)
    rows = list(csv.DictReader(io.StringIO(to_csv_bytes(table).decode("utf-8-sig"))))
    mos = next(r for r in rows if r["iso_code"] == "RU-MOS")
    assert mos["latest_year"] == "2024"
    assert all("." not in r["latest_year"] for r in rows)
    assert any(r["latest_year"] == "" for r in rows)  # regions without a figure: blank, not 0 or nan


def test_target_years_are_whole_numbers_in_the_file(fb):
    tp = targets.target_progress(fb.meetings, trade.best_annual_figures(fb.trade_facts))
    rows = list(csv.DictReader(io.StringIO(to_csv_bytes(tp).decode("utf-8-sig"))))
    for col in ("target_year", "years_left", "latest_year"):
        assert all(r[col] == "" or r[col].lstrip("-").isdigit() for r in rows), col


# Fault 2: no figure has its own look -------------------------------------------------------------


def test_map_no_growth_bubbles_are_hollow_grey_with_legend_entry(fb):
    best = trade.best_annual_figures(fb.trade_facts)
    table = trade.region_table(best, fb.regions, fb.fx_rates, YEARS)
    points = table[table.turnover_musd.notna()]
    fig = charts.bubble_map.__wrapped__(points.reset_index(drop=True), "growth", None)
    with_fig, without = fig.data
    assert without.name == "no growth figure" and without.marker.color == "rgba(0,0,0,0)"
    assert len(without.x) == points.growth_pct.isna().sum()
    assert len(with_fig.x) == points.growth_pct.notna().sum()
    assert 0 not in [c for c in with_fig.marker.color if c is None]  # missing never coloured as 0


def test_district_without_figures_is_marked_no_figure_not_zero():
    table = pd.DataFrame(
        {"federal_district": ["Central", "Central", "Central", "Far Eastern"], "side": ["BY", "RU", "BY", ""],
         "latest_year": pd.array([2024, 2023, 2022, None], dtype="Int64"),
         "turnover_musd": [900.0, 300.0, 100.0, np.nan]}
    )  # fmt: skip
    roll = trade.district_rollup(table)
    assert roll[["federal_district", "side", "turnover_musd", "years"]].values.tolist()[:2] == [
        ["Central", "BY", 1000.0, "2022–2024"],
        ["Central", "RU", 300.0, "2023"],
    ]  # fmt: skip  (sides never added: not 1300)
    fig = charts.district_bars.__wrapped__(roll)
    assert [t.name for t in fig.data] == ["BY statistics", "RU statistics", "no figure"]
    assert list(fig.data[2].x) == ["Far Eastern"]


# Fault 11: chronological axis, one colour per side, no lines across gaps --------------------------


def test_profile_chart_years_in_order_sides_in_own_colours(fb):
    series = trade.region_series(trade.best_annual_figures(fb.trade_facts), "RU-TA")
    fig = charts.flow_bars.__wrapped__(series)
    assert fig.layout.xaxis.type == "linear"
    bars = [t for t in fig.data if t.type == "bar"]
    for t in bars:
        assert list(t.x) == sorted(t.x)
    colours = {t.name.split(" · ")[1]: t.marker.color for t in bars}
    assert colours["RU"] != colours.get("BY", colours["RU"]) or set(colours) == {"RU"}
    assert {t.name for t in fig.data} >= {"no bar = no figure that year"}


def test_national_line_breaks_where_years_are_missing():
    nat = pd.DataFrame(
        {"year": [1996, 2009, 2010], "side": "BY", "flow": "turnover", "value_musd": [6500.0, 23300.0, 28000.0],
         "source_url": "u"}
    )  # fmt: skip
    fig = charts.national_lines.__wrapped__(nat)
    line = fig.data[0]
    assert list(line.x) == list(range(1996, 2011))
    assert line.y[0] == 6.5 and line.y[1] is None and line.y[-1] == 28.0  # billion USD, gap kept
    assert fig.layout.yaxis.title.text == "billion USD"
    assert any(t.name.startswith("break in a line") for t in fig.data)


# Fault 12: KPI cards from one year ---------------------------------------------------------------


def test_kpis_show_each_flows_latest_full_year_on_the_side():
    """Was: all four cards at 2020 (the latest year with all four) although BY turnover 2025 exists."""
    f = facts(
        [
            {"region_iso": "RU", "period": "2020", "flow": "turnover", "value_musd": 30000, "side": "BY"},
            {"region_iso": "RU", "period": "2020", "flow": "by_exports", "value_musd": 13000, "side": "BY"},
            {"region_iso": "RU", "period": "2020", "flow": "by_imports", "value_musd": 17000, "side": "BY"},
            {"region_iso": "RU", "period": "2021", "flow": "by_exports", "value_musd": 16000, "side": "BY"},
            {"region_iso": "RU", "period": "2022", "flow": "by_exports", "value_musd": 20000, "side": "BY"},
            {"region_iso": "RU", "period": "2024", "flow": "turnover", "value_musd": 50000, "side": "BY"},
            {"region_iso": "RU", "period": "2025", "flow": "turnover", "value_musd": 55000, "side": "BY"},
            # Neither the other side's 2024 nor a 2026 part-year may enter a BY card or its change.
            {"region_iso": "RU", "period": "2024", "flow": "turnover", "value_musd": 40000, "side": "RU"},
            {
                "region_iso": "RU",
                "period": "2026-01..06",
                "flow": "turnover",
                "value_musd": 30000,
                "side": "BY",
            },
            {"region_iso": "RU", "period": "2023", "flow": "by_imports", "value_musd": 21000, "side": "RU"},
        ]
    )
    k = trade.latest_kpis(trade.national_series(f), "BY").set_index("flow")
    assert k.year.to_dict() == {"turnover": 2025, "by_exports": 2022, "by_imports": 2020, "balance": 2020}
    assert k.at["turnover", "value_musd"] == 55000
    assert k.at["turnover", "change_pct"] == pytest.approx(10.0)  # 55 000 / 50 000 (BY 2024), not RU 40 000
    assert k.at["by_exports", "change_pct"] == pytest.approx(25.0)  # 20 000 / 16 000 (BY 2021)
    assert np.isnan(k.at["by_imports", "change_pct"])  # no BY 2019; RU 2023 is another side
    assert k.at["by_imports", "change_note"] == "no figure for the previous year"
    assert k.at["balance", "value_musd"] == -4000  # BY exports 2020 − BY imports 2020, the same year and side
    assert not k.common_year.any()  # the page says the years differ


def test_kpi_balance_only_from_one_year_and_side():
    """Exports of 2022 and imports of 2020 (or of the other side) never make a balance card."""
    f = facts(
        [
            {"region_iso": "RU", "period": "2022", "flow": "by_exports", "value_musd": 20000, "side": "BY"},
            {"region_iso": "RU", "period": "2020", "flow": "by_imports", "value_musd": 17000, "side": "BY"},
            {"region_iso": "RU", "period": "2022", "flow": "by_imports", "value_musd": 21000, "side": "RU"},
        ]
    )
    k = trade.latest_kpis(trade.national_series(f), "BY")
    assert sorted(k.flow) == ["by_exports", "by_imports"]  # no balance card


def test_kpis_share_a_year_when_all_four_are_latest_together():
    f = facts(
        [
            {"region_iso": "RU", "period": str(y), "flow": fl, "value_musd": v, "side": "RU"}
            for y, fl, v in [
                (2022, "turnover", 45000), (2022, "by_exports", 22000), (2022, "by_imports", 21300),
                (2023, "turnover", 46500), (2023, "by_exports", 23900), (2023, "by_imports", 22600),
            ]
        ]
    )  # fmt: skip
    k = trade.latest_kpis(trade.national_series(f), "RU").set_index("flow")
    assert set(k.year) == {2023} and k.common_year.all()
    assert k.at["balance", "value_musd"] == pytest.approx(1300)  # 23 900 − 22 600
    assert k.at["turnover", "change_pct"] == pytest.approx(3.3333, abs=1e-4)  # 46 500 / 45 000


# Fault 5: rouble figures stay visible -------------------------------------------------------------


def test_penza_2024_in_roubles_is_listed_and_kept_out_of_usd_sums(fb):
    rub = trade.no_usd_figures(fb.trade_facts, "RU-PNZ")
    row = rub[rub.period == "2024"].iloc[0]
    assert (row.value, row.unit, row.currency) == (8.7, "billion", "RUB")
    assert row.usd_note == "no USD value: no rate on file"
    best = trade.best_annual_figures(fb.trade_facts)
    assert 2024 not in best[best.region_iso == "RU-PNZ"].year.tolist()
    text = summaries.region_summary(fb, best, "RU-PNZ").text
    assert "RUB 8.7 bn" in text and "no rate on file" in text
    back = pd.read_csv(io.BytesIO(to_csv_bytes(rub)), encoding="utf-8-sig")
    assert back.currency.tolist()[0] == "RUB"


# Fault 9: conflicting sources are marked -------------------------------------------------------------


def test_tatarstan_2022_says_two_sources_differ(fb):
    best = trade.best_annual_figures(fb.trade_facts).set_index(["region_iso", "year", "flow"])
    ta = best.loc[("RU-TA", 2022, "turnover")]
    assert ta.value_musd == 800 and ta.differ_note == "2 sources differ"
    assert ta.alt_value_musd == 1000 and "s-kondrashov" in ta.alt_source_url
    fig = charts.flow_bars.__wrapped__(trade.region_series(best.reset_index(), "RU-TA"))
    hover = [c[1] for t in fig.data if t.type == "bar" for c in t.customdata]
    assert any("2 sources differ: other figure $1.0 bn" in h for h in hover)
    assert "2 sources differ" in trade.__doc__ or "sources differ" in trade.__doc__


def test_same_value_from_two_sources_is_no_conflict():
    f = facts(
        [
            {"region_iso": "RU-KLU", "period": "2022", "flow": "turnover", "value_musd": 654, "side": "BY"},
            {"region_iso": "RU-KLU", "period": "2022", "flow": "turnover", "value_musd": 654, "side": "BY"},
        ]
    )
    assert trade.best_annual_figures(f).differ_note.tolist() == [""]


# Fault 10: ranges stay ranges ----------------------------------------------------------------------


def test_tatarstan_range_target_keeps_both_ends(fb):
    tp = targets.target_progress(fb.meetings, trade.best_annual_figures(fb.trade_facts))
    ta = tp[(tp.region_iso == "RU-TA") & (tp.set_on == "2026-02-05")].iloc[0]
    assert (ta.target_low_musd, ta.target_musd) == (1500.0, 2000.0)
    assert ta.progress_against == "the high end ($2.0 bn) of the range"
    assert ta.progress_low_pct == pytest.approx(ta.latest_actual_musd / 1500 * 100)
    label = charts.target_labels(tp[(tp.region_iso == "RU-TA") & (tp.set_on == "2026-02-05")])
    assert label == ["$1.5 bn–$2.0 bn"]


# Fault 7: region search by any name -------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["Кузбасс", "Kuzbass", "Кемерово"])
def test_region_filter_label_finds_kemerovo_by_alias(fb, typed):
    labels = region_search_labels(fb.regions, fb.region_aliases)
    hits = [iso for iso, lab in labels.items() if typed.casefold() in lab.casefold()]
    assert hits == ["RU-KEM"]


@pytest.mark.parametrize("typed", ["Казань", "Kazan", "Татарстан"])
def test_region_filter_label_finds_tatarstan_by_capital(fb, typed):
    labels = region_search_labels(fb.regions, fb.region_aliases)
    assert "RU-TA" in [iso for iso, lab in labels.items() if typed.casefold() in lab.casefold()]
    assert labels["RU-TA"].startswith("Republic of Tatarstan · Volga FD")


# Fault 8: xlsx for the analyst, CSV for machines -------------------------------------------------------


def test_xlsx_numbers_numeric_codes_text_header_bold_frozen_about_sheet():
    df = pd.DataFrame(
        {"hs_chapter": ["04", "84"], "period": ["2024", "2023-01..11"], "turnover_musd": [1234.5, np.nan],
         "latest_year": pd.array([2024, None], dtype="Int64"), "source_url": ["https://a", "https://b"]}
    )  # fmt: skip
    about = {"filters applied": "Region: Kalmykia", "licence": "MIT"}
    wb = load_workbook(io.BytesIO(to_excel_bytes(df, "region-table", about)))
    assert wb.sheetnames == ["region-table", "About"]
    ws = wb["region-table"]
    assert ws["A2"].value == "04" and ws["A2"].data_type == "s" and ws["A2"].number_format == "@"
    assert ws["B2"].value == "2024" and ws["B2"].data_type == "s"
    assert ws["C2"].value == 1234.5 and ws["C2"].data_type == "n" and ws["C2"].number_format != "General"
    assert ws["C3"].value is None
    assert ws["D2"].value == 2024 and ws["D2"].number_format == "0"
    assert ws["C1"].value == "turnover_musd (million USD)" and ws["C1"].font.bold
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["E"].width >= len("source_url")
    about_cells = {r[0].value: r[1].value for r in wb["About"].iter_rows(max_col=2) if r[0].value}
    assert about_cells["filters applied"] == "Region: Kalmykia" and about_cells["licence"] == "MIT"
    assert "exported (UTC)" in about_cells
    assert "https://b" in [r[1].value for r in wb["About"].iter_rows(max_col=2)]


def test_csv_is_a_clean_data_file():
    df = pd.DataFrame({"hs_chapter": ["04"], "value_musd": [1.5], "name_ru": ["Калмыкия"]})
    raw = to_csv_bytes(df)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines() == ["hs_chapter,value_musd,name_ru", "04,1.5,Калмыкия"]


def test_about_filters_in_words():
    s = FilterState(("pharma",), ("RU-KL",), (2019, 2024), "RU")
    text = describe_filters(s, (2003, 2025), {"RU-KL": "Kalmykia"}.get, {"pharma": "Pharmaceuticals"}.get)
    assert text == (
        "Sector: Pharmaceuticals · Region: Kalmykia · Years: 2019–2024 · Statistics side: Russian statistics"
    )


# Fault 13: data as of ------------------------------------------------------------------------------


def test_data_as_of_gives_newest_record_and_last_curation(fb):
    as_of = catalog.data_as_of(fb)
    newest = max(
        [fb.trade_facts.published.max(), fb.meetings.date.max(), fb.product_mentions.published.max()]
    )
    assert as_of["newest record"] >= newest[:10] or as_of["newest record"] == newest
    assert as_of["newest full-year trade figure"] == "2025"
    assert len(as_of["last curated"]) == 10
    assert catalog.data_as_of_line(as_of).startswith("Data as of: newest record ")


@pytest.mark.parametrize(
    ("note", "value", "low"),
    [
        ("turnover 1.5-2 bn USD per year", "2", "1.5"),
        ("exceed 315–320 mn USD turnover in 2025", "320", "315"),
        ("reach 1 bn USD", "1", ""),  # no range
        ("turnover 1.5-2 bn USD per year", "3", ""),  # the note's range is not this target
        ("grew 2019-2023 to 1 bn", "1", ""),  # years are not a range of money
    ],
)
def test_build_reads_the_low_end_of_a_range_target(note, value, low):
    from datasets.build.adopt_reference import target_low

    assert target_low(note, value) == low


def test_dataset_notes_speak_of_sources_not_of_how_the_project_was_built():
    words = ("contract", "issue", "branch", "merge", "ticket", "todo")
    for table, notes in catalog.TABLE_NOTES.items():
        text = " ".join(notes).lower()
        assert not [w for w in words if re.search(rf"\b{w}\b", text)], table
