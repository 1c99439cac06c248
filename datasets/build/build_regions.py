"""Build `datasets/regions.csv` and `datasets/region_aliases.csv` (a maintainer's tool, not run by the app).

Codes, Russian names and centroids come from the `iso3166-2` package (pip install '.[build]');
English names, federal districts, capitals and aliases from `region_meta.csv` beside this file;
population and GRP from the harvested `region_stats.csv` when `--reference` points at it.
Usage: python -m datasets.build.build_regions [--reference ../shared/reference]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from analysis.analyzer.region_names import RegionMatcher
from datasets.build.source_links import canonical_source

HERE = Path(__file__).resolve().parent
DATASETS = HERE.parent
TYPE_NAMES = {
    "Republic": "republic",
    "Administrative territory": "krai",
    "Administrative region": "oblast",
    "Autonomous city": "federal city",
    "Autonomous district": "autonomous okrug",
    "Autonomous region": "autonomous oblast",
    "City": "city",
    "Oblast": "oblast",
}
# Capitals that are also common first names or other regions' names: never matched alone.
CAPITALS_NOT_MATCHED = {"RU-VLA", "RU-LEN", "RU-MOS", "BY-HM", "BY-MI"}
# Region adjectives that usually mean something else (the city, a people): never matched alone.
ADJECTIVES_NOT_MATCHED = {"RU-MOS", "RU-LEN", "RU-YEV"}
# Short forms that are also common first names ('Vladimir Putin'): never matched alone.
NOT_MATCHED_ALONE = {"Vladimir", "Владимир"}
ISO_SOURCE = "https://pypi.org/project/iso3166-2/"
PREFERRED_HOSTS = r"^https?://(?:[a-z]+\.)*(?:wikipedia\.org|citypopulation\.de)/"


def iso_subdivisions() -> dict[str, dict]:
    """ISO 3166-2 subdivisions of Russia and Belarus from the iso3166-2 package."""
    from iso3166_2 import Subdivisions

    subs = Subdivisions()
    out = {}
    for country in ("RU", "BY"):
        for code, rec in subs[country].items():
            out[code] = dict(rec)
    return out


def russian_name(local_names: str) -> str:
    """The Russian-language name from the package's 'localOtherName' field."""
    for part in local_names.split(", "):
        if part.endswith("(rus)"):
            return part.removesuffix("(rus)").strip()
    return ""


def base_regions() -> pd.DataFrame:
    """Regions with codes, names, type, centroid and curated metadata."""
    meta = pd.read_csv(HERE / "region_meta.csv", dtype=str, keep_default_na=False)
    iso = iso_subdivisions()
    rows = []
    for m in meta.itertuples(index=False):
        rec = iso[m.iso_code]
        name_ru = russian_name(rec.get("localOtherName") or "")
        if m.iso_code == "RU-KGN":
            name_ru = "Курганская область"  # the package misspells it
        if m.iso_code.startswith("BY-") and not name_ru:
            name_ru = m.aliases_ru.split(";")[0] if m.aliases_ru else m.capital_ru
        lat, lon = rec["latLng"]
        rows.append(
            {
                "iso_code": m.iso_code,
                "country": m.iso_code[:2],
                "name_en": m.name_en,
                "name_ru": name_ru,
                "name_iso": rec["name"],
                "type": TYPE_NAMES.get(rec["type"], rec["type"].lower()),
                "federal_district": m.federal_district,
                "capital": m.capital_en,
                "capital_ru": m.capital_ru,
                "lat": lat,
                "lon": lon,
                "geo_source": ISO_SOURCE,
            }
        )
    return pd.DataFrame(rows)


def _variants(name_en: str) -> list[tuple[str, str]]:
    """English variants with their kind: 'Kaluga Oblast' -> ('Kaluga Region', alias), ('Kaluga', short)."""
    out = []
    for suffix, alts in (
        (" Oblast", (" Region", " oblast")),
        (" Krai", (" Territory", " Kray", " Region")),
    ):
        if name_en.endswith(suffix):
            stem = name_en.removesuffix(suffix)
            out += [(stem + a, "alias") for a in alts] + [(stem, "short")]
    if name_en.startswith("Republic of "):
        stem = name_en.removeprefix("Republic of ")
        out += [(stem + " Republic", "alias"), (stem, "alias")]
    return out


