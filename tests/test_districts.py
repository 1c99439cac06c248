"""Federal district names by language: the official Russian forms from datasets/federal_districts.csv."""

from __future__ import annotations

import pytest

from analysis.data import districts


def test_district_names_in_both_languages():
    assert districts.district_name("Volga", "ru") == "Приволжский федеральный округ"
    assert districts.district_name("North Caucasian", "ru") == "Северо-Кавказский федеральный округ"
    assert districts.district_name("Volga", "en") == "Volga Federal District"
    assert districts.district_name("", "ru") == ""  # Belarusian regions have no district


def test_the_shipped_table_has_all_eight_districts():
    names = districts.russian_names()
    assert len(names) == 8 and all(n.endswith("федеральный округ") for n in names.values())


def test_a_bad_table_names_the_file_row_and_column(tmp_path):
    (tmp_path / districts.FILE).write_text(
        "federal_district,name_ru,source,source_url\nVolga,Приволжский федеральный округ,Rosstat,\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"federal_districts.csv, row 2, column source_url: empty"):
        districts.russian_names(tmp_path)
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / districts.FILE).write_text(
        "federal_district,name_ru\nVolga,Приволжский\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="missing column"):
        districts.russian_names(tmp_path / "x")


def test_a_folder_without_the_table_keeps_english_names(tmp_path):
    assert districts.russian_names(tmp_path) == {}
