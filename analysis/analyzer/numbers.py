"""Money amounts in text: numerals and number words, scale words and currencies, to values."""

from __future__ import annotations

import re

SCALES = {
    "thousand": "thousand", "тыс": "thousand", "тысяч": "thousand", "миллион": "million", "миллиард": "billion",
    "триллион": "trillion",
    "million": "million", "mln": "million", "mn": "million", "m": "million", "млн": "million",
    "billion": "billion", "bln": "billion", "bn": "billion", "b": "billion", "млрд": "billion",
    "trillion": "trillion", "trln": "trillion", "трлн": "trillion",
}  # fmt: skip
NUMBER = r"\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
WORD_NUMBERS = {
    "half a": 0.5, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "полтора": 1.5, "полторы": 1.5, "один": 1, "одного": 1, "два": 2,
    "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10,
}  # fmt: skip
WORD_NUMBER_RE = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
MONEY_RE = re.compile(
    r"(?P<pre>US\$|\$|USD\s?|€|EUR\s?|BYN\s?)?(?:(?P<num>"
    + NUMBER
    + r")|(?<![\w])(?P<word>"
    + WORD_NUMBER_RE
    + r")(?=\s))"
    r"\s?(?P<scale>thousand|million|billion|trillion|mln|bln|trln|mn|bn|m|b|тыс|млн|млрд|трлн|"
    r"миллиард\w*|миллион\w*|триллион\w*|тысяч\w*)?\.?"
    r"(?:\s(?P<post>US\s?dollars?|dollars?|USD|rubles?|roubles?|RUB|euros?|EUR|"
    r"долл\w*|\$|руб\w*|евро|рос\w*\sруб\w*|белорусск\w*\sруб\w*))?",
    re.IGNORECASE,
)
PCT_RE = re.compile(r"(?P<num>\d+(?:[.,]\d+)?)\s?(?:%|per\s?cent|процент\w*)", re.IGNORECASE)


def parse_number(raw: str) -> float:
    """'1,5' (Russian decimal), '32 927', '1,234.5' and '654' to floats."""
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?", s):
        return float(re.sub(r"[ ,]", "", s))
    if re.fullmatch(r"\d{1,3}(?: \d{3})+,\d+", s):
        return float(s.replace(" ", "").replace(",", "."))
    return float(s.replace(" ", "").replace(",", "."))


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


def currency_in(sentence: str) -> bool:
    return any(currency_of(m.group("pre"), m.group("post")) for m in MONEY_RE.finditer(sentence))
