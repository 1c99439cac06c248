"""The one way into `datasets/`: read every curated CSV with DuckDB, validate, return typed frames.

`load_factbase()` is pure and cheap (well under a second); the dashboard caches it once per process.
Set BYRU_DATA_DIR to point at another folder of the same files (tests use this for bad fixtures).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from analysis.data.schema import TABLES, Table
from analysis.data.validation import DataValidationError, validate_table

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "datasets"
LOAD_ORDER = (
    "sectors",
    "regions",
    "region_aliases",
    "fx_rates",
    "trade_facts",
    "meetings",
    "product_mentions",
    "sector_facts",
    "region_indicators",
    "region_foreign_trade",
    "national_goods",
)


@dataclass(frozen=True)
class FactBase:
    """Every curated table, validated and typed."""

    sectors: pd.DataFrame
    regions: pd.DataFrame
    region_aliases: pd.DataFrame
    fx_rates: pd.DataFrame
    trade_facts: pd.DataFrame
    meetings: pd.DataFrame
    product_mentions: pd.DataFrame
    sector_facts: pd.DataFrame
    region_indicators: pd.DataFrame
    region_foreign_trade: pd.DataFrame
    national_goods: pd.DataFrame
    data_dir: Path


def data_dir() -> Path:
    """Folder holding the curated CSVs."""
    return Path(os.environ.get("BYRU_DATA_DIR", DEFAULT_DIR))


def read_raw(path: Path) -> pd.DataFrame:
    """All cells as text, exactly as written, via DuckDB's CSV reader."""
    if not path.exists():
        raise DataValidationError([(path.name, 0, "-", f"file not found at {path}")])
    try:
        rel = duckdb.read_csv(
            str(path),
            header=True,
            all_varchar=True,
            quotechar='"',
            escapechar='"',
            null_padding=True,
        )
        return rel.df()
    except duckdb.Error as exc:
        raise DataValidationError([(path.name, 0, "-", f"cannot be parsed as CSV: {exc}")]) from exc


def cast(df: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Typed columns once validation has passed."""
    out = df.copy()
    for name, col in table.columns.items():
        s = out[name].where(out[name].fillna("").str.strip() != "")
        if col.type == "float":
            out[name] = pd.to_numeric(s).astype("float64")
        elif col.type == "int":
            out[name] = pd.to_numeric(s).astype("Int64")
        elif col.type == "bool":
            out[name] = s.str.lower().map({"true": True, "false": False, "1": True, "0": False})
        else:
            out[name] = s.fillna("").astype(str)
    return out


def load_table(name: str, folder: Path, ids: dict[str, set[str]]) -> pd.DataFrame:
    """One table, validated against its contract; raises DataValidationError on any problem."""
    table = TABLES[name]
    raw = read_raw(folder / table.file)
    problems = validate_table(raw, table, ids)
    if problems:
        raise DataValidationError(problems)
    return cast(raw, table)


def load_factbase(folder: Path | None = None) -> FactBase:
    """Load and validate every table (sectors and regions first: others refer to their ids)."""
    folder = Path(folder) if folder else data_dir()
    ids: dict[str, set[str]] = {"sectors": set(), "regions": set()}
    frames: dict[str, pd.DataFrame] = {}
    for name in LOAD_ORDER:
        if name == "sectors":
            raw = read_raw(folder / TABLES[name].file)
            ids["sectors"] = set(raw.sector_id.dropna())
        if name == "regions":
            raw = read_raw(folder / TABLES[name].file)
            ids["regions"] = set(raw.iso_code.dropna())
        frames[name] = load_table(name, folder, ids)
    return FactBase(**frames, data_dir=folder)
