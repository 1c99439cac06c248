"""Data loading and per-process caches of analysis results, keyed by the filter values they depend on.

Pages call these instead of the analysis functions so that a rerun with unchanged filters costs nothing.
Results are shared read-only objects (cache_resource): pages must not modify them in place.
The fact base comes from the store (curated and user-added rows); each rerun asks the store for its
revision (one small query) and, when another process or page has saved since, drops the derived caches.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Hashable
from datetime import date
from pathlib import Path
from typing import ParamSpec, TypeVar

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from analysis.brief import build as brief_build
from analysis.brief import model as brief_model
from analysis.brief.docx_render import render_docx
from analysis.brief.pdf_render import render_pdf
from analysis.data import catalog, geo, records
from analysis.data.store import Store, database_url
from analysis.data.tables import FactBase, data_dir
from analysis.data.validation import DataValidationError
from analysis.models import potential, region_economics, targets, trade
from analysis.models.opportunities import sector_matrix as _sector_matrix
from analysis.output.i18n import DEFAULT_LANG, LANGS, N_, translator
from analysis.views import opportunity_views, overview, peers, profile, sector_cards, summaries

CACHE = {"max_entries": 64, "show_spinner": False}
_WARM: set[Hashable] = set()  # slow loads this process has done once (they show a spinner the first time)


def ui_lang() -> str:
    """The interface language: the sidebar's choice in this session, else the URL's `lang`, else English."""
    if "p_lang" in st.session_state:
        return st.session_state.p_lang
    wanted = st.query_params.get("lang", DEFAULT_LANG)
    return wanted if wanted in LANGS else DEFAULT_LANG


def first_time(key: Hashable, message: str) -> contextlib.AbstractContextManager:
    """A spinner saying `message` in the interface language the first time this process computes `key`
    (a cold cache: seconds); nothing afterwards, so a warm rerun adds no element to the page."""
    if key in _WARM:
        return contextlib.nullcontext()
    _WARM.add(key)
    return st.spinner(translator(ui_lang()).gettext(message))


P = ParamSpec("P")
R = TypeVar("R")


def per_factbase(
    fn: Callable[P, R] | None = None, *, context: Callable[[], Hashable] | None = None, max_entries: int = 64
):
    """Memoise `fn(fb, *args)` on the fact base object itself and the (hashable) other arguments.

    The fact base is one shared object per store revision (see `factbase`), so a helper that pages call
    several times per rerun (the Years range, the region list, label maps) is computed once per revision;
    a new revision is a new object and computes afresh. `context` adds a value the result also depends on
    (the interface language). Use as `@per_factbase` or `@per_factbase(context=...)`. Results are shared:
    callers must not modify them.
    """
    if fn is None:
        return functools.partial(per_factbase, context=context, max_entries=max_entries)
    memo: dict[tuple, tuple[object, R]] = {}
    lock = threading.Lock()

    @functools.wraps(fn)
    def wrapper(fb, *args):
        key = (id(fb), *args, context() if context else None)
        hit = memo.get(key)
        if hit is not None and hit[0] is fb:  # the same object, not a new one at a reused address
            return hit[1]
        value = fn(fb, *args)
        with lock:
            if len(memo) >= max_entries:
                memo.clear()
            memo[key] = (fb, value)
        return value

    wrapper.cache_clear = memo.clear  # type: ignore[attr-defined]
    return wrapper


@st.cache_resource(show_spinner=False, max_entries=4)
def _store(url: str, folder: str) -> Store:
    """The store, migrated and with curated rows in step with the CSVs, once per process (per URL)."""
    return Store.open(url, csv_dir=Path(folder))


def store() -> Store:
    """The process's store (BYRU_DATABASE_URL, else the SQLite file under BYRU_DATA_HOME)."""
    key = (database_url(), str(data_dir()))
    with first_time(("store", *key), N_("Opening the store…")):
        return _store(*key)


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(url: str, folder: str, revision: int) -> FactBase:
    return store().factbase()


_SEEN: dict[str, tuple] = {}


def factbase() -> FactBase:
    """The validated fact base at the store's current revision; another revision drops derived caches."""
    s = store()
    state = (s.url, str(data_dir()), s.revision())
    if _SEEN.get("state", state) != state:
        for cached in DERIVED:
            cached.clear()
    _SEEN["state"] = state
    with first_time(("factbase", *state), N_("Loading and validating the fact base…")):
        return _load(*state)


