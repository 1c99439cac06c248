"""AppTest for every page: filters through widgets and query parameters, chart data = analysis output."""

from __future__ import annotations

import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from analysis.data import catalog
from analysis.data.filters import data_years, fact_years
from analysis.models import potential, targets, trade
from analysis.models.opportunities import sector_matrix
from analysis.views import opportunity_views, overview, profile, sector_cards
from dashboard import charts
from tests.apptest import APP, chart, decode, run_page


def download_labels(at: AppTest) -> list[str]:
    return [d.proto.label for d in at.get("download_button")]


def assert_downloads(at: AppTest, min_pairs: int) -> None:
    labels = download_labels(at)
    assert sum("CSV" in x for x in labels) >= min_pairs
    assert sum("Excel" in x for x in labels) >= min_pairs


def test_overview_default(fb):
    at = run_page()
    assert at.title[0].value.startswith("Belarus ⇄ Russian regions")
    spec = chart(at, 0)
    nat = overview.national_view(trade.national_series(fb.trade_facts), fact_years(fb.trade_facts))
    by_turnover = nat[(nat.side == "BY") & (nat.flow == "turnover")]
    trace = next(t for t in spec["data"] if t["name"] == "Turnover · BY")
    gaps = charts.with_gaps(by_turnover)  # every year from first to last; missing ones break the line
    assert list(trace["y"]) == [None if v != v else v / 1000 for v in gaps.value_musd]  # billion USD
    assert decode(trace["x"]).tolist() == gaps.year.tolist()
    assert spec["layout"]["yaxis"]["title"]["text"] == "billion USD"
    assert_downloads(at, 1)
    sources = next(e for e in at.expander if e.label == "Sources")
    assert not sources.markdown  # closed: its links are neither built nor sent
    at.session_state["sources_national"] = True  # what opening it does
    at.run()
    sources = next(e for e in at.expander if e.label == "Sources")
    urls = list(dict.fromkeys(u for cell in nat.source_url for u in cell.split(trade.SOURCE_SEPARATOR)))
    assert nat.source_url.notna().all()  # derived balances name the facts they come from
    assert sources.caption[0].value.startswith(f"{len(urls)} sources behind")
    assert f"(<{urls[0]}>)" in sources.markdown[0].value  # every number traces to a link under the chart


def test_overview_top_regions_tab(fb):
    at = run_page(overview_view="Top regions")
    top = overview.top_regions(  # the first chart is the Belarusian-statistics ranking
        trade.best_annual_figures(fb.trade_facts, "BY"), fb.regions, fb.fx_rates, fact_years(fb.trade_facts)
    )
    bars = chart(at, 0)["data"][0]
    assert decode(bars["x"]).tolist() == top.turnover_musd.tolist()
    assert list(bars["y"]) == [f"#{r} {n}" for r, n in zip(top["rank"], top.name_en, strict=True)]
    assert_downloads(at, 1)
    at = run_page(overview_view="Meeting agenda", region="RU-KL")
    agenda = overview.agenda_coverage(fb, fact_years(fb.trade_facts), ("RU-KL",))
    bars = chart(at, 0)["data"][0]
    assert decode(bars["x"]).tolist() == agenda.n_meetings.tolist()
    latest = overview.latest_meeting(fb, fact_years(fb.trade_facts), ("RU-KL",))
    assert any(h.value == "Latest meeting in this selection" for h in at.subheader)
    assert any(latest["summary"] in m.value for m in at.markdown)


def test_overview_region_from_url_and_side_from_widget(fb):
    at = run_page(region="RU-KL")
    assert any("Region in focus: Republic of Kalmykia" in s.value for s in at.subheader)
    at.radio(key="f_side").set_value("RU").run()
    assert at.query_params["side"] == "RU"
    assert all(m.label.endswith(" · RU") for m in at.metric)
    kpis = trade.latest_kpis(
        overview.national_view(trade.national_series(fb.trade_facts), fact_years(fb.trade_facts)), "RU"
    )
    turnover = next(m for m in at.metric if m.label.startswith("Turnover"))
    assert turnover.label == f"Turnover {kpis.set_index('flow').at['turnover', 'year']} · RU"


