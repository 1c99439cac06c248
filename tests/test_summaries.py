"""Generated region and sector summaries: numbers from the tables, each with a numbered source mark.

Expected values were read by hand from datasets/regions.csv, trade_facts.csv and meetings.csv.
"""

from analysis.data.filters import fact_years
from analysis.models import opportunities, trade
from analysis.views import summaries


def test_kalmykia_summary_gives_each_number_with_its_source(fb):
    s = summaries.region_summary(fb, trade.best_annual_figures(fb.trade_facts), "RU-KL")
    assert s.text.startswith("**Republic of Kalmykia** (Southern Federal District, capital Elista)")
    assert "population 267,133 (2021) [1]" in s.text
    assert "almost $3.0 m in 2022 (BY statistics) [2]" in s.text  # 'did not reach 3 mln USD'
    assert "only full-year figure on record, so no trend" in s.text
    assert "2 meetings recorded, the latest on 2023-03-20 (President of Belarus" in s.text
    assert s.sources[:2] == [
        "https://en.wikipedia.org/wiki/Kalmykia",
        "https://news.21.by/other-news/2023/03/20/2117837.html",
    ]
    assert len(s.sources) == len(set(s.sources)) == 4  # population, turnover, meeting, goods
    assert all(f"[{i}]" in s.text for i in range(1, 5)) and "[5]" not in s.text


def test_a_region_without_turnover_says_so_and_shows_what_is_known(fb):
    s = summaries.region_summary(fb, trade.best_annual_figures(fb.trade_facts), "RU-CHU")
    assert "No full-year turnover figure is on record for this region" in s.text
    assert "population 47,490 (2021) [1]" in s.text
    assert "Belarus supplies mining dump trucks" in s.text
    assert s.sources == [
        "https://en.wikipedia.org/wiki/Chukotka_Autonomous_Okrug",
        "https://www.ecosever.ru/news/50089.html",
    ]


def test_a_missing_population_is_left_out_not_filled_in(fb):
    s = summaries.region_summary(fb, trade.best_annual_figures(fb.trade_facts), "RU-KK")
    assert s.text.startswith("**Republic of Khakassia** (Siberian Federal District, capital Abakan).")
    assert "population" not in s.text


def test_sector_summary_counts_match_the_region_lists(fb):
    matrix = opportunities.sector_matrix(fb, fact_years(fb.trade_facts))
    lists = opportunities.sector_region_lists(matrix, "pharma")
    s = summaries.sector_summary(fb, matrix, "pharma")
    assert s.text.startswith("**Pharmaceuticals** covers ")
    n_tr, n_op = len(lists["traded"]), len(lists["discussed_not_traded"])
    assert n_tr > 0 and n_op > 0
    assert (
        f"traded with {n_tr} regions; it was discussed but no trade is recorded in {n_op} regions" in s.text
    )
