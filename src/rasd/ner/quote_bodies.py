"""Organisations as speakers: a generic noun standing for one (`وأشارت الوكالة`) and a statement
(`هنأ الجيش في بيان`).

News names an agency or a ministry once and then calls it `الوكالة`, `الوزارة`; such a noun after an
attribution verb is the last organisation of its kind named before it (data/quotes/settings.json,
`generic_bodies`).
"""

from __future__ import annotations

from functools import lru_cache

from rasd.model import Document
from rasd.ner.quote_cues import load_settings
from rasd.text.normalize import normalize, normalize_key
from rasd.text.tokens import tokens_between

BODY_TYPES = ("ORG", "FORCE")


@lru_cache(maxsize=1)
def _generic_bodies() -> dict[str, str]:
    """Normalised generic noun -> normalised head of the organisations it stands for."""
    return {normalize(k): normalize(v) for k, v in load_settings()["generic_bodies"].items()}


def _opens_with(key: str, head: str) -> bool:
    """A mention key opens with the head, with or without the article (`وكاله الانباء`, `الجيش اليمني`)."""
    words = key.split()
    if not words:
        return False
    first = words[0][2:] if words[0].startswith("ال") and not head.startswith("ال") else words[0]
    return first == head


def generic_noun_end(doc: Document, cue_end: int, limit: int) -> tuple[int, str] | None:
    """(end offset, organisation head) of a generic noun right after the cue (`الوكالة`), or None."""
    words = [t for t in tokens_between(doc.body, cue_end, limit) if t.is_word]
    if not words:
        return None
    head = _generic_bodies().get(words[0].norm)
    if head is None or any(m.start <= words[0].start < m.end for m in doc.mentions):
        return None
    return words[0].end, head


def generic_referent(doc: Document, cue_start: int, head: str) -> int | None:
    """The last organisation of the generic noun's kind named before the cue."""
    before = [i for i, m in enumerate(doc.mentions) if m.end <= cue_start and m.type in BODY_TYPES
              and _opens_with(normalize_key(m.key or m.text), head)]
    return max(before, key=lambda i: doc.mentions[i].start) if before else None


def statement_after(doc: Document, pos: int, limit: int) -> bool:
    """The words after `pos` are `في بيان` / `ببيان` (a statement): the one before them speaks."""
    words = [t.norm for t in tokens_between(doc.body, pos, limit) if t.is_word][:2]
    statements = {normalize(w) for w in load_settings()["statement_words"]}
    if not words:
        return False
    if words[0] == "في" and len(words) > 1:
        return words[1] in statements
    return words[0][:1] == "ب" and words[0][1:] in statements