def test_bad_query_params_warn_as_text():
    at = run_page(sector="<b>bogus</b>", region="[x](javascript:alert(1))", years="abc", side="XX")
    warnings = [w.value for w in at.warning]
    # Markup from the URL is inline code, so it shows literally instead of rendering as HTML or a link.
    assert "Ignored unknown sector value: ` <b>bogus</b> `" in warnings
    assert "Ignored unknown region value: ` [x](javascript:alert(1)) `" in warnings
    assert any("malformed years" in w for w in warnings)
    assert any("unknown side" in w for w in warnings)
    assert "sector" not in at.query_params


def test_regions_page_default_profile_is_the_region_met_last(fb):
    at = run_page("screens/regions.py")
    latest = fb.meetings[fb.meetings.region_iso.str.startswith("RU-")].sort_values("date").iloc[-1]
    name = fb.regions.set_index("iso_code").at[latest.region_iso, "name_en"]
    assert profile.default_region(fb) == latest.region_iso
    assert any(h.value == f"Profile: {name}" for h in at.header)


def test_regions_profile_choice_lives_in_the_url():
    at = run_page("screens/regions.py", profile="RU-TA")
    assert any(h.value == "Profile: Republic of Tatarstan" for h in at.header)
    at.selectbox(key="profile").set_value("RU-BA").run()
    assert at.query_params["profile"] == "RU-BA"
    assert any(h.value == "Profile: Republic of Bashkortostan" for h in at.header)
    at = run_page("screens/regions.py", profile="<b>nope</b>")
    assert any("URL parameter profile: `<b>nope</b>` was ignored" in w.value for w in at.warning)


def test_regions_page_profile_and_map(fb):
    at = run_page("screens/regions.py", profile="RU-KL")
    assert any(h.value == "Profile: Republic of Kalmykia" for h in at.header)
    series = trade.region_series(trade.best_annual_figures(fb.trade_facts), "RU-KL")
    bars = chart(at, 0)["data"][0]
    side = bars["name"].split(" · ")[1]  # one trace per flow and side, turnover first
    turnover = series[(series.flow == "turnover") & (series.side == side)]
    assert decode(bars["y"]).tolist() == turnover.value_musd.tolist()
    assert decode(bars["x"]).tolist() == sorted(turnover.year.tolist())  # chronological
    assert_downloads(at, 1)
    at = run_page("screens/regions.py", regions_view="Meetings and goods", profile="RU-KL")
    assert any(h.value == "Profile: Republic of Kalmykia" for h in at.header)
    discussed = profile.sectors_discussed(fb, "RU-KL", fact_years(fb.trade_facts))
    assert decode(chart(at, 0)["data"][0]["x"]).tolist() == discussed.n_meetings.tolist()
    assert_downloads(at, 3)
    table = trade.region_table(
        trade.best_annual_figures(fb.trade_facts), fb.regions, fb.fx_rates, fact_years(fb.trade_facts)
    )
    at = run_page("screens/regions.py", regions_view="Map")
    points = profile.map_rows(table)
    traces = chart(at, 0)["data"]
    assert traces[0]["mode"] == "lines"  # region outlines from the shipped boundary file
    coloured, hollow = [t for t in traces if t["mode"] == "markers"][:2]
    with_growth = points[points.growth_pct.notna()]
    assert decode(coloured["x"]).tolist() == with_growth.lon.tolist()
    assert list(coloured["text"]) == with_growth.name_en.tolist()
    assert hollow["name"] == "no growth figure"
    assert list(hollow["text"]) == points[points.growth_pct.isna()].name_en.tolist()
    assert_downloads(at, 1)
    at = run_page("screens/regions.py", regions_view="Region table")
    assert at.dataframe[0].value.iso_code.tolist() == table.iso_code.tolist()
    assert_downloads(at, 1)


def test_region_profile_partial_figures_open_on_demand(fb):
    at = run_page("screens/regions.py", region="RU-IRK")
    box = next(e for e in at.expander if e.label == "Partial-year and other reported figures")
    assert not box.dataframe  # closed: nothing built or sent
    at.session_state["more_partial"] = True
    at.run()
    box = next(e for e in at.expander if e.label == "Partial-year and other reported figures")
    expected = trade.partial_year_figures(fb.trade_facts, "RU-IRK")
    assert len(box.dataframe[0].value) == len(expected) == 4
    assert box.caption[0].value.startswith("4 figures for part of a year")
    assert sum("CSV" in d.proto.label for d in box.get("download_button")) == 1


