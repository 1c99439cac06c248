"""Best annual figure rule, national series, region table and roll-up on hand-checked data."""

import numpy as np
import pandas as pd
import pytest

from analysis.models import trade
from tests.factories import facts


def test_best_figure_prefers_full_year_exact_page_dated_and_keeps_other_side():
    f = facts(
        [
            {
                "region_iso": "RU-KLU",
                "period": "2022",
                "flow": "turnover",
                "value_musd": 650,
                "side": "BY",
                "qualifier": "about",
            },
            {"region_iso": "RU-KLU", "period": "2022", "flow": "turnover", "value_musd": 654, "side": "BY"},
            {"region_iso": "RU-KLU", "period": "2022", "flow": "turnover", "value_musd": 700, "side": "RU"},
            {
                "region_iso": "RU-KLU",
                "period": "2022-01..11",
                "flow": "turnover",
                "value_musd": 600,
                "side": "BY",
            },
            {
                "region_iso": "RU-KLU",
                "period": "2023",
                "flow": "turnover",
                "value_musd": 999,
                "side": "BY",
                "status": "forecast",
            },
            {"region_iso": "RU-KLU", "period": "2023", "flow": "turnover", "value_musd": 720, "side": "RU"},
        ]
    )
    best = trade.best_annual_figures(f, side="best")
    y2022 = best[(best.year == 2022)].iloc[0]
    assert (y2022.value_musd, y2022.side) == (654, "BY")
    assert (y2022.other_side, y2022.other_value_musd) == ("RU", 700)
    assert y2022.n_figures == 3
    # 2023: the forecast is never used; the Russian figure is the only one and says so.
    y2023 = best[best.year == 2023].iloc[0]
    assert (y2023.value_musd, y2023.side) == (720, "RU")
    by_only = trade.best_annual_figures(f, side="BY")
    assert by_only.year.tolist() == [2022]
    ru_only = trade.best_annual_figures(f, side="RU")
    assert ru_only.value_musd.tolist() == [700, 720]


def test_inferred_year_loses_to_stated_year():
    f = facts(
        [
            {
                "region_iso": "RU-AST",
                "period": "2022",
                "flow": "turnover",
                "value_musd": 62,
                "side": "BY",
                "period_inferred": True,
            },
            {
                "region_iso": "RU-AST",
                "period": "2022",
                "flow": "turnover",
                "value_musd": 60,
                "side": "BY",
                "qualifier": "about",
            },
        ]
    )
    assert trade.best_annual_figures(f).value_musd.tolist() == [60]


def test_bad_side_is_refused(fb):
    with pytest.raises(ValueError, match="side must be one of"):
        trade.best_annual_figures(fb.trade_facts, side="XX")


def test_national_series_keeps_sides_apart_and_derives_balance():
    f = facts(
        [
            {"region_iso": "RU", "period": "2020", "flow": "turnover", "value_musd": 29520, "side": "BY"},
            {"region_iso": "RU", "period": "2020", "flow": "by_exports", "value_musd": 13130, "side": "BY"},
            {"region_iso": "RU", "period": "2020", "flow": "by_imports", "value_musd": 16400, "side": "BY"},
            {"region_iso": "RU", "period": "2020", "flow": "turnover", "value_musd": 25500, "side": "RU"},
        ]
    )
    nat = trade.national_series(f)
    by = nat[nat.side == "BY"].set_index("flow").value_musd
    assert by["balance"] == pytest.approx(13130 - 16400)
    balance = nat[(nat.side == "BY") & (nat.flow == "balance")].iloc[0]
    assert balance.qualifier == "derived: Belarus exports − imports"
    assert balance.source_url == "https://example.org/1 | https://example.org/2"  # both inputs' sources
    assert balance.fact_id == "f1 | f2"
    assert nat[(nat.side == "RU") & (nat.flow == "turnover")].value_musd.tolist() == [25500]
    assert "balance" not in nat[nat.side == "RU"].flow.tolist()
    kpis = trade.latest_kpis(nat, "BY").set_index("flow")
    assert kpis.loc["turnover", "value_musd"] == 29520 and np.isnan(kpis.loc["turnover", "change_pct"])


