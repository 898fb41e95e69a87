"""Calendar knowledge (month and weekday names, date words) loaded from `rasd/data/calendar/`.

Everything is normalised at load time with `rasd.text.normalize.normalize`, so the
date patterns run on normalised text and map back to the original offsets.
"""

from __future__ import annotations

import calendar as _pycal
import json
import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import regex

from rasd.text.normalize import normalize

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "calendar"


@dataclass(frozen=True)
class Calendar:
    """Normalised lexicons of date words."""

    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_needs_context: frozenset[str]
    hijri_months: dict[str, int]
    words: dict[str, object]


def _data_text(name: str) -> str:
    return (DATA_DIR / name).read_text(encoding="utf-8")


def _tsv_rows(name: str) -> list[list[str]]:
    rows = []
    for line in _data_text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _norm_words(value: object) -> object:
    """Normalise every word of a JSON value (keys of dicts, items of lists)."""
    if isinstance(value, dict):
        return {normalize(k): v for k, v in value.items()}
    if isinstance(value, list):
        return [normalize(v) for v in value]
    return value


@lru_cache(maxsize=1)
def load_calendar() -> Calendar:
    """The calendar lexicons, read once."""
    months: dict[str, int] = {}
    for row in _tsv_rows("months.tsv"):
        name = normalize(row[1])
        months[name] = int(row[0])
    weekday_rows = _tsv_rows("weekdays.tsv")
    weekdays = {normalize(row[1]): int(row[0]) for row in weekday_rows}
    weekday_context = frozenset(normalize(row[1]) for row in weekday_rows if row[2:3] == ["1"])
    raw = json.loads(_data_text("expressions.json"))
    words = {k: _norm_words(v) for k, v in raw.items() if not k.startswith("_")}
    hijri = {normalize(row[1]): int(row[0]) for row in _tsv_rows("hijri_months.tsv")}
    return Calendar(months, weekdays, weekday_context, hijri, words)


def alternation(words: object) -> str:
    """A regex alternation of words, longest first; inner spaces match any whitespace."""
    items = sorted(set(words), key=len, reverse=True)  # type: ignore[arg-type]
    return "|".join(r"\s+".join(regex.escape(part) for part in w.split()) for w in items)


# ---- EDTF helpers ----------------------------------------------------------------------------

def _y(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def edtf_day(year: int | None, month: int, day: int) -> str:
    return f"{_y(year)}-{month:02d}-{day:02d}"


def edtf_month(year: int | None, month: int) -> str:
    return f"{_y(year)}-{month:02d}"


def edtf_days(first: date, last: date) -> str:
    """A day interval, or a single day."""
    if first == last:
        return first.isoformat()
    return f"{first.isoformat()}/{last.isoformat()}"


def month_span(year: int | None, first: int, last: int) -> str:
    """Months `first`..`last` of a year as EDTF (one month or an interval)."""
    if first == last:
        return edtf_month(year, first)
    return f"{edtf_month(year, first)}/{edtf_month(year, last)}"


def days_in_month(year: int | None, month: int) -> int:
    return _pycal.monthrange(year if year is not None else 2001, month)[1]


def valid_day(year: int | None, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year if year is not None else 2000, month)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """The tabular Islamic calendar's Gregorian date; official ones (Umm al-Qura) may differ by a day."""
    julian_day = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948438.5
    return date.fromordinal(int(julian_day - 1721424.5))


def shift_days(day: date, delta: int) -> date:
    return day + timedelta(days=delta)
