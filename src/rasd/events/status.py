"""Event status from the words around a trigger: occurred, planned or reported."""

from __future__ import annotations

from functools import lru_cache

from rasd.events.lexicon import CUES, splits
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
PLANNED_WINDOW = 4  # tokens before the trigger where a future/intention word governs it


def _stems(token: Token) -> frozenset[str]:
    return stems_of(token.norm)


@lru_cache(maxsize=65536)
def stems_of(norm: str) -> frozenset[str]:
    """The word and its forms without each possible clitic, cached."""
    return frozenset(stem for _, stem in splits(norm))


def event_status(tokens: list[Token], trigger: Trigger, lo: int) -> str:
    """`planned` for the future, intentions, pledges and an agreement's content; `reported` for
    reports, sources, claims and denials; else `occurred`. `lo` is the trigger's clause start."""
    before = tokens[:trigger.first]
    stems_before = [_stems(t) for t in before]
    if any(s & DENIAL for s in (_stems(t) for t in tokens)):
        return "reported"
    if any(s & REPORTED for s in stems_before):
        return "reported"
    if trigger.future or trigger.entry.type == "PLEDGE":
        return "planned"
    token = tokens[trigger.first]
    if not trigger.is_verb and normalize(token.text[:trigger.start - token.start]) in PURPOSE_CLITICS:
        return "planned"  # عقدا لشراء، التفويض لإرسال قوات: the purpose of something else
    if any(s & PLANNED for s in stems_before[max(0, trigger.first - PLANNED_WINDOW):]):
        return "planned"
    if trigger.entry.type != "AGREEMENT" and any(s & CONTENT for s in stems_before) \
            and any(s & AGREEMENT for s in stems_before):
        return "planned"
    return "occurred"