def test_latest_kpis_change_is_year_on_year():
    nat = pd.DataFrame(
        {
            "year": [2023, 2024],
            "side": ["BY", "BY"],
            "flow": ["turnover", "turnover"],
            "value_musd": [50000.0, 57600.0],
            "source_url": ["a", "b"],
        }
    )
    k = trade.latest_kpis(nat, "BY").iloc[0]
    assert k.year == 2024 and k.change_pct == pytest.approx(15.2)


def test_region_table_growth_balance_per_capita(fb):
    f = facts(
        [
            {"region_iso": "RU-KLU", "period": "2021", "flow": "turnover", "value_musd": 500, "side": "BY"},
            {"region_iso": "RU-KLU", "period": "2022", "flow": "turnover", "value_musd": 600, "side": "BY"},
            {"region_iso": "RU-KLU", "period": "2022", "flow": "by_exports", "value_musd": 400, "side": "BY"},
            {"region_iso": "RU-KLU", "period": "2022", "flow": "by_imports", "value_musd": 200, "side": "BY"},
        ]
    )
    best = trade.best_annual_figures(f)
    table = trade.region_table(best, fb.regions, fb.fx_rates, (2015, 2025)).set_index("iso_code")
    klu = table.loc["RU-KLU"]
    assert klu.latest_year == 2022 and klu.turnover_musd == 600
    assert klu.balance_musd == 200
    assert klu.growth_pct == pytest.approx(20.0)
    pop = fb.regions.set_index("iso_code").at["RU-KLU", "population"]
    assert klu.turnover_per_capita_usd == pytest.approx(600e6 / pop)
    assert len(table) == 83
    roll = trade.district_rollup(table.reset_index())
    central = roll.set_index("federal_district").loc["Central"]
    assert central.regions == 18 and central.regions_with_figures == 1 and central.turnover_musd == 600
    assert central.side == "BY" and central.years == "2022"
    volga = roll.set_index("federal_district").loc["Volga"]
    assert volga.side == "" and np.isnan(volga.turnover_musd)  # no figure: blank, not 0


def test_coverage_of_the_fact_base(fb):
    """Issue goal: >= 55 regions with a full-year turnover figure, >= 45 with one for 2019 or later."""
    usable = trade.usable_annual(fb.trade_facts)
    t = usable[(usable.flow == "turnover") & (usable.region_iso != "RU")]
    assert t.region_iso.nunique() >= 55
    assert t[t.year >= 2019].region_iso.nunique() >= 45


def test_every_fact_has_source_and_date(fb):
    for name in ("trade_facts", "meetings", "product_mentions", "sector_facts", "fx_rates"):
        df = getattr(fb, name)
        assert df.source_url.str.match(r"https?://").all(), name
    assert (fb.trade_facts.published != "").all()
    assert (fb.meetings.date != "").all()


def test_economy_ratios_only_like_for_like(fb):
    """Trade per GRP only for a 2021 turnover (GRP's year); CIS share only when both are Russian statistics."""
    from analysis.models import potential, region_economics

    best = trade.best_annual_figures(fb.trade_facts, side="best")
    table = trade.region_table(best, fb.regions, fb.fx_rates, (2015, 2025))
    eco = potential.region_economy(fb.region_indicators, fb.region_foreign_trade)
    out = region_economics.add_economy(table, best, eco, fb.fx_rates).set_index("iso_code")
    assert len(out) == 83 and out.grp_mrub.notna().all()
    ba = out.loc["RU-BA"]  # 2021 RU figure 292.2; GRP 2 000 037.9 million RUB at 73.65 RUB/USD
    assert ba.turnover_2021_pct_of_grp_2021 == pytest.approx(292.2 / (2000037.9 / 73.65) * 100)
    assert ba.by_share_of_cis_trade_2021_pct == pytest.approx(292.2 / 1029.0 * 100)
    mur = out.loc["RU-MUR"]  # 2021 figure is Belarusian statistics: no cross-side share
    assert pd.isna(mur.by_share_of_cis_trade_2021_pct) and "BY statistics" in mur.by_share_basis
    no_2021 = out[out.turnover_2021_musd.isna()]
    assert no_2021.turnover_2021_pct_of_grp_2021.isna().all() and len(no_2021) > 50
    facts = region_economics.profile_facts(ba)
    assert facts.set_index("indicator").at["GRP", "source_url"].startswith("https://rosstat.gov.ru")
    assert " | " in facts.set_index("indicator").at["Belarus turnover 2021 as % of GRP 2021", "source_url"]