def test_regions_filter_by_widget_and_years_by_url(fb):
    at = run_page("screens/regions.py", years="2019-2024", regions_view="Region table")
    at.multiselect(key="f_region").set_value(["RU-KLU", "RU-TA"]).run()
    assert sorted(at.query_params["region"]) == ["RU-KLU", "RU-TA"]
    assert at.query_params["years"] == "2019-2024"
    assert at.query_params["regions_view"] == "Region table"  # the tab stays in the URL next to the filters
    shown = at.dataframe[0].value
    assert sorted(shown.iso_code) == ["RU-KLU", "RU-TA"]
    best = trade.best_annual_figures(fb.trade_facts)
    expected = (
        trade.region_table(best, fb.regions, fb.fx_rates, (2019, 2024))
        .set_index("iso_code")
        .loc[["RU-KLU", "RU-TA"]]
    )
    assert (
        shown.set_index("iso_code").turnover_musd.sort_index().tolist()
        == expected.turnover_musd.sort_index().tolist()
    )
    at = run_page("screens/regions.py", region=["RU-KLU", "RU-TA"])
    assert any(h.value == "Profile: Kaluga Oblast" for h in at.header)


def test_sectors_page_filtered_by_url(fb):
    at = run_page("screens/sectors.py", sector="pharma")
    matrix = sector_matrix(fb, fact_years(fb.trade_facts))
    expected = sector_cards.sector_overview(fb, matrix, ("pharma",))
    bars = chart(at, 0)["data"]
    assert decode(bars[0]["x"]).tolist() == expected.regions_traded.tolist()
    assert decode(bars[1]["x"]).tolist() == expected.regions_discussed_not_traded.tolist()
    assert_downloads(at, 1)
    assert not at.dataframe  # the table view is built only when its expander is opened
    at.session_state["more_sector_table"] = True
    at.run()
    assert at.dataframe[0].value.regions_traded.tolist() == expected.regions_traded.tolist()
    assert len(download_labels(at)) == 2  # the table repeats the chart's rows, so no second pair of buttons
    at = run_page("screens/sectors.py", sector="pharma", sectors_view="Sector cards")
    assert [s.value for s in at.subheader] == ["Sector cards", "Pharmaceuticals"]
    assert_downloads(at, 2)


def test_sectors_page_lead_sectors_first():
    at = run_page("screens/sectors.py", sectors_view="Sector cards")
    names = [s.value for s in at.subheader if s.value != "Sector cards"]
    assert names[:7] == ["Mechanical engineering", "Agricultural machinery", "Trucks and vehicles", "High-tech transport",
                         "Pharmaceuticals", "Agriculture and food", "Construction"]  # fmt: skip
    assert len(names) == 21


def test_opportunities_page_numbers_match_functions(fb):
    at = run_page("screens/opportunities.py", years="2015-2025")
    economy = potential.region_economy(fb.region_indicators, fb.region_foreign_trade)
    g = potential.fit_gravity(trade.best_annual_figures(fb.trade_facts), fb.regions, (2015, 2025), economy)
    ranking = opportunity_views.potential_ranking(g).head(20)
    spec = chart(at, 0)
    actual, expected = spec["data"][0], spec["data"][1]
    assert list(expected["y"]) == ranking.name_en.tolist()
    assert decode(expected["x"]) == pytest.approx(ranking.expected_musd.to_numpy())
    assert decode(actual["x"]) == pytest.approx(ranking.actual_musd.to_numpy())
    assert any(m.value == opportunity_views.fit_summary(g) for m in at.markdown)
    # The first line under the heading names the method and its inputs; the fit line names both models.
    assert at.markdown[0].value == opportunity_views.METHOD_LINE and "PPML" in at.markdown[0].value
    assert f"**{g.spec}**" in opportunity_views.fit_summary(
        g
    ) and "Replaced model: population + distance" in (opportunity_views.fit_summary(g))
    assert f"**{g.n} regions**" in opportunity_views.fit_summary(g)
    assert any("Modelled, not reported" in c.value for c in at.caption)
    assert_downloads(at, 1)
    at.session_state["more_method"] = True  # opening "Method, coefficients and caveats"
    at.run()
    assert at.dataframe[0].value.term.tolist() == g.coefficients.term.tolist()
    assert at.dataframe[1].value.spec.tolist() == g.candidates.spec.tolist()
    assert_downloads(at, 3)
    at = run_page(
        "screens/opportunities.py", years="2015-2025", opportunities_view="Potential map (modelled)"
    )
    pts = opportunity_views.potential_map_rows(opportunity_views.potential_ranking(g))
    trace = chart(at, 0)["data"][0]
    assert list(trace["text"]) == pts.name_en.tolist()
    assert decode(trace["marker"]["color"]) == pytest.approx(pts.balance_musd.to_numpy())
    assert_downloads(at, 1)


