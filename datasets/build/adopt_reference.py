"""Adopt the harvested reference tables into `datasets/` (a maintainer's tool, not run by the app).

It applies the review rules written down in datasets/README.md ("Normalisation rules"): periods
parsed, forecasts and doubtful rows flagged, units converted, duplicates merged, dates recovered
from URLs where the page's date line was wrong. Run once after the harvest changes:
    python -m datasets.build.adopt_reference --reference ../shared/reference
"""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from analysis.data.periods import parse_period
from analysis.data.units import UNIT_FACTORS, to_millions

DATASETS = Path(__file__).resolve().parent.parent
FORECAST_NOTE = re.compile(r"forecast|projection|expectation|\bestimate\b|current-level estimate", re.I)
FORECAST_QUALIFIERS = {"projected", "soon reach", "estimated"}
INFERRED_NOTE = re.compile(
    r"inferred|not explicit|year not (?:stated|named|shown)|period unclear|period of the range", re.I
)
SUSPECT_NOTE = re.compile(r"unit error|unit slip|garbled|strongly conflicts", re.I)
PARTIAL_NOTE = re.compile(r"only, not total|not total exports", re.I)
SERVICES_NOTE = re.compile(r"incl\.? services|goods and services|goods AND services|includ\w* services", re.I)
QUALIFIERS = {
    "": "exact",
    "reached": "exact",
    "over": "over",
    "exceeded": "over",
    "exceed": "over",
    "exceeds": "over",
    "more than": "over",
    "almost": "almost",
    "nearly": "almost",
    "approached": "almost",
    "close to": "almost",
    "under": "almost",
    "about": "about",
    "estimated": "about",
    "up to": "about",
    "between 2 and 4": "about",
    "projected": "about",
    "soon reach": "almost",
}


def published_from_url(url: str) -> tuple[str, str]:
    """A publication date recovered from the URL itself, with its basis, or ('', '')."""
    m = re.search(r"president\.gov\.by/.*-(1[3-9]\d{8})(?:$|[/?#])", url)
    if m:
        return datetime.fromtimestamp(int(m.group(1)), tz=UTC).strftime("%Y-%m-%d"), "url"
    m = re.search(r"/(20\d\d)[/-](\d\d)[/-](\d\d)(?:[/-]|$)", url)
    if m:
        return "-".join(m.groups()), "url"
    m = re.search(r"/(20\d\d)/(\d\d)/", url)
    if m:
        return "-".join(m.groups()), "url"
    m = re.search(r"belta\.by/.*-(20\d\d)/?$", url)
    if m:
        return m.group(1), "url"
    return "", ""


def recover_dates(df: pd.DataFrame) -> pd.DataFrame:
    """Fill `published` from the URL where the harvest left it empty; record where each date came from."""
    df = df.copy()
    df["published"] = df.published.fillna("").str.strip()
    df["published_basis"] = df.published.map(lambda p: "page" if p else "")
    for i in df.index[df.published == ""]:
        date, basis = published_from_url(df.at[i, "source_url"])
        df.at[i, "published"], df.at[i, "published_basis"] = date, basis
    return df


def normalise_period(raw: str) -> str | None:
    """Map harvest period spellings onto the project's canonical form, or None when unknown."""
    raw = raw.strip()
    if re.fullmatch(r"\d{4}-\d\d", raw):
        return f"{raw}..{raw[-2:]}"
    try:
        parse_period(raw)
    except ValueError:
        return None
    return raw


def _fx_table() -> pd.DataFrame:
    return pd.read_csv(DATASETS / "fx_rates.csv", dtype={"year": int})


def to_musd(value: float, unit: str, currency: str, year: int, fx: pd.DataFrame) -> float | None:
    """Value in million USD; RUB and EUR via that year's sourced average rate, else None."""
    if currency == "USD":
        return to_millions(value, unit)
    rate = fx[(fx.year == year) & (fx.currency == currency)]
    if rate.empty:
        return None
    return to_millions(value, unit) / float(rate.per_usd.iloc[0])


