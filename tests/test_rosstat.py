"""Rosstat yearbook tables: the parse matches values read by hand, and the committed CSVs match the parse.

Tests that read the Word files skip when ../shared is absent; the checks on the committed CSVs always run.
"""

from __future__ import annotations

import pandas as pd
import pytest

from datasets.build import adopt_rosstat as ar


@pytest.fixture(scope="module")
def rosstat(shared_dir):
    return shared_dir / "reference" / "rosstat"


@pytest.fixture(scope="module")
def subjects(fb):
    return ar.Subjects.from_regions(fb.regions)


def test_numbers_as_printed():
    assert ar.parse_number("1 354 810,5") == 1354810.5
    assert ar.parse_number("42.5") == 42.5
    assert ar.parse_number("–") == 0.0  # the yearbook's dash: no trade
    assert ar.parse_number("…") is None  # not published: missing, never zero
    with pytest.raises(ar.ParseError):
        ar.parse_number("12 abc")


def test_names_map_to_subjects(subjects):
    assert subjects.match("г. Москва") == "RU-MOW"
    assert subjects.match("Республика Северная Осетия – Алания") == "RU-SE"
    assert subjects.match("Ханты-Мансийский автономный округ – Югра") == "RU-KHM"
    assert subjects.match("Республика Саха (Якутия)") == "RU-SA"
    for dropped in (
        "Российская Федерация",
        "Дальневосточныйфедеральный округ",
        "г. Севастополь",
        "Республика Крым",
        "Аpхангельская область без автономного округа",  # Latin 'p', as printed in table 25.4
        "в том числе:",
    ):
        assert subjects.match(dropped) is None
    with pytest.raises(ar.ParseError, match="matches none"):
        subjects.match("Атлантида")


def test_goods_label_split():
    ru, en, unit, printed = ar.split_goods_label(
        "Тракторы, включая седельные тягачи, шт.Tractors, including semi-tractors, pcs."
    )
    assert (ru, en, unit, printed) == (
        "Тракторы, включая седельные тягачи",
        "Tractors, including semi-tractors",
        "pieces",
        "pcs.",
    )
    assert ar.split_goods_label("Овощи, тыс. т / Vegetables, thou. tonnes")[1:3] == (
        "Vegetables",
        "thousand tonnes",
    )
    with pytest.raises(ar.ParseError, match="unknown unit"):
        ar.split_goods_label("Что-то, ведро Something, buckets")


def test_region_indicators_hand_read(rosstat, subjects):
    df = ar.region_indicators(rosstat, subjects).set_index(["iso_code", "indicator"]).value
    assert df["RU-BEL", "grp"] == 1354810.5  # 12.22, Belgorod, million RUB
    assert df["RU-BEL", "grp_per_capita"] == 879206.4
    assert df["RU-MOW", "grp"] == 24471160.4
    assert df["RU-NEN", "grp_per_capita"] == 9804742.9
    assert df["RU-KL", "population"] == 264.5  # 4.2, Kalmykia, thousand persons
    assert df["RU-BA", "population"] == 4077.6  # printed without a thousands space
    assert df["RU-CHU", "population"] == 47.8
    # Arkhangelsk and Tyumen: the whole-oblast row, not the 'without autonomous okrug' duplicate.
    assert df["RU-ARK", "grp"] == 1055420.9
    assert df["RU-TYU", "population"] == 3851.3


def test_region_trade_hand_read(rosstat, subjects):
    df = ar.region_foreign_trade(rosstat, subjects).set_index(["iso_code", "partner", "flow"]).value
    assert df["RU-BEL", "world", "region_exports"] == 5052.4
    assert df["RU-SMO", "cis", "region_imports"] == 1840.1
    assert df["RU-KL", "far_abroad", "region_imports"] == 0.2
    assert df["RU-NEN", "cis", "region_exports"] == 0.0  # printed '–'
    assert df["RU-CHU", "world", "region_imports"] == 80.3


def test_national_goods_and_totals_hand_read(rosstat):
    g = ar.national_goods(rosstat).set_index(["product", "direction", "year"])
    assert g.loc[("Tractors, including semi-tractors", "ru_imports_from_by", 2021), "value"] == 27579
    assert g.loc[("Tractors, including semi-tractors", "ru_imports_from_by", 2021), "unit"] == "pieces"
    assert g.loc[("Milk and dairy products", "ru_imports_from_by", 2020), "value"] == 884
    assert g.loc[("Natural gas", "ru_exports_to_by", 2021), "value"] == 19.8
    assert g.loc[("Cigars and cigarettes", "ru_exports_to_by", 2021), "unit"] == "thousand USD"
    t = ar.national_totals(rosstat).set_index("year")
    assert t.loc[2021, "ru_exports_musd"] == 23483 and t.loc[2021, "ru_imports_musd"] == 15708
    assert t.loc[2000, "ru_exports_musd"] == 5568 and list(t.index) == [2000, 2010, 2019, 2020, 2021]


def test_committed_tables_match_the_parse(rosstat, subjects, fb):
    for name, rebuilt in (
        ("region_indicators", ar.region_indicators(rosstat, subjects)),
        ("region_foreign_trade", ar.region_foreign_trade(rosstat, subjects)),
        ("national_goods", ar.national_goods(rosstat)),
    ):
        committed = pd.read_csv(fb.data_dir / f"{name}.csv", dtype=str, keep_default_na=False)
        rebuilt = rebuilt.astype(str).replace({"nan": "", "None": ""})
        pd.testing.assert_frame_equal(committed, rebuilt, check_dtype=False, obj=name)
    yearbook = fb.trade_facts[fb.trade_facts.fact_id.str.endswith(ar.YEARBOOK_SUFFIX)]
    assert len(yearbook) == 15 and set(yearbook.side) == {"RU"}


