"""The curated tables are reproducible from ../shared/reference (skipped when ../shared is absent)."""

import pandas as pd

from datasets.build import adopt_reference, adopt_rosstat


def test_trade_facts_rebuild_identically(shared_dir, fb):
    rebuilt, dropped = adopt_reference.adopt_trade_facts(shared_dir / "reference")
    committed = pd.read_csv(fb.data_dir / "trade_facts.csv", dtype=str, keep_default_na=False)
    committed = committed[
        ~committed.fact_id.str.endswith(adopt_rosstat.YEARBOOK_SUFFIX)
    ]  # adopted separately
    rebuilt = rebuilt.astype(str).replace({"nan": "", "None": "", "<NA>": ""})
    assert rebuilt.fact_id.tolist() == committed.fact_id.tolist()
    assert sum(dropped.values()) + len(rebuilt) == 368 + 87


def test_harvest_problems_are_handled(shared_dir, fb):
    f = fb.trade_facts
    # 'Samara 2024: 28.4 bn RUB' strongly conflicts with the BY figure and is flagged, not used.
    assert set(f[(f.region_iso == "RU-SAM") & (f.period == "2024") & (f.currency == "RUB")].status) == {
        "suspect"
    }
    # Forecasts are kept but marked.
    assert (f.status == "forecast").sum() >= 5
    # news.by pages with a wrong date line: the date comes from the URL or is a lower bound, never a crawl date.
    assert not (f.published == "2019-12-13").any()
