"""Find English left in a page rendered in Russian: every label, heading, text, caption, message, metric,
tab, expander, button, help text, table header and chart text a reader sees, checked two ways:

- against the English catalog: a text that is an English message (its placeholders filled with anything) was
  shown without translation;
- for English words at all: text never marked for translation is not in the catalog, so any run of Latin
  words (other than codes, units, URLs and names on the allow list) counts too.

Text the data holds only in English is allowed when it carries the language note (`i18n.mark_foreign`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache

from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from analysis.output import i18n

FOREIGN_NOTE = "[на английском]"

# Latin tokens a Russian reader is meant to see: codes, units, acronyms, method and product names.
ALLOWED_WORDS = {
    "BY",
    "RU",
    "USD",
    "RUB",
    "BYN",
    "HS",
    "CSV",
    "Excel",
    "PDF",
    "DOCX",
    "Word",
    "JSON",
    "URL",
    "ISO",
    "PPML",
    "OLS",
    "LOO",
    "GRP",
    "GDP",
    "SQLite",
    "PostgreSQL",
    "GeoJSON",
    "ODbL",
    "OpenStreetMap",
    "geoBoundaries",
    "CC",
    "BY-SA",
    "EN",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "H1",
    "H2",
    "id",
    "RUS",  # the boundary dataset's name: geoBoundaries RUS ADM1
    "ADM",
}

URL = re.compile(r"https?://\S+|www\.\S+|\b[\w.-]+\.(?:ru|by|org|com|gov|int|net|csv|xlsx|docx|pdf|py)\b")
CODE = re.compile(r"`[^`]*`|\b[A-Z]{2}-[A-Z0-9]{1,4}\b|\{[^}]*\}")
# Markup a reader never sees as text: Streamlit icons and badges (':material/warning:', ':orange-badge['),
# and HTML tags in chart hover templates ('<br>', '<extra></extra>').
MARKUP = re.compile(r":material/[a-z_]+:|:[a-z]+-badge\[|</?[a-z]+\s*/?>")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# Streamlit's Markdown directives and icons (":blue-background[", ":material/check:"): syntax, not text.
DIRECTIVE = re.compile(r":[a-z]+(?:-[a-z]+)*\[|:material/[a-z_]+:")


def english_words(text: str) -> list[str]:
    """The Latin words of `text` that are not URLs, codes, Markdown directives, markup or allowed names."""
    text = CODE.sub(" ", URL.sub(" ", MARKUP.sub(" ", DIRECTIVE.sub(" ", text))))
    return [w for w in LATIN_WORD.findall(text) if w not in ALLOWED_WORDS and len(w) > 1]


@cache
def _catalog_patterns() -> list[tuple[str, re.Pattern]]:
    """Each English message with a translation that differs from it, as a pattern matching its rendering."""
    with i18n.po_path("ru").open("rb") as f:
        catalog = read_po(f, locale="ru")
    patterns = []
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for msgid in ids:
            if not msgid or len(english_words(msgid)) < 2:
                continue  # the header, or a message with too few words to be told from data
            parts = re.split(r"\{[^}]*\}", msgid)
            body = ".+?".join(re.escape(p) for p in parts)
            patterns.append((msgid, re.compile(body)))
    return patterns


def _chart_texts(spec: dict) -> Iterator[str]:
    layout = spec.get("layout", {})
    for key, value in layout.items():
        if key.startswith(("xaxis", "yaxis", "coloraxis", "legend")) and isinstance(value, dict):
            title = value.get("title") or value.get("colorbar", {}).get("title")
            if isinstance(title, dict) and title.get("text"):
                yield title["text"]
    title = layout.get("title")
    if isinstance(title, dict) and title.get("text"):
        yield title["text"]
    for note in layout.get("annotations", []):
        if note.get("text"):
            yield note["text"]
    for trace in spec.get("data", []):
        if trace.get("name"):
            yield str(trace["name"])
        if trace.get("hovertemplate"):
            yield re.sub(r"%\{[^}]*\}", " ", trace["hovertemplate"])
        bar = trace.get("colorbar") or trace.get("marker", {}).get("colorbar") or {}
        if isinstance(bar.get("title"), dict) and bar["title"].get("text"):
            yield bar["title"]["text"]


def rendered_texts(at: AppTest) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a reader of the page sees, table cells and chart data excepted."""
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "warning",
        "error",
        "success",
    ):
        for el in getattr(at, kind):
            yield kind, el.value
    for kind in ("button", "checkbox", "toggle", "text_input", "text_area", "number_input", "date_input"):
        for el in getattr(at, kind):
            yield kind, el.label
            if getattr(el, "help", None):
                yield f"{kind} help", el.help
    for kind in ("selectbox", "multiselect", "radio", "select_slider", "slider"):
        for el in getattr(at, kind):
            yield kind, el.label
            if getattr(el, "help", None):
                yield f"{kind} help", el.help
            if getattr(el, "placeholder", None):
                yield f"{kind} placeholder", el.placeholder
    for el in at.radio:
        for option in el.options:
            yield "radio option", option
    for el in at.metric:
        yield "metric", el.label
        if el.proto.help:
            yield "metric help", el.proto.help
    for el in at.tabs:
        yield "tab", el.label
    for el in at.expander:
        yield "expander", el.label
    for kind in ("download_button", "page_link", "link_button"):
        for el in at.get(kind):
            yield kind, el.proto.label
            if el.proto.help:
                yield f"{kind} help", el.proto.help
    for el in at.dataframe:  # the header a reader sees: the column's configured label, else its name
        config = json.loads(el.proto.columns or "{}")
        for column in el.value.columns:
            yield "table header", (config.get(str(column)) or {}).get("label") or str(column)
    for el in at.get("table"):  # static tables (st.table): the index name and the column names
        for column in [el.value.index.name, *el.value.columns]:
            if column:
                yield "table header", str(column)
    for el in at.get("plotly_chart"):
        for text in _chart_texts(json.loads(el.proto.spec)):
            yield "chart", text


def untranslated(at: AppTest) -> list[str]:
    """Every rendered text that is (or contains) English, as 'where: text'; empty when all is Russian."""
    found = []
    for where, text in rendered_texts(at):
        if not text or FOREIGN_NOTE in text:
            continue
        hit = next((msgid for msgid, pattern in _catalog_patterns() if pattern.fullmatch(text.strip())), None)
        words = english_words(text)
        if hit or len(words) >= 2 or (words and not re.search("[А-Яа-яЁё]", text)):
            found.append(f"{where}: {text[:160]!r}")
    return sorted(set(found))
