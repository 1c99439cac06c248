"""Translations and locale formats: every message the code marks has a Russian translation with the same
placeholders; Russian numbers, dates and plurals as a Russian reader writes them; English as before."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from analysis.output import i18n
from analysis.output.formatting import fmt_count, fmt_date, fmt_int, fmt_musd, fmt_pct
from tests.conftest import ROOT

NBSP = "\u00a0"
NNBSP = "\u202f"  # CLDR puts a narrow no-break space before "г."


def used_messages() -> dict[str, tuple[str, ...]]:
    """Every message marked in the code (as `make i18n` extracts it): msgid → (msgid, msgid_plural?)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    keywords = DEFAULT_KEYWORDS | {"NP_": (1, 2)}
    found = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        ROOT, method_map, options_map, keywords=keywords
    ):
        ids = (message,) if isinstance(message, str) else tuple(message)
        found[ids[0]] = ids
    return found


def ru_catalog():
    with i18n.po_path("ru").open("rb") as f:
        return read_po(f, locale="ru")


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_used_has_a_russian_translation_with_the_same_placeholders():
    used = used_messages()
    assert len(used) >= 8  # the extraction itself works (formatting's unit words and count nouns)
    catalog = ru_catalog()
    problems = []
    for msgid, ids in sorted(used.items()):
        entry = catalog.get(ids if len(ids) > 1 else msgid)
        if entry is None:
            problems.append(f"not in the catalog: {msgid!r}")
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry.fuzzy or not all(strings):
            problems.append(f"untranslated or fuzzy: {msgid!r}")
            continue
        want = set().union(*(fields(i) for i in ids))
        problems += [f"placeholders differ in {msgid!r}: {s!r}" for s in strings if fields(s) != want]
    assert not problems, "\n".join(problems)


def test_russian_plural_forms_follow_the_number():
    assert fmt_count(1, "meeting", lang="ru") == "1 встреча"
    assert fmt_count(2, "meeting", lang="ru") == "2 встречи"
    assert fmt_count(5, "meeting", lang="ru") == "5 встреч"
    assert fmt_count(11, "meeting", lang="ru") == "11 встреч"
    assert fmt_count(21, "meeting", lang="ru") == "21 встреча"
    assert fmt_count(22, "year", lang="ru") == "22 года"
    assert fmt_count(1200, "figure", lang="ru") == f"1{NBSP}200 показателей"


def test_russian_number_formats():
    assert fmt_musd(1234.5, lang="ru") == "$1,2 млрд"
    assert fmt_musd(654.2, lang="ru") == "$654 млн"
    assert fmt_musd(0.84, lang="ru") == "$0,8 млн"
    assert fmt_musd(-2345.0, lang="ru") == "-$2,3 млрд"
    assert fmt_musd(1_234_500.0, lang="ru") == f"$1{NBSP}234,5 млрд"
    assert fmt_pct(13.6, lang="ru") == f"+13,6{NBSP}%"
    assert fmt_pct(-4.25, lang="ru") == f"-4,2{NBSP}%"  # rounded as in English (binary 4.25 → half-even)
    assert fmt_pct(7.0, signed=False, lang="ru") == f"7,0{NBSP}%"
    assert fmt_int(1234.5, lang="ru") == f"1{NBSP}234"
    assert fmt_musd(float("nan"), lang="ru") == fmt_pct(None, lang="ru") == "–"


def test_english_formats_are_unchanged():
    assert fmt_musd(1234.5) == fmt_musd(1234.5, lang="en") == "$1.2 bn"
    assert fmt_musd(1_234_500.0) == "$1,234.5 bn"
    assert fmt_musd(654.2) == "$654 m"
    assert fmt_musd(0.84) == "$0.8 m"
    assert fmt_pct(13.6) == "+13.6%"
    assert fmt_pct(-4.25) == "-4.2%"
    assert fmt_int(1234567) == "1,234,567"
    assert fmt_count(2, "analysis", "analyses") == "2 analyses"


def test_dates_by_language():
    assert fmt_date(dt.date(2023, 3, 20), "ru") == f"20 марта 2023{NNBSP}г."
    assert fmt_date("2023-01-05", "ru") == f"5 января 2023{NNBSP}г."
    assert fmt_date("2023-03-20") == "2023-03-20"  # English keeps the ISO form the app shows today
    assert fmt_date(None, "ru") == "–"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang must be one of"):
        fmt_musd(10.0, lang="de")
    with pytest.raises(ValueError, match="lang must be one of"):
        i18n.translator("fr")


def test_translator_fills_placeholders_after_translating():
    tr = i18n.translator("ru")
    assert tr.gettext("${amount} m", amount="5") == "$5 млн"
    assert i18n.translator("en").gettext("${amount} m", amount="5") == "$5 m"
    assert tr.gettext("A message the catalog does not have") == "A message the catalog does not have"


def test_the_catalog_declares_russian_plural_rules():
    assert ru_catalog().num_plurals == 3
    assert re.search(r"n%10==1 && n%100!=11", ru_catalog().plural_expr)


def test_text_kept_in_another_language_carries_a_language_note():
    assert i18n.mark_foreign("Talks on tractors", "en", "ru") == "Talks on tractors [на английском]"
    assert i18n.mark_foreign("Talks on tractors", "en", "en") == "Talks on tractors"
    assert i18n.mark_foreign("Переговоры", "ru", "en") == "Переговоры [in Russian]"
    with pytest.raises(ValueError, match="lang must be one of"):
        i18n.mark_foreign("x", "de", "ru")
