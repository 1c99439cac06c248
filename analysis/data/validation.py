"""Validate curated tables on load and on every insert; every problem names the file, the row and the column.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2. A cell
never spans lines, so row N is also line N of the file. `validate_table` works on any frame of text cells
(a whole file, or the rows about to be inserted into the store), `validate_row` on a single row.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import NamedTuple

import pandas as pd

from analysis.data.periods import parse_period
from analysis.data.schema import TABLES, Column, Table

DATE_RE = re.compile(r"^[0-9]{4}(?:-[0-9][0-9](?:-[0-9][0-9])?)?$")
URL_RE = re.compile(r"^https?://\S+$")
FLOAT_RE = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
INT_RE = r"[+-]?[0-9]+"
TRUE_FALSE = {"true": True, "false": False, "True": True, "False": False, "1": True, "0": False}


class Problem(NamedTuple):
    """One broken rule. `row` None: the whole file; `column` None: the line as a whole (its bytes or fields)."""

    file: str
    row: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        if self.row is None:
            return f"{self.file} {self.reason}"
        if self.column is None:
            return f"{self.file} line {self.row} {self.reason}"
        return f"{self.file}, row {self.row}, column '{self.column}': {self.reason}"


class DataValidationError(ValueError):
    """A curated table breaks its contract; `problems` lists Problem(file, row, column, reason)."""

    def __init__(self, problems: list[tuple[str, int | None, str | None, str]]):
        self.problems = [Problem(*p) for p in problems]
        lines = [str(p) for p in self.problems[:20]]
        more = f"\n… and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__("Invalid data:\n" + "\n".join(lines) + more)


def _shown(value: str) -> str:
    """A cell quoted in a message, cut so that a huge cell does not flood it."""
    return repr(value if len(value) <= 40 else value[:39] + "…")


def _date_problem(value: str) -> str | None:
    if not DATE_RE.match(value):
        return f"expected a date YYYY-MM-DD (or YYYY-MM, YYYY), got {_shown(value)}"
    try:
        if len(value) == 10:
            dt.date.fromisoformat(value)
        elif len(value) == 7:
            dt.date(int(value[:4]), int(value[5:]), 1)
    except ValueError:
        return f"{value} is not a date in the calendar"
    return None


def _cell_problem(value: str, col: Column, ids: dict[str, set[str]]) -> str | None:
    """Why one non-empty, stripped cell is wrong for its column, or None."""
    kind = col.type
    if kind in ("float", "int"):
        if not re.fullmatch(FLOAT_RE if kind == "float" else INT_RE, value):
            return f"expected a {'number' if kind == 'float' else 'whole number'}, got {_shown(value)}"
        number = float(value)
        if not math.isfinite(number):
            return f"{_shown(value)} is too large to be a number"
        if kind == "int" and abs(int(value)) >= 2**63:
            return f"{_shown(value)} is too large for a whole number"
        if col.non_negative and number < 0:
            return f"must not be negative, got {value}"
    elif kind == "bool" and value not in TRUE_FALSE:
        return f"expected true or false, got {_shown(value)}"
    elif kind == "date" and (why := _date_problem(value)):
        return why
    elif kind == "url" and not URL_RE.match(value):
        return f"expected a source URL starting with http, got {_shown(value)}"
    elif kind == "period":
        try:
            parse_period(value)
        except ValueError as exc:
            return str(exc)
    if col.allowed is not None and value not in col.allowed:
        return f"{_shown(value)} is not one of {sorted(col.allowed)}"
    ref = col.references
    if ref == "sectors-list" and "sectors" in ids:
        unknown = [s for s in value.split(";") if s and s not in ids["sectors"]]
        if unknown:
            return f"unknown sector id(s) {unknown}"
    elif ref and ref.split("+")[0] in ids:
        pool = (
            ids["sectors"]
            if ref == "sectors"
            else ids["regions"] | ({"RU"} if ref == "regions+RU" else set())
        )
        if value not in pool:
            return f"unknown {ref.split('+')[0].rstrip('s')} id {_shown(value)}"
    return None


def _suspects(values: pd.Series, col: Column, ids: dict[str, set[str]]) -> pd.Series:
    """Vectorised first pass: True where a non-empty cell may break its column's rule (never misses one)."""
    kind = col.type
    ok = pd.Series(True, index=values.index)
    if kind in ("float", "int"):
        ok &= values.str.fullmatch(FLOAT_RE if kind == "float" else INT_RE)
        numbers = pd.to_numeric(values.where(ok, "0"), errors="coerce").astype("float64")
        ok &= numbers.abs() < (1e300 if kind == "float" else 9e18)
        if col.non_negative:
            ok &= numbers >= 0
    elif kind == "bool":
        ok &= values.isin(list(TRUE_FALSE))
    elif kind == "date":
        ok &= values.str.fullmatch(r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|1[0-9]|2[0-8]))?)?")
    elif kind == "url":
        ok &= values.str.fullmatch(URL_RE.pattern)
    elif kind == "period":
        ok &= values.str.fullmatch(
            r"[0-9]{4}(?:-(?:H[12]|Q[1-4])|-[0-9][0-9]\.\.[0-9][0-9])?"
        ) & ~values.str.contains("..", regex=False)
    if col.allowed is not None:
        ok &= values.isin(list(col.allowed))
    if col.references == "sectors-list":
        if "sectors" in ids:
            ok &= values.map(lambda v: all(x in ids["sectors"] for x in v.split(";") if x)).astype(bool)
    elif col.references and col.references.split("+")[0] in ids:
        pool = ids["sectors"] if col.references == "sectors" else ids["regions"]
        pool = pool | ({"RU"} if col.references == "regions+RU" else set())
        ok &= values.isin(list(pool))
    return ~ok.astype(bool)