def test_opportunities_gap_heatmap_and_targets(fb):
    at = run_page("screens/opportunities.py", region="RU-KL", opportunities_view="Sector gaps")
    heat = chart(at, 0)["data"][0]
    assert heat["type"] == "heatmap"
    view = opportunity_views.matrix_view(sector_matrix(fb, fact_years(fb.trade_facts)), ("RU-KL",))
    expected = opportunity_views.heatmap_frame(opportunity_views.heatmap_rows(view), lambda iso: iso)
    assert list(heat["x"]) == list(expected.columns)
    assert np.asarray(decode(heat["z"])).reshape(expected.shape).tolist() == expected.to_numpy().tolist()
    assert any("select a row" in m.value for m in at.markdown)
    assert_downloads(at, 2)
    at = run_page("screens/opportunities.py", opportunities_view="Targets")
    tp = targets.target_progress(fb.meetings, trade.best_annual_figures(fb.trade_facts))
    bars = chart(at, 0)["data"][0]
    assert list(decode(bars["x"])) == charts.plain(tp.progress_pct.clip(upper=200))  # no figure: None, not 0


def test_meeting_analyzer_empty_then_text():
    at = run_page("screens/meeting_analyzer.py")
    assert any("Nothing to analyse yet" in i.value for i in at.info)
    at.text_area(key="report_text").input(
        "Minsk, 3 April 2023. Trade with Kaluga Oblast reached almost $654 million in 2022. "
        "The sides discussed pharmaceuticals and direct flights were proposed."
    ).run()
    assert not at.exception
    region = next(m for m in at.metric if m.label == "Region")
    assert region.value == "Kaluga Oblast"
    labels = download_labels(at)
    assert "⬇ JSON" in labels and any("CSV" in x for x in labels) and any("Excel" in x for x in labels)
    assert at.dataframe[0].value.value.tolist() == [654.0]


def test_meeting_analyzer_whitespace_input_is_refused():
    at = run_page("screens/meeting_analyzer.py")
    at.text_area(key="report_text").input("   \n  ").run()
    assert not at.exception
    assert any("Nothing to analyse" in i.value for i in at.info)


def test_data_methods_page(fb):
    at = run_page("screens/data_methods.py")
    cat = at.table[0].value.reset_index()  # wrapped static table, keyed by the table name
    assert cat.columns.tolist() == ["Table", "Rows", "What", "Source", "Licence", "Dates"]
    cat.columns = cat.columns.str.lower()
    assert set(cat.table) >= {"trade_facts", "meetings", "regions", "sectors", "fx_rates"}
    assert cat.set_index("table").loc["trade_facts", "rows"] == len(fb.trade_facts)
    assert cat.set_index("table").loc["fx_rates", "dates"] == "2024"  # one publication date, not a range
    assert at.table[1].value.index.name == "Indicator"
    kinds = at.dataframe[0].value.set_index("table")
    assert kinds.loc["all figures"].tolist() == catalog.figures_by_source_kind(fb).iloc[-1, 1:].tolist()
    assert kinds.loc["region_indicators", "official statistics"] == 249  # 83 subjects × 3 Rosstat figures
    assert_downloads(at, 4)  # catalogue, figures by kind of source, the chosen dataset, indicators
    picker = at.selectbox(key="dataset_pick")
    assert set(picker.options) >= {f"{t}.csv ({n:,} rows)" for t, n in zip(cat.table, cat.rows, strict=True)}
    picker.set_value("meetings").run()
    dataset_csv = next(
        d for d in at.get("download_button") if d.proto.label == "⬇ CSV" and "dataset" in d.key
    )
    assert f"{len(fb.meetings)} rows" in dataset_csv.proto.help


