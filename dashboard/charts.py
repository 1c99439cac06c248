"""Chart builders shared by pages: figures only, from frames the analysis functions returned.

Every builder is memoised on the identity of its inputs (`reused_while_inputs_same`): pages pass the
frames that `dashboard.cached` returns, which are the same objects while the filters are unchanged, so a
rerun does not rebuild and re-validate the figure. Figures are shared: callers must not modify them.

Builders take the interface language (`lang`, last argument) for titles, legends, hover text and names;
Russian figures also get the decimal comma and a no-break space between thousands in hover numbers.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.output.formatting import fmt_musd, fmt_pct
from analysis.output.i18n import DEFAULT_LANG, N_, translator
from analysis.output.labels import district_name, note_text
from analysis.views.opportunity_views import STATUS_MESSAGES
from dashboard import widgets
from dashboard.widgets import DIVERGING, PALETTE, SEQUENTIAL, SIDE_COLOURS

# Plotly redraws a whole chart when labels, a legend or a colour bar push the margins out (automargin),
# so every builder reserves its margins up front. Widths are estimated from label lengths at 13 px.
CHAR_PX = 6.5
TICK_PAD = 18

FLOW_LABELS = {  # English; translated where shown (N_ marks them for the catalog)
    "turnover": N_("Turnover"),
    "by_exports": N_("Belarus exports"),
    "by_imports": N_("Belarus imports"),
    "balance": N_("Balance"),
}
MEMO_SIZE = 128
SEPARATORS = {"en": ".,", "ru": ",\u00a0"}  # plotly's decimal sign and thousands separator per language


def localised(fig: go.Figure, lang: str) -> go.Figure:
    """Numbers in hover text and ticks with the language's decimal sign and grouping."""
    fig.update_layout(separators=SEPARATORS.get(lang, SEPARATORS[DEFAULT_LANG]))
    return fig


def side_name(side: str, lang: str) -> str:
    """A statistics side in a legend: 'BY statistics' (ru: 'статистика BY'); a figure whose side the source
    does not state: 'side not stated'."""
    if side == "unknown":
        return translator(lang).gettext("side not stated")
    if side not in ("BY", "RU"):
        return translator(lang).gettext("no figure")
    return translator(lang).gettext("{side} statistics", side=side)


def region_names(frame: pd.DataFrame, lang: str) -> pd.Series:
    """The frame's region names in `lang` (Russian from the fact base's name_ru, by `iso_code`)."""
    if lang == DEFAULT_LANG or "iso_code" not in frame.columns:
        return frame.name_en
    return frame.iso_code.map(widgets.names_in("regions", lang)).fillna(frame.name_en)


def sector_names(frame: pd.DataFrame, lang: str, column: str = "sector_name") -> pd.Series:
    """The frame's sector names in `lang` (Russian from the fact base's name_ru, by `sector_id`)."""
    if lang == DEFAULT_LANG or "sector_id" not in frame.columns:
        return frame[column]
    return frame.sector_id.map(widgets.names_in("sectors", lang)).fillna(frame[column])


def styled(fig: go.Figure) -> go.Figure:
    """The app's common layout: fixed margins, colour-blind-safe colourway, font, unmeasured tick labels.

    The template is "none" because Streamlit's chart theme replaces a figure's template in the browser:
    plotly's default one would be most of every chart's JSON and work for plotly.js, with no visible effect.
    Margins never auto-expand (see `margins`): each builder sets the room its labels need.
    """
    fig.update_layout(
        template="none",
        colorway=PALETTE,
        font={"family": "sans-serif", "size": 13},
        margin_autoexpand=False,
    )
    # Tick labels fit the reserved margins, so plotly need not measure each one to hide overflow.
    fig.update_xaxes(automargin=False, ticklabeloverflow="allow")
    fig.update_yaxes(automargin=False, ticklabeloverflow="allow")
    if fig.layout.margin.l is None:
        margins(fig)
    return fig


def text_px(labels) -> int:
    """Estimated width in pixels of the longest label (13 px sans-serif)."""
    return int(max((len(str(x)) for x in labels), default=0) * CHAR_PX)


def margins(fig: go.Figure, l: int = 70, r: int = 20, t: int = 40, b: int = 60) -> None:  # noqa: E741
    """Reserve fixed margins (defaults fit numeric ticks, an axis title and a one-line chart title)."""
    fig.update_layout(margin={"l": l, "r": r, "t": t, "b": b})


