"""Modelled regional trade potential: a PPML gravity model of Belarus's trade with Russian regions.

turnover_i = exp(b0 + b_mass·ln(mass_i) + b_d·ln(distance_i from Minsk) + covariates_i) · e_i, estimated by
Poisson pseudo-maximum likelihood (statsmodels GLM, Poisson family, HC1 robust errors), which keeps zero
and small flows and is consistent under heteroskedasticity (Santos Silva & Tenreyro 2006).

The specification is chosen by evidence: every candidate in CANDIDATES (mass = population or GRP; with or
without the region's 2021 trade with the CIS; with or without a dummy for the regions bordering Belarus;
with or without a dummy for figures from 2022 on, when Belarus–Russia trade jumped) is fitted on the regions
with a reported figure, and the one with the lowest leave-one-out median absolute percentage error wins
(ties: fewer terms). The population-only model it replaced (harvested populations + distance) is fitted on
the same filters and reported beside it. Inputs: Rosstat, Russian Statistical Yearbook 2023 (population at
the end of 2022, table 4.2; GRP 2021, table 12.22; each region's 2021 trade with the CIS, table 25.4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product

import numpy as np
import pandas as pd
from statsmodels.genmod.families import Poisson
from statsmodels.genmod.generalized_linear_model import GLM, GLMResultsWrapper
from statsmodels.tools.tools import add_constant

EARTH_RADIUS_KM = 6371.0088
MINSK_ISO = "BY-HM"
# Russian regions that share a border with Belarus.
BORDER_REGIONS = frozenset({"RU-SMO", "RU-BRY", "RU-PSK"})
RECENT_FROM = 2022  # Belarus–Russia trade stepped up in 2022; figures from then on get the period dummy
TERM_LABELS = {
    "ln_population": "population",
    "ln_grp": "GRP",
    "ln_distance_km": "distance",
    "ln_cis_trade": "2021 CIS trade",
    "border": "border with Belarus",
    "recent": "2022+ period",
}


@dataclass(frozen=True)
class Spec:
    """One candidate gravity specification: the design's terms besides the constant."""

    terms: tuple[str, ...]

    @property
    def name(self) -> str:
        """'GRP + distance + border with Belarus' (the terms in words)."""
        return " + ".join(TERM_LABELS[t] for t in self.terms)


def _candidates() -> tuple[Spec, ...]:
    out = []
    for mass, cis, border, recent in product(("ln_population", "ln_grp"), *[(False, True)] * 3):
        terms = [mass, "ln_distance_km"]
        terms += ["ln_cis_trade"] if cis else []
        terms += ["border"] if border else []
        terms += ["recent"] if recent else []
        out.append(Spec(tuple(terms)))
    return tuple(out)


CANDIDATES = _candidates()
BASELINE = Spec(("ln_population", "ln_distance_km"))


@dataclass(frozen=True)
class ModelScore:
    """How one specification does on the regions with figures."""

    spec: str
    n: int
    pseudo_r2: float
    loo_median_abs_error_pct: float


@dataclass(frozen=True)
class GravityResult:
    """Model output: one row per region, coefficient table and diagnostics of the chosen model.

    `candidates` lists every specification tried with its fit and leave-one-out error; `baseline` is the
    population-only model that the chosen one replaced (harvested populations + distance).
    """

    table: pd.DataFrame
    coefficients: pd.DataFrame
    n: int
    pseudo_r2: float
    loo_median_abs_error_pct: float
    years: tuple[int, int]
    spec: str = BASELINE.name
    baseline: ModelScore | None = None
    candidates: pd.DataFrame = field(default_factory=pd.DataFrame)


def great_circle_km(lat1: float, lon1: float, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Haversine distance in km from one point to many."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlmb = np.radians(lon2) - np.radians(lon1)
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))


def region_economy(indicators: pd.DataFrame, foreign_trade: pd.DataFrame) -> pd.DataFrame:
    """One row per region: population (persons), GRP (million RUB) and GRP per capita (RUB), 2021 CIS trade
    (exports + imports, million USD), with years and the source URL.

    From the Rosstat tables `region_indicators` and `region_foreign_trade`.
    """
    needed = ["population", "grp", "grp_per_capita"]  # present even when the table is empty
    wide = indicators.pivot_table(index="iso_code", columns="indicator", values="value", aggfunc="first")
    wide = wide.reindex(columns=needed)
    years = indicators.pivot_table(index="iso_code", columns="indicator", values="year", aggfunc="first")
    years = years.reindex(columns=needed)
    cis = foreign_trade[(foreign_trade.partner == "cis") & (foreign_trade.year == 2021)]
    out = pd.DataFrame(
        {
            "population_rosstat": wide["population"] * 1000,
            "population_year": years["population"].astype("Int64"),
            "grp_mrub": wide["grp"],
            "grp_year": years["grp"].astype("Int64"),
            "grp_per_capita_rub": wide["grp_per_capita"],
            "cis_trade_2021_musd": cis.groupby("iso_code").value.sum(min_count=2),
            "source_url": indicators.groupby("iso_code").source_url.first(),
        }
    )
    return out.rename_axis("iso_code").reset_index()


