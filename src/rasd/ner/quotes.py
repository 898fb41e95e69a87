"""Direct quotations and their speakers."""

from __future__ import annotations

from rasd.model import Document


def extract_quotes(doc: Document) -> Document:
    """Pipeline component: fill doc.quotes. (stub)"""
    return doc
