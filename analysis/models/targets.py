"""Targets set in meetings ("reach $1 bn by 2025") against the latest reported turnover.

progress_pct   = latest actual / target × 100
years_left     = target year − latest actual's year (the growth years still available)
required_cagr  = (target / actual)^(1 / years_left) − 1, when years_left > 0
status         'achieved' when progress ≥ 100 %; 'missed' when the target year has a figure below
               target; 'on track' when the region's own recent growth (annualised over its last
               two reported years, at most 5 apart) is at least the required growth; 'behind'
               otherwise; 'no deadline' or 'no figure' when the data cannot say, and
               'no figure since target set' when the latest figure is older than the year
               before the meeting (progress against a stale figure would mislead).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.data.units import UNIT_FACTORS

COLUMNS = [
    "region_iso", "set_on", "target_musd", "target_year", "latest_actual_musd", "latest_year", "actual_side",
    "progress_pct", "years_left", "required_cagr_pct", "recent_cagr_pct", "status", "target_note",
    "target_source_url", "actual_source_url",
]  # fmt: skip


def recent_cagr(series: pd.DataFrame) -> float:
    """Annualised growth between a region's last two reported turnover years (≤ 5 years apart)."""
    s = series.sort_values("year")
    if len(s) < 2:
        return float("nan")
    last, prev = s.iloc[-1], s.iloc[-2]
    gap = int(last.year - prev.year)
    if gap <= 0 or gap > 5 or prev.value_musd <= 0:
        return float("nan")
    return float((last.value_musd / prev.value_musd) ** (1 / gap) - 1)


def target_status(
    progress: float, years_left: float, required: float, observed: float, stale: bool = False
) -> str:
    """The verdict for one target, following the module's documented rule."""
    if np.isnan(progress):
        return "no figure"
    if stale:
        return "no figure since target set"
    if progress >= 100:
        return "achieved"
    if np.isnan(years_left):
        return "no deadline"
    if years_left <= 0:
        return "missed"
    if not np.isnan(observed) and observed >= required:
        return "on track"
    return "behind"


def target_progress(meetings: pd.DataFrame, best: pd.DataFrame) -> pd.DataFrame:
    """One row per target in USD with the latest actual turnover, progress and status."""
    t = meetings[(meetings.target_value.notna()) & (meetings.target_currency == "USD")].copy()
    t["target_musd"] = t.target_value * pd.to_numeric(t.target_unit.map(UNIT_FACTORS))
    turnover = best[best.flow == "turnover"]
    rows = []
    for r in t.itertuples(index=False):
        series = turnover[turnover.region_iso == r.region_iso]
        ty = float(r.target_year) if pd.notna(r.target_year) else np.nan
        if not np.isnan(ty):
            upto = series[series.year <= ty]
            series = upto if len(upto) else series
        latest = series.sort_values("year").iloc[-1] if len(series) else None
        actual = float(latest.value_musd) if latest is not None else np.nan
        year = int(latest.year) if latest is not None else None
        progress = actual / r.target_musd * 100 if r.target_musd else np.nan
        years_left = ty - year if year is not None and not np.isnan(ty) else np.nan
        required = (
            (r.target_musd / actual) ** (1 / years_left) - 1
            if years_left and years_left > 0 and actual > 0
            else np.nan
        )
        observed = recent_cagr(series)
        rows.append(
            {
                "region_iso": r.region_iso,
                "set_on": r.date,
                "target_musd": r.target_musd,
                "target_year": ty,
                "latest_actual_musd": actual,
                "latest_year": year,
                "actual_side": latest.side if latest is not None else "",
                "progress_pct": progress,
                "years_left": years_left,
                "required_cagr_pct": required * 100,
                "recent_cagr_pct": observed * 100,
                "status": target_status(
                    progress,
                    years_left,
                    required,
                    observed,
                    stale=year is not None and year < int(r.date[:4]) - 1,
                ),
                "target_note": r.target_note,
                "target_source_url": r.source_url,
                "actual_source_url": latest.source_url if latest is not None else "",
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
