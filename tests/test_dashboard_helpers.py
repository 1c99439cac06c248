"""Dashboard helpers that need no browser: source links, figure reuse, server settings."""

from __future__ import annotations

import tomllib

import numpy as np
import pandas as pd

from dashboard import charts
from dashboard.widgets import source_links_markdown
from tests.conftest import ROOT


def test_source_links_are_numbered_markdown_links():
    text = source_links_markdown(["https://example.org/a_(b)?x=1&y=2", "https://belta.by/economics/"])
    lines = text.splitlines()
    assert lines[0] == r"1. [https://example\.org/a\_\(b\)?x=1&y=2](<https://example.org/a_(b)?x=1&y=2>)"
    assert lines[1].startswith("2. [https://belta\\.by/economics/](<https://belta.by/economics/>)")


def test_source_links_never_link_other_schemes_or_break_out():
    text = source_links_markdown(["javascript:alert(1)", "https://x.org/<script>", "https://x.org/a b"])
    assert "](" not in text  # none of them becomes a link
    assert "javascript:alert\\(1\\)" in text
    assert "\\<script\\>" in text


def test_long_source_addresses_are_shortened_in_the_text_only():
    url = "https://example.org/" + "a" * 200
    line = source_links_markdown([url])
    assert line.endswith(f"(<{url}>)")
    assert "…" in line and len(line) < len(url) * 2


def test_figures_are_reused_while_the_input_frame_is_the_same_object():
    calls = []

    @charts.reused_while_inputs_same
    def build(frame: pd.DataFrame):
        calls.append(len(frame))
        return charts.go.Figure(charts.go.Bar(x=frame.a, y=frame.b))

    frame = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    first = build(frame)
    assert build(frame) is first and calls == [2]
    equal_copy = frame.copy()
    assert build(equal_copy) is not first and calls == [2, 2]  # another object: built again
    assert first.layout.template.layout.to_plotly_json() == {}  # Streamlit's theme supplies the look
    assert first.layout.margin.autoexpand is False  # styled: margins are reserved, never pushed


def test_label_widths_are_estimated_from_the_longest_label():
    assert charts.text_px(["abcd", "ab"]) == 26  # 4 characters x 6.5 px
    assert charts.text_px([]) == 0


def test_charts_reserve_margins_instead_of_pushing_them(fb):
    """Plotly redraws a chart whose labels push its margins; `styled` (on every builder) turns that off."""
    regions = fb.regions.head(12)
    long_name = regions.name_en.str.len().max()
    bars = charts.hbar(regions.name_en, regions.population, "people", "#000")
    heat = pd.DataFrame([[10, 90]], index=["Republic of Kalmykia"], columns=["Pharmaceuticals", "IT"])
    nat = pd.DataFrame(
        {
            "side": ["BY", "RU"],
            "flow": ["turnover", "balance"],
            "year": [2024, 2024],
            "value_musd": [1.0, 2.0],
        }
    )
    figures = {
        "hbar": charts.styled(bars),
        "heatmap": charts.gap_heatmap(heat),
        "national": charts.national_lines(nat),
    }
    for name, fig in figures.items():
        m = fig.layout.margin
        assert m.autoexpand is False, name
        assert None not in (m.l, m.r, m.t, m.b), name
        assert fig.layout.xaxis.automargin is False and fig.layout.yaxis.automargin is False, name
        assert fig.layout.xaxis.ticklabeloverflow == fig.layout.yaxis.ticklabeloverflow == "allow", name
    assert (
        figures["hbar"].layout.margin.l == int(long_name * 6.5) + charts.TICK_PAD
    )  # the longest region fits
    assert figures["heatmap"].layout.margin.l == int(20 * 6.5) + charts.TICK_PAD  # "Republic of Kalmykia"
    assert [t.name for t in figures["national"].data] == ["Turnover · BY", "Balance · RU"]  # turnover leads
    legend = figures["national"].layout
    assert legend.legend.orientation == "v" and legend.margin.r == int(len("Turnover · BY") * 6.5) + 60


def test_figure_memo_is_bounded():
    @charts.reused_while_inputs_same
    def build(n: int):
        return charts.go.Figure()

    for n in range(charts.MEMO_SIZE + 50):
        build(n)
    assert len(build.memo) == charts.MEMO_SIZE


def test_server_settings_for_serving_not_developing():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["fileWatcherType"] == "none"
    assert config["server"]["maxUploadSize"] == 2


def test_gap_heatmap_labels_every_row_and_column():
    rows = [f"Region {i:02d}" for i in range(40)]
    cols = [f"Sector {j}" for j in range(12)]
    heat = pd.DataFrame(np.arange(480).reshape(40, 12) % 100, index=rows, columns=cols)
    fig = charts.gap_heatmap(heat)
    assert list(fig.layout.yaxis.tickvals) == rows
    assert list(fig.layout.xaxis.tickvals) == cols
    plot_height = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    assert plot_height / len(rows) >= 18  # room for one line of text per row
