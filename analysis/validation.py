"""Validate curated tables on load; every problem names the file, the row and the column.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.periods import parse_period
from analysis.schema import Column, Table

DATE_RE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")
URL_RE = re.compile(r"^https?://\S+$")
TRUE_FALSE = {"true": True, "false": False, "True": True, "False": False, "1": True, "0": False}


class DataValidationError(ValueError):
    """A curated table breaks its contract; `problems` lists (file, row, column, message)."""

    def __init__(self, problems: list[tuple[str, int, str, str]]):
        self.problems = problems
        lines = [f"{f}, row {r}, column '{c}': {m}" for f, r, c, m in problems[:20]]
        more = f"\n… and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__("Invalid data:\n" + "\n".join(lines) + more)


def _cell_problem(value: str, col: Column, ids: dict[str, set[str]]) -> str | None:
    """Why one non-empty cell is wrong for its column, or None."""
    kind = col.type
    if kind in ("float", "int"):
        try:
            number = float(value) if kind == "float" else int(value)
        except ValueError:
            return f"expected a {'number' if kind == 'float' else 'whole number'}, got {value!r}"
        if col.non_negative and number < 0:
            return f"must not be negative, got {value}"
    elif kind == "bool" and value not in TRUE_FALSE:
        return f"expected true or false, got {value!r}"
    elif kind == "date" and not DATE_RE.match(value):
        return f"expected a date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}"
    elif kind == "url" and not URL_RE.match(value):
        return f"expected a source URL starting with http, got {value!r}"
    elif kind == "period":
        try:
            parse_period(value)
        except ValueError as exc:
            return str(exc)
    if col.allowed is not None and value not in col.allowed:
        return f"{value!r} is not one of {sorted(col.allowed)}"
    if col.references:
        ref = col.references
        if ref == "sectors-list":
            unknown = [s for s in value.split(";") if s and s not in ids["sectors"]]
            if unknown:
                return f"unknown sector id(s) {unknown}"
        else:
            pool = ids["regions"] | ({"RU"} if ref == "regions+RU" else set())
            pool = ids["sectors"] if ref == "sectors" else pool
            if value not in pool:
                return f"unknown {ref.split('+')[0].rstrip('s')} id {value!r}"
    return None


def check_columns(df: pd.DataFrame, table: Table, ids: dict[str, set[str]]) -> list[tuple]:
    """Missing columns, empty required cells and malformed values."""
    problems: list[tuple] = []
    missing = [c for c in table.columns if c not in df.columns]
    for c in missing:
        problems.append((table.file, 1, c, "column is missing from the header"))
    if missing:
        return problems
    for name, col in table.columns.items():
        values = df[name].fillna("").astype(str).str.strip()
        for i, value in values.items():
            row = int(i) + 2
            if value == "":
                if col.required:
                    problems.append((table.file, row, name, "must not be empty"))
                continue
            why = _cell_problem(value, col, ids)
            if why:
                problems.append((table.file, row, name, why))
    return problems


def check_unique(df: pd.DataFrame, table: Table) -> list[tuple]:
    """Key columns unique; no fact recorded twice."""
    problems = []
    for cols, what in ((table.key, "duplicate key"), (table.dedupe, "duplicate fact")):
        if not cols:
            continue
        dup = df.duplicated(list(cols), keep="first")
        for i in df.index[dup]:
            first = df.index[(df[list(cols)] == df.loc[i, list(cols)]).all(axis=1)][0]
            problems.append(
                (
                    table.file,
                    int(i) + 2,
                    cols[0],
                    f"{what}: same {', '.join(cols)} as row {int(first) + 2}",
                )
            )
    return problems


def check_turnover_bounds(facts: pd.DataFrame, file: str) -> list[tuple]:
    """Turnover must be at least exports and at least imports for one region, period and side."""
    problems = []
    df = facts.assign(_v=pd.to_numeric(facts.value_musd, errors="coerce"))
    df = df[df.status.eq("reported") & df._v.notna()]
    for _, g in df.groupby(["region_iso", "period", "side"]):
        turnover = g.loc[g.flow == "turnover", "_v"]
        if turnover.empty:
            continue
        for i, row in g[g.flow != "turnover"].iterrows():
            if row._v > turnover.max() + 1e-9:
                problems.append(
                    (
                        file,
                        int(i) + 2,
                        "value_musd",
                        f"{row.flow} {row._v:g} exceeds turnover {turnover.max():g} "
                        f"for {row.region_iso} {row.period} side {row.side}",
                    )
                )
    return problems


def validate_table(df: pd.DataFrame, table: Table, ids: dict[str, set[str]]) -> list[tuple]:
    """All problems of one table (empty list when it is valid)."""
    problems = check_columns(df, table, ids)
    if problems and problems[0][1] == 1:
        return problems
    problems += check_unique(df, table)
    if table.file == "trade_facts.csv":
        problems += check_turnover_bounds(df, table.file)
    return problems
