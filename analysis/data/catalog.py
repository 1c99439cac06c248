"""The Data & methods catalogue: what each table holds, where it comes from, and indicator definitions."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from analysis.data.marks import N_, Gettext, english
from analysis.data.tables import FactBase

TABLE_NOTES = {
    "trade_facts": (
        N_(
            "Belarus ⇄ Russian region trade figures, one row per stated figure, and national totals (region RU)"
        ),
        N_(
            "Official statements and press reports (president.gov.by, belta.by, regional governments, TASS …) and "
            "Rosstat's yearbook for Russia's national totals 2000–2021; see source_url per row"
        ),
        N_("Facts quoted with attribution; labels and notes are the project's own"),
    ),
    "meetings": (
        N_("Meetings between Belarusian officials and regional leaderships: sectors discussed and targets"),
        N_("Official press releases and news reports; see source_url per row"),
        N_("Facts with attribution"),
    ),
    "product_mentions": (
        N_("Goods named as traded between Belarus and a region, with HS chapter and sector"),
        N_("Press reports; see source_url per row"),
        N_("Facts with attribution"),
    ),
    "sector_facts": (
        N_("National Belarus–Russia facts by product or sector (e.g. shares of Russia's imports)"),
        N_("Press reports and statistics; see source_url per row"),
        N_("Facts with attribution"),
    ),
    "regions": (
        N_(
            "The 83 Russian federal subjects and 7 Belarusian regions: codes, names, centroids, population, GRP"
        ),
        N_(
            "ISO 3166-2 codes, names and coordinates from the iso3166-2 package; population and GRP from sourced pages"
        ),
        N_("iso3166-2: MIT; figures with attribution"),
    ),
    "region_aliases": (
        N_("Every English and Russian name form used to recognise a region in text"),
        N_("Generated from regions.csv plus curated aliases"),
        N_("Project's own"),
    ),
    "sectors": (
        N_("The 21-sector taxonomy with HS / EBOPS 2010 scope and keywords"),
        N_("Project's own classification, built on HS and EBOPS 2010 codes"),
        N_("Project's own"),
    ),
    "region_indicators": (
        N_("Population (end of 2022), GRP 2021 (million RUB) and GRP per capita (RUB) of all 83 subjects"),
        N_("Rosstat, Russian Statistical Yearbook 2023, tables 4.2 and 12.22 (official statistics)"),
        N_("Official statistics, with attribution"),
    ),
    "region_foreign_trade": (
        N_("Each subject's foreign trade in 2021 with all partners, the CIS and far abroad, million USD"),
        N_("Rosstat, Russian Statistical Yearbook 2023, table 25.4 (official statistics)"),
        N_("Official statistics, with attribution"),
    ),
    "national_goods": (
        N_("Russia's exports to and imports from Belarus of main goods, 2020–2021, physical units (side RU)"),
        N_("Rosstat, Russian Statistical Yearbook 2023, tables 25.20 and 25.21 (official statistics)"),
        N_("Official statistics, with attribution"),
    ),
    "fx_rates": (
        N_("Annual average RUB per USD used to convert rouble figures"),
        N_("Bank of Russia official rates, averaged (ruxpert.ru table)"),
        N_("Facts with attribution"),
    ),
}

INDICATORS = pd.DataFrame(
    [
        (
            N_("Turnover"),
            N_("Exports plus imports of goods between Belarus and the region in a year, million USD"),
            "reported",
        ),
        (
            N_("Belarus exports (by_exports)"),
            N_("Goods from Belarus to the region; Russian releases call this the region's imports"),
            "reported",
        ),
        (N_("Belarus imports (by_imports)"), N_("Goods from the region to Belarus"), "reported"),
        (
            N_("Balance"),
            N_(
                "Belarus exports minus Belarus imports, same year and side; shown only when both are reported"
            ),
            "derived",
        ),
        (
            N_("Best annual figure"),
            N_("One figure per region, year and flow chosen by the best-figure rule described below"),
            "derived",
        ),
        (
            N_("Growth"),
            N_(
                "Change of turnover against the previous calendar year of the same statistics side and coverage, "
                "both full years; blank with the reason otherwise (previous year only on the other side, no "
                "figure, or a zero base)"
            ),
            "derived",
        ),
        (
            N_("Sources differ"),
            N_(
                "Two or more figures of the same side for one region, year and flow disagree: the one chosen by "
                "the best-figure rule is shown, marked 'N sources differ', with the other value and its source"
            ),
            "derived",
        ),
        (
            N_("Trade per capita"),
            N_(
                "Latest turnover in USD divided by the region's population at the end of 2022 (Rosstat, table 4.2)"
            ),
            "derived",
        ),
        (
            N_("Trade 2021 per GRP 2021"),
            N_(
                "Belarus turnover of 2021 in per cent of the region's GRP of 2021 (Rosstat, table 12.22) at 2021's "
                "average rate; only for regions with a 2021 figure"
            ),
            "derived",
        ),
        (
            N_("Belarus share of the region's 2021 CIS trade"),
            N_(
                "Belarus turnover 2021 / the region's exports plus imports with all CIS countries in 2021 (Rosstat, "
                "table 25.4); only when the Belarus figure is also Russian statistics (side RU)"
            ),
            "derived",
        ),
        (
            N_("Expected turnover"),
            N_(
                "PPML gravity prediction; specification (population or GRP, distance to Minsk, 2021 CIS trade, "
                "border, 2022+ period) chosen by leave-one-out error"
            ),
            "modelled",
        ),
        (N_("Untapped potential"), N_("Expected minus reported turnover"), "modelled"),
        (
            N_("Opportunity score"),
            N_("50·discussed + 30·national strength + 20·not traded (0–100)"),
            "modelled",
        ),
        (
            N_("Target progress"),
            N_(
                "Latest reported turnover / target × 100; a range target keeps both ends and says which end "
                "progress is against; status: reached, on track or behind, as set out under Opportunities"
            ),
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


INDICATOR_KINDS = {"reported": N_("reported"), "derived": N_("derived"), "modelled": N_("modelled")}


def indicator_definitions(gettext: Gettext = english) -> pd.DataFrame:
    """`INDICATORS` in the language of `gettext` (the page's translator): indicator, definition, kind."""
    return pd.DataFrame(
        [
            (gettext(i), gettext(d), gettext(INDICATOR_KINDS[k]))
            for i, d, k in INDICATORS.itertuples(index=False)
        ],
        columns=INDICATORS.columns,
    )


def table_catalogue(fb: FactBase, gettext: Gettext = english) -> pd.DataFrame:
    """One row per table: rows, what, source, licence, date range (texts in the language of `gettext`)."""
    rows = []
    for name, notes in TABLE_NOTES.items():
        df = getattr(fb, name)
        what, source, licence = (gettext(n) for n in notes)
        rows.append((name, len(df), what, source, licence, _date_range(df)))  # file: datasets/<table>.csv
    return pd.DataFrame(rows, columns=["table", "rows", "what", "source", "licence", "dates"])


# Kinds of source, judged by the host of source_url (documented on the Data & methods page).
OFFICIAL_STATISTICS_HOSTS = frozenset({"rosstat.gov.ru", "gks.ru", "belstat.gov.by", "customs.gov.ru"})
OFFICIAL_STATEMENT_HOSTS = frozenset(
    {"president.gov.by", "government.by", "kremlin.ru", "government.ru", "souzveche.ru", "soyuz.by", "mid.ru"}
)
OFFICIAL_SUFFIXES = (".gov.by", ".gov.ru")
SOURCE_KINDS = ("official statistics", "official statement", "press")
SOURCE_KIND_NOTE = N_(
    "Kind of source, by the address of each figure's `source_url`: *official statistics* = a statistics office "
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


def figures_by_source_kind(fb: FactBase, gettext: Gettext = english) -> pd.DataFrame:
    """Figures (rows with a value) per table and kind of source, with a total row; counts of rows.
    The total row's name is in the language of `gettext`."""
    rows = []
    for name in FIGURE_TABLES:
        df = getattr(fb, name)
        df = df[df.value.notna()] if "value" in df.columns else df
        urls = df.source_url.value_counts(dropna=False)  # each distinct address judged once
        kinds = urls.groupby(urls.index.map(source_kind)).sum()
        rows.append([name, *(int(kinds.get(k, 0)) for k in SOURCE_KINDS), len(df)])
    out = pd.DataFrame(rows, columns=["table", *SOURCE_KINDS, "figures"])
    total = out.drop(columns="table").sum()
    return pd.concat(
        [out, pd.DataFrame([[gettext(N_("all figures")), *total.tolist()]], columns=out.columns)],
        ignore_index=True,
    )


DOWNLOAD_LICENCE = (
    "Facts are quoted with attribution from the public sources listed; labels, notes and derived figures "
    "are the project's own (MIT). Cite the source of each row, not this file."
)
DATED_COLUMNS = {
    "trade_facts": "published",
    "meetings": "date",
    "product_mentions": "published",
    "sector_facts": "published",
}


def newest_record(fb: FactBase) -> str:
    """The date of the newest dated record in the fact base (ISO text; year or year-month when that is all)."""
    dates = pd.concat(
        [getattr(fb, t)[c].astype(str) for t, c in DATED_COLUMNS.items() if c in getattr(fb, t).columns]
    )
    dates = dates[dates.str.match(r"^\d{4}(-\d\d){0,2}$")]
    return dates.max() if len(dates) else "–"


def last_curated(folder: Path) -> str:
    """The date the curated tables were last changed: the last commit touching them, else the files' time."""
    try:
        out = subprocess.run(
            ["git", "-C", str(folder), "log", "-1", "--format=%cs", "--", "."],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", out):
        return out
    times = [p.stat().st_mtime for p in Path(folder).glob("*.csv")]
    return datetime.fromtimestamp(max(times), UTC).strftime("%Y-%m-%d") if times else "–"


AS_OF_NAMES = {
    "newest record": N_("newest record"),
    "newest full-year trade figure": N_("newest full-year trade figure"),
    "last curated": N_("last curated"),
}


def data_as_of(fb: FactBase) -> dict[str, str]:
    """How current the data is: newest record, newest full-year trade figure, last curation date."""
    full = fb.trade_facts[
        fb.trade_facts.period.str.fullmatch(r"\d{4}") & fb.trade_facts.status.eq("reported")
    ]
    return {
        "newest record": newest_record(fb),
        "newest full-year trade figure": str(full.period.max()) if len(full) else "–",
        "last curated": last_curated(fb.data_dir),
    }


def data_as_of_line(as_of: dict[str, str], gettext: Gettext = english) -> str:
    """One footer line: 'Data as of: newest record 2026-02-05 · … · last curated 2026-11-30' (in the
    language of `gettext`)."""
    parts = " · ".join(f"{gettext(AS_OF_NAMES.get(k, k))} {v}" for k, v in as_of.items())
    return gettext(N_("Data as of: {parts}"), parts=parts)
