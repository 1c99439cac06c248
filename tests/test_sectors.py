"""Sector of a goods mention (analysis/sectors.py): the goods' own words first, then notes, then HS."""

import pytest

from analysis.data.sectors import sector_for_hs


@pytest.mark.parametrize(
    ("product", "hs", "sector"),
    [
        (
            "MTZ tractors (dealer centre in Elista)",
            "87",
            "agri_machinery",
        ),  # the note does not outweigh the goods
        (
            "goods (dealer centre in Elista)",
            "",
            "logistics",
        ),  # the note decides when the name matches nothing
        ("tractors", "87", "agri_machinery"),
        ("widgets", "30", "pharma"),  # no sector word: HS chapter 30 (pharmaceutical products)
        ("", "", ""),
    ],
)
def test_sector_of_a_goods_mention(fb, product, hs, sector):
    assert sector_for_hs(hs, fb.sectors, product=product) == sector
