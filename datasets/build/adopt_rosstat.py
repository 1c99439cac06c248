"""Adopt Rosstat's Russian Statistical Yearbook 2023 tables into `datasets/` (a maintainer's tool).

Reads the yearbook's Word chapters (python-docx) from ../shared/reference/rosstat and writes:
  region_indicators.csv   population (table 4.2), GRP and GRP per capita 2021 (table 12.22), 83 subjects
  region_foreign_trade.csv  each subject's 2021 exports/imports, total / CIS / far abroad (table 25.4)
  federal_districts.csv   the federal districts' official Russian names (district rows of table 4.2)
  national_goods.csv      Russia's exports to / imports from Belarus of main goods, 2020-2021 (25.20, 25.21)
and puts Russia's trade with Belarus from table 25.5 (2000, 2010, 2019-2021, side RU) into trade_facts.csv.
Rows are mapped to the 83 subjects by their Russian name; district and country rows, Crimea, Sevastopol,
the 'including' lines and the '... without autonomous okrug(s)' duplicates are dropped. Arkhangelsk and
Tyumen keep the yearbook's whole-oblast row (it includes their autonomous okrugs). Run after
adopt_reference (which rewrites trade_facts.csv):
    python -m datasets.build.adopt_rosstat --reference ../shared/reference
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

import docx
import pandas as pd
from docx.table import Table as DocxTable

DATASETS = Path(__file__).resolve().parent.parent
PUBLICATION = "Rosstat, Russian Statistical Yearbook 2023"
SOURCE_URL = "https://rosstat.gov.ru/folder/210/document/12994"
PUBLISHER = "Rosstat (Russian Statistical Yearbook 2023)"
PUBLISHED = "2023"
YEARBOOK_SUFFIX = ":RSY2023"  # fact_id ending of the rows this script owns in trade_facts.csv
FILES = {"population": "R_04.docx", "grp": "R_12.docx", "trade": "R_25.docx"}

# Latin letters that look like Cyrillic ones ('Аpхангельская' in table 25.4 has a Latin p).
LOOKALIKES = str.maketrans("aceopxyABCEHKMOPTX", "асеорхуАВСЕНКМОРТХ")
DROP = re.compile(
    r"российская федерация|федеральный\s*округ|в том числе|крым|севастополь|без автономн|^всего", re.I
)
NO_TRADE = {"–", "-", "—"}
NOT_PUBLISHED = {"…", "...", ""}


class ParseError(ValueError):
    """A table is missing, a row cannot be mapped to a subject, or a subject is missing or repeated."""


def clean_name(name: str) -> str:
    """A region name reduced for matching: Cyrillic letters, no 'г.', footnotes, dashes or brackets."""
    s = name.translate(LOOKALIKES).lower().replace("ё", "е")
    s = re.sub(r"\d\)", " ", s)
    s = re.sub(r"^г\.\s*", "", s.strip())
    s = re.split(r"\s[–—-]\s|\(", s)[0]
    return re.sub(r"\s+", " ", s).strip()


def parse_number(cell: str) -> float | None:
    """'1 354 810,5' → 1354810.5; '–' (no trade) → 0.0; '…' or empty (not published) → None."""
    s = cell.strip().replace("\xa0", " ")
    if s in NO_TRADE:
        return 0.0
    if s in NOT_PUBLISHED:
        return None
    s = re.sub(r"\s+", "", s).replace(",", ".")
    try:
        return float(s)
    except ValueError as exc:
        raise ParseError(f"not a number: {cell!r}") from exc


def cell_text(cell) -> str:
    return " ".join(p.text for p in cell.paragraphs).strip()


def tables_after(path: Path, number: str) -> list[DocxTable]:
    """The Word tables of yearbook table `number` (e.g. '25.4'), including its continuations."""
    doc = docx.Document(str(path))
    found: list[DocxTable] = []
    inside = False
    head = re.compile(rf"^{re.escape(number)}\.\s")
    cont = re.compile(rf"(Продолжение|Окончание) табл\.?.*\b{re.escape(number)}\s*$")
    other = re.compile(r"^\d+\.\d+\.\s")
    for block in doc.iter_inner_content():
        if isinstance(block, DocxTable):
            if inside:
                found.append(block)
            continue
        text = block.text.strip()
        if head.match(text) or cont.search(text):
            inside = True
        elif other.match(text):
            inside = False
    if not found:
        raise ParseError(f"table {number} not found in {path.name}")
    return found


def rows_of(tables: list[DocxTable]) -> list[list[str]]:
    """All rows of the tables as cell texts (merged cells repeat, as python-docx returns them)."""
    return [[cell_text(c) for c in row.cells] for t in tables for row in t.rows]


@dataclass(frozen=True)
class Subjects:
    """The 83 Russian subjects: cleaned Russian name → ISO code."""

    by_name: dict[str, str]

    @classmethod
    def from_regions(cls, regions: pd.DataFrame) -> Subjects:
        ru = regions[regions.country == "RU"]
        return cls({clean_name(n): iso for n, iso in zip(ru.name_ru, ru.iso_code, strict=True)})

    def match(self, label: str) -> str | None:
        """ISO code of a subject row, None for rows that are not one of the 83 (districts, Crimea …)."""
        if DROP.search(label.translate(LOOKALIKES)) or not label.strip():
            return None
        key = clean_name(label)
        if key in self.by_name:
            return self.by_name[key]
        for name, iso in self.by_name.items():  # 'кемеровская область' in 'кемеровская область кузбасс'
            if key.startswith(name + " ") or name.startswith(key + " "):
                return iso
        raise ParseError(f"row {label!r} matches none of the 83 subjects")


def subject_rows(rows: list[list[str]], subjects: Subjects, n_values: int) -> dict[str, list[str]]:
    """ISO code → the row's value cells, every one of the 83 subjects exactly once."""
    out: dict[str, list[str]] = {}
    for row in rows:
        iso = subjects.match(row[0]) if row and row[0] else None
        if iso is None:
            continue
        if iso in out:
            raise ParseError(f"subject {iso} appears twice ({row[0]!r})")
        out[iso] = row[1 : 1 + n_values]
    missing = set(subjects.by_name.values()) - set(out)
    if missing:
        raise ParseError(f"subjects missing from the table: {sorted(missing)}")
    return out


