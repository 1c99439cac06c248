"""Uploaded reports: encodings, size, empty and broken files give clear messages."""

import io

import pytest

from analysis.analyzer.dates import check_report_date
from analysis.analyzer.documents import (
    MAX_BYTES,
    InputProblem,
    check_text,
    choose_input,
    decode_text,
    read_document,
)
from analysis.analyzer.record import analyze_text
from analysis.analyzer.views import (
    compare_with_factbase,
    figure_tables,
    frames,
    highlight_html,
    record_csv_frame,
)


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


def test_proposal_kinds_download_as_plain_text_not_a_python_list():
    rec = analyze_text(
        "Proposals: joint assembly of MAZ trucks at KAMAZ, supply of Belarusian dairy products to Tatarstan."
    )
    assert rec["proposals"][0]["also"] == ["supply"]
    table = frames(rec)["proposals"]
    assert table.at[0, "also"] == "supply"
    assert "[" not in table.to_csv(index=False)


def test_comparison_shows_stored_value_and_source_for_reported_pair_figures_only(fb):
    rec = analyze_text(
        "Trade between Belarus and Kaluga Oblast reached almost $654 million in 2022. "
        "It may exceed $900 million in 2025. Trade between Belarus and Russia was $50 billion in 2022."
    )
    cmp = compare_with_factbase(rec, fb)
    assert list(cmp.value) == [654.0]  # the forecast and the national total are not compared
    row = cmp.iloc[0]
    assert (row.status, row.stored_value, row.stored_unit) == ("known", 654.0, "million")
    assert row.fact_base_source.startswith("http") and row.stored_publisher
    everything = compare_with_factbase(rec, fb, include_all=True)
    assert sorted(everything.value) == [50.0, 654.0, 900.0]


def test_figure_tables_split_main_and_other_with_million_usd(fb):
    rec = analyze_text(
        "Trade between Belarus and Kaluga Oblast reached $654 million in 2022. "
        "Kaluga's exports to Belarus totalled 1.5 billion rubles in 2022. "
        "In the first half of 2023 they came to 0.9 billion rubles. "
        "The Far Eastern regions traded $300 million with Belarus in 2022."
    )
    main, other = figure_tables(rec, fb.fx_rates)
    rate = float(fb.fx_rates[(fb.fx_rates.year == 2022) & (fb.fx_rates.currency == "RUB")].per_usd.iloc[0])
    assert list(main.value) == [654.0, 1.5, 0.9]
    assert main.value_musd.iloc[0] == 654.0
    assert abs(main.value_musd.iloc[1] - 1500.0 / rate) < 1e-9
    assert main.value_musd.isna().iloc[2]  # a part-year in roubles: no annual rate is applied
    assert list(other.scope) == ["regions_group"]


@pytest.mark.parametrize(
    ("raw", "iso", "message"),
    [
        ("2023-03-20", "2023-03-20", None),
        ("", None, None),
        ("2023-02-30", None, "no such day"),
        ("20.03.2023", None, "YYYY-MM-DD"),
    ],
)
def test_report_date_check(raw, iso, message):
    got, msg = check_report_date(raw)
    assert got == iso
    assert (msg is None) if message is None else (message in msg)


def test_choose_input_says_which_text_was_analysed():
    assert choose_input("file text", "a.txt", "pasted", "file") == ("file text", "the uploaded file 'a.txt'")
    assert choose_input("file text", "a.txt", "pasted", "pasted") == ("pasted", "the pasted text")
    assert choose_input(None, None, "pasted") == ("pasted", "the pasted text")
    assert choose_input("file text", "a.txt", "  ", "pasted")[1] == "the uploaded file 'a.txt'"
    with pytest.raises(InputProblem):
        choose_input(None, None, "   ")
