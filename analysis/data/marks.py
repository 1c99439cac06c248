"""Messages of the lower layers (data, analyzer, models) marked for translation.

These layers cannot import the translator (`analysis.output.i18n` sits above them): they mark English
messages with `N_` / `NP_` here (`make i18n` extracts them) and take a `gettext(message, **params)`
callable from the page; without one, the English message is filled in as written (the command line).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

Gettext = Callable[..., str]  # gettext(message, **params) -> the message translated, placeholders filled


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair ('{n} meeting', '{n} meetings') for extraction."""
    return singular, plural


def english(message: str, **params: object) -> str:
    """The default `gettext`: the English message with its placeholders filled."""
    return message.format(**params) if params else message


@cache
def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"(\{\w+\})", template)
    body = "".join(f"(?P<{p[1:-1]}>.+?)" if re.fullmatch(r"\{\w+\}", p) else re.escape(p) for p in parts)
    return re.compile(body, re.DOTALL)


def localize(message: str, templates: Iterable[str], gettext: Gettext = english) -> str:
    """`message` in the interface language when it was built from one of the English `templates`
    (its placeholders read back from the message and kept as they were); otherwise as it is."""
    for template in templates:
        found = _pattern(template).fullmatch(message)
        if found:
            return gettext(template, **found.groupdict())
    return message


class EnglishMessages:
    """The messages as written, for callers without a translator (the command line, tests): the same
    `gettext` / `ngettext` as `analysis.output.i18n.Translator`."""

    def gettext(self, message: str, **params: object) -> str:
        return english(message, **params)

    def ngettext(self, singular: str, plural: str, n: int, **params: object) -> str:
        return (singular if n == 1 else plural).format(n=n, **params)


ENGLISH = EnglishMessages()