def aggregate_rows(rows: list[list[str]], n_values: int) -> dict[str, list[float | None]]:
    """The country and federal-district rows (label → values), for the totals check."""
    return {
        re.sub(r"\s+", " ", r[0]): [parse_number(c) for c in r[1 : 1 + n_values]]
        for r in rows
        if r and re.search(r"российская федерация|федеральный\s*округ", r[0], re.I)
    }


def district_sums(rows: list[list[str]], n_values: int) -> list[tuple[str, list[float], list[float]]]:
    """For each federal district: the sum of its subject rows (Crimea and Sevastopol included, the parts
    listed under 'including' left out) and the district's own row, to check a parse against its totals."""
    out: list[tuple[str, list[float], list[float]]] = []
    parts = False
    for r in rows:
        label = re.sub(r"\s+", " ", r[0].translate(LOOKALIKES)) if r else ""
        if not label.strip() or re.search(r"российская федерация", label, re.I):
            continue
        values = [parse_number(c) or 0.0 for c in r[1 : 1 + n_values]] if r[1:2] != [""] else None
        if re.search(r"федеральный\s*округ", label, re.I):
            out.append((label, [0.0] * n_values, values or []))
        elif re.search(r"в том числе", label, re.I):
            parts = True
        elif parts:
            parts = not re.search(r"без автономн", label, re.I)
        elif out and values:
            out[-1] = (out[-1][0], [a + b for a, b in zip(out[-1][1], values, strict=True)], out[-1][2])
    return out


def _source(table: str) -> str:
    return f"{PUBLICATION}, table {table}"


