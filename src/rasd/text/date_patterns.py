"""The regular expressions of Arabic date expressions, built from the calendar data.

They run on normalised text (`rasd.text.normalize`): one pattern per form, named after
the rule in `rasd.text.date_rules` that turns its match into EDTF.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from rasd.text import calendar as cal
from rasd.text.number_words import load_numbers

B = r"(?<![\p{L}\p{N}])(?P<clitic>وب|ول|فب|فل|[وفبل])?"  # word start; a glued clitic is left out of the span
E = r"(?![\p{L}\p{N}])"
TIME = (r"(?P<hour>[012]?\d)[:.](?P<minute>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
        r"(?:\s*(?P<ampm>{marks}))?(?![\p{{L}}\p{{N}}])")


@lru_cache(maxsize=1)
def time_before() -> regex.Pattern[str]:
    """A clock time ending right before a date (`8:35 م، 07 يوليو 2024`)."""
    time = TIME.format(marks=cal.alternation(cal.load_calendar().words["time_marks"]))
    return regex.compile(rf"(?<![\d:.]){time}\s*[،,\-–|]?\s*$")


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, regex.Pattern[str]]]:
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
    weekday_lead = rf"(?:(?P<wd>{wd})\s*[،,]?\s*(?:الموافق\s+)?)?"
    ordinals = cal.alternation(w["ordinal_days"])
    hijri = cal.alternation(c.hijri_months)
    join = r"(?:و\s*|الي\s+|حتي\s+|[-–]\s*)"
    small = cal.alternation(word for word, (value, kind) in load_numbers().words.items()
                            if kind in ("unit", "ten") and value <= 10)
    ago = (rf"{B}(?:{cal.alternation(w['ago'])})\s+(?:(?P<n>\d{{1,3}}|{small})\s+)?(?P<ago_unit>"
           rf"{cal.alternation(w['ago_units'])}){E}(?!\s+(?:{cal.alternation(w['ago_blockers'])}){E})")
    sources = {
        "iso": iso,
        "dmy": dmy,
        "day_month": rf"{B}{weekday_lead}(?:يوم\s+)?(?P<day>[0-3]?\d)\s*(?:من\s+)?"
                     rf"(?:(?:{mw})\s+)?{months}(?:\s*[،,]?\s*{year}|\s+(?P<rel>{rel}){E})?{clock}",
        "ordinal_day": rf"{B}{weekday_lead}(?:يوم\s+)?(?P<ordinal>{ordinals})\s+من\s+"
                       rf"(?:(?:{mw})\s+)?{months}(?:\s*[،,]?\s*{year}|\s+(?P<rel>{rel}){E})?",
        "hijri": rf"{B}{weekday_lead}(?P<day>[0-3]?\d)\s*(?:من\s+)?(?P<hmon>{hijri}){E}"
                 rf"\s*[،,]?\s*(?:(?:{yw})\s+)?(?P<year>1[34]\d\d)\s*(?:ه|هجري|هجريه|للهجره)?{E}",
        "month_day": rf"{B}{months}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*,?\s*{year}{clock}",
        "day_range": rf"{B}(?:(?:ما\s+)?(?:بين|من)\s+)?(?:(?:يومي|ايام)\s+)?(?P<d1>[0-3]?\d)\s*{join}"
                     rf"(?P<day>[0-3]?\d)\s+(?:(?:{mw})\s+)?{months}(?:\s*[،,]?\s*{year}|\s+(?P<rel>{rel}){E})?",
        "month_range": rf"{B}(?:ما\s+)?(?:بين|من)\s+(?:(?:{mw})\s+)?(?P<m1>{mon}){E}\s*{join}"
                       rf"(?:(?:{mw})\s+)?{months}\s*[،,]?\s*{year}",
        "year_interval": rf"{B}(?:ما\s+)?(?:بين|من|منذ)\s+(?:(?:{yw})\s+)?(?P<y1>[12]\d{{3}})\s*{join}"
                         rf"(?:(?:{yw})\s+)?(?P<y2>[12]\d{{3}}){E}",
        "year_range": rf"{B}(?:{yw})\s+(?P<y1>[12]\d{{3}})\s*[-–/]\s*(?P<y2>[12]\d{{3}}){E}",
        "vague_month": rf"{B}(?P<vague>{vm})\s+(?:(?:{mw})\s+)?{months}"
                       rf"(?:\s*[،,]?\s*{year}|\s+(?P<rel>{rel}){E})?",
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
        "ago": ago,
    }
    return [(name, regex.compile(source)) for name, source in sources.items()]


@lru_cache(maxsize=1)
def heads() -> dict[str, tuple[str, frozenset[str], tuple[str, ...]]]:
    """Per pattern: the digits a match may open with, the words it opens with, the prefixes of its first word.

    Every pattern but iso and dmy matches only at the start of a run of letters and
    digits (its `B`, or a lookbehind ending in whitespace), after an optional clitic, so
    `find_dates` tries a pattern only where that run (or the run after a clitic) opens
    with a digit, is one of the words (each is followed by a space or a word end in its
    pattern), or starts with one of the prefixes (a weekday glued to what follows, as
    `weekday_lead` allows). Words are cut to their first run of letters and digits.
    The digits are "" (none), "day" (a run of one digit, or of two opening with 0-3: a
    day before a month or a joiner) or "year" (a run of four opening with 1 or 2, before
    a word end or a suffix). Keep this in step with `patterns`.
    """
    c = cal.load_calendar()
    w = c.words
    wd, mon, mw, yw = list(c.weekdays), list(c.months), list(w["month_words"]), list(w["year_words"])
    vy = list(w["vague_year"])
    lead = tuple(wd)  # weekday_lead: the weekday may be glued to the day (الأحد7)
    starts: dict[str, tuple[str, list[str], tuple[str, ...]]] = {
        "day_month": (DAY, ["يوم"], lead),
        "ordinal_day": ("", ["يوم", *w["ordinal_days"]], lead),
        "hijri": (DAY, [], lead),
        "month_day": ("", mon, ()),
        "day_range": (DAY, ["ما", "بين", "من", "يومي", "ايام"], ()),
        "month_range": ("", ["ما", "بين", "من"], ()),
        "year_interval": ("", ["ما", "بين", "من", "منذ"], ()),
        "year_range": ("", yw, ()),
        "vague_month": ("", list(w["vague_month"]), ()),
        "vague_year": ("", vy, ()),
        "vague_relative": ("", vy, ()),
        "month_year": ("", [*mw, *mon], ()),
        "month_relative": ("", [*mw, *mon], ()),
        "month_bare": ("", [*mw, *mon], ()),
        "year": ("", yw, ()),
        "year_suffixed": (YEAR, [], ()),
        "year_after_in": (YEAR, [], ()),
        "unit_relative": ("", [*w["units"], *w["this"]], ()),
        "weekday": ("", [*w["weekday_cues"], *wd], ()),
        "day_word": ("", list(w["days"]), ()),
        "ago": ("", list(w["ago"]), ()),
    }
    out: dict[str, tuple[str, frozenset[str], tuple[str, ...]]] = {}
    for name, (digit, words, prefixes) in starts.items():
        firsts = {m.group() if (m := _RUN.match(word)) else "" for word in [*words, *prefixes]}
        if "" in firsts:
            continue  # a word opening with a mark or a sign: leave the pattern to a full scan
        cut = frozenset(_RUN.match(word).group() for word in words)  # type: ignore[union-attr]
        out[name] = (digit, cut, tuple(_RUN.match(word).group() for word in prefixes))  # type: ignore[union-attr]
    return out


_RUN = regex.compile(r"[\p{L}\p{N}]+")
DAY, YEAR = "day", "year"  # the digit runs a pattern may open with (see `heads`)
