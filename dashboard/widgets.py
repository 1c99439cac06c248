"""Shared dashboard pieces: cached data, the sidebar filters (synced with the URL), downloads, charts.

No business logic here: every number comes from `analysis`; this module only caches and displays.
"""

from __future__ import annotations

import gc
import importlib
import re
from collections.abc import Callable
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.data.filters import FilterState, fact_years, filter_label, parse_filters, to_query_params
from analysis.data.tables import FactBase
from analysis.models.trade import SOURCE_SEPARATOR
from analysis.output.export import export_filename, to_csv_bytes, to_excel_bytes
from analysis.output.formatting import fmt_count
from dashboard.cached import factbase_or_stop

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SIDE_COLOURS = {"BY": "#0072B2", "RU": "#D55E00", "unknown": "#999999"}
SIDE_LABELS = {
    "best": "Best available (Belarusian first)",
    "BY": "Belarusian statistics",
    "RU": "Russian statistics",
}
SEQUENTIAL = "Cividis"
DIVERGING = "PuOr"


def year_bounds(fb: FactBase) -> tuple[int, int]:
    """First and last year in the trade facts (the Years slider's range)."""
    return fact_years(fb.trade_facts)


def region_label(fb: FactBase) -> Callable[[str], str]:
    """Display label for a region id: name and federal district (so typing a district filters)."""
    labels = {
        iso: f"{name} · {fd} FD" if fd else name
        for iso, name, fd in zip(
            fb.regions.iso_code, fb.regions.name_en, fb.regions.federal_district, strict=True
        )
    }
    return lambda iso: labels.get(iso, iso)


def ru_region_ids(fb: FactBase) -> list[str]:
    """ISO codes of the Russian regions, in order of their English names (the Region filter's options)."""
    return fb.regions[fb.regions.country == "RU"].sort_values("name_en").iso_code.tolist()


def sector_label(fb: FactBase) -> Callable[[str], str]:
    """Display label for a sector id: its English name."""
    names = dict(zip(fb.sectors.sector_id, fb.sectors.name_en, strict=True))
    return lambda sid: names.get(sid, sid)


FILTER_KEYS = ("sector", "region", "years", "side")


def _keep(name: str) -> None:
    """on_change: copy a widget's value to a plain key that survives page switches."""
    st.session_state[f"p_{name}"] = st.session_state[f"f_{name}"]


def sidebar_filters(fb: FactBase) -> FilterState:
    """The four shared filters. The URL is read once per session, then kept in step with the widgets."""
    bounds = year_bounds(fb)
    ru_regions = ru_region_ids(fb)
    sector_ids = fb.sectors.sector_id.tolist()
    if "p_side" not in st.session_state:
        state = parse_filters(st.query_params.to_dict() | _multi_params(), sector_ids, ru_regions, bounds)
        st.session_state.p_sector = list(state.sectors)
        st.session_state.p_region = list(state.regions)
        st.session_state.p_years = state.years
        st.session_state.p_side = state.side or "best"
        st.session_state.filter_warnings = state.warnings
    _follow_year_bounds(bounds)
    for name in FILTER_KEYS:  # widgets on each page start from the shared values
        st.session_state[f"f_{name}"] = st.session_state[f"p_{name}"]
    with st.sidebar:
        st.header("Filters")
        st.multiselect(
            "Sector",
            sector_ids,
            key="f_sector",
            format_func=sector_label(fb),
            placeholder="All sectors",
            on_change=_keep,
            args=("sector",),
        )
        st.multiselect(
            "Region",
            ru_regions,
            key="f_region",
            format_func=region_label(fb),
            placeholder="All regions (type a name or a federal district)",
            on_change=_keep,
            args=("region",),
        )
        st.slider("Years", bounds[0], bounds[1], key="f_years", on_change=_keep, args=("years",))
        st.radio(
            "Statistics side",
            list(SIDE_LABELS),
            key="f_side",
            format_func=SIDE_LABELS.get,
            on_change=_keep,
            args=("side",),
        )
        for w in st.session_state.get("filter_warnings", ()):  # URL input shown as plain text, never markup
            st.warning(escape_markdown(w), icon=":material/warning:")
    side = st.session_state.f_side
    state = FilterState(
        tuple(st.session_state.f_sector),
        tuple(st.session_state.f_region),
        tuple(st.session_state.f_years),
        None if side == "best" else side,
    )
    wanted = to_query_params(state, bounds)
    for key in ("sector", "region", "years", "side"):  # other parameters (the page's tab) stay as they are
        current = st.query_params.get_all(key)
        want = wanted.get(key)
        want_list = want if isinstance(want, list) else [want] if want else []
        if current != want_list:
            if want_list:
                st.query_params[key] = want
            else:
                del st.query_params[key]
    return state


def _follow_year_bounds(bounds: tuple[int, int]) -> None:
    """Keep the chosen years inside the data's years when a save or an undo moves them (a full range stays full)."""
    old = st.session_state.get("p_bounds")
    if old and tuple(old) != tuple(bounds):
        lo, hi = st.session_state.p_years
        if (lo, hi) == tuple(old):
            lo, hi = bounds
        lo = min(max(lo, bounds[0]), bounds[1])
        st.session_state.p_years = (lo, min(max(hi, lo), bounds[1]))
    st.session_state.p_bounds = tuple(bounds)


def escape_markdown(text: str) -> str:
    """Backslash-escape Markdown punctuation so user-supplied text renders literally."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$])", r"\\\1", text)


def view_tabs(labels: list[str], key: str) -> list:
    """Tabs whose choice lives in the URL (`key`); only the open tab's content is computed and sent."""
    return st.tabs(labels, key=key, bind="query-params", on_change="rerun")


