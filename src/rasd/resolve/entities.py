"""One KB entity per real-world referent across all documents.

Mentions are grouped with a union-find: the same gazetteer id; the same full
person name, word by word under a spelling-tolerant key (سيرغي/سيرجي, see
person_names, which also links surnames and partial names); the same (type,
loose name) for everything else. A name the gazetteer does not know and that
names no country (`المجلس العسكري`) is one entity only across documents about
a common country (see entity_context). Ids are derived from the canonical key,
never from a counter, so adding documents does not renumber entities.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from rasd.model import Document, Entity, EntityRole, Mention
from rasd.resolve.entity_context import doc_countries, names_a_country, split_by_country
from rasd.resolve.person_names import (
    Node,
    UnionFind,
    given_names,
    link_across,
    link_middle_names,
    link_within,
    person_words,
)
from rasd.resolve.romanize import romanize
from rasd.text.normalize import normalize_key
from rasd.text.tokens import PROCLITICS

log = logging.getLogger("rasd")
TYPE_PREFIX = {"PERSON": "per", "ORG": "org", "GPE": "gpe", "LOC": "loc", "FAC": "fac",
               "FORCE": "force", "EQUIPMENT": "eq"}


def _gazetteer():  # noqa: ANN202 - rasd.ner.gazetteer.Gazetteer, optional at this stage
    """The gazetteer, or None when it cannot be loaded (resolution then works on names alone)."""
    try:
        from rasd.ner.gazetteer import load_gazetteer
        return load_gazetteer()
    except Exception:  # a missing gazetteer only costs the gazetteer names and ids
        return None


@lru_cache(maxsize=100_000)
def _loose(text: str) -> str:
    """The gazetteer's spelling-tolerant key, or the plain key without the gazetteer module."""
    try:
        from rasd.ner.gazetteer import loose_key
    except ImportError:
        return normalize_key(text)
    return loose_key(text)


def _group_key(mention: Mention, known: set[str] | None = None) -> str | None:
    """The key that makes two mentions one entity on their own (None: a one-word person name).

    `known` holds the keys of every mention: a key that only differs from one of them by a leading
    clitic (`للقوات المسلحة` / `القوات المسلحة`) is that one.
    """
    if mention.gaz_id:
        return "gaz:" + mention.gaz_id
    if mention.type == "PERSON":
        words = person_words(mention)
        return "per:" + " ".join(words) if len(words) >= 2 else None
    key = f"{mention.type}:{_loose(mention.key or mention.text)}"
    if known:
        for stem in _clitic_stems(mention.key or mention.text):
            if f"{mention.type}:{stem}" in known:
                return f"{mention.type}:{stem}"
    return key


@lru_cache(maxsize=100_000)
def _clitic_stems(name: str) -> tuple[str, ...]:
    """Loose keys of the name without each possible leading clitic (`للجيش` -> `جيش`, `الجيش`)."""
    norm = normalize_key(name)
    stems: list[str] = []
    for clitic in PROCLITICS:
        if norm.startswith(clitic) and len(norm) - len(clitic) >= 3:
            rest = norm[len(clitic):]
            stems += [_loose(rest)] + ([_loose("ال" + rest)] if clitic.endswith("لل") else [])
    return tuple(stems)


