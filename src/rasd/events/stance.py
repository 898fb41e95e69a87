"""Names that stand near a transfer without taking part in it.

* `أكدت الوزارة أن سلاح البحرية استلم ...`: a full noun after أن starts a new subject, so the
  name before أن (the announcer) is no participant (with `أنها تسلمت` it is: the pronoun is it).
* `يعارض البرلمان بيع دبابات حديثة لنيروبي`: the subject of a gatekeeping verb
  (hesitate, refuse, oppose) is neither buyer nor seller; the subject of an approval verb neither
  when a `ل` + place after the trigger names the receiver.
"""

from __future__ import annotations

from rasd.events.arguments import Slot
from rasd.events.lexicon import CUES, splits
from rasd.events.triggers import Trigger
from rasd.text.tokens import Token

GATEKEEP = CUES.get("gatekeep", frozenset())
APPROVE = CUES.get("approve", frozenset())
BARE_COMPLEMENTIZERS = frozenset({"ان"})  # أن/إن with no pronoun: a new subject follows
LINKED = frozenset({"SUBJ", "PRE", "NPRE", "OBJ", "GEN"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def bystanders(tokens: list[Token], slots: list[Slot], trigger: Trigger, found: dict[int, str]) -> set[int]:
    """Slot positions in `found` that are no participant of the trigger."""
    out: set[int] = set()
    receiver = any(cue == "ل" and slots[k].first > trigger.last and slots[k].mention.type in PLACE_TYPES
                   for k, cue in found.items())
    for k, cue in found.items():
        slot = slots[k]
        if cue not in LINKED or slot.first > trigger.first:
            continue
        between = tokens[slot.last + 1:trigger.first]
        if any(t.norm in BARE_COMPLEMENTIZERS for t in between[:-1]):
            out.add(k)  # أعلنت X أن البحرية تسلمت
            continue
        verb = _verb_before(tokens, slot.first)
        if verb & GATEKEEP or (receiver and verb & APPROVE):
            out.add(k)
    return out


def _verb_before(tokens: list[Token], first: int) -> frozenset[str]:
    """The stems of the word right before a name (its verb in a verb-subject clause)."""
    if first == 0 or not tokens[first - 1].is_word:
        return frozenset()
    return frozenset(stem for _, stem in splits(tokens[first - 1].norm))
