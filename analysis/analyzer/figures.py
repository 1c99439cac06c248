"""Trade figures and targets: a money amount becomes a figure when its clause names a trade flow.

Each amount takes its own nearest flow, its own period (the one written nearest before it, else the
trade sentence just before), its own qualifier and a scope: `pair` (Belarus and the region),
`national` (Belarus and Russia), `regions_group` (several Russian regions) or `oblast_pair` (a
Belarusian oblast and the region). A sentence without a flow of its own whose subject refers back
('Last year it grew to…', 'Объём составил…') inherits flow, period and scope of the trade sentence
before it. Forecasts ('may exceed', 'ожидается') are figures of kind `forecast`; aims ('agreed to
bring trade to', 'выйти на миллиард', 'double the trade') are targets.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from analysis.analyzer.dates import period_mentions
from analysis.analyzer.numbers import Amount, find_amounts, parse_number
from analysis.analyzer.sentences import HAS_DIGIT_RE, Sentence
from analysis.analyzer.textmatch import fold, word_start_re

# Flow cues, most specific first; where two overlap the longer wins.
FLOW_CUES = [
    (
        "by_imports",
        r"exports? (?:of [\w\s-]{1,40} )?to belarus|suppl(?:y|ies) to belarus|deliveries to belarus|"
        r"imports? (?:of [\w\s-]{1,30} )?from (?!belarus)|belarus(?:ian)?(?:'s|’s|'|’)? imports?|"
        r"belarus imported|belarus (?:buys|bought|purchases)|"
        r"(?:region|oblast|krai|republic|territory)(?:'s|’s) (?:exports?|supplies|deliveries)|"
        r"exports? (?:of|from) the (?:region|republic|oblast|krai)|"
        r"экспорт\w* (?:[\w-]+ ){0,2}в (?:беларусь|белоруссию|рб|республику беларусь)|"
        r"поставк\w* (?:[\w-]+ ){0,2}в (?:беларусь|белоруссию)|импорт\w* (?:[\w-]+ ){0,2}из (?!беларуси|белоруссии|рб)|"
        r"белорусск\w* импорт\w*|экспорт\w* (?:из )?(?:региона|области|края|республики)|ввоз\w*",
    ),
    (
        "by_exports",
        r"imports? (?:of [\w\s-]{1,30} )?from belarus|suppl(?:y|ies) from belarus|deliveries from belarus|"
        r"belarus(?:ian)?(?:'s|’s|'|’)? exports?|belarus exported|"
        r"exports? (?:of [\w\s-]{1,30} )?(?:from belarus )?to (?:the |this |that )?(?:region|republic|oblast|krai)|"
        r"suppl(?:y|ies) to the (?:region|republic)|deliveries of belarusian|"
        r"belarus(?:ian (?:companies|producers|exporters|enterprises))? (?:sold|sells|shipped|ships|supplied|delivered)|"
        r"импорт\w* (?:[\w-]+ ){0,2}из (?:беларуси|белоруссии|рб)|белорусск\w* экспорт\w*|"
        r"экспорт\w* (?:из )?(?:беларуси|белоруссии|рб)|экспорт\w* белорусск\w*|"
        r"поставк\w* (?:из )?(?:беларуси|белоруссии)|поставк\w* белорусск\w*|"
        r"поставк\w* (?:[\w-]+ ){0,2}в (?:регион|республику|область|край)|"
        r"\bexports?\b|\bexported\b|экспорт\w*",
    ),
    ("by_imports", r"\bimports?\b|\bimported\b|импорт\w*"),
    ("balance", r"surplus|deficit|trade balance|balance of trade|сальдо|профицит|дефицит"),
    (
        "turnover",
        r"trade turnover|turnover|trade volume|volume of trade|mutual trade|bilateral trade|trade between|"
        r"trade with|foreign trade|товарооборот\w*|торгов\w* оборот\w*|взаимн\w* торговл\w*|объ[её]м\w* торговл\w*|"
        r"внешнеторгов\w* оборот\w*|\btrade\b(?! deals?| fairs?| missions?| house| mission| office)|"
        r"торговл\w*|наторговал\w*|\btraded\b|торговал\w*",
    ),
]
# One pass over the case-folded sentence; at each word the first listed (most specific) cue wins.
FLOW_CUE_RE = word_start_re("|".join(f"(?P<c{i}>{p})" for i, (_, p) in enumerate(FLOW_CUES)), 0)
FLOW_OF_GROUP = {f"c{i}": flow for i, (flow, _) in enumerate(FLOW_CUES)}
DISTRACTOR_RE = word_start_re(
    r"\btax|loss(?:es)?\b|budget|invest\w*|salar\w*|wage|price|cost\w*|loan|credit|grant|fine\b|capital|"
    r"contract\w* (?:worth|for|of)|налог\w*|убыт\w*|бюджет\w*|инвестиц\w*|зарплат\w*|цен[аыу]|стоимост\w*|"
    r"кредит\w*|заработн\w*",
)
REFER_RE = word_start_re(
    r"\b(?:it|its|they|these|the figure|this figure|that figure|the volume|the total|the amount|the latter|"
    r"он|она|оно|показател\w*|цифр\w*|объ[её]м\w*|сумм\w*)\b",
)
GOAL_RE = word_start_re(
    r"\b(?:aim\w*|target\w*|goal|objective|task is|agreed to|intend\w* to|plans? to|planned to|want\w* to|"
    r"seek\w* to|strive to|ask\w* to|propos\w* to|call\w* (?:for|to))\b|"
    r"выйти на|выйдем на|выйдет на|довести\w*|доведени\w*|увеличить|нарастить|наращивани\w*|"
    r"\bцел\w*|задач\w*|планк\w*|договорил\w*|планиру\w*",
)
# 'to bring / raise / reach … to': an aim unless a forecast word says it is expected ('is expected to reach').
WEAK_GOAL_RE = word_start_re(
    r"\b(?:to|will|shall|should|must|can)\s+(?:\w+\s+){0,1}(?:bring|rais|increas|boost|lift|grow|doubl|reach|"
    r"achiev|hit)\w*|достичь|достигнуть",
)
FORECAST_RE = word_start_re(
    r"\b(?:may|might|could|would|will|is expected|are expected|expected to|expects?|expecting|is likely|are likely|likely to|"
    r"is projected|projected to|is forecast|forecast\w*|estimated to|on track to)\b|"
    r"\bмо(?:жет|гут)\b|\bсмо(?:жет|гут)\b|ожида\w*|прогноз\w*|по оценк\w*|предполага\w*|вероятно|рассчитыва\w*",
)
DONE_RE = word_start_re(
    r"\b(?:reached|amounted|totall?ed|stood|was|were|exceeded|came|grew|rose|fell|increased|decreased|"
    r"достиг(?:ло|ла|)|составил\w*|превысил\w*|вырос\w*|снизил\w*|сократил\w*)\b",
)
QUALIFIER_CUES = [
    ("almost", r"almost|nearly|close to|just under|approaching|under|почти|без малого|чуть меньше|менее|меньше чем"),
    ("over", r"over|more than|passed|topped|crossed|above|exceed\w*|surpass\w*|in excess of|upwards of|"
             r"превыси\w*|превыша\w*|более|свыше|больше|перевалил\w*|перешагнул\w*"),
    ("about", r"about|around|approximately|roughly|some|an estimated|estimated at|около|порядка|примерно|"
              r"приблизительно|в районе|в пределах|ориентировочно"),
]  # fmt: skip
QUALIFIER_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<{q}>{p})" for q, p in QUALIFIER_CUES) + r")"
    r"(?:\s+(?:than|чем|of|на|at|to))*\s*(?:чем\s+)?(?:на\s+)?$",
    re.IGNORECASE,
)
CHANGE_UP = r"up|above|higher|more|increase\w*|grew|grow\w*|rose|rising|gain\w*|\+|рост\w*|прирост\w*|увелич\w*|выро\w*|вырас\w*|прибав\w*|выше"
CHANGE_DOWN = r"down|below|less|under|decrease\w*|declin\w*|fell|fall\w*|drop\w*|lower|shrank|сниж\w*|сниз\w*|сокра\w*|упа\w*|уменьш\w*|ниже|[-–−]"
CHANGE_RE = re.compile(
    r"(?P<dir>" + CHANGE_UP + "|" + CHANGE_DOWN + r")\s*(?:by\s|на\s|of\s)?\s*(?P<num>\d+(?:[.,]\d+)?)\s?"
    r"(?:%|per\s?cent|процент\w*)",
    re.IGNORECASE,
)
CHANGE_AFTER_RE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)?)\s?(?:%|per\s?cent)\s(?P<dir>above|higher|more|up|over|below|lower|less|down|under)\b",
    re.IGNORECASE,
)
DOWN_RE = re.compile(r"^(?:" + CHANGE_DOWN + r")$", re.IGNORECASE)
# Written so that every form starts with ';', ',' or a space: the engine then skips other characters fast.
CLAUSE_SPLIT_RE = re.compile(
    r";|,(?: while | whereas | but | and (?!\w+ed\b)| а | но | тогда как | при этом | в то время как | и )"
    r"| while | whereas "
)
NATIONAL_RE = word_start_re(
    r"belarus(?:ian)?[-–\s]+russian?\b|russian?[-–\s]+belarus(?:ian)?\b|belarus and russia|russia and belarus|"
    r"(?:trade|turnover) (?:with|between)\s+(?:the\s+)?russia(?:n federation)?\b|with russia as a whole|union state|"
    r"the two countries|both countries|белорусско-российск\w*|российско-белорусск\w*|беларуси и росси\w*|"
    r"росси\w* и беларус\w*|белоруссии и росси\w*|с россией\b|союзн\w* государств\w*|двух стран|"
    r"\bстран(?:ами)?\b|\bEAEU\b|\bЕАЭС\b",
)
GROUP_RE = word_start_re(
    r"\bregions\b|\bрегион(?:ов|ы|ами|ах)\b|federal district|федеральн\w* округ\w*|far east\w*|"
    r"дальневосточн\w*|дальнего востока|siberian regions|сибирск\w* регион\w*|субъект\w* (?:рф|росси\w*)",
)
OBLAST_PAIR_RE = word_start_re(
    r"(?:brest|vitebsk|gomel|homiel|grodno|hrodna|minsk|mogilev|mahilyow)\s+(?:oblast|region)|"
    r"(?:брестск|витебск|гомельск|гродненск|минск|могил[её]вск)\w*\s+(?:и\s+\w+\s+)?област\w*",
)
RELATIVE_RE = word_start_re(
    r"\b(?:(?P<en>double|triple)\w*\s+(?:\w+\s+){0,3}?(?:trade|turnover|it|exports?|supplies))|"
    r"(?P<ru>удво\w*|утро\w*)\s+(?:\w+\s+){0,2}?(?:товарооборот\w*|торговл\w*|экспорт\w*|поставк\w*|его|её|ее)|"
    r"(?:товарооборот\w*|торговл\w*|экспорт\w*)\s+(?:\w+\s+){0,2}?в (?P<n>два|три|2|3) раза",
)
WORD_BILLION_RE = word_start_re(
    r"(?:cherished|coveted|magic|symbolic|заветн\w*|желанн\w*|символическ\w*)\s+(?:\w+\s+)?(?:billion|миллиард\w*)|"
    r"(?:выйти|выйдем|выйдет|выход\w*)\s+на\s+(?:уровень\s+)?(?:в\s+)?(?:один\s+)?миллиард\w*(?!\s+(?:руб|евро))|"
    r"(?:reach|hit|achieve)\w*\s+(?:the\s+|a\s+|one\s+)?billion\b(?!\s+(?:rub|roub|euro))",
)


BY_YEAR_RE = re.compile(r"\b(?:by|in|until|before|к|в|до)\s+(20\d\d)")
WITHIN_RE = re.compile(r"within (?:the next )?(\w+) years|в течение (\w+) лет", re.I)
YEAR_EARLIER_RE = word_start_re(
    r"a year (?:earlier|before)|the year before|the previous year|годом (?:ранее|раньше)|в предыдущем году|"
    r"за год до этого"
)
SHARED_RE = re.compile(r"^[^,;.]{0,30}?\s(?:and|и)\s+$", re.IGNORECASE)
ATTACHED_RE = re.compile(r"^\s*(?:in|for|during|в|за|по итогам)?\s*(?:the\s+)?$", re.IGNORECASE)
PERIODISH_RE = re.compile(
    r"\b(?:19|20)\d\d\b|year|год|месяц|квартал|полугоди|half|quarter|months|\bH[12]\b|\bQ[1-4]\b",
    re.IGNORECASE,
)
WORDY_RE = re.compile(r"миллиард|billion|миллион|million|удво|doubl|tripl|утро|\bв (?:два|три) раза", re.I)
WORDY_NEEDLES = ("миллиард", "billion", "миллион", "million", "удво", "doubl", "tripl", "утро", " раза")


@dataclass
class TradeContext:
    """The last trade sentence: what a follow-up sentence inherits."""

    index: int
    flow: str | None
    period: str | None
    scope: str
    region_iso: str | None
    currency: str | None
    paragraph: int = 0


def is_wordy(text: str) -> bool:
    """True when the text writes an amount or a multiple in words ('миллиард', 'double'): WORDY_RE,
    tried only when a cheap substring test finds one of its words."""
    low = text.lower()
    return any(w in low for w in WORDY_NEEDLES) and WORDY_RE.search(text) is not None


def clause_splits(sentence: str) -> list[tuple[int, int]]:
    """Spans of the clause separators of a sentence (CLAUSE_SPLIT_RE), left to right."""
    return [m.span() for m in CLAUSE_SPLIT_RE.finditer(sentence)]


def _clause_bounds(sentence: str, pos: int, splits: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """Start and end of the clause holding character `pos` (`splits`: the sentence's clause_splits)."""
    start, end = 0, len(sentence)
    for a, b in clause_splits(sentence) if splits is None else splits:
        if b <= pos:
            start = b
        elif a >= pos:
            end = a
            break
    return start, end


def flow_cues(sentence: str) -> list[tuple[int, int, str]]:
    """Flow cues (start, end, flow) of a sentence, left to right, never overlapping."""
    return [(m.start(), m.end(), FLOW_OF_GROUP[m.lastgroup]) for m in FLOW_CUE_RE.finditer(fold(sentence))]


def _flow_for(
    sentence: str, cues: list[tuple[int, int, str]], a: Amount, splits: list[tuple[int, int]] | None = None
) -> str | None:
    """The flow of one amount: the cue nearest before it in its clause, else nearest after it in its clause."""
    c_start, c_end = _clause_bounds(sentence, a.start, splits)
    before = [c for c in cues if c[1] <= a.start and c[0] >= c_start]
    if not before:  # the subject may sit in the sentence's first clause ('Trade grew…, reaching $X')
        before = [c for c in cues if c[1] <= a.start and c[0] < c_start and c[2] == "turnover"][-1:]
    after = [c for c in cues if c[0] >= a.end and c[1] <= c_end and c[0] - a.end < 60]
    cue = before[-1] if before else after[0] if after else None
    if cue is None:
        return None
    lo, hi = (cue[1], a.start) if cue[1] <= a.start else (a.end, cue[0])
    if DISTRACTOR_RE.search(sentence[lo:hi]):
        return None
    return cue[2]


def _scope(window: str) -> str:
    if OBLAST_PAIR_RE.search(window):
        return "oblast_pair"
    if GROUP_RE.search(window):
        return "regions_group"
    if NATIONAL_RE.search(window):
        return "national"
    return "pair"


def _qualifier(before: str) -> str:
    if before.rstrip().endswith("("):
        return "exact"
    m = QUALIFIER_RE.search(before[-40:])
    return m.lastgroup if m else "exact"


def _period_for(
    sentence: str, periods: list, a: Amount, clause_start: int, clause_end: int
) -> tuple[str | None, bool]:
    """(period, found in this sentence): the period nearest before the amount, else after it in its clause."""
    real = [p for p in periods if p[2] and not p[3]]
    attached = [p for p in real if p[0] >= a.end and ATTACHED_RE.match(sentence[a.end : p[0]])]
    if attached:
        return attached[0][2], True
    before = [p for p in real if p[1] <= a.start]
    in_clause = [p for p in before if p[0] >= clause_start]
    if in_clause:
        return in_clause[-1][2], True
    after = [p for p in real if p[0] >= a.end and p[1] <= clause_end]
    if after:
        return after[0][2], True
    if before:
        return before[-1][2], True
    return None, False


def _change(before: str, after: str) -> float | None:
    if not any(p in before[-60:] or p in after for p in ("%", "процент", "per cent")):
        return None
    cm = CHANGE_RE.search(after) or CHANGE_AFTER_RE.search(after) or CHANGE_RE.search(before[-60:])
    if not cm:
        return None
    change = parse_number(cm.group("num"))
    return -change if DOWN_RE.match(cm.group("dir").strip()) else change


def _by_year(sentence: str, after_pos: int, report_year: int | None) -> int | None:
    by = BY_YEAR_RE.search(sentence, after_pos)
    if by:
        return int(by.group(1))
    within = WITHIN_RE.search(sentence)
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
    if within and report_year:
        n = within.group(1) or within.group(2)
        k = int(n) if n.isdigit() else words.get(n.lower())
        return report_year + k if k else None
    return None


def _region_near(mentions: list[tuple[int, int, str]], lo: int, hi: int) -> str | None:
    """The Russian region named last in [lo, hi) of the sentence, if any."""
    inside = [m for m in mentions if m[0] >= lo and m[1] <= hi and m[2].startswith("RU-")]
    return inside[-1][2] if inside else None


def sentence_records(
    s: Sentence,
    index: int,
    report_year: int | None,
    report_month: int | None,
    context: TradeContext | None,
    mentions: list[tuple[int, int, str]],
    meeting_iso: str | None,
    wordy: bool | None = None,
) -> tuple[list[dict], TradeContext | None]:
    """Figures and targets of one sentence, and the trade context it leaves for the next one.
    `wordy`: the sentence's is_wordy, when already known."""
    text = s.text
    recent = (
        context
        if context is not None and index - context.index <= 2 and context.paragraph == s.paragraph
        else None
    )
    amounts = find_amounts(text, recent.currency if recent else None)
    quiet = not amounts and "%" not in text and "процент" not in text
    wordy = is_wordy(text) if wordy is None else wordy
    if quiet and not wordy and not PERIODISH_RE.search(text):
        return [], recent
    cues = flow_cues(text)
    if not cues and not amounts and not wordy:
        return [], recent
    context_year = int(recent.period[:4]) if recent is not None and recent.period else None
    periods = period_mentions(text, report_year, context_year, report_month)
    out: list[dict] = []
    lo = bisect.bisect_left(mentions, (s.start,))
    hi = bisect.bisect_left(mentions, (s.end,))
    sent_mentions = [(a - s.start, b - s.start, iso) for a, b, iso in mentions[lo:hi]]
    new_context = None
    last_end, last_qualifier = 0, None
    splits = clause_splits(text) if amounts else []
    for a in amounts:
        c_start, c_end = _clause_bounds(text, a.start, splits)
        before = text[: a.start]
        clause_before = text[c_start : a.start]
        flow = _flow_for(text, cues, a, splits)
        inherited = False
        if (
            flow is None
            and recent is not None
            and REFER_RE.search(before)
            and not DISTRACTOR_RE.search(before)
        ):
            flow, inherited = recent.flow, True
        window_before = clause_before[-90:]
        is_forecast = bool(FORECAST_RE.search(clause_before)) and not DONE_RE.search(clause_before[-25:])
        is_goal = (
            bool(GOAL_RE.search(window_before))
            or (bool(WEAK_GOAL_RE.search(window_before)) and not is_forecast)
        ) and not DONE_RE.search(clause_before[-40:])
        if flow is None and is_goal and not DISTRACTOR_RE.search(text):
            flow = "turnover"  # 'raise it to $500 million': a level to reach is a turnover target
        if flow is None:
            continue
        window = text[c_start : min(c_end, a.end + 40)]
        scope = _scope(text[c_start : a.end] if not inherited else window)
        other = _region_near(sent_mentions, c_start, a.start)
        if inherited and recent is not None:
            scope = recent.scope if scope == "pair" else scope
            other = other or recent.region_iso
        region_iso = other or meeting_iso
        if is_goal:
            out.append({
                "record_type": "target", "flow": flow, "value": a.value, "unit": a.unit, "currency": a.currency,
                "by_year": _by_year(text, a.end, report_year), "relative": None, "scope": scope,
                "region_iso": region_iso, "text": text,
            })  # fmt: skip
            continue
        kind = "forecast" if is_forecast else "reported"
        period, own = _period_for(text, periods, a, c_start, c_end)
        if not own and recent is not None and recent.period:
            period = recent.period
            if YEAR_EARLIER_RE.search(text[: a.start]) and recent.period.isdigit():
                period = str(int(recent.period) - 1)
        after = CLAUSE_SPLIT_RE.split(text[a.end :], maxsplit=1)[0][:80]
        qualifier = _qualifier(before)
        if qualifier == "exact" and last_qualifier and SHARED_RE.match(text[last_end : a.start]):
            qualifier = last_qualifier  # 'exceeded $160 million in 2021 and $100 million in H1 2022'
        last_end, last_qualifier = a.end, qualifier
        out.append({
            "record_type": "figure", "flow": flow, "period": period, "value": a.value, "unit": a.unit,
            "currency": a.currency, "qualifier": qualifier, "change_pct": _change(before, after),
            "scope": scope, "kind": kind, "region_iso": region_iso, "text": text,
        })  # fmt: skip
        new_context = TradeContext(index, flow, period, scope, region_iso, a.currency, s.paragraph)
    out += _word_targets(text, amounts, report_year, meeting_iso)
    if not amounts:
        out += growth_only_records(text, cues, periods, recent)
    if new_context is None and cues and any(c[2] == "turnover" or c[2].startswith("by_") for c in cues):
        real = {p[2] for p in periods if p[2] and not p[3]}
        if real or recent is None:
            new_context = TradeContext(
                index,
                cues[0][2],
                real.pop() if len(real) == 1 else None,
                _scope(text),
                meeting_iso,
                recent.currency if recent else None,
            )
        else:
            new_context = recent
    return out, new_context or (recent if recent is not None else None)


def _word_targets(
    text: str, amounts: list[Amount], report_year: int | None, meeting_iso: str | None
) -> list[dict]:
    """Targets written in words: 'the cherished billion', 'выйти на миллиард', 'double the trade'."""
    out: list[dict] = []
    low = text.lower()
    if not any(w in low for w in ("billion", "миллиард", "doubl", "tripl", "удво", "утро", " раза")):
        return out
    for m in WORD_BILLION_RE.finditer(text):
        if any(a.start < m.end() and m.start() < a.end for a in amounts):
            continue
        out.append({
            "record_type": "target", "flow": "turnover", "value": 1.0, "unit": "billion", "currency": "USD",
            "by_year": _by_year(text, m.end(), report_year), "relative": None, "scope": "pair",
            "region_iso": meeting_iso, "text": text,
        })  # fmt: skip
    m = RELATIVE_RE.search(text)
    if m:
        word = (m.group("en") or m.group("ru") or m.group("n") or "").lower()
        factor = 3.0 if word.startswith(("tripl", "утро", "три", "3")) else 2.0
        flows = flow_cues(m.group(0))
        out.append({
            "record_type": "target", "flow": flows[0][2] if flows else "turnover", "value": None, "unit": None,
            "currency": None, "by_year": _by_year(text, m.end(), report_year), "relative": factor,
            "scope": "pair", "region_iso": meeting_iso, "text": text,
        })  # fmt: skip
    return out


def growth_only_records(text: str, cues: list, periods: list, recent: TradeContext | None) -> list[dict]:
    """'Trade grew by 13.6% in 2023' without an amount: a figure with a change and no value."""
    if "%" not in text and "процент" not in text and "per cent" not in text:
        return []
    cm = CHANGE_RE.search(text)
    if not cm:
        return []
    before = [c for c in cues if c[1] <= cm.start()]
    if not before or before[-1][2] == "balance" or DISTRACTOR_RE.search(text[before[-1][1] : cm.start()]):
        return []
    change = parse_number(cm.group("num"))
    if DOWN_RE.match(cm.group("dir").strip()):
        change = -change
    real = [p for p in periods if p[2] and not p[3]]
    return [{
        "record_type": "figure", "flow": before[-1][2], "period": real[0][2] if real else None, "value": None,
        "unit": None, "currency": None, "qualifier": "exact", "change_pct": change, "scope": _scope(text),
        "kind": "forecast" if FORECAST_RE.search(text[: cm.start()]) else "reported", "region_iso": None,
        "text": text,
    }]  # fmt: skip


def money_figures(
    sentences: list[Sentence],
    report_year: int | None,
    mentions: list[tuple[int, int, str]] | None = None,
    meeting_iso: str | None = None,
    report_month: int | None = None,
) -> list[dict]:
    """Trade figures and targets of a report, in order. `mentions` are region names (start, end, iso)."""
    out: list[dict] = []
    context: TradeContext | None = None
    for i, s in enumerate(sentences):
        wordy = is_wordy(s.text)
        if not wordy and not HAS_DIGIT_RE.search(s.text):
            continue
        recs, context = sentence_records(
            s, i, report_year, report_month, context, mentions or [], meeting_iso, wordy
        )
        for r in recs:
            if r.get("region_iso") is None:
                r["region_iso"] = meeting_iso
        out += recs
    return out
