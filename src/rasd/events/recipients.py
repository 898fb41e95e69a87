"""A base or an armed force named by a noun as the receiver of a delivery.

`استلمت القاعدة البحرية في ميناء X الدفعة الأولى من 3 زوارق`: the subject is no named
entity, but a base or force noun right after a receiving verb is the recipient; with a named place
and an item the delivery can be cited.
"""

from __future__ import annotations

from rasd.events.lexicon import splits
from rasd.events.triggers import Trigger
from rasd.events.view import FORCE_NOUNS, SentenceView
from rasd.model import Argument
from rasd.text.tokens import original_prefix_length

BASE_NOUNS = frozenset({"قاعده", "مطار", "ميناء", "معسكر"})
ADJECTIVE_ENDINGS = ("ي", "يه", "ين", "ون", "ه")
MAX_ADJECTIVES = 3


def described_recipient(view: SentenceView, trigger: Trigger, hi: int) -> Argument | None:
    """The base or force noun phrase right after a receiving verb (with its article and adjectives)."""
    tokens = view.tokens
    k = trigger.last + 1
    if not trigger.is_verb or trigger.entry.frame != "get" or k >= min(hi, len(tokens)):
        return None
    if any(s.first <= k <= s.last for s in view.slots):
        return None  # a named force is found by its name
    split = next(((n, stem) for n, stem in splits(tokens[k].norm)
                  if stem in BASE_NOUNS or stem in FORCE_NOUNS), None)
    if split is None:
        return None
    prefix = split[0] - 2 if tokens[k].norm[:split[0]].endswith("ال") else split[0]
    start = tokens[k].start + original_prefix_length(tokens[k].text, prefix)
    end, j = tokens[k].end, k + 1
    named = {i for s in view.slots for i in range(s.first, s.last + 1)}
    while j < hi and j - k <= MAX_ADJECTIVES and tokens[j].is_word and len(tokens[j].norm) > 3 \
            and tokens[j].norm.endswith(ADJECTIVE_ENDINGS) and j not in named:
        end, j = tokens[j].end, j + 1
    return Argument("recipient", view.body[start:end], start, end)
