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

A range target ("1.5–2 bn") keeps both ends: `target_low_musd` and `target_musd` (the high end).
`progress_pct`, the required growth and the status are against the high end; `progress_low_pct` is
against the low end, and `progress_against` says which end each figure refers to. The growth used
for 'on track' is the region's own, within the latest figure's statistics side only.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.data.units import UNIT_FACTORS

COLUMNS = [
    "region_iso", "set_on", "target_low_musd", "target_musd", "target_year", "latest_actual_musd", "latest_year", "actual_side",
    "progress_pct", "progress_low_pct", "progress_against", "years_left", "required_cagr_pct", "recent_cagr_pct", "status", "target_note",
    "target_source_url", "actual_source_url",
]  # fmt: skip


def _fmt(musd: float) -> str:
    return f"${musd / 1000:,.1f} bn" if musd >= 1000 else f"${musd:,.0f} m"


def recent_cagr(series: pd.DataFrame) -> float:
    """Annualised growth between a region's last two reported turnover years (≤ 5 years apart).

    `series` must hold one statistics side only (the caller filters it): growth never spans two sides.
    """
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
    factor = pd.to_numeric(t.target_unit.map(UNIT_FACTORS))
    t["target_musd"] = t.target_value * factor
    low = t.target_low if "target_low" in t.columns else pd.Series(np.nan, index=t.index)
    t["target_low_musd"] = pd.to_numeric(low).astype("float64") * factor
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
        is_range = pd.notna(r.target_low_musd) and r.target_low_musd > 0
        progress_low = actual / r.target_low_musd * 100 if is_range else np.nan
        against = f"the high end ({_fmt(r.target_musd)}) of the range" if is_range else ""
        years_left = ty - year if year is not None and not np.isnan(ty) else np.nan
        required = (
            (r.target_musd / actual) ** (1 / years_left) - 1
            if years_left and years_left > 0 and actual > 0
            else np.nan
        )
        # The region's own recent growth only within the latest figure's statistics side.
        observed = recent_cagr(series[series.side == latest.side]) if latest is not None else np.nan
        rows.append(
            {
                "region_iso": r.region_iso,
                "set_on": r.date,
                "target_low_musd": r.target_low_musd,
                "target_musd": r.target_musd,
                "target_year": ty,
                "latest_actual_musd": actual,
                "latest_year": year,
                "actual_side": latest.side if latest is not None else "",
                "progress_pct": progress,
                "progress_low_pct": progress_low,
                "progress_against": against,
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
    out = pd.DataFrame(rows, columns=COLUMNS)
    for col in ("target_year", "latest_year", "years_left"):
        out[col] = pd.to_numeric(out[col]).astype("Int64")
    return out
