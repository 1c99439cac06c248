"""Shared dashboard pieces: cached data, the sidebar filters (synced with the URL), downloads, charts.

No business logic here: every number comes from `analysis`; this module only caches and displays.
"""

from __future__ import annotations

import gc
import importlib
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.state import get_session_state

from analysis.data import catalog
from analysis.data.filters import (
    FilterState,
    UrlNotice,
    check_choice,
    data_years,
    describe_filters,
    filter_label,
    notice_markdown,
    parse_filters,
    region_search_labels,
    to_query_params,
)
from analysis.data.tables import FactBase
from analysis.models.trade import SOURCE_SEPARATOR
from analysis.output.export import about_filters, export_filename, to_csv_bytes, to_excel_bytes
from analysis.output.formatting import fmt_count, fmt_date
from analysis.output.i18n import DEFAULT_LANG, LANG_NAMES, LANGS, N_, Translator, mark_foreign, translator
from analysis.output.labels import column_label, district_name, localised_frame
from dashboard.cached import factbase_or_stop, per_factbase, ui_lang

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SIDE_COLOURS = {"BY": "#0072B2", "RU": "#D55E00", "unknown": "#999999"}
SIDE_LABELS = {
    "best": N_("Best available (Belarusian first)"),
    "BY": N_("Belarusian statistics"),
    "RU": N_("Russian statistics"),
}
SEQUENTIAL = "Cividis"
MISSING_CELL = "–"  # how a table shows a cell with no figure (downloads keep it empty)
DIVERGING = "PuOr"
# Texts of analysis.data shown on pages (the data layer has no translation), marked here for the catalog;
# tests check that they are the same texts.
DATA_MESSAGES = (
    N_("Boundaries: geoBoundaries RUS ADM1, © OpenStreetMap contributors, ODbL 1.0."),
    N_(
        "Facts are quoted with attribution from the public sources listed; labels, notes and derived figures "
        "are the project's own (MIT). Cite the source of each row, not this file."
    ),
)


def tr() -> Translator:
    """The translator of the interface language (`tr().gettext("…")`)."""
    return translator(ui_lang())


def _set_lang() -> None:
    """on_change of the language switch: keep the choice for this session and in the URL."""
    st.session_state.p_lang = st.session_state.f_lang
    _lang_to_url()


def _lang_to_url() -> None:
    lang = st.session_state.p_lang
    if lang == DEFAULT_LANG:
        if "lang" in st.query_params:
            del st.query_params["lang"]
    elif st.query_params.get_all("lang") != [lang]:
        st.query_params["lang"] = lang


@per_factbase
def year_bounds(fb: FactBase) -> tuple[int, int]:
    """First and last year of any trade fact or meeting (the Years slider's range)."""
    return data_years(fb.trade_facts, fb.meetings)


@per_factbase(context=ui_lang)
def region_label(fb: FactBase) -> Callable[[str], str]:
    """Display label for a region id: name (Russian in the Russian interface) and federal district."""
    lang = ui_lang()
    labels = {
        iso: f"{name} · {district_name(fd, lang, short=True)}" if fd else name
        for iso, name, fd in zip(
            fb.regions.iso_code,
            fb.regions[_name_column(fb.regions)],
            fb.regions.federal_district,
            strict=True,
        )
    }
    return lambda iso: labels.get(iso, iso)


def _name_column(table: pd.DataFrame) -> str:
    """`name_ru` in the Russian interface when the table has it, else `name_en`."""
    return "name_ru" if ui_lang() == "ru" and "name_ru" in table.columns else "name_en"


@st.cache_resource(show_spinner=False)
def _search_labels(_fb: FactBase, folder: str, name_column: str) -> dict[str, str]:
    return region_search_labels(_fb.regions, _fb.region_aliases, name_column)


def region_search_label(fb: FactBase) -> Callable[[str], str]:
    """Region filter label carrying every name a user may type (Russian, aliases, capital); it leads with
    the name in the interface language."""
    labels = _search_labels(fb, str(fb.data_dir), _name_column(fb.regions))
    return lambda iso: labels.get(iso, iso)


def region_name(fb: FactBase, iso: str, fallback: str) -> str:
    """A region's name in the interface language (Russian from `name_ru`); `fallback` when it has none."""
    row = fb.regions[fb.regions.iso_code == iso]
    name = row[_name_column(fb.regions)].iloc[0] if len(row) else None
    return name if isinstance(name, str) and name else fallback


