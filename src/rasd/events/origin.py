"""A transfer's supplier read off its deal or its item's nationality.

When no supplier is named, the partner of the deal (`صفقة مع واشنطن`, `عقدا مع شركة X`) supplies
the item; failing that, a nationality adjective inside an item phrase (`طائرات مسيرة تركية`,
`صينية الصنع`) or right after a named equipment names the supplying country. The argument keeps
the adjective's span and points at the article's own mention of that country when there is one
(so it resolves to that entity).
"""

from __future__ import annotations

from functools import lru_cache

from rasd.events.lexicon import CUES, has_stem, tokenize
from rasd.model import Argument, Document, EventMention

DEAL_NOUNS = CUES.get("agreement", frozenset())
PARTNER_TYPES = frozenset({"GPE", "ORG"})
# normalised dual and plural endings of a nisba and what the singular ends with
DUAL_PLURAL = (("يتين", "يه"), ("يتان", "يه"), ("يين", "ي"), ("يان", "ي"), ("يون", "ي"), ("يات", "يه"))
AFTER_EQUIPMENT = 12  # characters after a named equipment where its adjective may stand


@lru_cache(maxsize=1)
def _gazetteer():  # type: ignore[no-untyped-def]
    from rasd.ner.gazetteer import load_gazetteer

    return load_gazetteer()


def country_of(word: str) -> str | None:
    """The one country a nationality adjective names (None for non-adjectives and ambiguous ones)."""
    if len(word) < 4:
        return None
    for form in _singulars(word):
        hits = {e.id for e in _gazetteer().adjective(form) if e.type == "GPE"}
        if hits:
            return hits.pop() if len(hits) == 1 else None
    return None


def _singulars(word: str) -> list[str]:
    """The word and its singular if it is a dual or plural nisba (أوغنديتين -> أوغنديه، روسيين -> روسي)."""
    forms = [word]
    for ending, replacement in DUAL_PLURAL:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.append(word[:-len(ending)] + replacement)
    return forms


@lru_cache(maxsize=4096)
def text_country(text: str) -> str | None:
    """The country a nationality adjective in an item phrase names (`مروحيتين عسكريتين أوغنديتين`)."""
    for token in tokenize(text):
        country = country_of(token.norm) if token.is_word else None
        if country is not None:
            return country
    return None


def gpe_mentions_by_gaz(doc: Document) -> dict[str, list[int]]:
    """Indexes of the country and city mentions by gazetteer id, to find what an adjective names."""
    by_gaz: dict[str, list[int]] = {}
    for i, m in enumerate(doc.mentions):
        if m.gaz_id and m.type == "GPE":
            by_gaz.setdefault(m.gaz_id, []).append(i)
    return by_gaz


def supply_from_origin(doc: Document) -> None:
    """Give each arms transfer with no supplier the country its item's adjective names."""
    by_gaz = gpe_mentions_by_gaz(doc)
    for ev in doc.events:
        if ev.type == "ARMS_TRANSFER" and not any(a.role == "supplier" for a in ev.arguments):
            if not _deal_partner(doc, ev):
                _add_origin(doc, ev, by_gaz)


def _deal_partner(doc: Document, ev: EventMention) -> bool:
    """`صفقة مع واشنطن`: the name right after a deal noun and مع supplies the transfer."""
    s = ev.sentence
    tokens = tokenize(doc.body[s.start:s.end], s.start)
    taken = {a.mention for a in ev.arguments if a.mention is not None}
    for j in range(len(tokens) - 2):
        if tokens[j + 1].norm != "مع" or not has_stem(tokens[j].norm, DEAL_NOUNS):
            continue
        start = tokens[j + 2].start
        partner = next((i for i, m in enumerate(doc.mentions) if m.start == start and m.type in PARTNER_TYPES
                        and i not in taken), None)
        if partner is not None:
            m = doc.mentions[partner]
            ev.arguments.append(Argument("supplier", m.text, m.start, m.end, partner))
            return True
    return False


def _add_origin(doc: Document, ev: EventMention, by_gaz: dict[str, list[int]]) -> None:
    taken = {doc.mentions[a.mention].gaz_id for a in ev.arguments if a.mention is not None}
    for arg in ev.arguments:
        if arg.role != "item":
            continue
        end = arg.end if arg.mention is None else min(ev.sentence.end, arg.end + AFTER_EQUIPMENT)
        start = arg.start if arg.mention is None else arg.end
        for token in tokenize(doc.body[start:end], start):
            country = country_of(token.norm) if token.is_word else None
            if country is None or country in taken:
                continue
            near = min(by_gaz.get(country, []), key=lambda i: abs(doc.mentions[i].start - token.start),
                       default=None)
            ev.arguments.append(Argument("supplier", token.text, token.start, token.end, near))
            return
