"""Issue 13 on the pages (AppTest): data-as-of footer, one KPI year, rouble figures, sources differ."""

from __future__ import annotations

import pytest

from analysis.data import catalog
from analysis.data.filters import fact_years
from analysis.models import trade
from analysis.views import overview
from tests.apptest import chart, run_page

PAGES = [None, "screens/regions.py", "screens/sectors.py", "screens/data_methods.py"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_footer_says_how_current_the_data_is(fb, page):
    at = run_page(page)
    footer = at.caption[-1].value
    assert footer == catalog.data_as_of_line(catalog.data_as_of(fb))
    assert "newest record" in footer and "last curated" in footer


def test_overview_kpi_cards_share_one_year(fb):
    at = run_page(side="RU")
    kpis = trade.latest_kpis(
        overview.national_view(trade.national_series(fb.trade_facts), fact_years(fb.trade_facts)), "RU"
    )
    (year,) = set(kpis.year)
    assert [m.label for m in at.metric] == [
        f"Turnover {year} · RU", f"Belarus exports {year} · RU", f"Belarus imports {year} · RU",
        f"Balance {year} · RU",
    ]  # fmt: skip
    assert any(f"**{year}**" in c.value for c in at.caption)
    spec = chart(at, 0)
    assert spec["layout"]["yaxis"]["title"]["text"] == "billion USD"


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
