"""The outlet a page names in its copyright line (`جميع الحقوق محفوظة © 2024 شركة X ميديا` -> `X ميديا`)."""

from __future__ import annotations

import regex

OUTLET_MAX_WORDS = 6

_NOISE = regex.compile(
    r"جميع\s+الحقوق\s+محفوظة|حقوق\s+(?:النشر|الطبع)\s+محفوظة|الحقوق\s+محفوظة|all\s+rights\s+reserved"
    r"|copyright|\(c\)|[©®™\uFE0F]|(?<!\d)(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?(?!\d)",
    regex.IGNORECASE)
# words that introduce the name rather than belong to it: `لـ`, `لموقع`, `شركة`
_LEADING = regex.compile(r"^(?:(?:ل|لـ|ل\s)?(?:شركة|موقع|مؤسسة|لشركة|لموقع|لمؤسسة)\s+|لـ\s*|ل\s+)")
_LATIN_SUFFIX = regex.compile(r"\b(?:FZ[- ]?LLC|LLC|Ltd\.?|Inc\.?|S\.?A\.?R?L?|GmbH|Co\.?)\s*$",
                              regex.IGNORECASE)
_GLUED_TO = regex.compile(r"(?<=محفوظة\s+)ل(ل)?(?!ـ)(?=\p{Arabic}{3,})")
_LETTER = regex.compile(r"\p{L}")
_ARABIC = regex.compile(r"\p{Arabic}")
_PARTS = regex.compile(r"\s+[-–—|]\s+|\s*[|،,]\s*")


def outlet_from_copyright(line: str) -> str | None:
    """The outlet's name in a copyright line, Arabic part preferred; None when no name is left."""
    text = _GLUED_TO.sub(lambda m: "ال" if m.group(1) else " ", line)  # `محفوظة لهسبريس`, `محفوظة للمؤسسة`
    text = _NOISE.sub(" ", text)
    names: list[str] = []
    for part in _PARTS.split(text):
        name = " ".join(part.split()).strip(" .:-–—")
        for _ in range(2):
            name = _LEADING.sub("", name).strip()
        name = _LATIN_SUFFIX.sub("", name).strip(" .,-")
        if name and len(name.split()) <= OUTLET_MAX_WORDS and _LETTER.search(name):
            names.append(name)
    arabic = [n for n in names if _ARABIC.search(n)]
    chosen = arabic or names
    return chosen[0] if chosen else None
