"""Downloads: exactly the rows a chart or table shows, as CSV or Excel, safe to open in a spreadsheet."""

from __future__ import annotations

import io
import re

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells and column names cannot start a formula."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_cell)
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV with full numeric precision (a BOM so spreadsheets read Cyrillic correctly)."""
    return safe_frame(df).to_csv(index=False, float_format=None).encode("utf-8-sig")


def to_excel_bytes(df: pd.DataFrame, sheet: str = "data") -> bytes:
    """An .xlsx workbook with one sheet holding the same rows as the CSV."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        safe_frame(df).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buf.getvalue()


def slug(text: str) -> str:
    """Lower-case ASCII-ish file-name part."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def export_filename(what: str, filters: dict[str, str], ext: str) -> str:
    """'regions-turnover_region-RU-KL_years-2019-2024.csv': the data and the filters that applied."""
    parts = [slug(what)] + [f"{k}-{v}" for k, v in filters.items() if v]
    name = "_".join(parts)
    name = re.sub(r"[^A-Za-z0-9_.+-]", "-", name)[:150]
    return f"{name}.{ext}"
