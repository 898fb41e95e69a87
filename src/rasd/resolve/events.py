"""One KB event per real-world event across all documents, with every piece of evidence."""

from __future__ import annotations

from rasd.model import Document, Entity, Event


def resolve_events(docs: list[Document], entities: list[Entity]) -> list[Event]:
    """Merge per-document event mentions into KB events. (stub)"""
    return []
