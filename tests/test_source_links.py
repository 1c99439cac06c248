"""Links to copies of an article are replaced by the article itself (datasets/build/source_links.py)."""

import pandas as pd
import pytest

from datasets.build.source_links import canonical_source


@pytest.mark.parametrize(
    ("copy", "article"),
    [
        (
            "https://wonilvalve.com/index.php?q=https%3A%2F%2Fsimple.wikipedia.org%2Fwiki%2FRussian_Census_%282021%29",
            "https://simple.wikipedia.org/wiki/Russian_Census_(2021)",
        ),
        (
            "https://home.cydlabs.com/kiwix/content/wikipedia_en_all_maxi_2024-01/A/North-West_Federal_District",
            "https://en.wikipedia.org/wiki/North-West_Federal_District",
        ),
        ("https://wikimili.com/en/Kalmykia", "https://en.wikipedia.org/wiki/Kalmykia"),
        (
            "https://wiki.studentb.eu/view_html.php?lang=en&q=Tver_Oblast&sq=Albert+Einstein",
            "https://en.wikipedia.org/wiki/Tver_Oblast",
        ),
        (
            "https://pt.frwiki.wiki/wiki/Oblast_de_Sakhaline",
            "https://fr.wikipedia.org/wiki/Oblast_de_Sakhaline",
        ),
        (
            "http://the-uncensored-wiki.com:20072/n/o/v/Novgorod_Oblast_2f8b.html",
            "https://en.wikipedia.org/wiki/Novgorod_Oblast",
        ),
    ],
)
def test_a_copy_links_to_the_article_it_reproduces(copy, article):
    assert canonical_source(copy) == article


def test_other_links_are_left_as_they_are():
    for url in (
        "https://en.wikipedia.org/wiki/Kalmykia",
        "http://citypopulation.de/en/russia/admin",
        "https://riadagestan.com/news_en/society/x/",
        "",
    ):
        assert canonical_source(url) == url


def test_no_curated_source_points_at_a_copy_site(fb):
    for name in ("regions", "trade_facts", "meetings", "sector_facts", "product_mentions", "fx_rates"):
        frame = pd.read_csv(fb.data_dir / f"{name}.csv", dtype=str, keep_default_na=False)
        for col in (c for c in frame.columns if c.endswith("source") or c.endswith("source_url")):
            copies = [u for u in frame[col] if canonical_source(u) != u]
            assert not copies, f"{name}.csv column {col} links to copies: {copies[:3]}"
