"""Shared fixtures: the fact base, paths, the optional ../shared folder, a live server for browser tests."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from analysis.data.tables import load_factbase

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTIFACTS = ROOT / "artifacts"

# The dashboard's store lives in a throwaway folder during tests, never in the developer's var/.
os.environ["BYRU_DATA_HOME"] = tempfile.mkdtemp(prefix="byru-test-home-")
os.environ.pop("BYRU_DATABASE_URL", None)


@pytest.fixture(scope="session")
def fb():
    return load_factbase()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared when present (a developer's machine or CI); tests that need it skip otherwise."""
    if not (SHARED / "reference").is_dir():
        pytest.skip("../shared is not present (a user's clone has none)")
    return SHARED


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium; absent means skip, except under CI where it is a failure."""
    path = chromium_path()
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("CI is set but Debian's chromium is not installed (apt-get install chromium)")
    pytest.skip("Debian's chromium is not installed: browser tests skipped (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict[str, str] | None = None, wait_s: float = 60) -> tuple[subprocess.Popen, str]:
    """A real Streamlit server on a free loopback port, answering its health check; (process, base URL).

    `env` replaces the server's environment (e.g. a store of its own); `wait_s` bounds the start-up.
    """
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + wait_s
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    stop_server(proc)
    pytest.fail(f"the Streamlit server did not start within {wait_s:.0f} s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def server_url(chromium) -> str:
    """A real Streamlit server for the session."""
    proc, url = start_server()
    yield url
    stop_server(proc)


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=args)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    ctx.close()


def postgres_bin() -> Path | None:
    """Debian's PostgreSQL server programs (initdb, pg_ctl), newest version first."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server in a temporary folder (trust auth, loopback only); yields its base URL.

    initdb refuses to run as root, so as root the server runs as the 'postgres' system user.
    """
    bindir = postgres_bin()
    if bindir is None:
        _missing(
            "Debian's postgresql is not installed (apt-get install postgresql): PostgreSQL tests skipped"
        )
    prefix: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="byru-pg-"))
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            _missing("running as root and there is no 'postgres' user to run the server as")
        os.chown(base, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = base / "data", free_port()
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "byru", "-E", "UTF8",
                    "--no-sync", "--no-instructions"], check=True, capture_output=True)  # fmt: skip
    opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(base / "log"), "-w",
                    "start"], check=True, capture_output=True)  # fmt: skip
    try:
        yield f"postgresql+psycopg://byru@127.0.0.1:{port}"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)  # fmt: skip
        shutil.rmtree(base, ignore_errors=True)


def _create_pg_database(base: str, template: str | None = None) -> str:
    import sqlalchemy as sa

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    admin.dispose()
    return name


@pytest.fixture(scope="session")
def seeded_templates(tmp_path_factory):
    """One store per database kind, migrated and seeded from datasets/ once; tests get copies."""
    from analysis.data.store import Store

    made: dict[str, str] = {}

    def get(kind: str, pg_base: str | None = None) -> str:
        if kind not in made:
            if kind == "sqlite":
                url = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'store.sqlite'}"
            else:
                url = f"{pg_base}/{_create_pg_database(pg_base)}"
            Store.open(url).close()
            made[kind] = url
        return made[kind]

    return get


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_url(request, tmp_path):
    """An empty database: a SQLite file, or a fresh database on the throwaway PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    base = request.getfixturevalue("postgres_server")
    yield f"{base}/{_create_pg_database(base)}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, seeded_templates):
    """A store already migrated and seeded from datasets/ (a copy of a session-wide template)."""
    if request.param == "sqlite":
        template = seeded_templates("sqlite")
        target = tmp_path / "store.sqlite"
        shutil.copy(template.removeprefix("sqlite:///"), target)
        yield f"sqlite:///{target}"
        return
    base = request.getfixturevalue("postgres_server")
    template = seeded_templates("postgresql", base).rsplit("/", 1)[1]
    yield f"{base}/{_create_pg_database(base, template)}"
