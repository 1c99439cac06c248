"""The Russian interface in the app: `lang=ru` in the URL, the sidebar switch, names from the data."""

from __future__ import annotations

from analysis.data.filters import region_search_labels
from tests.apptest import run_page

NBSP = "\u00a0"


def test_russian_overview_has_russian_title_filters_and_kpis(fb):
    at = run_page(lang="ru")
    assert at.title[0].value == "Беларусь ⇄ регионы России: обзор торговли"
    assert [m.label for m in at.multiselect] == ["Отрасль", "Регион"]
    assert at.multiselect[0].placeholder == "Все отрасли"
    assert at.slider[0].label == "Годы" and at.radio[0].label == "Сторона статистики"
    assert at.radio[0].options[0] == "Лучшие доступные данные (сначала белорусские)"
    assert [t.label for t in at.tabs] == ["Торговля по годам", "Ведущие регионы", "Повестка встреч"]
    labels = [m.label for m in at.metric]
    assert labels and all(
        label.startswith(("Товарооборот", "Экспорт", "Импорт", "Сальдо")) for label in labels
    )
    values = [m.value for m in at.metric if m.value != "–"]
    assert values and all(v.startswith(("$", "-$")) and v.endswith((" млрд", " млн")) for v in values)
    assert any("," in v for v in values)  # a decimal comma, never a point
    assert not any("." in v for v in values)


def test_english_stays_the_default(fb):
    at = run_page()
    assert at.title[0].value == "Belarus ⇄ Russian regions: trade overview"
    assert [m.label for m in at.multiselect] == ["Sector", "Region"]
    assert "lang" not in at.query_params


def test_sector_and_region_names_come_in_russian_from_the_data(fb):
    at = run_page(lang="ru")
    sector_names = set(fb.sectors.name_ru)
    assert set(at.multiselect[0].options) <= sector_names
    tatarstan = next(o for o in at.multiselect[1].options if "Татарстан" in o)
    assert tatarstan.startswith("Республика Татарстан")
    assert "Tatarstan" in tatarstan  # the English name still finds it


def test_russian_search_labels_lead_with_the_russian_name_and_keep_the_others(fb):
    labels = region_search_labels(fb.regions, fb.region_aliases, "name_ru")
    assert labels["RU-KEM"].startswith("Кемеровская область")
    assert "Kemerovo" in labels["RU-KEM"] and "Кузбасс" in labels["RU-KEM"]


def test_switching_language_keeps_filters_and_the_open_tab(fb):
    at = run_page(overview_view="Meeting agenda", region="RU-KL", sector="pharma", years="2019-2024")
    at.button_group(key="f_lang").set_value("ru").run()
    assert not at.exception
    assert at.title[0].value == "Беларусь ⇄ регионы России: обзор торговли"
    assert [m.value for m in at.multiselect] == [["pharma"], ["RU-KL"]]
    assert at.slider[0].value == (2019, 2024)
    assert "О чём говорили на встречах" in [h.value for h in at.subheader]  # the meeting agenda tab
    assert at.query_params["lang"] == ["ru"] or at.query_params["lang"] == "ru"
    at.button_group(key="f_lang").set_value("en").run()
    assert "What the meetings cover" in [h.value for h in at.subheader]
    assert [m.value for m in at.multiselect] == [["pharma"], ["RU-KL"]]
    assert "lang" not in at.query_params


def test_a_tab_named_in_either_language_opens_in_russian(fb):
    for tab in ("Top regions", "Ведущие регионы"):
        at = run_page(lang="ru", overview_view=tab)
        assert "Ведущие регионы по последнему обороту" in [h.value for h in at.subheader]
        assert not at.warning


def test_an_unknown_language_is_dropped_with_a_warning(fb):
    at = run_page(lang="de")
    assert at.title[0].value == "Belarus ⇄ Russian regions: trade overview"
    assert any("unknown language" in w.value and "de" in w.value for w in at.warning)
    assert "lang" not in at.query_params


RUSSIAN_PAGES = {
    "screens/regions.py": ("Регионы", ["Профиль региона", "Встречи и товары", "Карта", "Таблица регионов"]),
    "screens/sectors.py": (
        "Отрасли",
        ["Обзор", "Карточки отраслей", "Товары в торговле с Беларусью (Росстат)"],
    ),
    "screens/opportunities.py": ("Возможности", ["Потенциал регионов (модель)", "Карта потенциала (модель)"]),
    "screens/meeting_analyzer.py": ("Анализ отчёта о встрече", []),
    "screens/data_methods.py": ("Данные и методы", []),
}


def test_every_page_has_its_russian_title_tabs_and_filters(fb):
    for page, (title, tabs) in RUSSIAN_PAGES.items():
        at = run_page(page, lang="ru")
        assert at.title[0].value == title, page
        assert [t.label for t in at.tabs][: len(tabs)] == tabs, page
        assert [m.label for m in at.sidebar.multiselect] == ["Отрасль", "Регион"], page


def test_the_region_in_focus_is_named_in_russian(fb):
    at = run_page(lang="ru", region="RU-TA")
    assert "Регион в фокусе: Республика Татарстан" in [h.value for h in at.subheader]
