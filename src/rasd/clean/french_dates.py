"""French datelines (`Publié le Jeudi 18 Décembre 2025 à 10:05`), common on Maghreb news sites.

The month names are data (`data/boilerplate/french_months.tsv`) kept in the
cleaner while the shared calendar is reworked; only page datelines use them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

MAX_DAY = 31


@dataclass(frozen=True)
class FrenchDate:
    """A full French date found in a line: its span and EDTF value."""

    start: int
    end: int
    edtf: str


def _fold(text: str) -> str:
    """Lower case without accents (`Décembre` -> `decembre`), one character for one, so that spans
    found in the folded text index the original line."""
    return "".join(_fold_char(ch) for ch in text)


def _fold_char(ch: str) -> str:
    base = [c for c in unicodedata.normalize("NFD", ch.lower()) if not unicodedata.combining(c)]
    return base[0] if len(base) == 1 else ch


@cache
def _months() -> dict[str, int]:
    """Folded month spelling -> month number."""
    text = resources.files("rasd").joinpath("data", "boilerplate", "french_months.tsv").read_text("utf-8")
    table: dict[str, int] = {}
    for row in text.splitlines():
        if row.strip() and not row.startswith("#"):
            number, names = row.split("\t")
            for name in names.split("|"):
                table[_fold(name.strip())] = int(number)
    return table


@cache
def _pattern() -> regex.Pattern[str]:
    names = "|".join(sorted(_months(), key=len, reverse=True))
    return regex.compile(
        rf"(?<!\w)(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{names})\.?\s+(?P<year>(?:19|20)\d\d)(?!\d)"
        r"(?:\s*(?:a|,|-)?\s*(?P<hour>\d{1,2})\s*[:h]\s*(?P<minute>\d\d)(?!\d))?")


def find_french_date(text: str) -> FrenchDate | None:
    """The first full French date (day, month name, year; a time if it follows) in `text`, else None."""
    folded = _fold(text)
    for match in _pattern().finditer(folded):
        day, month = int(match["day"]), _months()[match["month"]]
        if not 1 <= day <= MAX_DAY:
            continue
        edtf = f"{match['year']}-{month:02d}-{day:02d}"
        if match["hour"] and int(match["hour"]) < 24 and int(match["minute"]) < 60:
            edtf += f"T{int(match['hour']):02d}:{match['minute']}"
        return FrenchDate(match.start(), match.end(), edtf)
    return None
