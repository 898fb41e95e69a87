"""Titles, functions and ranks given to person mentions."""

from __future__ import annotations

from rasd.model import Document


def extract_roles(doc: Document) -> Document:
    """Pipeline component: fill doc.roles. (stub)"""
    return doc
