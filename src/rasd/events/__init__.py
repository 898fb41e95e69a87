"""Typed events from trigger lexicons and argument patterns."""

from __future__ import annotations

from rasd.model import Document


def extract_events(doc: Document) -> Document:
    """Pipeline component: fill doc.events. (stub)"""
    return doc
