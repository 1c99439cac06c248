"""Region boundaries: the shipped GeoJSON of Russia's federal subjects turned into outline coordinates.

The project ships `datasets/boundaries/ru_adm1.geojson` (geoBoundaries RUS ADM1, © OpenStreetMap
contributors, ODbL 1.0; attribution in `datasets/boundaries/README.md`), so the map works offline.
BYRU_BOUNDARIES may point at another file of the same shape.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from analysis.data.tables import DEFAULT_DIR

DEFAULT_PATH = DEFAULT_DIR / "boundaries" / "ru_adm1.geojson"
BOUNDARY_CREDIT = "Boundaries: geoBoundaries RUS ADM1, © OpenStreetMap contributors, ODbL 1.0."


def boundaries_path() -> Path | None:
    """The boundary file to use, or None when there is none."""
    env = os.environ.get("BYRU_BOUNDARIES")
    path = Path(env) if env else DEFAULT_PATH
    return path if path.is_file() else None


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [poly[0] for poly in geometry["coordinates"]]
    return []


def outlines(path: Path, iso_property: str = "shapeISO") -> pd.DataFrame:
    """Outer rings of every region as lon/lat rows, each ring closed by a row of NaN (a line break)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        features = data["features"]
    except (OSError, ValueError, KeyError) as exc:
        raise ValueError(f"{path}: not a GeoJSON FeatureCollection ({exc})") from exc
    rows: list[tuple[str, float, float]] = []
    for feature in features:
        iso = str(feature.get("properties", {}).get(iso_property, ""))
        for ring in _rings(feature.get("geometry") or {}):
            for lon, lat, *_ in ring:
                # Chukotka crosses the antimeridian: its western-hemisphere tip is drawn east of 180°.
                rows.append((iso, lon + 360 if lon < 0 else lon, lat))
            rows.append((iso, float("nan"), float("nan")))
    return pd.DataFrame(rows, columns=["iso_code", "lon", "lat"])
