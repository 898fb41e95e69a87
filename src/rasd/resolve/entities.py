"""One KB entity per real-world referent across all documents.

Mentions are grouped with a union-find: the same gazetteer id, the same full
person name under the gazetteer's spelling-tolerant `loose_key` (سيرغي/سيرجي),
the same (type, loose name) for everything else. A one-word person name links
to a full name of its own document whose last (or, when unique, first) word it
is; across documents only to the one full name of the corpus with that
surname. Different people who share a first name never meet, because full
names are compared whole. A name the gazetteer does not know and that names
no country (`المجلس العسكري`) is one entity only across documents about a
common country (see entity_context). Ids are derived from the canonical key,
never from a counter, so adding documents does not renumber entities.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from rasd.model import Document, Entity, EntityRole, Mention
from rasd.resolve.entity_context import doc_countries, names_a_country, split_by_country
from rasd.resolve.romanize import romanize
from rasd.text.normalize import normalize_key

log = logging.getLogger("rasd")
Node = tuple[int, int]  # (document index, mention index)
G_FOLDS = str.maketrans({c: "g" for c in "غجقڨگݣ"} | {"ڤ": "ف", "پ": "ب", "چ": "تش"})  # foreign g, v, p
NAME_PREFIXES = ("عبد", "ابو")  # written with or without a space: عبد الله / عبدالله
LONG_NAME_WORD = 7  # from this length a name word is taken as foreign and its long vowels may vary
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


class _Union:
    """A union-find over hashable items."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, item):  # noqa: ANN001, ANN201
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a, b) -> None:  # noqa: ANN001
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # which root wins does not matter: ids come from the cluster's content
            self.parent[rb] = ra


def _person_words(mention: Mention) -> list[str]:
    """The comparison words of a person's name (`عبد الله` is one word), see `name_word`."""
    return list(_name_words(mention.key or mention.text))


@lru_cache(maxsize=100_000)
def _name_words(name: str) -> tuple[str, ...]:
    """`_person_words` of one spelling, cached: a corpus repeats the same names."""
    words: list[str] = []
    for word in normalize_key(name).translate(G_FOLDS).split():
        if words and words[-1] in NAME_PREFIXES:
            words[-1] += word
        else:
            words.append(word)
    return tuple(name_word(w) for w in words)


def name_word(word: str) -> str:
    """A spelling-tolerant key for one name word that keeps short names apart.

    Doubled letters never count; medial long vowels are dropped only in long
    (foreign) words, where `زيلينسكي`/`زيلنسكي` are one name, while `محمد`/`محمود`
    and `مايغا`/`ميغا` are different names and must stay apart.
    """
    collapsed = "".join(ch for i, ch in enumerate(word) if i == 0 or ch != word[i - 1] or ch.isdigit())
    if len(collapsed) < LONG_NAME_WORD:
        return collapsed
    return collapsed[0] + "".join(ch for ch in collapsed[1:-1] if ch not in "اوي") + collapsed[-1]


