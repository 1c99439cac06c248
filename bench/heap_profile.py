"""Heap profile of the running dashboard server after the memory bench's users (bench/memory_uploads.py).

A first user opens every page (the caches all users share are built), then the server starts
`tracemalloc` and the bench's users upload and visit. After they have left, SIGUSR1 makes the server
collect garbage and write a report: RSS, what each live session's state holds, the entries of every
st.cache_* cache and chart memo, uploaded and media files, then the top allocation sites since tracing
began (one line, and whole call stacks). Tracing slows the server and adds its own bookkeeping to RSS,
so read sizes from the report. `serve` mode wraps `streamlit run` (SIGUSR2 starts tracing).
Run: .venv/bin/python -m bench.heap_profile [USERS [CHECKOUT]]   (default 1 user, this checkout;
HEAP_FRAMES=12 for call stacks, 0 for the holders only). Another checkout: run with its venv's python from this folder.
"""

from __future__ import annotations

import gc
import os
import shutil
import signal
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

FRAMES = int(os.environ.get("HEAP_FRAMES", "1"))  # more frames: whole call stacks, several times slower
MB = 1024 * 1024


def approx_size(obj: object, seen: set[int] | None = None, depth: int = 0) -> int:
    """Bytes held by `obj` and the containers, frames and plain objects it holds (each object once)."""
    seen = set() if seen is None else seen
    if id(obj) in seen or depth > 40 or isinstance(obj, type | type(sys)) or callable(obj):
        return 0
    seen.add(id(obj))
    try:
        import pandas as pd

        if isinstance(obj, pd.DataFrame | pd.Series | pd.Index):
            return int(
                obj.memory_usage(deep=True).sum() if hasattr(obj, "columns") else obj.memory_usage(deep=True)
            )
    except Exception:  # noqa: BLE001 - a size estimate, never an error
        pass
    size = sys.getsizeof(obj, 0)
    if isinstance(obj, str | bytes | bytearray | int | float | bool | type(None)):
        return size
    if isinstance(obj, dict):
        items = [*obj.keys(), *obj.values()]
    elif isinstance(obj, list | tuple | set | frozenset):
        items = list(obj)
    else:
        items = list(getattr(obj, "__dict__", {}).values())
        items += [getattr(obj, s, None) for s in getattr(type(obj), "__slots__", ())]
    return size + sum(approx_size(x, seen, depth + 1) for x in items)


def _holders() -> list[str]:
    from streamlit.runtime import Runtime
    from streamlit.runtime.caching import cache_data_api, cache_resource_api

    rt = Runtime.instance()
    out = ["## Sessions (state keys over 100 kB)"]
    for info in rt._session_mgr.list_sessions():
        state = info.session.session_state
        keys = state.filtered_state if hasattr(state, "filtered_state") else {}
        sizes = {k: approx_size(v) for k, v in dict(keys).items()}
        raw = approx_size([state._old_state, state._new_session_state, state._new_widget_state])
        out.append(f"session {info.session.id[:8]} active={info.is_active}: state {raw / MB:.1f} MB")
        out += [
            f"    {k}: {s / MB:.2f} MB"
            for k, s in sorted(sizes.items(), key=lambda kv: -kv[1])
            if s > 100_000
        ]
    out.append("## st.cache_* caches (over 100 kB)")
    for kind, caches in (
        ("resource", cache_resource_api._resource_caches),
        ("data", cache_data_api._data_caches),
    ):
        for per_page in caches._function_caches.values():
            for cache in per_page.values():
                mem = getattr(cache, "_mem_cache", None) or getattr(
                    getattr(cache, "storage", None), "_mem_cache", {}
                )
                size = approx_size(dict(mem))
                if size > 100_000:
                    out.append(f"  {kind} {cache.display_name}: {len(mem)} entries, {size / MB:.1f} MB")
    for name, module in list(sys.modules.items()):
        if name.startswith("dashboard."):
            for attr, fn in vars(module).items():
                if hasattr(fn, "memo"):
                    out.append(
                        f"  memo {name}.{attr}: {len(fn.memo)} entries, {approx_size(fn.memo) / MB:.1f} MB"
                    )
    files = rt.uploaded_file_mgr.file_storage
    out.append(f"## Uploaded files: {sum(len(v) for v in files.values())} in {len(files)} sessions, "
               f"{sum(len(r.data) for v in files.values() for r in v.values()) / MB:.1f} MB")  # fmt: skip
    media = rt.media_file_mgr._storage._files_by_id
    out.append(f"## Media files: {len(media)}, {sum(len(m.content) for m in media.values()) / MB:.1f} MB")
    return out