def right_legend(fig: go.Figure, names) -> None:
    """A vertical legend right of the plot, with the margin reserved for its longest entry."""
    fig.update_layout(legend={"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top"})
    fig.layout.margin.r = text_px(names) + 60


def top_legend(fig: go.Figure) -> None:
    """A one-row legend between the title and the plot (for two or three short entries)."""
    fig.update_layout(legend={"orientation": "h", "x": 0, "y": 1.01, "yanchor": "bottom"})


def _same(a: object, b: object) -> bool:
    return a is b or (isinstance(a, str) and a == b)


def reused_while_inputs_same(builder: Callable[..., go.Figure]) -> Callable[..., go.Figure]:
    """Memoise a figure builder on its arguments' identity (checked with `is`, so ids cannot be recycled);
    text arguments (the language, a column name) by value."""
    store: dict[tuple[int, ...], tuple[tuple, go.Figure]] = {}
    lock = threading.Lock()

    @functools.wraps(builder)
    def build(*args) -> go.Figure:
        key = tuple(a if isinstance(a, str) else id(a) for a in args)  # text (the language) by value
        with lock:
            hit = store.get(key)
        if hit is not None and all(_same(a, b) for a, b in zip(hit[0], args, strict=True)):
            return hit[1]
        fig = styled(builder(*args))
        with lock:
            if len(store) >= MEMO_SIZE:
                store.pop(next(iter(store)))
            store[key] = (args, fig)
        return fig

    build.memo = store  # type: ignore[attr-defined]  # for tests and inspection
    return build


NO_FIGURE = "#BBBBBB"  # the look of "no figure": grey, hollow; never a colour of the value scale
# How a reported figure was qualified in its source ('over $1 bn').
QUALIFIERS = {"exact": N_("exact"), "about": N_("about"), "over": N_("over"), "almost": N_("almost")}
FLOW_DASH = {"turnover": "solid", "by_exports": "dash", "by_imports": "dot", "balance": "dashdot"}
FLOW_PATTERN = {"turnover": "", "by_exports": "/", "by_imports": "x", "balance": "."}


def plain(values) -> list:
    """Values for a figure: floats, with None for missing or infinite (never NaN, inf or 0 for a gap)."""
    out = []
    for v in values:
        try:
            f = float(v)
        except (TypeError, ValueError):
            out.append(None)
            continue
        out.append(f if np.isfinite(f) else None)
    return out


def legend_only(
    fig: go.Figure, name: str, marker: dict, mode: str = "markers", line: dict | None = None
) -> None:
    """A legend entry with nothing plotted (explains a look: 'no figure', a side's colour)."""
    fig.add_trace(
        go.Scatter(x=[None], y=[None], mode=mode, name=name, marker=marker, line=line or {}, hoverinfo="skip")
    )


def with_gaps(g: pd.DataFrame) -> pd.DataFrame:
    """One row per calendar year from the first to the last, missing years blank (lines break there)."""
    years = range(int(g.year.min()), int(g.year.max()) + 1)
    return g.set_index("year").reindex(years).rename_axis("year").reset_index()


