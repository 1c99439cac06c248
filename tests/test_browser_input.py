"""In a real browser: nothing is fetched from another host, and hostile URL values show as literal text."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

import pytest

from tests.test_browser import PAGES, wait_for_app

pytestmark = pytest.mark.browser


def test_every_page_loads_nothing_from_another_host(page, server_url):
    from playwright.sync_api import expect

    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).hostname not in ("127.0.0.1",) and not r.url.startswith(("data:", "blob:")) else None)  # fmt: skip
    for title, path in PAGES:
        page.goto(f"{server_url}/{path}")
        expect(page.get_by_role("heading", name=title).first).to_be_visible(timeout=60_000)
        wait_for_app(page)
    icon = page.locator("link[rel~='icon']").first
    expect(icon).to_have_attribute("href", re.compile(r"^data:image/svg\+xml;base64,"))
    assert outside == []


def test_hostile_url_values_show_literally_cut_and_counted(page, server_url):
    from playwright.sync_api import expect

    values = [":red[x]", "a\n    code", "&lt;b&gt;", "y" * 10_000, "five"]
    query = "&".join(f"region={quote(v)}" for v in values)
    page.goto(f"{server_url}/?{query}")
    wait_for_app(page)
    alert = page.get_by_test_id("stSidebar").get_by_test_id("stAlertContentWarning").first
    expect(alert).to_contain_text("Ignored unknown region values")
    expect(alert).to_contain_text(":red[x]")
    expect(alert).to_contain_text("&lt;b&gt;")
    expect(alert).to_contain_text("and 2 more")
    assert alert.locator("pre").count() == 0  # no code block from the indented line
    assert alert.locator("span[style*='color']").count() == 0 and alert.locator("b").count() == 0
    assert len(alert.inner_text()) < 300