def region_indicators(rosstat: Path, subjects: Subjects) -> pd.DataFrame:
    """Population at the end of 2022 (table 4.2) and GRP 2021 with GRP per capita (table 12.22)."""
    pop = subject_rows(rows_of(tables_after(rosstat / FILES["population"], "4.2")), subjects, 1)
    grp = subject_rows(rows_of(tables_after(rosstat / FILES["grp"], "12.22")), subjects, 2)
    recs = []
    for iso in sorted(subjects.by_name.values()):
        recs.append((iso, "population", 2022, parse_number(pop[iso][0]), "thousand persons", "4.2",
                     "estimate at the end of 2022 (1 January 2023)"))  # fmt: skip
        recs.append((iso, "grp", 2021, parse_number(grp[iso][0]), "million RUB", "12.22", "current prices"))
        recs.append(
            (iso, "grp_per_capita", 2021, parse_number(grp[iso][1]), "RUB", "12.22", "current prices")
        )
    df = pd.DataFrame(recs, columns=["iso_code", "indicator", "year", "value", "unit", "table", "note"])
    return _with_source(df)


def federal_districts(rosstat: Path, subjects: Subjects, regions: pd.DataFrame) -> pd.DataFrame:
    """The eight federal districts' official Russian names (the district rows of table 4.2), each matched to
    the English name regions.csv gives the subjects listed under it. Raises ParseError when the subjects
    under one district row carry more than one English district name (or none)."""
    english = regions.set_index("iso_code").federal_district
    recs, district, members = [], None, set()

    def close() -> None:
        if district is None:
            return
        names = {english[iso] for iso in members}
        if len(names) != 1:
            raise ParseError(f"district row {district!r}: its subjects are in {sorted(names)} in regions.csv")
        recs.append((names.pop(), district))

    for row in rows_of(tables_after(rosstat / FILES["population"], "4.2")):
        label = re.sub(r"\s+", " ", row[0].translate(LOOKALIKES)).strip() if row else ""
        if re.search(r"федеральный\s*округ", label, re.I):
            close()
            district, members = label, set()
        elif district is not None and (iso := subjects.match(label)) is not None:
            members.add(iso)
    close()
    df = pd.DataFrame(recs, columns=["federal_district", "name_ru"])
    df["source"] = _source("4.2")
    df["source_url"] = SOURCE_URL
    return df


def _with_source(df: pd.DataFrame) -> pd.DataFrame:
    df["source"] = df.pop("table").map(_source)
    df["source_url"] = SOURCE_URL
    df["published"] = PUBLISHED
    note = df.pop("note")
    df["note"] = note
    return df


TRADE_COLUMNS = [("world", "region_exports"), ("world", "region_imports"), ("cis", "region_exports"),
                 ("cis", "region_imports"), ("far_abroad", "region_exports"), ("far_abroad", "region_imports")]  # fmt: skip


def region_foreign_trade(rosstat: Path, subjects: Subjects) -> pd.DataFrame:
    """Each subject's 2021 foreign trade from table 25.4 (million USD), long: partner × flow."""
    rows = subject_rows(rows_of(tables_after(rosstat / FILES["trade"], "25.4")), subjects, 6)
    recs = []
    for iso in sorted(rows):
        for (partner, flow), cell in zip(TRADE_COLUMNS, rows[iso], strict=True):
            value = parse_number(cell)
            note = "published as '–' (no trade)" if cell.strip() in NO_TRADE else ""
            recs.append((iso, 2021, partner, flow, value, "million USD", "25.4", note))
    cols = ["iso_code", "year", "partner", "flow", "value", "unit", "table", "note"]
    return _with_source(pd.DataFrame(recs, columns=cols))


