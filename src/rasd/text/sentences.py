"""Sentence splitting that respects Arabic punctuation, quotations and abbreviations."""

from __future__ import annotations

import regex

from rasd.model import Document, Span

_END = regex.compile(r"[^.!?؟\n]+(?:[.!?؟]+|\n|$)")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of a text. (stub)"""
    spans = []
    for m in _END.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return spans


def split_document(doc: Document) -> Document:
    """Pipeline component: fill doc.sentences."""
    doc.sentences = split_sentences(doc.body)
    return doc
