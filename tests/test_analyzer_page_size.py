"""Long reports on the analyzer page: analysed once per text, highlighted text built only when open and paged."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from analysis.analyzer.record import analyze_text
from analysis.analyzer.views import highlight_html, text_parts
from tests.conftest import ROOT

REGIONS = ["Tatarstan", "Kaluga Oblast", "Bashkortostan", "Rostov Oblast"]
LONG = "\n".join(
    f"Trade with {REGIONS[i % 4]} reached ${100 + i} million in {2010 + i % 14}; tourism and dairy grew."
    for i in range(600)
)


def test_text_parts_cover_the_text_in_order_within_the_size():
    parts = text_parts(LONG, 5_000)
    assert parts[0][0] == 0 and parts[-1][1] == len(LONG)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:], strict=False))
    assert all(0 < e - s <= 5_000 for s, e in parts)
    assert all(LONG[e - 1] in "\n " for _, e in parts[:-1])  # cut after a line break or space
    assert text_parts("") == [] and text_parts("short") == [(0, 5)]


def test_highlighted_parts_join_to_the_whole():
    rec = analyze_text(LONG)
    whole = highlight_html(LONG, rec)
    assert "<mark" in whole
    assert "".join(highlight_html(LONG, rec, s, e) for s, e in text_parts(LONG, 5_000)) == whole


def test_long_report_is_analysed_once_and_its_text_paged():
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=180).run()
    at.switch_page("screens/meeting_analyzer.py").run()
    at.text_area(key="report_text").input(LONG).run()
    assert not at.exception
    kept = at.session_state["ma_result"]
    assert kept["text"] == LONG
    assert not [m for m in at.markdown if "<mark" in m.value]  # the highlighted text is not sent while closed
    at.run()
    assert at.session_state["ma_result"] is kept  # a rerun with the same text does not analyse again
    at.text_area(key="report_text").input(LONG + "\nTrade with Tatarstan reached $9 million in 2020.").run()
    assert at.session_state["ma_result"]["text"] != kept["text"]  # a new text replaces the record


def test_impossible_report_date_gets_a_message_under_the_field():
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=180).run()
    at.switch_page("screens/meeting_analyzer.py").run()
    at.text_area(key="report_text").input("Trade with Tatarstan grew last year to $740 million.").run()
    at.text_input(key="report_date").input("2024-13-45").run()
    assert not at.exception
    assert [e.value for e in at.error] == [  # what was typed is quoted literally (punctuation escaped)
        r"There is no such day as 2024\-13\-45\; check the month and day\. The date is not used\."
    ]
    at.text_input(key="report_date").input("2024-02-29").run()
    assert not at.error
    assert (
        at.session_state["ma_result"]["record"]["figures"][0]["period"] == "2023"
    )  # 'last year' from the date
