"""Issue 13 on the pages (AppTest): data-as-of footer, one KPI year, rouble figures, sources differ."""

from __future__ import annotations

import pytest

from analysis.data import catalog
from tests.apptest import chart, run_page

PAGES = [None, "screens/regions.py", "screens/sectors.py", "screens/data_methods.py"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_footer_says_how_current_the_data_is(fb, page):
    at = run_page(page)
    footer = at.caption[-1].value
    assert footer == catalog.data_as_of_line(catalog.data_as_of(fb))
    assert "newest record" in footer and "last curated" in footer


def test_overview_kpi_cards_give_each_flows_latest_full_year():
    """BY statistics (the default): turnover 2025 ($55.0 bn; 2024 was $57.6 bn, so −4.5%), exports 2022,
    imports and balance 2020 (the only BY year with both). Was: all four cards at 2020."""
    at = run_page()
    cards = [(m.label, m.value, m.delta) for m in at.metric]
    assert cards == [
        ("Turnover 2025 · BY", "$55.0 bn", "-4.5%"),
        ("Belarus exports 2022 · BY", "$23.0 bn", ""),  # no BY 2021 exports: no arrow
        ("Belarus imports 2020 · BY", "$16.4 bn", ""),
        ("Balance 2020 · BY", "-$3.3 bn", ""),  # 13.13 − 16.40, both BY 2020
    ]
    assert any("different years (2020, 2022, 2025)" in c.value for c in at.caption)
    spec = chart(at, 0)
    assert spec["layout"]["yaxis"]["title"]["text"] == "billion USD"


def test_overview_kpi_cards_russian_side():
    """RU statistics: turnover 2024 $50.0 bn against RU 2023 $46.5 bn (+7.5%); the rest 2023."""
    at = run_page(side="RU")
    cards = [(m.label, m.value, m.delta) for m in at.metric]
    assert cards == [
        ("Turnover 2024 · RU", "$50.0 bn", "+7.5%"),
        ("Belarus exports 2023 · RU", "$23.9 bn", "+8.6%"),  # 23.9 / 22.0
        ("Belarus imports 2023 · RU", "$22.6 bn", "+6.1%"),  # 22.6 / 21.3
        ("Balance 2023 · RU", "$1.3 bn", ""),
    ]
    assert any("different years (2023, 2024)" in c.value for c in at.caption)


def test_penza_profile_lists_the_2024_rouble_figure():
    at = run_page("screens/regions.py", region="RU-PNZ")
    assert any("Full-year figures stated in roubles" in m.value for m in at.markdown)
    rub = next(d.value for d in at.dataframe if "usd_note" in d.value.columns)
    row = rub[rub.period == "2024"].iloc[0]
    assert (row.value, row.currency, row.usd_note) == (8.7, "RUB", "no USD value: no rate on file")


def test_tatarstan_profile_says_two_sources_differ():
    at = run_page("screens/regions.py", region="RU-TA")
    notes = [c.value for c in at.caption if "sources differ" in c.value]
    assert any(
        n.startswith(":material/compare_arrows: 2022 turnover (RU): **2 sources differ**") for n in notes
    )
    assert any("$800 m" in n and "$1.0 bn" in n for n in notes)


def test_data_methods_states_the_conflict_rule():
    at = run_page("screens/data_methods.py")
    assert any(s.value == "When sources disagree" for s in at.subheader)
    assert any("sources differ" in m.value for m in at.markdown)
