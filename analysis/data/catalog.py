"""The Data & methods catalogue: what each table holds, where it comes from, and indicator definitions."""

from __future__ import annotations

from urllib.parse import urlparse

import pandas as pd

from analysis.data.tables import FactBase

TABLE_NOTES = {
    "trade_facts": (
        "Belarus ⇄ Russian region trade figures, one row per stated figure, and national totals (region RU)",
        "Official statements and press reports (president.gov.by, belta.by, regional governments, TASS …) and "
        "Rosstat's yearbook for Russia's national totals 2000–2021; see source_url per row",
        "Facts quoted with attribution; labels and notes are the project's own",
    ),
    "meetings": (
        "Meetings between Belarusian officials and regional leaderships: sectors discussed and targets",
        "Official press releases and news reports; see source_url per row",
        "Facts with attribution",
    ),
    "product_mentions": (
        "Goods named as traded between Belarus and a region, with HS chapter and sector",
        "Press reports; see source_url per row",
        "Facts with attribution",
    ),
    "sector_facts": (
        "National Belarus–Russia facts by product or sector (e.g. shares of Russia's imports)",
        "Press reports and statistics; see source_url per row",
        "Facts with attribution",
    ),
    "regions": (
        "The 83 Russian federal subjects and 7 Belarusian regions: codes, names, centroids, population, GRP",
        "ISO 3166-2 codes, names and coordinates from the iso3166-2 package; population and GRP from sourced pages",
        "iso3166-2: MIT; figures with attribution",
    ),
    "region_aliases": (
        "Every English and Russian name form used to recognise a region in text",
        "Generated from regions.csv plus curated aliases",
        "Project's own",
    ),
    "sectors": (
        "The 21-sector taxonomy with HS / EBOPS 2010 scope and keywords",
        "Project's own, from the sector contract",
        "Project's own",
    ),
    "region_indicators": (
        "Population (end of 2022), GRP 2021 (million RUB) and GRP per capita (RUB) of all 83 subjects",
        "Rosstat, Russian Statistical Yearbook 2023, tables 4.2 and 12.22 (official statistics)",
        "Official statistics, with attribution",
    ),
    "region_foreign_trade": (
        "Each subject's foreign trade in 2021 with all partners, the CIS and far abroad, million USD",
        "Rosstat, Russian Statistical Yearbook 2023, table 25.4 (official statistics)",
        "Official statistics, with attribution",
    ),
    "national_goods": (
        "Russia's exports to and imports from Belarus of main goods, 2020–2021, physical units (side RU)",
        "Rosstat, Russian Statistical Yearbook 2023, tables 25.20 and 25.21 (official statistics)",
        "Official statistics, with attribution",
    ),
    "fx_rates": (
        "Annual average RUB per USD used to convert rouble figures",
        "Bank of Russia official rates, averaged (ruxpert.ru table)",
        "Facts with attribution",
    ),
}

INDICATORS = pd.DataFrame(
    [
        (
            "Turnover",
            "Exports plus imports of goods between Belarus and the region in a year, million USD",
            "reported",
        ),
        (
            "Belarus exports (by_exports)",
            "Goods from Belarus to the region; Russian releases call this the region's imports",
            "reported",
        ),
        ("Belarus imports (by_imports)", "Goods from the region to Belarus", "reported"),
        (
            "Balance",
            "Belarus exports minus Belarus imports, same year and side; shown only when both are reported",
            "derived",
        ),
        (
            "Best annual figure",
            "One figure per region, year and flow chosen by the best-figure rule described below",
            "derived",
        ),
        (
            "Growth",
            "Change of turnover against the previous calendar year on the same side",
            "derived",
        ),
        (
            "Trade per capita",
            "Latest turnover in USD divided by the region's population at the end of 2022 (Rosstat, table 4.2)",
            "derived",
        ),
        (
            "Trade 2021 per GRP 2021",
            "Belarus turnover of 2021 as % of the region's GRP of 2021 (Rosstat, table 12.22) at 2021's average "
            "rate; only for regions with a 2021 figure",
            "derived",
        ),
        (
            "Belarus share of the region's 2021 CIS trade",
            "Belarus turnover 2021 / the region's exports plus imports with all CIS countries in 2021 (Rosstat, "
            "table 25.4); only when the Belarus figure is also Russian statistics (side RU)",
            "derived",
        ),
        (
            "Expected turnover",
            "PPML gravity prediction; specification (population or GRP, distance to Minsk, 2021 CIS trade, "
            "border, 2022+ period) chosen by leave-one-out error",
            "modelled",
        ),
        ("Untapped potential", "Expected minus reported turnover", "modelled"),
        (
            "Opportunity score",
            "50·discussed + 30·national strength + 20·not traded (0–100)",
            "modelled",
        ),
        (
            "Target progress",
            "Latest reported turnover / target × 100; status: reached, on track or behind, as set out under Opportunities",
            "derived",
        ),
    ],
    columns=["indicator", "definition", "kind"],
)


