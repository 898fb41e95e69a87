"""Event triggers: tokens (and short phrases) that realise an entry of triggers.tsv."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from rasd.events.lexicon import CUES, TRIGGER_WORD, TRIGGERS, FormHit, TriggerEntry, splits
from rasd.text.tokens import Token, original_prefix_length

# a verb only takes a conjunction or the subjunctive لـ, never the article or a preposition
VERB_CLITICS = frozenset({"", "و", "ف", "ل", "ول", "فل"})
NOT_TRIGGERS = CUES.get("notrigger", frozenset())


@dataclass(frozen=True)
class Trigger:
    """A trigger found in a sentence: token range [first, last], its span without clitics and its entry."""

    first: int
    last: int
    start: int
    end: int
    entry: TriggerEntry
    future: bool

    @cached_property  # read by most rules of every trigger; kept in the instance dict after the first
    def is_verb(self) -> bool:
        """Verb triggers take a subject after them; noun triggers a genitive."""
        return self.entry.pos in ("V", "I", "W")


def _follows(token: Token, word: str) -> bool:
    """Whether a token is `word` of a phrase (clitics, article, ة and pronouns allowed)."""
    for _, stem in splits(token.norm):
        if stem in (word, "ال" + word) or stem.startswith(word) and len(stem) - len(word) <= 2:
            return True
    return False


@lru_cache(maxsize=65536)
def trigger_hits(norm: str) -> tuple[tuple[int, FormHit], ...]:
    """(clitic length, hit) of every lexicon form a word may realise, in look-up order; a verb form
    only behind a verb's clitics. Cached: most words hit nothing and cost one look-up."""
    found = []
    for clitic_len, stem in splits(norm):
        for hit in TRIGGERS.get(stem, ()):
            if hit.entry.pos in ("V", "I") and norm[:clitic_len] not in VERB_CLITICS:
                continue
            found.append((clitic_len, hit))
    return tuple(found)


def _match(tokens: list[Token], i: int) -> tuple[FormHit, int, int] | None:
    """The best lexicon hit at token i: (hit, clitic length, index of the last token)."""
    best: tuple[tuple[int, int, int], FormHit, int, int] | None = None
    for clitic_len, hit in trigger_hits(tokens[i].norm):
        entry = hit.entry
        last = i + len(entry.words) - 1
        if last >= len(tokens):
            continue
        if any(not _follows(tokens[i + k], w) for k, w in enumerate(entry.words[1:], start=1)):
            continue
        rank = (-len(entry.words), hit.added, entry.order)
        if best is None or rank < best[0]:
            best = (rank, hit, clitic_len, last)
    return None if best is None else best[1:]


_PLAIN = [f for f in getattr(Trigger, "__dataclass_fields__", {})] == \
    ["first", "last", "start", "end", "entry", "future"] and "__slots__" not in vars(Trigger)


def _trigger(first: int, last: int, start: int, end: int, entry: TriggerEntry, future: bool) -> Trigger:
    """A Trigger with its fields set directly: the frozen __init__ costs several times more."""
    if not _PLAIN:
        return Trigger(first, last, start, end, entry, future)
    trigger = object.__new__(Trigger)
    trigger.__dict__.update(first=first, last=last, start=start, end=end, entry=entry, future=future)
    return trigger


def find_triggers(tokens: list[Token], flags: list[int] | None = None) -> list[Trigger]:
    """Every trigger in a token list, left to right, phrases taking their words out of the search.
    `flags` are the tokens' `word_flags` when the caller has them."""
    found: list[Trigger] = []
    # most words realise no lexicon form: one cached look-up each rules them out
    if flags is None:
        hits = trigger_hits
        candidates = [i for i, token in enumerate(tokens) if hits(token.norm)]
    else:
        candidates = [i for i, f in enumerate(flags) if f & TRIGGER_WORD]
    after = 0  # a phrase takes its words out of the search
    for i in candidates:
        if i < after:
            continue
        token = tokens[i]
        if not token.is_word or token.norm in NOT_TRIGGERS:
            continue
        match = _match(tokens, i)
        if match is None:
            continue
        hit, clitic_len, last = match
        start = token.start + original_prefix_length(token.text, clitic_len)
        found.append(_trigger(i, last, start, tokens[last].end, hit.entry, hit.future))
        after = last + 1
    return found
