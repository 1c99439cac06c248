"""Server memory after five users each upload a long report to the analyzer and visit every page.

Prints the dashboard server's RSS at start, after the visits, and 30 s after every user has left
(budget: 400 MB after five users visit every page). Run: .venv/bin/python -m bench.memory_uploads
Baseline, same run conditions: /work/main/.venv/bin/python -m bench.memory_uploads /work/main

Figures (30 Nov 2026): start 70 MB, after the visits 410 MB, 30 s after they left 421 MB; over budget.
A second run with gc.collect() + glibc malloc_trim(0) after each analysis gave 434 / 434 MB, so the
memory is held by live objects (caches or Streamlit's per-session stores), not by a fragmented heap.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench import browser_timing as bt
from bench.browser import CHROMIUM_ARGS, PAGES, ROOT, open_page, page_url, rss_mb, start

REPORT_CHARS = 1_900_000


def long_report() -> Path:
    """A 1.9 MB English report (tests/texts/en_kaluga_visit.txt repeated) in a temporary folder."""
    base = (ROOT / "tests" / "texts" / "en_kaluga_visit.txt").read_text(encoding="utf-8")
    report = Path(tempfile.mkdtemp()) / "long-report.txt"
    report.write_text(((base + "\n") * (REPORT_CHARS // len(base)))[:REPORT_CHARS], encoding="utf-8")
    return report


def upload_and_visit(url: str, report: Path, sessions: int = 5, slow: int = 1) -> None:
    """`sessions` browser users, one after another: upload `report` on the analyzer, wait for the
    result, then open every page; each user's browser context is closed before the next starts.
    `slow` multiplies every wait (a server under tracemalloc is several times slower)."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        for _ in range(sessions):
            ctx = browser.new_context()
            page = ctx.new_page()
            page.set_default_timeout(120_000 * slow)
            page.add_init_script(bt.INIT_SCRIPT)
            open_page(page, page_url(url, "meeting-analyzer"), 60_000 * slow)
            page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(report))
            expect(page.get_by_text("Trade figures", exact=True)).to_be_visible(timeout=300_000 * slow)
            for name in PAGES:
                open_page(page, page_url(url, name), 60_000 * slow)
            ctx.close()
        browser.close()


def main(sessions: int = 5, checkout: Path = ROOT) -> None:
    """`checkout`: another checkout's app (run with that checkout's venv python) for a baseline."""
    if not shutil.which("chromium"):
        print("[memory] skipped: Debian's chromium is not installed (apt-get install chromium)")
        return
    report = long_report()
    app, url = start(checkout / "dashboard" / "app.py", wait_s=300, cwd=checkout)
    try:
        start_mb = rss_mb(app.pid)
        upload_and_visit(url, report, sessions, slow=3)  # patient waits on a loaded machine; no effect on RSS
        visited = rss_mb(app.pid)
        time.sleep(30)
        print(f"[memory] {sessions} users x (1.9 MB upload + every page): RSS start {start_mb:.0f} MB, "
              f"after the visits {visited:.0f} MB, 30 s after they left {rss_mb(app.pid):.0f} MB (budget 400 MB)")  # fmt: skip
    finally:
        app.terminate()


if __name__ == "__main__":
    main(5, Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT)
