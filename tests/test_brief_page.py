"""The 'Meeting brief' action on the Regions page: AppTest for the buttons, chromium for the downloads."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from analysis.brief.texts import EN
from tests.apptest import run_page
from tests.test_browser import download, wait_for_app

LABELS = ["⬇ Meeting brief (Word)", "⬇ Meeting brief (PDF)"]


def test_regions_page_offers_the_brief_for_the_profiled_region():
    at = run_page("screens/regions.py", region="RU-TA", side="RU", years="2019-2025")
    assert any(h.value == "Profile: Republic of Tatarstan" for h in at.header)
    assert "Meeting brief" in [s.value for s in at.subheader]
    buttons = [d for d in at.get("download_button") if d.proto.label in LABELS]
    assert [b.proto.label for b in buttons] == LABELS
    assert all(b.proto.deferred_file_id for b in buttons)  # built only when clicked, not on every rerun
    assert any("brief on Republic of Tatarstan" in c.value for c in at.caption)


def test_the_files_behind_the_buttons_follow_the_page_filters():
    from dashboard import cached

    day = date.today().isoformat()
    args = ("RU", "RU-TA", (2019, 2025), "en", day)
    docx = cached.meeting_brief_file(*args, "docx")
    assert docx is cached.meeting_brief_file(*args, "docx")  # cached by inputs: a second click costs nothing
    text = "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)
    assert "Filters: Russian statistics; years 2019–2025." in text
    pdf = cached.meeting_brief_file(*args, "pdf")
    assert "Russian statistics" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_the_brief_follows_the_interface_language():
    from dashboard import cached

    day = date.today().isoformat()
    docx = cached.meeting_brief_file("RU", "RU-TA", (2019, 2025), "ru", day, "docx")
    doc = Document(io.BytesIO(docx))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[:2] == ["Справка к встрече: Республика Татарстан", "1. Основные сведения"]
    assert any("фильтры: Российская статистика; годы 2019–2025." in p.text for p in doc.paragraphs)
    pdf = cached.meeting_brief_file("RU", "RU-TA", (2019, 2025), "ru", day, "pdf")
    assert "Справка к встрече: Республика Татарстан" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


@pytest.mark.browser
def test_download_both_brief_files_in_the_browser(page, server_url):
    from playwright.sync_api import expect

    page.goto(f"{server_url}/regions?region=RU-TA")
    expect(page.get_by_role("heading", name="Profile: Republic of Tatarstan")).to_be_visible(timeout=60_000)
    day = date.today().isoformat()
    word = download(page, page.get_by_role("button", name=LABELS[0]))
    assert word.suggested_filename == f"meeting-brief_RU-TA_republic-of-tatarstan_{day}.docx"
    doc = Document(word.path())
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [EN[f"h_{k}"] for k in ("facts", "trade", "meetings", "goods", "opportunities",
                                               "proposals", "points", "sources")]  # fmt: skip
    wait_for_app(page)
    pdf = download(page, page.get_by_role("button", name=LABELS[1]))
    assert pdf.suggested_filename == f"meeting-brief_RU-TA_republic-of-tatarstan_{day}.pdf"
    reader = PdfReader(Path(pdf.path()))
    assert len(reader.pages) >= 2 and "Meeting brief: Republic of Tatarstan" in reader.pages[0].extract_text()
