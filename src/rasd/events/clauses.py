"""Clause scopes of triggers and long quotations inside a sentence.

A sentence often reports two events (`سحبت الدنمارك كتيبتها في عام 2021، فيما سحبت
النرويج سريتها الهندسية في عام 2022`); each trigger's arguments and date
come from its own clause first.
"""

from __future__ import annotations

from functools import lru_cache

from rasd.events.lexicon import CLAUSE_WORD, CUES
from rasd.text.tokens import Token

BOUNDARIES = CUES.get("boundary", frozenset())
CLAUSE_PUNCTUATION = frozenset({"؛", ";", ":"})
QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“"}
LONG_QUOTE_WORDS = 5  # shorter quoted phrases are citations of wording, not rhetoric


def clause_starts(tokens: list[Token], flags: list[int] | None = None) -> list[int]:
    """Token indices where a clause starts (always 0); `flags` are the tokens' `word_flags`
    when the caller has them."""
    starts = [0]
    for i in range(1, len(tokens)):
        token = tokens[i]
        if token.text in CLAUSE_PUNCTUATION and i + 1 < len(tokens):
            starts.append(i + 1)
            continue
        if opens_clause(token.norm) if flags is None else flags[i] & CLAUSE_WORD:
            starts.append(i)
    return sorted(set(starts))


@lru_cache(maxsize=65536)
def opens_clause(norm: str) -> bool:
    """A boundary word, also after ف, or after و when the rest is no short word (ولم is no لم)."""
    return norm in BOUNDARIES or (norm[:1] in ("ف",) and norm[1:] in BOUNDARIES) \
        or (norm[:1] == "و" and norm[1:] in BOUNDARIES and len(norm) > 3)


def scope_of(trigger_first: int, starts: list[int], n: int) -> tuple[int, int]:
    """Token range [lo, hi) of the clause holding a trigger."""
    lo = max(s for s in starts if s <= trigger_first)
    hi = min([s for s in starts if s > trigger_first] + [n])
    return lo, hi


def long_quote_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans (with `offset`) of quotations of LONG_QUOTE_WORDS words or more."""
    spans = []
    i = 0
    while i < len(text):
        close = QUOTE_PAIRS.get(text[i])
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        if j < 0 and text[i] == "“":  # some sites close with a second opening mark
            j = text.find("“", i + 1)
        if j < 0:
            break
        if len(text[i + 1:j].split()) >= LONG_QUOTE_WORDS:
            spans.append((offset + i, offset + j + 1))
        i = j + 1
    return spans