def _group_key(mention: Mention) -> str | None:
    """The key that makes two mentions one entity on their own (None: a one-word person name)."""
    if mention.gaz_id:
        return "gaz:" + mention.gaz_id
    if mention.type == "PERSON":
        words = _person_words(mention)
        return "per:" + " ".join(words) if len(words) >= 2 else None
    return f"{mention.type}:{_loose(mention.key or mention.text)}"


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Common given names (the NER's list and the romanisation table), as `name_word` keys."""
    names: set[str] = set()
    for path in ("ner/first_names.tsv", "romanize/names.tsv"):
        try:
            text = resources.files("rasd.data").joinpath(path).read_text(encoding="utf-8")
        except OSError:  # the NER's list may be absent; the romanisation table is ours
            continue
        for line in text.splitlines():
            name = line.split("\t")[0]
            if name and not name.startswith("#") and name != "name":
                names.add(" ".join(_name_words(name)))
    return frozenset(n for n in names if n and " " not in n)


def _link_within(doc: Document, d: int, union: _Union) -> list[Node]:
    """Link one-word person names to a full name of the same document; return those left over."""
    full = [(i, _person_words(m)) for i, m in enumerate(doc.mentions)
            if m.type == "PERSON" and len(_person_words(m)) >= 2]
    left: list[Node] = []
    for i, m in enumerate(doc.mentions):
        if m.type != "PERSON" or m.gaz_id or len(_person_words(m)) != 1:
            continue
        word = _person_words(m)[0]
        by_last = [j for j, words in full if words[-1] == word]
        by_first = [j for j, words in full if words[0] == word]
        if by_last:
            target = _nearest(doc, i, by_last)
        elif len({" ".join(_person_words(doc.mentions[j])) for j in by_first}) == 1:
            target = by_first[0]
        else:
            left.append((d, i))
            continue
        union.union((d, i), (d, target))
    _link_partial_names(doc, d, full, union)
    return left


def _link_partial_names(doc: Document, d: int, full: list[tuple[int, list[str]]], union: _Union) -> None:
    """A shorter full name inside one longer name of the same document is that person.

    `سلمان بن حمد` and `سلمان بن حمد آل خليفة`; `حمدان دقلو` and `محمد حمدان دقلو`.
    """
    for i, words in full:
        n = len(words)
        longer = {" ".join(w): j for j, w in full
                  if len(w) > n and (w[:n] == words or w[-n:] == words)}
        if len(longer) != 1:
            continue
        j = next(iter(longer.values()))
        a, b = doc.mentions[i].gaz_id, doc.mentions[j].gaz_id
        if not (a and b and a != b):
            union.union((d, i), (d, j))


def _nearest(doc: Document, i: int, candidates: list[int]) -> int:
    """The candidate mention nearest before mention i (or the first after it)."""
    before = [j for j in candidates if doc.mentions[j].start < doc.mentions[i].start]
    if before:
        return max(before, key=lambda j: doc.mentions[j].start)
    return min(candidates, key=lambda j: doc.mentions[j].start)


def _link_across(docs: list[Document], left: list[Node], union: _Union) -> None:
    """A leftover surname joins the one full-name person of the corpus with that last word."""
    by_last: dict[str, set] = defaultdict(set)
    for d, doc in enumerate(docs):
        for i, m in enumerate(doc.mentions):
            words = _person_words(m) if m.type == "PERSON" else []
            if len(words) >= 2:
                by_last[words[-1]].add(union.find((d, i)))
    for d, i in left:
        roots = {union.find(r) for r in by_last.get(_person_words(docs[d].mentions[i])[0], ())}
        if len(roots) == 1:
            union.union((d, i), next(iter(roots)))


def _cluster(docs: list[Document], gaz) -> list[tuple[list[Node], str | None]]:  # noqa: ANN001
    """Clusters of nodes after every linking rule, each with its country context (see entity_context)."""
    union = _Union()
    left: list[Node] = []
    for d, doc in enumerate(docs):
        for i, m in enumerate(doc.mentions):
            if not _usable(m):
                continue
            union.find((d, i))
            key = _group_key(m)
            if key is not None:
                union.union((d, i), key)
            if m.gaz_id and m.type == "PERSON" and len(_person_words(m)) >= 2:
                union.union((d, i), "per:" + " ".join(_person_words(m)))
        left.extend(_link_within(doc, d, union))
    # a bare common given name (محمد، حسن) says nothing about which person another document means
    left = [(d, i) for d, i in left if _person_words(docs[d].mentions[i])[0] not in _given_names()]
    _link_across(docs, left, union)
    for d, i in left:  # surnames seen in several documents without any full name: one entity
        union.union((d, i), "per1:" + _person_words(docs[d].mentions[i])[0])
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
        if first.type == "PERSON" and all(len(_person_words(m)) == 1 and not m.gaz_id
                                          and _person_words(m)[0] in _given_names() for m in mentions):
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
    return mention.end > mention.start and bool(normalize_key(mention.key or mention.text))


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
    counts = Counter(m.text for m in mentions)
    return max(counts, key=lambda t: (len(t.split()), len(t), counts[t], t))


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
    aliases = list(dict.fromkeys(m.text for m in mentions))
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
            record = EntityRole(role.title, of, role.rank, doc.published, doc.id)
            if record not in person.roles:
                person.roles.append(record)
    for entity in by_id.values():
        entity.roles = [r for r in entity.roles if not _subsumed(r, entity.roles)]
        entity.roles.sort(key=lambda r: (r.date is None, r.date or "", r.doc))


def _subsumed(role: EntityRole, roles: list[EntityRole]) -> bool:
    """True when another role of the same document says all this one says and more (`عقيد` in `عقيد وزير`)."""
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
        for d, i in nodes:
            docs[d].mentions[i].entity = by_id[entity.id].id
    _add_roles(docs, by_id, gaz)
    return sorted(by_id.values(), key=lambda e: (e.type, e.id))