def _report(out_path: str) -> None:
    gc.collect()
    lines = [f"RSS {Path('/proc/self/status').read_text().split('VmRSS:')[1].split()[0]} kB"]
    try:
        lines += _holders()
    except Exception as exc:  # noqa: BLE001 - the allocation sites below are still worth writing
        lines.append(f"(holders not listed: {type(exc).__name__}: {exc})")
    if not tracemalloc.is_tracing():
        Path(out_path).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    snap = tracemalloc.take_snapshot().filter_traces(
        [
            tracemalloc.Filter(False, "<frozen importlib._bootstrap*>"),
            tracemalloc.Filter(False, tracemalloc.__file__),
        ]
    )
    total = sum(s.size for s in snap.statistics("filename"))
    lines.append(f"## Traced by tracemalloc: {total / MB:.1f} MB; top sites (line)")
    lines += [
        f"{s.size / MB:8.2f} MB {s.count:8d} blocks  {s.traceback[0]}" for s in snap.statistics("lineno")[:40]
    ]
    lines.append("## Top call stacks")
    for s in snap.statistics("traceback")[:25]:
        lines.append(f"{s.size / MB:8.2f} MB {s.count:8d} blocks")
        lines += ["      " + line for line in s.traceback.format(limit=FRAMES, most_recent_first=True)]
    Path(out_path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def serve(out_path: str, streamlit_args: list[str]) -> None:
    """`streamlit run …`; SIGUSR2 starts tracemalloc, SIGUSR1 writes the report to `out_path`."""
    signal.signal(signal.SIGUSR2, lambda *_: FRAMES and tracemalloc.start(FRAMES))  # 0: holders only
    signal.signal(signal.SIGUSR1, lambda *_: _report(out_path))
    from streamlit.web import cli

    sys.argv = ["streamlit", *streamlit_args]
    cli.main()


def warm_up(url: str) -> None:
    """One user opens every page (no upload): the page caches every user shares are built before tracing."""
    from playwright.sync_api import sync_playwright

    from bench import browser_timing as bt
    from bench.browser import CHROMIUM_ARGS, PAGES, open_page, page_url

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.add_init_script(bt.INIT_SCRIPT)
        for name in PAGES:
            open_page(page, page_url(url, name), 600_000)
        browser.close()


def main(sessions: int = 1, checkout: Path | None = None) -> None:
    """Profile this checkout's app, or `checkout`'s (run with that checkout's venv python)."""
    from bench.browser import ROOT, rss_mb, start
    from bench.memory_uploads import long_report, upload_and_visit

    checkout = checkout or ROOT
    folder = Path(tempfile.mkdtemp())
    out, server = folder / "heap.txt", folder / "heap_serve.py"
    shutil.copy(__file__, server)  # run by path from a folder of its own: imports stay the checkout's
    app, url = start(
        checkout / "dashboard" / "app.py", [sys.executable, str(server), "serve", str(out)], 600, checkout
    )
    try:
        print(f"[heap] server RSS at start {rss_mb(app.pid):.0f} MB")
        warm_up(url)
        print(f"[heap] after one user without an upload visited every page: RSS {rss_mb(app.pid):.0f} MB")
        os.kill(app.pid, signal.SIGUSR2)
        upload_and_visit(url, long_report(), sessions, slow=10)
        print(f"[heap] after {sessions} users: RSS {rss_mb(app.pid):.0f} MB")
        os.kill(app.pid, signal.SIGUSR1)
        for _ in range(600):
            if out.exists() and out.stat().st_size:
                break
            time.sleep(1)
        time.sleep(2)
        print(out.read_text(encoding="utf-8"))
        print(f"[heap] report written to {out}")
    finally:
        app.terminate()


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve(sys.argv[2], sys.argv[3:])
    else:
        main(
            int(sys.argv[1]) if len(sys.argv) > 1 else 1,
            Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else None,
        )
