"""Bad input on the command line: one line on stderr, exit 2, never a traceback (issue 17, items 1-4)."""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import sys

import pytest

from analysis.data.tables import DEFAULT_DIR
from tests.conftest import ROOT

REPORT = "Trade with Tatarstan reached $740 million in 2024."


def run(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def refused(out: subprocess.CompletedProcess, message: str) -> None:
    """Exit 2, one line on stderr that says `message`, no traceback, nothing on stdout."""
    err = out.stderr.decode()
    assert out.returncode == 2, err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("error: "), err
    assert message in err, err
    assert out.stdout == b""


def pdf_bytes(text: str | None) -> bytes:
    """A one-page PDF with `text` in Helvetica (None: only a filled square, like a scan without OCR)."""
    content = f"BT /F1 12 Tf 72 712 Td ({text}) Tj ET" if text else "0 0 0 rg 72 600 100 100 re f"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def docx_bytes(text: str) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("random.bin", random.Random(17).randbytes(4000), "not readable text"),
        ("report.txt", b"\x00\x01\x02\xff" * 500, "not readable text"),
        ("report.txt", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" * 50, "not readable text"),
        ("report.docx", b"PK\x03\x04 this zip is cut short", "could not be opened as a Word document"),
    ],
)
def test_unreadable_bytes_are_refused(tmp_path, name, raw, message):
    path = tmp_path / name
    path.write_bytes(raw)
    refused(run("extract", str(path)), message)


def test_docx_and_pdf_are_read_by_content_whatever_their_name(tmp_path):
    for name, raw in (("report.docx", docx_bytes(REPORT)), ("report.txt", docx_bytes(REPORT))):
        (tmp_path / name).write_bytes(raw)
        out = run("extract", str(tmp_path / name))
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)["region_iso"] == "RU-TA"
    (tmp_path / "scan").write_bytes(pdf_bytes(REPORT))
    out = run("extract", str(tmp_path / "scan"))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["region_iso"] == "RU-TA"


def test_pdf_without_text_layer_and_truncated_pdf_are_refused(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(pdf_bytes(None))
    refused(run("extract", str(tmp_path / "scan.pdf")), "has no text layer")
    whole = pdf_bytes(REPORT)
    (tmp_path / "cut.pdf").write_bytes(whole[: len(whole) // 3])
    out = run("extract", str(tmp_path / "cut.pdf"))
    refused(out, "cut.pdf")


@pytest.mark.parametrize("value", ["abc", "2024-13-45", "2023-02-30", "24-01-01", "2024-1-5"])
def test_impossible_or_malformed_date_is_refused(tmp_path, value):
    path = tmp_path / "r.txt"
    path.write_text(REPORT)
    out = run("extract", str(path), "--date", value)
    refused(out, "report date")


def test_real_date_is_used(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Trade with Tatarstan grew last year to $740 million.")
    out = run("extract", str(path), "--date", "2024-02-29")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["figures"][0]["period"] == "2023"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_with_bom_is_read(tmp_path, encoding):
    raw = REPORT.encode(encoding)
    if encoding != "utf-16":
        raw = ("\ufeff" + REPORT).encode(encoding)
    path = tmp_path / "r.txt"
    path.write_bytes(raw)
    out = run("extract", str(path))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["region_iso"] == "RU-TA"


def test_cp1251_on_standard_input_is_read():
    text = "Товарооборот с Татарстаном в 2024 году составил 740 млн долларов."
    out = run("extract", "-", stdin=text.encode("cp1251"))
    assert out.returncode == 0, out.stderr
    rec = json.loads(out.stdout)
    assert rec["region_iso"] == "RU-TA" and rec["figures"][0]["value"] == 740.0


def test_nothing_recognised_is_said_on_stderr():
    out = run("extract", "-", stdin=b"The weather was fine and the lunch was long.")
    assert out.returncode == 0
    assert json.loads(out.stdout)["region_iso"] is None
    assert "no region recognised" in out.stderr.decode()
    found = run("extract", "-", stdin=REPORT.encode())
    assert "no region recognised" not in found.stderr.decode()


def test_size_cap_and_max_size(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes((REPORT + "\n").encode() * (3 * 1024 * 1024 // len(REPORT)))
    refused(run("extract", str(path)), "over the 2 MB limit (raise it with --max-size)")
    refused(run("extract", "-", stdin=path.read_bytes()), "over the 2 MB limit")
    out = run("extract", str(path), "--max-size", "4")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["region_iso"] == "RU-TA"


@pytest.mark.parametrize("value", ["0", "-1", "lots", "inf"])
def test_bad_max_size_is_a_usage_error(tmp_path, value):
    out = run("extract", "-", "--max-size", value, stdin=REPORT.encode())
    assert out.returncode == 2 and "Traceback" not in out.stderr.decode()
    assert "positive number of megabytes" in out.stderr.decode()


def test_folder_and_empty_input(tmp_path):
    refused(run("extract", str(tmp_path)), "no such file")
    refused(run("extract", "-", stdin=b"  \n "), "empty")
    (tmp_path / "empty.txt").write_bytes(b"")
    refused(run("extract", str(tmp_path / "empty.txt")), "empty")


def test_validate_clean_folder_exits_0():
    out = run("validate")
    assert out.returncode == 0, out.stdout
    assert out.stdout == b"" and "no problems" in out.stderr.decode()


def test_validate_lists_every_problem_and_exits_1(tmp_path):
    folder = tmp_path / "harvest"
    shutil.copytree(DEFAULT_DIR, folder, ignore=shutil.ignore_patterns("build", "*.md"))
    facts = (folder / "trade_facts.csv").read_text().splitlines()
    cells = facts[3].split(",")
    cells[6] = "nan"  # value
    facts[3] = ",".join(cells)
    (folder / "trade_facts.csv").write_text("\n".join(facts) + "\n")
    (folder / "sector_facts.csv").write_text("")
    out = run("validate", str(folder))
    assert out.returncode == 1
    lines = out.stdout.decode().splitlines()
    assert "harvest/trade_facts.csv, row 4, column 'value': expected a number, got 'nan'" in lines
    assert "harvest/sector_facts.csv is empty" in lines
    assert "2 problems" in out.stderr.decode()


def test_validate_missing_folder_is_usage_error(tmp_path):
    refused(run("validate", str(tmp_path / "nope")), "no such folder")
