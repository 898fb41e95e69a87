"""One KB entity per real-world referent across all documents."""

from __future__ import annotations

from rasd.model import Document, Entity


def resolve_entities(docs: list[Document]) -> list[Entity]:
    """Group mentions of all documents into entities and set Mention.entity. (stub)"""
    return []
