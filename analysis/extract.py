"""Meeting analyzer: a meeting report (English or Russian) in, a structured, evidenced record out.

Deterministic rules only (no network, no models): the region from weighted name mentions, sectors
from taxonomy keywords, goods from a product lexicon, money figures only where the sentence talks
about trade, targets where it talks about reaching a level, proposals from sentences that propose.
CLI: python -m analysis.extract PATH  (or '-' for stdin) [--date YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.data import data_dir, load_table, read_raw
from analysis.periods import format_months
from analysis.region_names import RegionMatcher
from analysis.sectors import keyword_pattern, split_list
from analysis.textmatch import PhraseIndex

MONTHS_EN = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}  # fmt: skip
MONTHS_RU = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
             "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}  # fmt: skip
MONTH_EN_RE = "|".join(MONTHS_EN) + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
MONTH_RU_RE = r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*"
DASH = r"\s*[-–—]\s*"

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
PROPOSAL_KINDS = [
    (
        "flight",
        r"flights?|air (?:link|service|connection|route)s?|airlines?|air carriers?|авиарейс\w*|рейс\w*|авиасообщени\w*|перел[её]т\w*",
    ),
    (
        "warehouse",
        r"warehouses?|storage facilit\w*|склад\b|склады\b|складов\b|складск\w*|логистическ\w* центр\w*|logistics cent\w*",
    ),
    (
        "service_centre",
        r"service (?:cent|station|point)\w*|repair (?:facilit|cent|base|shop)\w*|dealer (?:cent|network)\w*|"
        r"maintenance|сервисн\w*|ремонтн\w*|дилерск\w*|техобслуживани\w*",
    ),
    (
        "joint_venture",
        r"joint ventures?|joint (?:production|enterprise)s?|assembly (?:plant|production|line)s?|assembl\w+|"
        r"locali[sz]\w*|совместн\w* (?:предприят|производств)\w*|сборочн\w*|сборк\w*|локализац\w*",
    ),
    (
        "contract",
        r"contracts?|agreements?|memorand\w*|roadmap|road map|контракт\w*|соглашени\w*|договор(?:а|ов|ы)?\b|меморандум\w*|дорожн\w* карт\w*",
    ),
    ("supply", r"suppl(?:y|ies)|deliver(?:y|ies)|purchas\w*|поставк\w*|закуп\w*"),
    (
        "training",
        r"training|students|study in|internships?|обучени\w*|подготовк\w* кадр\w*|студент\w*|стажир\w*",
    ),
    (
        "other",
        r"trading house|exhibitions?|fairs?|business missions?|forum|торгов\w* дом\w*|выставк\w*|ярмарк\w*|бизнес-мисси\w*",
    ),
]
PROPOSAL_RE = re.compile("|".join(rf"(?P<{k}>\b(?:{p}))" for k, p in PROPOSAL_KINDS), re.IGNORECASE)
KIND_ORDER = [k for k, _ in PROPOSAL_KINDS]
PROPOSAL_CUE_RE = re.compile(
    r"\b(?:propos\w*|suggest\w*|offer\w*|ready to|interest\w*|plan\w*|should|could|agreed|initiative|invit\w*|"
    r"consider\w*|build|set up|establish\w*|launch\w*|open\w*|creat\w*|develop\w*|high time|intend\w*|will|"
    r"предлож\w*|готов\w*|заинтересован\w*|планир\w*|договорил\w*|намерен\w*|созда\w*|открыть|построить|"
    r"рассмотр\w*|запуст\w*|организ\w*|нужно|необходимо)\b",
    re.IGNORECASE,
)
EXPORT_DIR_RE = re.compile(
    r"from belarus|belarus(?:ian|'s|’s|')?\s+(?:\w+\s+)?(?:offer|suppl|export|deliver|sell|produc|manufactur|make)\w*|"
    r"\b(?:we|our)\b|belarusian|из (?:беларуси|белоруссии)|белорусск\w*|наш\w*",
    re.IGNORECASE,
)
IMPORT_DIR_RE = re.compile(
    r"(?:export|suppl|ship|deliver|sell|sold|sent)\w*\s(?:[\w-]+\s){0,4}to belarus|взамен|"
    r"(?:беларусь|белоруссия|минск)\w*\s(?:[\w-]+\s){0,3}(?:импортир|закупа|покупа|приобрета)\w*|"
    r"belarus(?:ian)? (?:imports?|buys|bought|purchases?)|imports? (?:of [\w\s-]+ )?from (?!belarus)|"
    r"(?:экспорт|постав|отгруж|отправ)\w*\s(?:[\w-]+\s){0,4}в (?:беларусь|белоруссию|рб)|"
    r"импорт\w* из (?!беларуси|белоруссии)",
    re.IGNORECASE,
)
HAS_DIGIT_RE = re.compile(r"\d")
# Where one clause ends: sentence ends, semicolons, and contrasts ('while', 'whereas', ', а').
CLAUSE_BREAK_RE = re.compile(r"[.!?;:\n]\s|,? while |,? whereas |, а |, тогда как ")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; abbreviations like 'St.' and decimals do not split."""
    out: list[Sentence] = []
    start = 0
    for m in re.finditer(r"(?<!\bSt)(?<!\bMr)(?<!\bDr)(?<!\bNo)(?<=[.!?])\s+(?=[\"“«A-ZА-ЯЁ0-9])|\n+", text):
        seg = text[start : m.start()]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append(Sentence(start + lead, m.start(), seg.strip()))
        start = m.end()
    seg = text[start:]
    if seg.strip():
        lead = len(seg) - len(seg.lstrip())
        out.append(Sentence(start + lead, len(text), seg.strip()))
    return out


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


