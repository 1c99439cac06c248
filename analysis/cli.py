"""The one command line: `python -m analysis <command>` (also installed as `byru`).

Commands: `extract` (a meeting report to a JSON record). Each command has its own `--help`.
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
