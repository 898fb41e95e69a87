"""Triggers inside a relative clause that only describes a noun report no event of their own.

* `تشغّل البحرية أربع سفن وصلت في عام 2017`: the arrival describes the ships (an item the main
  clause is about); it is no deployment of the sentence's subject.
* `الجيش الذي يهدف إلى استعادة الميناء`: the capture is the forces' aim, not an operation.
"""

from __future__ import annotations

from functools import lru_cache

from rasd.events.arguments import RELATIVES, Slot
from rasd.events.lexicon import CUES, ITEMS, has_stem, splits
from rasd.events.triggers import Trigger
from rasd.events.view import COMPLEMENTIZERS
from rasd.events.when import number_words
from rasd.text.tokens import Token

AIMS = frozenset({"تسعي", "يسعي", "تحاول", "يحاول", "تهدف", "يهدف", "تعمل", "يعمل"})
BOUNDARIES = CUES.get("boundary", frozenset())
AIM_REACH = 4  # tokens between the aim verb and the trigger (يهدف إلى استعادة)
OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما")
NUMBER_WORDS_MAX = 3  # number words before an item noun (خمسمائة، ثلاثة آلاف)


def _item(token: Token) -> bool:
    return _item_word(token.norm)


@lru_cache(maxsize=65536)
def _item_word(norm: str) -> bool:
    """Whether a word is an item noun after its clitics, with or without the article."""
    return any(stem in ITEMS or stem.startswith("ال") and stem[2:] in ITEMS for _, stem in splits(norm))


def _number(token: Token) -> bool:
    return token.text[:1].isdigit() or has_stem(token.norm, number_words())


def describes_item(tokens: list[Token], slots: list[Slot], trigger: Trigger) -> bool:
    """A verb with no object pronoun right after an item noun (with its adjective or relative pronoun)
    that the clause's own verb governs: `... مروحيات وصلت`, not `طائرات روسية وصلت` opening a clause."""
    if not trigger.is_verb or tokens[trigger.last].norm.endswith(OBJECT_PRONOUNS):
        return False  # تقدمها قطر، سلمتها روسيا: the item is the verb's object, the event is about it
    k = trigger.first - 1
    if k >= 0 and tokens[k].norm in RELATIVES:
        k -= 1
    if k < 0:
        return False
    equipment = next((s for s in slots if s.mention.type == "EQUIPMENT" and s.last == k), None)
    if equipment is not None:
        k = equipment.first - 1
        if k < 0 or not _item(tokens[k]):
            return False
    elif not _item(tokens[k]):
        if k == 0 or not _item(tokens[k - 1]):  # one adjective: مروحيات قتالية وصلت
            return False
        k -= 1
    j = k - 1
    while j >= 0 and k - j <= NUMBER_WORDS_MAX and _number(tokens[j]):
        j -= 1
    if j < 0 or not tokens[j].is_word:
        return False  # the item opens the sentence or its clause
    before = tokens[j].norm
    return before not in COMPLEMENTIZERS and before not in BOUNDARIES and before.lstrip("و") not in BOUNDARIES


def relative_aim(tokens: list[Token], trigger: Trigger) -> bool:
    """A trigger after `التي تسعى إلى` / `الذي يهدف إلى`: the aim of the noun before, not an event."""
    for j in range(max(1, trigger.first - AIM_REACH), trigger.first):
        if tokens[j].norm in AIMS and tokens[j - 1].norm in RELATIVES:
            return True
    return False
