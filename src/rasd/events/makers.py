"""A maker named in a relative clause on an item is the item's supplier, not a production event.

`اشترت البحرية ست فرقاطات تصنعها شركة نافانتيا`: the frigates are bought and Navantia makes
them; the clause describes the item, it reports no new production.
"""

from __future__ import annotations

import copy

from rasd.events.lexicon import ITEMS, splits
from rasd.events.triggers import Trigger
from rasd.events.view import SentenceView
from rasd.model import Argument, EventMention

OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما")  # تنتجها: the verb points back at the item
ITEM_REACH = 3  # tokens between the item (noun, adjective, model name) and the verb


def maker_relative(view: SentenceView, trigger: Trigger) -> bool:
    """A production verb with an object pronoun right after an item noun or a named equipment."""
    if trigger.entry.type != "PRODUCTION" or not trigger.is_verb:
        return False
    if not view.tokens[trigger.last].norm.endswith(OBJECT_PRONOUNS):
        return False
    lo = max(0, trigger.first - ITEM_REACH)
    if any(s.mention.type == "EQUIPMENT" and lo <= s.last < trigger.first for s in view.slots):
        return True
    return any(stem in ITEMS or stem.startswith("ال") and stem[2:] in ITEMS
               for t in view.tokens[lo:trigger.first] for _, stem in splits(t.norm))


def supply_makers(events: list[EventMention], makers: list[Argument]) -> None:
    """The makers become the supplier of the sentence's transfers that name none."""
    for ev in events:
        if ev.type != "ARMS_TRANSFER" or any(a.role == "supplier" for a in ev.arguments):
            continue
        taken = {a.mention for a in ev.arguments if a.mention is not None}
        for maker in makers:
            if maker.mention not in taken:
                supplier = copy.copy(maker)
                supplier.role = "supplier"
                ev.arguments.append(supplier)
                taken.add(maker.mention)
