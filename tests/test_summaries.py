"""Generated region and sector summaries: numbers from the tables, each with a numbered source mark, in
English and in Russian (whole-sentence templates from the catalog, Russian number formats and plurals).

Expected values were read by hand from datasets/regions.csv, region_indicators.csv (Rosstat),
federal_districts.csv, trade_facts.csv, meetings.csv and sectors.csv.
"""

import re
from dataclasses import replace

from analysis.data.filters import fact_years
from analysis.models import opportunities, trade
from analysis.views import overview, summaries
from tests.i18n_scan import FOREIGN_NOTE, english_words

NBSP = "\u00a0"
NNBSP = "\u202f"  # CLDR's narrow no-break space before "г."
ROSSTAT = "https://rosstat.gov.ru/folder/210/document/12994"


def best(fb):
    return trade.best_annual_figures(fb.trade_facts)


def test_kalmykia_summary_gives_each_number_with_its_source(fb):
    s = summaries.region_summary(fb, best(fb), "RU-KL")
    assert s.text.startswith("**Republic of Kalmykia** (Southern Federal District, capital Elista).")
    # Rosstat, not the harvested Wikipedia population (267,133 in 2021): the yearbook's 264.5 thousand
    assert "Population 264.5 thousand at the end of 2022 (Rosstat yearbook 2023, table 4.2) [1]." in s.text
    assert (
        "Gross regional product RUB 100.0 bn in 2021, current prices (Rosstat yearbook 2023, table 12.22) [1]."
        in s.text
    )
    assert "almost $3.0 m in 2022 (Belarusian statistics) [2]" in s.text  # 'did not reach 3 mln USD'
    assert "only full-year figure on record, so no trend" in s.text
    assert "2 meetings recorded, the latest on 2023-03-20 (President of Belarus" in s.text
    assert s.sources[:2] == [ROSSTAT, "https://news.21.by/other-news/2023/03/20/2117837.html"]
    assert len(s.sources) == len(set(s.sources)) == 4  # Rosstat, turnover, meeting, goods
    assert all(f"[{i}]" in s.text for i in range(1, 5)) and "[5]" not in s.text
    assert "wikipedia" not in " ".join(s.sources)


def test_kalmykia_summary_in_russian(fb):
    s = summaries.region_summary(fb, best(fb), "RU-KL", lang="ru")
    assert s.text.startswith("**Республика Калмыкия** (Южный федеральный округ, столица — Элиста).")
    assert (
        "Население — 264,5 тыс. человек на конец 2022 г. "
        "(Росстат, Российский статистический ежегодник 2023, табл. 4.2) [1]." in s.text
    )
    assert "Валовой региональный продукт — 100,0 млрд руб. в 2021 г. в текущих ценах" in s.text
    assert (
        "Последний опубликованный товарооборот с Беларусью: почти $3,0 млн в 2022 г. (Белорусская статистика) [2]."
        in s.text
    )
    # two meetings: the 'few' form; the people's titles are held only in English and say so
    assert (
        f"Зафиксированы 2 встречи, последняя — 20 марта 2023{NNBSP}г. "
        f"(President of Belarus — Head of Kalmykia Batu Khasikov {FOREIGN_NOTE}) [3]." in s.text
    )
    assert s.sources == summaries.region_summary(fb, best(fb), "RU-KL").sources  # same sources, same marks
    unmarked = [p for p in s.text.split(". ") if FOREIGN_NOTE not in p and english_words(p)]
    assert unmarked == []


def test_tatarstan_summary_in_russian_groups_digits_and_uses_the_many_form(fb):
    s = summaries.region_summary(fb, best(fb), "RU-TA", lang="ru")
    assert "(Приволжский федеральный округ, столица — Казань)" in s.text
    assert f"Население — 4{NBSP}001,6 тыс. человек на конец 2022 г." in s.text
    assert f"Валовой региональный продукт — 3{NBSP}454,7 млрд руб. в 2021 г." in s.text
    assert (
        "Последний опубликованный товарооборот с Беларусью: $740 млн в 2024 г. (Российская статистика) [2]."
        in s.text
    )
    assert "В базе 2 полных года (Российская статистика), самый ранний — $800 млн в 2022 г. [3]." in s.text
    assert f"Зафиксировано 6 встреч, последняя — 5 февраля 2026{NNBSP}г." in s.text


def test_one_meeting_takes_the_singular_form_in_russian(fb):
    s = summaries.region_summary(fb, best(fb), "RU-AL", lang="ru")
    assert f"Зафиксирована 1 встреча, последняя — 24 декабря 2024{NNBSP}г." in s.text
    assert (
        "1 meeting recorded, the latest on 2024-12-24" in summaries.region_summary(fb, best(fb), "RU-AL").text
    )