@st.cache_resource(show_spinner=False)
def _freeze_long_lived_heap() -> bool:
    """Import every module the pages use, then move the heap out of the garbage collector's sight.

    Streamlit runs a full collection after every script run; with pandas, plotly and statsmodels
    loaded that walk takes ~90 ms per filter change. Modules and the fact base live as long as the
    process, so they are frozen once (`gc.freeze`) and each later collection only sees new objects.
    """
    importlib.import_module("analysis.analyzer.record")
    gc.collect()
    gc.freeze()
    return True


def page_setup() -> tuple[FactBase, FilterState]:
    """Start of every page: the validated fact base and the shared filters."""
    fb = factbase_or_stop()
    _freeze_long_lived_heap()
    return fb, sidebar_filters(fb)


def _multi_params() -> dict[str, list[str]]:
    """Repeated query parameters (?region=A&region=B) as lists."""
    return {k: st.query_params.get_all(k) for k in ("sector", "region") if st.query_params.get_all(k)}


def file_tags(state: FilterState, fb: FactBase) -> dict[str, str]:
    return filter_label(state, year_bounds(fb))


def download_buttons(df: pd.DataFrame, what: str, state: FilterState, fb: FactBase, key: str) -> None:
    """CSV and Excel buttons for exactly the rows shown; files are built only when clicked."""
    tags = file_tags(state, fb)
    row = st.container(horizontal=True)
    row.download_button(
        "⬇ CSV",
        data=partial(to_csv_bytes, df),
        file_name=export_filename(what, tags, "csv"),
        mime="text/csv",
        key=f"dl_csv_{key}",
        on_click="ignore",
        help=f"{len(df)} rows, as shown, with filters applied",
    )
    row.download_button(
        "⬇ Excel",
        data=partial(to_excel_bytes, df, what),
        file_name=export_filename(what, tags, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"dl_xlsx_{key}",
        on_click="ignore",
        help=f"{len(df)} rows, as shown, with filters applied",
    )


def table(
    df: pd.DataFrame,
    what: str,
    state: FilterState,
    fb: FactBase,
    key: str,
    downloads: bool = True,
    wrap: bool = False,
    **kwargs,
) -> object:
    """A sortable table (URL columns as links) with its CSV and Excel downloads underneath.

    `downloads=False` when the same rows already have their buttons nearby (under the chart they feed).
    `wrap=True` for a few rows of long text (a catalogue, definitions): a static table whose cells wrap,
    keyed by its first column, so every column is readable without scrolling sideways.
    """
    user_badge(df)
    if wrap:
        shown = st.table(df.set_index(df.columns[0]))
    else:
        links = {
            c: st.column_config.LinkColumn(c.replace("_url", "").replace("_", " ") or "source")
            for c in df.columns
            if c.endswith("source_url") or c == "fact_base_source"
        }
        shown = st.dataframe(df, hide_index=True, width="stretch", column_config=links, **kwargs)
    if downloads:
        download_buttons(df, what, state, fb, key)
    return shown


USER_BADGE = ":orange-badge[:material/person_edit: user-added]"


def user_badge(df: pd.DataFrame) -> None:
    """A badge above a table that holds rows users added (column `origin` = 'user'), saying how many."""
    if "origin" in df.columns and (n := int(df.origin.eq("user").sum())):
        st.markdown(
            f"{USER_BADGE} {fmt_count(n, 'row')} added by users (see the columns origin, added_by, added_at)"
        )


def show_chart(fig: go.Figure, key: str) -> None:
    """A plotly chart across the page width (figures come styled from `dashboard.charts`)."""
    st.plotly_chart(fig, key=key, width="stretch", config={"displaylogo": False})


def lazy_expander(label: str, key: str):
    """An expander whose content is built and sent only while it is open (`.open`); opening it reruns.

    A closed one costs the browser a single element. Keep `label` the same across reruns: a new label
    makes a new expander, which starts closed.
    """
    return st.expander(label, key=key, on_change="rerun")


def source_urls(urls: pd.Series | list[str]) -> list[str]:
    """Distinct source addresses, in order; cells that name several sources are split."""
    parts = (p for u in urls if isinstance(u, str) for p in u.split(SOURCE_SEPARATOR))
    return list(dict.fromkeys(p for p in parts if p))


def sources_list(urls: pd.Series | list[str], key: str, title: str = "Sources") -> None:
    """Numbered source links under a chart or summary, in a lazy expander (plain Markdown, no raw HTML)."""
    unique = source_urls(urls)
    if unique:
        box = lazy_expander(title, f"sources_{key}")
        if box.open:
            with box:
                st.caption(f"{fmt_count(len(unique), 'source')} behind the figures above.")
                st.markdown(source_links_markdown(unique))


def source_links_markdown(urls: list[str]) -> str:
    """A numbered Markdown list: http(s) addresses as links, anything else as escaped text."""
    items = []
    for i, url in enumerate(urls, 1):
        text = escape_markdown(url if len(url) <= 110 else url[:109] + "…")
        safe = url.startswith(("http://", "https://")) and not any(c in url for c in "<> \n")
        items.append(f"{i}. [{text}](<{url}>)" if safe else f"{i}. {text}")
    return "\n".join(items)


def empty_state(message: str, hint: str) -> None:
    """Explain why there is nothing to show and what to try."""
    st.info(f"{message} {hint}", icon="ℹ️")


def modelled_badge() -> None:
    st.caption(":material/calculate: **Modelled, not reported.** See the method and caveats below.")
