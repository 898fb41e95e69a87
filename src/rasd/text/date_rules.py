"""Rules that turn a date-pattern match into (EDTF, kind), resolving relative forms against a reference."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import regex

from rasd.text import calendar as cal
from rasd.text.number_words import load_numbers


@dataclass(frozen=True)
class Ref:
    """The known parts of the reference (publication) date."""

    year: int | None
    month: int | None
    day: int | None

    @property
    def date(self) -> date | None:
        if self.year and self.month and self.day:
            return date(self.year, self.month, self.day)
        return None


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


def _opt(m: regex.Match[str], name: str) -> str | None:
    """`m.groupdict().get(name)` without building the dict of every group (the patterns have many)."""
    return m.group(name) if name in m.re.groupindex else None


def clock(m: regex.Match[str]) -> str:
    """`T20:35` for the hour, minute and am/pm mark of a match; '' when it has none."""
    hour, minute = _opt(m, "hour"), _opt(m, "minute")
    if hour is None:
        return ""
    h = int(hour)
    mark = cal.load_calendar().words["time_marks"].get(_opt(m, "ampm") or "", "")
    if mark == "pm" and h < 12 or mark == "noon" and h < 6 or mark == "night" and 6 <= h < 12:
        h += 12
    elif mark in ("am", "night") and h == 12:
        h = 0
    if h > 23:
        return ""
    return f"T{h:02d}:{minute}"


def _numeric(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    year, month, day = _year(m.group("year")), int(m.group("month")), int(m.group("day"))
    if month > 12 >= day:  # 07/15/2024 written month first
        month, day = day, month
    if year is None or not cal.valid_day(year, month, day):
        return None
    return cal.edtf_day(year, month, day) + clock(m), "absolute"


def _resolve_month_year(month: int, day: int | None, direction: int, ref: Ref) -> int | None:
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


def _day_month(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    month = cal.load_calendar().months[m.group("mon")]
    ordinal = _opt(m, "ordinal")
    day = int(cal.load_calendar().words["ordinal_days"][ordinal]) if ordinal else int(m.group("day"))
    year = _year(m.group("year"))
    kind = "absolute"
    if year is None:
        direction = _direction(_opt(m, "rel"))
        kind = "partial"
        if direction is not None:
            year = _resolve_month_year(month, day, direction, ref)
            kind = "relative" if year is not None else "partial"
    if not cal.valid_day(year, month, day):
        return None
    return cal.edtf_day(year, month, day) + (clock(m) if year else ""), kind


def _hijri(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    """A Hijri date as the three Gregorian days it may fall on (the tabular calendar is ±1 day)."""
    month = cal.load_calendar().hijri_months[m.group("hmon")]
    day, year = int(m.group("day")), int(m.group("year"))
    if not 1 <= day <= 30:
        return None
    middle = cal.hijri_to_gregorian(year, month, day)
    return cal.edtf_days(cal.shift_days(middle, -1), cal.shift_days(middle, 1)), "vague"


def _day_range(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    last = _day_month(m, ref)
    first = int(m.group("d1"))
    if last is None or not 1 <= first < int(m.group("day")):
        return None
    return f"{last[0][:8]}{first:02d}/{last[0]}", "interval" if last[1] == "absolute" else last[1]


def _month_range(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    months = cal.load_calendar().months
    first, last, year = months[m.group("m1")], months[m.group("mon")], _year(m.group("year"))
    if year is None or not first < last:
        return None
    return cal.month_span(year, first, last), "interval"


def _month_year(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    year = _year(m.group("year"))
    if year is None:
        return None
    return cal.edtf_month(year, cal.load_calendar().months[m.group("mon")]), "absolute"


def _month_relative(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    month = cal.load_calendar().months[m.group("mon")]
    year = _resolve_month_year(month, None, _direction(m.group("rel")) or 0, ref)
    return cal.edtf_month(year, month), "relative" if year is not None else "partial"


def _month_bare(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    c = cal.load_calendar()
    return cal.edtf_month(None, c.months[m.group("mon")]), "partial"


def _year_only(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    year = _year(m.group("year"))
    return (f"{year:04d}", "absolute") if year else None


def _year_interval(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    y1, y2 = _year(m.group("y1")), _year(m.group("y2"))
    if y1 is None or y2 is None or not y1 < y2 <= y1 + 200:
        return None
    return f"{y1:04d}/{y2:04d}", "interval"


def _vague_month(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    c = cal.load_calendar()
    month = c.months[m.group("mon")]
    year = _year(m.group("year"))
    if year is None and m.group("rel"):  # أواخر يوليو الماضي
        year = _resolve_month_year(month, None, _direction(m.group("rel")) or 0, ref)
    first, last = c.words["vague_month"][m.group("vague")]
    last = min(last, cal.days_in_month(year, month))
    return f"{cal.edtf_day(year, month, first)}/{cal.edtf_day(year, month, last)}", "vague"


def _vague_year(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    year = _year(m.group("year"))
    if year is None:
        return None
    first, last = cal.load_calendar().words["vague_year"][m.group("vague")]
    return cal.month_span(year, first, last), "vague"


def _unit(m: regex.Match[str]) -> tuple[str, int]:
    unit = cal.load_calendar().words["units"][m.group("unit") or m.group("unit2")]
    return unit, (_direction(m.group("rel")) or 0) if m.group("unit") else 0


def _vague_relative(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
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


def _unit_relative(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
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


def _weekday(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    today = ref.date
    if today is None:
        return None
    c = cal.load_calendar()
    ambiguous = m.group("wd") in c.weekday_needs_context
    if ambiguous and not (m.group("cue") or m.group("rel") or _weekday_in_context(m)):
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
    """An ambiguous weekday name is a date between commas or before `إن/أن` (not `بين الاثنين`)."""
    text = m.string
    before = text[:m.start()].rstrip()
    after = text[m.end():].lstrip()
    if before.endswith(("،", ",", "(", "-", "–")) or after[:1] in ("،", ",", ".", ")", "-", "–", ":"):
        return True
    followers = cal.load_calendar().words["weekday_followers"]
    next_word = after.split(maxsplit=1)[0] if after else ""
    return next_word in followers


def _day_word(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    today = ref.date
    if today is None:
        return None
    word = " ".join(m.group("dw").split())  # a line break may split a two-word expression
    after = m.string[m.end():].lstrip()
    c = cal.load_calendar()
    if word == "اليوم" and after.startswith("ال") and after.split(maxsplit=1)[0] not in c.weekdays:
        return None  # اليوم الوطني, اليوم الأول: a day name, not "today"
    offset = int(c.words["days"][word])
    return cal.shift_days(today, offset).isoformat(), "relative"


def _ago(m: regex.Match[str], ref: Ref) -> tuple[str, str] | None:
    """`قبل 3 أيام`, `منذ أسبوعين`, `قبل عام`: a distance back from the reference."""
    unit, implied = cal.load_calendar().words["ago_units"][m.group("ago_unit")]
    number = m.group("n")
    if number:
        count = int(number) if number.isdigit() else int(load_numbers().words[number][0])
    else:
        count = implied
    if not count or ref.year is None:
        return None
    if unit == "year":
        return f"{ref.year - count:04d}", "relative"
    if unit == "month" and ref.month is not None:
        return cal.edtf_month(*cal.shift_month(ref.year, ref.month, -count)), "relative"
    today = ref.date
    if today is None or unit not in ("day", "week"):
        return None
    if unit == "day":
        return cal.shift_days(today, -count).isoformat(), "relative"
    center = cal.shift_days(today, -7 * count)
    return cal.edtf_days(cal.shift_days(center, -3), min(cal.shift_days(center, 3), today)), "relative"


Handler = Callable[[regex.Match[str], Ref], "tuple[str, str] | None"]
HANDLERS: dict[str, Handler] = {
    "iso": _numeric, "dmy": _numeric, "day_month": _day_month, "month_day": _day_month,
    "ordinal_day": _day_month, "hijri": _hijri,
    "day_range": _day_range, "month_range": _month_range, "year_interval": _year_interval,
    "year_range": _year_interval, "vague_month": _vague_month, "vague_year": _vague_year,
    "vague_relative": _vague_relative, "month_year": _month_year, "month_relative": _month_relative,
    "month_bare": _month_bare, "year": _year_only, "year_suffixed": _year_only, "year_after_in": _year_only,
    "unit_relative": _unit_relative, "weekday": _weekday, "day_word": _day_word, "ago": _ago,
}

