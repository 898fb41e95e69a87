"""Search terms: normalised tokens plus their clitic-stripped forms.

The index holds, for every word of a sentence, its normalised form
(`normalize`: no harakat, unified alef/ya/ta marbuta) and each form without
a proclitic (`وباماكو` -> `باماكو`), so a query for the bare word finds the
word with its conjunction or preposition attached. The query side looks up
the word as typed, and, when it starts with a proclitic, its stripped forms too.
"""

from __future__ import annotations

from functools import lru_cache

from rasd.text.normalize import normalize
from rasd.text.tokens import TOKEN_RE, clitic_splits, original_prefix_length, tokenize

MIN_STEM = 2
# index tokens for a sentence's document, so outlet and date filters are full-text terms too; the
# prefix keeps them apart from words (the index tokenizer splits on anything but letters and digits)
OUTLET_TOKEN, YEAR_TOKEN, MONTH_TOKEN = "zzo", "zzy", "zzm"


def word_forms(norm: str) -> list[str]:
    """The indexed forms of one normalised word: itself and every clitic-stripped stem."""
    return [form for _length, form in clitic_splits(norm, min_stem=MIN_STEM)]


@lru_cache(maxsize=200_000)
def _token_forms(word: str) -> tuple[str, ...]:
    """The index forms of one word as written (cached: news vocabulary repeats a lot)."""
    if not word[:1].isalnum():
        return ()
    norm = normalize(word)
    return tuple(f.replace('"', "") for f in word_forms(norm)) if norm else ()


def sentence_terms(text: str) -> str:
    """The space-joined index terms of a sentence (duplicates kept once)."""
    seen: dict[str, None] = {}
    for match in TOKEN_RE.finditer(text):
        for form in _token_forms(match.group()):
            seen.setdefault(form, None)
    return " ".join(t for t in seen if t)


def outlet_token(outlet: str) -> str:
    """The index token of an outlet (spelling-normalised, hashed to letters and digits)."""
    from hashlib import sha1

    from rasd.text.normalize import normalize_key

    return OUTLET_TOKEN + sha1(normalize_key(outlet).encode("utf-8")).hexdigest()[:12]


def document_terms(outlet: str | None, published: str | None) -> list[str]:
    """Index tokens for a document's outlet, publication year and month (EDTF `2024-07-07T20:35`)."""
    tokens = [outlet_token(outlet)] if outlet and outlet.strip() else []
    if published and published[:4].isdigit():
        tokens.append(YEAR_TOKEN + published[:4])
        if len(published) >= 7 and published[4] == "-" and published[5:7].isdigit():
            tokens.append(MONTH_TOKEN + published[:4] + published[5:7])
    return tokens


def date_range_tokens(date_from: str, date_to: str) -> list[str] | None:
    """Year/month tokens covering [date_from, date_to] (`YYYY` or `YYYY-MM`), None when not expressible."""
    def parse(value: str, end: bool) -> tuple[int, int] | None:
        if len(value) == 4 and value.isdigit():
            return int(value), 12 if end else 1
        if len(value) == 7 and value[:4].isdigit() and value[4] == "-" and value[5:].isdigit():
            month = int(value[5:])
            return (int(value[:4]), month) if 1 <= month <= 12 else None
        return None

    start, stop = parse(date_from, False), parse(date_to, True)
    if start is None or stop is None or start > stop or stop[0] - start[0] > 200:
        return None
    tokens = []
    for year in range(start[0], stop[0] + 1):
        first = start[1] if year == start[0] else 1
        last = stop[1] if year == stop[0] else 12
        if (first, last) == (1, 12):
            tokens.append(f"{YEAR_TOKEN}{year}")
        else:
            tokens += [f"{MONTH_TOKEN}{year}{month:02d}" for month in range(first, last + 1)]
    return tokens


def query_terms(query: str) -> list[list[str]]:
    """One list of alternative forms per query word (all words must match, any form of each)."""
    terms = []
    for token in tokenize(query):
        if not token.is_word or not token.norm:
            continue
        forms = [f for f in word_forms(token.norm) if len(f) >= 3 or f == token.norm]
        terms.append([f.replace('"', "") for f in forms])
    return terms


@lru_cache(maxsize=200_000)
def _token_splits(word: str) -> tuple[tuple[int, str], ...]:
    """(clitic length, form) of one word as written, cached like `_token_forms`."""
    if not word[:1].isalnum():
        return ()
    norm = normalize(word)
    return tuple(clitic_splits(norm, min_stem=MIN_STEM)) if norm else ()


def highlight_spans(text: str, terms: list[list[str]], offset: int = 0) -> list[tuple[int, int]]:
    """Spans (plus `offset`) of the words of `text` matching a query term, without their clitics."""
    wanted = {form for forms in terms for form in forms}
    spans = []
    for match in TOKEN_RE.finditer(text):
        lengths = [length for length, form in _token_splits(match.group()) if form in wanted]
        if lengths:  # the longest matching form: للجيش -> لجيش (ال+جيش) rather than جيش
            start = match.start() + original_prefix_length(match.group(), min(lengths))
            spans.append((start + offset, match.end() + offset))
    return spans
