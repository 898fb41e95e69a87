"""The normaliser folds spelling variants and keeps exact offsets."""

from rasd.text.normalize import normalize, normalize_key, normalize_with_map
from rasd.text.tokens import clitic_splits, original_prefix_length, tokenize


def test_folds_alef_ya_ta_marbuta_tatweel_and_harakat():
    assert normalize("أَوكـرانيا") == "اوكرانيا"
    assert normalize("مصطفى") == "مصطفي"
    assert normalize("الجمعيّة") == "الجمعيه"


def test_arabic_indic_digits_and_quotes():
    assert normalize("٢٠٢٤") == "2024"
    assert normalize("«نص»") == '"نص"'
    assert normalize_key("«نص» ،  آخر") == "نص اخر"


def test_offset_map_points_back_to_original():
    original = "قال الوزيـرُ: «نَعَم»"
    n = normalize_with_map(original)
    i = n.text.index("الوزير")
    start, end = n.to_original(i, i + len("الوزير"))
    assert original[start:end].startswith("الوزيـر")
    assert normalize(original[start:end]) == "الوزير"
    assert len(n.origin) == len(n.text) + 1


def test_clitic_splits_keep_article():
    forms = dict((stem, n) for n, stem in clitic_splits(normalize("وباماكو")))
    assert forms["باماكو"] == 1
    forms = dict((stem, n) for n, stem in clitic_splits(normalize("للجيش")))
    assert "الجيش" in forms


def test_original_prefix_length_skips_harakat():
    assert original_prefix_length("وَباماكو", 1) == 2


def test_tokenize_keeps_designations_whole():
    words = [t.text for t in tokenize("دبابات T-72B3 وBTR-80/82A.")]
    assert "T-72B3" in words
    assert words[-1] == "."
