"""Noun phrases an event needs besides entities and items: an agreement's topic, a pledge's
promise, a sum of money, a force described by noun and adjective."""

from __future__ import annotations

from functools import lru_cache

from rasd.events.items import Item, _quantity_before
from rasd.events.lexicon import PREPOSITIONS, has_stem, splits
from rasd.events.triggers import Trigger
from rasd.events.view import (
    AGREEMENT_NOUNS,
    FORCE_NOUNS,
    GENERIC_TOPICS,
    TOPIC_STOPS,
    SentenceView,
)
from rasd.model import Argument
from rasd.text.tokens import original_prefix_length


def agreement_noun(stem: str) -> bool:
    """An agreement noun, also in the accusative (عقدا) or with a pronoun (اتفاقيتها)."""
    return stem in AGREEMENT_NOUNS or stem.endswith("ا") and stem[:-1] in AGREEMENT_NOUNS


@lru_cache(maxsize=65536)
def _agreement_split(norm: str) -> tuple[int, str] | None:
    """(clitic length, stem) of a word that is an agreement noun after its clitics, cached per word."""
    return next(((n, s) for n, s in splits(norm) if agreement_noun(s[2:] if s.startswith("ال") else s)), None)


def agreement_topic(view: SentenceView, lo: int, hi: int, trigger: Trigger) -> Item | None:
    """The agreement noun phrase a signing is about (`4 اتفاقيات بشأن الأمن السيبراني`)."""
    tokens = view.tokens
    for k in range(lo, hi):
        if any((s <= tokens[k].start < e) != (s <= trigger.start < e) for s, e in view.quotes):
            continue
        split = _agreement_split(tokens[k].norm)
        if split is None:
            continue
        start = tokens[k].start + original_prefix_length(tokens[k].text, split[0])
        end, j = tokens[k].end, k + 1
        while j < hi and j - k < 6 and tokens[j].is_word and tokens[j].norm not in TOPIC_STOPS:
            end, j = tokens[j].end, j + 1
        item = Item(start, end, view.body[start:end], "topic")
        q = _quantity_before(view.quantities, start, tokens, k)
        if q is not None:
            item.quantity = q.value
        return item
    return None


def force_phrase(view: SentenceView, trigger: Trigger, lo: int, hi: int) -> Argument | None:
    """A force named by a noun and its adjective (القوة الفرنسية، قوات تركية) when no name is given,
    or the named body it is part of (سرية من الحرس الوطني):
    right after the trigger (انسحاب القوات ...), else the nearest before it (أجبر ... القوة الفرنسية على
    الرحيل)."""
    tokens = view.tokens
    after = range(trigger.last + 1, min(hi, trigger.last + 3))
    before = range(trigger.first - 1, max(lo, trigger.first - 8) - 1, -1)
    for k in [*after, *before]:
        split = next(((n, stem) for n, stem in splits(tokens[k].norm) if stem in FORCE_NOUNS), None)
        if split is None or any(s.first <= k <= s.last for s in view.slots):
            continue
        prefix = split[0] - 2 if tokens[k].norm[:split[0]].endswith("ال") else split[0]  # keep the article
        start = tokens[k].start + original_prefix_length(tokens[k].text, prefix)
        end, j = tokens[k].end, k + 1
        while j < hi and j - k <= 2 and tokens[j].is_word and tokens[j].norm.endswith(("ي", "يه", "ين")) \
                and len(tokens[j].norm) > 3 and tokens[j].norm not in PREPOSITIONS \
                and not any(s.first <= j <= s.last for s in view.slots):
            end, j = tokens[j].end, j + 1
        whole = next((s for s in view.slots if s.first == j + 1 and s.mention.type in ("FORCE", "ORG")), None)
        if j < len(tokens) and tokens[j].norm == "من" and whole is not None:  # أول سرية من الحرس الوطني
            return Argument("force", whole.mention.text, whole.mention.start, whole.mention.end, whole.index)
        if j == k + 1:
            return None  # a bare قوات says nothing about whose forces
        return Argument("force", view.body[start:end], start, end)
    return None


def money_item(view: SentenceView, trigger: Trigger, hi: int) -> list[Item]:
    """A sum of money given or received is itself the item (قدمت قطر 50 مليون دولار للسودان)."""
    tokens = view.tokens
    end = tokens[min(hi, trigger.last + 5) - 1].end
    for q in view.quantities(tokens[trigger.last + 1].start, end):
        if getattr(q, "kind", "") == "money":
            return [Item(q.start, q.end, q.text, "civil", q.value, getattr(q, "unit_text", None),
                         bool(getattr(q, "approximate", False)))]
    return []


def pledged(view: SentenceView, trigger: Trigger, hi: int) -> Item | None:
    """What a pledge promises: the بـ phrase after the verb (تعهدت اليابان بتقديم مساعدات غذائية),
    unless it is only to strengthen relations or cooperation (a generic statement)."""
    tokens = view.tokens
    k = next((j for j in range(trigger.last + 1, min(hi, trigger.last + 4))
              if tokens[j].norm.startswith("ب") and len(tokens[j].norm) > 3), None)
    if k is None:
        return None
    words = [t for t in tokens[k:min(hi, k + 5)] if t.is_word]
    if any(has_stem(t.norm, GENERIC_TOPICS) for t in words[:2]):
        return None
    start = tokens[k].start + 1
    end = words[-1].end
    return Item(start, end, view.body[start:end], "topic")
