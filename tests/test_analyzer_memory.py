"""What a session keeps of a report between page visits: packed text and result, never the uploaded bytes."""

from __future__ import annotations

import pickle
import subprocess
import sys

from streamlit.testing.v1 import AppTest

from analysis.analyzer.record import analyze_text
from dashboard.kept import KeptResult, digest, pack_text, unpack_text
from tests.conftest import ROOT

REPORT = "\n".join(
    f"Trade with Kaluga Oblast reached ${100 + i} million in {2010 + i % 14}; dairy and tourism – «рост»."
    for i in range(400)
)


def test_packed_text_round_trips_any_text():
    for text in ("", "Калуга – 2023 «рост»", "emoji 😀 and a lone surrogate \ud800", REPORT):
        assert unpack_text(pack_text(text)) == text
    assert digest(REPORT) == digest(REPORT[:-1] + REPORT[-1]) != digest(REPORT + " ")


def test_kept_result_reads_like_the_dict_and_holds_a_fraction_of_it():
    record = analyze_text(REPORT)
    kept = KeptResult(REPORT, "2024-01-01", "the pasted text", record)
    assert dict(kept) == {"text": REPORT, "date": "2024-01-01", "source": "the pasted text", "record": record}
    assert kept.key == (digest(REPORT), "2024-01-01")
    # the bound: packed, the text and record take under a tenth of their plain pickle (~40 kB vs > 400 kB)
    assert kept.packed_bytes() * 10 < len(pickle.dumps(record)) + len(REPORT.encode())


def _stored_bytes(at: AppTest) -> list[tuple[str, int]]:
    """(key, size) of every bytes value of 1 kB or more held in session state, at any depth."""
    found = []

    def walk(key, value):
        if isinstance(value, bytes | bytearray) and len(value) >= 1024:
            found.append((key, len(value)))
        elif isinstance(value, tuple | list):
            for v in value:
                walk(key, v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(key, v)

    for key in at.session_state:
        walk(key, at.session_state[key])
    return found


def test_an_upload_is_read_once_and_its_bytes_are_not_kept():
    raw = REPORT.encode("utf-8")
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=180).run()
    at.switch_page("screens/meeting_analyzer.py")
    at.session_state["ma_upload"] = ("kaluga.txt", raw)  # what the uploader's on_change stores
    at.run()
    assert not at.exception
    assert next(m for m in at.metric if m.label == "Region").value == "Kaluga Oblast"
    name, packed, problem = at.session_state["ma_upload"]
    assert (name, problem, unpack_text(packed)) == ("kaluga.txt", None, REPORT)
    big = _stored_bytes(at)
    assert all(size < len(raw) // 10 for _, size in big), big  # only packed copies, no raw upload
    assert isinstance(at.session_state["ma_result"], KeptResult)
    assert at.session_state["ma_date_for"] == digest(REPORT)  # a fingerprint, not a second copy of the text
    # the file and the result survive a visit to another page
    at.switch_page("screens/overview.py").run()
    at.switch_page("screens/meeting_analyzer.py").run()
    assert not at.exception
    assert any("kaluga.txt" in c.value for c in at.caption)
    assert next(m for m in at.metric if m.label == "Region").value == "Kaluga Oblast"


def test_an_unreadable_upload_keeps_its_message_not_its_bytes():
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=180).run()
    at.switch_page("screens/meeting_analyzer.py")
    at.session_state["ma_upload"] = ("scan.pdf", b"%PDF-1.4 truncated" + bytes(4096))
    at.run()
    assert not at.exception
    name, packed, problem = at.session_state["ma_upload"]
    assert (name, packed) == ("scan.pdf", None) and "scan.pdf" in problem
    assert any(r"scan\.pdf" in e.value for e in at.error)  # quoted literally (punctuation escaped)
    assert not _stored_bytes(at)


def test_the_gravity_model_does_not_load_the_whole_statsmodels_api():
    code = "import sys, analysis.models.potential; print('statsmodels.api' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"  # the full API costs the server ~25 MB; GLM alone is enough
