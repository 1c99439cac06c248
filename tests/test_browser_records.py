"""Real browser: paste a report, correct a figure, save it, see it in the region profile chart and its CSV."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS, start_server, stop_server
from tests.test_browser import download, wait_for_app

pytestmark = pytest.mark.browser
REPORT = (
    "Minsk, 20 November 2025. The Governor of Kaliningrad Region met the Belarusian delegation. "
    "Trade turnover reached 500 million US dollars in 2024."
)


@pytest.fixture()
def own_server(chromium):
    """A Streamlit server with a store of its own (so saved rows never reach other tests)."""
    home = tempfile.mkdtemp(prefix="byru-browser-home-")
    env = {**os.environ, "BYRU_DATA_HOME": home, "BYRU_USER": "Browser Test"}
    proc, url = start_server(env, wait_s=90)
    yield url
    stop_server(proc)


def edit_cell(page, editor, column: int, text: str) -> None:
    """Type into one cell of the first row of a data editor: select a cell, walk to `column`, edit."""
    box = editor.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 30, box["y"] + 35 + 17)  # a cell of the first row
    page.wait_for_timeout(500)
    selected = editor.locator("[aria-selected=true]").first.get_attribute("id")  # glide-cell-COL-ROW
    col = int(selected.split("-")[2])
    for _ in range(abs(col - column)):
        page.keyboard.press("ArrowLeft" if col > column else "ArrowRight")
        page.wait_for_timeout(200)
    page.keyboard.press("Enter")
    page.wait_for_timeout(700)
    page.keyboard.press("Control+A")
    page.keyboard.type(text, delay=100)
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")


def test_paste_correct_save_then_see_it_in_the_profile(page, own_server):
    from playwright.sync_api import expect

    page.goto(f"{own_server}/meeting-analyzer")
    box = page.get_by_label("…or paste the text of a report")
    expect(box).to_be_visible(timeout=150_000)  # the first visit opens and seeds the store
    box.fill(REPORT)
    box.press("Control+Enter")
    heading = page.get_by_role("heading", name="Trade figures to save")
    expect(heading).to_be_visible(timeout=150_000)
    wait_for_app(page)
    heading.scroll_into_view_if_needed()
    # The figures editor is the table whose first cell is the 'keep' tick; column 5 is the corrected value.
    editor = page.get_by_test_id("stDataFrame").filter(
        has=page.locator("[id='glide-cell-0-0']", has_text="true")
    )
    editor = editor.first
    expect(editor.locator("[id='glide-cell-4-0']")).to_have_text("500", timeout=60_000)  # the extracted value
    edit_cell(page, editor, 5, "550")
    expect(editor.locator("[id='glide-cell-5-0']")).to_have_text("550", timeout=30_000)
    page.get_by_label("Belarusian participants").fill("Minister of Industry (browser test)")
    source = page.get_by_label("Source URL (required: the published report)")
    source.fill("https://example.org/kaliningrad-2025")
    source.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Save to the fact base").click()
    expect(page.get_by_text("Saved (save 1): added 1 meeting, 1 trade fact")).to_be_visible(timeout=120_000)

    page.goto(f"{own_server}/regions?region=RU-KGD")
    expect(page.get_by_role("heading", name="Profile: Kaliningrad Oblast")).to_be_visible(timeout=120_000)
    chart = page.locator(".js-plotly-plot").first
    expect(chart).to_be_visible(timeout=60_000)
    traces = chart.evaluate(
        "el => el._fullData.map(t => [t.name, Array.from(t.x || []), Array.from(t.y || [])])"
    )
    turnover = {}  # one trace per side ("Turnover · BY", "Turnover · unknown": the side chosen in the form)
    for name, xs, ys in traces:
        if name.startswith("Turnover"):
            turnover.update(zip(xs, ys, strict=True))
    assert turnover[2024] == 550
    wait_for_app(page)
    # The figures chart's own CSV: the first download under "Figures over time" (the economy table comes first).
    figures = page.get_by_role("heading", name="Figures over time")
    csv_button = page.get_by_role("button", name="⬇ CSV").and_(
        page.locator("button:below(:text('Figures over time'))")
    )
    expect(figures).to_be_visible()
    csv_file = download(page, csv_button.first)
    assert csv_file.suggested_filename.startswith("ru-kgd-figures")
    rows = list(csv.DictReader(io.StringIO(Path(csv_file.path()).read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["year"] == "2024")
    assert (float(row["value_musd"]), row["origin"], row["added_by"]) == (550.0, "user", "Browser Test")
    assert row["source_url"] == "https://example.org/kaliningrad-2025"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "flow-saved-meeting-profile.png"), full_page=False)
