"""The prefix a scraped lead paragraph opens with: an outlet, a byline, a city or a dateline before a dash.

`الشرق اليوم- قال …`, `سامي علي - الرباط في الأحد 2 مارس 2025 09:10 صباحاً - أعلن …`,
`07 يوليو 2024 - أعلنت …`: the segments before the first dash(es) followed by a
space are page furniture glued to the article's first sentence. They are cut
off (the rest of the line stays exactly as written) so that neither a city nor
a time stamp of the page reaches entities and events; a dateline among them
may still date the page.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from rasd.clean.dates import dateline_value
from rasd.clean.lexicon import function_words_written
from rasd.text.normalize import normalize_key

LEAD_PREFIX_MAX_CHARS = 100
LEAD_MAX_SEGMENTS = 3  # name, city-and-date, … : a byline never has more
NAME_MAX_WORDS = 4
REST_MIN_WORDS = 5  # what follows the prefix is a sentence, not another fragment
NAME_FUNCTION_WORDS_ALLOWED = {"اليوم"}  # outlet names are often built on it (`اليوم السابع`)
# a dash before these opens an apposition (`حماس - التي تسيطر على غزة - أعلنت …`), not the article
APPOSITION_STARTS = {"التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "هو", "هي", "هم", "وهو", "وهي",
                     "وهم", "اي", "أي", "أحد", "احد", "إحدى", "احدى"}

_SEPARATOR = regex.compile(r"\s*[-–—]+\s+")
_NAME_WORD = regex.compile(r"[(（]?[\p{L}\p{M}.'’]+[)）]?")


@dataclass(frozen=True)
class Lead:
    """A lead line split into its furniture prefix and the sentence after it."""

    prefix: str
    rest: str
    date: str | None  # the dateline among the prefix segments, if any
    names: tuple[str, ...] = ()  # the prefix segments that are names (outlet, agency, author, city)


def _is_name(segment: str) -> bool:
    """A short name (an outlet, an author, a city, `باريس (أ ف ب)`): a few words, no digits, no
    sentence words."""
    words = segment.split()
    if not 1 <= len(words) <= NAME_MAX_WORDS or not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    known = function_words_written() - NAME_FUNCTION_WORDS_ALLOWED
    return not any(w.strip("()（）") in known for w in words)


def split_lead(text: str) -> Lead | None:
    """The furniture prefix of a lead line and the sentence after it, or None when it has none."""
    pos, date, names = 0, None, []
    for _ in range(LEAD_MAX_SEGMENTS):
        match = _SEPARATOR.search(text, pos, min(len(text), LEAD_PREFIX_MAX_CHARS))
        if match is None:
            break
        segment = text[pos:match.start()].strip()
        value = dateline_value(segment) if any(map(str.isdigit, segment)) else None
        if value and pos == 0 and normalize_key(segment).split()[0] == "في":
            break  # `في 4 يوليو 2024 - …` dates an event
        if not value and not _is_name(segment):
            break
        if not value:
            names.append(segment)
        date = date or value
        pos = match.end()
    rest = text[pos:]
    if pos == 0 or len(rest.split()) < REST_MIN_WORDS or rest.split()[0] in APPOSITION_STARTS:
        return None
    return Lead(text[:pos].strip(), rest, date, tuple(names))
