"""The date and the numbers an event needs, from the text layer (`rasd.text.dates`, `rasd.text.numbers`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rasd.text.dates import DateMatch, find_dates

AMOUNT_KINDS = frozenset({"count", "money", "measure"})  # not designations, calibres, years or percents


def sentence_quantities(text: str, offset: int) -> list[Any]:
    """Amounts (QuantityMatch, offsets into the body) in a sentence that has a trigger.

    Only sentences with triggers are parsed: the number and date parsers are the costly part.
    """
    try:
        from rasd.text.numbers import find_quantities
    except ImportError:  # the text layer ships numbers.py separately; events still work without numbers
        return []
    return [replace(q, start=q.start + offset, end=q.end + offset) for q in find_quantities(text)
            if getattr(q, "kind", "count") in AMOUNT_KINDS]


def sentence_dates(text: str, offset: int, published: str | None) -> list[DateMatch]:
    """Date expressions of a sentence (offsets into the body), relative ones resolved against the
    publication date."""
    return [replace(d, start=d.start + offset, end=d.end + offset) for d in find_dates(text, published)]


def _comma_between(body: str, date: DateMatch, offset: int) -> bool:
    """Whether a comma separates a date from the trigger (then a date on the trigger's side wins)."""
    lo, hi = (date.end, offset) if date.end <= offset else (offset, date.start)
    return "،" in body[lo:hi] or "," in body[lo:hi]


def event_date(body: str, dates: list[DateMatch], trigger_start: int, scope: tuple[int, int],
               sentence: tuple[int, int], other_scopes: list[tuple[int, int]]) -> str | None:
    """The date of a trigger: the nearest date in its clause scope, else the nearest in the sentence
    that lies in no other trigger's scope; None when the sentence states none."""
    def nearest(candidates: list[DateMatch]) -> str | None:
        if not candidates:
            return None
        return min(candidates, key=lambda d: (_comma_between(body, d, trigger_start),
                                              abs(d.start - trigger_start))).edtf

    in_scope = [d for d in dates if scope[0] <= d.start < scope[1]]
    if in_scope:
        return nearest(in_scope)
    free = [d for d in dates if sentence[0] <= d.start < sentence[1]
            and not any(s <= d.start < e for s, e in other_scopes)]
    return nearest(free)