def test_subjects_add_up_to_their_district(rosstat):
    """Each federal district's row equals the sum of its subjects' rows, within the printed rounding."""
    for file, number, n in (("population", "4.2", 1), ("grp", "12.22", 2), ("trade", "25.4", 6)):
        sums = ar.district_sums(ar.rows_of(ar.tables_after(rosstat / ar.FILES[file], number)), n)
        assert len(sums) == 8, number
        for district, subjects_total, printed in sums:
            cols = range(1) if number == "12.22" else range(n)  # per-capita GRP does not add up
            for j in cols:
                assert subjects_total[j] == pytest.approx(printed[j], abs=0.05 * 8), (number, district, j)


def test_districts_add_up_to_the_country(rosstat):
    """Population and GRP: the districts sum to the Russian Federation row. Trade (25.4): the country row
    is not the sum of the regions (it differs by up to 1.2%, imports most), so the check is looser."""
    for file, number, n, rel in (
        ("population", "4.2", 1, 1e-6),
        ("grp", "12.22", 1, 1e-9),
        ("trade", "25.4", 6, 0.015),
    ):
        agg = ar.aggregate_rows(ar.rows_of(ar.tables_after(rosstat / ar.FILES[file], number)), n)
        country = agg.pop(next(k for k in agg if "Российская" in k))
        assert len(agg) == 8, (number, list(agg))
        for j in range(n):
            total = sum(v[j] for v in agg.values())
            assert total == pytest.approx(country[j], rel=rel, abs=0.1), (number, j)


def test_every_subject_once_in_the_committed_tables(fb):
    ru = set(fb.regions[fb.regions.country == "RU"].iso_code)
    assert len(ru) == 83
    ind = fb.region_indicators
    for indicator in ("population", "grp", "grp_per_capita"):
        rows = ind[ind.indicator == indicator]
        assert sorted(rows.iso_code) == sorted(ru), indicator
        assert rows.value.gt(0).all() and rows.source.str.contains("table").all()
    trade = fb.region_foreign_trade
    assert trade.groupby(["partner", "flow"]).iso_code.nunique().eq(83).all()
    # total = CIS + far abroad within the yearbook's rounding (0.1 million USD per cell)
    wide = trade.pivot_table(index=["iso_code", "flow"], columns="partner", values="value")
    assert ((wide.world - wide.cis - wide.far_abroad).abs() <= 0.25).all()


def test_source_kinds_by_hand():
    from analysis.data import catalog

    assert catalog.source_kind("https://rosstat.gov.ru/folder/210/document/12994") == "official statistics"
    assert catalog.source_kind("https://president.gov.by/ru/events/x") == "official statement"
    assert catalog.source_kind("http://krupki.gov.by/news/1") == "official statement"
    assert catalog.source_kind("https://soyuz.by./news") == "official statement"
    assert catalog.source_kind("https://tass.com/economy/1646501") == "press"
    assert catalog.source_kind("https://www.belta.by/economics/view/1") == "press"


def test_figures_by_source_kind(fb):
    from analysis.data import catalog

    t = catalog.figures_by_source_kind(fb).set_index("table")
    assert t.loc["national_goods"].tolist() == [102, 0, 0, 102]
    assert t.loc["trade_facts", "official statistics"] == 15  # table 25.5: 5 years × 3 flows
    assert (t[list(catalog.SOURCE_KINDS)].sum(axis=1) == t.figures).all()
    assert t.loc["all figures", "figures"] == t.drop("all figures").figures.sum()


def test_relay_copies_give_way_to_the_primary_source(fb):
    """Where the same national figure is on file from an aggregator and from a primary source, the primary is kept."""
    from datasets.build import adopt_reference

    assert adopt_reference.is_relay_site("https://www.urdupoint.com/en/world/x.html")
    assert adopt_reference.is_relay_site("https://dck8xvlq18iei.cloudfront.net/ru/361832")
    assert not adopt_reference.is_relay_site("https://tass.com/economy/1646501")
    f = fb.trade_facts.set_index("fact_id")
    assert f.at["RU:2022:turnover:RU:1", "source_url"] == "https://tass.com/economy/1646501"
    assert "vedomosti.ru" in f.at["RU:2025-01..10:turnover:BY:1", "source_url"]


def test_federal_district_names_are_the_yearbooks(rosstat, subjects, fb):
    rebuilt = ar.federal_districts(rosstat, subjects, fb.regions)
    committed = pd.read_csv(fb.data_dir / "federal_districts.csv", dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(committed, rebuilt, check_dtype=False, obj="federal_districts")
    names = dict(zip(rebuilt.federal_district, rebuilt.name_ru, strict=True))
    assert names["Volga"] == "Приволжский федеральный округ"  # the district row above Tatarstan in table 4.2
    assert names["Far Eastern"] == "Дальневосточный федеральный округ"
    assert set(names) == set(fb.regions[fb.regions.country == "RU"].federal_district)


def test_a_district_whose_subjects_disagree_is_refused(rosstat, subjects, fb):
    regions = fb.regions.copy()
    regions.loc[regions.iso_code == "RU-TA", "federal_district"] = "Ural"  # Tatarstan is listed under Volga
    with pytest.raises(ar.ParseError, match="Приволжский федеральный округ"):
        ar.federal_districts(rosstat, subjects, regions)
