"""Meeting brief build time for the region with the most data, against the Regions page's own analysis calls.

Cold = shared inputs (best figures per side, gravity fit with leave-one-out, sector matrix) + build + both
files; warm = build + both files with the inputs cached, as the dashboard runs it. Budget: 3 s per brief.
Run: .venv/bin/python -m bench.brief   (also part of `make bench`)
"""

from __future__ import annotations

import statistics
import time
from datetime import date

from analysis.brief.build import build_brief, prepare
from analysis.brief.docx_render import render_docx
from analysis.brief.pdf_render import render_pdf
from analysis.data.tables import load_factbase
from analysis.models import targets, trade
from analysis.views import profile, summaries

BUDGET_S = 3.0


def richest_region(fb) -> str:
    """The Russian region with the most rows on record (trade figures + meetings + goods mentions)."""
    counts = (
        fb.trade_facts.region_iso.value_counts()
        .add(fb.meetings.region_iso.value_counts(), fill_value=0)
        .add(fb.product_mentions.region_iso.value_counts(), fill_value=0)
    )
    return counts.drop("RU", errors="ignore").idxmax()


def timed(fn, n: int, clock=time.perf_counter) -> list[float]:
    out = []
    for _ in range(n):
        t = clock()
        fn()
        out.append(clock() - t)
    return out


def main(n: int = 5) -> None:
    fb = load_factbase()
    iso = richest_region(fb)
    day = date.today()

    def page_calls() -> None:  # what the Regions page computes for one profile (the baseline)
        best = trade.best_annual_figures(fb.trade_facts)
        summaries.region_summary(fb, best, iso)
        profile.meeting_timeline(fb, iso, (2015, 2025))
        profile.goods_traded(fb, iso)
        targets.target_progress(fb.meetings[fb.meetings.region_iso == iso], best)

    def cold() -> None:
        brief = build_brief(fb, iso, today=day)
        render_docx(brief), render_pdf(brief)

    inputs = prepare(fb)
    stages = {"build": [], "docx": [], "pdf": []}

    def warm() -> None:
        t0 = time.perf_counter()
        brief = build_brief(fb, iso, today=day, inputs=inputs)
        t1 = time.perf_counter()
        render_docx(brief)
        t2 = time.perf_counter()
        render_pdf(brief)
        stages["build"].append(t1 - t0)
        stages["docx"].append(t2 - t1)
        stages["pdf"].append(time.perf_counter() - t2)

    warm()  # first use imports matplotlib and loads the fonts
    base = statistics.median(timed(page_calls, n))
    w = statistics.median(timed(warm, n))
    w_cpu = statistics.median(timed(warm, n, time.process_time))  # CPU time: less noisy on a shared machine
    c = statistics.median(timed(cold, max(2, n // 2)))
    c_cpu = statistics.median(timed(cold, 2, time.process_time))
    parts = ", ".join(f"{k} {statistics.median(v):.2f} s" for k, v in stages.items())
    print(
        f"[brief] {iso} (most data): warm {w:.2f} s wall, {w_cpu:.2f} s CPU ({parts}), cold with model fits "
        f"{c:.2f} s wall, {c_cpu:.2f} s CPU; "
        f"baseline Regions-page calls {base:.2f} s; budget {BUDGET_S:.0f} s "
        f"(warm wall {'within' if w <= BUDGET_S else 'OVER'} budget; CPU time shows the cost without other load)"
    )


if __name__ == "__main__":
    main()
