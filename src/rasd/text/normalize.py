"""Arabic normalisation for matching, keeping a map back to the original offsets.

Matching must see `أوكرانيا`, `اوكرانيا` and `أوكـرانيا` as one word, but every
span rasd reports points into the original body. `normalize_with_map` returns
the normalised string together with, for each of its characters, the index of
the original character it came from.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

TATWEEL = "\u0640"
# one-to-one letter folds: alef/hamza seats, alef maqsura, ta marbuta, Persian/Urdu look-alikes
LETTER_FOLDS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
    "ی": "ي", "ک": "ك", "ې": "ي", "ە": "ه", "ھ": "ه",
}
QUOTE_FOLDS = {c: '"' for c in "“”„‟«»″〝〞＂"} | {c: "'" for c in "‘’‚‛‹›′"}
SPACE_CHARS = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000"


def _build_table() -> dict[int, str | None]:
    """One str.translate table for every fold, so normalising is a single C-level pass."""
    table: dict[int, str | None] = {ord(k): v for k, v in (LETTER_FOLDS | QUOTE_FOLDS).items()}
    table[ord(TATWEEL)] = None
    for ch in SPACE_CHARS:
        table[ord(ch)] = " "
    for code in range(0x10000):  # marks (harakat, shadda, superscript alef), format chars, digits
        ch = chr(code)
        category = unicodedata.category(ch)
        if category in ("Mn", "Me", "Cf"):
            table[code] = None
        elif category == "Nd" and not ch.isascii():
            table[code] = str(unicodedata.decimal(ch))
    return table


FOLD_TABLE = _build_table()
# the same table as a list over the BMP: str.translate reads a list without a failed dict lookup
# for each unchanged character, which is most of them (astral characters stay as they are)
_FOLD_LIST: list[str | int | None] = [FOLD_TABLE.get(code, code) for code in range(0x10000)]
_PUNCT = regex.compile(r"\p{P}+")


def _fold_char(ch: str) -> str:
    """The normalised form of one character: '' when it is dropped."""
    return ch.translate(_FOLD_LIST).lower()


@dataclass(frozen=True)
class Normalized:
    """A normalised string and, per character, the index of its source character."""

    text: str
    origin: tuple[int, ...]  # len(origin) == len(text) + 1; the last entry is len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text to the original text."""
        if start >= end:
            pos = self.origin[start]
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


def normalize_with_map(text: str) -> Normalized:
    """Normalise `text` for matching and keep the offset map (see the module docstring)."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        for piece in folded:
            out.append(piece)
            origin.append(i)
    origin.append(len(text))
    return Normalized("".join(out), tuple(origin))


def normalize(text: str | None) -> str:
    """Normalise for matching: no harakat or tatweel, unified alef/ya/ta marbuta, ASCII digits."""
    if not text:
        return ""
    return text.translate(_FOLD_LIST).lower()


def normalize_key(text: str | None) -> str:
    """A comparison key: `normalize`, punctuation dropped and whitespace collapsed."""
    if not text:
        return ""
    return " ".join(_PUNCT.sub("", normalize(text)).split())
