"""Meeting analyzer: a meeting report (English or Russian) in, a structured, evidenced record out.

Deterministic rules only (no network, no models): the region from weighted name mentions, sectors
from taxonomy keywords, goods from a product lexicon, money figures only where the sentence talks
about trade (`figures`), targets where it talks about reaching a level, proposals from sentences
that propose (`proposals`). Command line: `python -m analysis extract PATH`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import pandas as pd

from analysis.analyzer.dates import find_date
from analysis.analyzer.figures import money_figures
from analysis.analyzer.meeting import find_participants, find_place
from analysis.analyzer.numbers import words_value
from analysis.analyzer.proposals import find_proposals
from analysis.analyzer.region_names import RegionMatcher
from analysis.analyzer.sentences import CLAUSE_BREAK_RE, split_sentences
from analysis.analyzer.textmatch import PhraseIndex, WordStarts, word_start_re, word_starts
from analysis.data.sectors import keyword_pattern, split_list
from analysis.data.tables import data_dir, load_table, read_raw

# Each direction pattern starts with a look-ahead on its forms' first letters: it only lets the engine
# pass over other positions fast.
EXPORT_DIR_RE = re.compile(
    r"(?=[fbwoибн])(?:from belarus|belarus(?:ian|'s|’s|')?\s+(?:\w+\s+)?(?:offer|suppl|export|deliver|sell|produc|manufactur|make)\w*|"
    r"\b(?:we|our)\b|belarusian|из (?:беларуси|белоруссии)|белорусск\w*|наш\w*)",
    re.IGNORECASE,
)
IMPORT_DIR_RE = re.compile(
    r"(?=[esdвбмbiэпои])(?:(?:export|suppl|ship|deliver|sell|sold|sent)\w*\s(?:[\w-]+\s){0,4}to belarus|взамен|"
    r"(?:беларусь|белоруссия|минск)\w*\s(?:[\w-]+\s){0,3}(?:импортир|закупа|покупа|приобрета)\w*|"
    r"belarus(?:ian)? (?:imports?|buys|bought|purchases?)|imports? (?:of [\w\s-]+ )?from (?!belarus)|"
    r"(?:экспорт|постав|отгруж|отправ)\w*\s(?:[\w-]+\s){0,4}в (?:беларусь|белоруссию|рб)|"
    r"импорт\w* из (?!беларуси|белоруссии))",
    re.IGNORECASE,
)
# Words one of which each direction pattern needs: a clause without any is not searched (lower case).
EXPORT_DIR_NEEDLES = ("belarus", "we", "our", "из беларуси", "из белоруссии", "белорусск", "наш")
IMPORT_DIR_NEEDLES = ("belarus", "взамен", "беларусь", "белорусси", "минск", "import", "в рб", "импорт")


# Words that look like a sector keyword but are not about the sector in this phrase. Each pattern matches
# letters, digits and spaces only, so it is searched only in the stretch between punctuation around a keyword.
SECTOR_EXCLUSIONS = {
    "education": re.compile(
        r"(?=[мо])(?:муниципальн\w*\s+образовани\w*|образовани\w*\s+союзного|образовани\w*\s+ЕАЭС)", re.I
    ),
    "tourism": word_start_re(
        r"(?:I|we|he|she|they|will|shall|to|plans? to|going to)\s+(?:\w+\s+)?travel(?:led|ed|s|ling)?"
        r"(?=\s+(?:to|from|around|across|abroad)\b)|travel(?:led|ed)?\s+to\b"
    ),
}
# Makers named in a report: their names hold product words ('Minsk Tractor Works') but are not goods.
COMPANY_RE = re.compile(
    r"(?=[MBGLKUМБГ])\b(?:Minsk|Belarusian|Gomel|Mogilev|Bobruisk|Lida|Borisov|Kaluga|Kama|Ural)\s+(?:[A-Z][\w-]*\s+){0,2}"
    r"(?:Works|Plant|Factory|Company|Holding|Combine)\b|"
    r"(?:Минск|Белорусск|Гомельск|Могил[её]вск|Бобруйск)\w*\s+(?:\w+\s+){0,2}(?:завод|комбинат|холдинг)\w*",
)


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
                sector_index.add(kw, pattern, flags, sid, _literal_start(kw))
        product_index: PhraseIndex[tuple[str, str, str]] = PhraseIndex()
        for r in lexicon.itertuples(index=False):
            pattern, flags = keyword_pattern(r.term)
            product_index.add(r.term, pattern, flags, (r.term, r.hs, r.sector_id), _literal_start(r.term))
        return cls(regions, RegionMatcher(aliases), sector_index, product_index)

    def analyze(self, text: str, report_date: str | None = None) -> dict:
        """The structured record of one report (see the module docstring and issue contract)."""
        written_date = find_date(text)
        found_date = report_date or written_date
        year = int(found_date[:4]) if found_date else None
        sentences = split_sentences(text)
        starts = word_starts(text)  # shared by the region, sector and goods lookups
        mentions = self.region_matcher.mentions(text, starts)
        region = self.region(text, mentions)
        spans = [(m.start, m.end, m.iso_code) for m in mentions]
        month = int(found_date[5:7]) if found_date else None
        money = money_figures(sentences, year, spans, region, month)
        return {
            "region_iso": region,
            "region_name": self._region_name(region),
            "date": found_date,
            "date_in_text": written_date,
            "last_year": str(year - 1) if year else None,
            "place": find_place(text),
            "participants": find_participants(text, spans),
            "sectors": self.sectors(text, starts),
            "products": self.products(text, starts),
            "figures": [_drop(f) for f in money if f["record_type"] == "figure"],
            "targets": [_drop(f) for f in money if f["record_type"] == "target"],
            "proposals": find_proposals(sentences),
        }

    def _region_name(self, iso: str | None) -> str | None:
        if not iso:
            return None
        return self._region_names[iso]

    @cached_property
    def _region_names(self) -> dict[str, str]:
        return {
            str(iso): str(name) for iso, name in zip(self.regions.iso_code, self.regions.name_en, strict=True)
        }

    def region(self, text: str, mentions: list | None = None) -> str | None:
        """The Russian region the report is about: weighted mentions, title and leadership boosted."""
        scores: dict[str, float] = {}
        first: dict[str, int] = {}
        for m in self.region_matcher.mentions(text) if mentions is None else mentions:
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

    def sectors(self, text: str, starts: WordStarts | None = None) -> list[dict]:
        """Sectors named in the text, each with the matched words and their character spans."""
        out: dict[str, dict] = {}
        excluded: dict[str, list[tuple[int, int]]] = {}  # exclusion spans found so far, by sector
        searched: dict[str, list[tuple[int, int]]] = {}  # stretches already searched, by sector
        for m in self.sector_index.find_all(text, starts):
            rx = SECTOR_EXCLUSIONS.get(m.payload)
            if rx is not None:
                done = searched.setdefault(m.payload, [])
                if not any(lo <= m.start < hi for lo, hi in done):
                    lo, hi = _stretch(text, m.start)
                    done.append((lo, hi))
                    excluded.setdefault(m.payload, []).extend(x.span() for x in rx.finditer(text, lo, hi))
            if any(a <= m.start < b for a, b in excluded.get(m.payload, ())):
                continue
            rec = out.setdefault(m.payload, {"id": m.payload, "evidence": [], "spans": []})
            if m.text not in rec["evidence"]:
                rec["evidence"].append(m.text)
            rec["spans"].append([m.start, m.end])
        return sorted(out.values(), key=lambda r: r["spans"][0][0])

    def products(self, text: str, starts: WordStarts | None = None) -> list[dict]:
        """Goods named in the text with HS code, sector and, where its clause says, the direction."""
        seen: dict[tuple[str, str | None], dict] = {}
        matches = self.product_index.find_all(text, starts)
        if not matches:
            return []
        bounds = [0] + [m.end() for m in CLAUSE_BREAK_RE.finditer(text)] + [len(text)]
        directions: dict[int, str | None] = {}
        makers = [(c.start(), c.end()) for c in COMPANY_RE.finditer(text)]
        for m in matches:
            if any(a <= m.start < b for a, b in makers):
                continue
            i = bisect.bisect_right(bounds, m.start) - 1
            if i not in directions:
                clause = text[bounds[i] : bounds[i + 1]]
                low = clause.lower()
                directions[i] = (
                    "by_imports"
                    if any(w in low for w in IMPORT_DIR_NEEDLES) and IMPORT_DIR_RE.search(clause)
                    else "by_exports"
                    if any(w in low for w in EXPORT_DIR_NEEDLES) and EXPORT_DIR_RE.search(clause)
                    else None
                )
            _, hs, sector = m.payload
            key = (m.text.lower(), directions[i])
            if key not in seen:
                seen[key] = {"text": m.text, "hs": str(hs), "sector": sector, "direction": directions[i]}
        return list(seen.values())


def _literal_start(keyword: str) -> str:
    """Letters a taxonomy keyword's pattern (`keyword_pattern`) always starts with: its first word up to a dash."""
    words = keyword.rstrip("=").split()
    return words[0].split("-")[0] if words else ""


PUNCT_RE = re.compile(r"[^\w\s]")


def _stretch(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the run of letters, digits and spaces around `pos`, between punctuation marks."""
    after = PUNCT_RE.search(text, pos)
    start, lo = -1, pos
    while start < 0:  # the last mark before `pos`: looked for in ever longer stretches back
        lo = max(0, lo - 300)
        ends = [m.end() for m in PUNCT_RE.finditer(text, lo, pos)]
        start = ends[-1] if ends else 0 if lo == 0 else -1
    return start, after.start() if after else len(text)


def _drop(item: dict) -> dict:
    return {k: v for k, v in item.items() if k != "record_type"}


def public_record(record: dict) -> dict:
    """The record as the CLI prints it (kept for callers; the record is already public)."""
    return dict(record)


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
    words_value("двадцать пять"), words_value("twenty five")  # number-parser loads its language data once
    return Analyzer.from_tables(sectors, regions, aliases, lexicon)


def analyze_text(text: str, report_date: str | None = None) -> dict:
    """Analyse one report with the default tables; the result is JSON-serialisable."""
    return public_record(default_analyzer().analyze(text, report_date))
