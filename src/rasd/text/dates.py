"""Arabic date expressions to EDTF: absolute, partial, relative to a publication date, and vague.

Patterns run on the normalised text (see `rasd.text.normalize`) and every match is
mapped back to exact offsets in the original. A year is never invented: without
a reference, `17 يناير` is `XXXX-01-17` and `الأسبوع الماضي` yields nothing.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from rasd.text import calendar as cal
from rasd.text.date_patterns import DAY, YEAR, heads, patterns, time_before
from rasd.text.date_rules import HANDLERS, Handler, Ref, clock
from rasd.text.normalize import FOLD_TABLE, normalize, normalize_with_map


@dataclass(frozen=True)
class DateMatch:
    """A date expression: span in the text, its EDTF and its kind.

    kind is one of absolute (one stated day, month or year), partial (no year known), relative
    (resolved against the reference), vague (a part of a year or month, a converted Hijri day)
    or interval (between two stated years, months or days).
    """

    start: int
    end: int
    text: str
    edtf: str
    kind: str



@lru_cache(maxsize=64)
def _reference(reference: str | None) -> Ref:
    """The reference date's known parts; an unparsable reference counts as absent."""
    if not reference:
        return Ref(None, None, None)
    m = regex.match(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", reference)
    if m is None:
        stated = parse_datetime(reference)
        return _reference(stated) if stated else Ref(None, None, None)
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        return Ref(year, None, None)
    if day is not None and month is not None and not cal.valid_day(year, month, day):
        day = None
    return Ref(year, month, day)


def _core_start(m: regex.Match[str]) -> int:
    """Where the date starts: after a conjunction or preposition glued to it (وفي 2022, بيناير)."""
    if "clitic" not in m.re.groupindex:  # groupdict() would build a dict of every group per match
        return m.start()
    return m.end("clitic") if m.group("clitic") else m.start()


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
    return list(_find_dates(text, reference))


_LITERAL = regex.compile(r"(\p{Arabic}{3,})(?=[?*{]?)")


@cache
def _gate(source: str) -> tuple[str, ...] | None:
    """A cheap pre-check for one date pattern: a digit or one of its Arabic words must be present.

    The words are the pattern's own literal runs of three letters or more (a letter
    made optional by a quantifier is dropped), so a text without any of them cannot
    match and the pattern's costly scan is skipped. None means: always run it.
    """
    words: set[str] = set()
    for m in _LITERAL.finditer(source):
        word = m.group(1)
        if source[m.end():m.end() + 1] in ("?", "*", "{"):
            word = word[:-1]
        if len(word) >= 3:
            words.add(word)
    if not words:
        return None
    return tuple(sorted(words, key=len, reverse=True))  # any digit opens every gate too (numeric dates)


_DIGITS = regex.compile(r"\d+")
_NUMERIC = ("iso", "dmy")  # no head words: they open at a digit not preceded by one, a run of digits' start
_WORD_RUN = regex.compile(r"[\p{L}\p{N}]+")  # maximal runs: each starts where B holds
_CLITICS2 = frozenset(("وب", "ول", "فب", "فل"))
_SEPARATORS = frozenset("-/.")  # iso and dmy separators (their `sep` group)


_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")  # B's clitic group


@cache
def _head_index() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]], int,
                           dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Heads for `_candidates`, each also with every clitic glued before it.

    word (or clitic + word) -> patterns; prefix cut to the shortest prefix length -> prefixes;
    that length; digit form (DAY, YEAR) -> patterns opening with it; the patterns of the prefixes.
    """
    by_word: dict[str, set[str]] = {}
    digit: dict[str, list[str]] = {DAY: [], YEAR: []}
    prefixed: list[str] = []
    prefixes: set[str] = set()
    for name, (opens_digit, words, starts) in heads().items():
        if opens_digit:
            digit[opens_digit].append(name)
        if starts:
            prefixed.append(name)
            prefixes.update(clitic + start for clitic in ("", *_CLITICS) for start in starts)
        for word in words:
            for clitic in ("", *_CLITICS):
                by_word.setdefault(clitic + word, set()).add(name)
    exact = {word: frozenset(names) for word, names in by_word.items()}
    cut = min(map(len, prefixes), default=1)
    by_cut: dict[str, list[str]] = {}
    for prefix in prefixes:
        by_cut.setdefault(prefix[:cut], []).append(prefix)
    return (exact, {k: tuple(v) for k, v in by_cut.items()}, cut, {k: tuple(v) for k, v in digit.items()},
            tuple(prefixed))


def _digit_form(run: str, at: int) -> str:
    """DAY or YEAR when the digits of `run` from `at` may be a day or a year (see `heads`), else ''."""
    end = at
    while end < len(run) and run[end].isdecimal():
        end += 1
    size = end - at
    if size == 1 or size == 2 and run[at] in "0123":
        return DAY
    if size == 4 and run[at] in "12":
        return YEAR
    return ""


def _candidates(norm: str) -> dict[str, list[int]]:
    """Per pattern, the word starts where it may match (see `heads`).

    One pass over the words, one cached look-up each (`_openers`), replaces a scan of
    every position by every pattern.
    """
    found: dict[str, list[int]] = {}
    openers = _openers
    find = norm.find
    end = 0
    # runs are maximal, so only other characters stand between two of them: a run's first
    # occurrence after the previous one is where it stands (no match object per run)
    for run in _WORD_RUN.findall(norm):
        start = find(run, end)
        end = start + len(run)
        names = openers(run)
        if not names:
            continue
        for name in names:
            found.setdefault(name, []).append(start)
    return found


@lru_cache(maxsize=65536)
def _openers(run: str) -> tuple[str, ...]:
    """The patterns a run of letters and digits may open (see `_candidates`), cached per word.

    A run opens with a head if it is clitic + head for one of B's clitics (or none), and
    with a day or year when its digits, right after such a clitic, have that form.
    """
    exact, by_cut, cut, digit, prefixed = _head_index()
    owners = exact.get(run)
    first = run[0]
    form = ""
    if first.isdecimal():
        form = _digit_form(run, 0)
    elif first in "وفبل":
        if run[1:2].isdecimal():
            form = _digit_form(run, 1)
        elif run[:2] in _CLITICS2 and run[2:3].isdecimal():
            form = _digit_form(run, 2)
    starts = by_cut.get(run[:cut])
    glued = starts is not None and run.startswith(starts)
    if owners is None and not form and not glued:
        return ()
    names = set(owners or ())
    if form:
        names.update(digit[form])
    if glued:
        names.update(prefixed)
    return tuple(names)


def _matches(pattern: regex.Pattern[str], text: str, starts: list[int]) -> list[regex.Match[str]]:
    """`pattern.finditer(text)` when a match can only begin at one of `starts` (ascending)."""
    out = []
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


@cache
def _irregular() -> re.Pattern[str] | None:
    """Characters whose fold (`normalize`, one character at a time) is not exactly one character.

    They are the dropped marks and tatweel, letters that lower-case to two (İ) and Σ,
    whose lower case depends on its neighbours. Between them, folding a whole stretch
    at once keeps one character per character, so the offset map is a plain range.
    None when the fold table maps a character to several (no fast path then).
    """
    if any(v is not None and not isinstance(v, str) or isinstance(v, str) and len(v) > 1
           for v in FOLD_TABLE.values()):
        return None
    chars = {chr(code) for code, value in FOLD_TABLE.items() if value is None or len(value.lower()) != 1}
    step = 4096
    for low in range(0, sys.maxunicode + 1, step):
        block = "".join(map(chr, range(low, min(low + step, sys.maxunicode + 1))))
        if len(block.lower()) != len(block):
            chars.update(ch for ch in block if ord(ch) not in FOLD_TABLE and len(ch.lower()) != 1)
    chars.add("Σ")
    codes = sorted(map(ord, chars))
    ranges: list[list[int]] = []
    for code in codes:  # as ranges: a class of single characters is scanned far more slowly
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    spans = (f"\\U{a:08x}-\\U{b:08x}" if b > a else f"\\U{a:08x}" for a, b in ranges)
    return re.compile("[" + "".join(spans) + "]")  # re: a big class is scanned 50x faster than by regex


@cache
def _table() -> list[int | str | None]:
    """FOLD_TABLE as a list over the BMP, every character present.

    str.translate looks a dict up per character and takes a miss (most Arabic letters)
    through an exception; a full list makes each look-up an index (2x faster). Characters
    past the BMP raise IndexError, which translate also reads as "keep".
    """
    return [FOLD_TABLE.get(code, code) for code in range(0x10000)]


def _fold(text: str) -> tuple[str, Sequence[int], Sequence[int]]:
    """`normalize_with_map(text)` as (text, origin, inverse) without its loop over every character.

    inverse[i] is where the fold of original character i starts in the normalised text
    (so a span start:end of the original folds to norm[inverse[start]:inverse[end]]).
    When no character is dropped or grows both maps are the identity; otherwise only
    the irregular characters (see `_irregular`) are folded one by one.
    """
    irregular = _irregular()
    if irregular is None:
        norm = normalize_with_map(text)
        return norm.text, norm.origin, [bisect_left(norm.origin, i) for i in range(len(text) + 1)]
    table = _table()
    folded = text.translate(table)
    if len(folded) == len(text) and "Σ" not in text:
        lowered = folded.lower()
        if len(lowered) == len(folded):
            identity = range(len(text) + 1)
            return lowered, identity, identity
    parts: list[str] = []
    origin: list[int] = []
    inverse: list[int] = []
    pos = 0
    size = 0
    for m in irregular.finditer(text):
        i = m.start()
        if i > pos:
            parts.append(text[pos:i].translate(table).lower())
            origin.extend(range(pos, i))
            inverse.extend(range(size, size + i - pos))
            size += i - pos
        piece = text[i].translate(table).lower()
        parts.append(piece)
        origin.extend([i] * len(piece))
        inverse.append(size)
        size += len(piece)
        pos = i + 1
    if pos < len(text):
        parts.append(text[pos:].translate(table).lower())
        origin.extend(range(pos, len(text)))
        inverse.extend(range(size, size + len(text) - pos))
        size += len(text) - pos
    origin.append(len(text))
    inverse.append(size)
    return "".join(parts), origin, inverse


def _to_original(origin: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """`Normalized.to_original` on a bare origin map."""
    if start >= end:
        pos = origin[start]
        return pos, pos
    return origin[start], origin[end - 1] + 1


@cache
def _plan() -> list[tuple[str, regex.Pattern[str], tuple[str, ...] | None, Handler, bool]]:
    """Per pattern, once: name, pattern, gate words, handler and whether it has heads (see `heads`)."""
    head_of = heads()
    return [(name, pattern, _gate(pattern.pattern), HANDLERS[name], name in head_of)
            for name, pattern in patterns()]


@lru_cache(maxsize=16)
def normalized(text: str) -> tuple[str, Sequence[int], Sequence[int]]:
    """`normalize_with_map(text)` as (text, origin, inverse), cached: dates and numbers read one body.

    See `_fold`; both maps are a `range` exactly when every character folds to one character.
    """
    return _fold(text)


@lru_cache(maxsize=16)
def _prepared(text: str) -> tuple[str, Sequence[int], dict[str, list[int]], bool]:
    """The normalised text, its offset map, the candidate starts and whether it has a digit.

    Cached apart from the reference: one body is read with and without a reference.
    """
    norm, origin, _ = normalized(text)
    starts = _candidates(norm)
    runs = [(m.start(), m.end()) for m in _DIGITS.finditer(norm)]
    # iso and dmy open at a run of digits (their lookbehind); they need a separator after the
    # year (iso: 2024-05-01) or after a day of one or two digits (dmy: 1/5/2024)
    iso = [s for s, _ in runs if norm[s] in "12" and norm[s + 4:s + 5] in _SEPARATORS]
    dmy = [s for s, _ in runs if norm[s + 1:s + 2] in _SEPARATORS or norm[s + 2:s + 3] in _SEPARATORS]
    if iso:
        starts["iso"] = iso
    if dmy:
        starts["dmy"] = dmy
    # a Hijri date ends on a year 13xx/14xx that is a whole run of digits (see its pattern)
    if "hijri" in starts and not any(e - s == 4 and norm[s] == "1" and norm[s + 1] in "34" for s, e in runs):
        del starts["hijri"]
    if "month_bare" in starts:
        bare = [s for s in starts["month_bare"] if _bare_month_possible(norm, s)]
        if bare:
            starts["month_bare"] = bare
        else:
            del starts["month_bare"]
    return norm, origin, starts, bool(runs)


def _bare_month_possible(norm: str, start: int) -> bool:
    """Whether month_bare can match at `start`: a month word (شهر، للشهر) after at most a two-letter
    clitic opens it, or a cue word and white space end right before (its lookbehind, costly to run
    where neither holds)."""
    words, cue_ends = _month_bare_words()
    if words is None or any(norm.startswith(words, start + k) for k in (0, 1, 2)):
        return True
    j = start
    while j > 0 and norm[j - 1].isspace():  # str.isspace holds for every character \s matches
        j -= 1
    return j < start and (not cue_ends or norm.endswith(cue_ends, 0, j))


@cache
def _month_bare_words() -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """The month words as the pattern spells them (None if one has several words: no filter) and the
    last word of each month cue (في، خلال، ... اعتبارا من), which ends the text before a bare month."""
    w = cal.load_calendar().words
    words = tuple(w["month_words"])
    cue_ends = tuple({cue.split()[-1] for cue in w["month_cues"] if cue.split()})
    return (None if any(len(word.split()) != 1 for word in words) else words), cue_ends


@lru_cache(maxsize=32)
def _find_dates(text: str, reference: str | None) -> tuple[DateMatch, ...]:
    """find_dates, cached: the events stage and the number scanner both read a body's dates."""
    norm, origin, starts, has_digit = _prepared(text)
    ref = _reference(reference)
    found: list[tuple[int, int, str, str]] = []
    for name, pattern, gate, handler, headed in _plan():
        if (headed or name in _NUMERIC) and name not in starts:
            continue
        if gate is not None and not has_digit and not any(word in norm for word in gate):
            continue
        scan = pattern.finditer(norm) if name not in starts else _matches(pattern, norm, starts[name])
        for m in scan:
            result = handler(m, ref)
            if result is None:
                continue
            start, end = _to_original(origin, _core_start(m), m.end())
            while end < len(text) and not normalize(text[end]):
                end += 1  # a trailing tatweel or mark belongs to the last letter (هـ)
            start, end = _trim(text, start, end)
            if end > start:
                found.append((start, end, *result))
    chosen: list[tuple[int, int, str, str]] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if all(item[1] <= c[0] or item[0] >= c[1] for c in chosen):
            chosen.append(item)
    return tuple(DateMatch(s, e, text[s:e], edtf, kind) for s, e, edtf, kind in sorted(chosen))


def parse_datetime(text: str) -> str | None:
    """The EDTF of the first full stated date (day, month and year) in `text`, with its time if given."""
    if not text:
        return None
    norm = normalize_with_map(text)
    best: tuple[int, str] | None = None
    for name in ("iso", "dmy", "day_month", "month_day"):
        pattern = dict(patterns())[name]
        for m in pattern.finditer(norm.text):
            if m.group("year") is None:
                continue
            result = HANDLERS[name](m, Ref(None, None, None))
            if result and (best is None or _core_start(m) < best[0]):
                best = (_core_start(m), result[0])
            if result:
                break
    if best is None:
        return None
    start, value = best
    if "T" not in value:
        before = time_before().search(norm.text[max(0, start - 30):start])
        value += clock(before) if before else ""
    return value
