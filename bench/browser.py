"""Browser benchmark: the dashboard against a minimal Streamlit app, same Streamlit, same chromium, same run.

Figures (budgets from the dashboard issue):
- warm first chart: navigation start → first plotly chart drawn, loads of both apps interleaved (≤ 1.5×);
- filter change: press on "Statistics side" or on a "Region" option → first paint after the run it
  started has finished, on every page, p95 against the minimal app's radio-change p95 (≤ 1.5×); also
  press → the run's last message received, the same ratio without the browser's drawing;
- server memory after five sessions have visited every page (≤ 400 MB).
Times come from the page's own clock (see bench/browser_timing.py), not from polling.
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
from collections.abc import Callable
from pathlib import Path

from bench import browser_timing as bt

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["overview", "regions", "sectors", "opportunities", "meeting-analyzer", "data-methods"]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SIDES = ["Russian statistics", "Belarusian statistics"]


def p95(xs: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    return sorted(xs)[max(0, round(0.95 * len(xs)) - 1)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(
    script: Path, launcher: list[str] | None = None, wait_s: float = 60, cwd: Path = ROOT
) -> tuple[subprocess.Popen, str]:
    """Start `streamlit run script` on a free loopback port (flags as in the README) and wait for health.

    `launcher` replaces `python -m streamlit` (bench/heap_profile.py runs the server under tracemalloc).
    """
    port = free_port()
    proc = subprocess.Popen(
        [*(launcher or [sys.executable, "-m", "streamlit"]), "run", str(script), "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(int(wait_s / 0.3)):
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


def page_url(base: str, name: str) -> str:
    return f"{base}/{'' if name == 'overview' else name}"


def open_page(page, url: str, timeout_ms: int = 60_000) -> float:
    """Load `url`; return the first-chart time in ms (or nan for a page without charts) once idle."""
    page.goto(url)
    try:
        ms = bt.first_chart_ms(page, timeout_ms=15_000)
    except Exception:  # noqa: BLE001 - pages without a chart in their default view
        ms = float("nan")
    bt.settle(page, quiet_ms=500, timeout_ms=timeout_ms)
    return ms


def measure(page, action: Callable[[], None], received: list[float] | None = None) -> float:
    """Run one user action that starts a script run; return press → painted in ms.

    With `received`, also append press → `script_finished` received (the update has fully arrived).
    """
    bt.reset(page)
    action()
    arrived, painted = bt.delivered_ms(page)
    if received is not None:
        received.append(arrived)
    bt.settle(page)
    return painted


def click_text(page, label: str) -> Callable[[], None]:
    return lambda: page.get_by_text(label, exact=True).click()


def region_actions(page, name: str = "Republic of Kalmykia") -> list[Callable[[], None]]:
    """Add a region in the sidebar "Region" filter, then remove it again (two filter changes)."""
    box = page.get_by_test_id("stMultiSelect").filter(has_text="Region")

    def add() -> None:
        box.get_by_role("combobox").fill(name.split()[-1])  # the list is virtualised: filter it first
        page.get_by_role("option", name=re.compile(f"^{re.escape(name)}")).first.click()

    def remove() -> None:
        page.keyboard.press("Escape")
        box.get_by_role("button", name=re.compile(f"^Remove {re.escape(name)}")).click()

    return [add, remove]


def bench_first_chart(page, app_url: str, mini_url: str, n: int = 24) -> None:
    for url in (app_url, mini_url):  # warm both servers and the browser cache
        open_page(page, url)
        open_page(page, url)
    app, mini = [], []
    for _ in range(n):
        app.append(open_page(page, app_url))
        mini.append(open_page(page, mini_url))
    ratio = statistics.median(app) / statistics.median(mini)
    print(f"[browser] warm first chart (median of {n}, interleaved): dashboard {statistics.median(app):.0f} ms, "
          f"minimal {statistics.median(mini):.0f} ms, ratio {ratio:.2f} (budget 1.5)")  # fmt: skip


def bench_changes(page, app_url: str, mini_url: str, n: int = 40) -> None:
    open_page(page, mini_url)
    mini_received: list[float] = []
    mini = [measure(page, click_text(page, lbl), mini_received) for lbl in ["RU", "BY"] * (n // 2 + 1)][2:]
    base, base_received = p95(mini), p95(mini_received[2:])
    print(f"[browser] minimal app radio change: painted median {statistics.median(mini):.0f} ms, p95 {base:.0f} ms; "
          f"received p95 {base_received:.0f} ms")  # fmt: skip
    for name in PAGES:
        open_page(page, page_url(app_url, name))
        for what, actions in (
            ("side  ", [click_text(page, s) for s in SIDES]),
            ("region", region_actions(page)),
        ):
            received: list[float] = []
            xs = [measure(page, act, received) for act in actions * (n // 2 + 1)]
            cold, warm, got = xs[:2], xs[2:], received[2:]
            print(f"[browser] {what} change on {name:16s} painted median {statistics.median(warm):4.0f} ms, p95 {p95(warm):4.0f} ms, "
                  f"ratio {p95(warm) / base:.2f} (budget 1.5); received p95 {p95(got):4.0f} ms, ratio {p95(got) / base_received:.2f}; "
                  f"first two painted {[round(x) for x in cold]} ms")  # fmt: skip


def bench_memory(browser, app, app_url: str, mini, sessions: int = 5) -> None:
    for _ in range(sessions):
        ctx = browser.new_context()
        pg = ctx.new_page()
        pg.add_init_script(bt.INIT_SCRIPT)
        for name in PAGES:
            open_page(pg, page_url(app_url, name))
        ctx.close()
    print(f"[browser] dashboard server RSS after {sessions} sessions x {len(PAGES)} pages: {rss_mb(app.pid):.0f} MB "
          f"(minimal app server: {rss_mb(mini.pid):.0f} MB; budget 400 MB)")  # fmt: skip


def main() -> None:
    chromium = shutil.which("chromium")
    if not chromium:
        print("[browser] skipped: Debian's chromium is not installed (apt-get install chromium)")
        return
    from playwright.sync_api import sync_playwright

    app, app_url = start(ROOT / "dashboard" / "app.py")
    mini, mini_url = start(ROOT / "bench" / "minimal_app.py")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.add_init_script(bt.INIT_SCRIPT)
            bench_first_chart(page, app_url, mini_url)
            bench_changes(page, app_url, mini_url)
            bench_memory(browser, app, app_url, mini)
            browser.close()
    finally:
        for proc in (app, mini):
            proc.terminate()


if __name__ == "__main__":
    main()
