"""Just enough EDTF for rasd: parse a date or interval to a span, compare and rank precision."""

from __future__ import annotations

import functools
import re

_POINT = re.compile(r"(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?(?:T.*)?")


def _point(text: str, end: bool) -> tuple[int | None, int, int, int] | None:
    """(year or None, month, day, precision 1-3) of one EDTF point; the last day/month when `end`."""
    m = _POINT.fullmatch(text.strip().rstrip("?~%"))
    if not m:
        return None
    year = None if m[1] == "XXXX" else int(m[1])
    if m[2] is None or m[2] == "XX":
        return year, 12 if end else 1, 31 if end else 1, 1
    month = int(m[2])
    if m[3] is None or m[3] == "XX":
        last = 31 if month in (1, 3, 5, 7, 8, 10, 12) else 30 if month != 2 else 29
        return year, month, last if end else 1, 2
    return year, month, int(m[3]), 3


@functools.lru_cache(maxsize=4096)
def span(text: str | None) -> tuple[tuple, tuple, int, bool] | None:
    """(start, end, precision, year known) of an EDTF date or `A/B` interval; None when unparsable."""
    if not text:
        return None
    sides = text.split("/")
    if len(sides) > 2:
        return None
    first = _point(sides[0], end=False) if sides[0] not in ("", "..") else None
    last = _point(sides[-1], end=True) if sides[-1] not in ("", "..") else None
    if first is None and last is None:
        return None
    lo = first or (None, 1, 1, 1)
    hi = last or (None, 12, 31, 1)
    known = (first is None or first[0] is not None) and (last is None or last[0] is not None)
    precision = min(p[3] for p in (first, last) if p is not None)
    return lo[:3], hi[:3], precision, known


def date_overlaps(a: str, b: str) -> bool:
    """Whether two EDTF dates can name the same time; an unknown year (XXXX) overlaps any year."""
    sa, sb = span(a), span(b)
    if sa is None or sb is None:
        return True
    if not (sa[3] and sb[3]):  # compare month-day only
        return (sa[0][1:] <= sb[1][1:] and sb[0][1:] <= sa[1][1:]) or sa[2] == 1 or sb[2] == 1
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def more_precise(a: str | None, b: str | None) -> str | None:
    """The better of two compatible dates: a known year first, then the finer precision."""
    if not a:
        return b
    if not b:
        return a
    sa, sb = span(a), span(b)
    if sa is None:
        return b
    if sb is None:
        return a
    return a if (sa[3], sa[2], -("/" in a)) >= (sb[3], sb[2], -("/" in b)) else b


def year_of(text: str | None) -> int | None:
    """The first known year of an EDTF date (for registers and timelines)."""
    s = span(text)
    return s[0][0] if s and s[0][0] is not None else None


def sort_key(text: str | None) -> str:
    """A sortable key: unknown dates last, unknown years after known ones."""
    s = span(text)
    if s is None:
        return "9999"
    y, m, d = s[0]
    return f"{y if y is not None else 9998:04d}-{m:02d}-{d:02d}"


__all__ = ["date_overlaps", "more_precise", "span", "sort_key", "year_of"]