def check_columns(df: pd.DataFrame, table: Table, ids: dict[str, set[str]], file: str) -> list[Problem]:
    """Missing columns, empty required cells and malformed values."""
    problems: list[Problem] = []
    missing = [c for c in table.columns if c not in df.columns]
    for c in missing:
        problems.append(Problem(file, 1, c, "column is missing from the header"))
    if missing:
        return problems
    for name, col in table.columns.items():
        values = df[name].fillna("").astype(str).str.strip()
        empty = values == ""
        if col.required:
            problems += [Problem(file, int(i) + 2, name, "must not be empty") for i in values.index[empty]]
        filled = values[~empty]
        for i in filled.index[_suspects(filled, col, ids)]:
            why = _cell_problem(filled[i], col, ids)
            if why:
                problems.append(Problem(file, int(i) + 2, name, why))
    return sorted(problems, key=lambda p: (p.row, p.column))


def check_unique(df: pd.DataFrame, table: Table, file: str) -> list[Problem]:
    """Key columns unique; no fact recorded twice; no row repeated word for word."""
    problems = []
    cells = df[list(table.columns)].fillna("").astype(str).apply(lambda s: s.str.strip())
    checks = (
        (table.key, "duplicate key"),
        (table.dedupe, "duplicate fact"),
        (tuple(table.columns), "duplicate row"),
    )
    for cols, what in checks:
        if not cols:
            continue
        dup = cells.duplicated(list(cols), keep=False)
        if not dup.any():
            continue
        first_of = cells[dup].groupby(list(cols), sort=False).ngroup()
        firsts = first_of.groupby(first_of).transform(lambda s: s.index[0])
        for i in first_of.index:
            first = firsts[i]
            if i != first:
                same = "the same values" if what == "duplicate row" else f"same {', '.join(cols)}"
                problems.append(Problem(file, int(i) + 2, cols[0], f"{what}: {same} as row {int(first) + 2}"))
        if what == "duplicate key":
            break  # a repeated key already explains the rest
    return problems


def check_turnover_bounds(facts: pd.DataFrame, file: str) -> list[Problem]:
    """Turnover must be at least exports and at least imports for one region, period and side."""
    v = pd.to_numeric(facts.value_musd, errors="coerce")
    v = v.where(v.abs() < math.inf)
    keys = [facts.region_iso, facts.period, facts.side]
    reported = facts.status.eq("reported") & v.notna()
    turnover = v.where(reported & facts.flow.eq("turnover"))
    ceiling = turnover.groupby(keys).transform("max")
    bad = reported & facts.flow.ne("turnover") & ceiling.notna() & (v > ceiling + 1e-9)
    key = facts.region_iso + "|" + facts.period + "|" + facts.side

    def ceiling_row(i: int) -> int:
        return int(turnover[(key == key[i]) & (turnover == ceiling[i])].index[0]) + 2

    return [
        Problem(
            file,
            int(i) + 2,
            "value_musd",
            f"{facts.at[i, 'flow']} {v[i]:g} exceeds turnover {ceiling[i]:g} (row {ceiling_row(i)}) "
            f"for {facts.at[i, 'region_iso']} {facts.at[i, 'period']} side {facts.at[i, 'side']}",
        )
        for i in facts.index[bad]
    ]


def validate_table(
    df: pd.DataFrame, table: Table, ids: dict[str, set[str]], file: str | None = None
) -> list[Problem]:
    """All problems of one frame of text cells (empty list when it is valid).

    `df` holds the table's columns as strings; its index is the row number minus 2 (a file's first data row
    is index 0). `ids` gives the known 'sectors' and 'regions' ids; a missing key skips those reference
    checks. `file` names the source in messages (default: the table's file name).
    """
    file = file or table.file
    problems = check_columns(df, table, ids, file)
    if problems and problems[0].row == 1:
        return problems
    problems += check_unique(df, table, file)
    if table.file == "trade_facts.csv":
        problems += check_turnover_bounds(df, file)
    return problems


def validate_row(row: dict[str, object], table_name: str, ids: dict[str, set[str]]) -> list[Problem]:
    """Problems of one row about to be inserted into `table_name` (values as they would be written)."""
    table = TABLES[table_name]
    cells = {c: "" if row.get(c) is None else str(row.get(c)) for c in table.columns}
    return validate_table(pd.DataFrame([cells]), table, ids, file=f"{table_name} (new row)")
