"""The language of a body: a script count settles clear Arabic, lingua decides the rest.

Counting letters is ~100x cheaper than a model call, so lingua (loaded once,
lazily, for a few languages only) is asked only when the script is mixed or
not Arabic, or when Persian/Urdu letters suggest another Arabic-script language.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

ARABIC_CLEAR_RATIO = 0.8  # Arabic-script share of letters above which a text is Arabic...
NON_ARABIC_LETTERS = set("پچژگکیۀےڭ")  # ...unless these Persian/Urdu letters are frequent
NON_ARABIC_MAX_SHARE = 0.01
SAMPLE_CHARS = 4000

# plain code-point ranges (stdlib re) are ~10x faster than Unicode-property classes here
# runs of Arabic letters, deleted to count them: a match a word instead of one a letter
_ARABIC_LETTERS = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f"
                             "\ufb50-\ufdff\ufe70-\ufefc]+")
_OTHER_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u4e00-\u9fff]")
_NON_ARABIC = re.compile("[" + "".join(sorted(NON_ARABIC_LETTERS)) + "]")
LANGUAGES = ("ARABIC", "ENGLISH", "FRENCH", "SPANISH", "GERMAN", "TURKISH", "PERSIAN", "URDU", "RUSSIAN")


@cache
def _detector() -> Any:
    """A lingua detector for the languages an Arabic news corpus mixes in (built once).

    Low-accuracy mode (trigram models only) loads in a fraction of a second
    instead of seconds and is reliable on article-length text, which is all it sees.
    """
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, n) for n in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def script_share(text: str) -> tuple[float, float, int]:
    """(Arabic-script share of letters, Persian/Urdu-letter share of Arabic letters, letter count)."""
    arabic = len(text) - len(_ARABIC_LETTERS.sub("", text))
    letters = arabic + len(_OTHER_LETTER.findall(text))
    if not letters:
        return 0.0, 0.0, 0
    other = len(_NON_ARABIC.findall(text))
    return arabic / letters, (other / arabic if arabic else 0.0), letters


def detect_language(text: str) -> str:
    """ISO 639-1 code of a text; `ar` for clear Arabic and for text with no letters."""
    sample = text[:SAMPLE_CHARS]
    share, foreign, letters = script_share(sample)
    if letters == 0 or (share >= ARABIC_CLEAR_RATIO and foreign <= NON_ARABIC_MAX_SHARE):
        return "ar"
    language = _detector().detect_language_of(sample)
    if language is None:
        return "ar" if share >= 0.5 else "und"
    return language.iso_code_639_1.name.lower()
