"""AppTest: every URL value that is changed or dropped gets a warning that shows it literally (issue 17)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apptest import run_page as run


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def test_hostile_values_are_inline_code_cut_and_counted():
    at = run(region=[":red[x]", "a\n    b", "&lt;b&gt;", "z" * 10_000, "five"])
    assert warnings(at) == [
        "Ignored unknown region values: ` :red[x] `, ` a\\n    b `, ` &lt;b&gt; `, and 2 more"
    ]


def test_long_value_is_cut_to_40_characters():
    at = run(sector="z" * 10_000)
    assert warnings(at) == ["Ignored unknown sector value: ` " + "z" * 39 + "… `"]


def test_years_beyond_the_data_are_narrowed_with_a_warning(fb):
    from analysis.data.filters import data_years

    lo, hi = data_years(fb.trade_facts, fb.meetings)
    at = run(years=f"2020-{hi + 5}")
    assert warnings(at) == [f"Narrowed years to 2020–{hi}, the range of the data: ` 2020-{hi + 5} `"]
    assert at.slider[0].value == (2020, hi) and at.query_params["years"] == f"2020-{hi}"


def test_year_range_reaches_the_latest_meeting(fb):
    at = run()
    assert at.slider[0].max == max(int(d[:4]) for d in fb.meetings.date)


def test_repeated_side_keeps_the_first_with_a_warning():
    at = run(side=["RU", "BY"])
    assert warnings(at) == ["Used the first side value; ignored the others: ` BY `"]
    assert at.radio[0].value == "RU" and at.query_params["side"] == "RU"


def test_unknown_tab_warns_and_opens_the_first():
    at = run("screens/regions.py", regions_view="<b>Nope</b>")
    assert "Ignored unknown regions view (showing Region profile): ` <b>Nope</b> `" in warnings(at)
