"""Keeping apart same-named institutions of different countries across documents.

`المجلس العسكري`, `وزارة الدفاع` or `السفارة الأمريكية` name a different body in
an article about Sudan and in one about Mali. A name the gazetteer does not
know and that names no country itself (by name or adjective) is therefore one
entity only across documents that are about a common country (one of each
document's two most-mentioned countries). Qualified names (`الجيش المالي`)
merge everywhere.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rasd.model import Document
from rasd.text.normalize import normalize_key

Node = tuple[int, int]  # (document index, mention index)
TOP_COUNTRIES = 2


def doc_countries(doc: Document, gaz) -> frozenset[str]:  # noqa: ANN001 - the gazetteer, or None
    """Gazetteer ids of the countries a document mentions most (a city counts for its country)."""
    if gaz is None:
        return frozenset()
    counts: Counter[str] = Counter()
    for m in doc.mentions:
        entry = gaz.get(m.gaz_id) if m.gaz_id and m.type == "GPE" else None
        if entry is not None:
            counts[entry.country or entry.id] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return frozenset(country for country, _ in ranked[:TOP_COUNTRIES])


def names_a_country(name: str, gaz) -> bool:  # noqa: ANN001
    """True when a word of the name is a country/place name or adjective (`الروسية`، `مالي`)."""
    if gaz is None:
        return False
    for word in normalize_key(name).split():
        bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
        for form in {word, bare}:
            if any(e.type == "GPE" for e in [*gaz.adjective(form), *gaz.lookup(form)]):
                return True
    return False


def split_by_country(nodes: list[Node], countries: list[frozenset[str]],
                     doc_ids: list[str]) -> list[tuple[list[Node], str]]:
    """The nodes in groups whose documents share a country, each with a context label for its id.

    Documents are linked when their country sets meet; a document without any
    country stays on its own. The label is the country most of the group's
    documents are about, so it is the same however many documents are added.
    """
    by_doc: dict[int, list[Node]] = defaultdict(list)
    for node in nodes:
        by_doc[node[0]].append(node)
    parent = {d: d for d in by_doc}

    def find(d: int) -> int:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    docs = sorted(by_doc)
    first_with: dict[str, int] = {}  # linking each document to the first one with the same country
    for d in docs:
        for country in countries[d]:
            if country in first_with:
                parent[find(d)] = find(first_with[country])
            else:
                first_with[country] = d
    groups: dict[int, list[int]] = defaultdict(list)
    for d in docs:
        groups[find(d)].append(d)
    out = []
    for members in groups.values():
        votes = Counter(c for d in members for c in countries[d])
        label = min(votes, key=lambda c: (-votes[c], c)) if votes else f"doc:{doc_ids[members[0]]}"
        out.append(([n for d in members for n in by_doc[d]], label))
    return out
