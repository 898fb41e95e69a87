"""A departure towards a destination is a deployment there, not a withdrawal from where it left.

`غادر الفوج الغاني أكرا متجها إلى جوبا`: the unit deploys to Juba (the host), and Accra,
the place it left, plays no role (it is neither the force nor the host).
"""

from __future__ import annotations

from rasd.events.lexicon import has_stem
from rasd.events.triggers import Trigger
from rasd.events.view import FORCE_NOUNS, PLACE_TYPES, SentenceView

DESTINATION = "الي"  # normalised إلى
HEADING_REACH = 8  # tokens between the verb and إلى (the unit, the place left, a time)


def destination(view: SentenceView, trigger: Trigger, hi: int) -> int | None:
    """Token index of the إلى that names where a leaving unit goes, when a place follows it."""
    if trigger.entry.frame != "leave" or not trigger.is_verb:
        return None
    tokens = view.tokens
    end = min(len(tokens), max(hi, trigger.last + HEADING_REACH + 1), trigger.last + HEADING_REACH + 1)
    for j in range(trigger.last + 1, end):
        if tokens[j].norm != DESTINATION:
            continue
        if any(s.first == j + 1 and s.mention.type in PLACE_TYPES for s in view.slots):
            return j
        return None
    return None


def drop_origin(view: SentenceView, trigger: Trigger, found: dict[int, str], lo: int,
                to: int) -> dict[int, str]:
    """The positions without the place left: the last bare place name between the verb and إلى,
    unless it is the only candidate for the unit (غادرت كندا متجهة إلى ...: Canada is the force)."""
    bare = [k for k in found if trigger.last < view.slots[k].first < to and not view.slots[k].cue
            and view.slots[k].mention.type in PLACE_TYPES]
    if not bare:
        return found
    origin = max(bare, key=lambda k: view.slots[k].first)
    first = view.slots[origin].first
    named = any(k != origin and lo <= view.slots[k].first < first for k in found)
    unit = any(has_stem(t.norm, FORCE_NOUNS) for t in view.tokens[lo:first])
    if not (named or unit):
        return found
    return {k: cue for k, cue in found.items() if k != origin}
