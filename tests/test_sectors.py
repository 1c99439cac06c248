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


def test_national_goods_rows_for_lead_sectors_and_filters(fb):
    from analysis.views import sector_cards

    rows = sector_cards.national_goods_rows(fb, "ru_imports_from_by")
    assert set(rows.sector_id) <= set(sector_cards.LEAD_SECTORS) and set(rows.side) == {"RU"}
    tractors = rows[rows["product"] == "Tractors, including semi-tractors"].set_index("year")
    assert tractors.value.to_dict() == {2020: 30408.0, 2021: 27579.0}  # table 25.21, Belarus column
    assert tractors.label.iloc[0] == "Tractors, including semi-tractors (pieces)"
    present = set(rows.sector_id)
    assert list(dict.fromkeys(rows.sector_id)) == [s for s in sector_cards.LEAD_SECTORS if s in present]
    fert = sector_cards.national_goods_rows(fb, "ru_exports_to_by", ("chemicals",))
    assert set(fert["product"]) == {"Mineral fertilizers", "Tires, pneumatic, rubber"}
    assert "table 25.20" in sector_cards.goods_source_line(fert)
    assert sector_cards.national_goods_rows(fb, "ru_exports_to_by", ("tourism",)).empty
    with pytest.raises(KeyError):
        sector_cards.national_goods_rows(fb, "by_exports")
