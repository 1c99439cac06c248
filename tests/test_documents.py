"""Uploaded reports: encodings, size, empty and broken files give clear messages."""

import io

import pytest

from analysis.analyzer.documents import MAX_BYTES, InputProblem, check_text, decode_text, read_document
from analysis.analyzer.record import analyze_text
from analysis.analyzer.views import compare_with_factbase, highlight_html, record_csv_frame


def test_utf8_and_cp1251_are_read():
    text = "Товарооборот с Калужской областью"
    assert read_document("r.txt", text.encode("utf-8")) == text
    assert read_document("r.md", text.encode("cp1251")) == text
    assert decode_text("\ufeffHello".encode()) == "Hello"


def test_binary_garbage_is_refused():
    with pytest.raises(InputProblem, match="not readable text"):
        decode_text(b"\x00\x01\x02\xff" * 10)


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("r.exe", b"x", "upload .txt, .md, .docx or .pdf"),
        ("r.txt", b"", "is empty"),
        ("r.txt", b"x" * (MAX_BYTES + 1), "the limit is 2 MB"),
        ("r.txt", b"   \n ", "no text to analyse"),
        ("r.docx", b"not a zip", "could not be opened as a Word document"),
        ("r.pdf", b"%PDF-1.4 broken", "could not be read as a PDF"),
    ],
)
def test_bad_files_get_clear_messages(name, raw, message):
    with pytest.raises(InputProblem, match=message):
        read_document(name, raw)


def test_docx_is_read():
    from docx import Document

    doc = Document()
    doc.add_paragraph("Trade with Tatarstan reached $740 million in 2024.")
    buf = io.BytesIO()
    doc.save(buf)
    assert "Tatarstan" in read_document("report.docx", buf.getvalue())


def test_check_text_refuses_whitespace():
    with pytest.raises(InputProblem):
        check_text("  \n\t")


def test_highlight_escapes_html_and_marks_evidence():
    text = "<script>x</script> Cooperation in tourism."
    rec = analyze_text(text)
    out = highlight_html(text, rec)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert '<mark title="tourism">tourism</mark>' in out


def test_record_csv_and_fact_base_comparison(fb):
    rec = analyze_text(
        "Trade between Belarus and Kaluga Oblast reached almost $654 million in 2022. Trade was $1 million in 2019."
    )
    flat = record_csv_frame(rec)
    assert {"meeting", "figures"} <= set(flat.section)
    cmp = compare_with_factbase(rec, fb).set_index("value")
    assert cmp.loc[654.0, "status"] == "known"  # the fact base has Kaluga 2022 = $654 m
    assert cmp.loc[1.0, "status"] in ("new", "differs from the fact base")
