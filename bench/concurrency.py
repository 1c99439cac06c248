"""Concurrency run: 8 browser users changing filters at once on the dashboard, then on the minimal app.

Each user opens the dashboard and, for DURATION seconds, presses a "Statistics side" option (every
fourth action switches to the next page in the sidebar instead). Per app it prints p50/p95 of
press → `script_finished` received (bench/browser_timing.py clock), the count of errors (an exception
box on the page, or no finished run within 60 s), and the server's RSS at start, at its peak and
after 30 s idle once every user has left. The minimal app (one radio, one chart) is the baseline,
run the same way in the same session. Run: .venv/bin/python -m bench.concurrency [SECONDS] [USERS]

Figures (30 Nov 2026, 8 users x 120 s, 2 cores shared with other test runs, load average 7-14, so
chromium's own 8 tabs dominate):
- minimal app: 35 runs, p50 2.6 s, p95 37.2 s, 0 errors; RSS 70 -> peak 79 -> idle 79 MB;
- dashboard: 12 runs (a page switch every fourth action), p50 4.1 s, p95 9.6 s, 3 errors (all three
  a click that waited 60 s for a page still loading; no exception box); RSS 70 -> peak 285 -> idle 274 MB.
Again (30 Nov 2026 16:27, branch br17: packed analyzer state, GLM-only statsmodels import; load average
3-11): minimal app 55 runs, p50 3.0 s, p95 33.6 s, 0 errors, RSS 70 -> 79 -> 79 MB; dashboard 19 runs,
p50 3.3 s, p95 5.3 s, 0 errors, RSS 70 -> peak 314 -> idle 295 MB.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import time

from bench import browser_timing as bt
from bench.browser import CHROMIUM_ARGS, ROOT, p95, rss_mb, start

DURATION = 120
USERS = 8
DASHBOARD_SIDES = ["Russian statistics", "Belarusian statistics", "Best available (Belarusian first)"]
NAV = ["Regions", "Sectors", "Opportunities", "Data & methods", "Overview"]


async def one_user(browser, url: str, sides: list[str], nav: list[str], until: float, out: dict) -> None:
    ctx = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await ctx.new_page()
    page.set_default_timeout(60_000)
    await page.add_init_script(bt.INIT_SCRIPT)
    await page.goto(url)
    await page.get_by_test_id("stApp").wait_for()
    await page.wait_for_function("() => window.__stLog.finished.length > 0", timeout=120_000)
    i = 0
    while time.monotonic() < until:
        await page.evaluate(bt.RESET)
        try:
            if nav and i % 4 == 3:
                await (
                    page.get_by_test_id("stSidebarNav")
                    .get_by_text(nav[(i // 4) % len(nav)], exact=True)
                    .click()
                )
            else:
                await page.get_by_text(sides[i % len(sides)], exact=True).first.click()
            await page.wait_for_function("() => window.__stLog.finished.length > 0", timeout=60_000)
            log = await page.evaluate("() => window.__stLog")
            if log["presses"]:
                out["ms"].append(log["finished"][0] - log["presses"][0])
            if await page.get_by_test_id("stException").count():
                out["errors"] += 1
        except Exception as exc:  # noqa: BLE001 - a timeout or a vanished element is counted, the run goes on
            out["errors"] += 1
            out.setdefault("first_error", f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
        i += 1
        await asyncio.sleep(0.2)
    await ctx.close()


async def load(url: str, pid: int, sides: list[str], nav: list[str], seconds: float, users: int) -> dict:
    from playwright.async_api import async_playwright

    out = {"ms": [], "errors": 0, "rss": [rss_mb(pid)]}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        done = asyncio.Event()

        async def sample() -> None:
            while not done.is_set():
                out["rss"].append(rss_mb(pid))
                await asyncio.sleep(0.5)

        sampler = asyncio.create_task(sample())
        until = time.monotonic() + seconds
        await asyncio.gather(*(one_user(browser, url, sides, nav, until, out) for _ in range(users)))
        done.set()
        await sampler
        await browser.close()
    await asyncio.sleep(30)
    out["idle"] = rss_mb(pid)
    return out


def report(name: str, r: dict) -> None:
    ms = r["ms"] or [float("nan")]
    print(f"[concurrency] {name}: {len(r['ms'])} runs, p50 {statistics.median(ms):.0f} ms, p95 {p95(ms):.0f} ms, "
          f"errors {r['errors']}; RSS start {r['rss'][0]:.0f} MB, peak {max(r['rss']):.0f} MB, "
          f"after 30 s idle {r['idle']:.0f} MB" + (f"; first error: {r['first_error']}" if "first_error" in r else ""))  # fmt: skip


def main() -> None:
    if not shutil.which("chromium"):
        print("[concurrency] skipped: Debian's chromium is not installed (apt-get install chromium)")
        return
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else DURATION
    users = int(sys.argv[2]) if len(sys.argv) > 2 else USERS
    for name, script, sides, nav in (
        ("minimal app (baseline)", ROOT / "bench" / "minimal_app.py", ["RU", "BY"], []),
        ("dashboard", ROOT / "dashboard" / "app.py", DASHBOARD_SIDES, NAV),
    ):
        proc, url = start(script)
        try:
            report(
                f"{name}, {users} users x {seconds:.0f} s",
                asyncio.run(load(url, proc.pid, sides, nav, seconds, users)),
            )
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
