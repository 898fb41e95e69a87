"""The date and the numbers an event needs, from the text layer (`rasd.text.dates`, `rasd.text.numbers`)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

from rasd.events.lexicon import DATE_WORD, has_stem, splits
from rasd.text.dates import DateMatch, find_dates
from rasd.text.normalize import normalize
from rasd.text.tokens import Token

RELATIVE_WORDS = frozenset({"امس", "غدا", "الاسبوع", "اليوم", "الليله"})
# calendar word groups that anchor a date expression (cue words such as في/منذ do not)
DUAL_ENDINGS = ("ين", "ان", "تي", "تا")
ANCHOR_GROUPS = ("year_words", "month_words", "days", "units", "ago_units")
AMOUNT_KINDS = frozenset({"count", "money", "measure"})  # not designations, calibres, years or percents
# بعد/قبل/منذ + (أن/ما) + a verb or verbal noun opens a clause about another, earlier or later event
TEMPORAL_OPENERS = frozenset({"بعد", "قبل", "منذ", "عقب", "بعدما", "قبلما", "اثر"})
OPENER_LINKS = frozenset({"ان", "ما"})
CLAUSE_STOPS = frozenset({"،", ",", "؛", ";", ":", "(", ")"})


@lru_cache(maxsize=1)
def number_words() -> frozenset[str]:
    """Number words and vague amounts the text layer knows (ثلاث، ألف، عشرات...)."""
    try:
        from rasd.text.number_words import load_numbers
    except ImportError:
        return frozenset()
    lexicon = load_numbers()
    return frozenset(lexicon.words) | frozenset(w for phrase in lexicon.vague for w in phrase[:1])


def may_have_amount(tokens: list[Token]) -> bool:
    """Cheap test before the number parser: a digit, a number word or a possible dual (ـين/ـان/ـتي)."""
    known = number_words()
    for token in tokens:
        if token.text[:1].isdigit() or token.norm.endswith(DUAL_ENDINGS):
            return True
        if has_stem(token.norm, known):
            return True
    return False


def sentence_quantities(text: str, offset: int) -> list[Any]:
    """Amounts (QuantityMatch, offsets into the body) in a sentence that has a trigger.

    Only sentences with triggers are parsed: the number and date parsers are the costly part.
    """
    try:
        from rasd.text.numbers import find_quantities
    except ImportError:  # the text layer ships numbers.py separately; events still work without numbers
        return []
    return [_moved(q, offset) for q in find_quantities(text) if getattr(q, "kind", "count") in AMOUNT_KINDS]


@lru_cache(maxsize=1)
def date_words() -> frozenset[str]:
    """Words that anchor a date expression in the text layer's calendar (months, weekdays, year and
    month words, relative days and units): a sentence with none of them and no digit has no date."""
    from rasd.text.calendar import load_calendar

    c = load_calendar()
    words: set[str] = set()
    for group in (c.months, c.weekdays, c.hijri_months):  # كانون الثاني: its first word anchors it
        words.update(normalize(word.split()[0]) for word in group if word.split())
    for name in ANCHOR_GROUPS:  # single words only: بعد غد would make بعد an anchor
        group = c.words.get(name, ())
        words.update(normalize(word) for word in group if isinstance(word, str) and len(word.split()) == 1)
    return frozenset(words | RELATIVE_WORDS)


def may_have_date(tokens: list[Token], flags: list[int] | None = None) -> bool:
    """Cheap test before the date parser: a digit or a calendar word (after clitics) in the sentence.
    `flags` are the tokens' `word_flags` when the caller has them."""
    if flags is not None:
        return any(f & DATE_WORD for f in flags) or any(token.text[:1].isdigit() for token in tokens)
    for token in tokens:
        if token.text[:1].isdigit() or date_word(token.norm):
            return True
    return False


@lru_cache(maxsize=65536)
def date_word(norm: str) -> bool:
    """Whether a word is a calendar word after its clitics (see `date_words`)."""
    return has_stem(norm, date_words())


@lru_cache(maxsize=65536)
def _temporal_opener(norm: str) -> bool:
    """Whether a word is بعد/قبل/منذ... with at most one clitic letter (وبعد)."""
    return any(stem in TEMPORAL_OPENERS for k, stem in splits(norm) if k <= 1)


def sentence_dates(text: str, offset: int, published: str | None) -> list[DateMatch]:
    """Date expressions of a sentence (offsets into the body), relative ones resolved against the
    publication date."""
    return [_moved(d, offset) for d in find_dates(text, published)]


def _moved(match: Any, offset: int) -> Any:
    """A copy of a frozen match with its span moved by `offset`: `dataclasses.replace` re-reads the
    fields and runs the frozen __init__, several times the cost of copying the instance dict."""
    if offset == 0:
        return match
    fields = getattr(match, "__dict__", None)
    if fields is None or hasattr(type(match), "__post_init__"):
        return replace(match, start=match.start + offset, end=match.end + offset)
    moved = object.__new__(type(match))
    copied = moved.__dict__
    copied.update(fields)
    copied["start"] = match.start + offset
    copied["end"] = match.end + offset
    return moved


def _comma_between(body: str, date: DateMatch, offset: int) -> bool:
    """Whether a comma separates a date from the trigger (then a date on the trigger's side wins)."""
    lo, hi = (date.end, offset) if date.end <= offset else (offset, date.start)
    return "،" in body[lo:hi] or "," in body[lo:hi]


def temporal_clauses(tokens: list[Token], dates: list[DateMatch],
                     stops: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of `بعد أن جمد الطرفان مفاوضاتهما عام 2016` clauses: their dates belong to the event
    they embed, not to the main trigger. `منذ عام 2015` or `بعد يومين` (a date right after the opener)
    dates the main event and opens no clause. A clause runs to a comma or a clause boundary word."""
    date_starts = {d.start for d in dates}
    spans = []
    for i, token in enumerate(tokens):
        if not _temporal_opener(token.norm):
            continue
        k = i + 1
        if k < len(tokens) and tokens[k].norm in OPENER_LINKS:
            k += 1
        if k >= len(tokens) or not tokens[k].is_word or tokens[k].start in date_starts:
            continue
        if tokens[k].text[:1].isdigit() or date_word(tokens[k].norm):
            continue
        end = next((j for j in range(k + 1, len(tokens))
                    if tokens[j].text in CLAUSE_STOPS or tokens[j].norm in stops), len(tokens))
        spans.append((token.start, tokens[end - 1].end))
    return spans


def event_date(body: str, dates: list[DateMatch], trigger_start: int, scope: tuple[int, int],
               sentence: tuple[int, int], other_scopes: list[tuple[int, int]],
               embedded: list[tuple[int, int]] | None = None) -> str | None:
    """The date of a trigger: the nearest date in its clause scope, else the nearest in the sentence
    that lies in no other trigger's scope; None when the sentence states none. Dates inside an
    embedded temporal clause (`temporal_clauses`) the trigger is not part of are never its own."""
    dates = [d for d in dates if not any(lo <= d.start < hi and not lo <= trigger_start < hi
                                         for lo, hi in embedded or ())]
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
