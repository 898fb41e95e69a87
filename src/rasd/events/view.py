"""What the triggers of one sentence share (`SentenceView`), what one trigger yields before the
sentence's triggers are merged (`Candidate`), and the closed word lists the event rules use."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from rasd.events.arguments import Slot, is_helper_verb
from rasd.events.clauses import opens_clause
from rasd.events.items import item_stem_of
from rasd.events.lexicon import (
    CLAUSE_WORD,
    CUES,
    DATE_WORD,
    HELPER_WORD,
    ITEM_WORD,
    STATUS_SHIFT,
    TRIGGER_WORD,
    has_stem,
)
from rasd.events.status import StatusMarks, status_kinds, status_marks, stems_of
from rasd.events.triggers import trigger_hits
from rasd.events.when import date_word, may_have_amount, may_have_date, sentence_dates, sentence_quantities
from rasd.model import EventMention, Span
from rasd.text.dates import DateMatch
from rasd.text.tokens import Token

FORCE_NOUNS = CUES.get("force", frozenset())
HOSTILE = CUES.get("hostile", frozenset())
DELEGATION = CUES.get("delegation", frozenset())
AGREEMENT_NOUNS = CUES.get("agreement", frozenset())
SAY_VERBS = CUES.get("say", frozenset())
TOPIC_MARKERS = CUES.get("topicmarker", frozenset())
CANCEL = CUES.get("cancel", frozenset())
GENERIC_TOPICS = CUES.get("generic", frozenset())
FUTURE_TIME = CUES.get("future", frozenset())
DROP_PARTICLES = frozenset({"كذلك", "ايضا", "مجددا", "لاحقا", "بدورها", "بدوره", "اليوم", "امس"})
PURPOSE = CUES.get("purpose", frozenset())
CANCEL_WINDOW = 4  # tokens before a trigger where a negation or cancellation governs it
COMPLEMENTIZERS = frozenset({"ان", "بان", "وان", "انه", "انها", "بانه", "بانها"})
HOME_WORDS = frozenset({"البلاد"})  # "the country": the article's main country
POSITIONS = frozenset({"SUBJ", "OBJ", "GEN", "PRE", "NPRE", "HELPER", ""})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_CUES = ("في", "الي", "ب", "لدي")
SINGLE_ROLES = frozenset({"supplier", "recipient", "donor", "host", "producer", "recruiter", "trainer",
                          "trainee", "agent"})
ITEM_TYPES = frozenset({"ARMS_TRANSFER", "AID", "DEPLOYMENT", "PRODUCTION"})
AID_ROLES = {"supplier": "donor"}
TOPIC_STOPS = frozenset({"بين", "مع", "بهدف", "خلال", "في", "من", "الي", "علي", "عن", "بعد", "قبل", "التي",
                         "الذي", "لتعزيز", "وذلك"})
QUOTE_TYPES = frozenset({"ARMS_TRANSFER", "AID"})  # the only facts taken from inside long quotations
# word lists every trigger tests around itself (see `SentenceView.has`): a flag bit each
FLAGGED = (TOPIC_MARKERS, PURPOSE, CANCEL, FUTURE_TIME)
FLAG_OF = {id(words): 1 << (STATUS_SHIFT + 5 + n) for n, words in enumerate(FLAGGED)}


@dataclass
class Candidate:
    """An event one trigger reports, with what `acceptable` needs once triggers are merged."""

    event: EventMention
    scope: tuple[int, int]  # character span of the trigger's window
    window: tuple[int, int]  # token range
    has_topic: bool
    explicit: bool  # a participant came with an explicit preposition (من روسيا)
    in_quote: bool
    plural: bool  # a plural attack noun (هجمات)
    verb: bool = False  # told by a verb (قصفت ...), not only named by a noun
    frame: str = ""


@dataclass
class SentenceView:
    """What every trigger of one sentence shares."""

    body: str
    span: Span
    tokens: list[Token]
    slots: list[Slot]
    published: str | None
    quotes: list[tuple[int, int]] = field(default_factory=list)
    carried: Slot | None = None  # the previous sentence's subject, for a dropped subject
    home: Slot | None = None  # the article's main country so far, for البلاد
    flags: list[int] | None = None  # the tokens' word_flags

    parsed: dict[tuple[int, int], list[Any]] = field(default_factory=dict)

    # the number and date parsers are costly: run them only where an item, a recruit or an event is
    def quantities(self, start: int, end: int) -> list[Any]:
        """Amounts in body[start:end] (offsets into the body)."""
        if (start, end) not in self.parsed:
            window = [t for t in self.tokens if start <= t.start < end]
            self.parsed[(start, end)] = sentence_quantities(self.body[start:end], start) \
                if may_have_amount(window) else []
        return self.parsed[(start, end)]

    def has(self, lo: int, hi: int, words: frozenset[str]) -> bool:
        """`has_word(self.tokens, lo, hi, words)`, from the word flags for the lists in FLAGGED."""
        bit = FLAG_OF.get(id(words))
        if bit is None or self.flags is None:
            return has_word(self.tokens, lo, hi, words)
        for f in self.flags[lo:hi]:
            if f & bit:
                return True
        return False

    @cached_property
    def mention_spans(self) -> list[tuple[int, int]]:
        """The character spans of the sentence's slots (taken: no item overlaps them)."""
        return [(s.mention.start, s.mention.end) for s in self.slots]

    @cached_property
    def slot_of(self) -> dict[int, int]:
        """Mention index -> slot position (each mention has one slot)."""
        return {s.index: k for k, s in enumerate(self.slots)}

    @cached_property
    def marks(self) -> StatusMarks:
        """The sentence's status words, read once for all its triggers."""
        return status_marks(self.tokens, self.flags)

    @cached_property
    def dates(self) -> list[DateMatch]:
        if not may_have_date(self.tokens, self.flags):
            return []
        return sentence_dates(self.body[self.span.start:self.span.end], self.span.start, self.published)


@lru_cache(maxsize=65536)
def word_flags(norm: str) -> int:
    """What the sentence-level rules ask about a word (see `rasd.events.lexicon.TRIGGER_WORD`), in
    one cached look-up instead of one per rule: the caches of a page's words stay warm together."""
    flags = (TRIGGER_WORD if trigger_hits(norm) else 0) | (CLAUSE_WORD if opens_clause(norm) else 0) \
        | (DATE_WORD if date_word(norm) else 0) | (ITEM_WORD if item_stem_of(norm) is not None else 0) \
        | (HELPER_WORD if is_helper_verb(norm) else 0)
    for words in FLAGGED:
        if has_stem(norm, words):
            flags |= FLAG_OF[id(words)]
    return flags | status_kinds(norm) << STATUS_SHIFT


def sentence_flags(tokens: list[Token]) -> list[int]:
    """`word_flags` of each token."""
    flags = word_flags
    return [flags(t.norm) for t in tokens]


def has_word(tokens: list[Token], lo: int, hi: int, words: frozenset[str]) -> bool:
    """Whether a word of `words` (after clitics) is among tokens[lo:hi]."""
    for t in tokens[lo:hi]:
        if not stems_of(t.norm).isdisjoint(words):
            return True
    return False


def view_type(view: SentenceView, mention_index: int) -> str | None:
    """The entity type of a mention of the sentence."""
    k = view.slot_of.get(mention_index)
    return None if k is None else view.slots[k].mention.type