def find_date(text: str) -> str | None:
    """The first full date in the text (English or Russian forms, or numeric), as YYYY-MM-DD."""
    pats = [
        (
            rf"\b(\d{{1,2}})\s+({MONTH_EN_RE})\.?,?\s+(\d{{4}})",
            lambda m: (m[3], _month_no(m[2]), m[1]),
        ),
        (
            rf"\b({MONTH_EN_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})",
            lambda m: (m[3], _month_no(m[1]), m[2]),
        ),
        (rf"\b(\d{{1,2}})\s+({MONTH_RU_RE})\s+(\d{{4}})", lambda m: (m[3], _ru_month(m[2]), m[1])),
        (r"\b(\d{4})-(\d\d)-(\d\d)\b", lambda m: (m[1], int(m[2]), m[3])),
        (r"\b(\d\d)\.(\d\d)\.(\d{4})\b", lambda m: (m[3], int(m[2]), m[1])),
    ]
    best: tuple[int, str] | None = None
    for pat, get in pats:
        m = re.search(pat, text, re.IGNORECASE)
        if not m:
            continue
        y, mo, d = get(m)
        try:
            iso = date(int(y), int(mo), int(d)).isoformat()
        except (TypeError, ValueError):
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), iso)
    return best[1] if best else None


def _ru_month(word: str) -> int | None:
    w = word.lower()
    for stem, n in sorted(MONTHS_RU.items(), key=lambda kv: -len(kv[0])):
        if w.startswith(stem):
            return n
    return None


