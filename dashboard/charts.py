"""Chart builders shared by pages: figures only, from frames the analysis functions returned.

Every builder is memoised on the identity of its inputs (`reused_while_inputs_same`): pages pass the
frames that `dashboard.cached` returns, which are the same objects while the filters are unchanged, so a
rerun does not rebuild and re-validate the figure. Figures are shared: callers must not modify them.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.output.formatting import fmt_musd
from dashboard.widgets import DIVERGING, PALETTE, SEQUENTIAL, SIDE_COLOURS

# Plotly redraws a whole chart when labels, a legend or a colour bar push the margins out (automargin),
# so every builder reserves its margins up front. Widths are estimated from label lengths at 13 px.
CHAR_PX = 6.5
TICK_PAD = 18

FLOW_LABELS = {
    "turnover": "Turnover",
    "by_exports": "Belarus exports",
    "by_imports": "Belarus imports",
    "balance": "Balance",
}
MEMO_SIZE = 128


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


def reused_while_inputs_same(builder: Callable[..., go.Figure]) -> Callable[..., go.Figure]:
    """Memoise a figure builder on its arguments' identity (checked with `is`, so ids cannot be recycled)."""
    store: dict[tuple[int, ...], tuple[tuple, go.Figure]] = {}
    lock = threading.Lock()

    @functools.wraps(builder)
    def build(*args) -> go.Figure:
        key = tuple(map(id, args))
        with lock:
            hit = store.get(key)
        if hit is not None and all(a is b for a, b in zip(hit[0], args, strict=True)):
            return hit[1]
        fig = styled(builder(*args))
        with lock:
            if len(store) >= MEMO_SIZE:
                store.pop(next(iter(store)))
            store[key] = (args, fig)
        return fig

    build.memo = store  # type: ignore[attr-defined]  # for tests and inspection
    return build


@reused_while_inputs_same
def national_lines(nat: pd.DataFrame) -> go.Figure:
    """National trade by year: one line per flow and side (solid BY, dashed RU)."""
    fig = go.Figure()
    flows = list(FLOW_LABELS)
    rank = {flow: i for i, flow in enumerate(flows)}  # legend: turnover first, then exports, imports, balance
    groups = sorted(nat.groupby(["side", "flow"]), key=lambda kv: (kv[0][0], rank.get(kv[0][1], len(rank))))
    for (side, flow), g in groups:
        fig.add_trace(
            go.Scatter(
                x=g.year,
                y=g.value_musd,
                mode="lines+markers",
                name=f"{FLOW_LABELS.get(flow, flow)} · {side}",
                line={
                    "color": PALETTE[flows.index(flow) if flow in flows else 4],
                    "dash": "solid" if side == "BY" else "dash",
                },
                marker={"symbol": "circle" if side == "BY" else "diamond"},
            )
        )
    fig.update_layout(
        yaxis_title="million USD",
        xaxis_title=None,
        title="Solid: Belarusian statistics (BY) · dashed: Russian (RU)",
    )
    margins(fig, l=75, t=45, b=40)
    right_legend(fig, [t.name for t in fig.data])
    return fig


@reused_while_inputs_same
def top_regions_bars(top: pd.DataFrame) -> go.Figure:
    """Top regions by latest turnover, bars coloured by the statistics side of each figure."""
    labels = [
        f"{fmt_musd(v)} ({int(y)}, {s})"
        for v, y, s in zip(top.turnover_musd, top.latest_year, top.side, strict=True)
    ]
    colours = [SIDE_COLOURS[s] for s in top.side]
    names = [f"#{r} {name}" for r, name in zip(top["rank"], top.name_en, strict=True)]
    fig = hbar(
        pd.Series(names), top.turnover_musd, "million USD (latest full year in range)", colours, labels, 460
    )
    if "selected" in top and top.selected.any():  # chosen regions stand out inside the ranking
        fig.update_traces(
            marker_line_color=["#1B1F24" if s else "rgba(0,0,0,0)" for s in top.selected],
            marker_line_width=3,
            marker_opacity=[1.0 if s else 0.45 for s in top.selected],
        )
    return fig


@reused_while_inputs_same
def peer_bars(frame: pd.DataFrame) -> go.Figure:
    """Latest turnover of a region (dark) beside its peers; regions without a figure are named, not drawn."""
    labels = [
        f"{fmt_musd(v)} ({int(y)}, {s})" if pd.notna(v) else "no figure"
        for v, y, s in zip(frame.turnover_musd, frame.latest_year, frame.side, strict=True)
    ]
    colours = [
        "#1B1F24" if own else SIDE_COLOURS.get(s, SIDE_COLOURS["unknown"])
        for own, s in zip(frame.is_region, frame.side.fillna("unknown"), strict=True)
    ]
    return hbar(
        frame.name_en, frame.turnover_musd, "million USD (latest full year in range)", colours, labels
    )


