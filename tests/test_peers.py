"""A region among its peers: ranks and default peers on a small table checked by hand."""

from __future__ import annotations

import pandas as pd

from analysis.views import peers
from tests.apptest import run_page

TABLE = pd.DataFrame(
    {
        "iso_code": ["A", "B", "C", "D", "E"],
        "name_en": ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"],
        "federal_district": ["North", "North", "North", "South", "South"],
        "latest_year": [2024, 2023, 2024, 2024, None],
        "turnover_musd": [100.0, 300.0, 50.0, 200.0, None],
        "growth_pct": [10.0, None, -5.0, 20.0, None],
        "turnover_per_capita_usd": [40.0, 20.0, 60.0, 10.0, None],
        "side": ["BY", "RU", "BY", "BY", None],
        "source_url": ["u1", "u2", "u3", "u4", None],
    }
)


def test_ranks_compare_only_the_same_side_and_regions_with_the_measure():
    r = peers.ranks(TABLE, "A").set_index("measure")  # A is BY: B (RU) is left out of every rank
    # turnover, BY: D 200 > A 100 > C 50 → A is 2nd of 3; in North (BY): A 100 > C 50 → 1st of 2
    assert (r.at["turnover_musd", "rank_all"], r.at["turnover_musd", "of_all"]) == (2, 3)
    assert (r.at["turnover_musd", "rank_district"], r.at["turnover_musd", "of_district"]) == (1, 2)
    # growth, BY: D 20 > A 10 > C -5 → 2nd of 3; in North: 1st of 2
    assert (r.at["growth_pct", "rank_all"], r.at["growth_pct", "of_all"]) == (2, 3)
    assert (r.at["growth_pct", "rank_district"], r.at["growth_pct", "of_district"]) == (1, 2)
    # per person, BY: C 60 > A 40 > D 10 → 2nd
    assert r.at["turnover_per_capita_usd", "rank_all"] == 2
    assert set(r.side) == {"BY"}


def test_a_missing_value_has_no_rank():
    r = peers.ranks(TABLE, "B").set_index("measure")
    assert pd.isna(r.at["growth_pct", "rank_all"]) and pd.isna(r.at["growth_pct", "value"])
    assert peers.ranks(TABLE, "E").rank_all.isna().all()


def test_default_peers_are_the_largest_of_the_same_district():
    assert peers.default_peers(TABLE, "C") == ["A"]  # B is North's largest, but on the RU side
    assert peers.default_peers(TABLE, "D") == []  # E has no figure


def test_peer_frame_puts_the_region_first():
    frame = peers.peer_frame(TABLE, "C", ["B", "C", "D"])
    assert frame.iso_code.tolist() == ["C", "B", "D"]
    assert frame.is_region.tolist() == [True, False, False]


def test_profile_peers_follow_the_url(fb):
    at = run_page("screens/regions.py", profile="RU-TA", peers=["RU-BA", "RU-SAM"])
    assert at.multiselect(key="peers").value == ["RU-BA", "RU-SAM"]
    at.multiselect(key="peers").set_value(["RU-PER"]).run()
    assert at.query_params["peers"] in ("RU-PER", ["RU-PER"])  # AppTest keeps a one-item list as its value
    assert any(
        "of its federal district" in m.value or "in its federal district" in m.value for m in at.markdown
    )