@st.cache_resource(show_spinner=False, max_entries=16)
def _user_rows(url: str, name: str, include_deleted: bool, revision: int) -> pd.DataFrame:
    return records.user_rows(store(), name, include_deleted)


@st.cache_resource(show_spinner=False, max_entries=16)
def _found_rows(url: str, name: str, include_deleted: bool, search: str, revision: int) -> pd.DataFrame:
    return records.search_rows(_user_rows(url, name, include_deleted, revision), search)


def user_rows(name: str, include_deleted: bool = True, search: str = "") -> pd.DataFrame:
    """User-added rows of one table at the store's current revision (read once per revision); with
    `search`, only the rows holding that text in any cell (see records.search_rows)."""
    s = store()
    if search:
        return _found_rows(s.url, name, include_deleted, search, s.revision())
    return _user_rows(s.url, name, include_deleted, s.revision())


@st.cache_resource(show_spinner=False, max_entries=64)
def _history(url: str, name: str, row_id: int, revision: int) -> pd.DataFrame:
    return records.history(store(), name, row_id)


def history(name: str, row_id: int) -> pd.DataFrame:
    """One row's changes at the store's current revision (see records.history)."""
    s = store()
    return _history(s.url, name, int(row_id), s.revision())


@st.cache_resource(show_spinner=False, max_entries=4)
def _reload_conflicts(url: str, revision: int) -> list[dict]:
    return store().reload_conflicts()


def reload_conflicts() -> list[dict]:
    """User rows that the last curated reload found sharing a key with a curated row (see Store)."""
    s = store()
    return _reload_conflicts(s.url, s.revision())


@st.cache_resource(show_spinner=False, max_entries=4)
def _saves(url: str, revision: int) -> pd.DataFrame:
    return records.saves(store())


@st.cache_resource(show_spinner=False, max_entries=64)
def _open_followups(url: str, iso: str, revision: int) -> pd.DataFrame:
    return records.open_followups(store(), iso)


def open_followups(iso: str) -> pd.DataFrame:
    """A region's open follow-up items at the store's current revision (see records.open_followups)."""
    s = store()
    return _open_followups(s.url, iso, s.revision())


def saves() -> pd.DataFrame:
    """Every save, newest first, at the store's current revision."""
    s = store()
    return _saves(s.url, s.revision())


def factbase_or_stop() -> FactBase:
    """The fact base, or a clear error naming the file, row and column, and a stop."""
    try:
        return factbase()
    except DataValidationError as exc:
        st.error("The data files failed validation, so the dashboard cannot start.")
        st.code(str(exc), language=None)
        st.stop()
        raise
    except SQLAlchemyError as exc:
        st.error("The store cannot be opened, so the dashboard cannot start. Check BYRU_DATABASE_URL.")
        st.code(str(exc).splitlines()[0], language=None)
        st.stop()
        raise


@st.cache_resource(**CACHE)
def best_figures(side: str) -> pd.DataFrame:
    return trade.best_annual_figures(factbase().trade_facts, side=side)


@st.cache_resource(**CACHE)
def national(years: tuple[int, int]) -> pd.DataFrame:
    return overview.national_view(trade.national_series(factbase().trade_facts), years)


@st.cache_resource(**CACHE)
def kpis(years: tuple[int, int], side: str) -> pd.DataFrame:
    return trade.latest_kpis(national(years), side)


@st.cache_resource(**CACHE)
def economy() -> pd.DataFrame:
    """Rosstat population, GRP and 2021 CIS trade per region (see potential.region_economy)."""
    fb = factbase()
    return potential.region_economy(fb.region_indicators, fb.region_foreign_trade)


@st.cache_resource(**CACHE)
def region_table(side: str, years: tuple[int, int]) -> pd.DataFrame:
    fb = factbase()
    table = trade.region_table(best_figures(side), fb.regions, fb.fx_rates, years)
    return region_economics.add_economy(table, best_figures(side), economy(), fb.fx_rates)


@st.cache_resource(**CACHE)
def region_rows(side: str, years: tuple[int, int], regions: tuple[str, ...]) -> pd.DataFrame:
    """The region table's rows of the filtered regions (all rows when no region is chosen)."""
    table = region_table(side, years)
    return table[table.iso_code.isin(regions)] if regions else table


