"""Shared helpers of the NER rule tests: small hand-made gazetteer entries and a mention lister."""

from __future__ import annotations

import rasd.ner as ner
from rasd.model import Document
from rasd.ner.gazetteer import Entry, expand_adjectives


def entry(entry_id: str, etype: str, name: str, adjectives: tuple[str, ...] = ()) -> Entry:
    """A gazetteer entry with only what the rule tests need."""
    return Entry(id=entry_id, type=etype, name=name, name_en=None, wikidata=None, aliases=(),
                 adjectives=expand_adjectives(adjectives), country=None, lat=None, lon=None, ambiguous=False)


def mentions(text: str) -> list[tuple[str, str, str, str | None]]:
    """(text, type, key, gazetteer id) of every mention the recogniser finds in `text`."""
    doc = ner.recognize_entities(Document("t", None, body=text))
    return [(m.text, m.type, m.key, m.gaz_id) for m in doc.mentions]
