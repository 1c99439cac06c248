"""Server memory after five users each upload a long report to the analyzer and visit every page.

Prints the dashboard server's RSS at start, after the visits, and 30 s after every user has left
(budget: 400 MB after five users visit every page). Run: .venv/bin/python -m bench.memory_uploads
Baseline, same run conditions: /work/main/.venv/bin/python -m bench.memory_uploads /work/main

Figures (30 Nov 2026, before this change): start 70 MB, after the visits 410 MB, 30 s after they left
421 MB; over budget. gc.collect() + glibc malloc_trim(0) after each analysis gave 434 / 434 MB.

What holds it (bench/heap_profile.py reports each session's state, every st.cache_* cache and chart
memo, uploaded and media files, and optionally tracemalloc's top sites; its runs here did not get past
the upload under load, so the sizes below are in-process measurements, with its approx_size, of the
objects the page keeps, plus RSS in a bare interpreter):
- one user who opens every page without uploading takes the server from 70 to 331 MB, and importing the
  modules the pages use already costs ~245 MB in a bare interpreter (pandas/pyarrow 80, scipy.stats 58,
  statsmodels.api 34, streamlit 49); the caches' frames and figures are a few MB. statsmodels.api -> its
  GLM module alone: 98 -> 72 MB (measured after fitting), so the gravity model now imports only that;
- each upload of the 1.9 MB report kept ~17 MB of live objects in the session: the text as str 3.8 MB
  (non-ASCII), its record 9.5 MB of dicts (8,036 figures, 2,008 targets, sector spans), the raw bytes in
  session state 1.9 MB and again in Streamlit's uploaded-file store 1.9 MB (5 users: ~85 MB). The page
  now reads an upload once and keeps its text zlib-packed, no raw bytes, a digest instead of a second
  copy of the text, and the result packed (dashboard/kept.py): well under 1 MB for this repetitive
  report (a real text compresses ~3x less).
- tracemalloc under the server (HEAP_FRAMES>0) made the 1.9 MB analysis too slow to finish on this
  machine at load 15-30 (28 min without a result), and the holders-only run timed out loading a page.

After (same run, main and this branch side by side, 2 cores at load average 14-33 from 7 engineers;
slow waits only): main start 70, after the visits 446, 30 s after they left 449 MB; this branch 70 /
436 / 436 MB. Still over budget: 10-13 MB less, not the ~80 MB the kept objects were. Most likely
(not proven here) what stays is the heap's high-water mark of each 1.9 MB analysis and of its 8,000-row
tables: freed objects whose arenas pymalloc/glibc do not return, so RSS climbs with each analysis on
either branch. Next steps: analyse long reports in a worker process (its memory goes back to the system
when it ends), or page the 8,000-row tables instead of building them whole.
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
