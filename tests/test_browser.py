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

    # The 'Top regions' chart with Kalmykia chosen: the ranking, Kalmykia marked in it; the Sector filter
    # does not shape it, so the file name leaves it out and a caption says so.
    page.get_by_role("tab", name="Top regions").click()
    expect(page).to_have_url(re.compile(r"overview_view=Top"), timeout=30_000)
    expect(page.get_by_text("Top regions by latest turnover")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Not filtered by: Sector.")).to_be_visible(timeout=30_000)
    csv_file = download(page, page.get_by_role("button", name="⬇ CSV").first)
    assert csv_file.suggested_filename.startswith("top-regions_region-RU-KL")
    text = Path(csv_file.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) > 1, "the ranking is shown, not a single bar"
    kalmykia = [r for r in rows if r["iso_code"] == "RU-KL"]
    assert len(kalmykia) == 1 and kalmykia[0]["selected"] == "True" and int(kalmykia[0]["rank"]) >= 1
    for side in {r["side"] for r in rows}:  # one ranking per statistics side, each in order
        ranks = [int(r["rank"]) for r in rows if r["side"] == side]
        assert ranks == sorted(ranks) and ranks[0] == 1
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


DEEP_LINKS = [
    ("Belarus ⇄ Russian regions: trade overview", "?region=RU-TA&overview_view=Top+regions"),
    ("Regions", "regions?region=RU-TA&regions_view=Meetings+and+goods"),
    ("Sectors", "sectors?sector=pharma&sectors_view=Sector+cards"),
    ("Opportunities", "opportunities?opportunities_view=Targets"),
    ("Meeting analyzer", "meeting-analyzer"),
    ("Data & methods", "data-methods"),
]


@pytest.mark.parametrize(("title", "link"), DEEP_LINKS, ids=[t for t, _ in DEEP_LINKS])
def test_deep_link_is_the_first_visit_after_a_restart(browser, title, link):
    """A shared link opens its page even when it is the first request a freshly started server gets."""
    from playwright.sync_api import expect

    from tests.conftest import start_server, stop_server

    proc, url = start_server()
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = ctx.new_page()
        page.goto(f"{url}/{link}")
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=60_000)
        wait_for_app(page)
        body = page.inner_text("body")
        assert "ModuleNotFoundError" not in body and "Page not found" not in body
        assert "data methods" not in body  # the sidebar names pages, not their files
    finally:
        ctx.close()
        stop_server(proc)


def test_profile_choice_is_in_the_url_and_the_map_works_offline(page, server_url):
    from playwright.sync_api import expect

    outside: list[str] = []

    def only_local(route):
        host = route.request.url.split("/")[2]
        if host.split(":")[0] in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(f"{server_url}/regions?regions_view=Region+profile")
    expect(page.get_by_role("heading", name=re.compile("^Profile: "))).to_be_visible(timeout=60_000)
    wait_for_app(page)
    box = page.get_by_role("combobox", name="Region profile")
    box.click()
    box.fill("Tatarstan")  # the list is long: type to narrow it, as a user would
    page.get_by_role("option", name=re.compile("Republic of Tatarstan")).click()
    expect(page.get_by_role("heading", name="Profile: Republic of Tatarstan")).to_be_visible(timeout=60_000)
    expect(page).to_have_url(re.compile(r"profile=RU-TA"), timeout=30_000)

    page.goto(f"{server_url}/regions?regions_view=Map&region=RU-TA")
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
    wait_for_app(page)
    traces = page.locator(".js-plotly-plot .scatterlayer .trace")
    expect(traces.first).to_be_attached(timeout=30_000)
    assert traces.count() >= 3  # region outlines, the chosen region's outline, bubbles (and its label)
    expect(page.get_by_text("OpenStreetMap contributors")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "regions-map-tatarstan.png"), full_page=False)
    assert outside == [], f"the page asked for something outside this machine: {outside[:3]}"


def test_back_and_forward_restore_the_previous_view(page, server_url):
    from playwright.sync_api import expect

    def side_caption():
        return page.get_by_text(re.compile("^Statistics side:")).first

    page.goto(f"{server_url}/regions?regions_view=Region+table")
    expect(page.get_by_role("heading", name="Regions", exact=True)).to_be_visible(timeout=60_000)
    wait_for_app(page)
    page.get_by_text("Russian statistics", exact=True).click()
    expect(page).to_have_url(re.compile(r"side=RU"), timeout=30_000)
    expect(side_caption()).to_contain_text("Russian statistics", timeout=30_000)
    wait_for_app(page)
    page.get_by_text("Belarusian statistics", exact=True).click()
    expect(page).to_have_url(re.compile(r"side=BY"), timeout=30_000)
    expect(side_caption()).to_contain_text("Belarusian statistics", timeout=30_000)
    wait_for_app(page)

    page.go_back()
    expect(page).to_have_url(re.compile(r"side=RU"), timeout=30_000)
    expect(side_caption()).to_contain_text("Russian statistics", timeout=30_000)
    expect(page.get_by_role("radio", name="Russian statistics")).to_be_checked()
    page.go_back()
    expect(side_caption()).to_contain_text("Best available", timeout=30_000)
    page.go_forward()
    expect(side_caption()).to_contain_text("Russian statistics", timeout=30_000)
    expect(page).to_have_url(re.compile(r"regions_view=Region\+table"))  # the open tab is kept


def test_goods_traded_with_belarus_flow(page, server_url):
    """Sectors → the Rosstat goods tab: switch to Russia's exports, download, and find the table's figures."""
    from playwright.sync_api import expect

    page.goto(f"{server_url}/sectors?sectors_view=Goods+traded+with+Belarus+%28Rosstat%29")
    expect(
        page.get_by_role("heading", name="Russia's trade with Belarus in main goods, 2020–2021")
    ).to_be_visible(timeout=60_000)
    expect(
        page.get_by_role("link", name="Rosstat, Russian Statistical Yearbook 2023, table 25.21")
    ).to_be_visible()
    page.get_by_text("Russia's exports to Belarus").click()
    expect(
        page.get_by_role("link", name="Rosstat, Russian Statistical Yearbook 2023, table 25.20")
    ).to_be_visible(timeout=60_000)
    wait_for_app(page)
    csv_file = download(page, page.get_by_role("button", name="⬇ CSV").first)
    assert csv_file.suggested_filename.startswith("rosstat-goods-ru-exports-to-by")
    rows = list(csv.DictReader(io.StringIO(Path(csv_file.path()).read_text(encoding="utf-8-sig"))))
    tractors = {r["year"]: r for r in rows if r["product"] == "Tractors, including semi-tractors"}
    assert float(tractors["2021"]["value"]) == 1492 and tractors["2021"]["unit"] == "pieces"  # table 25.20
    assert {r["side"] for r in rows} == {"RU"}
    page.screenshot(path=str(ARTIFACTS / "flow-goods-traded.png"), full_page=False)


def test_years_reach_the_newest_meeting(page, server_url):
    from playwright.sync_api import expect

    page.goto(f"{server_url}/?years=2015-2026&overview_view=Meeting+agenda")
    expect(page.get_by_text("Latest meeting in this selection")).to_be_visible(timeout=60_000)
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"years=2015-2026"))  # not cut back to the last trade year
    expect(page.get_by_text(re.compile(r"^2026-\d\d-\d\d, "))).to_be_visible()
