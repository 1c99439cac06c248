"""What makes a rerun cheap at 10× the data: helpers computed once per fact base, the catalogue's source
kinds judged once per address, record picker labels built column-wise, cached number layout. Each gives the
same values as the row-by-row code it replaced."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from analysis.data import catalog, records
from analysis.data.filters import data_years
from analysis.output import formatting
from analysis.output.formatting import fmt_musd
from dashboard import cached, widgets


def test_a_helper_runs_once_per_fact_base_object_and_again_for_a_new_one():
    calls = []

    @cached.per_factbase
    def count_rows(fb, column):
        calls.append(column)
        return len(fb[column])

    fb = {"a": [1, 2, 3], "b": [1]}
    assert count_rows(fb, "a") == 3 and count_rows(fb, "a") == 3 and calls == ["a"]
    assert count_rows(fb, "b") == 1 and calls == ["a", "b"]  # other arguments: computed
    new = {"a": [1, 2, 3, 4], "b": [1]}  # a new revision is a new object, even with equal content
    assert count_rows(new, "a") == 4 and calls == ["a", "b", "a"]


def test_the_context_value_is_part_of_the_key():
    lang = ["en"]
    calls = []

    @cached.per_factbase(context=lambda: lang[0])
    def label(fb):
        calls.append(lang[0])
        return f"{fb['name']} ({lang[0]})"

    fb = {"name": "Tula"}
    assert label(fb) == "Tula (en)" and label(fb) == "Tula (en)"
    lang[0] = "ru"
    assert label(fb) == "Tula (ru)" and calls == ["en", "ru"]


def test_a_full_memo_starts_over_instead_of_growing():
    @cached.per_factbase(max_entries=2)
    def ident(fb, x):
        return x

    fb = {}
    for x in range(5):
        assert ident(fb, x) == x
    assert ident(fb, 4) == 4


def test_years_range_is_computed_once_per_fact_base_and_follows_a_new_one(fb):
    first = widgets.year_bounds(fb)
    assert first == data_years(fb.trade_facts, fb.meetings)
    assert widgets.year_bounds(fb) is first  # the same object: not computed again
    later = fb.meetings.head(1).assign(date="2031-05-04")
    grown = dataclasses.replace(fb, meetings=pd.concat([fb.meetings, later], ignore_index=True))
    assert widgets.year_bounds(grown) == (first[0], 2031)
    assert widgets.year_bounds(fb) == first


def test_region_list_is_shared_per_fact_base(fb):
    ids = widgets.ru_region_ids(fb)
    assert ids == fb.regions[fb.regions.country == "RU"].sort_values("name_en").iso_code.tolist()
    assert widgets.ru_region_ids(fb) is ids


def _kinds_row_by_row(fb) -> pd.DataFrame:
    """The catalogue's count as it was: every row's address judged on its own."""
    rows = []
    for name in catalog.FIGURE_TABLES:
        df = getattr(fb, name)
        df = df[df.value.notna()] if "value" in df.columns else df
        kinds = df.source_url.map(catalog.source_kind).value_counts()
        rows.append([name, *(int(kinds.get(k, 0)) for k in catalog.SOURCE_KINDS), len(df)])
    out = pd.DataFrame(rows, columns=["table", *catalog.SOURCE_KINDS, "figures"])
    total = out.drop(columns="table").sum()
    return pd.concat(
        [out, pd.DataFrame([["all figures", *total.tolist()]], columns=out.columns)], ignore_index=True
    )


def test_source_kinds_judged_per_address_give_the_row_by_row_counts(fb):
    pd.testing.assert_frame_equal(catalog.figures_by_source_kind(fb), _kinds_row_by_row(fb))


def test_source_kinds_by_hand_on_a_small_fact_base(fb):
    facts = pd.DataFrame(
        {
            "value": [1.0, 2.0, 3.0, None, 5.0],
            "source_url": [
                "https://rosstat.gov.ru/a",
                "https://rosstat.gov.ru/a",  # the same address twice: counted twice
                "https://www.kremlin.ru/b",
                "https://tass.com/no-value",  # no value: not a figure
                "https://tass.com/c",
            ],
        }
    )
    empty = pd.DataFrame({"value": pd.Series(dtype=float), "source_url": pd.Series(dtype=str)})
    small = dataclasses.replace(
        fb,
        trade_facts=facts,
        sector_facts=empty,
        region_indicators=empty,
        region_foreign_trade=empty,
        national_goods=empty,
    )
    t = catalog.figures_by_source_kind(small).set_index("table")
    assert t.loc["trade_facts"].tolist() == [2, 1, 1, 4]
    assert t.loc["sector_facts"].tolist() == [0, 0, 0, 0]
    assert t.loc["all figures"].tolist() == [2, 1, 1, 4]


def test_catalogue_caches_return_the_catalogue(fb):
    pd.testing.assert_frame_equal(cached.table_catalogue(fb), catalog.table_catalogue(fb))
    assert cached.figures_by_source_kind(fb) is cached.figures_by_source_kind(fb)


def _labels_row_by_row(rows: pd.DataFrame) -> dict[int, str]:
    """The Records page's picker labels as they were built: one row at a time."""
    return {
        int(r.row_id): f"{r.row_id} · "
        + " · ".join(str(getattr(r, k)) for k in ("meeting_id", "fact_id", "product", "text") if k in rows)
        + (" (deleted)" if isinstance(r.deleted_at, str) else "")
        for r in rows.itertuples(index=False)
    }


