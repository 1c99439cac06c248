"""Issue 13 in chromium: the map's legend has a 'no figure' entry; the Region filter finds aliases."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ARTIFACTS
from tests.test_browser import wait_for_app

pytestmark = pytest.mark.browser


def test_map_legend_shows_a_no_figure_entry(page, server_url):
    from playwright.sync_api import expect

    page.goto(f"{server_url}/regions?regions_view=Map")
    plot = page.locator(".js-plotly-plot").first
    expect(plot).to_be_visible(timeout=60_000)
    legend = plot.locator(".legend .legendtext")
    expect(legend.filter(has_text=re.compile(r"^no growth figure$"))).to_have_count(1, timeout=60_000)
    wait_for_app(page)
    page.screenshot(path=str(ARTIFACTS / "map-no-figure-legend.png"), full_page=False)


@pytest.mark.parametrize("typed", ["Кузбасс", "Kazan"])
def test_region_filter_finds_a_region_by_alias_or_capital(page, server_url, typed):
    from playwright.sync_api import expect

    page.goto(f"{server_url}/")
    region = page.get_by_test_id("stMultiSelect").filter(has_text="Region")
    expect(region).to_be_visible(timeout=60_000)
    wait_for_app(page)
    region.get_by_role("combobox").click(timeout=60_000)
    page.keyboard.type(typed)
    expected = "Kemerovo Oblast" if typed == "Кузбасс" else "Republic of Tatarstan"
    option = page.get_by_role("option", name=re.compile(re.escape(expected)))
    expect(option).to_have_count(1, timeout=30_000)
    option.click()
    page.keyboard.press("Escape")
    iso = "RU-KEM" if typed == "Кузбасс" else "RU-TA"
    expect(page).to_have_url(re.compile(rf"region={iso}"), timeout=30_000)