UNIT_WORDS = {
    "tonnes": "tonnes",
    "thou. tonnes": "thousand tonnes",
    "mln. tonnes": "million tonnes",
    "thou. us dollars": "thousand USD",
    "bln. cu. m": "billion cubic metres",
    "thou. cu. m": "thousand cubic metres",
    "thou. sq. m": "thousand square metres",
    "thou. pcs": "thousand pieces",
    "thou. pcs.": "thousand pieces",
    "pcs.": "pieces",
    "pcs": "pieces",
    "thou. pairs": "thousand pairs",
}
# Goods of tables 25.20/25.21 → the project's sector ids (by the goods' HS scope in sectors.csv).
GOODS_SECTORS = {
    "Tobacco raw materials": "agri_food",
    "Cigars and cigarettes": "agri_food",
    "Portland cement, cements and clinkers": "construction",
    "Coal": "energy",
    "Crude oil, including natural gas condensate": "energy",
    "Refined petroleum products": "energy",
    "Natural gas": "energy",
    "Mineral fertilizers": "chemicals",
    "Tires, pneumatic, rubber": "chemicals",
    "Wood in the rough": "wood_furniture",
    "Processed wood": "wood_furniture",
    "Wood pulp": "wood_furniture",
    "Newsprint paper": "wood_furniture",
    "Woven fabrics of cotton": "light_industry",
    "Leather footwear": "light_industry",
    "Wool": "light_industry",
    "Cotton fiber, not combed": "light_industry",
    "Flat rolled metal of iron and steel": "metals",
    "Ferrous metal tubes": "metals",
    "Washing machines for households or laundries": "machinery",
    "Metal-cutting machines": "machinery",
    "Electromechanical machines for households": "machinery",
    "Electromechanical household machines": "machinery",
    "Radio receiving equipment": "machinery",
    "Combined refrigerators with freezers": "machinery",
    "TV sets": "machinery",
    "Tractors, including semi-tractors": "agri_machinery",
    "Passenger cars": "vehicles",
    "Goods vehicles": "vehicles",
    "Fresh and frozen meat (including poultry)": "agri_food",
    "Milk and dairy products": "agri_food",
    "Fresh and chilled potatoes": "agri_food",
    "Vegetables": "agri_food",
    "Cereals": "agri_food",
}


def split_goods_label(label: str) -> tuple[str, str, str, str]:
    """'Тракторы …, шт.Tractors, including semi-tractors, pcs.' → (ru name, en name, unit, unit as printed)."""
    i = re.search(r"[A-Za-z]", label)
    if i is None:
        raise ParseError(f"goods label without English part: {label!r}")
    ru, en = label[: i.start()].strip(" /"), label[i.start() :].strip()
    en = re.sub(r"\(including\s*poultry\)", "(including poultry)", re.sub(r"\s+", " ", en))
    name, _, unit_printed = en.rpartition(", ")
    unit = UNIT_WORDS.get(unit_printed.strip().lower())
    if unit is None:
        raise ParseError(f"unknown unit {unit_printed!r} in {label!r}")
    ru = re.sub(r"\s+", " ", ru)
    ru_name = ru.rpartition(",")[0].strip() or ru
    return ru_name, name.strip(), unit, unit_printed.strip()


def goods_table(rosstat: Path, number: str, direction: str) -> pd.DataFrame:
    """Russia's trade in main goods with Belarus (2020 and 2021) from table 25.20 or 25.21."""
    rows = rows_of(tables_after(rosstat / FILES["trade"], number))
    header = next(r for r in rows if any("Belarus" in c for c in r))
    col = next(i for i, c in enumerate(header) if "Belarus" in c)
    recs, year = [], None
    for r in rows:
        if re.fullmatch(r"20\d\d", r[-1].strip()) and len(set(c.strip() for c in r[1:])) == 1:
            year = int(r[-1].strip())
            continue
        if year is None or not re.search(r"[A-Za-z]", r[0]) or r is header:
            continue
        ru, en, unit, printed = split_goods_label(r[0])
        cell = r[col]
        recs.append(
            (en, ru, GOODS_SECTORS.get(en, ""), direction, year, parse_number(cell), unit, printed,
             "published as '–' (no trade)" if cell.strip() in NO_TRADE else "", number)
        )  # fmt: skip
    cols = ["product", "product_ru", "sector_id", "direction", "year", "value", "unit", "unit_published",
            "note", "table"]  # fmt: skip
    df = pd.DataFrame(recs, columns=cols)
    df.insert(7, "side", "RU")
    return _with_source(df)


def national_goods(rosstat: Path) -> pd.DataFrame:
    """Tables 25.20 (Russia's exports to Belarus) and 25.21 (Russia's imports from Belarus), long."""
    out = pd.concat(
        [
            goods_table(rosstat, "25.20", "ru_exports_to_by"),
            goods_table(rosstat, "25.21", "ru_imports_from_by"),
        ],
        ignore_index=True,
    )
    if out.duplicated(["product", "direction", "year"]).any():
        raise ParseError("a good appears twice in one year and direction")
    return out


