"""Publication dates stated on a page: which line is a dateline, and its EDTF value.

The shared parser `rasd.text.dates.parse_datetime` is used when it exists; until
then (and for what it does not read) a small parser here reads numeric dates
and `07 يوليو 2024، 8:35 م`, with month names taken from babel's Arabic locales
(Egyptian/Gulf, Levantine and Maghreb names) rather than a second lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from rasd.clean.lexicon import phrase_kind
from rasd.text.normalize import normalize, normalize_key

DATELINE_MAX_CHARS = 90
DATELINE_MAX_OTHER_WORDS = 4  # words besides the date itself: labels, day names, a city
MONTH_LOCALES = ("ar", "ar_EG", "ar_SA", "ar_SY", "ar_LB", "ar_IQ", "ar_JO", "ar_MA", "ar_DZ", "ar_TN")
PM = {"م", "مساء", "مساءا", "ظهرا", "pm"}
AM = {"ص", "صباحا", "فجرا", "am"}

_TIME = re.compile(r"(?<!\d)(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<ap>[^\W\d_]+))?")
_YMD = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>(?:19|20)\d\d)(?!\d)")


@cache
def month_numbers() -> dict[str, int]:
    """Normalised Arabic month name (every regional series babel knows) -> month number."""
    from babel import Locale

    table: dict[str, int] = {}
    for code in MONTH_LOCALES:
        try:
            months = Locale.parse(code).months["format"]["wide"]
        except (ValueError, LookupError):
            continue
        for number, name in months.items():
            table[normalize_key(name)] = number
    return table


@cache
def _named_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`7 يوليو 2024` and `يوليو 7، 2024`, with `يناير/ كانون الثاني` double names allowed."""
    names = sorted(month_numbers(), key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(n) for n in names) + ")"
    months = rf"(?P<m>{month})(?:\s*/\s*{month})?"
    year = r"(?P<y>(?:19|20)\d\d)(?!\d)"
    dmy = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?:من\s+)?{months}\s*[,،]?\s*(?:عام\s+)?{year}")
    mdy = re.compile(rf"{months}\s+(?P<d>\d{{1,2}})\s*[,،]?\s+(?P<y>(?:19|20)\d\d)(?!\d)")
    return dmy, mdy


def _find_date(text: str) -> tuple[re.Match[str], int, int, int] | None:
    """The first full date (day, month, year) in normalised text."""
    dmy, mdy = _named_patterns()
    for pattern in (dmy, mdy):
        match = pattern.search(text)
        if match:
            month = month_numbers()[normalize_key(match["m"])]
            return match, int(match["y"]), month, int(match["d"])
    match = _YMD.search(text)
    if match:
        return match, int(match["y"]), int(match["m"]), int(match["d"])
    match = _DMY.search(text)
    if match:
        day, month = int(match["d"]), int(match["m"])
        if month > 12 >= day:  # an American m/d/y
            day, month = month, day
        return match, int(match["y"]), month, day
    return None


def _find_time(text: str) -> tuple[re.Match[str], int, int] | None:
    """The first clock time, made 24-hour by ص/م (am/pm)."""
    match = _TIME.search(text)
    if not match:
        return None
    hour, minute = int(match["H"]), int(match["M"])
    marker = (match["ap"] or "").casefold()
    if marker in PM and hour < 12:
        hour += 12
    elif marker in AM and hour == 12:
        hour = 0
    return match, hour, minute


def parse_stated_date(text: str) -> str | None:
    """EDTF (`2024-07-07T20:35` or `2024-07-07`) of the first full date stated in `text`, else None."""
    flat = normalize(text)
    found = _find_date(flat)
    if found is None:
        return None
    match, year, month, day = found
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    edtf = f"{year:04d}-{month:02d}-{day:02d}"
    rest = flat[:match.start()] + " " + flat[match.end():]
    clock = _find_time(rest)
    if clock is not None:
        edtf += f"T{clock[1]:02d}:{clock[2]:02d}"
    return edtf


def _shared_parser() -> Callable[[str], str | None] | None:
    """`rasd.text.dates.parse_datetime` when that module is there."""
    try:
        from rasd.text.dates import parse_datetime
    except ImportError:
        return None
    return parse_datetime


def dateline_value(text: str) -> str | None:
    """The EDTF date of a line that is a dateline (a date, a time, a label or two), else None."""
    line = text.strip().lstrip("•·▪-–|* ").strip()
    if not line or len(line) > DATELINE_MAX_CHARS or not any(ch.isdigit() for ch in line):
        return None
    edtf = parse_stated_date(line)
    if edtf is None:
        return None
    flat = normalize(line)
    found = _find_date(flat)
    rest = flat[:found[0].start()] + " " + flat[found[0].end():] if found else flat
    clock = _find_time(rest)
    if clock:
        rest = rest[:clock[0].start()] + " " + rest[clock[0].end():]
    words = [w for w in normalize_key(rest).split() if not w.isdigit()]
    if phrase_kind(" ".join(words[:3]), frozenset({"dateline"})) and words:
        words = words[1:]
    if len(words) > DATELINE_MAX_OTHER_WORDS:
        return None
    shared = _shared_parser()
    if shared is not None:
        value = shared(line)
        if value and value[:10] == edtf[:10]:
            return value if len(value) >= len(edtf) else edtf
    return edtf