def _date_range(df: pd.DataFrame) -> str:
    for col in ("published", "date"):
        if col in df.columns:
            d = df[col].replace("", pd.NA).dropna()
            if len(d):
                return d.min() if d.min() == d.max() else f"{d.min()} – {d.max()}"
    return "–"


def table_catalogue(fb: FactBase) -> pd.DataFrame:
    """One row per table: rows, what, source, licence, date range."""
    rows = []
    for name, (what, source, licence) in TABLE_NOTES.items():
        df = getattr(fb, name)
        rows.append((name, len(df), what, source, licence, _date_range(df)))  # file: datasets/<table>.csv
    return pd.DataFrame(rows, columns=["table", "rows", "what", "source", "licence", "dates"])


# Kinds of source, judged by the host of source_url (documented on the Data & methods page).
OFFICIAL_STATISTICS_HOSTS = frozenset({"rosstat.gov.ru", "gks.ru", "belstat.gov.by", "customs.gov.ru"})
OFFICIAL_STATEMENT_HOSTS = frozenset(
    {"president.gov.by", "government.by", "kremlin.ru", "government.ru", "souzveche.ru", "soyuz.by", "mid.ru"}
)
OFFICIAL_SUFFIXES = (".gov.by", ".gov.ru")
SOURCE_KINDS = ("official statistics", "official statement", "press")
SOURCE_KIND_NOTE = (
    "Kind of source, by the address of each figure's source_url: *official statistics* = a statistics office "
    "(Rosstat, Belstat, customs); *official statement* = a president's, government's, ministry's, regional or "
    "district administration's or Union State site (gov.by, gov.ru, kremlin.ru, souzveche.ru, soyuz.by …); "
    "*press* = news agencies (BelTA, TASS included) and other media."
)
FIGURE_TABLES = ("trade_facts", "sector_facts", "region_indicators", "region_foreign_trade", "national_goods")


def source_kind(url: str) -> str:
    """'official statistics', 'official statement' or 'press' for a source URL."""
    host = urlparse(url).netloc.lower().removeprefix("www.").rstrip(".")
    if host in OFFICIAL_STATISTICS_HOSTS:
        return "official statistics"
    if host in OFFICIAL_STATEMENT_HOSTS or host.endswith(OFFICIAL_SUFFIXES):
        return "official statement"
    return "press"


def figures_by_source_kind(fb: FactBase) -> pd.DataFrame:
    """Figures (rows with a value) per table and kind of source, with a total row; counts of rows."""
    rows = []
    for name in FIGURE_TABLES:
        df = getattr(fb, name)
        df = df[df.value.notna()] if "value" in df.columns else df
        kinds = df.source_url.map(source_kind).value_counts()
        rows.append([name, *(int(kinds.get(k, 0)) for k in SOURCE_KINDS), len(df)])
    out = pd.DataFrame(rows, columns=["table", *SOURCE_KINDS, "figures"])
    total = out.drop(columns="table").sum()
    return pd.concat(
        [out, pd.DataFrame([["all figures", *total.tolist()]], columns=out.columns)], ignore_index=True
    )