def national_totals(rosstat: Path) -> pd.DataFrame:
    """Russia's exports to and imports from Belarus by year from table 25.5 (million USD, side RU)."""
    rows = rows_of(tables_after(rosstat / FILES["trade"], "25.5"))
    years = [int(c) for c in next(r for r in rows if "2021" in r)[1:] if re.fullmatch(r"\d{4}", c.strip())]
    n = len(years) // 2
    by = next(r for r in rows if r[0].strip().startswith("Беларусь"))
    values = [parse_number(c) for c in by[1 : 1 + 2 * n]]
    exports = dict(zip(years[:n], values[:n], strict=True))  # Russia → Belarus
    imports = dict(zip(years[n:], values[n:], strict=True))  # Belarus → Russia
    return pd.DataFrame(
        {
            "year": list(exports),
            "ru_exports_musd": list(exports.values()),
            "ru_imports_musd": [imports[y] for y in exports],
        }
    )


def national_trade_facts(totals: pd.DataFrame) -> pd.DataFrame:
    """Table 25.5 as trade_facts rows: Belarus's flows named from Belarus's side, turnover = their sum."""
    recs = []
    note = "Rosstat yearbook table 25.5 (Russia's statistics): {what}"
    for r in totals.itertuples(index=False):
        y = int(r.year)
        flows = [
            ("by_exports", r.ru_imports_musd, "Russia's imports from Belarus"),
            ("by_imports", r.ru_exports_musd, "Russia's exports to Belarus"),
            ("turnover", r.ru_exports_musd + r.ru_imports_musd,
             "turnover = the table's exports plus imports, summed by the project"),
        ]  # fmt: skip
        for flow, value, what in flows:
            recs.append(
                {
                    "fact_id": f"RU:{y}:{flow}:RU{YEARBOOK_SUFFIX}",
                    "region_iso": "RU",
                    "period": str(y),
                    "period_start": f"{y}-01-01",
                    "period_end": f"{y}-12-31",
                    "flow": flow,
                    "value": round(value, 1),
                    "unit": "million",
                    "currency": "USD",
                    "value_musd": round(value, 1),
                    "qualifier": "exact",
                    "change_pct": "",
                    "side": "RU",
                    "status": "reported",
                    "coverage": "goods",
                    "period_inferred": False,
                    "source_url": SOURCE_URL,
                    "publisher": PUBLISHER,
                    "published": PUBLISHED,
                    "published_basis": "page",
                    "note": note.format(what=what),
                }
            )
    return pd.DataFrame(recs)


def merge_trade_facts(facts: pd.DataFrame, yearbook: pd.DataFrame) -> pd.DataFrame:
    """trade_facts with its yearbook rows replaced by `yearbook` (idempotent), appended at the end."""
    kept = facts[~facts.fact_id.str.endswith(YEARBOOK_SUFFIX)]
    return pd.concat([kept, yearbook.astype(str)], ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reference", type=Path, required=True)
    args = parser.parse_args()
    rosstat = args.reference / "rosstat"
    regions = pd.read_csv(DATASETS / "regions.csv", dtype=str, keep_default_na=False)
    subjects = Subjects.from_regions(regions)
    region_indicators(rosstat, subjects).to_csv(DATASETS / "region_indicators.csv", index=False)
    region_foreign_trade(rosstat, subjects).to_csv(DATASETS / "region_foreign_trade.csv", index=False)
    federal_districts(rosstat, subjects, regions).to_csv(DATASETS / "federal_districts.csv", index=False)
    national_goods(rosstat).to_csv(DATASETS / "national_goods.csv", index=False)
    facts = pd.read_csv(DATASETS / "trade_facts.csv", dtype=str, keep_default_na=False)
    merge_trade_facts(facts, national_trade_facts(national_totals(rosstat))).to_csv(
        DATASETS / "trade_facts.csv", index=False
    )
    print(
        "wrote region_indicators.csv, region_foreign_trade.csv, federal_districts.csv, national_goods.csv; "
        "trade_facts.csv updated"
    )


if __name__ == "__main__":
    main()