@reused_while_inputs_same
def count_bars(frame: pd.DataFrame, label_col: str, value_col: str, x_title: str) -> go.Figure:
    """Horizontal bars of a count per label (meetings per sector and the like)."""
    return hbar(frame[label_col], frame[value_col], x_title, PALETTE[2])


@reused_while_inputs_same
def sector_overview_bars(ov: pd.DataFrame) -> go.Figure:
    """Per sector: regions where its goods are traded vs regions where it was only discussed."""
    fig = go.Figure()
    for col, name, colour in (
        ("regions_traded", "Regions where its goods are traded", PALETTE[0]),
        ("regions_discussed_not_traded", "Discussed, no trade recorded", PALETTE[1]),
    ):
        fig.add_trace(go.Bar(y=ov.name_en, x=ov[col], name=name, orientation="h", marker_color=colour))
    fig.update_layout(
        barmode="group",
        xaxis_title="number of Russian regions",
        yaxis={"autorange": "reversed"},
        height=max(300, 30 * len(ov)),
    )
    margins(fig, l=text_px(ov.name_en) + TICK_PAD, t=40, b=60)
    top_legend(fig)
    return fig


@reused_while_inputs_same
def potential_bars(ranking: pd.DataFrame, n: int) -> go.Figure:
    """The first `n` regions by untapped potential: reported bars with the modelled potential outlined."""
    top = ranking.head(n)
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=top.name_en,
            x=top.actual_musd,
            name="Reported (latest in range)",
            orientation="h",
            marker_color=PALETTE[0],
        )
    )
    fig.add_trace(
        go.Bar(
            y=top.name_en,
            x=top.expected_musd,
            name="Modelled potential",
            orientation="h",
            marker={"color": "rgba(0,0,0,0)", "line": {"color": PALETTE[3], "width": 2}},
        )
    )
    fig.update_layout(
        barmode="overlay",
        xaxis_title="million USD",
        yaxis={"autorange": "reversed"},
        height=560,
        title=f"Top {n} by untapped potential (modelled − reported)",
    )
    margins(fig, l=text_px(top.name_en) + TICK_PAD, t=75, b=60, r=30)
    top_legend(fig)
    return fig


