"""Consistent number formats for the app, by language: '$1.2 bn', '$654 m', '+13.6%' in English;
'$1,2 млрд', '$654 млн', '+13,6 %', '20 марта 2023 г.' in Russian.

Digits are rounded as before (Python's float formatting), then laid out by Babel with the language's
decimal sign, grouping and percent pattern (CLDR data); unit words come from the message catalog.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from analysis.output.i18n import DEFAULT_LANG, N_, NP_, check_lang, fmt_number, translations, translator


def _missing(x: float | None) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _decimal(value: float, places: int, lang: str) -> str:
    """`value` rounded to `places` decimals, grouped and with the decimal sign of `lang`."""
    return _grouped(f"{value:.{places}f}", places, lang)


@functools.lru_cache(maxsize=4096)
def _grouped(digits: str, places: int, lang: str) -> str:
    """Babel's layout of already rounded digits (cached: charts and captions format the same values on
    every rerun, and Babel's pattern formatting is the slow part)."""
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(Decimal(digits), pattern, locale=lang)


def fmt_musd(value_musd: float | None, lang: str = DEFAULT_LANG) -> str:
    """A value in million USD as '$1.2 bn', '$654 m' or '$0.8 m' (ru: '$1,2 млрд', '$654 млн'); '–' if missing."""
    if _missing(value_musd):
        return "–"
    tr = translator(check_lang(lang))
    v = float(value_musd)
    sign = "-" if v < 0 else ""
    v = abs(v)
    if v >= 1000:
        return sign + tr.gettext("${amount} bn", amount=_decimal(v / 1000, 1, lang))
    return sign + tr.gettext("${amount} m", amount=_decimal(v, 0 if v >= 10 else 1, lang))


def fmt_pct(value: float | None, signed: bool = True, lang: str = DEFAULT_LANG) -> str:
    """A percentage with one decimal: '+13.6%' (signed) or '13.6%' (ru: '+13,6 %'); '–' when missing."""
    if _missing(value):
        return "–"
    pattern = Locale.parse(check_lang(lang)).percent_formats[None].pattern.replace("#,##0", "0.0")
    if signed:
        pattern = f"+{pattern};-{pattern}"
    return format_percent(Decimal(f"{value:.1f}") / 100, pattern, locale=lang)


def fmt_decimal(value: float | None, places: int = 1, lang: str = DEFAULT_LANG) -> str:
    """A figure rounded to `places` decimals in the language's way ('3,454.7'; ru '3 454,7'); '–' if missing."""
    return "–" if _missing(value) else _decimal(float(value), places, check_lang(lang))


def fmt_int(value: float | None, lang: str = DEFAULT_LANG) -> str:
    """A whole number with thousands separators ('1,234'; ru '1 234' with a no-break space); '–' if missing."""
    return "–" if _missing(value) else fmt_number(int(round(float(value))), lang)


# Nouns counted with `fmt_count`; their Russian forms (one, few, many) are in the catalog.
COUNT_NOUNS = dict(
    [
        NP_("meeting", "meetings"),
        NP_("region", "regions"),
        NP_("source", "sources"),
        NP_("year", "years"),
        NP_("figure", "figures"),
        NP_("sector", "sectors"),
    ]
)


def fmt_count(n: int, noun: str, plural: str | None = None, lang: str = DEFAULT_LANG) -> str:
    """A count with its noun in the right number: '1 meeting', '3 meetings'; ru '1 встреча', '2 встречи',
    '5 встреч' (the noun's forms from the catalog; a noun without a translation stays in English)."""
    plural = plural or COUNT_NOUNS.get(noun) or noun + "s"
    if check_lang(lang) == DEFAULT_LANG:
        return f"{n:,} {noun if n == 1 else plural}"
    return f"{fmt_number(n, lang)} {translations(lang).ngettext(noun, plural, n)}"


def fmt_date(value: dt.date | str | None, lang: str = DEFAULT_LANG) -> str:
    """A date as the app shows it: ISO '2023-03-20' in English (as before), '20 марта 2023 г.' in Russian."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return "–"
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    if check_lang(lang) == DEFAULT_LANG:
        return day.isoformat()
    return format_date(day, "long", locale=lang)


UNIT_WORDS = {"thousand": "thousand", "million": "m", "billion": "bn", "trillion": "trn"}
# A stated figure in its own currency, by scale (ru: '8,7 млрд RUB'); `fmt_money` fills them in.
MONEY_TEMPLATES = {
    "thousand": N_("{currency} {amount} thousand"),
    "million": N_("{currency} {amount} m"),
    "billion": N_("{currency} {amount} bn"),
    "trillion": N_("{currency} {amount} trn"),
}


def fmt_money(value: float | None, unit: str, currency: str, lang: str = DEFAULT_LANG) -> str:
    """A figure as stated in its own currency: 'RUB 8.7 bn', 'USD 654 m' (ru '8,7 млрд RUB'); '–' when missing."""
    if _missing(value):
        return "–"
    if check_lang(lang) == DEFAULT_LANG or unit not in MONEY_TEMPLATES:
        return f"{currency} {float(value):,.1f} {UNIT_WORDS.get(unit, unit)}".replace(".0 ", " ")
    amount = _decimal(float(value), 1, lang).removesuffix(",0")
    return translator(lang).gettext(MONEY_TEMPLATES[unit], currency=currency, amount=amount)
