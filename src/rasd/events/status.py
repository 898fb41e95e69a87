"""Event status from the words around a trigger: occurred, planned or reported."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasd.events.lexicon import CUES, STATUS_SHIFT, stems_of
from rasd.events.triggers import Trigger
from rasd.text.normalize import normalize
from rasd.text.tokens import Token

# hesitating over, refusing or approving a deal: it has not happened yet
PLANNED = CUES.get("planned", frozenset()) | CUES.get("gatekeep", frozenset()) \
    | CUES.get("approve", frozenset())
REPORTED = CUES.get("reported", frozenset())
AGREEMENT = CUES.get("agreement", frozenset())
CONTENT = CUES.get("content", frozenset())
DENIAL = frozenset(w for w in REPORTED if w.startswith(("نف", "ين", "تن")))
PURPOSE_CLITICS = frozenset({"ل", "ول", "فل", "لل", "ولل", "فلل"})
STATUS_WORDS = PLANNED | REPORTED | AGREEMENT | CONTENT
PLANNED_WINDOW = 4  # tokens before the trigger where a future/intention word governs it


@dataclass(frozen=True)
class StatusMarks:
    """Where a sentence's status words stand, read once per sentence (token indices)."""

    denial: bool
    first_reported: int
    planned: tuple[int, ...]
    first_content: int
    first_agreement: int


def status_marks(tokens: list[Token], flags: list[int] | None = None) -> StatusMarks:
    """The status words of a sentence, so that each trigger's status costs a few comparisons.
    `flags` are the tokens' `word_flags` when the caller has them."""
    never = len(tokens)
    denial = False
    reported = content = agreement = never
    planned = []
    kinds_of = [status_kinds(t.norm) for t in tokens] if flags is None else [f >> STATUS_SHIFT for f in flags]
    marked = [(i, kinds) for i, kinds in enumerate(kinds_of) if kinds]
    for i, kinds in marked:
        denial = denial or bool(kinds & _DENIAL)
        if reported == never and kinds & _REPORTED:
            reported = i
        if kinds & _PLANNED:
            planned.append(i)
        if content == never and kinds & _CONTENT:
            content = i
        if agreement == never and kinds & _AGREEMENT:
            agreement = i
    return StatusMarks(denial, reported, tuple(planned), content, agreement)


_DENIAL, _REPORTED, _PLANNED, _CONTENT, _AGREEMENT = 1, 2, 4, 8, 16


@lru_cache(maxsize=65536)
def status_kinds(norm: str) -> int:
    """The status word lists a word (after its clitics) belongs to, as bits; 0 for most words."""
    stems = stems_of(norm)
    if stems.isdisjoint(STATUS_WORDS):
        return 0
    return sum(bit for bit, words in ((_DENIAL, DENIAL), (_REPORTED, REPORTED), (_PLANNED, PLANNED),
                                      (_CONTENT, CONTENT), (_AGREEMENT, AGREEMENT))
               if not stems.isdisjoint(words))


def event_status(tokens: list[Token], trigger: Trigger, lo: int, marks: StatusMarks | None = None) -> str:
    """`planned` for the future, intentions, pledges and an agreement's content; `reported` for
    reports, sources, claims and denials; else `occurred`. `lo` is the trigger's clause start;
    `marks` are the sentence's `status_marks` when the caller has them."""
    if marks is None:
        marks = status_marks(tokens)
    first = trigger.first
    if marks.denial or marks.first_reported < first:
        return "reported"
    if trigger.future or trigger.entry.type == "PLEDGE":
        return "planned"
    token = tokens[first]
    if not trigger.is_verb and normalize(token.text[:trigger.start - token.start]) in PURPOSE_CLITICS:
        return "planned"  # عقدا لشراء، التفويض لإرسال قوات: the purpose of something else
    if any(max(0, first - PLANNED_WINDOW) <= i < first for i in marks.planned):
        return "planned"
    if trigger.entry.type != "AGREEMENT" and marks.first_content < first and marks.first_agreement < first:
        return "planned"
    return "occurred"