def _cluster(docs: list[Document], gaz) -> list[tuple[list[Node], str | None]]:  # noqa: ANN001
    """Clusters of nodes after every linking rule, each with its country context (see entity_context)."""
    union = UnionFind()
    known = {_group_key(m) for doc in docs for m in doc.mentions if _usable(m) and m.type != "PERSON"}
    left: list[Node] = []
    for d, doc in enumerate(docs):
        for i, m in enumerate(doc.mentions):
            if not _usable(m):
                continue
            union.find((d, i))
            key = _group_key(m, known)
            if key is not None:
                union.union((d, i), key)
            if m.gaz_id and m.type == "PERSON" and len(person_words(m)) >= 2:
                union.union((d, i), "per:" + " ".join(person_words(m)))
        left.extend(link_within(doc, d, union))
    link_middle_names(docs, union)
    # a bare common given name (محمد، حسن) says nothing about which person another document means
    left = [(d, i) for d, i in left if person_words(docs[d].mentions[i])[0] not in given_names()]
    link_across(docs, left, union)
    for d, i in left:  # surnames seen in several documents without any full name: one entity
        union.union((d, i), "per1:" + person_words(docs[d].mentions[i])[0])
    groups: dict = defaultdict(list)
    skipped = 0
    for d, doc in enumerate(docs):
        for i, m in enumerate(doc.mentions):
            if _usable(m):
                groups[union.find((d, i))].append((d, i))
            else:
                skipped += 1
    if skipped:
        log.warning("entity resolution: %d empty or inverted mention span(s) left without an entity", skipped)
    countries = [doc_countries(doc, gaz) for doc in docs]
    ids = [doc.id for doc in docs]
    out: list[tuple[list[Node], str | None]] = []
    for nodes in groups.values():
        first = docs[nodes[0][0]].mentions[nodes[0][1]]
        mentions = [docs[d].mentions[i] for d, i in nodes]
        if first.type == "PERSON" and all(len(person_words(m)) == 1 and not m.gaz_id
                                          and person_words(m)[0] in given_names() for m in mentions):
            out.append((nodes, f"doc:{docs[nodes[0][0]].id}"))  # a given name alone: this document's person
            continue
        known = first.type == "PERSON" or any(m.gaz_id for m in mentions)
        if known or names_a_country(_fullest(mentions), gaz):
            out.append((nodes, None))
        else:
            out.extend(split_by_country(nodes, countries, ids))
    return out


def _usable(mention: Mention) -> bool:
    """A mention with a non-empty span and name; anything else would merge every empty name into one."""
    return mention.end > mention.start and _has_key(mention.key or mention.text)


@lru_cache(maxsize=100_000)
def _has_key(name: str) -> bool:
    """Whether a name keeps any text once normalised (cached: a corpus repeats the same names)."""
    return bool(normalize_key(name))


def _slug(text: str) -> str:
    """A readable ASCII slug for ids."""
    return re.sub(r"[^a-z0-9]+", "-", (romanize(text) or "").lower()).strip("-")[:40] or "x"


def entity_id(etype: str, name: str, context: str | None = None) -> str:
    """A stable id for an entity the gazetteer does not know: type, readable slug, short hash."""
    key = f"{etype}|{_loose(name)}" + (f"|{context}" if context else "")
    digest = hashlib.sha1(key.encode()).hexdigest()[:6]
    return f"{TYPE_PREFIX.get(etype, etype.lower())}:{_slug(name)}-{digest}"


def _fullest(mentions: Iterable[Mention]) -> str:
    """The fullest surface form: most words, then longest, then most frequent."""
    counts = Counter(_without_stray_clitics([m.text for m in mentions]))
    return max(counts, key=lambda t: (len(t.split()), len(t), counts[t], t))


def _without_stray_clitics(forms: list[str]) -> list[str]:
    """The forms, each replaced by its clitic-free spelling when that spelling is among them too.

    A mention should not carry its clitics, but when one does (`للقوات المسلحة` beside
    `القوات المسلحة`) the entity's name and aliases must not; a name that merely starts like
    a clitic (`لوكاشينكو`) is kept, since its "stem" is not another form of the entity.
    """
    known = set(forms)
    clean = {form: _clitic_free(form, known) for form in known}  # once per distinct spelling
    return [clean[form] for form in forms]


def _clitic_free(form: str, known: set[str]) -> str:
    """One form without a leading clitic when its stem is a known form (see `_without_stray_clitics`)."""
    for clitic in PROCLITICS:
        if not form.startswith(clitic):
            continue
        stems = [form[len(clitic):]] + (["ال" + form[len(clitic):]] if clitic.endswith("لل") else [])
        stem = next((x for x in stems if x in known), None)
        if stem:
            return stem
    if form.startswith("لل") and len(form) > 4:  # لل+X is always ل+ال+X: no name starts so
        return "ال" + form[2:]
    return form


