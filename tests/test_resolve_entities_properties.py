"""Entity resolution is a partition of the mentions that does not depend on document order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.model import Document, Mention
from rasd.resolve.entities import resolve_entities
from rasd.text.normalize import normalize_key

NAMES = [("غيورغي بيلوف", "PERSON"), ("جيورجي بيلوف", "PERSON"), ("بيلوف", "PERSON"),
         ("عبد الله ورسمه", "PERSON"), ("عبد الله فارح", "PERSON"), ("فارح", "PERSON"), ("ورسمه", "PERSON"),
         ("عبد الله", "PERSON"), ("سالم خالد الهاجري", "PERSON"), ("سالم الهاجري", "PERSON"),
         ("المجلس العسكري", "ORG"), ("الجيش الصومالي", "FORCE"), ("الصومال", "GPE"), ("لبنان", "GPE")]
GAZ = {"الصومال": "gpe:somalia", "لبنان": "gpe:lebanon"}


def build(doc_names: list[list[int]]) -> list[Document]:
    docs = []
    for n, picks in enumerate(doc_names):
        body, mentions = "", []
        for k in picks:
            name, etype = NAMES[k]
            mentions.append(Mention(len(body), len(body) + len(name), name, etype, normalize_key(name),
                                    gaz_id=GAZ.get(name)))
            body += name + " و "
        docs.append(Document(id=f"doc{n}", path=None, body=body, mentions=mentions))
    return docs


def partition(docs: list[Document]) -> dict[str, set[tuple[str, int]]]:
    entities = resolve_entities(docs)
    return {e.id: set(e.mentions) for e in entities if e.mentions}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.integers(0, len(NAMES) - 1), max_size=8), min_size=1, max_size=5))
def test_partition_is_complete_and_order_free(doc_names: list[list[int]]) -> None:
    forward = build(doc_names)
    groups = partition(forward)
    seen = [m for members in groups.values() for m in members]
    assert len(seen) == len(set(seen)) == sum(len(d.mentions) for d in forward)
    for doc in forward:
        for i, m in enumerate(doc.mentions):
            assert (doc.id, i) in groups[m.entity]
    assert partition(list(reversed(build(doc_names)))) == groups
