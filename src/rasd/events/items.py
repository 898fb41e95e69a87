"""Generic items (`طائرتي نقل عسكريتين`, `40 ألف طن من الأرز`) and recruits, with their quantities.

The item text is the noun with its adjectives (and the number word when the
noun itself carries it, as a dual does); the quantity comes from the text
layer's `find_quantities`, taken only when it stands right before the noun
(optionally with `من`) or after `بقيمة`: a number inside a designation
(T-72B3, `عيار 57 ملم`) never qualifies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rasd.events.lexicon import CUES, ITEM_WORD, ITEMS, PREPOSITIONS, splits
from rasd.text.normalize import normalize
from rasd.text.tokens import Token, original_prefix_length

VALUE_WORDS = CUES.get("value", frozenset())
RECRUIT_WORDS = CUES.get("recruit", frozenset()) | CUES.get("force", frozenset())
STOP_WORDS = PREPOSITIONS | CUES.get("boundary", frozenset()) | VALUE_WORDS | frozenset(
    {"التي", "الذي", "الذين", "اللذين", "اللتين", "قد", "لا", "لم", "لن", "ان", "او", "ثم", "هذه", "هذا",
     "تلك", "ذلك", "بما", "فيها", "منها", "بعد", "قبل", "خلال", "منذ", "عبر", "نحو", "حتي"})
ADJECTIVE_ENDINGS = ("ي", "يه", "ين", "يتين", "يتان", "ان", "ات", "ه", "يا", "ون")
MAX_MODIFIERS = 3
LEMMAS = frozenset(normalize(lemma) for lemma, _ in ITEMS.values())
GENERIC_DETERMINERS = frozenset({"اي", "كل", "جميع", "مختلف", "بعض", "نوع", "انواع"})


@dataclass
class Item:
    """A generic item or recruit phrase: span, text, category and quantity."""

    start: int
    end: int
    text: str
    category: str  # military | civil | recruit
    quantity: float | None = None
    unit: str | None = None
    approximate: bool = False


def _item_stem(token: Token) -> tuple[int, str, str] | None:
    """(clitic length kept out of the text, lemma, category) when a token is an item noun."""
    return item_stem_of(token.norm)


@lru_cache(maxsize=65536)
def item_stem_of(norm: str) -> tuple[int, str, str] | None:
    """`_item_stem` of a normalised word, cached: every trigger's window reads the same words."""
    found = None
    for clitic_len, stem in splits(norm):  # the shortest clitic: keep the article (والسفن -> السفن)
        bare = stem[2:] if stem.startswith("ال") else stem
        if bare in ITEMS and (found is None or clitic_len < found[0]):
            lemma, category = ITEMS[bare]
            found = (clitic_len, lemma, category)
    return found


def _is_modifier(token: Token, definite: bool) -> bool:
    """An adjective or compound noun after an item noun (definiteness must agree)."""
    norm = token.norm
    if not token.is_word or norm in STOP_WORDS:
        return False
    if norm[:1] in ("و", "ف") and _item_stem(token) is not None:
        return False  # والسفن: a second item, not a modifier of the first
    if _item_stem(token) is not None:
        return True
    if norm.startswith("ال") != definite or norm[:1] in ("و", "ب", "ل") and not norm.startswith("ال"):
        return False
    return norm.endswith(ADJECTIVE_ENDINGS) and len(norm) > 3


Quantities = Callable[[int, int], list[Any]]  # (start, end) -> QuantityMatch list of that body span
NUMBER_REACH = 6  # tokens a number phrase may span before its noun (40 ألف طن من الأرز)


def _is_complement(token: Token, definite: bool) -> bool:
    """The noun completing an indefinite item (أنظمة دفاع، رادارات مراقبة)."""
    norm = token.norm
    return not definite and token.is_word and norm not in STOP_WORDS and len(norm) > 2 \
        and not norm.startswith(("ال", "و", "ب", "ل")) and not norm[:1].isdigit()


def _quantity_before(quantities: Quantities, start: int, tokens: list[Token], k: int,
                     lemma_form: bool = False) -> Any | None:
    """A quantity ending right before token k (optionally followed by من), or covering it."""
    # the words after the noun tell a dual from a possessive (طائرتي هليكوبتر / طائرتي)
    found = quantities(tokens[max(0, k - NUMBER_REACH)].start, tokens[min(len(tokens) - 1, k + 2)].end)
    for q in found:
        # a quantity on the noun itself: a number word before it, or the noun is a dual (طائرتين);
        # a listed word that merely ends like a dual (الطحين) is no number
        if q.start <= start < q.end and (q.start < start or not lemma_form):
            return q
    end = tokens[k - 1].start if k >= 1 and tokens[k - 1].norm == "من" else start
    for q in found:
        if q.end <= end and not tokens_between(tokens, q.end, end):
            return q
    return None


