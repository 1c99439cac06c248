"""Real-browser flows in Debian's chromium: open, filter, download, check the file, screenshots."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser
PAGES = [("Belarus ⇄ Russian regions: trade overview", ""), ("Regions", "regions"), ("Sectors", "sectors"),
         ("Opportunities", "opportunities"), ("Meeting analyzer", "meeting-analyzer"), ("Data & methods", "data-methods")]  # fmt: skip


def wait_for_app(page) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stApp")).to_be_visible()
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)


def download(page, button):
    """Click a download button and return the download; retried because a rerun can replace the button."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(3):
        wait_for_app(page)
        try:
            with page.expect_download(timeout=15_000) as info:
                button.click()
            return info.value
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.wait_for_timeout(1000)
    raise AssertionError("unreachable")


def test_open_filter_download(page, server_url):
    from playwright.sync_api import expect

    page.goto(f"{server_url}/?region=RU-KL")
    expect(page.get_by_text("Region in focus: Republic of Kalmykia")).to_be_visible(timeout=60_000)
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)

    sector = page.get_by_test_id("stMultiSelect").filter(has_text="Sector")
    sector.get_by_role("combobox").click()
    page.get_by_role("option", name="Agricultural machinery").click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"sector=agri_machinery"), timeout=30_000)
    expect(page).to_have_url(re.compile(r"region=RU-KL"))
    page.wait_for_timeout(500)  # let the rerun that the filter started begin before waiting for it to end
    wait_for_app(page)

    # The 'Top regions' chart, filtered to Kalmykia: its CSV must hold exactly Kalmykia's row.
    page.get_by_role("tab", name="Top regions").click()
    expect(page).to_have_url(re.compile(r"overview_view=Top"), timeout=30_000)
    expect(page.get_by_text("Top regions by latest turnover")).to_be_visible(timeout=60_000)
    csv_file = download(page, page.get_by_role("button", name="⬇ CSV").first)
    assert csv_file.suggested_filename.startswith("top-regions_sector-agri_machinery_region-RU-KL")
    text = Path(csv_file.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows, "the CSV has no rows"
    assert {r["iso_code"] for r in rows} == {"RU-KL"}
    assert rows[0]["unit"] == "million USD" and float(rows[0]["turnover_musd"]) > 0

    page.get_by_role("link", name="Regions").click()
    expect(page.get_by_role("heading", name="Profile: Republic of Kalmykia")).to_be_visible(timeout=60_000)
    expect(page).to_have_url(re.compile(r"regions\?.*region=RU-KL"))
    page.screenshot(path=str(ARTIFACTS / "flow-kalmykia-profile.png"), full_page=False)


@pytest.mark.parametrize(("title", "path"), PAGES)
def test_screenshot_every_page(page, server_url, title, path):
    from playwright.sync_api import expect

    page.goto(f"{server_url}/{path}")
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=60_000)
    if title not in ("Meeting analyzer", "Data & methods"):
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
    if title != "Meeting analyzer":  # its downloads appear once a report is analysed
        expect(page.get_by_role("button", name="⬇ CSV").first).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Russian statistics", exact=True)).to_be_visible(timeout=60_000)  # the filters
    wait_for_app(page)
    page.screenshot(path=str(ARTIFACTS / f"page-{path or 'overview'}.png"), full_page=False)


def test_meeting_analyzer_in_browser(page, server_url):
    from playwright.sync_api import expect

    page.goto(f"{server_url}/meeting-analyzer")
    box = page.get_by_label("…or paste the text of a report")
    expect(box).to_be_visible(timeout=90_000)
    box.fill(
        "Minsk, 3 April 2023. Trade between Belarus and Kaluga Oblast reached almost $654 million in 2022. "
        "Direct flights were proposed."
    )
    page.get_by_role("button", name="Analyze").click()  # the button, not only Ctrl+Enter
    expect(page.get_by_text("Kaluga Oblast").first).to_be_visible(timeout=60_000)
    expect(page.get_by_label("Report date", exact=False)).to_have_value("2023-04-03")
    record = json.loads(
        Path(download(page, page.get_by_role("button", name="⬇ JSON")).path()).read_text(encoding="utf-8")
    )
    assert record["region_iso"] == "RU-KLU"
    assert record["figures"][0]["value"] == 654.0
