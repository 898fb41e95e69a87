"""A readable Latin spelling of Arabic names, for entities the gazetteer does not know.

Arabic script leaves short vowels unwritten, so no table gives the "right"
spelling; the aim is a consistent, readable form (`سليمان داود` →
`Suleiman Dawd`, `بيتروشينكو` → `Bitrushinku`): common names come from a table
(data/romanize/names.tsv), everything else letter by letter
(data/romanize/letters.tsv) with a few reading rules for و/ي.
"""

from __future__ import annotations

import csv
import unicodedata
from functools import lru_cache
from importlib import resources

from rasd.text.normalize import normalize

VOWEL_LETTERS = set("اأإآٱىةوي")


def _rows(name: str) -> list[list[str]]:
    """The rows of a TSV file under data/romanize/, without comments."""
    text = resources.files("rasd.data").joinpath(f"romanize/{name}").read_text(encoding="utf-8")
    rows = csv.reader(text.splitlines(), delimiter="\t")
    return [row for row in rows if row and not row[0].startswith("#")]


@lru_cache(maxsize=1)
def _letters() -> dict[str, tuple[str, str]]:
    """Arabic letter -> (value as consonant, value as vowel)."""
    table = {}
    for row in _rows("letters.tsv"):
        consonant = row[1] if len(row) > 1 else ""
        table[row[0]] = (consonant, row[2] if len(row) > 2 else consonant)
    return table


@lru_cache(maxsize=1)
def _names() -> dict[tuple[str, ...], str]:
    """Normalised name words -> usual Latin spelling."""
    return {tuple(_fold(row[0]).split()): row[1] for row in _rows("names.tsv") if len(row) > 1}


def _fold(text: str) -> str:
    """Normalised for the names table."""
    return normalize(text).replace("ـ", "")


def _clean(text: str) -> str:
    """Without harakat and tatweel, but keeping ة/ى/hamza seats, which read differently."""
    return "".join(ch for ch in text if ch == " " or (ch != "ـ" and unicodedata.category(ch) != "Mn"))


def _word(word: str) -> str:
    """One Arabic word letter by letter (no table lookup)."""
    table = _letters()
    letters = [ch for ch in word if ch in table or ch.isascii()]
    values: list[tuple[str, bool]] = []  # (Latin, is a consonant)
    for i, ch in enumerate(letters):
        if ch.isascii():
            values.append((ch, True))
            continue
        consonant, vowel = table[ch]
        prev = letters[i - 1] if i > 0 else None
        nxt = letters[i + 1] if i + 1 < len(letters) else None
        if ch not in "وي":
            values.append((consonant, ch not in VOWEL_LETTERS))
        elif prev == "إ" and ch == "ي":
            values.append(("", False))  # إي is one long i
        elif prev is None or prev in "اأآ" or (nxt is not None and nxt in "اأإآىة"):
            after_consonant = prev is not None and prev not in VOWEL_LETTERS
            values.append(((vowel if ch == "ي" and after_consonant else "") + consonant, True))
        else:
            values.append((vowel, False))
    out = [latin for latin, _ in values]
    if len(letters) <= 5 and len(values) > 1 and values[0][1] and values[1][1] \
            and not letters[0].isascii() and letters[1] != "ي":
        out[0] += "a"  # سلمان -> salman: a short Arabic word rarely opens with two consonants
    return "".join(out)


def romanize(name: str | None) -> str | None:
    """A readable Latin form of an Arabic name; Latin input is returned as it is."""
    if not name:
        return None
    words = [part for word in _clean(name).split() for part in _split_abd(word)]
    if not words:
        return None
    names = _names()
    longest = max((len(k) for k in names), default=1)
    parts: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            known = names.get(tuple(_fold(w) for w in words[i:i + size]))
            if known:
                parts.append(known)
                i += size
                break
        else:
            parts.append(_romanize_word(words[i]))
            i += 1
    text = " ".join(p for p in parts if p)
    return text or None


def _split_abd(word: str) -> list[str]:
    """`عبدالله` -> `عبد`, `الله`: the compound is printed with and without the space."""
    if word.startswith("عبدال") and len(word) > 6:
        return ["عبد", word[3:]]
    return [word]


def _romanize_word(word: str) -> str:
    """A word with its article: `الجيش` -> `al-Jaysh`."""
    if word.isascii():
        return word
    if word.startswith(("ال", "آل")) and len(word) > 3 and not word.startswith("آل"):
        return "al-" + _word(word[2:]).capitalize()
    return _word(word).capitalize()