@st.cache_resource(show_spinner=False)
def _names(_fb: FactBase, folder: str, table: str, lang: str) -> dict[str, str]:
    frame = _fb.regions if table == "regions" else _fb.sectors
    key = "iso_code" if table == "regions" else "sector_id"
    column = "name_ru" if lang == "ru" and "name_ru" in frame.columns else "name_en"
    return {
        k: v if isinstance(v, str) and v else en
        for k, v, en in zip(frame[key], frame[column], frame.name_en, strict=True)
    }


def names_in(table: str, lang: str) -> dict[str, str]:
    """Region (`table="regions"`, by ISO code) or sector (`"sectors"`, by id) names in `lang`, for charts."""
    fb = factbase_or_stop()
    return _names(fb, str(fb.data_dir), table, lang)


def in_language(df: pd.DataFrame) -> pd.DataFrame:
    """A table in the interface language (region, sector and district names, notes); English: `df` itself."""
    lang = ui_lang()
    if lang == DEFAULT_LANG:
        return df
    return localised_frame(df, lang, names_in("regions", lang), names_in("sectors", lang))


@per_factbase
def ru_region_ids(fb: FactBase) -> list[str]:
    """ISO codes of the Russian regions, in order of their English names (the Region filter's options)."""
    return fb.regions[fb.regions.country == "RU"].sort_values("name_en").iso_code.tolist()


@per_factbase(context=ui_lang)
def sector_label(fb: FactBase) -> Callable[[str], str]:
    """Display label for a sector id: its name in the interface language (Russian from `name_ru`)."""
    column = _name_column(fb.sectors)
    names = {
        sid: name if isinstance(name, str) and name else en
        for sid, name, en in zip(fb.sectors.sector_id, fb.sectors[column], fb.sectors.name_en, strict=True)
    }
    return lambda sid: names.get(sid, sid)


HISTORY_JS = (
    f"<script>{(Path(__file__).parent / 'assets' / 'history.js').read_text(encoding='utf-8')}</script>"
)
FILTER_KEYS = ("sector", "region", "years", "side")


def _keep(name: str) -> None:
    """on_change: copy a widget's value to a plain key that survives page switches."""
    st.session_state[f"p_{name}"] = st.session_state[f"f_{name}"]


def sidebar_filters(fb: FactBase) -> FilterState:
    """The four shared filters. The URL is read once per session, then kept in step with the widgets."""
    bounds = year_bounds(fb)
    ru_regions = ru_region_ids(fb)
    sector_ids = fb.sectors.sector_id.tolist()
    ctx = get_script_run_ctx()
    if "p_side" not in st.session_state or getattr(ctx, "is_history_navigation", False):  # first visit, Back
        state = parse_filters(st.query_params.to_dict() | _multi_params(), sector_ids, ru_regions, bounds)
        st.session_state.p_sector = list(state.sectors)
        st.session_state.p_region = list(state.regions)
        st.session_state.p_years = state.years
        st.session_state.p_side = state.side or "best"
        wanted = st.query_params.get("lang", DEFAULT_LANG)
        st.session_state.p_lang = wanted if wanted in LANGS else DEFAULT_LANG
        bad_lang = (
            () if wanted in LANGS else (UrlNotice("Ignored unknown language; showing English", (wanted,)),)
        )
        st.session_state.filter_warnings = (*state.warnings, *bad_lang)
    st.session_state.f_lang = st.session_state.p_lang
    _follow_year_bounds(bounds)
    for name in FILTER_KEYS:  # widgets on each page start from the shared values
        st.session_state[f"f_{name}"] = st.session_state[f"p_{name}"]
    _ = tr().gettext
    with st.sidebar:
        st.segmented_control(
            "Language",
            LANGS,
            key="f_lang",
            format_func=LANG_NAMES.get,
            selection_mode="single",
            required=True,
            on_change=_set_lang,
            label_visibility="collapsed",
        )
        st.header(_("Filters"))
        st.multiselect(
            _("Sector"),
            sector_ids,
            key="f_sector",
            format_func=sector_label(fb),
            placeholder=_("All sectors"),
            on_change=_keep,
            args=("sector",),
        )
        st.multiselect(
            _("Region"),
            ru_regions,
            key="f_region",
            format_func=region_search_label(fb),
            placeholder=_("All regions (type a name in English or Russian, a capital or a district)"),
            on_change=_keep,
            args=("region",),
        )
        st.slider(_("Years"), bounds[0], bounds[1], key="f_years", on_change=_keep, args=("years",))
        st.radio(
            _("Statistics side"),
            list(SIDE_LABELS),
            key="f_side",
            format_func=lambda side: _(SIDE_LABELS[side]),
            on_change=_keep,
            args=("side",),
        )
        for w in st.session_state.get("filter_warnings", ()):  # URL values shown as inline code, never markup
            st.warning(notice_markdown(w), icon=":material/warning:")
    side = st.session_state.f_side
    state = FilterState(
        tuple(st.session_state.f_sector),
        tuple(st.session_state.f_region),
        tuple(st.session_state.f_years),
        None if side == "best" else side,
    )
    _lang_to_url()
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