def _build_entity(docs: list[Document], nodes: list[Node], gaz,  # noqa: ANN001
                  context: str | None = None) -> Entity:
    """The Entity record of one cluster of mentions."""
    mentions = [docs[d].mentions[i] for d, i in nodes]
    gaz_ids = Counter(m.gaz_id for m in mentions if m.gaz_id)
    entry = gaz.get(gaz_ids.most_common(1)[0][0]) if gaz_ids and gaz is not None else None
    if entry is not None:
        etype, name, eid = entry.type, entry.name, entry.id
    else:
        etype = Counter(m.type for m in mentions).most_common(1)[0][0]
        name = _fullest(mentions)
        eid = gaz_ids.most_common(1)[0][0] if gaz_ids else entity_id(etype, name, context)
    texts = [m.name_en for m in mentions if m.name_en]
    name_en = (entry.name_en if entry and entry.name_en else None) or \
        (Counter(texts).most_common(1)[0][0] if texts else None) or romanize(name)
    aliases = list(dict.fromkeys(_without_stray_clitics([m.text for m in mentions])))
    return Entity(id=eid, type=etype, name=name, name_en=name_en,
                  wikidata=entry.wikidata if entry else None, aliases=aliases,
                  mentions=[(docs[d].id, i) for d, i in sorted(nodes)])


def _gazetteer_entity(gaz, gaz_id: str) -> Entity | None:  # noqa: ANN001
    """An entity known only from the gazetteer (a role's country given by an adjective)."""
    entry = gaz.get(gaz_id) if gaz is not None else None
    if entry is None:
        return None
    return Entity(id=entry.id, type=entry.type, name=entry.name, name_en=entry.name_en,
                  wikidata=entry.wikidata)


def _add_roles(docs: list[Document], by_id: dict[str, Entity], gaz) -> None:  # noqa: ANN001
    """Every document's roles on the person's entity, with `of` as a KB entity id and the doc's date."""
    seen: dict[str, set[tuple]] = defaultdict(set)  # entity id -> its roles' fields, for O(1) dedup
    for doc in docs:
        for role in doc.roles:
            if not 0 <= role.person < len(doc.mentions):
                continue
            person = by_id.get(doc.mentions[role.person].entity or "")
            if person is None:
                continue
            of = None
            if role.of is not None and 0 <= role.of < len(doc.mentions):
                of = doc.mentions[role.of].entity
            elif role.of_gaz:
                of = role.of_gaz if role.of_gaz in by_id else None
                if of is None:
                    created = _gazetteer_entity(gaz, role.of_gaz)
                    if created is not None:
                        by_id[created.id] = created
                        of = created.id
            fields = (role.title, of, role.rank, doc.published, doc.id)
            if fields not in seen[person.id]:
                seen[person.id].add(fields)
                person.roles.append(EntityRole(*fields))
    for entity in by_id.values():
        by_doc: dict[str, list[EntityRole]] = defaultdict(list)
        for r in entity.roles:
            by_doc[r.doc].append(r)
        entity.roles = [r for r in entity.roles if not _subsumed(r, by_doc[r.doc])]
        entity.roles.sort(key=lambda r: (r.date is None, r.date or "", r.doc))


def _subsumed(role: EntityRole, roles: list[EntityRole]) -> bool:
    """True when another role of the same document says all this one says and more (`عقيد` in `عقيد وزير`).

    `roles` are the entity's roles of that document (grouped once: a person can hold thousands).
    """
    fields = (role.title, role.of, role.rank)
    if not any(fields):
        return True
    for other in roles:
        if other is role or other.doc != role.doc:
            continue
        theirs = (other.title, other.of, other.rank)
        pairs = zip(fields, theirs, strict=True)
        if theirs != fields and all(mine is None or mine == t for mine, t in pairs):
            return True
    return False


def resolve_entities(docs: list[Document]) -> list[Entity]:
    """Group mentions of all documents into entities and set Mention.entity on every mention."""
    gaz = _gazetteer()
    by_id: dict[str, Entity] = {}
    for nodes, context in _cluster(docs, gaz):
        entity = _build_entity(docs, nodes, gaz, context)
        if entity.id in by_id:  # two clusters with one canonical key: one entity
            by_id[entity.id].mentions.extend(entity.mentions)
            by_id[entity.id].aliases = list(dict.fromkeys(by_id[entity.id].aliases + entity.aliases))
        else:
            by_id[entity.id] = entity
        eid = by_id[entity.id].id
        for d, i in nodes:
            docs[d].mentions[i].entity = eid
    _add_roles(docs, by_id, gaz)
    return sorted(by_id.values(), key=lambda e: (e.type, e.id))
