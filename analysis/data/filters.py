"""Shared filter state and its URL form: sector, region, years, side (ids, never labels)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

SIDES = ("BY", "RU")
YEARS_RE = re.compile(r"^(\d{4})(?:-(\d{4}))?$")
DEFAULT_YEARS = (2015, 2025)


SHOWN_WIDTH = 40  # characters of a URL value quoted in a warning
SHOWN_COUNT = 3  # URL values quoted in one warning; the rest are counted


@dataclass(frozen=True)
class UrlNotice:
    """A URL value that was changed or dropped: our own `message`, and the `values` exactly as they came."""

    message: str
    values: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.message + (": " + ", ".join(shown_value(v) for v in self.values) if self.values else "")


@dataclass(frozen=True)
class FilterState:
    """What the user filtered on. Empty sectors/regions mean 'all'; side None means best available."""

    sectors: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    years: tuple[int, int] = DEFAULT_YEARS
    side: str | None = None
    warnings: tuple[UrlNotice, ...] = field(default=(), compare=False)

    @property
    def side_choice(self) -> str:
        """The side argument for analysis functions: 'BY', 'RU' or 'best'."""
        return self.side or "best"


def shown_value(value: str, width: int = SHOWN_WIDTH) -> str:
    """A value from the URL as plain visible text: control characters as escapes, cut to `width` with '…'."""
    visible = "".join(c if c.isprintable() else repr(c)[1:-1] for c in value)
    return visible if len(visible) <= width else visible[: width - 1] + "…"


def _code_span(text: str) -> str:
    """Markdown inline code showing `text` literally (a fence longer than any backtick run inside it)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def notice_markdown(notice: UrlNotice) -> str:
    """A notice as Markdown in which every URL value is inert: at most SHOWN_COUNT values, as inline code."""
    values = [_code_span(shown_value(v)) for v in notice.values[:SHOWN_COUNT]]
    rest = len(notice.values) - SHOWN_COUNT
    if rest > 0:
        values.append(f"and {rest} more")
    return notice.message + (": " + ", ".join(values) if values else "")


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
    """Filter state from URL query parameters, with a notice for every value that was changed or dropped.

    One rule for all parameters: a value that is unknown or malformed is dropped; for the single-valued
    ones (years, side) the first valid value is used and any further value is dropped; years reaching
    outside the data are narrowed to it.
    """
    warnings: list[UrlNotice] = []
    sector_ids, region_ids = set(sector_ids), set(region_ids)

    def keep(key: str, valid: set[str]) -> tuple[str, ...]:
        vals = _values(params, key)
        bad = [v for v in vals if v not in valid]
        if bad:
            warnings.append(
                UrlNotice(f"Ignored unknown {key} value{'s' if len(bad) > 1 else ''}", tuple(bad))
            )
        return tuple(dict.fromkeys(v for v in vals if v in valid))

    def first(key: str, is_valid: Callable[[str], bool], refused: str) -> str | None:
        vals = _values(params, key)
        good = [v for v in vals if is_valid(v)]
        bad = [v for v in vals if not is_valid(v)]
        if bad:
            warnings.append(UrlNotice(refused, tuple(bad)))
        if len(good) > 1:
            warnings.append(UrlNotice(f"Used the first {key} value; ignored the others", tuple(good[1:])))
        return good[0] if good else None

    sectors = keep("sector", sector_ids)
    regions = keep("region", region_ids)
    years = year_bounds
    raw_years = first(
        "years", lambda v: bool(YEARS_RE.match(v)), "Ignored malformed years (expected e.g. 2019-2024)"
    )
    if raw_years:
        m = YEARS_RE.match(raw_years)
        a, b = int(m.group(1)), int(m.group(2) or m.group(1))
        lo, hi = sorted((a, b))
        clipped = max(lo, year_bounds[0]), min(hi, year_bounds[1])
        data = f"{year_bounds[0]}–{year_bounds[1]}"
        if clipped[0] > clipped[1]:
            warnings.append(UrlNotice(f"Ignored years outside the data ({data})", (raw_years,)))
        else:
            years = clipped
            if clipped != (lo, hi):
                warnings.append(
                    UrlNotice(
                        f"Narrowed years to {clipped[0]}–{clipped[1]}, the range of the data", (raw_years,)
                    )
                )
    side = first("side", lambda v: v in SIDES, "Ignored unknown side (expected BY or RU)")
    return FilterState(sectors, regions, years, side, tuple(warnings))


def check_choice(params: Mapping[str, object], key: str, choices: Iterable[str]) -> list[UrlNotice]:
    """Notices for a single-choice URL parameter (the open tab): an unknown value or more than one."""
    vals = _values(params, key)
    choices = list(choices)
    valid = set(choices)
    notices = []
    bad = [v for v in vals if v not in valid]
    good = [v for v in vals if v in valid]
    if bad:
        # name the tab that opens: "showing the first: Bogus" read as if the unknown value were shown
        opened = good[0] if good else choices[0]
        notices.append(UrlNotice(f"Ignored unknown {key.replace('_', ' ')} (showing {opened})", tuple(bad)))
    if len(good) > 1:
        notices.append(
            UrlNotice(f"Used the first {key.replace('_', ' ')}; ignored the others", tuple(good[1:]))
        )
    return notices


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
    """First and last year any trade fact refers to (DEFAULT_YEARS when there is none)."""
    return data_years(facts)


def data_years(facts, meetings=None) -> tuple[int, int]:
    """The Years filter's range: first and last year of any dated record, trade facts and meetings alike.

    `facts.period` and `meetings.date` start with a four-digit year. With no dated record at all the
    range is DEFAULT_YEARS, so that the filter still has a range to show.
    """
    years = [facts.period.astype(str).str[:4]]
    if meetings is not None:
        years.append(meetings.date.astype(str).str[:4])
    found = pd.to_numeric(pd.concat(years), errors="coerce").dropna()
    if found.empty:
        return DEFAULT_YEARS
    return int(found.min()), int(found.max())


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


def region_search_labels(regions, aliases, name_column: str = "name_en") -> dict[str, str]:
    """Region filter labels that carry every name a user may type: English and Russian names, aliases
    from region_aliases (e.g. Кузбасс, Kuzbass) and the capital (Kazan, Казань).

    Shape: iso_code → 'Kemerovo Oblast · Siberian FD — Кемеровская область, Kuzbass, Кузбасс, …'.
    A name containing one already listed is left out (typing the shorter finds it). Only Russian regions.
    `name_column="name_ru"` leads with the Russian name (the English one joins the other names).
    """
    ru = regions[regions.country == "RU"]
    extra: dict[str, list[str]] = {iso: [] for iso in ru.iso_code}
    other = "name_en" if name_column == "name_ru" else "name_ru"
    for iso, name_other, cap, cap_ru in zip(ru.iso_code, ru[other], ru.capital, ru.capital_ru, strict=True):
        extra[iso] += [name_other, cap, cap_ru]
    for iso, alias in zip(aliases.iso_code, aliases.alias, strict=True):
        if iso in extra:
            extra[iso].append(alias)
    labels = {}
    for iso, name, fd in zip(ru.iso_code, ru[name_column], ru.federal_district, strict=True):
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
