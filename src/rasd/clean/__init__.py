"""Cleaning a Source to an article body with its metadata (title, date, outlet, sources)."""

from __future__ import annotations

import hashlib

from rasd.model import Document, Source
from rasd.settings import Options


def build_document(source: Source, options: Options) -> Document:
    """Turn a raw source into a Document with a clean body and metadata. (stub)"""
    doc_id = hashlib.sha256(source.content.encode("utf-8")).hexdigest()[:16]
    return Document(id=doc_id, path=source.path, url=source.url, body=source.content.strip(),
                    title=source.title, published=source.published)
