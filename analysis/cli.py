"""The one command line: `python -m analysis <command>` (also installed as `byru`).

Commands: `extract` (a meeting report to a JSON record), `db` (the store: upgrade, status), `ingest`
(a folder of reports into the review queue). Each command has its own `--help`.
Exit codes: 0 done, 2 bad input or usage (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

PROG = "python -m analysis"


def _read_report(path_arg: str) -> str:
    """The report's text from a file path or '-' (standard input); raises ValueError with a one-line reason."""
    if path_arg == "-":
        return sys.stdin.read()
    path = Path(path_arg)
    if not path.is_file():
        raise ValueError(f"no such file: {path}")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def cmd_extract(args: argparse.Namespace) -> int:
    """Analyze one meeting report and print its record as JSON."""
    from analysis.analyzer.record import analyze_text

    text = _read_report(args.path)
    if not text.strip():
        raise ValueError("the input is empty")
    json.dump(analyze_text(text, args.date), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    """`db upgrade`: migrate the store to the newest schema and load curated rows; `db status`: say where it is."""
    from analysis.data.store import Store, database_url, head_version

    store = Store.open(database_url(), upgrade=args.action == "upgrade", sync=args.action == "upgrade")
    try:
        url = store.engine.url.render_as_string(hide_password=True)
        print(f"store: {url}")
        print(f"schema version: {store.schema_version()} (newest {head_version()})")
        print(f"revision: {store.revision()}")
    finally:
        store.close()
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    """Analyze every report file in a folder into the review queue (a report already queued is skipped)."""
    from analysis.analyzer.documents import InputProblem, read_document
    from analysis.analyzer.record import analyze_text
    from analysis.data.records import add_draft
    from analysis.data.store import Store, report_hash

    folder = Path(args.folder)
    if not folder.is_dir():
        raise ValueError(f"no such folder: {folder}")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".md", ".docx", ".pdf"))
    store = Store.open()
    added = skipped = failed = 0
    try:
        for path in files:
            try:
                text = read_document(path.name, path.read_bytes())
            except InputProblem as exc:
                print(f"skipped {path.name}: {exc}", file=sys.stderr)
                failed += 1
                continue
            if add_draft(store, report_hash(text), path.name, text, analyze_text(text)):
                added += 1
            else:
                skipped += 1
    finally:
        store.close()
    print(f"{added} reports queued for review, {skipped} already queued, {failed} unreadable")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one subparser per command."""
    parser = argparse.ArgumentParser(
        prog=PROG, description="Belarus ⇄ Russian regions trade analytics: command-line tools."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract",
        help="analyze a meeting report and print its structured record as JSON",
        description="Analyze a meeting report (English or Russian) and print its record as JSON: "
        "region, date, sectors, goods, trade figures, targets and proposals.",
    )
    extract.add_argument("path", help="text file to analyze, or - for standard input")
    extract.add_argument(
        "--date", default=None, help="report date YYYY-MM-DD, used for 'last year' and similar"
    )
    extract.set_defaults(func=cmd_extract)

    db = commands.add_parser(
        "db",
        help="the store: migrate it (upgrade) or show its version (status)",
        description="The store (BYRU_DATABASE_URL, else var/byru.sqlite): 'upgrade' runs the schema "
        "migrations and loads curated rows from datasets/; 'status' shows the version and revision.",
    )
    db.add_argument("action", choices=["upgrade", "status"])
    db.set_defaults(func=cmd_db)

    ingest = commands.add_parser(
        "ingest",
        help="analyze every report in a folder into the review queue",
        description="Analyze each .txt/.md/.docx/.pdf report in FOLDER and queue it as a draft for review "
        "on the Meeting analyzer page. A report already queued (same text) is not queued again.",
    )
    ingest.add_argument("folder", help="folder of report files")
    ingest.set_defaults(func=cmd_ingest)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
