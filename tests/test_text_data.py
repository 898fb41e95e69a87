"""The text layer's lexicons load, cover every month and weekday, and document themselves."""

from pathlib import Path

import pytest

from rasd.text.calendar import load_calendar
from rasd.text.number_words import load_numbers
from rasd.text.sentences import abbreviations

DATA = Path(__file__).resolve().parent.parent / "src" / "rasd" / "data"


def test_every_month_has_each_regional_name():
    months = load_calendar().months
    for month in range(1, 13):
        names = [name for name, m in months.items() if m == month]
        assert len(names) >= 4, (month, names)  # Egypt/Gulf, Levant/Iraq, Maghreb, English at least
    assert months["يناير"] == 1 and months["كانون الثاني"] == 1 and months["جانفي"] == 1
    assert months["يوليوز"] == 7 and months["غشت"] == 8 and months["شتنبر"] == 9


def test_weekdays_and_hijri_months_are_complete():
    cal = load_calendar()
    assert set(cal.weekdays.values()) == set(range(7))
    assert set(cal.hijri_months.values()) == set(range(1, 13))


def test_vague_parts_of_a_year_are_month_ranges():
    for word, (first, last) in load_calendar().words["vague_year"].items():
        assert 1 <= first <= last <= 12, word


def test_number_words_cover_units_tens_hundreds_and_scales():
    words = load_numbers().words
    kinds = {kind for _, kind in words.values()}
    assert {"unit", "ten", "hundred", "scale"} <= kinds
    assert {value for value, kind in words.values() if kind == "unit"} == set(range(1, 10))
    assert {value for value, kind in words.values() if kind == "ten"} == set(range(10, 100, 10))


def test_abbreviations_are_loaded_without_their_dot():
    assert {"د", "u.s", "dr"} <= abbreviations()


@pytest.mark.parametrize("folder", ["calendar", "numbers", "text"])
def test_each_data_folder_has_a_readme_naming_its_files(folder):
    readme = (DATA / folder / "README.md").read_text(encoding="utf-8")
    for path in (DATA / folder).iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, path.name
