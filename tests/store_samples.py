"""Hand-made rows for store tests: one meeting, one trade figure and one goods mention per record."""

from __future__ import annotations

SOURCE = "https://example.org/meeting-report"


def sample_rows(n: int = 1, region: str = "RU-KGD", value: float | None = None) -> dict[str, list[dict]]:
    """A valid record; different `n` give different keys and values so records never clash."""
    date = "2026-03-10"
    amount = str(value if value is not None else 100 + n)
    return {
        "meetings": [
            {"meeting_id": f"{region}:{date}:t{n}", "date": date, "date_basis": "page", "region_iso": region,
             "level": "other", "by_side": "Deputy minister (test)", "sectors": "agri_food", "source_url": SOURCE}
        ],
        "trade_facts": [
            {"fact_id": f"{region}:2026-Q1:turnover:RU:t{n}", "region_iso": region, "period": "2026-Q1",
             "period_start": "2026-01-01", "period_end": "2026-03-31", "flow": "turnover", "value": amount,
             "unit": "million", "currency": "USD", "value_musd": amount, "qualifier": "exact", "side": "RU",
             "status": "reported", "coverage": "goods", "period_inferred": "False", "source_url": SOURCE,
             "published": date, "published_basis": "page"}
        ],
        "product_mentions": [
            {"region_iso": region, "period": "2026", "direction": "by_exports", "product": f"test tractors {n}",
             "hs_chapter": "87", "sector_id": "agri_machinery", "source_url": SOURCE, "published": date,
             "published_basis": "page"}
        ],
    }  # fmt: skip