def test_sources_that_differ_are_counted_in_a_whole_sentence(fb):
    en = summaries.region_summary(fb, best(fb), "RU-KR").text
    ru = summaries.region_summary(fb, best(fb), "RU-KR", lang="ru").text
    assert "$12 m in 2019 (Russian statistics) [2]; 2 sources differ, another gives $14 m [3]." in en
    assert (
        "$12 млн в 2019 г. (Российская статистика) [2]; расходятся 2 источника, другой даёт $14 млн [3]."
        in ru
    )


def test_a_region_without_turnover_says_so_and_shows_what_is_known(fb):
    s = summaries.region_summary(fb, best(fb), "RU-CHU")
    assert "No full-year turnover figure is on record for this region" in s.text
    assert "Population 47.8 thousand at the end of 2022" in s.text
    assert "Belarus supplies mining dump trucks" in s.text
    assert s.sources == [ROSSTAT, "https://www.ecosever.ru/news/50089.html"]


def test_a_missing_population_is_left_out_not_filled_in(fb):
    ind = fb.region_indicators
    no_stats = replace(fb, region_indicators=ind[ind.iso_code != "RU-KK"])
    s = summaries.region_summary(no_stats, best(fb), "RU-KK")
    assert s.text.startswith("**Republic of Khakassia** (Siberian Federal District, capital Abakan).")
    assert "Population" not in s.text and "Gross regional product" not in s.text
    assert ROSSTAT not in s.sources
    ru = summaries.region_summary(no_stats, best(fb), "RU-KK", lang="ru").text
    assert "Население" not in ru and "Абакан" in ru


def test_sector_summary_counts_match_the_region_lists(fb):
    matrix = opportunities.sector_matrix(fb, fact_years(fb.trade_facts))
    lists = opportunities.sector_region_lists(matrix, "pharma")
    s = summaries.sector_summary(fb, matrix, "pharma")
    assert s.text.startswith("**Pharmaceuticals** covers ")
    n_tr, n_op = len(lists["traded"]), len(lists["discussed_not_traded"])
    assert n_tr > 0 and n_op > 0
    assert (
        f"recorded as traded with {n_tr} regions. It was discussed but no trade is recorded in {n_op} regions"
        in s.text
    )
    ru = summaries.sector_summary(fb, matrix, "pharma", lang="ru").text
    assert ru.startswith("**Фармацевтика**: ")
    assert f"Товары отрасли зафиксированы в торговле с {n_tr} регионами." in ru


def test_a_service_sector_is_called_a_service_not_an_untraded_gap(fb):
    matrix = opportunities.sector_matrix(fb, fact_years(fb.trade_facts))
    n = int(matrix[matrix.sector_id == "tourism"].discussed.sum())
    assert n > 4  # the 'many' form in Russian below
    s = summaries.sector_summary(fb, matrix, "tourism").text
    assert "It is a service sector, which goods trade statistics do not measure" in s
    assert f"it was discussed with {n} regions" in s
    assert "no trade is recorded" not in s
    ru = summaries.sector_summary(fb, matrix, "tourism", lang="ru").text
    assert "Это отрасль услуг: статистика торговли товарами её не учитывает" in ru
    assert f"отрасль обсуждалась с {n} регионами" in ru


def test_latest_meeting_in_russian_marks_the_english_names(fb):
    en = overview.latest_meeting(fb, (2015, 2026))
    ru = overview.latest_meeting(fb, (2015, 2026), lang="ru")
    assert en["summary"].startswith("2026-03-16, Ryazan Oblast: **President of Belarus** met **Governor")
    assert ru["summary"].startswith(
        f"16 марта 2026{NNBSP}г., Рязанская область: встреча — **President of Belarus {FOREIGN_NOTE}** и "
    )
    assert "Отрасли в повестке: Строительство, Сельское хозяйство и продовольствие" in ru["summary"]
    assert ru["source_url"] == en["source_url"]
    focus = overview.region_focus(fb, best(fb), "RU-TA", lang="ru")
    assert focus["name"] == "Республика Татарстан" and focus["summary"].startswith("**Республика Татарстан**")


def test_an_unknown_language_is_refused(fb):
    import pytest

    with pytest.raises(ValueError, match="lang must be"):
        summaries.region_summary(fb, best(fb), "RU-KL", lang="de")


def test_every_russian_summary_leaves_only_marked_english(fb):
    """English left in a Russian summary must be data text with its language note (names, goods, scopes)."""
    sentences = re.compile(r"(?<=[.;)])\s+(?=[А-ЯЁ*\d])")
    left = []
    for iso in fb.regions[fb.regions.country == "RU"].iso_code:
        text = summaries.region_summary(fb, best(fb), iso, lang="ru").text
        left += [(iso, s) for s in sentences.split(text) if FOREIGN_NOTE not in s and english_words(s)]
    matrix = opportunities.sector_matrix(fb, fact_years(fb.trade_facts))
    for sid in fb.sectors.sector_id:
        text = summaries.sector_summary(fb, matrix, sid, lang="ru").text
        left += [(sid, s) for s in sentences.split(text) if FOREIGN_NOTE not in s and english_words(s)]
    assert left == []
