"""Trade figures and targets: a money amount becomes a figure when its sentence names a trade flow."""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.analyzer.dates import find_period
from analysis.analyzer.numbers import MONEY_RE, SCALES, WORD_NUMBERS, currency_in, currency_of, parse_number
from analysis.analyzer.sentences import HAS_DIGIT_RE, Sentence

FLOW_CUES = [
    (
        "by_imports",
        r"exports? (?:of [\w\s-]+ )?to belarus|supplies to belarus|imports? from (?!belarus)|belarus(?:ian)? imports?|"
        r"belarus imported|belarus (?:buys|bought|purchases)|экспорт\w* в (?:беларусь|белоруссию|рб)|"
        r"поставк\w* в (?:беларусь|белоруссию)|импорт\w* из (?!беларуси|белоруссии)|белорусск\w* импорт",
    ),
    (
        "by_exports",
        r"imports? from belarus|supplies from belarus|deliveries from belarus|belarus(?:ian)? exports?|"
        r"belarus(?:'s)? exports?|belarus exported|exports? (?:of [\w\s-]+ )?(?:from belarus )?to (?:the |this )?region|"
        r"импорт\w* из (?:беларуси|белоруссии)|белорусск\w* экспорт|экспорт\w* (?:из )?(?:беларуси|белоруссии)|"
        r"поставк\w* из (?:беларуси|белоруссии)",
    ),
    ("balance", r"surplus|deficit|trade balance|balance of trade|сальдо|профицит|дефицит"),
    (
        "turnover",
        r"trade turnover|turnover|trade volume|volume of trade|mutual trade|bilateral trade|trade between|"
        r"trade with|foreign trade|trade (?:grew|rose|increased|fell|decreased|reached|amounted|totall?ed|exceeded)|"
        r"товарооборот\w*|торгов\w* оборот\w*|взаимн\w* торговл\w*|объ[её]м\w* торговл\w*|внешнеторгов\w* оборот\w*|"
        r"\btrade\b(?! deals?| fairs?| missions?| house)|торговл\w*|наторговал\w*",
    ),
]
FLOW_CUE_RES = [(flow, re.compile(p, re.IGNORECASE)) for flow, p in FLOW_CUES]
DISTRACTOR_RE = re.compile(
    r"\btax|loss(?:es)?\b|budget|invest\w*|salar\w*|wage|price|cost\w*|loan|credit|grant|fine\b|capital|"
    r"налог\w*|убыт\w*|бюджет\w*|инвестиц\w*|зарплат\w*|цен[аыу]|стоимост\w*|кредит\w*|заработн\w*",
    re.IGNORECASE,
)
TARGET_RE = re.compile(
    r"\b(?:to reach|will reach|could reach|can reach|should reach|would reach|may reach|reach|hit|achieve|"
    r"aim\w* (?:to|for|at)|target\w*|goal|objective|task is|bring\w* [\w\s]{0,30}?to|increas\w* [\w\s]{0,30}?to|"
    r"rais\w* [\w\s]{0,30}?to|boost\w* [\w\s]{0,30}?to|double [\w\s]{0,30}?to|grow [\w\s]{0,20}?to|up to)\b|"
    r"выйти на|выйдем на|выйдет на|достигнем|достигнет|достигнут\b|довести\w* [\w\s]{0,30}?до|достичь|достигнуть|увеличить [\w\s]{0,30}?до|нарастить [\w\s]{0,30}?до|"
    r"цель|задач\w*|планк\w*",
    re.IGNORECASE,
)
QUALIFIER_CUES = [
    ("almost", r"almost|nearly|close to|just under|approaching|under|почти|без малого|чуть меньше|менее"),
    ("over", r"over|more than|passed|topped|crossed|above|exceed\w*|surpass\w*|in excess of|upwards of|превыси\w*|превыша\w*|более|свыше|больше|"
             r"перевалил\w*|перешагнул\w*"),
    ("about", r"about|around|approximately|roughly|some|an estimated|estimated at|около|порядка|примерно|приблизительно"),
]  # fmt: skip
QUALIFIER_RES = [
    (q, re.compile(r"(?:" + p + r")\W*(?:\w+\W+){0,3}$", re.IGNORECASE)) for q, p in QUALIFIER_CUES
]
CHANGE_UP = r"up|above|higher|more|increase\w*|grew|grow\w*|rose|rising|gain\w*|higher|\+|рост\w*|прирост\w*|увелич\w*|выро\w*|вырас\w*|прибав\w*|выше"
CHANGE_DOWN = r"down|below|less|under|decrease\w*|declin\w*|fell|fall\w*|drop\w*|lower|shrank|сниж\w*|сниз\w*|сокра\w*|упа\w*|уменьш\w*|ниже|[-–−]"
CHANGE_RE = re.compile(
    r"(?P<dir>"
    + CHANGE_UP
    + "|"
    + CHANGE_DOWN
    + r")\s*(?:by\s|на\s|of\s)?\s*(?P<num>\d+(?:[.,]\d+)?)\s?(?:%|per\s?cent|процент\w*)",
    re.IGNORECASE,
)
CHANGE_AFTER_RE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)?)\s?(?:%|per\s?cent)\s(?P<dir>above|higher|more|up|over|below|lower|less|down|under)\b",
    re.IGNORECASE,
)
DOWN_RE = re.compile(r"^(?:" + CHANGE_DOWN + r")$", re.IGNORECASE)

CLAUSE_END_RE = re.compile(r";|,? and (?=\w+ed\b|fell|rose|grew)|,? while |,? but |, а |, но |, тогда как ")


