"""Meeting analyzer: the seed report, our own test texts in English and Russian, all 83 regions."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.analyzer.dates import find_period
from analysis.analyzer.numbers import parse_number
from analysis.analyzer.record import analyze_text, default_analyzer
from tests.conftest import ROOT

TEXTS = Path(__file__).parent / "texts"
SEED_SECTORS = {
    "machinery", "agri_machinery", "vehicles", "transport_equipment", "construction", "it", "pharma",
    "agri_food", "education", "sports", "tourism", "medical", "culture", "logistics", "industrial_cooperation",
}  # fmt: skip


def _read(name: str) -> dict:
    return analyze_text((TEXTS / name).read_text(encoding="utf-8"))


def _figure(rec, **want):
    hits = [f for f in rec["figures"] if all(f.get(k) == v for k, v in want.items())]
    assert hits, f"no figure with {want} in {rec['figures']}"
    return hits[0]


def test_seed_report(shared_dir):
    text = (shared_dir / "seeds" / "000_954a635c099c0dbf.txt").read_text(encoding="utf-8")
    rec = analyze_text(text)
    assert rec["region_iso"] == "RU-KL"
    assert {s["id"] for s in rec["sectors"]} == SEED_SECTORS
    flights = [p for p in rec["proposals"] if p["kind"] == "flight"]
    assert any("Elista-Minsk flights" in p["text"] for p in flights)
    for s in rec["sectors"]:  # every sector carries its evidence and spans into the text
        for (a, b), _ in zip(s["spans"], s["spans"], strict=True):
            assert text[a:b].lower() in [e.lower() for e in s["evidence"]]


def test_english_figures_in_many_forms():
    rec = _read("en_kaluga_visit.txt")
    assert rec["region_iso"] == "RU-KLU" and rec["date"] == "2025-05-14"
    f = _figure(rec, value=654.0)
    assert (f["flow"], f["period"], f["qualifier"], f["change_pct"], f["currency"]) == (
        "turnover",
        "2022",
        "almost",
        13.6,
        "USD",
    )
    f = _figure(rec, value=47.8)
    assert (f["flow"], f["period"]) == ("by_exports", "2024-01..11")
    f = _figure(rec, value=350.0)
    assert (f["qualifier"], f["period"]) == ("over", "2024")  # 'last year' resolved against 14 May 2025
    f = _figure(rec, value=1.5)
    assert (f["flow"], f["unit"], f["currency"]) == ("by_imports", "billion", "RUB")
    values = [f["value"] for f in rec["figures"]]
    assert 2.0 not in values and 1.1 not in values and 30.0 not in values  # tax loss, purchase, share
    assert rec["targets"] == [
        {"flow": "turnover", "value": 1.0, "unit": "billion", "currency": "USD", "by_year": 2027,
         "relative": None, "scope": "pair", "region_iso": "RU-KLU",
         "text": "The sides agreed to bring trade to $1 billion by 2027."}
    ]  # fmt: skip
    kinds = {k for p in rec["proposals"] for k in [p["kind"], *p["also"]]}  # one row per sentence (issue 14)
    assert {"joint_venture", "service_centre", "warehouse", "flight"} <= kinds
    products = {(p["text"].lower(), p["direction"]) for p in rec["products"]}
    assert ("timber", "by_imports") in products and ("tractors", "by_exports") in products


def test_english_second_text_growth_only_and_target_within_years():
    rec = _read("en_kuzbass_talks.txt")
    assert rec["region_iso"] == "RU-KEM" and rec["date"] == "2025-06-23"
    f = _figure(rec, value=225.0)
    assert (f["flow"], f["qualifier"], f["period"]) == ("turnover", "about", "2024")
    assert rec["targets"][0]["value"] == 500.0 and rec["targets"][0]["by_year"] == 2030
    sectors = {s["id"] for s in rec["sectors"]}
    assert {"vehicles", "energy", "construction", "education", "tourism"} <= sectors
    assert "40" not in json.dumps([f["value"] for f in rec["figures"]])


def test_english_third_text_distractors_and_capital():
    rec = _read("en_primorye_note.txt")
    assert rec["region_iso"] == "RU-PRI"
    f = _figure(rec, value=120.0)
    assert (f["flow"], f["qualifier"], f["change_pct"], f["period"]) == ("by_exports", "over", 40.0, "2023")
    assert [f["value"] for f in rec["figures"]] == [120.0]  # not the $3 bn investment programme
    assert {"logistics", "transport_equipment", "science", "agri_food"} <= {s["id"] for s in rec["sectors"]}


def test_russian_report():
    rec = _read("ru_bashkiria.txt")
    assert rec["region_iso"] == "RU-BA" and rec["date"] == "2025-02-07"
    f = _figure(rec, value=315.0)
    assert (f["flow"], f["qualifier"], f["period"], f["change_pct"]) == ("turnover", "about", "2024", -5.5)
    f = _figure(rec, value=120.0)
    assert (f["flow"], f["qualifier"], f["period"]) == ("by_exports", "over", "2024-01..11")
    assert 12.0 not in [f["value"] for f in rec["figures"]]  # tax revenue is not trade
    t = rec["targets"][0]
    assert (t["value"], t["unit"], t["currency"], t["by_year"]) == (1.0, "billion", "USD", 2030)
    assert {"agri_machinery", "chemicals", "transport_equipment", "education", "medical"} <= {
        s["id"] for s in rec["sectors"]
    }
    kinds = {k for p in rec["proposals"] for k in [p["kind"], *p["also"]]}  # one row per sentence (issue 14)
    assert {"joint_venture", "service_centre"} <= kinds


def test_russian_region_in_case_forms_and_capital():
    rec = analyze_text((TEXTS / "ru_kalmykia.txt").read_text(encoding="utf-8"), report_date="2023-03-20")
    assert rec["region_iso"] == "RU-KL"  # not Minsk Oblast (Belarusian) even though it is named
    f = rec["figures"][0]
    assert (f["value"], f["qualifier"], f["period"]) == (3.0, "almost", "2022")
    assert any(p["kind"] == "flight" for p in rec["proposals"])


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("Kaluga Oblast", "RU-KLU"), ("Kaluga Region", "RU-KLU"), ("Kaluga", "RU-KLU"),
        ("Krasnodar Territory", "RU-KDA"), ("Krasnodar Krai", "RU-KDA"), ("Kuban", "RU-KDA"),
        ("Kemerovo Oblast", "RU-KEM"), ("Kuzbass", "RU-KEM"), ("Primorsky Krai", "RU-PRI"),
        ("Primorye Territory", "RU-PRI"), ("Khanty-Mansi Autonomous Okrug", "RU-KHM"), ("Yugra", "RU-KHM"),
        ("North Ossetia–Alania", "RU-SE"), ("North Ossetia-Alania", "RU-SE"), ("Chuvashia", "RU-CU"), ("Elista", "RU-KL"),
        ("Калужской области", "RU-KLU"), ("Краснодарским краем", "RU-KDA"), ("Республикой Татарстан", "RU-TA"),
        ("Кузбассе", "RU-KEM"), ("Югры", "RU-KHM"), ("Санкт-Петербургом", "RU-SPE"), ("Yakutia", "RU-SA"),
        ("Saint Petersburg", "RU-SPE"), ("St. Petersburg", "RU-SPE"), ("Moscow Region", "RU-MOS"), ("Moscow", "RU-MOW"),
    ],
)  # fmt: skip
def test_region_aliases(phrase, iso):
    assert analyze_text(f"The Governor of {phrase} met the Belarusian delegation.")["region_iso"] == iso


def _genitive(name_ru: str) -> str:
    """Rough genitive of an official Russian name, enough to test case handling."""
    words = name_ru.split()
    out = []
    for w in words:
        for a, b in (("ская", "ской"), ("цкая", "цкой"), ("ий", "ого"), ("ый", "ого"), ("ой", "ого"), ("ая", "ой"),
                     ("ость", "ости"), ("ика", "ики"), ("край", "края"), ("округ", "округа")):  # fmt: skip
            if w.endswith(a):
                w = w[: -len(a)] + b
                break
        out.append(w)
    return " ".join(out)


def test_all_83_regions_by_english_and_russian_name(fb):
    ru = fb.regions[fb.regions.country == "RU"]
    assert len(ru) == 83
    wrong = []
    for r in ru.itertuples(index=False):
        for text in (
            f"Meeting with the head of {r.name_en}.",
            f"Встреча с руководством: {_genitive(r.name_ru)}.",
        ):
            got = analyze_text(text)["region_iso"]
            if got != r.iso_code:
                wrong.append((text, got, r.iso_code))
    assert wrong == []


def test_numbers_and_periods():
    assert parse_number("1,5") == 1.5
    assert parse_number("32 927") == 32927.0
    assert parse_number("1,234.5") == 1234.5
    assert find_period("in January–November 2024", None) == "2024-01..11"
    assert find_period("за январь-май 2023 года", None) == "2023-01..05"
    assert find_period("in the first half of 2023", None) == "2023-H1"
    assert find_period("in the first quarter of 2024", None) == "2024-Q1"
    assert find_period("last year", 2025) == "2024"
    assert find_period("в прошлом году", 2023) == "2022"
    assert find_period("recently", None) is None


def test_no_trade_context_no_figures():
    rec = analyze_text(
        "The plant paid $4 million in taxes and bought 300 tractors. Its share of turbines is 25%."
    )
    assert rec["figures"] == [] and rec["targets"] == []


def test_cli_prints_json_and_rejects_empty_input(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Trade with Tatarstan reached $740 million in 2024.", encoding="cp1251")
    out = subprocess.run(
        [sys.executable, "-m", "analysis", "extract", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    rec = json.loads(out.stdout)
    assert rec["region_iso"] == "RU-TA" and rec["figures"][0]["value"] == 740.0
    empty = subprocess.run(
        [sys.executable, "-m", "analysis", "extract", "-"],
        cwd=ROOT,
        input="  ",
        capture_output=True,
        text=True,
    )
    assert empty.returncode == 2 and "empty" in empty.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "analysis", "extract", str(tmp_path / "nope.txt")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_analyzer_is_built_once():
    assert default_analyzer() is default_analyzer()


def test_amounts_in_words_and_change_after_the_number():
    rec = analyze_text(
        "In January-August 2022 trade with Rostov Oblast came to $420 million, 30% above the same period of 2021."
    )
    f = rec["figures"][0]
    assert (f["value"], f["period"], f["change_pct"]) == (420.0, "2022-01..08", 30.0)
    rec = analyze_text("Trade with the Moscow Region passed half a billion US dollars in 2010.")
    f = rec["figures"][0]
    assert (f["value"], f["unit"], f["currency"], f["qualifier"]) == (0.5, "billion", "USD", "over")
    rec = analyze_text("По итогам 2023 года стороны наторговали более чем на девять миллиардов долларов.")
    f = rec["figures"][0]
    assert (f["value"], f["unit"], f["currency"], f["period"], f["qualifier"]) == (
        9.0,
        "billion",
        "USD",
        "2023",
        "over",
    )
    assert analyze_text("They bought two tractors for a few dollars.")["figures"] == []
