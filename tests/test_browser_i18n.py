"""Issue 20 in chromium: the Russian interface from a link, the Region filter in Russian, the switch."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS
from tests.test_browser import wait_for_app

pytestmark = pytest.mark.browser


def test_russian_link_filter_by_alias_and_switch_back(page, server_url):
    from playwright.sync_api import expect

    page.goto(f"{server_url}/?lang=ru&region=RU-TA")
    expect(page.get_by_role("heading", name="Беларусь ⇄ регионы России: обзор торговли")).to_be_visible(
        timeout=60_000
    )
    region = page.get_by_test_id("stMultiSelect").filter(has_text="Регион")
    expect(region).to_be_visible(timeout=60_000)
    wait_for_app(page)
    region.get_by_role("combobox").click(timeout=60_000)
    page.keyboard.type("Кузбасс")
    option = page.get_by_role("option", name=re.compile(r"^Кемеровская область"))
    expect(option).to_have_count(1, timeout=30_000)
    option.click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"lang=ru"), timeout=30_000)
    expect(page).to_have_url(re.compile(r"region=RU-KEM"), timeout=30_000)
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Торговля по годам").first).to_be_visible()
    wait_for_app(page)
    page.screenshot(path=str(ARTIFACTS / "russian-overview.png"), full_page=False)

    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Belarus ⇄ Russian regions: trade overview")).to_be_visible(
        timeout=60_000
    )
    expect(page).not_to_have_url(re.compile(r"lang="), timeout=30_000)
    expect(page).to_have_url(re.compile(r"region=RU-KEM"))


def test_russian_report_analysed_on_the_russian_analyzer_page(page, server_url):
    from playwright.sync_api import expect

    page.goto(f"{server_url}/meeting-analyzer?lang=ru")
    box = page.get_by_label("…или вставьте текст отчёта")
    expect(box).to_be_visible(timeout=90_000)
    wait_for_app(page)
    box.fill(
        "Минск, 3 апреля 2023 года. Товарооборот Беларуси и Калужской области в 2022 году составил "
        "почти 654 млн долларов. Стороны предложили открыть прямые авиарейсы."
    )
    page.get_by_role("button", name="Анализировать").click()
    expect(page.get_by_role("heading", name="Показатели торговли", exact=True)).to_be_visible(timeout=60_000)
    metrics = page.get_by_test_id("stMetric")
    expect(metrics.filter(has_text="Регион").first).to_contain_text("Калужская область", timeout=30_000)
    expect(metrics.filter(has_text="Дата").first).to_contain_text("3 апреля 2023", timeout=30_000)
    expect(page.get_by_role("heading", name="Проверка и сохранение в базу фактов")).to_be_visible()
    expect(page.get_by_role("button", name="Сохранить в базу фактов")).to_be_visible()
    expect(page.get_by_label("Дата отчёта", exact=False)).to_have_value("2023-04-03")
    wait_for_app(page)
    page.screenshot(path=str(ARTIFACTS / "russian-analyzer.png"), full_page=False)


def test_russian_excel_download_has_russian_headers_and_numbers(page, server_url):
    """The Excel file under the national trade chart, downloaded from the Russian page: Russian headers and
    an About sheet in Russian; the figures are numeric cells."""
    from openpyxl import load_workbook
    from playwright.sync_api import expect

    from tests.test_browser import download

    page.goto(f"{server_url}/?lang=ru&region=RU-TA")
    expect(
        page.get_by_role("heading", name="Торговля товарами между Беларусью и Россией по годам")
    ).to_be_visible(timeout=180_000)
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
    xlsx = download(page, page.get_by_role("button", name="⬇ Excel").first)
    assert xlsx.suggested_filename.startswith("national-trade") and xlsx.suggested_filename.endswith(".xlsx")
    wb = load_workbook(io.BytesIO(Path(xlsx.path()).read_bytes()))  # the saved file has no .xlsx suffix
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[1]]
    assert "Год" in headers and "Значение, млн долларов США" in headers, headers
    assert all(re.search("[А-Яа-я]", h) for h in headers), headers  # every header in Russian
    years = [r[headers.index("Год")] for r in ws.iter_rows(min_row=2, values_only=True)]
    value_col = headers.index("Значение, млн долларов США")
    values = [r[value_col] for r in ws.iter_rows(min_row=2, values_only=True) if r[value_col] is not None]
    assert values and all(isinstance(v, int | float) for v in values)  # numbers, not "1 234,5" text
    assert all(isinstance(y, int) for y in years if y is not None)
    assert wb.sheetnames[1] == "О файле"
    about = {r[0]: r[1] for r in wb["О файле"].iter_rows(max_col=2, values_only=True) if r[0]}
    assert "примененные фильтры" in about and "Республика Татарстан" in about["примененные фильтры"]
