"""The interface's languages: gettext catalogs managed with Babel, looked up by language code ('en', 'ru').

Messages are written in English in the code and marked for extraction: `tr.gettext("…")` / `_("…")`,
`tr.ngettext("{n} meeting", "{n} meetings", n)`, `N_("…")` for module-level constants translated later,
and `NP_("meeting", "meetings")` for count nouns (see `formatting.fmt_count`). `make i18n` extracts them
into `analysis/locale/messages.pot` and updates `analysis/locale/<lang>/LC_MESSAGES/messages.po`.
The app reads the `.po` file itself (compiled in memory with Babel on first use), so a fresh clone needs no
build step and a compiled file can never be out of step with its source.
"""

from __future__ import annotations

import gettext as _gettext
import io
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from analysis.data.marks import N_, NP_  # noqa: F401 (the lower layers' markers, re-exported here)

LANGS = ("en", "ru")
DEFAULT_LANG = "en"
LANG_NAMES = {"en": "English", "ru": "Русский"}
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"


def check_lang(lang: str) -> str:
    """The language code itself; ValueError for a language the app has no catalog for."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return lang


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalog of a language (English: the messages as written). Fuzzy entries are left out."""
    check_lang(lang)
    if lang == DEFAULT_LANG:
        return _gettext.NullTranslations()
    with po_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return _gettext.GNUTranslations(buf)


@lru_cache(maxsize=4096)  # row counts in every download button's help, on every rerun
def fmt_number(n: int, lang: str) -> str:
    """A whole number grouped the language's way: '1,200' (en), '1 200' with a no-break space (ru)."""
    return format_decimal(int(n), locale=check_lang(lang))


@dataclass(frozen=True)
class Translator:
    """Message lookup for one language; `{name}` placeholders are filled after translation."""

    lang: str = DEFAULT_LANG

    def gettext(self, message: str, **params: object) -> str:
        text = translations(self.lang).gettext(message)
        return text.format(**params) if params else text

    def ngettext(self, singular: str, plural: str, n: int, **params: object) -> str:
        """The form for `n` (Russian has three: 1 встреча, 2 встречи, 5 встреч); `{n}` is `n` grouped."""
        text = translations(self.lang).ngettext(singular, plural, n)
        return text.format(n=fmt_number(n, self.lang), **params)


@cache
def translator(lang: str = DEFAULT_LANG) -> Translator:
    """The translator of a language code; ValueError for an unknown one."""
    return Translator(check_lang(lang))


# Shown after text that the data holds only in another language (a meeting summary written in English):
# the reader sees that it is a quotation of the source, not an untranslated part of the interface.
FOREIGN_TEXT_NOTES = {"en": N_("[in English]"), "ru": N_("[in Russian]")}


def mark_foreign(text: str, text_lang: str, ui_lang: str) -> str:
    """`text` as it is when written in the interface language, else followed by a language note
    ('… [на английском]'); ValueError for a language the app does not know."""
    if check_lang(text_lang) == check_lang(ui_lang):
        return text
    return f"{text} {translator(ui_lang).gettext(FOREIGN_TEXT_NOTES[text_lang])}"