@st.cache_resource(**CACHE)
def district_rollup(side: str, years: tuple[int, int], regions: tuple[str, ...]) -> pd.DataFrame:
    return trade.district_rollup(region_rows(side, years, regions))


@st.cache_resource(**CACHE)
def map_rows(side: str, years: tuple[int, int]) -> pd.DataFrame:
    return profile.map_rows(region_table(side, years))


@st.cache_resource(**CACHE)
def peer_ranks(side: str, years: tuple[int, int], iso: str) -> pd.DataFrame:
    return peers.ranks(region_table(side, years), iso)


@st.cache_resource(**CACHE)
def ranked_measures(side: str, years: tuple[int, int], iso: str) -> pd.DataFrame:
    """The region's ranks (see peers.ranks), only the measures on which it has a rank."""
    ranks = peer_ranks(side, years, iso)
    return ranks[ranks.rank_all.notna()]


@st.cache_resource(**CACHE)
def peer_frame(side: str, years: tuple[int, int], iso: str, chosen: tuple[str, ...]) -> pd.DataFrame:
    return peers.peer_frame(region_table(side, years), iso, list(chosen))


@st.cache_resource(**CACHE)
def economy_facts(side: str, years: tuple[int, int], iso: str) -> pd.DataFrame:
    """One region's official economy figures (see region_economics.profile_facts)."""
    return region_economics.profile_facts(region_table(side, years).set_index("iso_code").loc[iso])


@st.cache_resource(**CACHE)
def top_regions(side: str, years: tuple[int, int], regions: tuple[str, ...]) -> pd.DataFrame:
    """Top regions ranked within each statistics side: the chosen one, or BY, RU and unattributed."""
    fb = factbase()
    best_of = {side: best_figures(side)} if side in ("BY", "RU") else {
        "BY": best_figures("BY"), "RU": best_figures("RU"), "unknown": best_figures("best")
    }  # fmt: skip
    return overview.top_regions_per_side(best_of, fb.regions, fb.fx_rates, years, regions, n=15)


@st.cache_resource(**CACHE)
def agenda(years: tuple[int, int], regions: tuple[str, ...], sectors: tuple[str, ...]) -> pd.DataFrame:
    return overview.agenda_coverage(factbase(), years, regions, sectors)


@st.cache_resource(**CACHE)
def region_focus(side: str, iso: str, years: tuple[int, int], lang: str = "en") -> dict[str, str]:
    return overview.region_focus(factbase(), best_figures(side), iso, years, lang)


@st.cache_resource(**CACHE)
def region_summary(side: str, iso: str, years: tuple[int, int], lang: str = "en") -> summaries.Summary:
    return summaries.region_summary(factbase(), best_figures(side), iso, years, lang)


@st.cache_resource(**CACHE)
def region_profile(
    side: str, iso: str, years: tuple[int, int], sectors: tuple[str, ...], lang: str = "en"
) -> dict[str, pd.DataFrame]:
    """Everything the profile section of the Regions page shows for one region."""
    fb = factbase()
    series = trade.region_series(best_figures(side), iso)
    region_meetings = fb.meetings[fb.meetings.region_iso == iso]
    in_years = region_meetings.date.str[:4].astype(int).between(*years)  # targets set in the chosen years
    return {
        "series": series[series.year.between(*years)].reset_index(drop=True),
        "partial": trade.partial_year_figures(fb.trade_facts, iso),
        "no_usd": trade.no_usd_figures(fb.trade_facts, iso),
        "meetings": profile.meeting_timeline(fb, iso, years, sectors, lang),
        "sectors": profile.sectors_discussed(fb, iso, years, sectors, lang),
        "goods": profile.goods_traded(fb, iso, sectors, lang),
        "targets": targets.target_progress(region_meetings[in_years], best_figures(side)),
    }


@st.cache_resource(**CACHE)
def sector_matrix(years: tuple[int, int]) -> pd.DataFrame:
    return _sector_matrix(factbase(), years)


@st.cache_resource(**CACHE)
def sector_page(
    years: tuple[int, int], regions: tuple[str, ...], sectors: tuple[str, ...], lang: str = "en"
) -> sector_cards.SectorPage:
    return sector_cards.sector_page(factbase(), sector_matrix(years), regions, sectors, lang)