def escape_literal(text: str) -> str:
    """Backslash-escape every ASCII punctuation mark (Markdown, directives like :red[], entities like &lt;)
    and flatten line breaks, so a message quoting user input renders literally on one line."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", " ".join(text.splitlines()))


def url_value_dropped(param: str, value: str, reason: str) -> None:
    """Warn that a value from the URL was not used; the value is shown literally and cut short."""
    shown = (value if len(value) <= 40 else value[:40] + "…").replace("`", "'")
    st.warning(
        tr().gettext(
            "URL parameter {param}: `{shown}` was ignored ({reason}).",
            param=param,
            shown=shown,
            reason=reason,
        ),
        icon=":material/warning:",
    )


def view_tabs(labels: list[str], key: str) -> list:
    """Tabs whose choice lives in the URL (`key`); only the open tab's content is computed and sent.

    `labels` are English messages; the tabs show them in the interface language and the URL holds the
    shown label. A tab named in another language (a link made before switching) opens the same tab.
    A tab value in the URL that names no tab is dropped with a warning (the first tab opens).
    """
    shown = [tr().gettext(label) for label in labels]
    same_tab = {
        translator(lang).gettext(label): here
        for lang in LANGS
        for label, here in zip(labels, shown, strict=True)
    }
    active = st.session_state.get(key)
    if active is None:
        wanted = st.query_params.get_all(key)
        active = wanted[0] if wanted else None
    renamed = active in same_tab and active not in shown
    if renamed:  # the language changed: keep the open tab
        st.session_state[key] = same_tab[active]
    seen = f"tab_checked_{key}"
    if seen not in st.session_state:
        st.session_state[seen] = True
        for notice in check_choice({key: st.query_params.get_all(key)}, key, same_tab):
            st.warning(notice_markdown(notice), icon=":material/warning:")
    tabs = st.tabs(shown, key=key, bind="query-params", on_change="rerun")
    if renamed:
        _keep_tab_in_url(key, same_tab[active])
    return tabs


def _keep_tab_in_url(key: str, label: str) -> None:
    """Put the open tab back into the URL after a language switch.

    The URL still names the tab in the old language, which names no tab of the renamed widget, so Streamlit
    drops the parameter (and would write it back only on the next run). A bound parameter cannot be set
    through `st.query_params`, so the value goes in through the session's query-parameter store, which
    also tells the browser.
    """
    with get_session_state().query_params() as qp:
        if not qp.has_param(key):
            qp.set_corrected_value(key, label, "string_value")


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
    st.sidebar.html(HISTORY_JS, unsafe_allow_javascript=True, width=1)  # Back/Forward entries per change
    return fb, sidebar_filters(fb)


def _multi_params() -> dict[str, list[str]]:
    """Every value of each filter parameter (?region=A&region=B, or a repeated side) as lists."""
    return {k: st.query_params.get_all(k) for k in FILTER_KEYS if st.query_params.get_all(k)}


FILTER_NAMES = {
    "sector": N_("Sector"),
    "region": N_("Region"),
    "years": N_("Years"),
    "side": N_("Statistics side"),
}


def file_tags(state: FilterState, fb: FactBase, applies: tuple[str, ...] = FILTER_KEYS) -> dict[str, str]:
    """The set filters that shaped a download's rows, for its file name."""
    return {k: v for k, v in filter_label(state, year_bounds(fb)).items() if k in applies}


