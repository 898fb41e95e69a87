"""Titles that refer back to a named person of the document (`وأكد الوزير المالي` -> the Malian minister).

Candidates are the document's roles (from `rasd.ner.roles`) whose title head
matches the title after the verb; a country named in the phrase (by name or
adjective, through the gazetteer) must agree with the role's country. Only a
single remaining person is an answer.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from rasd.model import Document
from rasd.text.normalize import normalize
from rasd.text.tokens import Token, tokens_between


def _strip_article(word: str) -> str:
    """A word without its article, for comparing titles (`الوزير` = `وزير`)."""
    for prefix in ("وال", "بال", "لل", "ال"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


def person_cluster(doc: Document, index: int) -> str:
    """A within-document person identity: the full name, which a surname alone stands for when the
    document has exactly one full name ending with it (`بيلو` = `هاشم بيلو`)."""
    key = doc.mentions[index].key
    if " " in key:
        return key
    full = {m.key for m in doc.mentions if m.type == "PERSON" and " " in m.key and m.key.split()[-1] == key}
    return full.pop() if len(full) == 1 else key


def _of_forms(doc: Document, role_of: int | None, of_gaz: str | None) -> set[str]:
    """Normalised words that name a role's country/organisation (names and adjectives)."""
    forms: set[str] = set()
    if role_of is not None and 0 <= role_of < len(doc.mentions):
        forms.add(doc.mentions[role_of].key)
    gaz_id = of_gaz or (doc.mentions[role_of].gaz_id if role_of is not None and
                        0 <= role_of < len(doc.mentions) else None)
    entry = _gazetteer_entry(gaz_id)
    if entry is not None:
        for name in [entry.name, *entry.aliases, *entry.adjectives]:
            forms.add(_strip_article(normalize(name)))
            forms.add(normalize(name))
    return {f for f in forms if f}


def _role_country(doc: Document, role_of: int | None, of_gaz: str | None) -> str | None:
    """The gazetteer id of a role's country or organisation, when known."""
    if of_gaz:
        return of_gaz
    if role_of is not None and 0 <= role_of < len(doc.mentions):
        return doc.mentions[role_of].gaz_id
    return None


def _countries_named(doc: Document, words: list[Token], start: int, limit: int) -> set[str]:
    """Gazetteer ids of the countries a title phrase names, by mention or adjective (`الوزير الروسي`)."""
    named = {m.gaz_id for m in doc.mentions if m.gaz_id and m.type == "GPE"
             and start <= m.start and m.end <= min(limit, words[-1].end if words else start)}
    gaz = gazetteer()
    if gaz is not None:
        for tok in words:
            named |= {e.id for e in gaz.adjective(tok.norm) if e.type == "GPE"}
    return named


def gazetteer():  # noqa: ANN202 - rasd.ner.gazetteer.Gazetteer
    """The gazetteer, or None when it is not available (back-references then use names only)."""
    try:
        from rasd.ner.gazetteer import load_gazetteer
        return load_gazetteer()
    except Exception:  # the gazetteer is optional here: a missing one only weakens back-references
        return None


def _gazetteer_entry(gaz_id: str | None):  # noqa: ANN202 - the gazetteer's Entry type
    """The gazetteer entry of an id, or None when the gazetteer is not available."""
    gaz = gazetteer() if gaz_id else None
    return gaz.get(gaz_id) if gaz is not None else None


def title_referent(doc: Document, start: int, limit: int) -> int | None:
    """A title after a cue that refers back to a person of the document (`وأكد الوزير المالي`)."""
    words = [t for t in tokens_between(doc.body, start, limit) if t.is_word][:6]
    if not words:
        return None
    head = _strip_article(words[0].norm)
    window = {t.norm for t in words} | {_strip_article(t.norm) for t in words}
    named = _countries_named(doc, words[1:4], start, limit)
    candidates = []
    for role in doc.roles:
        if not role.title or not (0 <= role.person < len(doc.mentions)):
            continue
        if doc.mentions[role.person].start >= start:
            continue
        title = [_strip_article(w) for w in normalize(role.title).split()]
        if not title or title[0] != head:
            continue
        country = _role_country(doc, role.of, role.of_gaz)
        if named and country and country not in named:
            continue  # `الوزير الروسي` is not the Chadian minister
        score = 1 + (len(title) > 1 and len(words) > 1 and _strip_article(words[1].norm) == title[1])
        of_forms = _of_forms(doc, role.of, role.of_gaz)
        if of_forms & window:
            score += 2
        candidates.append((score, role.person))
    if not candidates:
        return _context_referent(doc, start, head, named)
    best = max(score for score, _ in candidates)
    people = [p for score, p in candidates if score == best]
    if len({person_cluster(doc, p) for p in people}) != 1:
        return None
    return max(people, key=lambda p: doc.mentions[p].start)


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    """Title head words (`وزير`، `رئيس`، `سفير`…) from the NER's title list, without their article."""
    try:
        text = resources.files("rasd.data").joinpath("ner/titles.tsv").read_text(encoding="utf-8")
    except OSError:  # the list belongs to the NER stage; without it this fallback is off
        return frozenset()
    rows = csv.reader(text.splitlines(), delimiter="\t")
    return frozenset(_strip_article(normalize(row[0])) for row in rows
                     if len(row) > 1 and row[1].strip() == "head" and not row[0].startswith("#"))


def _context_referent(doc: Document, start: int, head: str, named: set[str]) -> int | None:
    """Without a role: the one person introduced earlier by the same title and country.

    `التقى الرئيسان الإيراني مسعود بزشكيان…` then `وأضاف الرئيس الإيراني` -> بزشكيان.
    """
    if head not in _title_heads():
        return None
    people = []
    for i, m in enumerate(doc.mentions):
        if m.type != "PERSON" or m.start >= start:
            continue
        before = [e.end for e in doc.mentions if e.end <= m.start]
        left = max([0, m.start - 80, *before])
        context = [t for t in tokens_between(doc.body, left, m.start) if t.is_word][-3:]
        heads = {_strip_dual(_strip_article(t.norm)) for t in context}
        if head not in heads:
            continue
        if named and not named & _countries_named(doc, context, left, m.start):
            continue
        people.append(i)
    if len({person_cluster(doc, p) for p in people}) != 1:
        return None
    return max(people, key=lambda p: doc.mentions[p].start)


def _strip_dual(word: str) -> str:
    """A title without its dual/plural ending (`الرئيسان` -> `رئيس`)."""
    for suffix in ("ان", "ين"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word