def design_matrix(frame: pd.DataFrame, terms: tuple[str, ...] = BASELINE.terms) -> pd.DataFrame:
    """Constant and the spec's terms for each row (NaN where an input is missing)."""
    cols = {
        "ln_population": lambda f: np.log(f.population.astype(float)),
        "ln_grp": lambda f: np.log(f.grp_mrub.astype(float)),
        "ln_distance_km": lambda f: np.log(f.distance_km.astype(float)),
        "ln_cis_trade": lambda f: np.log1p(f.cis_trade_2021_musd.astype(float)),  # log(1 + x): some are 0
        "border": lambda f: f.iso_code.isin(BORDER_REGIONS).astype(float),
        "recent": lambda f: (f.year.fillna(RECENT_FROM) >= RECENT_FROM).astype(float),
    }
    x = pd.DataFrame({t: cols[t](frame) for t in terms}, index=frame.index)
    return add_constant(x, has_constant="add")[["const", *terms]]


def fit_ppml(y: pd.Series, x: pd.DataFrame) -> GLMResultsWrapper:
    """Poisson GLM with heteroskedasticity-robust (HC1) standard errors.

    Imported from statsmodels.genmod, not statsmodels.api: the whole API costs the server 25 MB more.
    """
    return GLM(y.astype(float), x, family=Poisson()).fit(cov_type="HC1", maxiter=200)


def poisson_coefficients(
    y: np.ndarray, x: np.ndarray, start: np.ndarray | None = None, tol: float = 1e-9, max_iter: int = 100
) -> np.ndarray:
    """PPML point estimates by iteratively reweighted least squares (the same estimates as fit_ppml, faster;
    used for the many leave-one-out refits). `start` (coefficients on the scale of y) speeds up a refit."""
    scale = max(float(np.mean(y)), 1e-12)
    yy = y / scale  # the constant absorbs the scale; keeps the weights well conditioned
    if start is None:
        beta = np.linalg.lstsq(x, np.log(yy + 0.1), rcond=None)[0]
    else:
        beta = start.astype(float).copy()
        beta[0] -= np.log(scale)
    for _ in range(max_iter):
        mu = np.exp(np.clip(x @ beta, -50, 50))
        z = x @ beta + (yy - mu) / mu
        w = np.sqrt(mu)
        new = np.linalg.lstsq(x * w[:, None], z * w, rcond=None)[0]
        done = np.max(np.abs(new - beta)) < tol
        beta = new
        if done:
            break
    beta[0] += np.log(scale)
    return beta


def pseudo_r2(y: np.ndarray, fitted: np.ndarray) -> float:
    """Squared correlation of actual and fitted values, the usual R² reported for PPML."""
    if len(y) < 3:
        return float("nan")
    return float(np.corrcoef(y, fitted)[0, 1] ** 2)


def leave_one_out(y: pd.Series, x: pd.DataFrame) -> pd.Series:
    """Each observation predicted by a model fitted without it."""
    xs, ys = x.to_numpy(dtype=float), y.to_numpy(dtype=float)
    full = poisson_coefficients(ys, xs)
    preds = {}
    for k, i in enumerate(y.index):
        keep = np.arange(len(ys)) != k
        beta = poisson_coefficients(ys[keep], xs[keep], start=full)
        preds[i] = float(np.exp(xs[k] @ beta))
    return pd.Series(preds)


def median_abs_pct_error(actual: pd.Series, predicted: pd.Series) -> float:
    """Median of |predicted / actual − 1| × 100 (%)."""
    return float(np.median(np.abs(predicted / actual - 1) * 100))


def score(spec: Spec, sample: pd.DataFrame) -> ModelScore:
    """Fit and leave-one-out error of one specification on the sample rows."""
    x = design_matrix(sample, spec.terms)
    y = sample.actual_musd
    fitted = np.exp(x.to_numpy() @ poisson_coefficients(y.to_numpy(float), x.to_numpy(float)))
    loo = leave_one_out(y, x)
    return ModelScore(spec.name, len(y), pseudo_r2(y.to_numpy(), fitted), median_abs_pct_error(y, loo))


