"""Downloads: exactly the rows a chart or table shows, as CSV or Excel, safe to open in a spreadsheet.

CSV is the clean data file: UTF-8 with a BOM, comma separator, dot decimal, the stable column ids as
headers, blanks for missing values, whole numbers without ".0". The .xlsx is the analyst's file: numbers
as numeric cells with a number format, codes and periods as text, a bold frozen header with units,
fitted column widths, and an "About" sheet (filters, export date, data as of, sources, licence). In the
Russian interface the Excel headers and the About sheet are in Russian; numbers stay numbers in both.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from analysis.data.filters import FilterState
from analysis.output.i18n import DEFAULT_LANG, N_, translator
from analysis.output.labels import column_label

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Whole-number columns: years, counts, ranks. A float column of these names holding only whole
# numbers (it became float because of blanks) is written as a nullable integer.
INTEGER_NAME = re.compile(r"(^|_)(year|years|years_left|rank|population|rows|regions|n)($|_)")
UNIT_SUFFIXES = {
    "_musd": "million USD",
    "_usd": "USD",
    "_pct": "%",
    "_km": "km",
}
UNIT_NAMES = {"grp_value": "billion RUB", "population": "people", "lat": "degrees", "lon": "degrees"}
TEXT_NAME = re.compile(r"(^|_)(code|codes|chapter|iso|id|period|hs)($|_)")
MAX_WIDTH = 60
SOURCE_SEPARATOR = " | "


def neutralise_cell(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _whole(s: pd.Series) -> bool:
    vals = s.dropna()
    return len(vals) > 0 and bool(np.all(np.isfinite(vals)) and np.all(vals == np.round(vals)))


def clean_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy for a file: ±inf blanked, whole-number columns (years, counts) as nullable integers."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_float_dtype(s):
            s = s.replace([np.inf, -np.inf], np.nan)
            if INTEGER_NAME.search(str(col)) and _whole(s):
                s = s.astype("Int64")
            out[col] = s
    return out


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells and column names cannot start a formula, and with no inf or float years."""
    out = clean_frame(df)
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_cell)
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV (with BOM), comma, dot decimal, full numeric precision; integers without '.0'."""
    return safe_frame(df).to_csv(index=False, float_format=None).encode("utf-8-sig")


def header_with_unit(col: str) -> str:
    """The Excel header for a column id: the id plus its unit, e.g. 'turnover_musd (million USD)'."""
    if col in UNIT_NAMES:
        return f"{col} ({UNIT_NAMES[col]})"
    for suffix, unit in UNIT_SUFFIXES.items():
        if col.endswith(suffix):
            return f"{col} ({unit})"
    return col


def _number_format(s: pd.Series) -> str:
    if pd.api.types.is_integer_dtype(s):
        return "0" if re.search(r"year", str(s.name)) else "#,##0"
    return "#,##0.0##"


def _is_text_column(name: str, s: pd.Series) -> bool:
    return not pd.api.types.is_numeric_dtype(s) or bool(TEXT_NAME.search(name))


EXCEL_MAX = 9.99999999999999e307  # Excel's largest number; a bigger one would come back as inf


def _cell(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not (math.isfinite(value) and abs(value) <= EXCEL_MAX):
        return None  # blank, never 'inf' or a number Excel cannot hold
    return value


def excel_header(col: str, lang: str = DEFAULT_LANG) -> str:
    """The Excel header of a column: the id with its unit in English ('turnover_musd (million USD)'), the
    human label in Russian ('Товарооборот, млн долларов США')."""
    return header_with_unit(col) if lang == DEFAULT_LANG else column_label(col, lang)


def _data_sheet(ws, df: pd.DataFrame, lang: str = DEFAULT_LANG) -> None:
    bold = Font(bold=True)
    widths = []
    for j, col in enumerate(df.columns, 1):
        name = str(col)
        s = df[col]
        text = _is_text_column(name, s)
        head = ws.cell(row=1, column=j, value=neutralise_cell(excel_header(name, lang)))
        head.font = bold
        fmt = "@" if text else _number_format(s)
        longest = len(head.value)
        for i, v in enumerate(s.tolist(), 2):
            v = _cell(v)
            if text and v is not None:
                v = neutralise_cell(str(v))
            cell = ws.cell(row=i, column=j, value=v)
            cell.number_format = fmt
            if v is not None:
                longest = max(longest, len(f"{v:,.1f}") if isinstance(v, float) else len(str(v)))
        widths.append(min(longest + 2, MAX_WIDTH))
    for j, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = "A2"


def row_sources(df: pd.DataFrame) -> list[str]:
    """Distinct source addresses of the rows (every column ending in source_url), in order."""
    urls: list[str] = []
    for col in df.columns:
        if str(col).endswith("source_url"):
            for u in df[col]:
                if isinstance(u, str):
                    urls += [p for p in u.split(SOURCE_SEPARATOR) if p]
    return list(dict.fromkeys(urls))


ABOUT_SHEET = N_("About")


def _about_sheet(ws, df: pd.DataFrame, about: Mapping[str, str], lang: str = DEFAULT_LANG) -> None:
    _ = translator(lang).gettext
    bold = Font(bold=True)
    rows: list[tuple[str, str]] = [
        (_("exported (UTC)"), datetime.now(UTC).strftime("%Y-%m-%d %H:%M")),
        (_("rows"), str(len(df))),
    ]
    rows += [(k, v) for k, v in about.items()]
    rows.append(
        (_("numbers"), _("Numeric cells hold full precision; blanks are missing figures, never zero."))
    )
    for i, (k, v) in enumerate(rows, 1):
        ws.cell(row=i, column=1, value=k).font = bold
        ws.cell(row=i, column=2, value=neutralise_cell(v))
    start = len(rows) + 2
    ws.cell(row=start, column=1, value=_("sources of the rows")).font = bold
    for i, url in enumerate(row_sources(df), start + 1):
        ws.cell(row=i, column=1, value=i - start)
        ws.cell(row=i, column=2, value=neutralise_cell(url))
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 100


def to_excel_bytes(
    df: pd.DataFrame, sheet: str = "data", about: Mapping[str, str] | None = None, lang: str = DEFAULT_LANG
) -> bytes:
    """An .xlsx workbook: the rows on the first sheet (formatted for reading), and an "About" sheet.

    `about` holds label → text lines for the About sheet (filters applied, data as of, licence …), already
    in `lang`; the export time and the distinct sources of the rows are added here. Headers and the About
    sheet's own lines are in `lang` (ValueError for an unknown one); cells keep the data's numbers.
    """
    _ = translator(lang).gettext
    wb = Workbook()
    ws = wb.active
    ws.title = re.sub(r"[\[\]:*?/\\]", "-", sheet)[:31] or "data"
    _data_sheet(ws, clean_frame(df), lang)
    _about_sheet(wb.create_sheet(_(ABOUT_SHEET)), df, about or {}, lang)
    buf = io.BytesIO()
    wb.save(buf)
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


ABOUT_SIDES = {
    "BY": N_("Belarusian statistics"),
    "RU": N_("Russian statistics"),
    None: N_("best available (Belarusian first)"),
}


def about_filters(
    state: FilterState,
    year_bounds: tuple[int, int],
    region_name: Callable[[str], str],
    sector_name: Callable[[str], str],
    lang: str = DEFAULT_LANG,
) -> str:
    """The filters in words for a file's About sheet in `lang`:
    'Sector: all · Region: Republic of Tatarstan · Years: 2019–2024 · Statistics side: …' (ru: 'Отрасль: все …')."""
    _ = translator(lang).gettext
    years = f"{state.years[0]}–{state.years[1]}" + (
        " " + _("(all)") if tuple(state.years) == year_bounds else ""
    )
    parts = [
        _("Sector: {sectors}", sectors=", ".join(sector_name(s) for s in state.sectors) or _("all")),
        _("Region: {regions}", regions=", ".join(region_name(r) for r in state.regions) or _("all")),
        _("Years: {years}", years=years),
        _("Statistics side: {side}", side=_(ABOUT_SIDES.get(state.side, ABOUT_SIDES[None]))),
    ]
    return " · ".join(parts)
