"""Adopt region boundaries for the offline map: `../shared/reference/geo/ru_adm1.geojson` → `datasets/boundaries/`.

Keeps each feature's ISO code and name, rounds coordinates to 3 decimals (about 100 m, far below what a
country-wide map shows) and drops repeated points, so the shipped file stays small. The data are
geoBoundaries gbOpen RUS ADM1, © OpenStreetMap contributors, ODbL 1.0: the attribution and licence sit in
`datasets/boundaries/README.md`, and this derived file is released under ODbL as well.

Run: python -m datasets.build.adopt_boundaries --reference ../shared/reference
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "boundaries" / "ru_adm1.geojson"


def _ring(ring: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for lon, lat, *_ in ring:
        point = [round(lon, 3), round(lat, 3)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def slim(collection: dict) -> dict:
    """The same FeatureCollection with rounded coordinates and only `shapeISO` and `shapeName` kept."""
    features = []
    for f in collection["features"]:
        geom = f["geometry"]
        if geom["type"] == "Polygon":
            coords = [_ring(r) for r in geom["coordinates"]]
        else:
            coords = [[_ring(r) for r in poly] for poly in geom["coordinates"]]
        props = {k: f["properties"][k] for k in ("shapeISO", "shapeName")}
        features.append(
            {
                "type": "Feature",
                "properties": props,
                "geometry": {"type": geom["type"], "coordinates": coords},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=Path("../shared/reference"))
    args = parser.parse_args()
    source = json.loads((args.reference / "geo" / "ru_adm1.geojson").read_text(encoding="utf-8"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(slim(source), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB, {len(source['features'])} regions)")


if __name__ == "__main__":
    main()