def test_filters_survive_a_page_switch():
    at = run_page(side="RU")
    at.multiselect(key="f_sector").set_value(["agri_machinery"]).run()
    at.switch_page("screens/regions.py")
    at.run()
    assert at.multiselect(key="f_sector").value == ["agri_machinery"]
    assert at.radio(key="f_side").value == "RU"
    assert at.query_params == {"sector": "agri_machinery", "side": "RU"}


def test_long_lived_heap_is_frozen_after_a_page_run():
    """Streamlit collects garbage after every run; the frozen heap keeps that walk short (see widgets)."""
    import gc

    run_page("screens/sectors.py")
    assert gc.get_freeze_count() > 10_000


PAGE_VIEWS = [
    (None, "overview_view", ["Trade over time", "Top regions", "Meeting agenda"]),
    ("screens/regions.py", "regions_view", ["Region profile", "Meetings and goods", "Map", "Region table", "Federal districts"]),
    ("screens/sectors.py", "sectors_view", ["Overview", "Sector cards", "Goods traded with Belarus (Rosstat)"]),
    ("screens/opportunities.py", "opportunities_view", ["Regional potential (modelled)", "Sector gaps", "Targets"]),
    ("screens/data_methods.py", None, [None]),
]  # fmt: skip
FILTERED = {"years": "2016-2020", "sector": "pharma", "region": "RU-TA", "profile": "RU-TA"}


@pytest.mark.parametrize(
    ("page", "tab_key", "tab"), [(p, k, t) for p, k, tabs in PAGE_VIEWS for t in tabs], ids=str
)
def test_every_view_with_filters_has_readable_headers_and_says_what_it_ignores(page, tab_key, tab):
    params = dict(FILTERED, **({tab_key: tab} if tab_key else {}))
    at = run_page(page, **params)
    for df in at.dataframe:
        labels = json.loads(df.proto.columns)
        for column in df.value.columns:
            assert column in labels, f"{column} has no label"
            assert "_" not in labels[column]["label"], labels[column]["label"]
    for table in at.table:
        assert not any("_" in str(c) for c in [table.value.index.name, *table.value.columns])
    for df in at.dataframe:  # dated rows stay inside the chosen years
        if "indicator" in df.value.columns:
            continue  # the region's economy: Rosstat statistics of their own year (GRP 2021), not trade records
        for col in ("date", "year", "latest_year"):
            if col in df.value and df.value[col].notna().any():
                years = df.value[col].dropna().astype(str).str[:4].astype(int)
                assert years.between(2016, 2020).all(), (col, sorted(set(years)))
    n_downloads = sum("CSV" in label for label in download_labels(at))
    notes = [c.value for c in at.caption if c.value.startswith("Not filtered by:")]
    assert len(notes) <= n_downloads  # one note at most per download, never a stray one
    if (tab_key, tab) in {("overview_view", "Trade over time"), ("regions_view", "Map")}:
        assert notes, "a chart that ignores a set filter says so"


def test_region_profile_economy_and_table_columns(fb):
    at = run_page("screens/regions.py", region="RU-BA", side="RU")
    assert any(s.value == "Economy (official statistics)" for s in at.subheader)
    eco = next(d.value for d in at.dataframe if "indicator" in d.value.columns).set_index("indicator")
    grp = fb.region_indicators.set_index(["iso_code", "indicator"]).value
    assert eco.at["GRP", "value"] == grp["RU-BA", "grp"] and eco.at["GRP", "year"] == 2021
    assert eco.at["Population", "value"] == grp["RU-BA", "population"] * 1000
    # Bashkortostan 2021, side RU: 292.2 / (818.2 + 210.8) CIS trade of table 25.4 = 28.4%
    assert eco.at["Belarus share of the region's 2021 CIS trade", "value"] == pytest.approx(
        292.2 / 1029.0 * 100
    )
    at = run_page("screens/regions.py", regions_view="Region table")
    table = at.dataframe[0].value
    assert table.grp_mrub.notna().sum() == 83 and set(table.grp_year) == {2021}
    assert {"turnover_2021_pct_of_grp_2021", "population_year", "by_share_basis"} <= set(table.columns)