@reused_while_inputs_same
def national_lines(nat: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure:
    """National trade by year in billion USD: colour = statistics side, dash = flow; lines break at gaps."""
    _ = translator(lang).gettext
    fig = go.Figure()
    flows = list(FLOW_LABELS)
    rank = {flow: i for i, flow in enumerate(flows)}  # legend: turnover first, then exports, imports, balance
    groups = sorted(nat.groupby(["side", "flow"]), key=lambda kv: (kv[0][0], rank.get(kv[0][1], len(rank))))
    has_gap = False
    for (side, flow), g in groups:
        g = with_gaps(g.sort_values("year"))
        has_gap |= bool(g.value_musd.isna().any())
        fig.add_trace(
            go.Scatter(
                x=g.year.tolist(),
                y=plain(g.value_musd / 1000),
                mode="lines+markers",
                name=f"{_(FLOW_LABELS.get(flow, flow))} · {side}",
                line={"color": SIDE_COLOURS.get(side, NO_FIGURE), "dash": FLOW_DASH.get(flow, "solid")},
                marker={"symbol": "circle" if side == "BY" else "diamond"},
                connectgaps=False,
                text=[fmt_musd(v, lang) if v == v else _("no figure") for v in g.value_musd],
                hovertemplate=f"%{{x}}: %{{text}} ({side_name(side, lang)})<extra></extra>",
            )
        )
    if has_gap:
        legend_only(
            fig, _("break in a line = no figure that year"), {"color": NO_FIGURE}, "lines", {"dash": "dot"}
        )
    fig.update_layout(
        yaxis_title=_("billion USD"),
        yaxis_tickformat=",.0f",
        xaxis={"title": None, "dtick": 5},
        title=_("Colour: Belarusian (BY, blue) or Russian (RU, orange) statistics · dash: flow"),
    )
    localised(fig, lang)
    margins(fig, l=75, t=45, b=40)
    right_legend(fig, [t.name for t in fig.data])
    return fig


@reused_while_inputs_same
def top_regions_bars(top: pd.DataFrame, side: str | None = None, lang: str = DEFAULT_LANG) -> go.Figure:
    """Top regions by latest turnover on one statistics side (`side`, else the frame's only side)."""
    _ = translator(lang).gettext
    if side is not None:
        top = top[top.side == side]
    labels = [
        f"{fmt_musd(v, lang)} ({int(y)}, {s})"
        for v, y, s in zip(top.turnover_musd, top.latest_year, top.side, strict=True)
    ]
    colours = [SIDE_COLOURS[s] for s in top.side]
    names = [f"#{r} {name}" for r, name in zip(top["rank"], region_names(top, lang), strict=True)]
    fig = hbar(
        pd.Series(names),
        top.turnover_musd,
        _("million USD (latest full year in range)"),
        colours,
        labels,
        460,
    )
    localised(fig, lang)
    fig.data[0].showlegend = False
    for side in dict.fromkeys(top.side):
        legend_only(fig, side_name(side, lang), {"color": SIDE_COLOURS[side], "symbol": "square"})
    top_legend(fig)
    fig.layout.margin.t = 40
    if "selected" in top and top.selected.any():  # chosen regions stand out inside the ranking
        fig.update_traces(
            selector={"type": "bar"},
            marker_line_color=["#1B1F24" if s else "rgba(0,0,0,0)" for s in top.selected],
            marker_line_width=3,
            marker_opacity=[1.0 if s else 0.45 for s in top.selected],
        )
    return fig


@reused_while_inputs_same
def peer_bars(frame: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure:
    """Latest turnover of a region (dark) beside its peers; regions without a figure are named, not drawn."""
    _ = translator(lang).gettext
    labels = [
        f"{fmt_musd(v, lang)} ({int(y)}, {s})" if pd.notna(v) else _("no figure")
        for v, y, s in zip(frame.turnover_musd, frame.latest_year, frame.side, strict=True)
    ]
    colours = [
        "#1B1F24" if own else SIDE_COLOURS.get(s, SIDE_COLOURS["unknown"])
        for own, s in zip(frame.is_region, frame.side.fillna("unknown"), strict=True)
    ]
    fig = hbar(
        region_names(frame, lang),
        frame.turnover_musd,
        _("million USD (latest full year in range)"),
        colours,
        labels,
    )
    return localised(fig, lang)


@reused_while_inputs_same
def count_bars(
    frame: pd.DataFrame, label_col: str, value_col: str, x_title: str, lang: str = DEFAULT_LANG
) -> go.Figure:
    """Horizontal bars of a count per label (meetings per sector and the like); `x_title` is an English
    message shown in `lang`, sector names (a `sector_id` column) in `lang`."""
    labels = sector_names(frame, lang, label_col) if label_col == "sector_name" else frame[label_col]
    return localised(hbar(labels, frame[value_col], translator(lang).gettext(x_title), PALETTE[2]), lang)


@reused_while_inputs_same
def sector_overview_bars(ov: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure:
    """Per sector: regions where its goods are traded vs regions where it was only discussed."""
    _ = translator(lang).gettext
    names = sector_names(ov, lang, "name_en")
    fig = go.Figure()
    for col, name, colour in (
        ("regions_traded", _("Regions where its goods are traded"), PALETTE[0]),
        ("regions_discussed_not_traded", _("Discussed, no trade recorded"), PALETTE[1]),
    ):
        fig.add_trace(go.Bar(y=names, x=ov[col], name=name, orientation="h", marker_color=colour))
    fig.update_layout(
        barmode="group",
        xaxis_title=_("number of Russian regions"),
        yaxis={"autorange": "reversed"},
        height=max(300, 30 * len(ov)),
    )
    localised(fig, lang)
    margins(fig, l=text_px(names) + TICK_PAD, t=40, b=60)
    top_legend(fig)
    return fig


@reused_while_inputs_same
def potential_bars(ranking: pd.DataFrame, n: int, lang: str = DEFAULT_LANG) -> go.Figure:
    """The first `n` regions by untapped potential: reported bars with the modelled potential outlined."""
    _ = translator(lang).gettext
    top = ranking.head(n)
    names = region_names(top, lang)
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=names,
            x=top.actual_musd,
            name=_("Reported (latest in range)"),
            orientation="h",
            marker_color=PALETTE[0],
        )
    )
    fig.add_trace(
        go.Bar(
            y=names,
            x=top.expected_musd,
            name=_("Modelled potential"),
            orientation="h",
            marker={"color": "rgba(0,0,0,0)", "line": {"color": PALETTE[3], "width": 2}},
        )
    )
    fig.update_layout(
        barmode="overlay",
        xaxis_title=_("million USD"),
        yaxis={"autorange": "reversed"},
        height=560,
        title=_("Top {n} by untapped potential (modelled − reported)", n=n),
    )
    localised(fig, lang)
    margins(fig, l=text_px(names) + TICK_PAD, t=75, b=60, r=30)
    top_legend(fig)
    return fig


@reused_while_inputs_same
def gap_heatmap(heat: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure:
    """Region × sector opportunity scores (0–100) on a sequential colour-blind-safe scale."""
    _ = translator(lang).gettext
    fig = go.Figure(
        go.Heatmap(
            z=heat.to_numpy(),
            x=list(heat.columns),
            y=list(heat.index),
            colorscale=SEQUENTIAL,
            zmin=0,
            zmax=100,
            colorbar={"title": _("score")},
            hovertemplate="%{y} · %{x}: " + _("score {value}", value="%{z}") + "<extra></extra>",
        )
    )
    top = int(text_px(heat.columns) * 0.72) + 25
    # Every row and column is labelled: 20 px per row leaves room for each region's name.
    fig.update_layout(
        height=max(400, 20 * len(heat) + top + 20),
        xaxis={"side": "top", "tickangle": -45, "tickmode": "array", "tickvals": list(heat.columns)},
        yaxis={"tickmode": "array", "tickvals": list(heat.index), "autorange": "reversed"},
    )
    margins(fig, l=text_px(heat.index) + TICK_PAD, r=90, t=top, b=20)
    return localised(fig, lang)


@reused_while_inputs_same
def target_bars(tp: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure:
    """Progress towards each numeric target (capped at 200% for the axis), green when achieved or on track.

    A target without a reported figure gets a hollow grey marker and a "no figure" legend entry, not a
    zero-length bar.
    """
    _ = translator(lang).gettext
    regions = (
        tp.region_iso.map(widgets.names_in("regions", lang)).fillna(tp.region)
        if lang != DEFAULT_LANG and "region_iso" in tp.columns
        else tp.region
    )
    labels = [f"{r} ({d})" for r, d in zip(regions, tp.set_on, strict=True)]
    progress = tp.progress_pct.astype("float64")
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=plain(progress.clip(upper=200)),
            orientation="h",
            name=_("progress"),
            showlegend=False,
            marker_color=[PALETTE[2] if s in ("achieved", "on track") else PALETTE[3] for s in tp.status],
            text=[
                _("{actual} of {target}", actual=fmt_musd(a, lang), target=t) if a == a else _("no figure")
                for a, t in zip(tp.latest_actual_musd, target_labels(tp, lang), strict=True)
            ],
            customdata=[_(STATUS_MESSAGES.get(s, s)) for s in tp.status],
            hovertemplate="%{y}: %{text}, %{x:.0f}% · %{customdata}<extra></extra>",
        )
    )
    missing = progress.isna().to_numpy()
    if missing.any():
        fig.add_trace(
            go.Scatter(
                y=[lab for lab, m in zip(labels, missing, strict=True) if m],
                x=[0] * int(missing.sum()),
                mode="markers",
                name=_("no figure"),
                marker={"color": "rgba(0,0,0,0)", "line": {"color": NO_FIGURE, "width": 2}, "size": 10},
                hovertemplate="%{y}: " + _("no reported figure") + "<extra></extra>",
            )
        )
        top_legend(fig)
    fig.add_vline(x=100, line_dash="dot")
    fig.update_layout(
        xaxis_title=_("progress towards the target (%), latest reported turnover"),
        height=max(300, 24 * len(tp)),
        yaxis={"autorange": "reversed"},
    )
    localised(fig, lang)
    fig.update_traces(cliponaxis=False)  # labels of long bars run on into the right margin
    margins(fig, l=text_px(labels) + TICK_PAD, t=40, b=60, r=120)
    return fig


def target_labels(tp: pd.DataFrame, lang: str = DEFAULT_LANG) -> list[str]:
    """Each target as written: '$2.0 bn', or a range '$1.5 bn–$2.0 bn' when one was set."""
    low = tp.target_low_musd if "target_low_musd" in tp.columns else pd.Series(np.nan, index=tp.index)
    return [
        fmt_musd(t, lang) if pd.isna(lo) else f"{fmt_musd(lo, lang)}–{fmt_musd(t, lang)}"
        for lo, t in zip(low, tp.target_musd, strict=True)
    ]


@reused_while_inputs_same
def district_bars(roll: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure:
    """Per federal district, the sum of its regions' latest turnover figures: one bar per statistics side.

    Sides are never stacked or added. A district with no figure gets a hollow grey marker and a "no figure"
    legend entry, never a zero bar. Labels give the regions summed and the years of their figures.
    """
    _ = translator(lang).gettext
    t = translator(lang)
    fig = go.Figure()
    if lang != DEFAULT_LANG:
        roll = roll.assign(federal_district=[district_name(d, lang) for d in roll.federal_district])
    districts = list(dict.fromkeys(roll.federal_district))
    for side, g in roll[roll.side != ""].groupby("side"):
        fig.add_trace(
            go.Bar(
                x=g.federal_district.tolist(),
                y=plain(g.turnover_musd),
                marker_color=SIDE_COLOURS.get(side, NO_FIGURE),
                name=side_name(side, lang),
                text=[
                    t.ngettext("{a}/{n} region, {years}", "{a}/{n} regions, {years}", int(b), a=a, years=y)
                    for a, b, y in zip(g.regions_with_figures, g.regions, g.years, strict=True)
                ],
                hovertemplate="%{x}: "
                + _("{value} million USD", value="%{y:,.0f}")
                + " (%{text})<extra></extra>",
            )
        )
    missing = roll[roll.side == ""]
    if len(missing):
        fig.add_trace(
            go.Scatter(
                x=missing.federal_district.tolist(),
                y=[0] * len(missing),
                mode="markers",
                name=_("no figure"),
                marker={"color": "rgba(0,0,0,0)", "line": {"color": NO_FIGURE, "width": 2}, "size": 12},
                hovertemplate="%{x}: " + _("no region with a figure") + "<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="group",
        yaxis_title=_("million USD (sum of latest figures)"),
        yaxis_tickformat=",.0f",
        xaxis={"tickangle": -30, "categoryorder": "array", "categoryarray": districts},
    )
    localised(fig, lang)
    top_legend(fig)
    margins(fig, l=85, t=40, b=int(text_px(roll.federal_district) * 0.5) + 30)
    return fig


MAP_COLOUR = {  # value column, note column, legend/colour-bar name, name of the hollow bubbles
    "growth": ("growth_pct", "growth_note", N_("growth, %"), N_("no growth figure")),
    "balance": ("balance_musd", "balance_note", N_("balance, million USD"), N_("no balance figure")),
}


def _map_trace(
    p: pd.DataFrame,
    size: pd.Series,
    name: str,
    shown: list[str],
    marker: dict,
    unit: str,
    lang: str = DEFAULT_LANG,
):
    _ = translator(lang).gettext
    return go.Scatter(
        x=p.lon.tolist(),
        y=p.lat.tolist(),
        mode="markers",
        name=name,
        text=region_names(p, lang).tolist(),
        customdata=[
            [fmt_musd(t, lang), str(y), s]
            for t, y, s in zip(p.turnover_musd, p.latest_year, shown, strict=True)
        ],
        hovertemplate="<b>%{text}</b><br>"
        + _("turnover {value} ({year})", value="%{customdata[0]}", year="%{customdata[1]}")
        + f"<br>{unit}: %{{customdata[2]}}<extra></extra>",
        marker={"size": size.tolist(), **marker},
    )


def _outline_trace(outlines: pd.DataFrame, colour: str, width: float, name: str) -> go.Scatter:
    """Region outlines (lon/lat rows, rings broken by NaN rows) as one thin line trace without hover."""
    return go.Scatter(
        x=outlines.lon,
        y=outlines.lat,
        mode="lines",
        line={"color": colour, "width": width},
        hoverinfo="skip",
        name=name,
        showlegend=False,
    )


@reused_while_inputs_same
def bubble_map(
    points: pd.DataFrame,
    colour_by: str,
    outlines: pd.DataFrame | None,
    selected: tuple[str, ...] = (),
    lang: str = DEFAULT_LANG,
) -> go.Figure:
    """Bubbles at region centroids (longitude/latitude axes, works offline), sized by turnover.

    Coloured by growth or balance; regions without that figure are hollow grey bubbles with their own
    legend entry ("no growth figure") and the reason in the hover. With `outlines` (from
    analysis.data.geo), region boundaries are drawn underneath as thin lines; the `selected` regions (ISO
    codes) get a dark outline and their name as a label.
    """
    _ = translator(lang).gettext
    col, note_col, unit, none_name = MAP_COLOUR["growth" if colour_by == "growth" else "balance"]
    unit, none_name = _(unit), _(none_name)
    values = points[col].astype("float64").replace([np.inf, -np.inf], np.nan)
    notes = points[note_col] if note_col in points.columns else pd.Series("", index=points.index)
    top = points.turnover_musd.max()
    size = 8 + 40 * np.sqrt(points.turnover_musd / top) if top > 0 else points.turnover_musd * 0 + 8
    limit = float(np.nanmax(np.abs(values))) if values.notna().any() else 1.0
    limit = limit or 1.0
    fig = go.Figure()
    if outlines is not None and len(outlines):
        fig.add_trace(_outline_trace(outlines, "#BBBBBB", 0.7, _("region boundaries")))
        chosen = outlines[outlines.iso_code.isin(selected)]
        if len(chosen):
            fig.add_trace(_outline_trace(chosen, "#1B1F24", 1.6, _("selected regions")))
    has = values.notna()
    v = values[has]
    shown = [fmt_musd(x, lang) for x in v] if col == "balance_musd" else [fmt_pct(x, lang=lang) for x in v]
    colour = {
        "color": v.tolist(),
        "colorscale": DIVERGING,
        "cmin": -limit,
        "cmax": limit,
        "colorbar": {"title": unit},
        "line": {"width": 1, "color": "#333"},
    }
    fig.add_trace(_map_trace(points[has], size[has], unit.split(",")[0], shown, colour, unit, lang))
    hollow = {"color": "rgba(0,0,0,0)", "line": {"width": 1.5, "color": NO_FIGURE}}
    if (~has).any():  # its own look and legend entry whenever a region has no such figure
        reasons = [note_text(n, lang) if n else _("no figure") for n in notes[~has]]
        fig.add_trace(_map_trace(points[~has], size[~has], none_name, reasons, hollow, unit, lang))
    labelled = (
        points[points.iso_code.isin(selected)] if selected and "iso_code" in points else points.iloc[:0]
    )
    if len(labelled):
        fig.add_trace(
            go.Scatter(
                x=labelled.lon,
                y=labelled.lat,
                mode="text",
                text=region_names(labelled, lang),
                textposition="top center",
                textfont={"size": 12, "color": "#1B1F24"},
                hoverinfo="skip",
                showlegend=False,
                name=_("names"),
            )
        )
    hidden = {"showgrid": False, "zeroline": False, "showticklabels": False, "title": None}
    fig.update_layout(
        xaxis={**hidden, "range": [18, 192]},
        yaxis={**hidden, "scaleanchor": "x", "scaleratio": 1.8},
        height=560,
        title=_("Bubble area ∝ latest turnover; hollow grey bubbles: {what}", what=none_name),
        legend={"orientation": "h", "x": 0, "y": -0.14, "yanchor": "top"},
        showlegend=True,
    )
    localised(fig, lang)
    margins(fig, l=60, r=160, t=45, b=100)
    return fig


@reused_while_inputs_same
def flow_bars(series: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure:
    """Bars by year (chronological axis, gaps stay gaps): colour = statistics side, pattern = flow.

    Hover gives the side, qualifier and, where sources disagree, "2 sources differ" with the other value.
    """
    _ = translator(lang).gettext
    fig = go.Figure()
    flows = list(FLOW_LABELS)

    def rank(kv):
        return (flows.index(kv[0][0]) if kv[0][0] in flows else len(flows), kv[0][1])

    for (flow, side), g in sorted(series.groupby(["flow", "side"]), key=rank):
        g = g.sort_values("year")
        differ = g.differ_note if "differ_note" in g.columns else pd.Series("", index=g.index)
        alt = g.alt_value_musd if "alt_value_musd" in g.columns else pd.Series(np.nan, index=g.index)
        notes = [
            " · " + _("{note}: other figure {value}", note=note_text(d, lang), value=fmt_musd(a, lang))
            if d
            else ""
            for d, a in zip(differ, alt, strict=True)
        ]
        fig.add_trace(
            go.Bar(
                x=g.year.astype(int).tolist(),
                y=plain(g.value_musd),
                name=f"{_(FLOW_LABELS.get(flow, flow))} · {side}",
                marker={
                    "color": SIDE_COLOURS.get(side, NO_FIGURE),
                    "pattern": {
                        "shape": FLOW_PATTERN.get(flow, ""),
                        "fgcolor": "white",
                        "fillmode": "overlay",
                    },
                },
                text=["◆" if d else "" for d in differ],
                textposition="outside",
                customdata=[
                    [_(QUALIFIERS.get(str(q), str(q))), n] for q, n in zip(g.qualifier, notes, strict=True)
                ],
                hovertemplate="%{x}: "
                + _("{value} million USD", value="%{y:,.1f}")
                + f" ({side_name(side, lang)}, %{{customdata[0]}})"
                + "%{customdata[1]}<extra></extra>",
            )
        )
    if "differ_note" in series.columns and series.differ_note.astype(bool).any():
        legend_only(fig, _("◆ sources differ (see hover)"), {"color": "#333", "symbol": "diamond"})
    hollow = {"color": "rgba(0,0,0,0)", "line": {"color": NO_FIGURE, "width": 2}, "symbol": "square"}
    legend_only(fig, _("no bar = no figure that year"), hollow)
    localised(fig, lang)
    fig.update_layout(
        barmode="group",
        yaxis_title=_("million USD"),
        yaxis_tickformat=",.0f",
        xaxis={"type": "linear", "dtick": 1, "tickformat": "d"},
        showlegend=True,
    )
    margins(fig, l=75, t=20, b=40)
    right_legend(fig, [t.name for t in fig.data])
    return fig


def hbar(
    labels: pd.Series, values: pd.Series, x_title: str, colour: str | list[str], text=None, height=None
) -> go.Figure:
    """Horizontal bars, first row on top (rankings and counts)."""
    fig = go.Figure(
        go.Bar(x=values, y=labels, orientation="h", marker_color=colour, text=text, textposition="auto")
    )
    fig.update_layout(
        xaxis_title=x_title,
        xaxis_tickformat=",.0f",
        yaxis={"autorange": "reversed"},
        height=height or max(300, 28 * len(labels)),
    )
    margins(fig, l=text_px(labels) + TICK_PAD, t=20, b=60, r=30)
    return fig


@reused_while_inputs_same
def goods_bars(rows: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure:
    """One small bar pair (2020, 2021) per good, each on its own axis in its own unit (goods differ in unit).

    Goods are labelled by the `label` column (the caller gives it in the interface language)."""
    from plotly.subplots import make_subplots

    labels = list(dict.fromkeys(rows.label))
    fig = make_subplots(rows=max(len(labels), 1), cols=1, shared_xaxes=False, vertical_spacing=0.012)
    years = sorted(rows.year.dropna().unique())
    for i, label in enumerate(labels, start=1):
        g = rows[rows.label == label]
        for k, year in enumerate(years):
            v = g[g.year == year]
            fig.add_trace(
                go.Bar(
                    y=[label], x=v.value, name=str(year), orientation="h", marker_color=PALETTE[k % len(PALETTE)],
                    legendgroup=str(year), showlegend=i == 1, texttemplate="%{x:,} (" + str(year) + ")",
                    textposition="auto", cliponaxis=False,
                ),
                row=i, col=1,
            )  # fmt: skip
    fig.update_layout(barmode="group", height=max(260, 46 * len(labels) + 80), bargap=0.15)
    localised(fig, lang)
    fig.update_xaxes(showgrid=False, showticklabels=False, zeroline=False)
    margins(fig, l=text_px(labels) + TICK_PAD, t=40, b=30)
    top_legend(fig)
    return fig
