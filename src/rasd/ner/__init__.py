"""Named entities: gazetteer, title/rank patterns and an optional CRF, as spans into the body."""

from __future__ import annotations

from rasd.model import Document


def recognize_entities(doc: Document, model: str | None = None) -> Document:
    """Pipeline component: fill doc.mentions. (stub)"""
    return doc
