"""Romanisation of Arabic names for entities the gazetteer does not know."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.resolve.romanize import romanize


@pytest.mark.parametrize("arabic, latin", [
    ("محمد بن سلمان", "Mohammed bin Salman"),      # table names, longest first
    ("عبد الله", "Abdullah"),                        # a two-word table entry
    ("عبدالله", "Abdullah"),                         # ... also written as one word
    ("سليمان داود", "Suleiman Dawd"),
    ("يوسف الحمادي", "Youssef al-Hamadi"),           # a Gulf family name with the article
    ("بارو", "Baru"),                                # long vowels as written
    ("الجيش", "al-Jish"),                            # the article
    ("منطقة", "Mantqa"),                             # ta marbuta reads a
    ("نوال", "Nawal"),                               # و before a long vowel is a consonant
    ("سلمان", "Salman"),                             # a short word does not open with two consonants
    ("T-72B3", "T-72B3"),                            # Latin kept as written
])
def test_romanize(arabic: str, latin: str) -> None:
    assert romanize(arabic) == latin


def test_diacritics_and_tatweel_do_not_change_the_result() -> None:
    assert romanize("مُحَمَّد بـارو") == romanize("محمد بارو") == "Mohammed Baru"


def test_empty_input() -> None:
    assert romanize(None) is None and romanize("") is None and romanize("   ") is None


def test_output_is_plain_ascii_for_arabic_names() -> None:
    for name in ("بيتروشينكو", "عبدي فارح", "إيغور", "وائل", "ظاهر"):
        assert romanize(name).isascii()


def test_the_letter_table_covers_the_arabic_alphabet() -> None:
    table = Path(__file__).resolve().parent.parent / "src" / "rasd" / "data" / "romanize" / "letters.tsv"
    letters = {r.split("\t")[0] for r in table.read_text(encoding="utf-8").splitlines() if r and r[0] != "#"}
    assert set("ابتثجحخدذرزسشصضطظعغفقكلمنهوية") <= letters
