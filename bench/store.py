"""Store benchmarks (SQLite in a temporary folder), each next to a baseline measured in the same run.

1. Save of a typical record (1 meeting, 3 figures, 5 goods, 2 follow-ups), validated, one transaction,
   vs the same rows inserted raw with sqlite3 in one transaction. Budget 200 ms.
2. Revision check (once per rerun) vs `SELECT 1` on the same engine. Budget 2 ms.
3. Fact base from the store vs from the CSVs, at today's size and at 10× (synthetic copies of the curated
   rows with shifted keys and values: ~3,400 facts, 2,000 meetings, 7,200 goods), and a fresh process's
   open + first fact base at 10×. Budget 5 s.
4. Script-run p50/p95 per page (AppTest reruns) on the 10× store, wall and process CPU time. Budget 100 ms.
Run: .venv/bin/python -m bench.store
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from analysis.data import records
from analysis.data.store import FACT_TABLES, Store, now_utc
from analysis.data.tables import load_factbase
from bench.browser import p95

SOURCE = "https://example.org/bench"


def timed(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def typical_record(n: int) -> tuple[dict, list[dict]]:
    date = "2026-03-10"
    facts = [
        {"fact_id": f"RU-TUL:2026-Q1:{flow}:RU:b{n}", "region_iso": "RU-TUL", "period": "2026-Q1",
         "period_start": "2026-01-01", "period_end": "2026-03-31", "flow": flow, "value": str(v + n),
         "unit": "million", "currency": "USD", "value_musd": str(v + n), "qualifier": "exact", "side": "RU",
         "status": "reported", "coverage": "goods", "period_inferred": "False", "source_url": SOURCE,
         "published": date, "published_basis": "page"}
        for flow, v in (("turnover", 100_000), ("by_exports", 60_000), ("by_imports", 30_000))
    ]  # fmt: skip
    goods = [
        {"region_iso": "RU-TUL", "period": "2026", "direction": "by_exports", "product": f"bench good {n}-{i}",
         "hs_chapter": "87", "sector_id": "agri_machinery", "source_url": SOURCE, "published": date,
         "published_basis": "page"}
        for i in range(5)
    ]  # fmt: skip
    meeting = {"meeting_id": f"RU-TUL:{date}:b{n}", "date": date, "date_basis": "page", "region_iso": "RU-TUL",
               "level": "other", "by_side": "Bench", "sectors": "agri_food", "source_url": SOURCE}  # fmt: skip
    follow = [
        {"region_iso": "RU-TUL", "kind": "flight", "text": f"bench item {n} {i}", "meeting_id": meeting["meeting_id"],
         "last_mentioned": date, "source_url": SOURCE}
        for i in range(2)
    ]  # fmt: skip
    return {"meetings": [meeting], "trade_facts": facts, "product_mentions": goods}, follow


def bench_save_and_revision(store: Store, path: Path) -> None:
    counter = iter(range(1, 10_000))

    def save() -> None:
        rows, follow = typical_record(next(counter))
        records.save_rows(store, rows, added_by="bench", followups=follow)

    save()
    ours = timed(save, 20)
    raw = sqlite3.connect(path, isolation_level=None)
    cols = {name: [r[1] for r in raw.execute(f"PRAGMA table_info({name})")] for name in FACT_TABLES}

    def raw_insert() -> None:
        rows, _ = typical_record(next(counter))
        raw.execute("BEGIN IMMEDIATE")
        for name, new in rows.items():
            for r in new:
                vals = r | {"origin": "user", "added_by": "bench", "added_at": now_utc()}
                keys = [c for c in cols[name] if c in vals]
                raw.execute(f"INSERT INTO {name} ({','.join(keys)}) VALUES ({','.join('?' * len(keys))})",
                            [vals[k] for k in keys])  # fmt: skip
        raw.execute("COMMIT")

    base = timed(raw_insert, 20)
    raw.close()
    print(f"[store] save of a typical record: p50 {statistics.median(ours) * 1000:.0f} ms, p95 {p95(ours) * 1000:.0f} ms "
          f"(baseline raw insert without validation: p50 {statistics.median(base) * 1000:.1f} ms); budget 200 ms")  # fmt: skip
    ours = timed(store.revision, 500)
    with store.engine.connect() as conn:
        base = timed(lambda: conn.exec_driver_sql("SELECT 1").scalar(), 500)
    print(f"[store] revision check: p50 {statistics.median(ours) * 1000:.2f} ms, p95 {p95(ours) * 1000:.2f} ms "
          f"(baseline SELECT 1 on an open connection: {statistics.median(base) * 1000:.3f} ms); budget 2 ms")  # fmt: skip


def _text(x: float) -> str | None:
    """A number as the store keeps it (text), None for an empty cell."""
    return None if pd.isna(x) else repr(float(x))


def grow_tenfold(store: Store) -> None:
    """Nine shifted copies of every curated fact, meeting and goods row, written straight as user rows."""
    frames = store.frames(FACT_TABLES[:3])
    stamp = now_utc()
    with store.write() as conn:
        for k in range(1, 10):
            for name, df in frames.items():
                df = df[df.origin == "curated"].drop(columns=["row_id", "deleted_at", "save_id", "version"])
                df = df.assign(origin="user", added_by="bench", added_at=stamp)
                if name == "trade_facts":
                    factor = 1 + k * 1e-4
                    value = pd.to_numeric(df.value, errors="coerce") * factor  # empty cells stay empty
                    musd = pd.to_numeric(df.value_musd, errors="coerce") * factor
                    df = df.assign(
                        fact_id=df.fact_id + f":x{k}", value=value.map(_text), value_musd=musd.map(_text)
                    )
                elif name == "meetings":
                    df = df.assign(meeting_id=df.meeting_id + f":x{k}")
                else:
                    df = df.assign(product=df["product"] + f" #{k}")
                conn.execute(
                    sa.insert(store.table(name)), df.astype(object).where(df.notna(), None).to_dict("records")
                )


def bench_factbase(store: Store, url: str) -> None:
    csv = timed(load_factbase, 3)
    ours = timed(store.factbase, 3)
    print(f"[store] fact base from the store: median {statistics.median(ours) * 1000:.0f} ms "
          f"(baseline from the CSVs: {statistics.median(csv) * 1000:.0f} ms)")  # fmt: skip
    grow_tenfold(store)
    fb = store.factbase()
    ours = timed(store.factbase, 3)
    print(f"[store] 10× store ({len(fb.trade_facts):,} facts, {len(fb.meetings):,} meetings, "
          f"{len(fb.product_mentions):,} goods): fact base median {statistics.median(ours) * 1000:.0f} ms")  # fmt: skip

    def fresh() -> None:
        s = Store.open(url)
        s.factbase()
        s.close()

    ours = timed(fresh, 2)
    print(
        f"[store] 10× store, open + migrate check + first fact base: median {statistics.median(ours):.2f} s (budget 5 s)"
    )


def bench_script_runs_tenfold(home: Path) -> None:
    """AppTest reruns of every page with the dashboard's store at BYRU_DATA_HOME=home (already 10×)."""
    import os

    from streamlit.testing.v1 import AppTest

    root = Path(__file__).resolve().parent.parent
    os.environ["BYRU_DATA_HOME"] = str(home)
    os.environ.pop("BYRU_DATABASE_URL", None)
    for name in (
        "overview",
        "regions",
        "sectors",
        "opportunities",
        "meeting_analyzer",
        "records",
        "data_methods",
    ):
        at = AppTest.from_file(str(root / "dashboard" / "app.py"), default_timeout=300)
        at.run()
        at.switch_page(f"screens/{name}.py")
        at.run()
        runs, cpu = [], []  # wall time, and the process's CPU time (less swayed by other load on the machine)
        for _ in range(12):
            t, c = time.perf_counter(), time.process_time()
            at.run()
            runs.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        print(f"[store 10×] {name:17s} rerun p50 {statistics.median(runs) * 1000:6.0f} ms, "
              f"p95 {p95(runs) * 1000:6.0f} ms (budget 100 ms); CPU p50 {statistics.median(cpu) * 1000:4.0f} ms, "
              f"p95 {p95(cpu) * 1000:4.0f} ms")  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "byru.sqlite"
        url = f"sqlite:///{path}"
        t = time.perf_counter()
        store = Store.open(url)
        print(f"[store] first start (migrate + seed from datasets/): {time.perf_counter() - t:.2f} s")
        bench_save_and_revision(store, path)
        bench_factbase(store, url)
        store.close()
        bench_script_runs_tenfold(Path(tmp))


if __name__ == "__main__":
    main()