# Aggregators and foreign news sites that relay a figure first published elsewhere. When the same figure
# (region, period, flow, side, value) is also on file from a primary or official source, that copy is kept.
RELAY_SITES = frozenset(
    {
        "gfaclaims.com", "urdupoint.com", "moyby.com", "odessa-journal.com", "haberikra.com", "localglob.com",
        "embedy.ws", "tradedatamonitor.com", "apostrophe.ua", "rp.pl", "azernews.az", "udf.name",
        "easternherald.com", "nalog.od.ua", "sonar2050.org", "news.afnfn.com", "blackseanews.net",
        "s-kondrashov.uk", "sng.today", "m.ru24.pro", "mb6k2s.c97.org", "cloudfront.net",
    }
)  # fmt: skip


def is_relay_site(url: str) -> bool:
    """True when the URL's host is one of RELAY_SITES (or a subdomain of one)."""
    host = urlparse(url).netloc.lower().removeprefix("www.").rstrip(".")
    return any(host == h or host.endswith("." + h) for h in RELAY_SITES)


def trade_rows(reference: Path) -> pd.DataFrame:
    """Regional facts and national totals in one frame with the harvest's own columns."""
    tf = pd.read_csv(reference / "trade_facts.csv", dtype=str, keep_default_na=False)
    nat = pd.read_csv(reference / "national_trade.csv", dtype=str, keep_default_na=False)
    nat = nat.assign(region_iso="RU", qualifier="", fact_id="")
    nat["stat_side"] = nat.stat_side.where(nat.stat_side.isin(["BY", "RU"]), "unknown")
    return pd.concat([tf, nat[tf.columns]], ignore_index=True)


def adopt_trade_facts(reference: Path) -> tuple[pd.DataFrame, dict[str, int]]:
    """Clean trade facts: one row per stated figure, with flags instead of silent fixes."""
    raw = trade_rows(reference)
    dropped: dict[str, int] = {}

    def drop(mask: pd.Series, why: str) -> None:
        dropped[why] = dropped.get(why, 0) + int(mask.sum())

    df = raw.copy()
    bad = ~df.flow.isin(["turnover", "by_exports", "by_imports"])
    drop(bad, "flow is a balance, share or services-only figure")
    df = df[~bad]
    bad = ~df.value.str.fullmatch(r"\d+(?:\.\d+)?")
    drop(bad, "no single numeric value (growth rate only, or a range)")
    df = df[~bad]
    df["period"] = df.period.map(normalise_period)
    bad = df.period.isna()
    drop(bad, "period not stated or not parseable")
    df = df[~bad]
    bad = ~df.unit.isin(list(UNIT_FACTORS)) | ~df.currency.isin(["USD", "RUB", "EUR"])
    drop(bad, "unit or currency missing")
    df = df[~bad].copy()

    note = df.note
    qual = df.qualifier.str.strip().str.lower()
    df["status"] = "reported"
    df.loc[note.str.contains(FORECAST_NOTE) | qual.isin(FORECAST_QUALIFIERS), "status"] = "forecast"
    df.loc[note.str.contains(SUSPECT_NOTE), "status"] = "suspect"
    df["coverage"] = "goods"
    df.loc[note.str.contains(SERVICES_NOTE), "coverage"] = "goods_and_services"
    df.loc[note.str.contains(PARTIAL_NOTE), "coverage"] = "partial"
    df["period_inferred"] = note.str.contains(INFERRED_NOTE)
    df["qualifier"] = qual.map(QUALIFIERS).fillna("about")
    df["value"] = df.value.astype(float)
    spans = df.period.map(parse_period)
    df["period_start"] = [s.start.isoformat() for s in spans]
    df["period_end"] = [s.end.isoformat() for s in spans]
    fx = _fx_table()
    df["value_musd"] = [
        to_musd(v, u, c, s.year, fx) for v, u, c, s in zip(df.value, df.unit, df.currency, spans, strict=True)
    ]
    df["side"] = df.stat_side.where(df.stat_side.isin(["BY", "RU"]), "unknown")
    df = recover_dates(df)
    no_date = df.published == ""
    df.loc[no_date, "published"] = df.loc[no_date, "period_end"].str[:4]
    df.loc[no_date, "published_basis"] = "not_before_period_end"

    df["_rank"] = df.published_basis.map({"page": 0, "url": 1, "not_before_period_end": 2})
    df["_relay"] = df.source_url.map(is_relay_site).astype(int)
    df = df.sort_values(["_relay", "_rank", "published"])
    key = ["region_iso", "period", "flow", "side", "value", "unit", "currency"]
    dup = df.duplicated(key)
    drop(dup, "duplicate of another row (same region, period, flow, side and value)")
    df = df[~dup]
    df = df.sort_values(["region_iso", "period", "flow", "side", "value"]).reset_index(drop=True)
    df["fact_id"] = (
        df.region_iso
        + ":"
        + df.period
        + ":"
        + df.flow
        + ":"
        + df.side
        + ":"
        + (df.groupby(["region_iso", "period", "flow", "side"]).cumcount() + 1).astype(str)
    )
    df["currency"] = df.currency
    df["value_musd"] = df.value_musd.round(6)
    cols = [
        "fact_id", "region_iso", "period", "period_start", "period_end", "flow", "value", "unit",
        "currency", "value_musd", "qualifier", "change_pct", "side", "status", "coverage",
        "period_inferred", "source_url", "publisher", "published", "published_basis", "note",
    ]  # fmt: skip
    return df[cols], dropped


