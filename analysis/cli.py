"""The one command line: `python -m analysis <command>` (also installed as `byru`).

Commands: `extract` (a meeting report to a JSON record), `brief` (a meeting brief on a region), `validate`
(check a folder of curated tables), `db` (the store: upgrade, status), `ingest` (a folder of reports into the
review queue). Each command has its own `--help`.
Exit codes: 0 done, 1 `validate` found problems, 2 bad input or usage (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

PROG = "python -m analysis"


def _read_report(path_arg: str, max_bytes: int) -> str:
    """The report's text from a file or '-' (standard input), read as the page reads an upload.

    Raises InputProblem (a ValueError) with a one-line reason: missing, too large, unreadable or empty.
    """
    from analysis.analyzer.documents import InputProblem, read_document

    limit = f"{max_bytes / 1024 / 1024:g} MB"
    if path_arg == "-":
        name, raw = "standard input", sys.stdin.buffer.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise InputProblem(f"standard input is over the {limit} limit (raise it with --max-size)")
    else:
        path = Path(path_arg)
        if not path.is_file():
            raise InputProblem(f"no such file: {path}")
        size = path.stat().st_size
        if size > max_bytes:  # refused before reading it into memory
            raise InputProblem(
                f"{path.name} is {size / 1024 / 1024:.1f} MB, over the {limit} limit (raise it with --max-size)"
            )
        name, raw = path.name, path.read_bytes()
    if not raw.strip():
        raise InputProblem("the input is empty")
    return read_document(name, raw, max_bytes=max_bytes, any_name=True)


def _megabytes(value: str) -> int:
    """--max-size: a positive number of megabytes, as bytes."""
    try:
        mb = float(value)
    except ValueError:
        mb = float("nan")
    if not mb > 0 or mb == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number of megabytes, got {value[:40]!r}")
    return int(mb * 1024 * 1024)


def cmd_extract(args: argparse.Namespace) -> int:
    """Analyze one meeting report and print its record as JSON; say on stderr when nothing was found."""
    from analysis.analyzer.documents import check_report_date
    from analysis.analyzer.record import analyze_text

    date = check_report_date(args.date)
    text = _read_report(args.path, args.max_size)
    record = analyze_text(text, date)
    json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    if not record.get("region_iso"):
        print("note: no region recognised", file=sys.stderr)
    if not record.get("figures"):
        print("note: no trade figures found", file=sys.stderr)
    return 0


def _years(text: str) -> tuple[int, int]:
    """'2019-2025' (or one year) as a (first, last) pair; argparse reports anything else as bad input."""
    from analysis.data.filters import YEARS_RE

    m = YEARS_RE.match(text)
    if not m or int(m.group(2) or m.group(1)) < int(m.group(1)):
        raise argparse.ArgumentTypeError(f"expected years like 2019-2025, got {text!r}")
    return int(m.group(1)), int(m.group(2) or m.group(1))


def cmd_brief(args: argparse.Namespace) -> int:
    """Write the meeting brief on one region as .docx (and .pdf next to it with --pdf)."""
    from analysis.brief.build import build_brief
    from analysis.brief.docx_render import render_docx
    from analysis.brief.pdf_render import render_pdf
    from analysis.data.tables import load_factbase

    out = Path(args.out)
    if out.suffix.lower() != ".docx":
        raise ValueError(f"--out must name a .docx file, got {out}")
    brief = build_brief(load_factbase(), args.region, args.side, args.years, args.lang)
    out.write_bytes(render_docx(brief))
    written = [out]
    if args.pdf:
        written.append(out.with_suffix(".pdf"))
        written[-1].write_bytes(render_pdf(brief))
    for path in written:
        print(path)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Check a folder of curated tables; print every problem, exit 1 if there is any."""
    from analysis.data.tables import data_dir, validate_folder

    folder = Path(args.folder) if args.folder else data_dir()
    if not folder.is_dir():
        raise ValueError(f"no such folder: {folder}")
    problems = validate_folder(folder)
    for problem in problems:
        print(problem)
    n = len(problems)
    print(f"{folder}: {'no problems' if not n else f'{n} problem' + ('s' if n > 1 else '')}", file=sys.stderr)
    return 1 if problems else 0


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
    extract.add_argument(
        "--max-size",
        type=_megabytes,
        default=2 * 1024 * 1024,
        metavar="MB",
        help="refuse inputs larger than this many megabytes (default 2, as on the page)",
    )
    extract.set_defaults(func=cmd_extract)

    brief = commands.add_parser(
        "brief",
        help="write a meeting brief on one region (.docx, and .pdf with --pdf)",
        description="Write the meeting brief on one Russian region: key facts, trade per statistics side, "
        "meetings and targets, goods, opportunities, open proposals, talking points; every figure sourced.",
    )
    brief.add_argument("region", help="ISO 3166-2 code of the Russian region, e.g. RU-TA")
    brief.add_argument("--out", required=True, help="the .docx file to write (the PDF goes next to it)")
    brief.add_argument("--pdf", action="store_true", help="also write a .pdf with the same content")
    brief.add_argument("--lang", choices=["en", "ru"], default="en", help="language of the text (default en)")
    brief.add_argument("--side", choices=["best", "BY", "RU"], default="best", help="statistics side")
    brief.add_argument("--years", type=_years, default=None, help="year range, e.g. 2019-2025 (default: all)")
    brief.set_defaults(func=cmd_brief)
    validate = commands.add_parser(
        "validate",
        help="check a folder of curated tables and list every problem",
        description="Check every curated CSV in FOLDER with the loader's rules and print each problem "
        "(file, row, column, reason). Exit 0 when clean, 1 when there are problems, 2 for bad usage.",
    )
    validate.add_argument("folder", nargs="?", default=None, help="default: datasets/ (or $BYRU_DATA_DIR)")
    validate.set_defaults(func=cmd_validate)
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
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a broken PDF gets our one line, not pypdf's warnings
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except (ValueError, OSError) as exc:  # bad input: one line, no traceback
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _one_line(exc: BaseException) -> str:
    """An exception's message on one line (OSErrors keep the path they are about)."""
    text = str(exc) if not isinstance(exc, OSError) else f"{exc.strerror or exc}: {exc.filename or ''}"
    return " ".join(text.split())
