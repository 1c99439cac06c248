"""Issue 20: the Meeting analyzer, Records and Data & methods in Russian leave no English UI text
(`tests.i18n_scan.untranslated`), before and after analysing a report, with the review form, after a save,
and on every Records tab; in English they stay English."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis.analyzer.dates import check_report_date
from analysis.analyzer.documents import InputProblem, read_document
from analysis.analyzer.views import display_frame
from analysis.data import catalog, records
from analysis.data.store import Store, database_url
from analysis.output.i18n import translator
from tests.conftest import ROOT
from tests.i18n_scan import untranslated

APP = str(ROOT / "dashboard" / "app.py")
TEXTS = ROOT / "tests" / "texts"
SOURCE = "https://example.org/meeting-report"


@pytest.fixture()
def own_store(tmp_path, monkeypatch):
    """A store of its own for each test (the dashboard opens it from BYRU_DATA_HOME)."""
    monkeypatch.setenv("BYRU_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("BYRU_USER", "Тестовый аналитик")
    store = Store.open(database_url())
    yield store
    store.close()


def page(name: str, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(f"screens/{name}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def assert_russian(at: AppTest) -> None:
    left = untranslated(at)
    assert left == [], "English left on the Russian page:\n" + "\n".join(left)


def analysed(at: AppTest, file_name: str) -> AppTest:
    at.text_area(key="report_text").set_value((TEXTS / file_name).read_text(encoding="utf-8")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_empty_analyzer_is_russian(own_store):
    at = page("meeting_analyzer", lang="ru")
    assert_russian(at)
    assert [b.label for b in at.button] == ["Анализировать"]
    at.text_input(key="report_date").set_value("2023-02-30").run()  # a date that does not exist
    (error,) = at.error  # shown literally (escaped), in Russian
    assert error.value.startswith("Дня 2023") and "не существует" in error.value
    assert_russian(at)


@pytest.mark.parametrize("report", ["en_kaluga_visit.txt", "ru_bashkiria.txt"])
def test_analysed_report_and_review_form_are_russian(own_store, report):
    at = analysed(page("meeting_analyzer", lang="ru"), report)
    assert_russian(at)
    assert "Проверка и сохранение в базу фактов" in [h.value for h in at.header]
    assert {"Регион", "Дата", "Место", "Отрасли"} <= {m.label for m in at.metric}
    # coded values in words on the page (the downloads keep the codes)
    figures = at.dataframe[0].value
    assert set(figures.flow) <= {"товарооборот", "Экспорт Беларуси", "Импорт Беларуси", "сальдо"}


def test_a_refused_and_a_done_save_are_russian(own_store):
    at = analysed(page("meeting_analyzer", lang="ru"), "ru_bashkiria.txt")
    next(t for t in at.text_input if t.label == "Участники с белорусской стороны").set_value("Министр (тест)")
    save = next(b for b in at.button if b.label == "Сохранить в базу фактов")
    save.click().run()  # no source address: refused, nothing written
    assert any(e.value.startswith("Не сохранено") for e in at.error)
    assert "не может быть пустым" in set(at.dataframe[-1].value.reason)
    assert_russian(at)
    assert records.saves(own_store).empty
    next(t for t in at.text_input if t.label.startswith("Адрес источника")).set_value(SOURCE).run()
    next(b for b in at.button if b.label == "Сохранить в базу фактов").click().run()
    assert not at.exception, [e.value for e in at.exception]
    notice = " ".join(s.value for s in at.success)
    assert "Сохранено (сохранение 1): добавлено 1 встреча" in notice
    assert_russian(at)


def test_records_empty_and_with_a_save_are_russian_on_every_tab(own_store):
    at = page("records", lang="ru")
    assert at.title[0].value == "Записи"
    assert_russian(at)
    from tests.store_samples import sample_rows

    records.save_rows(own_store, sample_rows(1), added_by="Анна", details={"title": "Тестовая встреча"})
    for tab in ("Встречи и факты", "Договорённости к исполнению", "Сохранения", "Выгрузка и загрузка"):
        at = page("records", lang="ru", records_view=tab)
        assert_russian(at)
    assert any("Последнее сохранение" in m.value for m in at.markdown)
    at = page("records", lang="ru")
    at.selectbox(key="rec_table").set_value("trade_facts").run()
    at.text_input(key="rec_value").set_value("650").run()
    next(b for b in at.button if b.label == "Сохранить изменение").click().run()  # no reason given
    assert any("Укажите причину изменения" in e.value for e in at.error)
    assert_russian(at)


def test_data_and_methods_is_russian(own_store):
    at = page("data_methods", lang="ru")
    at.expander[0].open = True  # the best-figure rule
    assert_russian(at)
    assert at.table[1].value.index.name == "Показатель"
    assert "Товарооборот" in at.table[1].value.index


def test_english_stays_english(own_store):
    at = analysed(page("meeting_analyzer"), "ru_bashkiria.txt")
    assert at.title[0].value == "Meeting analyzer"
    assert "Review and save to the fact base" in [h.value for h in at.header]
    assert set(at.dataframe[0].value.flow) <= {"turnover", "Belarus exports", "Belarus imports", "balance"}
    assert page("records").title[0].value == "Records"
    assert page("data_methods").subheader[-1].value == "When sources disagree"


# --- the messages behind these pages, in Russian where shown and English for the command line -------------
RU = translator("ru").gettext


def test_document_problems_speak_the_interface_language():
    with pytest.raises(InputProblem) as bad:
        read_document("report.exe", b"x")
    assert str(bad.value) == "'report.exe' is a .exe file; upload .txt, .md, .docx or .pdf."  # the CLI's
    assert bad.value.message(RU) == "«report.exe» — файл .exe; загрузите .txt, .md, .docx или .pdf."
    with pytest.raises(InputProblem) as empty:
        read_document("r.txt", b"")
    assert empty.value.message(RU) == "Файл «r.txt» пуст."


def test_a_bad_report_date_is_explained_in_russian():
    assert check_report_date("2023-02-30", RU) == (
        None,
        "Дня 2023-02-30 не существует; проверьте месяц и число. Дата не используется.",
    )
    assert check_report_date("2023-02-30")[1].startswith("There is no such day as 2023-02-30")
    assert check_report_date("2023-02-28", RU) == ("2023-02-28", None)


def test_refusal_reasons_are_translated_with_their_values_kept():
    problems = [
        ("meetings", 1, "source_url", "must not be empty"),
        ("trade_facts", 2, "value", "expected a number, got 'abc'"),
        ("trade_facts", 2, "period", "no period in '20x4'"),  # a period message stays as written
    ]
    frame = records.problems_frame(problems, RU)
    assert frame.reason.tolist() == [
        "не может быть пустым",
        "нужно число, а введено 'abc'",
        "no period in '20x4'",
    ]
    assert records.problems_frame(problems).reason.tolist() == [p[3] for p in problems]
    assert records.localized("Nothing changed.", RU) == "Ничего не изменилось."


def test_save_summaries_in_russian_have_the_right_plural_forms():
    result = records.SaveResult(
        7, {"meetings": 1, "trade_facts": 3, "product_mentions": 5}, followups_added=2
    )
    ru = translator("ru")
    assert (
        result.describe(ru)
        == "1 встреча, 3 факта торговли, 5 упоминаний товаров, 2 договорённости к исполнению"
    )
    assert result.describe() == "1 meeting, 3 trade facts, 5 product mentions, 2 follow-up items"
    again = records.SaveResult.from_summary(7, result.summary)  # the English summary kept in the store
    assert again.describe(ru) == result.describe(ru)


def test_coded_values_are_shown_in_words_and_kept_in_downloads():
    figures = pd.DataFrame(
        {"flow": ["by_exports", "turnover"], "qualifier": ["almost", "exact"], "scope": ["pair", "national"]}
    )
    shown = display_frame(figures, RU)
    assert shown.flow.tolist() == ["Экспорт Беларуси", "товарооборот"]
    assert shown.qualifier.tolist() == ["почти", "точно"]
    assert shown.scope.tolist() == ["Беларусь и регион", "Беларусь и Россия в целом"]
    assert figures.flow.tolist() == ["by_exports", "turnover"]  # the frame downloaded is not changed
    proposals = display_frame(pd.DataFrame({"kind": ["flight"], "also": ["supply; training"]}), RU, True)
    assert proposals.iloc[0].tolist() == ["авиарейсы", "поставки; обучение"]


def test_catalogue_and_indicators_in_russian(fb):
    cat = catalog.table_catalogue(fb, RU).set_index("table")
    assert cat.at["fx_rates", "licence"] == "Факты со ссылкой на источник"
    assert (
        catalog.table_catalogue(fb).set_index("table").at["fx_rates", "licence"] == "Facts with attribution"
    )
    indicators = catalog.indicator_definitions(RU)
    assert indicators.shape == catalog.INDICATORS.shape
    assert set(indicators.kind) == {"опубликованный", "расчётный", "модельный"}
    kinds = catalog.figures_by_source_kind(fb, RU)
    assert kinds.table.iloc[-1] == "все показатели"