def ignored_filters(state: FilterState, fb: FactBase, applies: tuple[str, ...]) -> list[str]:
    """Names of the filters that are set but do not shape this element."""
    tags = filter_label(state, year_bounds(fb))
    return [tr().gettext(FILTER_NAMES[k]) for k in FILTER_KEYS if k in tags and k not in applies]


@per_factbase  # per revision: a save can bring a newer record
def _as_of(_fb: FactBase, folder: str) -> dict[str, str]:
    return catalog.data_as_of(_fb)


def data_as_of(fb: FactBase) -> dict[str, str]:
    """Newest record and last curation date (computed once per data folder)."""
    return _as_of(fb, str(fb.data_dir))


def about_sheet(state: FilterState, fb: FactBase) -> dict[str, str]:
    """The lines of a download's About sheet in the interface language: filters in words, data as of, licence."""
    lang = ui_lang()
    if lang == DEFAULT_LANG:
        filters = describe_filters(state, year_bounds(fb), region_label(fb), sector_label(fb))
        as_of = {f"data as of: {k}": v for k, v in data_as_of(fb).items()}
        return {"filters applied": filters, **as_of, "licence": catalog.DOWNLOAD_LICENCE}
    _ = tr().gettext
    filters = about_filters(state, year_bounds(fb), region_label(fb), sector_label(fb), lang)
    as_of = {_("data as of: {what}", what=_(k)): v for k, v in data_as_of(fb).items()}
    return {_("filters applied"): filters, **as_of, _("licence"): _(catalog.DOWNLOAD_LICENCE)}


AS_OF_NAMES = (N_("newest record"), N_("newest full-year trade figure"), N_("last curated"))


def page_footer(fb: FactBase) -> None:
    """Every page's last line: how current the data is (dates in the interface language)."""
    st.divider()
    lang = ui_lang()
    if lang == DEFAULT_LANG:
        st.caption(catalog.data_as_of_line(data_as_of(fb)))
        return
    _ = tr().gettext
    parts = [f"{_(k)} {fmt_date(v, lang) if len(str(v)) == 10 else v}" for k, v in data_as_of(fb).items()]
    st.caption(_("Data as of: {dates}", dates=" · ".join(parts)))