def tokens_between(tokens: list[Token], start: int, end: int) -> bool:
    """Whether any word token lies in [start, end)."""
    return any(start <= t.start < end and t.is_word for t in tokens)


def _quantity_after(quantities: Quantities, tokens: list[Token], k: int) -> Any | None:
    """A quantity introduced by بقيمة/بمبلغ right after the item phrase (token k is that word)."""
    if k >= len(tokens) or tokens[k].norm not in VALUE_WORDS:
        return None
    found = quantities(tokens[k].end, tokens[min(len(tokens) - 1, k + NUMBER_REACH)].end)
    return next((q for q in found if not tokens_between(tokens, tokens[k].end, q.start)), None)


def _unit(q: Any, item_start: int, item_end: int) -> str | None:
    """The quantity's unit unless the unit is the item noun itself (18 طائرة)."""
    unit = getattr(q, "unit_text", None)
    if not unit or (q.end > item_start and q.start < item_end):
        return None
    return unit


def find_items(body: str, tokens: list[Token], lo: int, hi: int, quantities: Quantities,
               taken: list[tuple[int, int]], flags: list[int] | None = None) -> list[Item]:
    """Item phrases in tokens[lo:hi], outside the `taken` spans (entity mentions, the trigger);
    `flags` are the tokens' `word_flags` when the caller has them."""
    items: list[Item] = []
    k = lo
    while k < hi:
        token = tokens[k]
        if flags is not None and not flags[k] & ITEM_WORD:
            k += 1
            continue
        found = item_stem_of(token.norm)
        if found is None or not token.is_word:
            k += 1
            continue
        generic = k > 0 and tokens[k - 1].norm in GENERIC_DETERMINERS  # أي معدات، كل الأسلحة
        if generic or any(s <= token.start < e for s, e in taken):
            k += 1
            continue
        clitic_len, _, category = found
        start = token.start + original_prefix_length(token.text, clitic_len)
        definite = body[start:start + 2] == "ال"
        end, j = token.end, k + 1
        while j < hi and j - k <= MAX_MODIFIERS and (_is_modifier(tokens[j], definite)
                                                    or j == k + 1 and _is_complement(tokens[j], definite)) \
                and not any(s <= tokens[j].start < e for s, e in taken):
            end, j = tokens[j].end, j + 1
        bare = normalize(body[start:token.end])
        bare = bare[2:] if bare.startswith("ال") else bare
        lemma_form = bare in LEMMAS  # the listed word itself, not a derived dual
        q = _quantity_before(quantities, start, tokens, k, lemma_form) \
            or _quantity_after(quantities, tokens, j)
        item = Item(start, end, body[start:end], category)
        if q is not None:
            item.quantity, item.unit = q.value, _unit(q, start, end)
            item.approximate = bool(getattr(q, "approximate", False))
        items.append(item)
        k = j
    return items


def find_recruits(body: str, tokens: list[Token], lo: int, hi: int, quantities: Quantities,
                  trigger_start: int, trigger_end: int) -> list[Item]:
    """The recruits: the first quantity after the trigger (else the last before it) that counts
    people (`تجنيد 930 أجنبياً`, `جندت قرابة 12 ألف مرتزق`, `9 آلاف مقاتل جندتهم`)."""
    if hi <= lo:
        return []
    found = quantities(tokens[lo].start, tokens[hi - 1].end)
    after = sorted((q for q in found if trigger_end <= q.start), key=lambda q: q.start)
    before = sorted((q for q in found if q.end <= trigger_start), key=lambda q: -q.start)
    for q in after[:1] + before[:3]:
        recruit = _recruit(body, tokens, lo, hi, q)
        if recruit is not None:
            return [recruit]
    return []


def _recruit(body: str, tokens: list[Token], lo: int, hi: int, q: Any) -> Item | None:
    """The people a quantity counts, when it counts people."""
    unit = getattr(q, "unit_text", None)
    if unit and q.text.endswith(unit):
        noun_start, noun_end = q.end - len(unit), q.end
    else:
        following = [t for t in tokens[lo:hi] if t.start >= q.end and t.is_word]
        if not following or following[0].norm in STOP_WORDS:
            return None
        noun_start, noun_end = following[0].start, following[0].end
    norm = normalize(body[noun_start:noun_end])
    if norm in RECRUIT_WORDS or norm.endswith(("يا", "ين", "ون", "ي")):
        return Item(noun_start, noun_end, body[noun_start:noun_end], "recruit", q.value, None,
                    bool(getattr(q, "approximate", False)))
    return None
