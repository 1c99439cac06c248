"""The brief's trade chart drawn with matplotlib (Agg canvas, no browser, no pyplot state, thread-safe).

Colours are the dashboard's (dashboard/widgets.py PALETTE and SIDE_COLOURS; a test keeps them equal):
bars coloured by flow in the Okabe–Ito palette, each bar's outline in its statistics side's colour.
"""

from __future__ import annotations

import io

import pandas as pd

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SIDE_COLOURS = {"BY": "#0072B2", "RU": "#D55E00", "unknown": "#999999"}
FLOW_ORDER = ("by_exports", "by_imports", "turnover")


def flow_bars_png(series: pd.DataFrame, labels: dict[str, str], y_label: str = "million USD") -> bytes:
    """Grouped bars by year for each flow of `series` (columns year, flow, value_musd, side) as PNG bytes.

    Flows are grouped the way the dashboard's profile chart groups them (alphabetical flow ids), with the
    same colours; `labels` maps flow ids to legend text and `y_label` titles the axis (both in the brief's
    language). Raises ValueError when `series` is empty.
    """
    buf = io.BytesIO()
    flow_bars_figure(series, labels, y_label).savefig(buf, format="png")
    return buf.getvalue()


def flow_bars_figure(series: pd.DataFrame, labels: dict[str, str], y_label: str = "million USD"):
    """The matplotlib Figure behind `flow_bars_png` (for tests to read its texts)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if series.empty:
        raise ValueError("no figures to chart")
    years = sorted(series.year.unique())
    flows = sorted(series.flow.unique())
    fig = Figure(figsize=(6.4, 2.8), dpi=120)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    width = 0.8 / len(flows)
    for i, flow in enumerate(flows):
        g = series[series.flow == flow].set_index("year")
        xs = [years.index(y) + (i - (len(flows) - 1) / 2) * width for y in g.index]
        ax.bar(
            xs,
            g.value_musd,
            width=width,
            color=PALETTE[i % len(PALETTE)],
            edgecolor=[SIDE_COLOURS.get(s, SIDE_COLOURS["unknown"]) for s in g.side],
            linewidth=1.5,
            label=labels.get(flow, flow),
        )
    ax.set_xticks(range(len(years)), [str(y) for y in years])
    ax.set_ylabel(y_label)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.subplots_adjust(left=0.13, right=0.76, bottom=0.11, top=0.96)  # fixed: tight_layout would draw twice
    return fig
