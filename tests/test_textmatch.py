"""PhraseIndex: the phrase finder behind the analyzer's regions, sectors and goods."""

import re

from analysis.analyzer.textmatch import PhraseIndex, fold


def index(*phrases: str) -> PhraseIndex[str]:
    idx: PhraseIndex[str] = PhraseIndex()
    for p in phrases:
        idx.add(p, re.escape(p).replace("е", "[её]") + r"(?!\w)", re.IGNORECASE, p)
    return idx


def found(idx: PhraseIndex[str], text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.text, m.payload) for m in idx.find_all(text)]


def test_longest_phrase_wins_and_matches_do_not_overlap():
    idx = index("agricultural", "agricultural machinery", "machinery")
    text = "Agricultural machinery and machinery."
    assert found(idx, text) == [
        (0, 22, "Agricultural machinery", "agricultural machinery"),
        (27, 36, "machinery", "machinery"),
    ]


def test_case_and_yo_are_folded_for_the_lookup():
    idx = index("Орел")
    assert found(idx, "Делегация из ОРЁЛА? Нет: из Орёл") == [(28, 32, "Орёл", "Орел")]


def test_offsets_stay_right_after_a_letter_that_lower_cases_to_two():
    text = "İzmir, then Kaluga"  # 'İ'.lower() is two characters long
    assert len("İ".lower()) == 2
    assert found(index("Kaluga"), text) == [(12, 18, "Kaluga", "Kaluga")]
    assert len(fold(text)) == len(text)


def test_a_short_phrase_is_not_looked_up_inside_a_longer_word():
    idx: PhraseIndex[str] = PhraseIndex()
    idx.add("EU", "EU", 0, "eu")  # no word boundary in the pattern: the index's key still needs one
    assert found(idx, "Europe and the EU") == [(15, 17, "EU", "eu")]
