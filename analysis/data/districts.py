"""Federal districts' names in Russian: the official forms Rosstat prints ('Приволжский федеральный округ').

Read from `datasets/federal_districts.csv` (built by datasets/build/adopt_rosstat.py from the district rows of
the Russian Statistical Yearbook 2023, table 4.2). regions.csv names a region's district in English ('Volga');
the English form of the whole name is 'Volga Federal District'.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from analysis.data.tables import data_dir

FILE = "federal_districts.csv"
COLUMNS = ("federal_district", "name_ru", "source", "source_url")


def russian_names(folder: Path | None = None) -> dict[str, str]:
    """English district name as in regions.csv ('Volga') → official Russian name; empty when the data folder
    has no such file (the names then stay English).

    Raises ValueError naming the file, row and column when a column is missing or a cell is empty.
    """
    return _read(Path(folder or data_dir()) / FILE)


@cache
def _read(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"datasets/{FILE}: missing column(s) {', '.join(missing)}")
        out = {}
        for row_no, row in enumerate(reader, start=2):
            for col in COLUMNS:
                if not (row.get(col) or "").strip():
                    raise ValueError(f"datasets/{FILE}, row {row_no}, column {col}: empty")
            out[row["federal_district"]] = row["name_ru"]
    return out


def district_name(district: str, lang: str) -> str:
    """The district's full name: 'Volga Federal District' (en), 'Приволжский федеральный округ' (ru);
    '' for an empty district; the English form when the table lacks the district."""
    if not district:
        return ""
    names = russian_names() if lang == "ru" else {}
    if district in names:
        return names[district]
    return f"{district} Federal District"