def test_sectors_page_national_goods_chart(fb):
    at = run_page("screens/sectors.py", sectors_view="Goods traded with Belarus (Rosstat)")
    rows = sector_cards.national_goods_rows(fb, "ru_imports_from_by")
    spec = chart(at, 0)
    bars_2021 = [t for t in spec["data"] if t["name"] == "2021"]
    assert [t["y"][0] for t in bars_2021] == list(dict.fromkeys(rows.label))
    assert [decode(t["x"])[0] for t in bars_2021] == rows[rows.year == 2021].value.tolist()
    assert any("table 25.21" in c.value and "rosstat.gov.ru" in c.value for c in at.caption)
    assert_downloads(at, 1)
    at.radio(key="goods_direction").set_value("ru_exports_to_by").run()
    exports = sector_cards.national_goods_rows(fb, "ru_exports_to_by")
    assert len([t for t in chart(at, 0)["data"] if t["name"] == "2020"]) == exports["product"].nunique()


KALUGA_REPORT = (
    "Minsk, 3 April 2023. Trade with Kaluga Oblast reached almost $654 million in 2022. "
    "Last year trade turnover grew further. It may exceed $900 million in 2023."
)


def test_meeting_analyzer_date_from_report_last_year_and_tables(fb):
    at = run_page("screens/meeting_analyzer.py")
    at.text_area(key="report_text").input(KALUGA_REPORT).run()
    assert at.text_input(key="report_date").value == "2023-04-03"  # prefilled from the report
    assert any("read as **2022**" in c.value for c in at.caption)
    main, other = at.dataframe[0].value, at.dataframe[1].value
    assert main.value.tolist() == [654.0] and main.value_musd.tolist() == [654.0]
    assert other.kind.tolist() == ["forecast"]
    cmp = next(d.value for d in at.dataframe if "stored_value" in d.value.columns)
    assert cmp.stored_value.tolist() == [654.0] and cmp.fact_base_source.iloc[0].startswith("http")
    # a new report without a date: the field is emptied, not carried over
    at.text_area(key="report_text").input("Trade with Tula Oblast reached $100 million last year.").run()
    assert at.text_input(key="report_date").value == ""
    assert any("left without a period" in c.value for c in at.caption)


def test_meeting_analyzer_impossible_date_and_button():
    at = run_page("screens/meeting_analyzer.py")
    at.text_area(key="report_text").input(KALUGA_REPORT).run()
    at.text_input(key="report_date").input("2023-02-30").run()
    assert any("no such day" in e.value for e in at.error)
    at.text_input(key="report_date").input("2024-06-01").run()
    at.button(key="ma_analyze").click().run()
    assert not at.error
    assert any("read as **2023**" in c.value for c in at.caption)


def test_meeting_analyzer_state_survives_another_page():
    at = run_page("screens/meeting_analyzer.py")
    at.text_area(key="report_text").input(KALUGA_REPORT).run()
    at.switch_page("screens/overview.py")
    at.run()
    at.switch_page("screens/meeting_analyzer.py")
    at.run()
    assert not at.exception
    assert at.text_area(key="report_text").value == KALUGA_REPORT
    assert next(m for m in at.metric if m.label == "Region").value == "Kaluga Oblast"


def test_meeting_analyzer_file_and_text_says_which():
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("screens/meeting_analyzer.py")
    at.session_state["ma_upload"] = ("tula.txt", b"Trade with Tula Oblast reached $100 million in 2022.")
    at.run()
    assert any("tula.txt" in c.value for c in at.caption)
    at.text_area(key="report_text").input(KALUGA_REPORT).run()
    assert any("Analysed the uploaded file 'tula.txt'" in c.value for c in at.caption)
    at.radio(key="ma_source").set_value("the pasted text").run()
    assert any("Analysed the pasted text" in c.value for c in at.caption)
    assert next(m for m in at.metric if m.label == "Region").value == "Kaluga Oblast"


def test_meetings_read_as_cards_that_wrap(fb):
    at = run_page("screens/regions.py", regions_view="Meetings and goods", profile="RU-TA")
    timeline = profile.meeting_timeline(fb, "RU-TA", data_years(fb.trade_facts, fb.meetings))  # 2026 too
    cards = [m.value for m in at.markdown if m.value.startswith("**20")]
    assert len(cards) == min(5, len(timeline))
    newest = timeline.iloc[0]
    assert cards[0].startswith(f"**{newest.date}**")
    assert "Republic of Tatarstan: " in cards[0] and "Sectors: " in cards[0] and "Source: [" in cards[0]
    assert f"(<{newest.source_url}>)" in cards[0]  # the source is a link, whatever its length
    assert not any("region_side" in d.value.columns for d in at.dataframe)  # no wide table to scroll
