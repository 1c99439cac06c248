"""Region boundaries: the shipped file covers every region; a bad file gives a clear error."""

import numpy as np
import pytest

from analysis.data import geo
from dashboard.charts import bubble_map


def test_outlines_from_shared_geojson(shared_dir, monkeypatch):
    path = shared_dir / "reference" / "geo" / "ru_adm1.geojson"
    out = geo.outlines(path)
    assert out.iso_code.nunique() == 83
    assert out.lon.dropna().between(19, 192).all() and out.lat.dropna().between(41, 82).all()
    kl = out[out.iso_code == "RU-KL"].dropna()
    assert 44 < kl.lon.mean() < 47 and 45 < kl.lat.mean() < 48  # Kalmykia sits around 45°E 46.5°N
    monkeypatch.setenv("BYRU_BOUNDARIES", str(path))
    assert geo.boundaries_path() == path


def test_shipped_boundaries_cover_every_region(fb, monkeypatch):
    monkeypatch.delenv("BYRU_BOUNDARIES", raising=False)
    path = geo.boundaries_path()
    assert path == geo.DEFAULT_PATH and path.is_file()
    out = geo.outlines(path)
    ru = set(fb.regions[fb.regions.iso_code.str.startswith("RU-")].iso_code)
    assert set(out.iso_code) == ru  # one outline set per federal subject, the same codes as regions.csv
    licence = (path.parent / "README.md").read_text(encoding="utf-8")
    assert "ODbL" in licence and "OpenStreetMap contributors" in licence


def test_bad_geojson_is_reported(tmp_path):
    bad = tmp_path / "b.geojson"
    bad.write_text("{not json")
    with pytest.raises(ValueError, match="not a GeoJSON FeatureCollection"):
        geo.outlines(bad)


def test_map_draws_outlines_under_bubbles():
    import pandas as pd

    outlines = pd.DataFrame(
        {"iso_code": ["RU-X"] * 4, "lon": [40.0, 41.0, 40.5, np.nan], "lat": [50.0, 50.0, 51.0, np.nan]}
    )
    points = pd.DataFrame(
        {
            "lon": [40.5],
            "lat": [50.5],
            "name_en": ["X"],
            "turnover_musd": [10.0],
            "latest_year": [2024],
            "growth_pct": [5.0],
            "balance_musd": [1.0],
        }
    )
    fig = bubble_map(points, "growth", outlines)
    assert [t.mode for t in fig.data] == ["lines", "markers"]  # no region lacks growth: no hollow layer
    assert len(bubble_map(points, "growth", None).data) == 1
    selected = bubble_map(points.assign(iso_code=["RU-X"]), "growth", outlines, ("RU-X",))
    assert [t.name for t in selected.data][-1] == "names" and list(selected.data[-1].text) == ["X"]
    assert any(t.name == "selected regions" for t in selected.data)  # its outline drawn darker
