"""Near-duplicate detection across documents."""

from __future__ import annotations

from rasd.model import Document
from rasd.settings import Options


def mark_duplicates(docs: list[Document], options: Options) -> None:
    """Set duplicate_of on documents that copy an earlier one. (stub)"""