@st.cache_resource(show_spinner=False, max_entries=16)
def _gravity(side: str, years: tuple[int, int]) -> potential.GravityResult:
    return potential.fit_gravity(best_figures(side), factbase().regions, years, economy())


def gravity(side: str, years: tuple[int, int]) -> potential.GravityResult:
    """The gravity model fitted on one statistics side and year range (once per process and filters)."""
    with first_time(("gravity", side, years), N_("Fitting the gravity model…")):
        return _gravity(side, years)


@st.cache_resource(**CACHE)
def potential_ranking(side: str, years: tuple[int, int], regions: tuple[str, ...]) -> pd.DataFrame:
    return opportunity_views.potential_ranking(gravity(side, years), regions)


@st.cache_resource(**CACHE)
def target_progress(side: str, regions: tuple[str, ...]) -> pd.DataFrame:
    fb = factbase()
    tp = targets.target_progress(fb.meetings, best_figures(side))
    tp = tp[tp.region_iso.isin(regions)].reset_index(drop=True) if regions else tp
    names = fb.regions.set_index("iso_code").name_en
    return tp.assign(region=tp.region_iso.map(names))


@st.cache_resource(show_spinner=False, max_entries=16)
def brief_inputs(side: str, years: tuple[int, int]) -> brief_build.BriefInputs:
    """What every region's brief shares for one side and years, built from the caches above."""
    return brief_build.prepare(
        factbase(), side, years, best_figures(side), gravity(side, years), sector_matrix(years)
    )


@st.cache_resource(show_spinner=False, max_entries=32)
def meeting_brief(side: str, iso: str, years: tuple[int, int], lang: str, day: str) -> brief_model.Brief:
    """One region's brief (the document model), built once per inputs and day and shared by sessions."""
    return brief_build.build_brief(
        factbase(), iso, side, years, lang, date.fromisoformat(day), brief_inputs(side, years)
    )


@st.cache_resource(show_spinner=False, max_entries=32)
def meeting_brief_file(side: str, iso: str, years: tuple[int, int], lang: str, day: str, ext: str) -> bytes:
    """The brief as .docx or .pdf bytes (each format rendered only when asked for)."""
    brief = meeting_brief(side, iso, years, lang, day)
    return render_docx(brief) if ext == "docx" else render_pdf(brief)


_ROWS: dict[tuple, tuple[pd.DataFrame, list]] = {}
_ROWS_LOCK = threading.Lock()


def rows(frame: pd.DataFrame, unless_empty: str | None = None) -> list[tuple]:
    """`frame.itertuples(index=False)` as a list, kept while the frame is the same object.

    For the cached frames that pages loop over (targets, meetings, ranks): itertuples builds a namedtuple
    class and walks every column on each call, some 10 ms for a few rows of text columns. With
    `unless_empty`, only the rows whose value in that column is not "" (e.g. differ_note). Shared: do not
    modify the list.
    """
    key = (id(frame), unless_empty)
    hit = _ROWS.get(key)
    if hit is not None and hit[0] is frame:
        return hit[1]
    shown = frame if unless_empty is None else frame[frame[unless_empty] != ""]
    out = list(shown.itertuples(index=False))
    with _ROWS_LOCK:
        if len(_ROWS) >= 256:
            _ROWS.clear()
        _ROWS[key] = (frame, out)
    return out


table_catalogue = per_factbase(catalog.table_catalogue)
figures_by_source_kind = per_factbase(catalog.figures_by_source_kind)


@st.cache_resource(show_spinner=False)
def boundary_outlines() -> pd.DataFrame | None:
    """Region outlines from the shipped boundary file (see analysis/data/geo.py), or None if it is missing."""
    path = geo.boundaries_path()
    return geo.outlines(path) if path else None


# Caches computed from the fact base: cleared when the store's revision changes.
DERIVED = (best_figures, national, kpis, region_table, region_rows, district_rollup, map_rows, peer_ranks,
           ranked_measures, peer_frame, economy_facts, top_regions, agenda, region_focus, region_summary,
           region_profile, sector_matrix, sector_page, _gravity, potential_ranking, target_progress)  # fmt: skip