# Reviewed corrections: (region, date) -> column values. The seed report of 20 March 2023 also
# names trucks and cars, medical services, culture, repair centres and warehouses, flights and
# industrial cooperation, which the harvested row left out.
MEETING_CORRECTIONS = {
    ("RU-KL", "2023-03-20"): {
        "sectors": "machinery;agri_machinery;vehicles;transport_equipment;construction;it;pharma;"
        "agri_food;education;sports;tourism;medical;culture;logistics;industrial_cooperation"
    },
}


# The Belarusian President or Prime Minister by title. "President" must end the word (not "Presidential
# Administration") and neither may follow "Deputy" ("Deputy Prime Minister", "First Deputy PM").
TOP_LEVEL = re.compile(r"(?<!Deputy )\b(?:President|Prime Minister|PM)\b")


def meeting_level(by_side: str) -> str:
    """`top` when the Belarusian side names the President or the Prime Minister, else `other`.

    Deputy prime ministers, the Head of the Presidential Administration, ministers, concerns and ambassadors
    are `other` (datasets/README.md, meetings.csv `level`).
    """
    return "top" if TOP_LEVEL.search(by_side) else "other"


def adopt_meetings(reference: Path) -> tuple[pd.DataFrame, int]:
    """Meetings with a date (from the page or URL), a level, and parsed targets."""
    m = pd.read_csv(reference / "meetings.csv", dtype=str, keep_default_na=False)
    for (iso, date), values in MEETING_CORRECTIONS.items():
        hit = (m.region_iso == iso) & (m.date == date)
        for col, val in values.items():
            m.loc[hit, col] = val
    m = m.rename(columns={"date": "published"})
    m = recover_dates(m).rename(columns={"published": "date"})
    m = m[m.date.str.fullmatch(r"\d{4}-\d\d-\d\d")].copy()
    n_dropped = int(len(pd.read_csv(reference / "meetings.csv")) - len(m))
    m["level"] = m.by_side.map(meeting_level)
    m["target_year"] = [target_year(n, d) for n, d in zip(m.target_note, m.date, strict=True)]
    m["target_flow"] = m.target_value.map(lambda v: "turnover" if v else "")
    m["target_low"] = [target_low(n, v) for n, v in zip(m.target_note, m.target_value, strict=True)]
    m = m.sort_values(["region_iso", "date"]).reset_index(drop=True)
    m.insert(
        0,
        "meeting_id",
        m.region_iso + ":" + m.date + ":" + (m.groupby(["region_iso", "date"]).cumcount() + 1).astype(str),
    )
    cols = [
        "meeting_id", "date", "date_basis", "region_iso", "level", "by_side", "region_side",
        "sectors", "target_flow", "target_value", "target_unit", "target_currency",
        "target_year", "target_note", "source_url", "target_low",
    ]  # fmt: skip
    m["date_basis"] = m.published_basis
    return m[cols], n_dropped