def alias_table(regions: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Every alias of every region with its language and kind; ambiguous aliases are dropped."""
    rows = []
    meta = meta.set_index("iso_code")
    for r in regions.itertuples(index=False):
        extra_en = [a for a in meta.at[r.iso_code, "aliases_en"].split(";") if a]
        extra_ru = [a for a in meta.at[r.iso_code, "aliases_ru"].split(";") if a]
        rows.append((r.iso_code, r.name_en, "en", "name"))
        rows.append((r.iso_code, r.name_ru, "ru", "name"))
        rows += [(r.iso_code, v, "en", kind) for v, kind in _variants(r.name_en)]
        rows += [(r.iso_code, a, "en", "alias") for a in extra_en]
        rows += [(r.iso_code, a, "ru", "alias") for a in extra_ru]
        first_ru = r.name_ru.split()[0]
        if (
            r.iso_code.startswith("RU-")
            and r.iso_code not in ADJECTIVES_NOT_MATCHED
            and first_ru.endswith(("ская", "ский", "цкая", "цкий"))
        ):
            rows.append((r.iso_code, first_ru, "ru", "short"))  # 'калужские предприятия'
        if r.iso_code not in CAPITALS_NOT_MATCHED:
            rows.append((r.iso_code, r.capital, "en", "capital"))
            rows.append((r.iso_code, r.capital_ru, "ru", "capital"))
    df = pd.DataFrame(rows, columns=["iso_code", "alias", "lang", "kind"])
    df = df[(df.alias.str.strip() != "") & ~df.alias.isin(NOT_MATCHED_ALONE)]
    order = {"name": 0, "alias": 1, "short": 2, "capital": 3}
    df = df.assign(_o=df.kind.map(order)).sort_values(["iso_code", "_o"])
    df = df.drop_duplicates(["iso_code", "alias"]).drop(columns="_o")
    # An alias shared by several regions goes to the one for which it is the strongest kind
    # ('Moscow' is the city's name but only a short form of Moscow Oblast); ties are dropped.
    df = df.assign(key=df.alias.str.lower(), rank=df.kind.map(order))
    best = df.groupby("key")["rank"].transform("min")
    df = df[df["rank"] == best]
    owners = df.groupby("key").iso_code.transform("nunique")
    return df[owners == 1].drop(columns=["key", "rank"]).reset_index(drop=True)


def _to_billion_rub(value: str, unit: str) -> float | None:
    """GRP in billion RUB, or None when the unit is not a plain rouble amount."""
    factors = {"trillion RUB": 1000.0, "billion RUB": 1.0, "million RUB": 0.001}
    try:
        return float(value) * factors[unit] if unit in factors else None
    except ValueError:
        return None


def _census_2021(region: str, persons: int, article: str, note: str) -> dict[str, str]:
    """A 2021-census population read on the region's English Wikipedia article."""
    return {
        "region_name": region,
        "indicator": "population",
        "year": "2021",
        "value": str(persons),
        "unit": "persons",
        "source_url": f"https://en.wikipedia.org/wiki/{article}",
        "note": note,
    }


# Figures added by the project's own review, each read on the page given (not in the harvest).
STAT_ADDITIONS = [
    _census_2021(
        "Chuvash Republic",
        1186909,
        "Chuvashia_Republic",
        "infobox total (2021 census; the 2010 census figure 1,251,619 is given separately)",
    ),
    _census_2021(
        "Murmansk Oblast",
        667744,
        "Murmansk_Oblast",
        "2021 census in the lead and infobox (read on a kiwix copy, 2024-02)",
    ),
    _census_2021(
        "Chukotka Autonomous Okrug",
        47490,
        "Chukotka_Autonomous_Okrug",
        "infobox pop_2021census (read on copies of the article)",
    ),
    _census_2021(
        "Kurgan Oblast",
        776661,
        "Kurgan_Oblast",
        "lead: 'According to the 2021 Census, the population was 776,661' (read on a copy)",
    ),
    _census_2021(
        "Sakha Republic",
        995686,
        "Sakha_Republic",
        "infobox total, 2021 census (read on copies of the article)",
    ),
    _census_2021("Tomsk Oblast", 1062666, "Tomsk_Oblast", "infobox pop_2021census"),
    _census_2021(
        "Tuva Republic",
        336651,
        "Tuva",
        "lead: 'a population of 336,651 (2021 census)' (read on copies of the article)",
    ),
]
# Not added: Khakassia. Its article's 2021-census field repeats the 2010 census count (532,403), so the
# 2021 figure is not confirmed by a page; the region stays without population until one is found.


def add_region_stats(regions: pd.DataFrame, reference: Path) -> pd.DataFrame:
    """Attach population (2021 census) and the latest dated GRP in roubles from region_stats.csv."""
    stats = pd.read_csv(reference / "region_stats.csv", dtype=str, keep_default_na=False)
    stats = pd.concat([stats, pd.DataFrame(STAT_ADDITIONS)], ignore_index=True).fillna("")
    matcher = RegionMatcher(pd.read_csv(DATASETS / "region_aliases.csv", dtype=str))
    stats["iso_code"] = [matcher.resolve(n) for n in stats.region_name]
    stats = stats[stats.iso_code.notna() & stats.iso_code.str.startswith("RU-")].copy()
    stats["source_url"] = stats.source_url.map(canonical_source)  # the article, not a copy site
    # '2021?' marks a census year the harvest could not confirm from the page; it is kept.
    stats["year"] = stats.year.str.rstrip("?")
    pop = stats[(stats.indicator == "population") & stats.year.str.fullmatch(r"\d{4}")]
    pop = pop[pop.value.str.fullmatch(r"\d+")].copy()
    # Prefer the 2021 census (one consistent count), then a census table or Wikipedia over other pages,
    # then the latest dated figure.
    pop["pref"] = (pop.year != "2021").astype(int)
    pop["host_pref"] = (~pop.source_url.str.contains(PREFERRED_HOSTS)).astype(int)
    pop = pop.sort_values(["pref", "host_pref", "year"], ascending=[True, True, False], kind="stable")
    pop = pop.drop_duplicates("iso_code")
    pop = pop.set_index("iso_code")
    regions["population"] = regions.iso_code.map(pop.value).astype("Int64")
    regions["population_year"] = regions.iso_code.map(pop.year).astype("Int64")
    regions["population_source"] = regions.iso_code.map(pop.source_url)
    grp = stats[(stats.indicator == "grp") & stats.year.str.fullmatch(r"\d{4}")].copy()
    grp["bn"] = [_to_billion_rub(v, u) for v, u in zip(grp.value, grp.unit, strict=True)]
    grp = grp[grp.bn.notna()].sort_values("year").drop_duplicates("iso_code", keep="last")
    grp = grp.set_index("iso_code")
    regions["grp_value"] = regions.iso_code.map(grp.bn)
    regions["grp_unit"] = regions.iso_code.map(lambda c: "billion RUB" if c in grp.index else None)
    regions["grp_year"] = regions.iso_code.map(grp.year).astype("Int64")
    regions["grp_source"] = regions.iso_code.map(grp.source_url)
    return regions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reference", type=Path, default=None)
    args = parser.parse_args()
    meta = pd.read_csv(HERE / "region_meta.csv", dtype=str, keep_default_na=False)
    regions = base_regions()
    aliases = alias_table(regions, meta)
    aliases.to_csv(DATASETS / "region_aliases.csv", index=False)
    if args.reference:
        regions = add_region_stats(regions, args.reference)
    regions.to_csv(DATASETS / "regions.csv", index=False)
    print(f"regions: {len(regions)}, aliases: {len(aliases)}")
    if "population" in regions:
        ru = regions[regions.country == "RU"]
        print("population missing:", ru[ru.population.isna()].iso_code.tolist())
        print("grp present:", int(ru.grp_value.notna().sum()))


if __name__ == "__main__":
    main()
