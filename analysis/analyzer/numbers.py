"""Money amounts in text: numerals in every national format and number words, scale words, currencies.

`find_amounts` returns each amount with its value in its own unit ('million', 'billion', …), its
currency and its character span. Number words ('двадцать пять', 'two hundred fifty') are read by the
`number-parser` package; we only add the forms it does not know ('пол', 'half a', 'полтора').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from number_parser import parse_number as _parse_words

from analysis.analyzer.textmatch import fold

SPACES = " \u00a0\u2009\u202f"
SCALES = {
    "thousand": "thousand", "тыс": "thousand", "тысяч": "thousand", "миллион": "million", "миллиард": "billion",
    "триллион": "trillion",
    "million": "million", "mln": "million", "mn": "million", "m": "million", "млн": "million",
    "billion": "billion", "bln": "billion", "bn": "billion", "b": "billion", "млрд": "billion",
    "trillion": "trillion", "trln": "trillion", "трлн": "trillion",
}  # fmt: skip
# Numerals: '1.844.036.360,12' (dots group, comma decimal), '1 234,5' (any space groups), '1,234.5', '654'.
NUMBER = (
    r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}"
    rf"|\d{{1,3}}(?:[{SPACES}]\d{{3}})+(?:[.,]\d+)?|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
)
_EN_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
)
_RU_WORDS = (
    r"од(?:ин|на|ного|ной|ному)|дв(?:а|е|ух|ум)|тр(?:и|[её]х|ем)|четыр(?:е|[её]х)|пят\w*|шест\w*|сем(?:ь|и)|"
    r"восьм\w*|восем\w*|девят\w*|десят\w*|одиннадцат\w*|двенадцат\w*|тринадцат\w*|четырнадцат\w*|"
    r"двадцат\w*|тридцат\w*|сорок\w*|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяност\w*|"
    r"сто|ста|двест\w*|двухсот|трист\w*|трехсот|трёхсот|четырест\w*|четырехсот|пятьсот|пятисот|шестьсот|"
    r"семьсот|восемьсот|девятьсот|сотн\w*"
)
WORD_RUN = rf"(?:(?:{_EN_WORDS}|{_RU_WORDS})(?:[\s-]+(?:and\s+)?(?=(?:{_EN_WORDS}|{_RU_WORDS})\b))?)+"
HALF = r"half\s+a|пол-?|полтора|полторы|a|an"
SCALE_RE = (
    r"thousand|million|billion|trillion|mln|bln|trln|mn|bn|m|b|тыс|млн|млрд|трлн|"
    r"миллиард\w*|миллион\w*|триллион\w*|тысяч\w*"
)
CURRENCY_POST = (
    r"US\s?dollars?|dollars?|USD|U\.S\. dollars|rubles?|roubles?|RUB|euros?|EUR|BYN|"
    r"долл\.?(?:\s?США)?|доллар\w*(?:\s?США)?|\$|рос\w*\sруб\w*|белорусск\w*\sруб\w*|руб\w*|евро"
)
_TAIL = (
    rf"[{SPACES}-]?(?P<scale>(?:{SCALE_RE})(?![a-zа-яё]))?\.?"
    rf"(?:[{SPACES}]?(?:(?:US\s)?)(?P<post>{CURRENCY_POST})(?![a-zа-яё]))?"
)
_PRE = rf"(?P<pre>US\$|\$|USD[{SPACES}]?|€|EUR[{SPACES}]?|BYN[{SPACES}]?)?"
# Numerals (fast, tried on every sentence with a digit) and number words (only where a scale word is).
MONEY_RE = re.compile(rf"(?=[\d$€UEB]){_PRE}(?P<num>{NUMBER}){_TAIL}", re.IGNORECASE)
WORD_MONEY_RE = re.compile(
    rf"(?<![\w])(?=\w)(?P<pre>)(?:(?P<half>{HALF})(?=[\s-]?(?:миллиард|миллион|billion|million))"
    rf"|(?P<word>{WORD_RUN})(?=[\s-])){_TAIL}",
    re.IGNORECASE,
)
# A number word counts only right before a scale word ('пять миллионов', 'half a billion', 'полмиллиарда'):
# the word before each scale word is checked first, since WORD_MONEY_RE over a whole sentence is slow.
# Searched in the case-folded text, so that the engine can skip to the words' first letters.
SCALE_AT_RE = re.compile(
    r"thousand|million|billion|trillion|mln|bln|trln|mn|bn|тыс|млн|млрд|трлн|миллиард|миллион|триллион"
)
NUMBER_TOKEN_RE = re.compile(rf"{_EN_WORDS}|{_RU_WORDS}|{HALF}", re.IGNORECASE)
PCT_RE = re.compile(r"(?P<num>\d+(?:[.,]\d+)?)\s?(?:%|per\s?cent|процент\w*)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_SPACE_CHARS = re.compile(f"[{SPACES}]")
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}")
_COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_CYR = re.compile(r"[а-яё]", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    """One money amount: value in `unit` ('million', 'billion', …), ISO currency, span in its sentence."""

    start: int
    end: int
    value: float
    unit: str
    currency: str | None
    text: str


def parse_number(raw: str, decimal_comma: bool = False) -> float:
    """'1,5' (Russian decimal), '32 927', '1,234.5', '1.844.036.360,12' and '654' to floats.

    `decimal_comma` reads a lone '1,234' as 1.234 (Russian text) rather than 1234.
    """
    if raw.isdigit():
        return float(raw)
    s = _SPACE_CHARS.sub(" ", raw)
    if _DOT_GROUPS.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    if _COMMA_GROUPS.fullmatch(s) and not (decimal_comma and s.count(",") == 1):
        return float(s.replace(",", ""))
    return float(s.replace(" ", "").replace(",", "."))


@lru_cache(maxsize=256)
def words_value(words: str) -> float | None:
    """'двадцать пять' → 25, 'two hundred fifty' → 250 (number-parser), or None."""
    w = re.sub(r"\s+", " ", words.strip().lower().replace("-", " "))
    lang = "ru" if _CYR.search(w) else "en"
    out = _parse_words(w, language=lang)
    try:
        return float(out)
    except (TypeError, ValueError):
        return None


def currency_of(pre: str | None, post: str | None) -> str | None:
    """ISO currency from the symbol or word around a number."""
    token = f"{pre or ''} {post or ''}".lower()
    if "$" in token or "usd" in token or "dollar" in token or "долл" in token:
        return "USD"
    if "€" in token or "eur" in token or "евро" in token:
        return "EUR"
    if "белорусск" in token or "byn" in token:
        return "BYN"
    if "rub" in token or "roub" in token or "руб" in token:
        return "RUB"
    return None


def _scale(raw: str) -> str | None:
    raw = raw.lower()
    return SCALES.get(raw) or next(
        (unit for word, unit in SCALES.items() if len(word) > 4 and raw.startswith(word)), None
    )


def _number_word_before(sentence: str, pos: int) -> bool:
    """True when the word ending at `pos` (or one space or dash before it) is a number word or 'half'."""
    end = pos - 1 if pos > 0 and (sentence[pos - 1].isspace() or sentence[pos - 1] == "-") else pos
    start = end
    while start > 0 and (sentence[start - 1].isalnum() or sentence[start - 1] == "_"):
        start -= 1
    return start < end and NUMBER_TOKEN_RE.fullmatch(sentence, start, end) is not None


def find_amounts(sentence: str, default_currency: str | None = None) -> list[Amount]:
    """Money amounts of one sentence: 'about $1.2bn', '5,3млн. долларов', 'двадцать пять миллионов долларов'.

    An amount with a scale word but no currency ('импорт — 480 млн') takes the currency of another
    amount in the sentence, else `default_currency` (the previous trade sentence's); a bare numeral
    without a scale counts only from one million up (and is then expressed in millions).
    """
    found: list[tuple[re.Match[str], float, str, str | None]] = []
    matches = list(MONEY_RE.finditer(sentence)) if _DIGIT.search(sentence) else []
    folded = fold(sentence)
    if any(w in folded for w in ("миллиард", "миллион", "billion", "million")) and any(
        _number_word_before(sentence, s.start()) for s in SCALE_AT_RE.finditer(folded)
    ):
        matches += WORD_MONEY_RE.finditer(sentence)
    for m in matches:
        raw_scale = m.group("scale") or ""
        pre, post = m.group("pre"), m.group("post")
        if not raw_scale and not pre and not post:
            continue  # a number with neither scale nor currency ('2022', '13.6') is no amount
        scale = _scale(raw_scale) if raw_scale else None
        currency = currency_of(pre, post)
        if m.groupdict().get("num"):
            value = parse_number(
                m.group("num"), decimal_comma=bool(_CYR.search(raw_scale + (m.group("post") or "")))
            )
            if scale is None:
                if currency is None or value < 1e6:
                    continue
                value, scale = value / 1e6, "million"
        elif m.groupdict().get("half"):
            if scale is None or raw_scale.lower() in ("m", "b"):
                continue
            h = m.group("half").lower()
            value = 1.5 if h.startswith("полтор") else 1.0 if h in ("a", "an") else 0.5
        else:
            if scale is None or raw_scale.lower() in ("m", "b"):
                continue  # 'two dollars' or 'a m' are not amounts in millions or billions
            value = words_value(m.group("word"))
            if value is None:
                continue
        if scale is None:
            continue
        found.append((m, value, scale, currency))
    found.sort(key=lambda f: f[0].start())
    known = next((c for *_, c in found if c), None) or default_currency
    out = []
    for m, value, scale, currency in found:
        cur = currency or known
        if cur is None or (currency is None and len(m.group("scale")) < 2):
            continue  # '9M 2024' is a period; an inherited currency needs a scale word
        text = m.group(0).rstrip(SPACES + "-")
        out.append(Amount(m.start(), m.start() + len(text), value, scale, cur, text))
    return out


def currency_in(sentence: str) -> bool:
    """True when the sentence holds a money amount with an explicit currency."""
    return any(currency_of(m.group("pre"), m.group("post")) for m in MONEY_RE.finditer(sentence))