def _month_no(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if re.match(r"[а-яё]", w):
        return _ru_month(w)
    for name, n in MONTHS_EN.items():
        if name.startswith(w[:3]):
            return n
    return None


def find_period(clause: str, report_year: int | None) -> str | None:
    """The reporting period a clause speaks of: '2024-01..11', '2023-H1', '2024-Q1', '2022', or None."""
    m = re.search(
        rf"\b({MONTH_EN_RE}|{MONTH_RU_RE}){DASH}({MONTH_EN_RE}|{MONTH_RU_RE})\b[^.]{{0,12}}?(\d{{4}})?",
        clause,
        re.I,
    )
    if m:
        a, b = _month_no(m.group(1)), _month_no(m.group(2))
        year = int(m.group(3)) if m.group(3) else _year_near(clause, report_year)
        if a and b and year and a <= b:
            return format_months(int(year), a, b)
    m = re.search(r"first (\w+) months of (\d{4})|(\d+|\w+) months of (\d{4})", clause, re.I)
    if m:
        words = {
            "two": 2,
            "three": 3,
            "four": 4,
            "five": 5,
            "six": 6,
            "seven": 7,
            "eight": 8,
            "nine": 9,
            "ten": 10,
            "eleven": 11,
        }
        n_raw, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        n = int(n_raw) if n_raw.isdigit() else words.get(n_raw.lower())
        if n and 1 <= n <= 12:
            return format_months(int(year), 1, n)
    m = re.search(
        r"(first|second|1st|2nd) half of (\d{4})|(H[12])\s?(\d{4})|(перв|втор)\w* полугоди\w* (\d{4})",
        clause,
        re.I,
    )
    if m:
        if m.group(1):
            h, y = (1 if m.group(1).lower() in ("first", "1st") else 2), m.group(2)
        elif m.group(3):
            h, y = int(m.group(3)[1]), m.group(4)
        else:
            h, y = (1 if m.group(5).lower().startswith("перв") else 2), m.group(6)
        return f"{y}-H{h}"
    m = re.search(
        r"(first|second|third|fourth|1st|2nd|3rd|4th) quarter of (\d{4})|\b(Q[1-4])\s?(\d{4})",
        clause,
        re.I,
    )
    if m:
        qmap = {
            "first": 1,
            "1st": 1,
            "second": 2,
            "2nd": 2,
            "third": 3,
            "3rd": 3,
            "fourth": 4,
            "4th": 4,
        }
        q, y = (qmap[m.group(1).lower()], m.group(2)) if m.group(1) else (int(m.group(3)[1]), m.group(4))
        return f"{y}-Q{q}"
    if report_year and re.search(r"\blast year\b|\bin the past year\b|прошл\w* год\w*", clause, re.I):
        return str(report_year - 1)
    if report_year and re.search(
        r"\bthis year\b|\bthe current year\b|текущ\w* год\w*|этом году", clause, re.I
    ):
        return str(report_year)
    years = re.findall(r"\b(19[89]\d|20[0-4]\d)\b", clause)
    return years[0] if years else None


def _year_near(clause: str, report_year: int | None) -> int | None:
    years = re.findall(r"\b(19[89]\d|20[0-4]\d)\b", clause)
    return int(years[0]) if years else report_year


@dataclass
class Analyzer:
    """Compiled matchers built from the taxonomy, the region aliases and the product lexicon."""

    regions: pd.DataFrame
    region_matcher: RegionMatcher
    sector_index: PhraseIndex
    product_index: PhraseIndex

    @classmethod
    def from_tables(
        cls,
        sectors: pd.DataFrame,
        regions: pd.DataFrame,
        aliases: pd.DataFrame,
        lexicon: pd.DataFrame,
    ) -> Analyzer:
        sector_index: PhraseIndex[str] = PhraseIndex()
        for sid, en, ru in zip(sectors.sector_id, sectors.keywords_en, sectors.keywords_ru, strict=True):
            for kw in split_list(en) + split_list(ru):
                pattern, flags = keyword_pattern(kw)
                sector_index.add(kw, pattern, flags, sid)
        product_index: PhraseIndex[tuple[str, str, str]] = PhraseIndex()
        for r in lexicon.itertuples(index=False):
            pattern, flags = keyword_pattern(r.term)
            product_index.add(r.term, pattern, flags, (r.term, r.hs, r.sector_id))
        return cls(regions, RegionMatcher(aliases), sector_index, product_index)

    def analyze(self, text: str, report_date: str | None = None) -> dict:
        """The structured record of one report (see the module docstring and issue contract)."""
        _cues.cache_clear()  # per-report cache: keeps memory flat and timings honest
        found_date = report_date or find_date(text)
        year = int(found_date[:4]) if found_date else None
        sentences = split_sentences(text)
        region = self.region(text)
        money = self.money(sentences, year)
        return {
            "region_iso": region,
            "region_name": self._region_name(region),
            "date": found_date,
            "sectors": self.sectors(text),
            "products": self.products(text),
            "figures": [f for f in money if f["kind"] == "figure"],
            "targets": [f for f in money if f["kind"] == "target"],
            "proposals": self.proposals(sentences),
        }

    def _region_name(self, iso: str | None) -> str | None:
        if not iso:
            return None
        return str(self.regions.set_index("iso_code").at[iso, "name_en"])

    def region(self, text: str) -> str | None:
        """The Russian region the report is about: weighted mentions, title and leadership boosted."""
        scores: dict[str, float] = {}
        first: dict[str, int] = {}
        for m in self.region_matcher.mentions(text):
            if not m.iso_code.startswith("RU-"):
                continue
            w = m.weight
            before = text[max(0, m.start - 60) : m.start].lower()
            if re.search(
                r"(head|governor|governor of|leader|mayor|president|chairman|delegation|government|republic|region|глав\w*|губернатор\w*|руководител\w*|делегаци\w*|правительств\w*)\W+(?:of\W+)?(?:the\W+)?(?:\w+\W+){0,3}$",
                before,
            ):
                w *= 2
            if m.start < 250:
                w *= 2
            scores[m.iso_code] = scores.get(m.iso_code, 0) + w
            first.setdefault(m.iso_code, m.start)
        if not scores:
            return None
        return max(scores, key=lambda k: (scores[k], -first[k]))

    def sectors(self, text: str) -> list[dict]:
        """Sectors named in the text, each with the matched words and their character spans."""
        out: dict[str, dict] = {}
        for m in self.sector_index.find_all(text):
            rec = out.setdefault(m.payload, {"id": m.payload, "evidence": [], "spans": []})
            if m.text not in rec["evidence"]:
                rec["evidence"].append(m.text)
            rec["spans"].append([m.start, m.end])
        return sorted(out.values(), key=lambda r: r["spans"][0][0])

    def products(self, text: str) -> list[dict]:
        """Goods named in the text with HS code, sector and, where its clause says, the direction."""
        seen: dict[tuple[str, str | None], dict] = {}
        matches = self.product_index.find_all(text)
        if not matches:
            return []
        bounds = [0] + [m.end() for m in CLAUSE_BREAK_RE.finditer(text)] + [len(text)]
        directions: dict[int, str | None] = {}
        for m in matches:
            i = bisect.bisect_right(bounds, m.start) - 1
            if i not in directions:
                clause = text[bounds[i] : bounds[i + 1]]
                directions[i] = (
                    "by_imports"
                    if IMPORT_DIR_RE.search(clause)
                    else "by_exports"
                    if EXPORT_DIR_RE.search(clause)
                    else None
                )
            _, hs, sector = m.payload
            key = (m.text.lower(), directions[i])
            if key not in seen:
                seen[key] = {"text": m.text, "hs": str(hs), "sector": sector, "direction": directions[i]}
        return list(seen.values())

    def money(self, sentences: list[Sentence], report_year: int | None) -> list[dict]:
        """Trade figures and targets: money amounts whose sentence gives a trade flow."""
        out = []
        for s in sentences:
            if not HAS_DIGIT_RE.search(s.text):
                continue
            found = [r for m in MONEY_RE.finditer(s.text) if (r := money_record(s.text, m, report_year))]
            out += found or growth_only_records(s.text, report_year)
        return out

    def proposals(self, sentences: list[Sentence]) -> list[dict]:
        """Sentences that propose something, by kind (a sentence can hold several kinds)."""
        out, seen = [], set()
        for s in sentences:
            if not PROPOSAL_CUE_RE.search(s.text):
                continue
            kinds = {m.lastgroup for m in PROPOSAL_RE.finditer(s.text)}
            for kind in sorted(kinds, key=KIND_ORDER.index):
                if (kind, s.text) not in seen:
                    seen.add((kind, s.text))
                    out.append({"kind": kind, "text": s.text})
        return out


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


def currency_in(sentence: str) -> bool:
    return any(currency_of(m.group("pre"), m.group("post")) for m in MONEY_RE.finditer(sentence))


def public_record(record: dict) -> dict:
    """The record as the CLI prints it (internal 'kind' keys dropped)."""
    out = dict(record)
    out["figures"] = [{k: v for k, v in f.items() if k != "kind"} for f in record["figures"]]
    out["targets"] = [{k: v for k, v in t.items() if k != "kind"} for t in record["targets"]]
    return out


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    """Analyzer built from the curated tables in datasets/ (validated on load)."""
    folder = data_dir()
    ids = {
        "sectors": set(read_raw(folder / "sectors.csv").sector_id),
        "regions": set(read_raw(folder / "regions.csv").iso_code),
    }
    sectors = load_table("sectors", folder, ids)
    regions = load_table("regions", folder, ids)
    aliases = load_table("region_aliases", folder, ids)
    lexicon = pd.read_csv(folder / "product_lexicon.csv", dtype=str, keep_default_na=False)
    return Analyzer.from_tables(sectors, regions, aliases, lexicon)


def analyze_text(text: str, report_date: str | None = None) -> dict:
    """Analyse one report with the default tables; the result is JSON-serialisable."""
    return public_record(default_analyzer().analyze(text, report_date))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.extract", description="Meeting report to JSON.")
    parser.add_argument("path", help="text file to analyse, or - for standard input")
    parser.add_argument(
        "--date", help="report date YYYY-MM-DD, used for 'last year' and similar", default=None
    )
    args = parser.parse_args(argv)
    if args.path == "-":
        text = sys.stdin.read()
    else:
        path = Path(args.path)
        if not path.is_file():
            print(f"error: no such file: {path}", file=sys.stderr)
            return 2
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1251")
    if not text.strip():
        print("error: the input is empty", file=sys.stderr)
        return 2
    json.dump(analyze_text(text, args.date), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
