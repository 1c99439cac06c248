"""Source links that point at a copy of an article (a mirror, a proxy, a machine translation).

The harvest read some figures on copies of Wikipedia articles. A reader should land on the article
itself, not on a copy site, so the build replaces such links with the article they reproduce.
Each rule names the copy site and where its address carries the article's title.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

WIKI = "https://{lang}.wikipedia.org/wiki/{title}"

# (pattern on the copy's address, language of the copied article when the address does not say)
COPY_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), lang)
    for p, lang in [
        (r"^https?://(?:home\.cydlabs\.com|iiab\.me)/kiwix/content/wikipedia_en_[^/]+/A/(?P<title>[^?#]+)$", "en"),
        (r"^https?://friendlywiki\.com/article/index\.php\?title=(?P<title>[^&#]+)$", "en"),
        (r"^https?://wikimili\.com/en/(?P<title>[^?#]+)$", "en"),
        (r"^https?://en\.wiki\.x\.io/wiki/(?P<title>[^?#]+)$", "en"),
        (r"^https?://encycloreader\.org/r/wikipedia\.php\?q=(?P<title>[^&#]+)$", "en"),
        (r"^https?://everything\.explained\.today/(?P<title>[^/?#]+)/?$", "en"),
        (r"^https?://wiki\.studentb\.eu/view_html\.php\?lang=(?P<lang>[a-z]+)&q=(?P<title>[^&#]+)", ""),
        (r"^https?://www\.search\.com\.vn/wiki/(?P<lang>[a-z]+)/(?P<title>[^?#]+)$", ""),
        (r"^https?://the-uncensored-wiki\.com(?::\d+)?/(?:[^/]/){3}(?P<title>[^/]+)_[0-9a-f]{4}\.html$", "en"),
        (r"^https?://ru\.wikipedia-on-ipfs\.org/wiki/(?P<title>[^?#]+)$", "ru"),
        (r"^https?://it\.wiki7\.org/wiki/(?P<title>[^?#]+)$", "ru"),  # Italian rendering of ru.wikipedia
        (r"^https?://[a-z]+\.frwiki\.wiki/wiki/(?P<title>[^?#]+)$", "fr"),  # translations of fr.wikipedia
    ]
]  # fmt: skip
# Proxies that carry the whole original address in a query parameter.
PROXY_RULE = re.compile(r"^https?://wonilvalve\.com/index\.php\?q=(?P<url>https?%3A[^&#]+)")
# Copies whose address names something else: the article was identified from the copy's content.
KNOWN_COPIES = {
    "https://astatinetobo877.sbs/w/index.php?title=Special%3AUrlShortener&url=https%3A%2F%2Fen.wikipedia.org"
    "%2Fw%2Findex.php%3Ftitle%3D1999_in_country_music%26curid%3D1996184": WIKI.format(
        lang="en", title="Volga_Federal_District"
    ),
}


def canonical_source(url: str) -> str:
    """The article a copy reproduces, or `url` unchanged when it is not a known copy."""
    if url in KNOWN_COPIES:
        return KNOWN_COPIES[url]
    if m := PROXY_RULE.match(url):
        return unquote(m["url"])
    for rx, lang in COPY_RULES:
        if m := rx.match(url):
            return WIKI.format(lang=m.groupdict().get("lang") or lang, title=m["title"])
    return url
