"""The one command line: `python -m analysis <command>` (also installed as `byru`).

Commands: `extract` (a meeting report to a JSON record), `brief` (a meeting brief on a region). Each command has its own `--help`.
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
