"""Property: a single damaged cell is either read exactly as written or refused with file, row and column."""

from __future__ import annotations

import math
import shutil

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.data.schema import TABLES
from analysis.data.tables import DEFAULT_DIR, load_factbase, load_table
from analysis.data.validation import TRUE_FALSE, DataValidationError

HOSTILE = ["", " ", "nan", "NaN", "inf", "-inf", "1e400", "-1", "1_000", "0x10", "١٢", "２０２３", "1,5", "5,0",
           '"', '""', 'a"b', '"open', "x\ny", "\t", "2023-02-30", "2023-13", "2024-H3", "true", "False", "RU-XX",
           "RU", "BY", "http://", "https://x.org/a b", "\ufeff1", "\x00", "0", "1e-320", "+5", ".5", "5.", "-0"]  # fmt: skip
CELL_TEXT = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**30), 10**30).map(str),
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    dst = tmp_path_factory.mktemp("prop") / "datasets"
    shutil.copytree(DEFAULT_DIR, dst, ignore=shutil.ignore_patterns("build", "*.md", "__pycache__"))
    return dst


@pytest.fixture(scope="module")
def clean(folder):
    fb = load_factbase(folder)
    ids = {"sectors": set(fb.sectors.sector_id), "regions": set(fb.regions.iso_code)}
    return fb, ids


def expected_value(text: str, kind: str):
    """What the loader must hold for a cell it accepted: the written text, typed.

    A cell written as a whole quoted CSV field ('""', '"a""b"') holds its unquoted content, as in any CSV.
    """
    s = text.strip()
    inner = s[1:-1]
    if len(s) >= 2 and s[0] == s[-1] == '"' and '"' not in inner.replace('""', ""):
        s = inner.replace('""', '"').strip()
    if not s:
        return None
    if kind == "float":
        return float(s)
    if kind == "int":
        return int(s)
    if kind == "bool":
        return TRUE_FALSE[s]
    return s


def same(a, b) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)) or a is pd.NA:
        return b is None or b is pd.NA or (isinstance(b, float) and math.isnan(b)) or b == ""
    return a == b


@pytest.mark.parametrize("name", ["trade_facts", "meetings", "regions"])
@settings(
    max_examples=40,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_one_damaged_cell_is_read_as_written_or_refused_by_row_and_column(folder, clean, name, data):
    fb, ids = clean
    table = TABLES[name]
    path = folder / table.file
    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    header = lines[0].split(",")
    plain = [i for i, line in enumerate(lines) if i and line and '"' not in line]
    index = data.draw(st.sampled_from(plain))
    column = data.draw(st.sampled_from(list(table.columns)))
    text = data.draw(CELL_TEXT)
    cells = lines[index].split(",")
    cells[header.index(column)] = text
    lines[index] = ",".join(cells)
    row = index + 1
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        loaded = load_table(name, folder, ids)
    except DataValidationError as err:
        file = f"datasets/{table.file}"
        # A line break written into a cell moves text to the next line: which row it belongs to is ambiguous
        # (the end of the row above, or the start of the next one), so a neighbouring row may be named.
        rows_ok = {row - 1, row, row + 1} if any(c in text for c in "\r\n") else {row}
        named = [p for p in err.problems if p.file == file and (p.row in rows_ok or f"row {row})" in p.reason
                 or f"as row {row}" in p.reason)]  # fmt: skip
        assert named, [str(p) for p in err.problems]
        assert any(p.column == column or (p.column is None and "fields" in p.reason) or p.row != row
                   or "line break" in p.reason for p in named), [str(p) for p in named]  # fmt: skip
        assert all(str(p).startswith(file) for p in err.problems)
    else:
        before = getattr(fb, name)
        assert list(loaded.columns) == list(before.columns) and len(loaded) == len(before)
        pos = index - 1 - sum(1 for line in lines[1:index] if not line.strip())
        got = loaded.at[pos, column]
        assert same(expected_value(text, table.columns[column].type), got), (text, got)
        others = [c for c in table.columns if c != column]
        pd.testing.assert_frame_equal(loaded[others], before[others])
    finally:
        path.write_text(original, encoding="utf-8")
