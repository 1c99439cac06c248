"""The one way into `datasets/`: read every curated CSV, validate, return typed frames.

`load_factbase()` is pure and cheap (well under a second); the dashboard caches it once per process.
Set BYRU_DATA_DIR to point at another folder of the same files (tests use this for bad fixtures).
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.data.schema import TABLES, Table
from analysis.data.validation import TRUE_FALSE, DataValidationError, Problem, validate_table

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


REQUIRED = ("sectors", "regions")  # every page and the analyzer need these; the others may be empty


def data_dir() -> Path:
    """Folder holding the curated CSVs."""
    return Path(os.environ.get("BYRU_DATA_DIR", DEFAULT_DIR))


def _field_index(line: str) -> int:
    """Index of the field in which a line's CSV parse breaks (an unclosed quote swallows the rest)."""
    return len(next(csv.reader([line.replace("\r", " ").replace("\0", " ")]), [""])) - 1


def read_cells(path: Path, file: str | None = None) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Every cell of a curated CSV as text, index = row number - 2, with the problems of the file's form.

    The form: UTF-8 (a BOM is allowed), a header, one record per line with as many fields as the header,
    quotes closed on the line they open. Blank lines are skipped. Returns (None, problems) when the file
    cannot be read at all; `file` names it in messages (default: folder/name, e.g. 'datasets/x.csv').
    """
    file = file or f"{path.parent.name}/{path.name}"
    if not path.is_file():
        return None, [Problem(file, None, None, f"is missing (looked for {path})")]
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        return None, [Problem(file, None, None, "is empty")]
    problems: list[Problem] = []
    header: list[str] = []
    rows: list[list[str]] = []
    index: list[int] = []
    previous: tuple[int, list[str]] | None = None  # the last line read as fields: (line number, fields)
    for n, line_bytes in enumerate(raw.split(b"\n"), start=1):
        line_bytes = line_bytes.removesuffix(b"\r")
        try:
            line = line_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            prefix = line_bytes[: exc.start].decode("utf-8", errors="replace")
            at = _field_index(prefix)
            where = f" in column '{header[at]}'" if header and at < len(header) else ""
            problems.append(
                Problem(
                    file, n, None, f"is not UTF-8 (byte 0x{line_bytes[exc.start]:02X}{where}); save as UTF-8"
                )
            )
            continue
        if not line.strip():
            continue
        try:
            fields = next(csv.reader([line], strict=True))
        except csv.Error as exc:
            stray = "new-line" in str(exc) and "\r" in line  # an unquoted carriage return mid-line
            at = _field_index(line[: line.index("\r")] if stray else line)
            col = header[at] if n > 1 and at < len(header) else f"field {at + 1}"
            if stray:
                reason = "a carriage return inside the cell"
            elif "end of data" in str(exc):
                reason = "a quote is not closed on its line"
            else:
                reason = f"bad quoting ({exc})"
            problems.append(Problem(file, n, col, reason))
            continue
        if not header:
            header = [h.strip() for h in fields]
            seen = [h for i, h in enumerate(header) if h in header[:i]]
            problems += [
                Problem(file, 1, h, "column appears twice in the header") for h in dict.fromkeys(seen)
            ]
            continue
        split = (
            previous is not None
            and previous[0] == n - 1
            and len(previous[1]) + len(fields) - 1 == len(header)
        )
        if len(fields) < len(header) and split:  # a line break typed inside a cell of the line above
            problems = [p for p in problems if p.row != n - 1]
            if rows and index[-1] == n - 3:
                rows.pop(), index.pop()
            column = header[len(previous[1]) - 1]
            problems.append(
                Problem(
                    file, n - 1, column, f"a line break in this cell splits the row over lines {n - 1}-{n}"
                )
            )
            previous = None
            continue
        previous = (n, fields)
        if len(fields) != len(header):
            what = (
                "extra field(s); a value with a comma needs quotes"
                if len(fields) > len(header)
                else "missing field(s)"
            )
            problems.append(
                Problem(file, n, None, f"has {len(fields)} fields, the header has {len(header)}: {what}")
            )
            continue
        rows.append(fields)
        index.append(n - 2)
    if problems:
        return None, problems
    return pd.DataFrame(rows, columns=header, index=index, dtype=object), []


def read_raw(path: Path) -> pd.DataFrame:
    """All cells as text, exactly as written; raises DataValidationError when the file's form is broken."""
    df, problems = read_cells(path)
    if problems:
        raise DataValidationError(problems)
    return df


def cast(df: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Typed columns once validation has passed; cells are stripped of surrounding spaces."""
    out = df.reset_index(drop=True)
    for name, col in table.columns.items():
        s = out[name].fillna("").astype(str).str.strip()
        s = s.where(s != "")
        if col.type == "float":
            out[name] = pd.to_numeric(s).astype("float64")
        elif col.type == "int":
            out[name] = pd.to_numeric(s).astype("Int64")
        elif col.type == "bool":
            out[name] = s.map(TRUE_FALSE).astype(object)
        else:
            out[name] = s.fillna("").astype(str)
    return out


def load_table(name: str, folder: Path, ids: dict[str, set[str]]) -> pd.DataFrame:
    """One table, validated against its contract; raises DataValidationError on any problem."""
    table = TABLES[name]
    raw = read_raw(folder / table.file)
    problems = validate_table(raw, table, ids, file=f"{folder.name}/{table.file}")
    if problems:
        raise DataValidationError(problems)
    return cast(raw, table)


def check_folder(folder: Path) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Read and validate every table of a folder; (text frames of the readable ones, every problem)."""
    ids: dict[str, set[str]] = {}
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for name in LOAD_ORDER:  # sectors and regions first: the others refer to their ids
        table = TABLES[name]
        file = f"{folder.name}/{table.file}"
        raw, form = read_cells(folder / table.file, file)
        problems += form
        if raw is None:
            continue
        found = validate_table(raw, table, ids, file)
        if name in REQUIRED and raw.empty:
            found.append(Problem(file, None, None, "has no rows; the dashboard cannot work without it"))
        problems += found
        key = {"sectors": "sector_id", "regions": "iso_code"}.get(name)
        if key and key in raw.columns and not raw.empty:  # an empty id table: references go unchecked
            ids[name] = set(raw[key].fillna("").str.strip())
        frames[name] = raw
    return frames, problems


def validate_folder(folder: Path) -> list[Problem]:
    """Every problem in a folder of curated tables, in load order (empty when it is clean)."""
    return check_folder(Path(folder))[1]


def load_factbase(folder: Path | None = None) -> FactBase:
    """Load and validate every table; raises DataValidationError listing every problem found."""
    folder = Path(folder) if folder else data_dir()
    frames, problems = check_folder(folder)
    if problems:
        raise DataValidationError(problems)
    return FactBase(**{name: cast(frames[name], TABLES[name]) for name in LOAD_ORDER}, data_dir=folder)
