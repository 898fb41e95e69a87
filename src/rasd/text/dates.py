"""Arabic date expressions to EDTF: absolute, partial, relative to a publication date, and vague.

Patterns run on the normalised text (see `rasd.text.normalize`) and every match is
mapped back to exact offsets in the original. A year is never invented: without
a reference, `17 يناير` is `XXXX-01-17` and `الأسبوع الماضي` yields nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import regex

from rasd.text import calendar as cal
from rasd.text.normalize import normalize_with_map


@dataclass(frozen=True)
class DateMatch:
    """A date expression: span in the text, its EDTF and its kind.

    kind is one of absolute (year stated), partial (no year known), relative (resolved
    against the reference), vague (a part of a year or month) or interval (between two years).
    """

    start: int
    end: int
    text: str
    edtf: str
    kind: str


@dataclass(frozen=True)
class _Ref:
    year: int | None
    month: int | None
    day: int | None

    @property
    def date(self) -> date | None:
        if self.year and self.month and self.day:
            return date(self.year, self.month, self.day)
        return None


B = r"(?:(?<![\p{L}\p{N}])|(?<=(?<![\p{L}\p{N}])(?:[وفبل]|وب|ول|فب|فل)))"  # word start, after a clitic
E = r"(?![\p{L}\p{N}])"
TIME = (r"(?P<hour>[012]?\d)[:.](?P<minute>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
        r"(?:\s*(?P<ampm>{marks}))?(?![\p{{L}}\p{{N}}])")


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, regex.Pattern[str]]]:
    """The date patterns, named after their handler, built from the calendar data."""
    c = cal.load_calendar()
    w = c.words
    mon = cal.alternation(c.months)
    months = rf"(?P<mon>{mon}){E}(?:\s*[/(\-]\s*(?:{mon}){E}(?:\s*\))?)?"
    yw = cal.alternation(w["year_words"])
    suffix = cal.alternation(w["year_suffixes"])
    year = rf"(?:(?:من\s+)?(?:{yw})\s+)?(?P<year>[12]\d{{3}})(?:\s*(?:{suffix}))?{E}"
    rel = cal.alternation([*w["past"], *w["future"], *w["current"]])
    wd = cal.alternation(c.weekdays)
    time = TIME.format(marks=cal.alternation(w["time_marks"]))
    clock = rf"(?:\s*[،,\-–|]?\s*(?:(?:في\s+|عند\s+|علي\s+)?(?:ال)?ساعه\s+)?{time})?"
    iso = (r"(?<![\d/.\-])(?P<year>[12]\d{3})(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)"
           r"(?:(?:t|\s+)(?P<hour>[012]?\d):(?P<minute>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
           r"(?:z|[+\-]\d\d:?\d\d)?)?(?![\d/.\-]?\d)")
    dmy = (r"(?<![\d/.\-])(?P<day>[0-3]?\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<year>[12]\d{3})"
           rf"(?![\d/.\-]?\d){clock}")
    vy = cal.alternation(w["vague_year"])
    vm = cal.alternation(w["vague_month"])
    units = cal.alternation(w["units"])
    this = cal.alternation(w["this"])
    days = cal.alternation(w["days"])
    cues = cal.alternation(w["month_cues"])
    mw = cal.alternation(w["month_words"])
    wcues = cal.alternation(w["weekday_cues"])
    bare_year = rf"(?P<year>[12]\d{{3}})(?:\s*(?:{suffix}))?{E}"
    unit_rel = rf"(?:(?P<unit>{units})\s+(?P<rel>{rel})|(?:{this})\s+(?P<unit2>{units})){E}"
    year_cue = rf"(?<=(?<![\p{{L}}])[وف]?(?:{cal.alternation(w['year_cues'])})\s+)"
    year_end = rf"(?=\s*(?:$|[^\s\p{{L}}\p{{N}}]|(?:{cal.alternation(w['year_followers'])}){E}))"
    join = r"(?:و\s*|الي\s+|حتي\s+|[-–]\s*)"
    sources = {
        "iso": iso,
        "dmy": dmy,
        "day_month": rf"{B}(?:(?P<wd>{wd})\s*[،,]?\s*)?(?:يوم\s+)?(?P<day>[0-3]?\d)\s*(?:من\s+)?"
                     rf"(?:(?:{mw})\s+)?{months}(?:\s*[،,]?\s*{year}|\s+(?P<rel>{rel}){E})?{clock}",
        "year_interval": rf"{B}(?:ما\s+)?(?:بين|من|منذ)\s+(?:(?:{yw})\s+)?(?P<y1>[12]\d{{3}})\s*{join}"
                         rf"(?:(?:{yw})\s+)?(?P<y2>[12]\d{{3}}){E}",
        "year_range": rf"{B}(?:{yw})\s+(?P<y1>[12]\d{{3}})\s*[-–/]\s*(?P<y2>[12]\d{{3}}){E}",
        "vague_month": rf"{B}(?P<vague>{vm})\s+(?:(?:{mw})\s+)?{months}(?:\s*[،,]?\s*{year})?",
        "vague_year": rf"{B}(?P<vague>{vy})\s+(?:(?:{yw})\s+)?{bare_year}",
        "vague_relative": rf"{B}(?P<vague>{vy})\s+{unit_rel}",
        "month_year": rf"{B}(?:(?:{mw})\s+)?{months}\s*[،,]?\s*{year}",
        "month_relative": rf"{B}(?:(?P<mw>{mw})\s+)?{months}\s+(?P<rel>{rel}){E}",
        "month_bare": rf"(?:(?<=(?:{cues})\s+)|{B}(?P<mw>{mw})\s+){months}",
        "year": rf"{B}(?:{yw})\s+{bare_year}",
        "year_suffixed": rf"{B}(?P<year>[12]\d{{3}})\s*(?:{suffix}){E}",
        "year_after_in": rf"{year_cue}(?P<year>[12]\d{{3}}){E}{year_end}",
        "unit_relative": rf"{B}{unit_rel}",
        "weekday": rf"{B}(?:(?P<cue>{wcues})\s+)?(?P<wd>{wd}){E}(?:\s+(?P<rel>{rel}){E})?",
        "day_word": rf"{B}(?P<dw>{days}){E}",
    }
    return [(name, regex.compile(source)) for name, source in sources.items()]


def _year(value: str | None) -> int | None:
    if value is None:
        return None
    year = int(value)
    return year if 1000 <= year <= 2199 else None


def _direction(word: str | None) -> int | None:
    """-1 for past words, +1 for future words, 0 for current ones, None when absent."""
    if not word:
        return None
    w = cal.load_calendar().words
    if word in w["past"]:
        return -1
    if word in w["future"]:
        return 1
    return 0


def _time(m: regex.Match[str]) -> str:
    hour, minute = m.group("hour"), m.group("minute")
    if hour is None:
        return ""
    h = int(hour)
    mark = cal.load_calendar().words["time_marks"].get(m.groupdict().get("ampm") or "", "")
    if mark == "pm" and h < 12 or mark == "noon" and h < 6 or mark == "night" and 6 <= h < 12:
        h += 12
    elif mark in ("am", "night") and h == 12:
        h = 0
    if h > 23:
        return ""
    return f"T{h:02d}:{minute}"


def _numeric(m: regex.Match[str], ref: _Ref) -> tuple[str, str] | None:
    year, month, day = _year(m.group("year")), int(m.group("month")), int(m.group("day"))
    if year is None or not cal.valid_day(year, month, day):
        return None
    return cal.edtf_day(year, month, day) + _time(m), "absolute"


def _resolve_month_year(month: int, day: int | None, direction: int, ref: _Ref) -> int | None:
    """The year of `month` (and `day`) said as past (-1), future (+1) or current (0) at the reference."""
    if ref.year is None or ref.month is None:
        return None
    if direction == 0:
        return ref.year
    this = (month, day or 0)
    now = (ref.month, (ref.day or 0) if day else 0)
    if direction < 0:
        return ref.year if this < now else ref.year - 1
    return ref.year if this > now else ref.year + 1


def _day_month(m: regex.Match[str], ref: _Ref) -> tuple[str, str] | None:
    month = cal.load_calendar().months[m.group("mon")]
    day = int(m.group("day"))
    year = _year(m.group("year"))
    kind = "absolute"
    if year is None:
        direction = _direction(m.group("rel"))
        kind = "partial"
        if direction is not None:
            year = _resolve_month_year(month, day, direction, ref)
            kind = "relative" if year is not None else "partial"
    if not cal.valid_day(year, month, day):
        return None
    return cal.edtf_day(year, month, day) + (_time(m) if year else ""), kind


def _month_year(m: regex.Match[str], ref: _Ref) -> tuple[str, str] | None:
    year = _year(m.group("year"))
    if year is None:
        return None
    return cal.edtf_month(year, cal.load_calendar().months[m.group("mon")]), "absolute"


def _month_relative(m: regex.Match[str], ref: _Ref) -> tuple[str, str] | None:
    month = cal.load_calendar().months[m.group("mon")]
    year = _resolve_month_year(month, None, _direction(m.group("rel")) or 0, ref)
    return cal.edtf_month(year, month), "relative" if year is not None else "partial"


def _month_bare(m: regex.Match[str], ref: _Ref) -> tuple[str, str] | None:
    c = cal.load_calendar()
    if m.group("mon") in c.needs_context and not m.group("mw"):
        return None
    return cal.edtf_month(None, c.months[m.group("mon")]), "partial"


def _year_only(m: regex.Match[str], ref: _Ref) -> tuple[str, str] | None:
    year = _year(m.group("year"))
    return (f"{year:04d}", "absolute") if year else None


def _year_interval(m: regex.Match[str], ref: _Ref) -> tuple[str, str] | None:
    y1, y2 = _year(m.group("y1")), _year(m.group("y2"))
    if y1 is None or y2 is None or not y1 < y2 <= y1 + 200:
        return None
    return f"{y1:04d}/{y2:04d}", "interval"


def _vague_month(m: regex.Match[str], ref: _Ref) -> tuple[str, str] | None:
    c = cal.load_calendar()
    month = c.months[m.group("mon")]
    year = _year(m.group("year"))
    first, last = c.words["vague_month"][m.group("vague")]
    last = min(last, cal.days_in_month(year, month))
    return f"{cal.edtf_day(year, month, first)}/{cal.edtf_day(year, month, last)}", "vague"


def _vague_year(m: regex.Match[str], ref: _Ref) -> tuple[str, str] | None:
    year = _year(m.group("year"))
    if year is None:
        return None
    first, last = cal.load_calendar().words["vague_year"][m.group("vague")]
    return cal.month_span(year, first, last), "vague"


def _unit(m: regex.Match[str]) -> tuple[str, int]:
    unit = cal.load_calendar().words["units"][m.group("unit") or m.group("unit2")]
    return unit, (_direction(m.group("rel")) or 0) if m.group("unit") else 0


def _vague_relative(m: regex.Match[str], ref: _Ref) -> tuple[str, str] | None:
    unit, direction = _unit(m)
    c = cal.load_calendar()
    vague = m.group("vague")
    if unit == "year" and ref.year is not None:
        first, last = c.words["vague_year"][vague]
        return cal.month_span(ref.year + direction, first, last), "vague"
    if unit == "month" and ref.year is not None and ref.month is not None and vague in c.words["vague_month"]:
        year, month = cal.shift_month(ref.year, ref.month, direction)
        first, last = c.words["vague_month"][vague]
        last = min(last, cal.days_in_month(year, month))
        return f"{cal.edtf_day(year, month, first)}/{cal.edtf_day(year, month, last)}", "vague"
    return None


def _unit_relative(m: regex.Match[str], ref: _Ref) -> tuple[str, str] | None:
    unit, direction = _unit(m)
    if unit == "year" and ref.year is not None:
        return f"{ref.year + direction:04d}", "relative"
    if unit == "month" and ref.year is not None and ref.month is not None:
        return cal.edtf_month(*cal.shift_month(ref.year, ref.month, direction)), "relative"
    today = ref.date
    if unit == "week" and today is not None:
        if direction == 0:
            monday = cal.shift_days(today, -today.weekday())
            return cal.edtf_days(monday, cal.shift_days(monday, 6)), "relative"
        near, far = (-1, -7) if direction < 0 else (1, 7)
        first, last = sorted((cal.shift_days(today, near), cal.shift_days(today, far)))
        return cal.edtf_days(first, last), "relative"
    return None


def _weekday(m: regex.Match[str], ref: _Ref) -> tuple[str, str] | None:
    today = ref.date
    if today is None:
        return None
    c = cal.load_calendar()
    if not (m.group("cue") or m.group("rel") or _weekday_in_context(m)):
        return None
    weekday = c.weekdays[m.group("wd")]
    direction = _direction(m.group("rel")) or 0
    if direction > 0:
        delta = (weekday - today.weekday()) % 7 or 7
    else:
        delta = -((today.weekday() - weekday) % 7)
        if direction < 0 and delta == 0:
            delta = -7
    return cal.shift_days(today, delta).isoformat(), "relative"


def _weekday_in_context(m: regex.Match[str]) -> bool:
    """A bare weekday name is a date between commas or before `إن/أن` (not `بين الاثنين`)."""
    text = m.string
    before = text[:m.start()].rstrip()
    after = text[m.end():].lstrip()
    if before.endswith(("،", ",", "(", "-", "–")) or after[:1] in ("،", ",", ".", ")", "-", "–", ":"):
        return True
    followers = cal.load_calendar().words["weekday_followers"]
    next_word = after.split(maxsplit=1)[0] if after else ""
    return next_word in followers


def _day_word(m: regex.Match[str], ref: _Ref) -> tuple[str, str] | None:
    today = ref.date
    if today is None:
        return None
    word = m.group("dw")
    after = m.string[m.end():].lstrip()
    c = cal.load_calendar()
    if word == "اليوم" and after.startswith("ال") and after.split(maxsplit=1)[0] not in c.weekdays:
        return None  # اليوم الوطني, اليوم الأول: a day name, not "today"
    offset = int(c.words["days"][word])
    return cal.shift_days(today, offset).isoformat(), "relative"


Handler = Callable[[regex.Match[str], _Ref], "tuple[str, str] | None"]
HANDLERS: dict[str, Handler] = {
    "iso": _numeric, "dmy": _numeric, "day_month": _day_month, "year_interval": _year_interval,
    "year_range": _year_interval, "vague_month": _vague_month, "vague_year": _vague_year,
    "vague_relative": _vague_relative, "month_year": _month_year, "month_relative": _month_relative,
    "month_bare": _month_bare, "year": _year_only, "year_suffixed": _year_only, "year_after_in": _year_only,
    "unit_relative": _unit_relative, "weekday": _weekday, "day_word": _day_word,
}


def _reference(reference: str | None) -> _Ref:
    """The reference date's known parts; an unparsable reference counts as absent."""
    if not reference:
        return _Ref(None, None, None)
    m = regex.match(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", reference)
    if m is None:
        stated = parse_datetime(reference)
        return _reference(stated) if stated else _Ref(None, None, None)
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        return _Ref(year, None, None)
    if day is not None and month is not None and not cal.valid_day(year, month, day):
        day = None
    return _Ref(year, month, day)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,-–|("):
        end -= 1
    return start, end


def find_dates(text: str, reference: str | None = None) -> list[DateMatch]:
    """Date expressions in `text`, longest first where they overlap, in text order.

    `reference` is the publication date (EDTF or any stated date) used for relative
    expressions; without it they yield only what the text itself fixes.
    """
    norm = normalize_with_map(text)
    ref = _reference(reference)
    found: list[tuple[int, int, str, str]] = []
    for name, pattern in _patterns():
        for m in pattern.finditer(norm.text):
            result = HANDLERS[name](m, ref)
            if result is None:
                continue
            start, end = norm.to_original(m.start(), m.end())
            start, end = _trim(text, start, end)
            if end > start:
                found.append((start, end, *result))
    chosen: list[tuple[int, int, str, str]] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if all(item[1] <= c[0] or item[0] >= c[1] for c in chosen):
            chosen.append(item)
    return [DateMatch(s, e, text[s:e], edtf, kind) for s, e, edtf, kind in sorted(chosen)]


def parse_datetime(text: str) -> str | None:
    """The EDTF of the first full stated date (day, month and year) in `text`, with its time if given."""
    if not text:
        return None
    norm = normalize_with_map(text)
    best: tuple[int, str] | None = None
    for name in ("iso", "dmy", "day_month"):
        pattern = dict(_patterns())[name]
        for m in pattern.finditer(norm.text):
            if m.group("year") is None:
                continue
            result = HANDLERS[name](m, _Ref(None, None, None))
            if result and (best is None or m.start() < best[0]):
                best = (m.start(), result[0])
            if result:
                break
    return best[1] if best else None
