"""Issue 20: the Meeting analyzer, Records and Data & methods in Russian leave no English UI text
(`tests.i18n_scan.untranslated`), before and after analysing a report, with the review form, after a save,
and on every Records tab; in English they stay English."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from analysis.data import records
from analysis.data.store import Store, database_url
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
