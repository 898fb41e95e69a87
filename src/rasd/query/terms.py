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
