"""Benchmarks that print figures next to a baseline measured in the same run (not asserted in tests).

1. Fact base load + validation vs a plain pandas read of the same CSVs.
2. Meeting analyzer on a 5,000-word report vs a bare regex word count over the same text.
3. Script run time per page (AppTest), p50/p95 over repeated reruns.
4. Browser: warm first-chart time and filter-change time, dashboard vs a minimal Streamlit app,
   and the dashboard server's memory after five sessions have visited every page.
Run: make bench   (part 4 needs Debian's chromium; it is skipped with a note when absent)
"""

from __future__ import annotations

import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["overview", "regions", "sectors", "opportunities", "meeting-analyzer", "data-methods"]
PAGE_FILES = ["overview", "regions", "sectors", "opportunities", "meeting_analyzer", "data_methods"]


def timed(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, int(round(0.95 * len(xs))) - 1)]


def bench_data() -> None:
    from analysis.data import load_factbase

    files = sorted((ROOT / "datasets").glob("*.csv"))
    base = timed(lambda: [pd.read_csv(f) for f in files], 5)
    ours = timed(load_factbase, 5)
    print(f"[data] load+validate all tables: median {statistics.median(ours) * 1000:.0f} ms "
          f"(baseline pandas read only: {statistics.median(base) * 1000:.0f} ms; ratio {statistics.median(ours) / statistics.median(base):.1f}x)")  # fmt: skip


def bench_extract() -> None:
    from analysis.extract import analyze_text, default_analyzer

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


def bench_script_runs() -> None:
    from streamlit.testing.v1 import AppTest

    for name in PAGE_FILES:
        at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
        at.run()
        at.switch_page(f"pages/{name}.py")
        at.run()
        runs = timed(at.run, 12)
        print(
            f"[script] {name:17s} rerun p50 {statistics.median(runs) * 1000:6.0f} ms, p95 {p95(runs) * 1000:6.0f} ms (budget 100 ms)"
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(script: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"{script} did not start")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def first_chart(page, url: str) -> float:
    t = time.perf_counter()
    page.goto(url)
    page.locator(".js-plotly-plot").first.wait_for(state="visible", timeout=120_000)
    return time.perf_counter() - t


def idle(page) -> None:
    page.wait_for_timeout(150)
    page.get_by_test_id("stStatusWidget").wait_for(state="detached", timeout=120_000)


def radio_change(page, label: str) -> float:
    t = time.perf_counter()
    page.get_by_text(label, exact=True).click()
    idle(page)
    page.locator(".js-plotly-plot").first.wait_for(state="visible", timeout=120_000)
    return time.perf_counter() - t


def bench_browser() -> None:
    chromium = shutil.which("chromium")
    if not chromium:
        print("[browser] skipped: Debian's chromium is not installed")
        return
    from playwright.sync_api import sync_playwright

    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
    ]
    app, app_url = start(ROOT / "dashboard" / "app.py")
    mini, mini_url = start(ROOT / "bench" / "minimal_app.py")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=args)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            first_chart(page, app_url), first_chart(page, mini_url)  # warm both servers
            app_load = [first_chart(page, app_url) for _ in range(5)]
            mini_load = [first_chart(page, mini_url) for _ in range(5)]
            print(f"[browser] warm first chart: dashboard {statistics.median(app_load):.2f} s, minimal {statistics.median(mini_load):.2f} s, "
                  f"ratio {statistics.median(app_load) / statistics.median(mini_load):.2f} (budget 1.5)")  # fmt: skip
            page.goto(mini_url)
            idle(page)
            mini_cold = [radio_change(page, lbl) for lbl in ["RU", "BY"]]
            mini_change = [radio_change(page, lbl) for lbl in ["RU", "BY"] * 4]
            base_p95 = p95(mini_change)
            print(
                f"[browser] minimal app radio change: first two {[round(x, 2) for x in mini_cold]} s, warm p95 {base_p95:.2f} s"
            )
            for name in PAGES:
                page.goto(f"{app_url}/{'' if name == 'overview' else name}")
                idle(page)
                if name in ("meeting-analyzer", "data-methods"):
                    page.wait_for_timeout(300)
                changes = []
                for lbl in ["Russian statistics", "Belarusian statistics"] * 4:
                    t = time.perf_counter()
                    page.get_by_text(lbl, exact=True).click()
                    idle(page)
                    changes.append(time.perf_counter() - t)
                cold, warm = changes[:2], changes[2:]
                print(f"[browser] side change on {name:16s} warm p95 {p95(warm):.2f} s vs minimal p95 {base_p95:.2f} s "
                      f"(ratio {p95(warm) / base_p95:.2f}, budget 1.5); first two changes {[round(x, 2) for x in cold]} s")  # fmt: skip
            for _ in range(5):
                ctx = browser.new_context()
                pg = ctx.new_page()
                for name in PAGES:
                    pg.goto(f"{app_url}/{'' if name == 'overview' else name}")
                    idle(pg)
                ctx.close()
            print(
                f"[browser] dashboard server RSS after 5 sessions x 6 pages: {rss_mb(app.pid):.0f} MB "
                f"(minimal app server: {rss_mb(mini.pid):.0f} MB; budget 400 MB)"
            )
            browser.close()
    finally:
        for proc in (app, mini):
            proc.terminate()


def main() -> None:
    sys.path.insert(0, str(ROOT))
    bench_data()
    bench_extract()
    bench_script_runs()
    bench_browser()


if __name__ == "__main__":
    main()
