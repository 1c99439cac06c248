"""Shared filter state and its URL form: sector, region, years, side (ids, never labels)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

SIDES = ("BY", "RU")
YEARS_RE = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


@dataclass(frozen=True)
class FilterState:
    """What the user filtered on. Empty sectors/regions mean 'all'; side None means best available."""

    sectors: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    years: tuple[int, int] = (2015, 2025)
    side: str | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def side_choice(self) -> str:
        """The side argument for analysis functions: 'BY', 'RU' or 'best'."""
        return self.side or "best"


def _values(params: Mapping[str, object], key: str) -> list[str]:
    """All values of a query parameter, accepting lists and comma-separated strings."""
    raw = params.get(key)
    if raw is None:
        return []
    items = raw if isinstance(raw, list | tuple) else [raw]
    out: list[str] = []
    for item in items:
        out += [v.strip() for v in str(item).split(",") if v.strip()]
    return out


def parse_filters(
    params: Mapping[str, object],
    sector_ids: Iterable[str],
    region_ids: Iterable[str],
    year_bounds: tuple[int, int],
) -> FilterState:
    """Filter state from URL query parameters; unknown or malformed values are dropped with a warning."""
    warnings: list[str] = []
    sector_ids, region_ids = set(sector_ids), set(region_ids)

    def keep(key: str, valid: set[str]) -> tuple[str, ...]:
        vals = _values(params, key)
        bad = [v for v in vals if v not in valid]
        if bad:
            warnings.append(f"Ignored unknown {key} value(s): {', '.join(bad)}")
        return tuple(dict.fromkeys(v for v in vals if v in valid))

    sectors = keep("sector", sector_ids)
    regions = keep("region", region_ids)
    years = year_bounds
    raw_years = _values(params, "years")
    if raw_years:
        m = YEARS_RE.match(raw_years[0])
        if m:
            a = int(m.group(1))
            b = int(m.group(2) or a)
            lo, hi = sorted((a, b))
            lo, hi = max(lo, year_bounds[0]), min(hi, year_bounds[1])
            if lo <= hi:
                years = (lo, hi)
            else:
                warnings.append(f"Ignored years outside the data ({year_bounds[0]}–{year_bounds[1]})")
        else:
            warnings.append("Ignored malformed years (expected e.g. 2019-2024)")
    side = None
    raw_side = _values(params, "side")
    if raw_side:
        if raw_side[0] in SIDES:
            side = raw_side[0]
        else:
            warnings.append("Ignored unknown side (expected BY or RU)")
    return FilterState(sectors, regions, years, side, tuple(warnings))


def to_query_params(state: FilterState, year_bounds: tuple[int, int]) -> dict[str, str | list[str]]:
    """The URL form of a filter state; defaults are left out so links stay short."""
    out: dict[str, str | list[str]] = {}
    if state.sectors:
        out["sector"] = list(state.sectors)
    if state.regions:
        out["region"] = list(state.regions)
    if state.years != year_bounds:
        out["years"] = f"{state.years[0]}-{state.years[1]}"
    if state.side:
        out["side"] = state.side
    return out


def filter_label(state: FilterState, year_bounds: tuple[int, int]) -> dict[str, str]:
    """Short filter description for file names."""
    q = to_query_params(state, year_bounds)
    return {k: "+".join(v) if isinstance(v, list) else v for k, v in q.items()}


def fact_years(facts) -> tuple[int, int]:
    """First and last year any trade fact refers to: the range of the Years filter."""
    years = facts.period.str[:4].astype(int)
    return int(years.min()), int(years.max())


def describe_filters(
    state: FilterState, year_bounds: tuple[int, int], region_name=None, sector_name=None
) -> str:
    """The filters in words for a file's About sheet: 'Sector: all · Region: Kalmykia · Years: 2019–2024 …'."""
    region_name = region_name or (lambda x: x)
    sector_name = sector_name or (lambda x: x)
    side = {"BY": "Belarusian statistics", "RU": "Russian statistics"}.get(
        state.side or "", "best available (Belarusian first)"
    )
    parts = [
        "Sector: " + (", ".join(sector_name(s) for s in state.sectors) or "all"),
        "Region: " + (", ".join(region_name(r) for r in state.regions) or "all"),
        f"Years: {state.years[0]}–{state.years[1]}" + (" (all)" if state.years == year_bounds else ""),
        f"Statistics side: {side}",
    ]
    return " · ".join(parts)


def region_search_labels(regions, aliases) -> dict[str, str]:
    """Region filter labels that carry every name a user may type: English and Russian names, aliases
    from region_aliases (e.g. Кузбасс, Kuzbass) and the capital (Kazan, Казань).

    Shape: iso_code → 'Kemerovo Oblast · Siberian FD — Кемеровская область, Kuzbass, Кузбасс, …'.
    A name containing one already listed is left out (typing the shorter finds it). Only Russian regions.
    """
    ru = regions[regions.country == "RU"]
    extra: dict[str, list[str]] = {iso: [] for iso in ru.iso_code}
    for iso, name_ru, cap, cap_ru in zip(ru.iso_code, ru.name_ru, ru.capital, ru.capital_ru, strict=True):
        extra[iso] += [name_ru, cap, cap_ru]
    for iso, alias in zip(aliases.iso_code, aliases.alias, strict=True):
        if iso in extra:
            extra[iso].append(alias)
    labels = {}
    for iso, name, fd in zip(ru.iso_code, ru.name_en, ru.federal_district, strict=True):
        head = f"{name} · {fd} FD" if fd else name
        kept = [name.casefold()]
        words = []
        for a in sorted({str(a or "").strip() for a in extra[iso]} - {""}, key=lambda a: (len(a), a)):
            f = a.casefold()
            if f in head.casefold() or any(k in f or f in k for k in kept):
                continue  # a longer form of a name already listed is found by typing the shorter one
            kept.append(f)
            words.append(a)
        labels[iso] = f"{head} — {', '.join(words)}" if words else head
    return labels
