"""Column contracts for every curated table in `datasets/`.

Each column has a type ('str', 'float', 'int', 'bool', 'date', 'period'), whether it must be
filled, and optionally a closed set of allowed values or a reference to another table's ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    """What one column must hold."""

    type: str = "str"
    required: bool = True
    allowed: frozenset[str] | None = None
    references: str | None = None  # 'regions', 'regions+RU', 'sectors', 'sectors-list'
    non_negative: bool = False


@dataclass(frozen=True)
class Table:
    """One CSV file and its columns; `key` columns must be unique together."""

    file: str
    columns: dict[str, Column]
    key: tuple[str, ...] = ()
    dedupe: tuple[str, ...] = field(default=())


FLOWS = frozenset({"turnover", "by_exports", "by_imports"})
SIDES = frozenset({"BY", "RU", "unknown"})
UNITS = frozenset({"thousand", "million", "billion", "trillion"})
CURRENCIES = frozenset({"USD", "RUB", "EUR"})
DATE_BASES = frozenset({"page", "url", "not_before_period_end"})

S = Column
OPT = Column(required=False)

TABLES: dict[str, Table] = {
    "sectors": Table(
        "sectors.csv",
        {
            "sector_id": S(),
            "parent_id": Column(required=False, references="sectors"),
            "area": S(),
            "name_en": S(),
            "name_ru": S(),
            "kind": Column(allowed=frozenset({"goods", "services", "mixed"})),
            "scope": S(),
            "hs_codes": OPT,
            "ebops_codes": OPT,
            "keywords_en": S(),
            "keywords_ru": S(),
        },
        key=("sector_id",),
    ),
    "regions": Table(
        "regions.csv",
        {
            "iso_code": S(),
            "country": Column(allowed=frozenset({"RU", "BY"})),
            "name_en": S(),
            "name_ru": S(),
            "name_iso": S(),
            "type": S(),
            "federal_district": OPT,
            "capital": S(),
            "capital_ru": S(),
            "lat": Column("float"),
            "lon": Column("float"),
            "geo_source": S(),
            "population": Column("int", required=False, non_negative=True),
            "population_year": Column("int", required=False),
            "population_source": OPT,
            "grp_value": Column("float", required=False, non_negative=True),
            "grp_unit": OPT,
            "grp_year": Column("int", required=False),
            "grp_source": OPT,
        },
        key=("iso_code",),
    ),
    "region_aliases": Table(
        "region_aliases.csv",
        {
            "iso_code": Column(references="regions"),
            "alias": S(),
            "lang": Column(allowed=frozenset({"en", "ru"})),
            "kind": Column(allowed=frozenset({"name", "alias", "short", "capital"})),
        },
        key=("iso_code", "alias"),
    ),
    "fx_rates": Table(
        "fx_rates.csv",
        {
            "year": Column("int"),
            "currency": Column(allowed=CURRENCIES),
            "per_usd": Column("float", non_negative=True),
            "source_url": S(),
            "publisher": S(),
            "published": S(),
            "published_basis": Column(allowed=DATE_BASES),
            "note": OPT,
        },
        key=("year", "currency"),
    ),
    "trade_facts": Table(
        "trade_facts.csv",
        {
            "fact_id": S(),
            "region_iso": Column(references="regions+RU"),
            "period": Column("period"),
            "period_start": Column("date"),
            "period_end": Column("date"),
            "flow": Column(allowed=FLOWS),
            "value": Column("float", non_negative=True),
            "unit": Column(allowed=UNITS),
            "currency": Column(allowed=CURRENCIES),
            "value_musd": Column("float", required=False, non_negative=True),
            "qualifier": Column(allowed=frozenset({"exact", "over", "almost", "about"})),
            "change_pct": Column("float", required=False),
            "side": Column(allowed=SIDES),
            "status": Column(allowed=frozenset({"reported", "forecast", "suspect"})),
            "coverage": Column(allowed=frozenset({"goods", "goods_and_services", "partial"})),
            "period_inferred": Column("bool"),
            "source_url": Column("url"),
            "publisher": OPT,
            "published": Column("date"),
            "published_basis": Column(allowed=DATE_BASES),
            "note": OPT,
        },
        key=("fact_id",),
        dedupe=("region_iso", "period", "flow", "side", "value", "unit", "currency"),
    ),
    "meetings": Table(
        "meetings.csv",
        {
            "meeting_id": S(),
            "date": Column("date"),
            "date_basis": Column(allowed=DATE_BASES),
            "region_iso": Column(references="regions"),
            "level": Column(allowed=frozenset({"top", "other"})),
            "by_side": S(),
            "region_side": OPT,
            "sectors": Column(required=False, references="sectors-list"),
            "target_flow": Column(required=False, allowed=FLOWS),
            "target_value": Column("float", required=False, non_negative=True),
            "target_unit": Column(required=False, allowed=UNITS),
            "target_currency": Column(required=False, allowed=CURRENCIES),
            "target_year": Column("int", required=False),
            "target_note": OPT,
            "source_url": Column("url"),
            "target_low": Column("float", required=False, non_negative=True),  # low end of a range target
        },
        key=("meeting_id",),
    ),
    "product_mentions": Table(
        "product_mentions.csv",
        {
            "region_iso": Column(references="regions"),
            "period": Column("period", required=False),
            "direction": Column(allowed=frozenset({"by_exports", "by_imports"})),
            "product": S(),
            "hs_chapter": OPT,
            "sector_id": Column(required=False, references="sectors"),
            "source_url": Column("url"),
            "published": Column("date", required=False),
            "published_basis": OPT,
        },
        dedupe=("region_iso", "period", "direction", "product"),
    ),
    "sector_facts": Table(
        "sector_facts.csv",
        {
            "sector_id": Column(required=False, references="sectors"),
            "period": S(),
            "scope": S(),
            "product": S(),
            "hs_chapter": OPT,
            "metric": S(),
            "value": Column("float", required=False, non_negative=True),
            "value_text": S(),
            "unit": OPT,
            "currency": OPT,
            "side": Column(allowed=SIDES),
            "source_url": Column("url"),
            "publisher": OPT,
            "published": Column("date", required=False),
            "published_basis": OPT,
            "note": OPT,
        },
    ),
    "region_indicators": Table(
        "region_indicators.csv",
        {
            "iso_code": Column(references="regions"),
            "indicator": Column(allowed=frozenset({"population", "grp", "grp_per_capita"})),
            "year": Column("int"),
            "value": Column("float", non_negative=True),
            "unit": Column(allowed=frozenset({"thousand persons", "million RUB", "RUB"})),
            "source": S(),
            "source_url": Column("url"),
            "published": Column("date"),
            "note": OPT,
        },
        key=("iso_code", "indicator", "year"),
    ),
    "region_foreign_trade": Table(
        "region_foreign_trade.csv",
        {
            "iso_code": Column(references="regions"),
            "year": Column("int"),
            "partner": Column(allowed=frozenset({"world", "cis", "far_abroad"})),
            "flow": Column(allowed=frozenset({"region_exports", "region_imports"})),
            "value": Column("float", required=False, non_negative=True),
            "unit": Column(allowed=frozenset({"million USD"})),
            "source": S(),
            "source_url": Column("url"),
            "published": Column("date"),
            "note": OPT,
        },
        key=("iso_code", "year", "partner", "flow"),
    ),
    "national_goods": Table(
        "national_goods.csv",
        {
            "product": S(),
            "product_ru": S(),
            "sector_id": Column(required=False, references="sectors"),
            "direction": Column(allowed=frozenset({"ru_exports_to_by", "ru_imports_from_by"})),
            "year": Column("int"),
            "value": Column("float", required=False, non_negative=True),
            "unit": S(),
            "side": Column(allowed=SIDES),
            "unit_published": S(),
            "source": S(),
            "source_url": Column("url"),
            "published": Column("date"),
            "note": OPT,
        },
        key=("product", "direction", "year"),
    ),
}