@lru_cache(maxsize=512)
def _cues(sentence: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[int, ...]]:
    """Flow cues (start, end, flow) and distractor ends of one sentence, computed once per sentence."""
    cues = tuple((m.start(), m.end(), flow) for flow, rx in FLOW_CUE_RES for m in rx.finditer(sentence))
    return cues, tuple(d.end() for d in DISTRACTOR_RE.finditer(sentence))


def _flow_near(sentence: str, start: int, end: int) -> str | None:
    """The trade flow cue nearest before the amount (or just after it) in the same sentence."""
    cues, distractor_ends = _cues(sentence)
    best: tuple[int, str] | None = None
    for c_start, c_end, flow in cues:
        if c_end <= start:
            dist = start - c_end
        elif c_start >= end:
            dist = (c_start - end) * 3  # cues after the number count, but weigh less
            if dist > 120:
                continue
        else:
            continue
        if best is None or dist < best[0]:
            best = (dist, flow)
    if best is None:
        return None
    if any(e <= start and start - e < best[0] for e in distractor_ends):
        return None
    return best[1]


def money_record(sentence: str, m: re.Match[str], report_year: int | None) -> dict | None:
    """A figure or target from one money match, or None when it is not about trade."""
    currency = currency_of(m.group("pre"), m.group("post"))
    if currency is None:
        return None
    raw_scale = (m.group("scale") or "").lower()
    scale = SCALES.get(raw_scale) or next(
        (unit for word, unit in SCALES.items() if len(word) > 4 and raw_scale.startswith(word)), None
    )
    if m.group("word"):
        if scale is None or raw_scale in ("m", "b"):
            return None  # 'a m' or 'two dollars' are not amounts in millions or billions
        value_raw = float(WORD_NUMBERS[m.group("word").lower()])
    else:
        value_raw = parse_number(m.group("num"))
        if scale is None:
            if value_raw < 1e6:
                return None
            value_raw, scale = value_raw / 1e6, "million"
    before = sentence[: m.start()]
    is_target = bool(TARGET_RE.search(before[-70:])) and not re.search(
        r"\b(?:reached|amounted|totall?ed|stood|was|were|exceeded|достиг(?:ло|ла|)\b|составил\w*)\W+(?:\w+\W+){0,3}$",
        before[-60:],
        re.IGNORECASE,
    )
    flow = _flow_near(sentence, m.start(), m.end())
    if flow is None and is_target and not DISTRACTOR_RE.search(sentence):
        flow = "turnover"  # 'raise it to $500 million': a level to reach is a turnover target
    if flow is None:
        return None
    qualifier = "exact"
    for q, rx in QUALIFIER_RES:
        if rx.search(before[-40:]):
            qualifier = q
            break
    after = CLAUSE_END_RE.split(sentence[m.end() :], maxsplit=1)[0][:80]
    own_clause = before + m.group(0) + re.split(r",|;", after, maxsplit=1)[0]
    change = None
    cm = CHANGE_RE.search(after) or CHANGE_AFTER_RE.search(after) or CHANGE_RE.search(before[-60:])
    if cm and not is_target:
        change = parse_number(cm.group("num"))
        if DOWN_RE.match(cm.group("dir").strip()):
            change = -change
    text = sentence.strip()
    if is_target:
        by = re.search(r"\b(?:by|in|until|before|к|в|до)\s+(20\d\d)", sentence[m.end() :])
        within = re.search(r"within (?:the next )?(\w+) years|в течение (\w+) лет", sentence, re.I)
        words = {
            "two": 2,
            "three": 3,
            "four": 4,
            "five": 5,
            "ten": 10,
            "двух": 2,
            "трех": 3,
            "трёх": 3,
            "пяти": 5,
        }
        by_year = int(by.group(1)) if by else None
        if by_year is None and within and report_year:
            n = within.group(1) or within.group(2)
            k = int(n) if n.isdigit() else words.get(n.lower())
            by_year = report_year + k if k else None
        return {
            "kind": "target",
            "flow": flow,
            "value": value_raw,
            "unit": scale,
            "currency": currency,
            "by_year": by_year,
            "text": text,
        }
    return {
        "kind": "figure", "flow": flow, "period": find_period(own_clause, report_year), "value": value_raw,
        "unit": scale, "currency": currency, "qualifier": qualifier, "change_pct": change, "text": text,
    }  # fmt: skip


def growth_only_records(sentence: str, report_year: int | None) -> list[dict]:
    """'Trade grew by 13.6% in 2023' without an amount: a figure with a change and no value."""
    if "%" not in sentence and "процент" not in sentence and "per cent" not in sentence:
        return []
    if currency_in(sentence):
        return []
    cm = CHANGE_RE.search(sentence)
    if not cm:
        return []
    flow = _flow_near(sentence, cm.start(), cm.end())
    if flow is None or flow == "balance":
        return []
    change = parse_number(cm.group("num"))
    if DOWN_RE.match(cm.group("dir").strip()):
        change = -change
    return [{
        "kind": "figure", "flow": flow, "period": find_period(sentence, report_year), "value": None,
        "unit": None, "currency": None, "qualifier": "exact", "change_pct": change, "text": sentence.strip(),
    }]  # fmt: skip


def money_figures(sentences: list[Sentence], report_year: int | None) -> list[dict]:
    """Trade figures and targets: money amounts whose sentence gives a trade flow."""
    _cues.cache_clear()  # per-report cache: keeps memory flat and timings honest
    out = []
    for s in sentences:
        if not HAS_DIGIT_RE.search(s.text):
            continue
        found = [r for m in MONEY_RE.finditer(s.text) if (r := money_record(s.text, m, report_year))]
        out += found or growth_only_records(s.text, report_year)
    return out
