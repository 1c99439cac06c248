"""Region economics from official statistics beside Belarus's trade: GRP, population, trade per GRP, CIS share.

Inputs are Rosstat's Russian Statistical Yearbook 2023 (tables 4.2, 12.22 and 25.4, via `region_economy`
in potential.py). Ratios are only formed where they are like for like:
- trade per GRP uses Belarus turnover of 2021, the GRP's year (2021), converted at 2021's average rate;
  the column names carry both years. A region without a 2021 turnover figure gets no ratio.
- Belarus's share of the region's 2021 trade with the CIS is computed only when the Belarus figure is
  Russian statistics (side RU), as table 25.4 is: a Belarusian figure over a Russian total would be a ratio
  across the two sides (Murmansk 2021: $100 m by BY statistics against $9 m of CIS trade by Rosstat's).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.models.trade import SOURCE_SEPARATOR

ECONOMY_YEAR = 2021  # GRP and regional foreign trade: the last year the yearbook has for both
ECONOMY_SOURCE = "Rosstat, Russian Statistical Yearbook 2023, tables 4.2, 12.22, 25.4"
SHARE_RU = "Belarus figure and CIS total both Russian statistics (side RU)"
SHARE_SIDES_DIFFER = (
    "not computed: the Belarus figure is {side} statistics, the CIS total Russian (no cross-side ratio)"
)
SHARE_NO_FIGURE = "not computed: no 2021 turnover figure on this side"
HARVEST_COLUMNS = ("population", "grp_value", "grp_year", "turnover_per_grp_pct")


def add_economy(
    table: pd.DataFrame,
    best: pd.DataFrame,
    economy: pd.DataFrame,
    fx: pd.DataFrame,
) -> pd.DataFrame:
    """The region table with Rosstat population, GRP, GRP per capita, 2021 trade per GRP and the CIS share.

    table: trade.region_table output (one row per region, `iso_code`, `turnover_musd`); best: best annual
    figures of the same side; economy: potential.region_economy; fx: fx_rates.
    Replaces the harvested population/GRP columns so that every ratio uses one source and year.
    """
    out = table.drop(columns=[c for c in HARVEST_COLUMNS if c in table.columns])
    eco = economy.rename(columns={"population_rosstat": "population"})
    cols = ["iso_code", "population", "population_year", "grp_mrub", "grp_per_capita_rub", "grp_year"]
    out = out.merge(
        eco[[*cols, "cis_trade_2021_musd", "source_url"]].rename(
            columns={"source_url": "economy_source_url"}
        ),
        on="iso_code",
        how="left",
    )
    out["turnover_per_capita_usd"] = out.turnover_musd * 1e6 / out.population
    t21 = best[(best.flow == "turnover") & (best.year == ECONOMY_YEAR) & (best.region_iso != "RU")]
    t21 = t21.set_index("region_iso")
    out["turnover_2021_musd"] = out.iso_code.map(t21.value_musd)
    out["turnover_2021_side"] = out.iso_code.map(t21.side)
    out["turnover_2021_source_url"] = out.iso_code.map(t21.source_url)
    rate = fx[(fx.currency == "RUB") & (fx.year == ECONOMY_YEAR)].per_usd
    grp_musd = out.grp_mrub / (float(rate.iloc[0]) if len(rate) else np.nan)
    same_year = out.grp_year == ECONOMY_YEAR
    out["turnover_2021_pct_of_grp_2021"] = (out.turnover_2021_musd / grp_musd * 100).where(same_year)
    ru_side = out.turnover_2021_side == "RU"
    share = out.turnover_2021_musd / out.cis_trade_2021_musd * 100
    out["by_share_of_cis_trade_2021_pct"] = share.where(ru_side & (out.cis_trade_2021_musd > 0))
    out["by_share_basis"] = np.select(
        [ru_side, out.turnover_2021_side.notna()],
        [SHARE_RU, out.turnover_2021_side.map(lambda s: SHARE_SIDES_DIFFER.format(side=s))],
        SHARE_NO_FIGURE,
    )
    out["economy_source"] = ECONOMY_SOURCE
    return out


def profile_facts(row: pd.Series) -> pd.DataFrame:
    """One region's official economy figures as rows (indicator, value, unit, year, source, source_url)."""
    facts = [
        ("Population", row.population, "persons", row.population_year, "table 4.2"),
        ("GRP", row.grp_mrub, "million RUB", row.grp_year, "table 12.22"),
        ("GRP per capita", row.grp_per_capita_rub, "RUB", row.grp_year, "table 12.22"),
        ("Trade with all CIS countries (exports + imports)", row.cis_trade_2021_musd, "million USD", 2021,
         "table 25.4"),
        ("Belarus turnover 2021 as % of GRP 2021", row.turnover_2021_pct_of_grp_2021, "%", 2021,
         "derived: turnover 2021 / GRP 2021 at 2021's average rate"),
        ("Belarus share of the region's 2021 CIS trade", row.by_share_of_cis_trade_2021_pct, "%", 2021,
         f"derived; {row.by_share_basis}"),
    ]  # fmt: skip
    out = pd.DataFrame(facts, columns=["indicator", "value", "unit", "year", "basis"])
    out["source"] = ECONOMY_SOURCE
    out["source_url"] = row.economy_source_url
    derived = out.basis.str.startswith("derived") & out.value.notna()
    if isinstance(row.turnover_2021_source_url, str) and row.turnover_2021_source_url:
        out.loc[derived, "source_url"] = (
            f"{row.turnover_2021_source_url}{SOURCE_SEPARATOR}{row.economy_source_url}"
        )
    return out
