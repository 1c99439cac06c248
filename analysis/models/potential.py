"""Modelled regional trade potential: a PPML gravity model of Belarus's trade with Russian regions.

turnover_i = exp(b0 + b1·ln(population_i) + b2·ln(distance_i from Minsk)) · e_i, estimated by
Poisson pseudo-maximum likelihood (statsmodels GLM, Poisson family, HC1 robust errors), which keeps
zero and small flows and is consistent under heteroskedasticity (Santos Silva & Tenreyro 2006).
Population stands for economic size because GRP is too patchy in the fact base to use (see README).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm

EARTH_RADIUS_KM = 6371.0088
MINSK_ISO = "BY-HM"
TERMS = ("const", "ln_population", "ln_distance_km")


@dataclass(frozen=True)
class GravityResult:
    """Model output: one row per region, coefficient table and diagnostics."""

    table: pd.DataFrame
    coefficients: pd.DataFrame
    n: int
    pseudo_r2: float
    loo_median_abs_error_pct: float
    years: tuple[int, int]


def great_circle_km(lat1: float, lon1: float, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Haversine distance in km from one point to many."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlmb = np.radians(lon2) - np.radians(lon1)
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))


def design_matrix(frame: pd.DataFrame) -> pd.DataFrame:
    """Constant, log population and log distance for each row."""
    x = pd.DataFrame(
        {
            "ln_population": np.log(frame.population.astype(float)),
            "ln_distance_km": np.log(frame.distance_km.astype(float)),
        },
        index=frame.index,
    )
    return sm.add_constant(x, has_constant="add")[list(TERMS)]


def fit_ppml(y: pd.Series, x: pd.DataFrame) -> sm.regression.linear_model.RegressionResultsWrapper:
    """Poisson GLM with heteroskedasticity-robust (HC1) standard errors."""
    return sm.GLM(y.astype(float), x, family=sm.families.Poisson()).fit(cov_type="HC1", maxiter=200)


def pseudo_r2(y: np.ndarray, fitted: np.ndarray) -> float:
    """Squared correlation of actual and fitted values, the usual R² reported for PPML."""
    if len(y) < 3:
        return float("nan")
    return float(np.corrcoef(y, fitted)[0, 1] ** 2)


def leave_one_out(y: pd.Series, x: pd.DataFrame) -> pd.Series:
    """Each observation predicted by a model fitted without it."""
    preds = {}
    for i in y.index:
        res = fit_ppml(y.drop(i), x.drop(i))
        preds[i] = float(np.exp(x.loc[[i]].to_numpy() @ res.params.to_numpy())[0])
    return pd.Series(preds)


def model_frame(best: pd.DataFrame, regions: pd.DataFrame, years: tuple[int, int]) -> pd.DataFrame:
    """Russian regions with population, distance from Minsk and their latest turnover in `years`."""
    minsk = regions.set_index("iso_code").loc[MINSK_ISO]
    ru = regions[regions.country == "RU"][
        ["iso_code", "name_en", "federal_district", "population", "lat", "lon"]
    ]
    ru = ru.assign(distance_km=great_circle_km(minsk.lat, minsk.lon, ru.lat.to_numpy(), ru.lon.to_numpy()))
    t = best[(best.flow == "turnover") & best.year.between(*years) & (best.region_iso != "RU")]
    latest = t.sort_values("year").drop_duplicates("region_iso", keep="last")
    latest = latest[["region_iso", "year", "value_musd", "side", "source_url"]].rename(
        columns={"region_iso": "iso_code", "value_musd": "actual_musd"}
    )
    return ru.merge(latest, on="iso_code", how="left").reset_index(drop=True)


def fit_gravity(best: pd.DataFrame, regions: pd.DataFrame, years: tuple[int, int]) -> GravityResult:
    """Fit on regions with a reported figure and population; predict for every region with population."""
    frame = model_frame(best, regions, years)
    has_x = frame.population.notna() & (frame.population > 0)
    sample = frame[has_x & frame.actual_musd.notna()]
    coef_cols = ["term", "coef", "std_err", "ci_low", "ci_high", "p_value"]
    if len(sample) < 8:
        empty = frame.assign(expected_musd=np.nan, untapped_musd=np.nan, rank=pd.NA, in_sample=False)
        return GravityResult(empty, pd.DataFrame(columns=coef_cols), len(sample), np.nan, np.nan, years)
    x_all = design_matrix(frame[has_x])
    y = sample.actual_musd
    res = fit_ppml(y, x_all.loc[sample.index])
    ci = res.conf_int()
    coefs = pd.DataFrame(
        {
            "term": list(TERMS),
            "coef": res.params.to_numpy(),
            "std_err": res.bse.to_numpy(),
            "ci_low": ci[0].to_numpy(),
            "ci_high": ci[1].to_numpy(),
            "p_value": res.pvalues.to_numpy(),
        }
    )
    frame["expected_musd"] = pd.Series(np.exp(x_all.to_numpy() @ res.params.to_numpy()), index=x_all.index)
    frame["untapped_musd"] = frame.expected_musd - frame.actual_musd
    frame["actual_to_expected"] = frame.actual_musd / frame.expected_musd
    frame["in_sample"] = frame.index.isin(sample.index)
    loo = leave_one_out(y, x_all.loc[sample.index])
    frame["loo_expected_musd"] = loo
    frame["loo_error_pct"] = (frame.loo_expected_musd / frame.actual_musd - 1) * 100
    frame["rank"] = frame.untapped_musd.rank(ascending=False, method="first").astype("Int64")
    frame = frame.sort_values(["rank", "expected_musd"], ascending=[True, False], na_position="last")
    r2 = pseudo_r2(y.to_numpy(), frame.loc[sample.index, "expected_musd"].to_numpy())
    loo_med = float(np.median(np.abs(frame.loc[sample.index, "loo_error_pct"])))
    return GravityResult(frame.reset_index(drop=True), coefs, len(sample), r2, loo_med, years)
