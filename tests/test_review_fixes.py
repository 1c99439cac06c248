"""Review of issues 13/16: top regions ranked within one side, missing cells as a dash, meeting levels."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from analysis.data.filters import fact_years
from analysis.models import trade
from analysis.output.export import to_csv_bytes
from analysis.views import overview
from datasets.build.adopt_reference import meeting_level
from tests.apptest import chart, decode, run_page
from tests.factories import facts

YEARS = (2010, 2025)
MIXED = [  # Moscow Oblast: BY 9.0 bn (2023) and RU 7.0 bn (2024); Moscow only unattributed
    {"region_iso": "RU-MOS", "period": "2023", "flow": "turnover", "value_musd": 9000, "side": "BY"},
    {"region_iso": "RU-MOS", "period": "2024", "flow": "turnover", "value_musd": 7000, "side": "RU"},
    {"region_iso": "RU-SMO", "period": "2025", "flow": "turnover", "value_musd": 3500, "side": "BY"},
    {"region_iso": "RU-BRY", "period": "2024", "flow": "turnover", "value_musd": 1000, "side": "RU"},
    {"region_iso": "RU-SPE", "period": "2022", "flow": "turnover", "value_musd": 2650, "side": "RU"},
    {"region_iso": "RU-MOW", "period": "2018", "flow": "turnover", "value_musd": 7000, "side": "unknown"},
]


def best_of(f: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {
        "BY": trade.best_annual_figures(f, "BY"),
        "RU": trade.best_annual_figures(f, "RU"),
        "unknown": trade.best_annual_figures(f, "best"),
    }


# Top regions: one ranking per statistics side ---------------------------------------------------


def test_top_regions_rank_within_each_side(fb):
    """Was one list: Moscow (unattributed) 7.0, Moscow Oblast (RU 2024) 7.0, Smolensk (BY) 3.5, …"""
    top = overview.top_regions_per_side(best_of(facts(MIXED)), fb.regions, fb.fx_rates, YEARS)
    rows = {
        s: list(zip(g["rank"], g.iso_code, g.turnover_musd, g.latest_year, strict=True))
        for s, g in top.groupby("side")
    }
    assert rows == {
        "BY": [(1, "RU-MOS", 9000, 2023), (2, "RU-SMO", 3500, 2025)],
        "RU": [(1, "RU-MOS", 7000, 2024), (2, "RU-SPE", 2650, 2022), (3, "RU-BRY", 1000, 2024)],
        "unknown": [(1, "RU-MOW", 7000, 2018)],
    }
    assert top.groupby("side").rank_in_district.max().to_dict() == {"BY": 2, "RU": 2, "unknown": 1}
    # Central district: BY Moscow Oblast 1, Smolensk 2; RU Moscow Oblast 1, Bryansk 2 (St Petersburg is NW).


def test_top_regions_on_a_chosen_side_and_the_filtered_region_below_the_cut(fb):
    f = facts(MIXED)
    top = overview.top_regions_per_side(
        {"RU": trade.best_annual_figures(f, "RU")}, fb.regions, fb.fx_rates, YEARS, ("RU-BRY",), n=1
    )
    assert list(zip(top.side, top["rank"], top.iso_code, top.selected, strict=True)) == [
        ("RU", 1, "RU-MOS", False),
        ("RU", 3, "RU-BRY", True),  # below the top 1, shown with its rank on the RU side
    ]


def test_top_regions_download_is_what_the_charts_show(fb):
    top = overview.top_regions_per_side(best_of(facts(MIXED)), fb.regions, fb.fx_rates, YEARS)
    back = pd.read_csv(io.BytesIO(to_csv_bytes(top)), encoding="utf-8-sig")
    assert back.side.tolist() == ["BY", "BY", "RU", "RU", "RU", "unknown"]
    assert back["rank"].tolist() == [1, 2, 1, 2, 3, 1]
    assert back.turnover_musd.tolist() == [9000, 3500, 7000, 2650, 1000, 7000]


def test_top_regions_empty_when_no_side_has_a_figure(fb):
    top = overview.top_regions_per_side(best_of(facts(MIXED)), fb.regions, fb.fx_rates, (1990, 1995))
    assert top.empty and list(top.columns) == overview.TOP_COLUMNS


def test_overview_top_regions_tab_draws_one_chart_per_side(fb):
    at = run_page(overview_view="Top regions")
    top = overview.top_regions_per_side(
        best_of(fb.trade_facts), fb.regions, fb.fx_rates, fact_years(fb.trade_facts)
    )
    headings = [m.value for m in at.markdown if m.value.startswith("**")]
    assert headings == [
        "**Belarusian statistics**",
        "**Russian statistics**",
        "**Statistics side not stated**",
    ]
    for i, side in enumerate(["BY", "RU", "unknown"]):
        spec = chart(at, i)
        bars = spec["data"][0]
        want = top[top.side == side]
        assert decode(bars["x"]).tolist() == want.turnover_musd.tolist()
        assert list(bars["y"]) == [f"#{r} {n}" for r, n in zip(want["rank"], want.name_en, strict=True)]
        legend = [t["name"] for t in spec["data"][1:] if t.get("name")]
        assert legend == [
            f"{side} statistics" if side != "unknown" else "side not stated"
        ]  # one side per chart
    assert any("ranked on its own" in c.value for c in at.caption)


def test_overview_top_regions_tab_on_the_russian_side(fb):
    at = run_page(overview_view="Top regions", side="RU")
    assert len(at.get("plotly_chart")) == 1
    bars = chart(at, 0)["data"][0]
    top = overview.top_regions_per_side(
        {"RU": trade.best_annual_figures(fb.trade_facts, "RU")},
        fb.regions,
        fb.fx_rates,
        fact_years(fb.trade_facts),
    )
    assert decode(bars["x"]).tolist() == top.turnover_musd.tolist()
    assert list(bars["y"])[:2] == ["#1 Moscow Oblast", "#2 Smolensk Oblast"]  # RU 7.0 bn, RU 3.4 bn


# Tables: a dash for no figure -----------------------------------------------------------------


def test_region_table_shows_a_dash_for_no_figure_and_keeps_numbers_numeric():
    at = run_page("screens/regions.py", regions_view="Region table")
    table = at.dataframe[0]
    assert table.proto.placeholder == "–"  # drawn instead of a faded "None"; never 0
    growth = table.value.growth_pct
    assert growth.dtype == np.float64 and growth.isna().any()  # blank stays blank, so it sorts as a number
    assert any("A dash (–) is an empty cell" in c.value for c in at.caption)


# Meeting level: President or Prime Minister only --------------------------------------------


@pytest.mark.parametrize(
    ("by_side", "level"),
    [
        ("President of Belarus Aleksandr Lukashenko", "top"),
        ("Prime Minister Roman Golovchenko (government delegation)", "top"),
        ("Deputy Prime Minister of Belarus Viktor Karankevich", "other"),
        ("First Deputy Prime Minister Nikolai Snopkov", "other"),
        ("Head of Presidential Administration Dmitry Krutoi; Deputy PM Viktor Karankevich", "other"),
        ("Ambassador of Belarus to Russia Dmitry Krutoi", "other"),
    ],
)
def test_meeting_level_rule(by_side, level):
    assert meeting_level(by_side) == level


def test_tatarstan_meetings_with_the_deputy_prime_minister_are_not_top_level(fb):
    m = fb.meetings.set_index("meeting_id")
    assert m.at["RU-TA:2025-09-29:1", "level"] == "other"  # Deputy PM Karankevich, ria.ru 2025-09-29
    assert m.at["RU-TA:2026-02-05:1", "level"] == "other"  # Deputy PM Karankevich, tatar-inform
    assert m.at["RU-TA:2024-02-21:1", "level"] == "top"  # President Lukashenko


def test_every_meeting_level_follows_the_rule(fb):
    wrong = fb.meetings[fb.meetings.level != fb.meetings.by_side.map(meeting_level)]
    assert wrong.meeting_id.tolist() == []
    assert fb.meetings.level.value_counts().to_dict() == {"top": 130, "other": 70}
