"""Benchmarks that print figures next to a baseline measured in the same run (not asserted in tests).

1. Fact base load + validation vs a plain pandas read of the same CSVs.
2. Meeting analyzer on a 5,000-word report vs a bare regex word count over the same text, and its
   quality on the labelled reports (bench/analyzer_eval.py: figure recall/precision, targets, region, sectors).
3. Script run time per page (AppTest), p50/p95 over repeated reruns.
4. Meeting brief (bench/brief.py): build time for the region with the most data, budget 3 s.
5. Store (bench/store.py): save of a typical record, revision check, fact base at 10× today's rows.
6. Browser (bench/browser.py): warm first chart and filter changes, dashboard vs a minimal Streamlit
   app, and the dashboard server's memory after five sessions have visited every page.
Run: make bench   (part 5 needs Debian's chromium; it is skipped with a note when absent)
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

from bench import brief, browser, store
from bench.browser import p95

ROOT = Path(__file__).resolve().parent.parent
PAGE_FILES = ["overview", "regions", "sectors", "opportunities", "meeting_analyzer", "data_methods"]


def timed(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def bench_data() -> None:
    from analysis.data.tables import load_factbase

    files = sorted((ROOT / "datasets").glob("*.csv"))
    base = timed(lambda: [pd.read_csv(f) for f in files], 5)
    ours = timed(load_factbase, 5)
    print(f"[data] load+validate all tables: median {statistics.median(ours) * 1000:.0f} ms "
          f"(baseline pandas read only: {statistics.median(base) * 1000:.0f} ms; ratio {statistics.median(ours) / statistics.median(base):.1f}x)")  # fmt: skip


def bench_extract() -> None:
    from analysis.analyzer.record import analyze_text, default_analyzer

    texts = sorted((ROOT / "tests" / "texts").glob("*.txt"))
    corpus = " ".join(t.read_text(encoding="utf-8") for t in texts)
    words = corpus.split()
    report = " ".join((words * (5000 // len(words) + 1))[:5000])
    default_analyzer()
    analyze_text(report)
    ours = timed(lambda: analyze_text(report), 10)
    base = timed(lambda: len(re.findall(r"\w+", report)), 10)
    print(f"[extract] 5,000-word report: median {statistics.median(ours) * 1000:.1f} ms, p95 {p95(ours) * 1000:.1f} ms "
          f"(baseline regex word count {statistics.median(base) * 1000:.2f} ms); budget 50 ms")  # fmt: skip


def bench_analyzer_quality() -> None:
    from bench import analyzer_eval

    analyzer_eval.main([])


def bench_script_runs() -> None:
    from streamlit.testing.v1 import AppTest

    for name in PAGE_FILES:
        at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
        at.run()
        at.switch_page(f"screens/{name}.py")
        at.run()
        runs = timed(at.run, 12)
        print(
            f"[script] {name:17s} rerun p50 {statistics.median(runs) * 1000:6.0f} ms, p95 {p95(runs) * 1000:6.0f} ms (budget 100 ms)"
        )


def main() -> None:
    sys.path.insert(0, str(ROOT))
    bench_data()
    bench_extract()
    bench_analyzer_quality()
    bench_script_runs()
    brief.main()
    store.main()
    browser.main()


if __name__ == "__main__":
    main()
