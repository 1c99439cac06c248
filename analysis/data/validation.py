"""Validate curated tables on load; every problem names the file, the row and the column.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.data.periods import parse_period
from analysis.data.schema import Column, Table

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


def _suspects(values: pd.Series, col: Column, ids: dict[str, set[str]]) -> pd.Series:
    """Vectorised first pass: True where a non-empty cell may break its column's rule."""
    kind = col.type
    ok = pd.Series(True, index=values.index)
    if kind in ("float", "int"):
        numbers = pd.to_numeric(values, errors="coerce")
        ok &= numbers.notna()
        if kind == "int":
            ok &= values.str.fullmatch(r"-?\d+")
        if col.non_negative:
            ok &= numbers.fillna(0) >= 0
    elif kind == "bool":
        ok &= values.isin(list(TRUE_FALSE))
    elif kind == "date":
        ok &= values.str.fullmatch(DATE_RE.pattern)
    elif kind == "url":
        ok &= values.str.fullmatch(URL_RE.pattern)
    elif kind == "period":
        ok &= values.str.fullmatch(r"\d{4}(?:-(?:H[12]|Q[1-4])|-\d\d\.\.\d\d)?") & ~values.str.contains(
            "..", regex=False
        )
    if col.allowed is not None:
        ok &= values.isin(list(col.allowed))
    if col.references == "sectors-list":
        ok &= values.map(lambda v: all(x in ids["sectors"] for x in v.split(";") if x))
    elif col.references:
        pool = ids["sectors"] if col.references == "sectors" else ids["regions"]
        pool = pool | ({"RU"} if col.references == "regions+RU" else set())
        ok &= values.isin(list(pool))
    return ~ok


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
        empty = values == ""
        if col.required:
            problems += [(table.file, int(i) + 2, name, "must not be empty") for i in values.index[empty]]
        filled = values[~empty]
        for i in filled.index[_suspects(filled, col, ids)]:
            why = _cell_problem(filled[i], col, ids)
            if why:
                problems.append((table.file, int(i) + 2, name, why))
    return sorted(problems, key=lambda p: (p[1], p[2]))


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
    v = pd.to_numeric(facts.value_musd, errors="coerce")
    keys = [facts.region_iso, facts.period, facts.side]
    reported = facts.status.eq("reported") & v.notna()
    turnover = v.where(reported & facts.flow.eq("turnover"))
    ceiling = turnover.groupby(keys).transform("max")
    bad = reported & facts.flow.ne("turnover") & ceiling.notna() & (v > ceiling + 1e-9)
    return [
        (
            file,
            int(i) + 2,
            "value_musd",
            f"{facts.at[i, 'flow']} {v[i]:g} exceeds turnover {ceiling[i]:g} "
            f"for {facts.at[i, 'region_iso']} {facts.at[i, 'period']} side {facts.at[i, 'side']}",
        )
        for i in facts.index[bad]
    ]


def validate_table(df: pd.DataFrame, table: Table, ids: dict[str, set[str]]) -> list[tuple]:
    """All problems of one table (empty list when it is valid)."""
    problems = check_columns(df, table, ids)
    if problems and problems[0][1] == 1:
        return problems
    problems += check_unique(df, table)
    if table.file == "trade_facts.csv":
        problems += check_turnover_bounds(df, table.file)
    return problems