@reused_while_inputs_same
def gap_heatmap(heat: pd.DataFrame) -> go.Figure:
    """Region × sector opportunity scores (0–100) on a sequential colour-blind-safe scale."""
    fig = go.Figure(
        go.Heatmap(
            z=heat.to_numpy(),
            x=list(heat.columns),
            y=list(heat.index),
            colorscale=SEQUENTIAL,
            zmin=0,
            zmax=100,
            colorbar={"title": "score"},
            hovertemplate="%{y} · %{x}: score %{z}<extra></extra>",
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
    return fig


@reused_while_inputs_same
def target_bars(tp: pd.DataFrame) -> go.Figure:
    """Progress towards each numeric target (capped at 200% for the axis), green when achieved or on track."""
    fig = go.Figure(
        go.Bar(
            y=tp.region + " (" + tp.set_on + ")",
            x=tp.progress_pct.clip(upper=200),
            orientation="h",
            marker_color=[PALETTE[2] if s in ("achieved", "on track") else PALETTE[3] for s in tp.status],
            text=[
                f"{fmt_musd(a)} of {fmt_musd(t)}"
                for a, t in zip(tp.latest_actual_musd, tp.target_musd, strict=True)
            ],
            customdata=tp.status,
            hovertemplate="%{y}: %{text}, %{x:.0f}% · %{customdata}<extra></extra>",
        )
    )
    fig.add_vline(x=100, line_dash="dot")
    fig.update_layout(
        xaxis_title="progress, % of target (latest reported turnover)",
        height=max(300, 24 * len(tp)),
        yaxis={"autorange": "reversed"},
    )
    fig.update_traces(cliponaxis=False)  # labels of long bars run on into the right margin
    margins(fig, l=text_px(fig.data[0].y) + TICK_PAD, t=20, b=60, r=120)
    return fig


@reused_while_inputs_same
def district_bars(roll: pd.DataFrame) -> go.Figure:
    """Sum of the latest turnover figures per federal district, labelled with region coverage."""
    fig = go.Figure(
        go.Bar(
            x=roll.federal_district,
            y=roll.turnover_musd,
            marker_color=PALETTE[0],
            text=[f"{a}/{b} regions" for a, b in zip(roll.regions_with_figures, roll.regions, strict=True)],
        )
    )
    fig.update_layout(yaxis_title="million USD (sum of latest figures)", xaxis_tickangle=-30)
    margins(fig, l=75, t=20, b=int(text_px(roll.federal_district) * 0.5) + 30)
    return fig


@reused_while_inputs_same
def bubble_map(
    points: pd.DataFrame, colour_by: str, outlines: pd.DataFrame | None, selected: tuple[str, ...] = ()
) -> go.Figure:
    """Bubbles at region centroids (longitude/latitude axes, works offline), sized by turnover.

    With `outlines` (from analysis.data.geo), region boundaries are drawn underneath as thin lines; the
    `selected` regions (ISO codes) get a dark outline and their name as a label.
    """
    col = "growth_pct" if colour_by == "growth" else "balance_musd"
    values = points[col]
    size = 8 + 40 * np.sqrt(points.turnover_musd / points.turnover_musd.max())
    limit = float(np.nanmax(np.abs(values))) if values.notna().any() else 1.0
    fig = go.Figure()
    if outlines is not None and len(outlines):
        fig.add_trace(
            go.Scatter(
                x=outlines.lon,
                y=outlines.lat,
                mode="lines",
                line={"color": "#BBBBBB", "width": 0.7},
                hoverinfo="skip",
                name="region boundaries",
                showlegend=False,
            )
        )
    chosen = outlines[outlines.iso_code.isin(selected)] if outlines is not None and selected else None
    if chosen is not None and len(chosen):
        fig.add_trace(
            go.Scatter(
                x=chosen.lon,
                y=chosen.lat,
                mode="lines",
                line={"color": "#1B1F24", "width": 1.6},
                hoverinfo="skip",
                name="selected regions",
                showlegend=False,
            )
        )
    fig.add_trace(
        go.Scatter(
            x=points.lon,
            y=points.lat,
            mode="markers",
            name="regions",
            showlegend=False,
            text=points.name_en,
            customdata=np.stack([points.turnover_musd, points.latest_year, values.fillna(np.nan)], axis=-1),
            hovertemplate="<b>%{text}</b><br>turnover %{customdata[0]:,.1f} m USD (%{customdata[1]})"
            + f"<br>{col}: %{{customdata[2]:,.1f}}<extra></extra>",
            marker={
                "size": size,
                "color": values.fillna(0),
                "colorscale": DIVERGING,
                "cmin": -limit,
                "cmax": limit,
                "colorbar": {"title": "growth %" if col == "growth_pct" else "balance m USD"},
                "line": {"width": 1, "color": "#333"},
            },
        )
    )
    labelled = (
        points[points.iso_code.isin(selected)] if selected and "iso_code" in points else points.iloc[:0]
    )
    if len(labelled):
        fig.add_trace(
            go.Scatter(
                x=labelled.lon,
                y=labelled.lat,
                mode="text",
                text=labelled.name_en,
                textposition="top center",
                textfont={"size": 12, "color": "#1B1F24"},
                hoverinfo="skip",
                showlegend=False,
                name="labels",
            )
        )
    hidden = {"showgrid": False, "zeroline": False, "showticklabels": False, "title": None}
    fig.update_layout(
        xaxis={**hidden, "range": [18, 192]},
        yaxis={**hidden, "scaleanchor": "x", "scaleratio": 1.8},
        height=520,
        title="Bubble area ∝ latest turnover; grey-rimmed bubbles with colour 0 have no growth/balance figure",
    )
    margins(fig, l=60, r=160, t=45, b=60)
    return fig


@reused_while_inputs_same
def flow_bars(series: pd.DataFrame) -> go.Figure:
    """Grouped bars by year for each flow; hover shows the side and qualifier."""
    fig = go.Figure()
    for i, (flow, g) in enumerate(series.groupby("flow")):
        fig.add_trace(
            go.Bar(
                x=g.year,
                y=g.value_musd,
                name=FLOW_LABELS.get(flow, flow),
                marker_color=PALETTE[i],
                marker_line={"color": [SIDE_COLOURS[s] for s in g.side], "width": 2},
                customdata=np.stack([g.side, g.qualifier], axis=-1),
                hovertemplate="%{x}: %{y:,.1f} m USD (%{customdata[0]} side, %{customdata[1]})<extra></extra>",
            )
        )
    fig.update_layout(barmode="group", yaxis_title="million USD", xaxis={"type": "category"}, showlegend=True)
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
        yaxis={"autorange": "reversed"},
        height=height or max(300, 28 * len(labels)),
    )
    margins(fig, l=text_px(labels) + TICK_PAD, t=20, b=60, r=30)
    return fig


@reused_while_inputs_same
def goods_bars(rows: pd.DataFrame) -> go.Figure:
    """One small bar pair (2020, 2021) per good, each on its own axis in its own unit (goods differ in unit)."""
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
    fig.update_xaxes(showgrid=False, showticklabels=False, zeroline=False)
    margins(fig, l=text_px(labels) + TICK_PAD, t=40, b=30)
    top_legend(fig)
    return fig
