"""Property test (hypothesis): over random fact tables with mixed sides, coverages, part-years, gaps and
zeros, no derived number combines two sides, two coverages or a part-year with a full year, and no
inf or NaN reaches a chart or a file."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.models import trade
from analysis.output.export import to_csv_bytes, to_excel_bytes
from dashboard import charts
from tests.factories import facts

REGIONS = ("RU-KLU", "RU-TA", "RU-KEM")
FLOWS = ("turnover", "by_exports", "by_imports")

fact_rows = st.lists(
    st.fixed_dictionaries(
        {
            "region_iso": st.sampled_from(REGIONS + ("RU",)),
            "year": st.integers(2019, 2024),
            "part": st.sampled_from(["", "", "-01..06", "-H1"]),
            "flow": st.sampled_from(FLOWS),
            "value_musd": st.one_of(st.just(0.0), st.floats(0.5, 5000), st.just(float("nan"))),
            "side": st.sampled_from(["BY", "RU", "unknown"]),
            "coverage": st.sampled_from(["goods", "goods", "goods_and_services"]),
            "status": st.sampled_from(["reported", "reported", "forecast"]),
        }
    ),
    min_size=1,
    max_size=40,
)


def to_facts(rows: list[dict]) -> pd.DataFrame:
    out = []
    for r in rows:
        period = f"{r['year']}{r['part']}"
        out.append(
            {
                "region_iso": r["region_iso"], "period": period, "flow": r["flow"],
                "value_musd": r["value_musd"], "side": r["side"], "coverage": r["coverage"],
                "status": r["status"], "value": 1.0 if math.isnan(r["value_musd"]) else r["value_musd"],
                "currency": "RUB" if math.isnan(r["value_musd"]) else "USD",
            }
        )  # fmt: skip
    return facts(out)


def eligible(f: pd.DataFrame) -> pd.DataFrame:
    """The facts a derived figure may use: reported, goods, full calendar year, a USD value."""
    ok = f.period.str.fullmatch(r"\d{4}") & f.status.eq("reported") & f.coverage.eq("goods")
    ok &= f.value_musd.notna()
    out = f[ok].copy()
    out["year"] = out.period.astype(int)
    return out


def values_of(pool: pd.DataFrame, iso: str, year: int, flow: str, side: str) -> set[float]:
    m = pool[(pool.region_iso == iso) & (pool.year == year) & (pool.flow == flow) & (pool.side == side)]
    return set(m.value_musd.round(9))


def assert_finite_json(obj, path="fig") -> None:
    """No NaN or inf anywhere in a figure's JSON (gaps are None)."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            assert_finite_json(v, f"{path}.{k}")
    elif isinstance(obj, list | tuple):
        for i, v in enumerate(obj):
            assert_finite_json(v, f"{path}[{i}]")
    elif isinstance(obj, np.ndarray):
        if obj.dtype.kind == "f":
            assert np.isfinite(obj).all(), path
        elif obj.dtype == object:
            assert_finite_json(obj.tolist(), path)
    elif isinstance(obj, float | np.floating):
        assert math.isfinite(obj), path


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(rows=fact_rows, side=st.sampled_from(trade.SIDE_CHOICES))
def test_derived_numbers_stay_within_one_side_coverage_and_full_year(fb, rows, side):
    f = to_facts(rows)
    pool = eligible(f)
    best = trade.best_annual_figures(f, side=side)
    assert set(best.coverage) <= {"goods"}
    regions = fb.regions[fb.regions.iso_code.isin(REGIONS)]  # the regions drawn; keeps each example fast
    table = trade.region_table(best, regions, fb.fx_rates, (2019, 2024))
    shown = table[table.turnover_musd.notna()]
    for r in shown.itertuples(index=False):
        y = int(r.latest_year)
        assert round(r.turnover_musd, 9) in values_of(pool, r.iso_code, y, "turnover", r.side)
        if not np.isnan(r.growth_pct):
            prevs = values_of(pool, r.iso_code, y - 1, "turnover", r.side)
            implied = r.turnover_musd / (1 + r.growth_pct / 100)
            assert any(math.isclose(implied, p, rel_tol=1e-9) for p in prevs)
            assert r.side in ("BY", "RU")
        else:
            assert r.growth_note  # blank always says why
        if not np.isnan(r.balance_musd):
            assert round(r.exports_musd, 9) in values_of(pool, r.iso_code, y, "by_exports", r.side)
            assert round(r.imports_musd, 9) in values_of(pool, r.iso_code, y, "by_imports", r.side)
    num = table.select_dtypes("number").to_numpy(dtype="float64", na_value=np.nan)
    assert not np.isinf(num).any()

    nat = trade.national_series(f)
    for s in ("BY", "RU"):
        for k in trade.latest_kpis(nat, s).itertuples(index=False):
            if not np.isnan(k.change_pct):
                prev = nat[(nat.side == s) & (nat.flow == k.flow) & (nat.year == k.year - 1)]
                assert len(prev) == 1 and prev.value_musd.iloc[0] != 0
                assert math.isclose(k.value_musd / prev.value_musd.iloc[0] - 1, k.change_pct / 100)

    for frame in (table, best, nat):
        text = to_csv_bytes(frame).decode("utf-8-sig").lower()
        assert not re.search(r"(^|,)-?(inf|nan)(,|$)", text, re.M)
    points = table[table.turnover_musd.notna()].reset_index(drop=True)
    figs = [charts.national_lines.__wrapped__(nat)] if len(nat) else []
    if len(points):
        figs += [charts.bubble_map.__wrapped__(points, c, None) for c in ("growth", "balance")]
    figs.append(charts.district_bars.__wrapped__(trade.district_rollup(table)))
    for iso in REGIONS:
        series = trade.region_series(best, iso)
        if len(series):
            figs.append(charts.flow_bars.__wrapped__(series))
    for fig in figs:
        assert_finite_json(fig.to_plotly_json())


@settings(max_examples=30, deadline=None, derandomize=True)
@given(
    values=st.lists(
        st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-5, 3000)),
        min_size=1,
        max_size=8,
    )
)
def test_no_inf_or_nan_text_in_any_file(values):
    df = pd.DataFrame({"x_pct": pd.Series(values, dtype="float64"), "latest_year": 2024})
    text = to_csv_bytes(df).decode("utf-8-sig").lower()
    assert "inf" not in text and "nan" not in text
    import io

    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(to_excel_bytes(df))).active
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.value is None or (isinstance(cell.value, int | float) and math.isfinite(cell.value))
