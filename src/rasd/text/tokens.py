"""Tokens with exact offsets and clitic-aware lookup forms.

Arabic glues conjunctions, prepositions and the article to the next word
(`وباماكو`, `للجيش`, `بالعاصمة`). Lookups try the word as written and the
word without each possible proclitic; the reported span never includes it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from rasd.text.normalize import normalize

# a word: letters/marks/digits, with inner hyphens, slashes or dots for designations (T-72B3, BTR-80/82A)
TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[-/.][\p{L}\p{M}\p{N}]+)*|\S")

# proclitic sequences, longest first, in normalised spelling
PROCLITICS = (
    "وبال", "وكال", "فبال", "وال", "بال", "فال", "كال", "ولل", "فلل", "لل", "ال",
    "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك",
)
ARTICLE_PROCLITICS = {"وال", "بال", "فال", "كال", "وبال", "وكال", "فبال", "لل", "ولل", "فلل", "ال"}


class Token(NamedTuple):
    """A token: its span in the text, the text itself and its normalised form.

    A named tuple, not a frozen dataclass: equally immutable, but built several times faster and
    without an attribute dict, and every stage builds thousands per page.
    """

    start: int
    end: int
    text: str
    norm: str

    @property
    def is_word(self) -> bool:
        """True for letters/digits, False for punctuation."""
        return self.text[:1].isalnum()


class _Norms(dict):
    """word -> normalize(word), filled on first use: news repeats its words."""

    def __missing__(self, word: str) -> str:
        norm = self[word] = normalize(word)
        return norm


_NORMS = _Norms()
_NORMS_MAX = 200_000


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split text into word and punctuation tokens with offsets (plus `offset`).

    A page has thousands of tokens: each is built by tuple.__new__ straight from its match, and
    each distinct word is normalised once.
    """
    norms = _NORMS
    if len(norms) > _NORMS_MAX:
        norms.clear()
    new = tuple.__new__
    tokens: list[Token] = []
    append = tokens.append
    for m in TOKEN_RE.finditer(text):
        start, end = m.span()
        word = m.group()
        append(new(Token, (start + offset, end + offset, word, norms[word])))
    return tokens


@dataclass
class BodyTokens:
    """The tokens of one whole text, so that a stage reading many slices of it tokenises it once."""

    text: str
    tokens: list[Token]
    starts: list[int]
    memo: dict[str, object] = field(default_factory=dict)  # what later stages derive from these tokens

    def index_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Token indices [i, j) of text[start:end], or None when start or end falls inside a token.

        A slice that cuts no token tokenises exactly as those tokens: the token pattern looks neither
        behind a match nor past its end, and tokens never span white space.
        """
        if not 0 <= start <= end <= len(self.text):
            return None
        tokens, starts = self.tokens, self.starts
        i = bisect_left(starts, start)
        if i and tokens[i - 1].end > start:
            return None
        j = bisect_left(starts, end, i)
        if j > i and tokens[j - 1].end > end:
            return None
        return i, j


_BODIES: dict[str, BodyTokens] = {}
RECENT_BODIES = 2  # the pipeline finishes a document before the next: keep few (see rasd.ner.RECENT_SCANS)


def body_tokens(text: str) -> BodyTokens:
    """The tokens of a whole text, kept for the last few texts (a document passes several stages)."""
    cached = _BODIES.get(text)
    if cached is None:
        if len(_BODIES) >= RECENT_BODIES:
            _BODIES.pop(next(iter(_BODIES)))
        tokens = tokenize(text)
        cached = _BODIES[text] = BodyTokens(text, tokens, [t.start for t in tokens])
    return cached


def tokens_between(text: str, start: int, end: int) -> list[Token]:
    """`tokenize(text[start:end], start)`, sliced from the whole text's tokens when no token is cut."""
    index = body_tokens(text)
    span = index.index_span(start, end)
    if span is None:
        return tokenize(text[start:end], start)
    return index.tokens[span[0]:span[1]]


def clitic_splits(norm: str, min_stem: int = 2) -> Iterator[tuple[int, str]]:
    """Yield (clitic length, stem) for the word as is and after each possible proclitic.

    `لل` + X also yields `ال` + X (`للجيش` -> `الجيش`) with the clitic length of
    one letter, so the reported name keeps its article. Lengths count
    normalised characters; map them back through the token's own text.
    """
    yield 0, norm
    seen = {norm}
    for clitic in PROCLITICS:
        if not norm.startswith(clitic):
            continue
        stem = norm[len(clitic):]
        if len(stem) < min_stem:
            continue
        candidates = [(len(clitic), stem)]
        if clitic.endswith("لل"):
            candidates.append((len(clitic) - 1, "ال" + stem))
        if clitic in ARTICLE_PROCLITICS and not clitic.endswith("لل"):
            candidates.append((len(clitic) - 2, "ال" + stem))  # keep the article: وال+جيش -> الجيش
        for length, form in candidates:
            if form not in seen:
                seen.add(form)
                yield length, form


def original_prefix_length(text: str, norm_len: int) -> int:
    """How many characters of `text` make up its first `norm_len` normalised characters."""
    if norm_len <= 0:
        return 0
    count = 0
    for i, ch in enumerate(text):
        count += len(normalize(ch))
        if count >= norm_len:
            # swallow marks that belong to the last counted letter
            j = i + 1
            while j < len(text) and not normalize(text[j]):
                j += 1
            return j
    return len(text)