def model_frame(
    best: pd.DataFrame,
    regions: pd.DataFrame,
    years: tuple[int, int],
    economy: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Russian regions with mass, distance from Minsk, covariates and their latest turnover in `years`.

    `population` is Rosstat's (end of 2022) when `economy` is given, else regions.csv's harvested figure,
    which is kept as `population_harvest` for the baseline model.
    """
    minsk = regions.set_index("iso_code").loc[MINSK_ISO]
    ru = regions[regions.country == "RU"][
        ["iso_code", "name_en", "federal_district", "population", "lat", "lon"]
    ]
    ru = ru.assign(
        distance_km=great_circle_km(minsk.lat, minsk.lon, ru.lat.to_numpy(), ru.lon.to_numpy()),
        population_harvest=ru.population.astype("float64"),
    )
    if economy is not None:
        eco = economy.rename(columns={"source_url": "economy_source_url"})
        ru = ru.drop(columns="population").merge(eco, on="iso_code", how="left")
        ru["population"] = ru.population_rosstat
    t = best[(best.flow == "turnover") & best.year.between(*years) & (best.region_iso != "RU")]
    latest = t.sort_values("year").drop_duplicates("region_iso", keep="last")
    latest = latest[["region_iso", "year", "value_musd", "side", "source_url"]].rename(
        columns={"region_iso": "iso_code", "value_musd": "actual_musd"}
    )
    return ru.merge(latest, on="iso_code", how="left").reset_index(drop=True)


def _complete(frame: pd.DataFrame, terms: tuple[str, ...]) -> pd.Series:
    """Rows with every input of the terms (positive masses, a CIS figure when used)."""
    ok = frame.distance_km.notna()
    if "ln_population" in terms:
        ok &= frame.population.notna() & (frame.population > 0)
    if "ln_grp" in terms:
        ok &= frame.grp_mrub.notna() & (frame.grp_mrub > 0)
    if "ln_cis_trade" in terms:
        ok &= frame.cis_trade_2021_musd.notna()
    return ok


def baseline_score(frame: pd.DataFrame) -> ModelScore | None:
    """The replaced model: harvested population + distance, on the regions with a figure and a population."""
    base = frame.assign(population=frame.population_harvest)
    sample = base[_complete(base, BASELINE.terms) & base.actual_musd.notna()]
    if len(sample) < 8:
        return None
    s = score(BASELINE, sample)
    return ModelScore(
        f"{BASELINE.name} (harvested populations)", s.n, s.pseudo_r2, s.loo_median_abs_error_pct
    )


def choose_spec(frame: pd.DataFrame, candidates: tuple[Spec, ...]) -> tuple[Spec, pd.DataFrame]:
    """The candidate with the lowest leave-one-out median error (ties within 0.01 points: fewer terms) and
    the table of all, best first."""
    rows = []
    for spec in candidates:
        sample = frame[_complete(frame, spec.terms) & frame.actual_musd.notna()]
        x = design_matrix(sample, spec.terms).to_numpy(float)
        if len(sample) < len(spec.terms) + 6 or np.linalg.matrix_rank(x) < x.shape[1]:
            continue  # too few regions, or a term that does not vary in this sample
        s = score(spec, sample)
        rows.append((spec, s.spec, s.n, s.pseudo_r2, s.loo_median_abs_error_pct, len(spec.terms)))
    table = pd.DataFrame(
        rows, columns=["_spec", "spec", "n", "pseudo_r2", "loo_median_abs_error_pct", "terms"]
    )
    table["_rounded"] = table.loo_median_abs_error_pct.round(2)  # a tie is within 0.01 percentage points
    table = table.sort_values(["_rounded", "terms"], kind="stable").reset_index(drop=True)
    table["chosen"] = table.index == 0
    return table._spec.iloc[0], table.drop(columns=["_spec", "terms", "_rounded"])


COEF_COLS = ["term", "coef", "std_err", "ci_low", "ci_high", "p_value"]


def fit_gravity(
    best: pd.DataFrame,
    regions: pd.DataFrame,
    years: tuple[int, int],
    economy: pd.DataFrame | None = None,
    candidates: tuple[Spec, ...] | None = None,
) -> GravityResult:
    """Choose a specification by leave-one-out error, fit it, predict for every region with the inputs.

    Without `economy` (Rosstat population, GRP, CIS trade; see region_economy) only the population model
    can be fitted. Regions without a figure are predicted at the 2022+ level when the period term is used.
    """
    frame = model_frame(best, regions, years, economy)
    if candidates is None:
        candidates = CANDIDATES if economy is not None else (BASELINE,)
    observed = frame.actual_musd.notna()
    if observed.sum() < 8:
        sample_n = int((observed & _complete(frame, BASELINE.terms)).sum())
        empty = frame.assign(expected_musd=np.nan, untapped_musd=np.nan, rank=pd.NA, in_sample=False)
        return GravityResult(empty, pd.DataFrame(columns=COEF_COLS), sample_n, np.nan, np.nan, years)
    spec, table = choose_spec(frame, candidates)
    has_x = _complete(frame, spec.terms)
    sample = frame[has_x & observed]
    x_all = design_matrix(frame[has_x], spec.terms)
    y = sample.actual_musd
    res = fit_ppml(y, x_all.loc[sample.index])
    ci = res.conf_int()
    coefs = pd.DataFrame(
        {
            "term": ["const", *spec.terms],
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
    loo_med = median_abs_pct_error(y, frame.loc[sample.index, "loo_expected_musd"])
    return GravityResult(
        frame.reset_index(drop=True),
        coefs,
        len(sample),
        r2,
        loo_med,
        years,
        spec.name,
        baseline_score(frame),
        table,
    )
