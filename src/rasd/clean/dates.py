"""Publication dates stated on a page: which line is a dateline, and its EDTF value.

Reading a date is `rasd.text.dates`' job (month names of every region live in
`src/rasd/data/calendar/`); this module only decides whether a line is a
dateline — a full date with a time, a label or a day name around it, and
little else — so that a date inside a sentence is never taken for the page's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from rasd.clean.french_dates import find_french_date
from rasd.clean.lexicon import date_label_starts, date_labels, first_key_word, phrase_kind
from rasd.text import calendar, date_patterns, date_rules
from rasd.text.dates import find_dates, parse_datetime
from rasd.text.normalize import normalize, normalize_key

DATELINE_MAX_CHARS = 90
DATELINE_MAX_OTHER_WORDS = 4  # words besides the date itself: labels, day names, a city
FULL_DATE_CHARS = len("2024-07-07")

_SEPARATORS = regex.compile(r"[|•·▪]")
_AFTER_LABELLED_DATE = regex.compile(r"[\s|:•·,،]*(?:[-–—]+\s+)?")
_CLOCK_WORD = regex.compile(r"[\d:]+")
_LEAD_DASH = regex.compile(r"\s*[-–—|]\s")
LEAD_CHARS = 60
LEAD_LABELS = {"date"}  # a scraper's label glued to the lead
LEAD_NOT_LABELS = {"في"}  # `في 4 يوليو 2024، وقعت …` dates an event


def parse_stated_date(text: str) -> str | None:
    """EDTF (`2024-07-07T20:35` or `2024-07-07`) of the first full date stated in `text`, else None."""
    return parse_datetime(_SEPARATORS.sub(" ", text)) if text else None


FRENCH_UNLABELLED_MAX_WORDS = 1  # `Jeudi 18 décembre 2025`; `Le 18 décembre, l'armée a …` is a sentence


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    edtf: str
    french: bool = False


def _full_dates(text: str) -> list[_Found]:
    """Full stated dates (day, month, year) in `text`, in order; French ones when there is no other."""
    found = [_Found(m.start, m.end, m.edtf) for m in find_dates(text)
             if m.kind == "absolute" and len(m.edtf) >= FULL_DATE_CHARS]
    if not found and (french := find_french_date(text)):
        found = [_Found(french.start, french.end, french.edtf, french=True)]
    return found


def is_date_label(text: str) -> bool:
    """Whether `text` is a scraper or CMS label of the page date (`date`, `تاريخ النشر:`, `Publié le`),
    a day name after it allowed (`تاريخ النشر: الأحد`)."""
    words = normalize_key(text).casefold().split()
    return any(" ".join(words[:n]) in date_labels() for n in (len(words), len(words) - 1) if n > 0)


def split_labelled_date(text: str) -> tuple[str, str] | None:
    """(EDTF, rest of the line) when a line opens with a page-date label and a full date
    (`date 2025-09-17 وقعت …`, `تاريخ النشر: 3 مارس 2024 - …`), else None. The rest is the line after
    the date and a separator, exactly as written."""
    head = text[:DATELINE_MAX_CHARS]
    if not first_key_word(head.split()).casefold().startswith(date_label_starts()):
        return None  # the label opens the line, so the line's key opens with a label's first word
    if not any(map(str.isdigit, head)):
        return None
    full = _full_dates(head)
    if not full or not is_date_label(head[:full[0].start]):
        return None
    rest = text[full[0].end:]
    return full[0].edtf, rest[_AFTER_LABELLED_DATE.match(rest).end():]


def dateline_value(text: str) -> str | None:
    """The EDTF date of a line that is a dateline (a date, a time, a label or two), else None.

    A line opening with a page-date label and a full date is one whatever follows
    (`date 2025-09-17 Site   Latest update 17:41`)."""
    line = _SEPARATORS.sub(" ", text).strip(" -–*\t")
    if not line or len(line) > DATELINE_MAX_CHARS or not any(map(str.isdigit, line)):
        return None
    full = _full_dates(line)
    if not full:
        return None
    rest = line[:full[0].start] + " " + line[full[0].end:]
    words = [w for w in normalize_key(rest).split() if not _CLOCK_WORD.fullmatch(w)]
    if words and phrase_kind(" ".join(words[:3]), frozenset({"dateline"})):
        words = words[1:]
    labelled = is_date_label(line[:full[0].start])
    short = len(words) <= (FRENCH_UNLABELLED_MAX_WORDS if full[0].french and not labelled
                           else DATELINE_MAX_OTHER_WORDS)
    if not short and not labelled:
        return None
    value = parse_datetime(line) or full[0].edtf
    if "T" not in value and short:  # a time the date parser did not join to the date (`2024: 08:35 م GST`)
        clock = _time_pattern().search(normalize(rest))
        if clock and (hour_minute := date_rules.clock(clock)):
            value += hour_minute
    return value


@cache
def _time_pattern() -> regex.Pattern[str]:
    """A clock time with its am/pm mark, built from the shared calendar data."""
    marks = calendar.alternation(calendar.load_calendar().words["time_marks"])
    return regex.compile(r"(?<![\d:.])" + date_patterns.TIME.format(marks=marks))


def lead_date(text: str) -> str | None:
    """The date a first paragraph opens with as a dateline (`date 2025-09-17 وقعت …`,
    `07 يوليو 2024 - أعلنت …`): a label before it or a dash after it; never `في 4 يوليو 2024، …`,
    which dates an event, not the page."""
    head = text[:LEAD_CHARS]
    if not any(map(str.isdigit, head)):
        return None
    full = [m for m in find_dates(head) if m.kind == "absolute" and len(m.edtf) >= FULL_DATE_CHARS]
    if not full:
        return None
    before = normalize_key(head[:full[0].start])
    labelled = bool(before) and (before in LEAD_LABELS or (
        phrase_kind(before, frozenset({"dateline"})) is not None and before not in LEAD_NOT_LABELS))
    dashed = bool(_LEAD_DASH.match(head[full[0].end:]))
    if before and not labelled or not (labelled or dashed):
        return None
    return full[0].edtf