def download_buttons(
    df: pd.DataFrame,
    what: str,
    state: FilterState,
    fb: FactBase,
    key: str,
    applies: tuple[str, ...] = FILTER_KEYS,
) -> None:
    """CSV and Excel buttons for exactly the rows shown; files are built only when clicked.

    `applies` names the filters that shape these rows: only they go into the file name, and any other
    filter that is set is named in a caption ("Not filtered by …").
    """
    _ = tr().gettext
    df = in_language(df)
    ignored = ignored_filters(state, fb, applies)
    if ignored:
        st.caption(_("Not filtered by: {filters}.", filters=", ".join(ignored)))
    tags = file_tags(state, fb, applies)
    row = st.container(horizontal=True)
    row.download_button(
        "⬇ CSV",
        data=partial(to_csv_bytes, df),
        file_name=export_filename(what, tags, "csv"),
        mime="text/csv",
        key=f"dl_csv_{key}",
        on_click="ignore",
        help=tr().ngettext(
            "{n} row, as shown, with filters applied", "{n} rows, as shown, with filters applied", len(df)
        ),
    )
    row.download_button(
        "⬇ Excel",
        data=partial(to_excel_bytes, df, what, about_sheet(state, fb), ui_lang()),
        file_name=export_filename(what, tags, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"dl_xlsx_{key}",
        on_click="ignore",
        help=tr().ngettext(
            "{n} row, as shown, with filters applied", "{n} rows, as shown, with filters applied", len(df)
        ),
    )


def table(
    df: pd.DataFrame,
    what: str,
    state: FilterState,
    fb: FactBase,
    key: str,
    downloads: bool = True,
    wrap: bool = False,
    applies: tuple[str, ...] = FILTER_KEYS,
    **kwargs,
) -> object:
    """A sortable table (URL columns as links) with its CSV and Excel downloads underneath.

    `downloads=False` when the same rows already have their buttons nearby (under the chart they feed).
    `wrap=True` for a few rows of long text (a catalogue, definitions): a static table whose cells wrap,
    keyed by its first column, so every column is readable without scrolling sideways.
    """
    df = in_language(df)
    user_badge(df)
    label = partial(column_label, lang=ui_lang())
    if wrap:
        shown = st.table(df.set_index(df.columns[0]).rename_axis(label(df.columns[0])).rename(columns=label))
    else:
        config = {
            c: st.column_config.LinkColumn(label(c))
            if c.endswith("source_url") or c == "fact_base_source"
            else st.column_config.Column(label(c))
            for c in df.columns
        }
        kwargs.setdefault("placeholder", MISSING_CELL)  # no figure: a dash, never "None" or 0; sorts as empty
        shown = st.dataframe(df, hide_index=True, width="stretch", column_config=config, **kwargs)
    if downloads:
        download_buttons(df, what, state, fb, key, applies)
    return shown


USER_BADGE = N_(":orange-badge[:material/person_edit: user-added]")


def user_badge(df: pd.DataFrame) -> None:
    """A badge above a table that holds rows users added (column `origin` = 'user'), saying how many."""
    if "origin" in df.columns and (n := int(df.origin.eq("user").sum())):
        t = tr()
        cols = ", ".join(column_label(c, ui_lang()) for c in ("origin", "added_by", "added_at"))
        st.markdown(
            t.gettext(USER_BADGE)
            + " "
            + t.ngettext(
                "{n} row added by users (see the columns {columns})",
                "{n} rows added by users (see the columns {columns})",
                n,
                columns=cols,
            )
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


def sources_list(urls: pd.Series | list[str], key: str, title: str = N_("Sources")) -> None:
    """Numbered source links under a chart or summary, in a lazy expander (plain Markdown, no raw HTML)."""
    unique = source_urls(urls)
    if unique:
        _ = tr().gettext
        box = lazy_expander(_(title), f"sources_{key}")
        if box.open:
            with box:
                count = fmt_count(len(unique), "source", lang=ui_lang())
                st.caption(_("{count} behind the figures above.", count=count))
                st.markdown(source_links_markdown(unique))


def source_links_markdown(urls: list[str]) -> str:
    """A numbered Markdown list: http(s) addresses as links, anything else as escaped text."""
    items = []
    for i, url in enumerate(urls, 1):
        text = escape_markdown(url if len(url) <= 110 else url[:109] + "…")
        safe = url.startswith(("http://", "https://")) and not any(c in url for c in "<> \n")
        items.append(f"{i}. [{text}](<{url}>)" if safe else f"{i}. {text}")
    return "\n".join(items)


def meeting_card(meeting, region_name: str) -> None:
    """One meeting as a bordered card that wraps at any width: date and level, both sides, sectors, target,
    source. Text from the data is shown literally (escaped)."""
    lang = ui_lang()
    _ = tr().gettext

    def quoted(text: object) -> str:  # text the data holds in English, marked as such
        text = str(text or "").strip()
        return mark_foreign(escape_markdown(text), "en", lang) if text else "–"

    level = _(MEETING_LEVELS.get(str(meeting.level), str(meeting.level)))
    lines = [
        f"**{fmt_date(meeting.date, lang)}** · {escape_markdown(level)}",
        _("Belarus: {who}", who=quoted(meeting.by_side)),
        f"{escape_markdown(region_name)}: {quoted(meeting.region_side)}",
        _("Sectors: {sectors}", sectors=escape_markdown(str(meeting.sectors)) or "–"),
    ]
    if str(meeting.target_note or "").strip():
        lines.append(_("Target: {target}", target=quoted(meeting.target_note)))
    link = source_links_markdown([meeting.source_url]).removeprefix("1. ")
    lines.append(_("Source: {link}", link=link))
    with st.container(border=True):
        st.markdown("  \n".join(lines))


MEETING_LEVELS = {"top": N_("top level"), "other": N_("other level")}


def empty_state(message: str, hint: str) -> None:
    """Explain why there is nothing to show and what to try."""
    st.info(f"{message} {hint}", icon="ℹ️")


def modelled_badge() -> None:
    st.caption(
        tr().gettext(":material/calculate: **Modelled, not reported.** See the method and caveats below.")
    )