@pytest.fixture()
def user_facts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "row_id": [12, 7, 3],
            "fact_id": ["RU-TUL:2024:turnover:RU", "RU-TA:2025-Q1:by_exports:BY", None],
            "value": ["100", "7.5", None],
            "deleted_at": [None, "2026-03-01T10:00:00Z", None],
        }
    )


def test_record_labels_by_hand(user_facts):
    assert records.row_labels(user_facts, " (deleted)") == {
        12: "12 · RU-TUL:2024:turnover:RU",
        7: "7 · RU-TA:2025-Q1:by_exports:BY (deleted)",
        3: "3 · nan",  # a missing name reads as the page always showed it (the text of an empty cell)
    }
    assert list(records.row_labels(user_facts, "")) == [12, 7, 3]  # the rows' order (newest first)


def test_record_labels_match_the_row_by_row_labels(user_facts):
    meetings = pd.DataFrame(
        {
            "row_id": [5, 4],
            "meeting_id": ["RU-KGD:2025-11-20:1", "RU-TUL:2026-03-10:b1"],
            "product": ["MTZ tractors", float("nan")],  # two naming columns; a missing cell as its text
            "deleted_at": [float("nan"), "2026-01-01T00:00:00Z"],
        }
    )
    for rows in (user_facts, meetings, user_facts.head(0)):
        assert records.row_labels(rows, " (deleted)") == _labels_row_by_row(rows)
    assert records.row_labels(meetings, "!")[5] == "5 · RU-KGD:2025-11-20:1 · MTZ tractors"


def test_record_search_by_hand(user_facts):
    assert records.search_rows(user_facts, "tul").row_id.tolist() == [12]  # case ignored
    assert records.search_rows(user_facts, "7.5").row_id.tolist() == [7]  # literal text, not a pattern
    assert records.search_rows(user_facts, "2026-03").row_id.tolist() == [7]  # any column
    assert records.search_rows(user_facts, "").row_id.tolist() == [12, 7, 3]
    assert records.search_rows(user_facts, "nowhere").empty


def test_money_layout_is_cached_without_changing_it():
    assert [fmt_musd(v) for v in (1234, 654, 2.96, -60, 0.04)] == [
        "$1.2 bn",
        "$654 m",
        "$3.0 m",
        "-$60 m",
        "$0.0 m",
    ]
    assert fmt_musd(1234, lang="ru") == "$1,2 млрд"
    assert fmt_musd(1234567.0) == "$1,234.6 bn"
    before = formatting._grouped.cache_info().hits
    assert fmt_musd(1234567.0) == "$1,234.6 bn"
    assert formatting._grouped.cache_info().hits == before + 1


def test_rows_are_itertuples_kept_while_the_frame_is_the_same_object():
    frame = pd.DataFrame(
        {
            "year": [2012, 2013, 2014],
            "value_musd": [549.0, float("nan"), 70.5],
            "differ_note": ["10 sources differ", "", "2 sources differ"],
            "target_year": pd.array([2030, None, 2025], dtype="Int64"),
        }
    )
    rows = cached.rows(frame)
    assert repr(rows) == repr(list(frame.itertuples(index=False)))  # NaN and NA equal only as text
    assert rows[0].year == 2012 and rows[0].differ_note == "10 sources differ"
    assert cached.rows(frame) is rows  # the same frame: not walked again
    differ = cached.rows(frame, unless_empty="differ_note")
    assert [r.year for r in differ] == [2012, 2014]  # rows whose note is not ""
    assert [r.year for r in cached.rows(frame.copy(), unless_empty="differ_note")] == [2012, 2014]
    assert cached.rows(frame.head(0)) == []


def test_no_page_relies_on_magic_which_the_config_turns_off():
    """`runner.magicEnabled = false` saves a syntax-tree pass per compile; a bare expression in a page
    (other than a docstring) would then silently show nothing."""
    import ast
    import tomllib

    from tests.conftest import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["magicEnabled"] is False
    scripts = [ROOT / "dashboard" / "app.py", *sorted((ROOT / "dashboard" / "screens").glob("*.py"))]
    bodies = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    bare = []
    for path in scripts:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0]) for n in ast.walk(tree) if isinstance(n, bodies) and n.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.Expr) and not isinstance(node.value, (ast.Call, ast.Await)):
                is_doc = id(node) in docstrings and isinstance(node.value, ast.Constant)
                if not (is_doc and isinstance(node.value.value, str)):
                    bare.append(f"{path.name}:{node.lineno}")
    assert len(scripts) == 8 and bare == []


def test_whole_numbers_are_grouped_as_before_and_cached():
    from analysis.output.i18n import fmt_number, translator

    assert fmt_number(1200, "en") == "1,200" and fmt_number(1200, "ru") == "1\xa0200"
    assert translator("en").ngettext("{n} row", "{n} rows", 3222) == "3,222 rows"
    before = fmt_number.cache_info().hits
    assert fmt_number(1200, "en") == "1,200"
    assert fmt_number.cache_info().hits == before + 1
