"""Chart builders shared by pages: figures only, from frames the analysis functions returned."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.widgets import DIVERGING, PALETTE, SIDE_COLOURS

FLOW_LABELS = {
    "turnover": "Turnover",
    "by_exports": "Belarus exports",
    "by_imports": "Belarus imports",
}


def bubble_map(points: pd.DataFrame, colour_by: str, outlines: pd.DataFrame | None = None) -> go.Figure:
    """Bubbles at region centroids (longitude/latitude axes, works offline), sized by turnover.

    With `outlines` (from analysis.geo), region boundaries are drawn underneath as thin lines.
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
    fig.add_trace(
        go.Scatter(
            x=points.lon,
            y=points.lat,
            mode="markers",
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
    fig.update_layout(
        xaxis={"title": "longitude", "range": [18, 192]},
        yaxis={"title": "latitude", "scaleanchor": "x", "scaleratio": 1.8},
        height=520,
        title="Bubble area ∝ latest turnover; grey-rimmed bubbles with colour 0 have no growth/balance figure",
    )
    return fig


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
    fig.update_layout(barmode="group", yaxis_title="million USD", xaxis={"type": "category"})
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
    return fig
