"""Issue 20 for downloads and labels: Russian column labels, a Russian Excel file (headers, About sheet) with
numbers as numbers, CSV headers that stay ids, district names and model notes in Russian."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from analysis.data import catalog, geo
from analysis.data.filters import FilterState
from analysis.output.export import about_filters, to_csv_bytes, to_excel_bytes
from analysis.output.labels import COLUMN_LABELS, column_label, district_name, note_text
from analysis.views import opportunity_views
from dashboard import widgets
from tests.i18n_scan import english_words

FRAME = pd.DataFrame(
    {
        "iso_code": ["RU-TA", "RU-KL"],
        "latest_year": [2024, 2023],
        "turnover_musd": [740.25, None],
        "growth_pct": [-13.6, 2.5],
        "side": ["RU", "BY"],
        "source_url": ["https://example.org/a", "https://example.org/b"],
    }
)


def test_column_labels_in_russian_and_english():
    assert column_label("turnover_musd", "ru") == "Товарооборот, млн долларов США"
    assert column_label("federal_district", "ru") == "Федеральный округ"
    assert column_label("grp_mrub", "ru") == "ВРП, млн руб."
    assert column_label("turnover_musd") == "Turnover, million USD"  # English as before
    assert column_label("some_new_musd") == "Some new, million USD"  # an id without a label: readable form
    with pytest.raises(ValueError):
        column_label("turnover_musd", "de")


def test_every_russian_column_label_is_russian():
    english = {c: column_label(c, "ru") for c in COLUMN_LABELS if english_words(column_label(c, "ru"))}
    assert english == {}, english


def test_russian_excel_has_russian_headers_numbers_and_about_sheet():
    about = {"фильтры": "Регион: Республика Татарстан"}
    wb = load_workbook(io.BytesIO(to_excel_bytes(FRAME, "region-table", about, "ru")))
    assert wb.sheetnames == ["region-table", "О файле"]
    ws = wb["region-table"]
    headers = [c.value for c in ws[1]]
    assert headers == [
        "Код региона",
        "Последний год",
        "Товарооборот, млн долларов США",
        "Рост к предыдущему году, %",
        "Сторона статистики",
        "Источник",
    ]
    assert ws["C2"].value == 740.25 and isinstance(ws["C2"].value, float)  # a number, full precision
    assert ws["C3"].value is None  # missing stays blank, never 0
    assert ws["B2"].value == 2024 and isinstance(ws["B2"].value, int)
    assert ws["D2"].value == -13.6
    assert ws["E2"].value == "RU"  # the side code stays BY/RU
    lines = {r[0].value: r[1].value for r in wb["О файле"].iter_rows(max_col=2) if r[0].value}
    assert lines["строк"] == "2" and lines["фильтры"] == "Регион: Республика Татарстан"
    assert lines["числа"].startswith("Числовые ячейки") and "источники строк" in lines


def test_english_excel_keeps_ids_with_units():
    wb = load_workbook(io.BytesIO(to_excel_bytes(FRAME, "region-table")))
    assert wb.sheetnames == ["region-table", "About"]
    assert [c.value for c in wb.active[1]][:3] == ["iso_code", "latest_year", "turnover_musd (million USD)"]


def test_csv_headers_stay_ids_in_either_language():
    header = to_csv_bytes(FRAME).decode("utf-8-sig").splitlines()[0]
    assert header == "iso_code,latest_year,turnover_musd,growth_pct,side,source_url"
    assert "740.25" in to_csv_bytes(FRAME).decode("utf-8-sig")  # dot decimal: machine-readable


def test_about_filters_in_russian():
    state = FilterState(("pharma",), ("RU-TA",), (2019, 2024), "RU")
    text = about_filters(
        state, (1996, 2026), lambda r: "Республика Татарстан", lambda s: "Фармацевтика", "ru"
    )
    assert text == (
        "Отрасль: Фармацевтика · Регион: Республика Татарстан · Годы: 2019–2024 · "
        "Сторона статистики: Российская статистика"
    )
    everything = FilterState((), (), (1996, 2026), None)
    text = about_filters(everything, (1996, 2026), str, str, "ru")
    assert text.startswith("Отрасль: все · Регион: все · Годы: 1996–2026 (все)")


def test_federal_districts_in_russian():
    assert district_name("Volga", "ru") == "Приволжский федеральный округ"
    assert district_name("North Caucasian", "ru", short=True) == "СКФО"
    assert (
        district_name("Volga") == "Volga Federal District"
        and district_name("Volga", short=True) == "Volga FD"
    )
    assert district_name("", "ru") == ""


def test_model_notes_in_russian():
    assert note_text("no full-year figure for 2023", "ru") == "нет годового показателя за 2023 г."
    assert note_text("previous year (2021) only in Belarusian statistics", "ru") == (
        "предыдущий год (2021) есть только в белорусской статистике"
    )
    assert note_text("2 sources differ", "ru") == "расхождение источников: 2"
    assert note_text("2 sources differ") == "2 sources differ"
    assert note_text("a note the app does not know", "ru") == "a note the app does not know"


def test_model_labels_marked_here_are_the_models_own():
    from analysis.models.opportunities import CLASS_LABELS
    from analysis.models.potential import TERM_LABELS
    from analysis.models.targets import target_status

    assert opportunity_views.CLASS_MESSAGES == CLASS_LABELS
    assert set(opportunity_views.TERM_MESSAGES) == set(TERM_LABELS.values())
    statuses = {
        target_status(float("nan"), 1, 0, 0),
        target_status(50, 1, 0, 0, stale=True),
        target_status(120, 1, 0, 0),
        target_status(50, float("nan"), 0, 0),
        target_status(50, 0, 0, 0),
        target_status(50, 2, 0.1, 0.2),
        target_status(50, 2, 0.2, 0.1),
    }
    assert statuses == set(opportunity_views.STATUS_MESSAGES)
    assert opportunity_views.spec_name("GRP + distance + border with Belarus", "ru") == (
        "ВРП + расстояние + граница с Беларусью"
    )
    assert opportunity_views.status_label("on track", "ru") == "в графике"


def test_data_texts_marked_for_translation_are_the_data_layers_own():
    assert geo.BOUNDARY_CREDIT in widgets.DATA_MESSAGES
    assert catalog.DOWNLOAD_LICENCE in widgets.DATA_MESSAGES


def test_data_as_of_names_marked_for_translation_are_the_catalogs_own(fb):
    assert set(widgets.AS_OF_NAMES) == set(catalog.data_as_of(fb))


def test_a_table_in_russian_gets_russian_names_districts_and_notes():
    from analysis.output.labels import localised_frame

    df = pd.DataFrame(
        {
            "iso_code": ["RU-TA"],
            "name_en": ["Republic of Tatarstan"],
            "federal_district": ["Volga"],
            "growth_note": ["no full-year figure for 2023"],
            "turnover_musd": [740.0],
        }
    )
    out = localised_frame(df, "ru", {"RU-TA": "Республика Татарстан"}, {})
    assert list(out.columns) == [
        "iso_code",
        "name_en",
        "name_ru",
        "federal_district",
        "growth_note",
        "turnover_musd",
    ]
    assert out.iloc[0].tolist() == [
        "RU-TA",
        "Republic of Tatarstan",
        "Республика Татарстан",
        "Приволжский федеральный округ",
        "нет годового показателя за 2023 г.",
        740.0,
    ]
    assert localised_frame(df, "en", {}, {}) is df
    assert df.federal_district.tolist() == ["Volga"]  # the input is not changed