RANGE_RE = re.compile(r"(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)\s*(?:bn|mn|mln|billion|million)\b")


def target_low(note: str, value: str) -> str:
    """The low end of a range target ('1.5-2 bn USD' → '1.5') when the note's high end is `target_value`."""
    m = RANGE_RE.search(note)
    if not m or not value:
        return ""
    low, high = float(m.group(1)), float(m.group(2))
    return m.group(1) if high == float(value) and low < high else ""


def target_year(note: str, date: str) -> str:
    """The year a target is set for, when the note states or implies one."""
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
    m = re.search(r"(?<!set )\b(?:in|by|for|until)\s+(20\d\d)\b", note)
    if m:
        return m.group(1)
    m = re.search(r"within\s+(\w+)\s+years", note)
    if m and (m.group(1) in words or m.group(1).isdigit()):
        n = words.get(m.group(1)) or int(m.group(1))
        return str(int(date[:4]) + n)
    return ""


def adopt_products(reference: Path, sectors: pd.DataFrame) -> pd.DataFrame:
    """Goods mentions with a sector taken from their HS chapter."""
    from analysis.data.sectors import sector_for_hs

    p = pd.read_csv(reference / "product_mentions.csv", dtype=str, keep_default_na=False)
    p["hs_chapter"] = p.hs_chapter.str.zfill(2).where(p.hs_chapter != "", "")
    p["sector_id"] = [
        sector_for_hs(h, sectors, product=t) for h, t in zip(p.hs_chapter, p["product"], strict=True)
    ]
    p["period"] = p.period.map(lambda x: normalise_period(x) or "")
    p = recover_dates(p)
    p = p.drop_duplicates(["region_iso", "period", "direction", "product"])
    cols = [
        "region_iso",
        "period",
        "direction",
        "product",
        "hs_chapter",
        "sector_id",
        "source_url",
        "published",
        "published_basis",
    ]
    return p[cols].sort_values(["region_iso", "period", "direction", "product"]).reset_index(drop=True)


def adopt_sector_facts(reference: Path) -> pd.DataFrame:
    """National sector facts; text ranges stay in `value_text`, `value` only when one number."""
    s = pd.read_csv(reference / "sector_facts.csv", dtype=str, keep_default_na=False)
    s["value_text"] = s.value
    s["value"] = pd.to_numeric(s.value.where(s.value.str.fullmatch(r"\d+(?:\.\d+)?")), errors="coerce")
    from analysis.data.sectors import sector_for_hs

    sectors = pd.read_csv(DATASETS / "sectors.csv", dtype=str, keep_default_na=False)
    s["sector_id"] = [
        sector_for_hs(h, sectors, product=t) for h, t in zip(s.hs_chapter, s["product"], strict=True)
    ]
    s["side"] = s.stat_side.where(s.stat_side.isin(["BY", "RU"]), "unknown")
    s = recover_dates(s)
    cols = [
        "sector_id",
        "period",
        "scope",
        "product",
        "hs_chapter",
        "metric",
        "value",
        "value_text",
        "unit",
        "currency",
        "side",
        "source_url",
        "publisher",
        "published",
        "published_basis",
        "note",
    ]
    return s[cols]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reference", type=Path, required=True)
    args = parser.parse_args()
    facts, dropped = adopt_trade_facts(args.reference)
    facts.to_csv(DATASETS / "trade_facts.csv", index=False)
    meetings, n_meet = adopt_meetings(args.reference)
    meetings.to_csv(DATASETS / "meetings.csv", index=False)
    sectors = pd.read_csv(DATASETS / "sectors.csv", dtype=str, keep_default_na=False)
    adopt_products(args.reference, sectors).to_csv(DATASETS / "product_mentions.csv", index=False)
    adopt_sector_facts(args.reference).to_csv(DATASETS / "sector_facts.csv", index=False)
    print(f"trade facts kept: {len(facts)}; dropped: {dropped}")
    print(f"meetings kept: {len(meetings)}; dropped without a date: {n_meet}")


if __name__ == "__main__":
    main()
