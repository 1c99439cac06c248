"""The store: curated and user-added rows in one SQL database, with provenance and a revision counter.

Embedded default: a SQLite file (WAL mode) at BYRU_DATA_HOME/byru.sqlite (default `var/` in the checkout).
For a team: BYRU_DATABASE_URL=postgresql+psycopg://user@host/db runs the same code on PostgreSQL.
The schema is kept by Alembic migrations (`analysis/data/migrations/`), run by `Store.open()`.
Curated rows (origin 'curated') are reloaded from `datasets/*.csv` whenever a file's bytes change; user
rows (origin 'user') are never touched by that reload. Values are kept as the CSV text, so the same
validation and typing as the CSV loader (`tables`, `validation`) apply to both.
Writes go through `records` (one transaction per save, validated first).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from analysis.data.schema import TABLES
from analysis.data.tables import LOAD_ORDER, FactBase, cast, data_dir, load_factbase, read_raw
from analysis.data.validation import DataValidationError, validate_table

ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DB_FILE = "byru.sqlite"
# Tables a user may add rows to (the curated schema), and the follow-up register.
FACT_TABLES = ("meetings", "trade_facts", "product_mentions", "sector_facts")
PROVENANCE = ("row_id", "origin", "added_by", "added_at", "report_id", "save_id", "version", "deleted_at")
SHOWN_PROVENANCE = ("origin", "added_by", "added_at", "row_id")
FOLLOWUP_STATUSES = ("proposed", "agreed", "in progress", "done", "dropped")


def data_home() -> Path:
    """Folder of the embedded store (BYRU_DATA_HOME, default `var/` in the checkout)."""
    return Path(os.environ.get("BYRU_DATA_HOME") or ROOT / "var")


def database_url() -> str:
    """BYRU_DATABASE_URL when set (a team's PostgreSQL), else the SQLite file under data_home()."""
    return os.environ.get("BYRU_DATABASE_URL") or f"sqlite:///{data_home() / DB_FILE}"


def now_utc() -> str:
    """The current time as an ISO string in UTC, to the second (how every row's added_at is written)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def report_hash(text: str) -> str:
    """The report_id of a report: SHA-256 of its text with surrounding whitespace removed (hex)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def key_columns(table: str) -> tuple[str, ...]:
    """Columns that identify one row of a curated table: its key, else its duplicate-fact columns."""
    t = TABLES[table]
    return t.key or t.dedupe


class ConflictError(RuntimeError):
    """Someone else changed the same record since it was read; nothing was written."""


class StoreError(RuntimeError):
    """The store cannot be used as asked (unknown row, wrong origin, missing reason); nothing was written."""


def make_engine(url: str) -> sa.Engine:
    """An engine for the URL; SQLite gets WAL, a busy timeout, full sync and explicit BEGIN modes."""
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    path = sa.engine.make_url(url).database
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):  # pragma: no cover - called by the pool
        dbapi_conn.isolation_level = None  # transactions are begun below, not by the driver
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn):  # pragma: no cover - called by SQLAlchemy
        conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get('sqlite_begin', 'DEFERRED')}")

    return engine


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_version() -> str:
    """The newest schema version the code knows."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@dataclass
class SyncReport:
    """What a curated reload did: tables reloaded, and user rows that now share a key with a curated row."""

    reloaded: list[str] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)


class Store:
    """One database holding every table; open with `Store.open()` (migrates and syncs curated rows)."""

    def __init__(self, engine: sa.Engine, url: str):
        self.engine = engine
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else engine
        self.meta = sa.MetaData()

    @classmethod
    def open(
        cls, url: str | None = None, csv_dir: Path | None = None, upgrade: bool = True, sync: bool = True
    ) -> Store:
        """Connect, bring the schema to the newest version and reload curated rows whose CSV changed.

        Raises DataValidationError (naming file, row, column) when a changed CSV is invalid.
        """
        url = url or database_url()
        store = cls(make_engine(url), url)
        if upgrade:
            store.upgrade()
        store.reflect()
        if sync:
            store.sync_curated(csv_dir or data_dir())
        return store

    def close(self) -> None:
        self.engine.dispose()

    # --- schema ---------------------------------------------------------------------------------------
    def upgrade(self, target: str = "head") -> None:
        """Run the Alembic migrations up to `target` in one transaction (serialised between processes)."""
        cfg = alembic_config()
        with self._writer.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
        self.meta = sa.MetaData()

    def schema_version(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def reflect(self) -> None:
        self.meta = sa.MetaData()
        self.meta.reflect(bind=self.engine)

    def table(self, name: str) -> sa.Table:
        if name not in self.meta.tables:
            self.reflect()
        return self.meta.tables[name]

    # --- revision -------------------------------------------------------------------------------------
    def revision(self) -> int:
        """A number that grows with every write; a cheap query to tell whether cached data is stale."""
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT revision FROM store_revision WHERE id = 1").scalar_one())

    @contextmanager
    def write(self) -> Iterator[sa.Connection]:
        """One write transaction that raises the revision first, so writers queue one behind the other.

        SQLite: BEGIN IMMEDIATE takes the write lock; PostgreSQL: the revision row's lock does. Checks made
        inside the block therefore see every save committed before it. Rolled back on any error.
        """
        with self._writer.begin() as conn:
            conn.execute(sa.text("UPDATE store_revision SET revision = revision + 1 WHERE id = 1"))
            yield conn

    # --- meta -----------------------------------------------------------------------------------------
    def get_meta(self, conn: sa.Connection, key: str) -> str | None:
        meta = self.table("meta")
        return conn.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar_one_or_none()

    def set_meta(self, conn: sa.Connection, key: str, value: str) -> None:
        meta = self.table("meta")
        if conn.execute(sa.update(meta).where(meta.c.key == key).values(value=value)).rowcount == 0:
            conn.execute(sa.insert(meta).values(key=key, value=value))

    # --- curated rows ---------------------------------------------------------------------------------
    def sync_curated(self, folder: Path) -> SyncReport:
        """Reload the curated rows of every table whose CSV changed since the last load (user rows stay)."""
        folder = Path(folder)
        prints = csv_fingerprints(folder)
        with self.engine.connect() as conn:
            stale = [t for t in LOAD_ORDER if self.get_meta(conn, f"csv:{t}") != prints.get(t)]
        report = SyncReport()
        if not stale:
            return report
        load_factbase(folder)  # validates every file (and cross-references) before anything is written
        with self.write() as conn:
            existing = set(sa.inspect(conn).get_table_names())  # an older schema lacks later tables
            stale = [
                t for t in LOAD_ORDER if t in existing and self.get_meta(conn, f"csv:{t}") != prints.get(t)
            ]
            stamp = now_utc()
            for name in stale:
                tbl = self.table(name)
                conn.execute(sa.delete(tbl).where(tbl.c.origin == "curated"))
                raw = read_raw(folder / TABLES[name].file)
                cols = [c for c in TABLES[name].columns if c in tbl.c]  # the columns this schema version has
                values = raw[cols].astype(object).where(raw[cols].notna(), None)
                rows = [
                    dict(zip(cols, r, strict=True))
                    | {"origin": "curated", "added_by": f"datasets/{TABLES[name].file}", "added_at": stamp}
                    for r in values.itertuples(index=False, name=None)
                ]
                if rows:
                    conn.execute(sa.insert(tbl), rows)
                self.set_meta(conn, f"csv:{name}", prints[name])
            report.reloaded = stale
            report.conflicts = self._curated_conflicts(conn)
            self.set_meta(conn, "reload_conflicts", json.dumps(report.conflicts, ensure_ascii=False))
            self.set_meta(conn, "reloaded_at", stamp)
        return report

    def _curated_conflicts(self, conn: sa.Connection) -> list[dict]:
        """Active user rows whose key (or duplicate-fact columns) equals a curated row's."""
        found = []
        for name in FACT_TABLES:
            tbl = self.table(name)
            keys = key_columns(name)
            user = pd.DataFrame(
                conn.execute(
                    sa.select(tbl).where(tbl.c.origin == "user", tbl.c.deleted_at.is_(None))
                ).mappings()
            )
            if user.empty:
                continue
            curated = pd.DataFrame(
                conn.execute(sa.select(*(tbl.c[k] for k in keys)).where(tbl.c.origin == "curated")).all(),
                columns=list(keys),
            )
            both = user.merge(curated, on=list(keys))
            for r in both.itertuples(index=False):
                found.append(
                    {
                        "table": name,
                        "row_id": int(r.row_id),
                        "key": " · ".join(str(getattr(r, k)) for k in keys),
                        "added_by": r.added_by,
                    }
                )
        return found

    def reload_conflicts(self) -> list[dict]:
        """User rows that the last curated reload found sharing a key with a curated row (kept, not replaced)."""
        with self.engine.connect() as conn:
            return json.loads(self.get_meta(conn, "reload_conflicts") or "[]")

    # --- reading --------------------------------------------------------------------------------------
    def frames(
        self, names: tuple[str, ...] = LOAD_ORDER, include_deleted: bool = False
    ) -> dict[str, pd.DataFrame]:
        """Each table's rows as text (None where empty) with provenance columns; curated rows first.

        A table that this store's schema version does not have yet is left out (upgrade to read it).
        """
        out = {}
        with self.engine.connect() as conn:
            existing = set(sa.inspect(conn).get_table_names())
            for name in names:
                if name not in existing:
                    continue
                tbl = self.table(name)
                q = sa.select(tbl).order_by(tbl.c.row_id)
                if not include_deleted:
                    q = q.where(tbl.c.deleted_at.is_(None))
                df = pd.DataFrame(conn.execute(q).all(), columns=list(tbl.c.keys()))
                if not df.empty:
                    df = df.sort_values("origin", key=lambda s: s.ne("curated"), kind="stable")
                out[name] = df.reset_index(drop=True)
        return out

    def factbase(self) -> FactBase:
        """Curated and active user rows, validated and typed like the CSV loader's FactBase.

        Fact tables gain the columns origin ('curated' or 'user'), added_by, added_at and row_id.
        A user row sharing a key with a curated row is left out (the reload reported it).
        Raises DataValidationError naming the table, row and column.
        """
        frames = self.frames()
        ids = {
            "sectors": set(frames["sectors"].sector_id.dropna()),
            "regions": set(frames["regions"].iso_code.dropna()),
        }
        typed, problems = {}, []
        for name in LOAD_ORDER:
            df = shadow_free(frames[name], name)
            cols = list(TABLES[name].columns)
            raw = df[cols].reset_index(drop=True)
            problems += validate_table(raw, TABLES[name], ids)
            if problems:
                continue
            out = cast(raw, TABLES[name])
            if name in FACT_TABLES:
                for c in SHOWN_PROVENANCE:
                    out[c] = df[c].to_numpy()
            typed[name] = out
        if problems:
            raise DataValidationError(problems)
        return FactBase(**typed, data_dir=data_dir())


def shadow_free(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """The rows without user rows whose key equals a curated row's (those are reported, never merged)."""
    if name not in FACT_TABLES or df.empty or not df.origin.eq("user").any():
        return df
    keys = list(key_columns(name))
    curated_keys = df.loc[df.origin.eq("curated"), keys].drop_duplicates()
    marked = df.merge(curated_keys.assign(_curated=True), on=keys, how="left")
    drop = marked._curated.eq(True).to_numpy() & df.origin.eq("user").to_numpy()
    return df[~drop]


def csv_fingerprints(folder: Path) -> dict[str, str]:
    """SHA-256 of each curated CSV's bytes (a missing file has no fingerprint)."""
    out = {}
    for name in LOAD_ORDER:
        path = Path(folder) / TABLES[name].file
        if path.exists():
            out[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out
