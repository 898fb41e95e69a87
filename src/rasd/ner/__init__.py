"""Named entities: gazetteer, title/rank patterns and an optional CRF, as spans into the body.

Rules run from the most to the least certain, each leaving alone the words an
earlier rule named: listed names (gazetteer), head-word phrases (ministries,
armies, airports, areas, designations), persons after titles, ranks and
honorifics, persons with a listed given name, and finally later mentions of
persons already named. A CRF model, when given, only fills gaps: rules win.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from rasd.errors import InputError
from rasd.model import ENTITY_TYPES, Document, Mention
from rasd.ner.gazetteer import Gazetteer, load_gazetteer
from rasd.ner.gazmatch import match_gazetteer
from rasd.ner.hosts import key_by_host
from rasd.ner.lexicon import load_lexicon
from rasd.ner.patterns import match_coordinated_equipment, match_designations, match_phrases
from rasd.ner.persons import find_apposed_persons, find_named_persons, find_nationality_persons
from rasd.ner.propagate import link_phrases, propagate_names
from rasd.ner.scan import Scan
from rasd.ner.titles import find_title_persons
from rasd.text.normalize import normalize_key
from rasd.text.tokens import body_tokens

log = logging.getLogger("rasd")


def _gazetteer() -> Gazetteer:
    """The gazetteer, or an empty one (logged) when its data cannot be read."""
    try:
        return load_gazetteer()
    except InputError as exc:
        log.error("gazetteer unavailable, listed names will be missed: %s", exc)
        return Gazetteer()


def scan_document(body: str) -> Scan:
    """Run every rule over a body and return the scan holding the accepted candidates."""
    scan = Scan(body, list(body_tokens(body).tokens), load_lexicon(), _gazetteer())
    match_gazetteer(scan)
    match_phrases(scan)
    match_designations(scan)
    match_coordinated_equipment(scan)
    find_title_persons(scan)
    find_named_persons(scan)
    find_apposed_persons(scan)
    find_nationality_persons(scan)
    propagate_names(scan)
    key_by_host(scan)
    link_phrases(scan)
    return scan


@lru_cache(maxsize=100_000)
def mention_key(text: str) -> str:
    """`normalize_key`, with `للجيش` read as `الجيش` (the preposition ate the article's alef)."""
    key = normalize_key(text)
    return "ال" + key[2:] if key.startswith("لل") and len(key) > 4 else key


def _crf_mentions(doc: Document, model: str, taken: list[Mention]) -> list[Mention]:
    """CRF mentions that overlap no rule mention."""
    from rasd.ner.crf import predict_mentions

    extra = []
    for mention in predict_mentions(doc, model, rules=taken):
        if mention.type not in ENTITY_TYPES or doc.body[mention.start:mention.end] != mention.text:
            continue
        if any(mention.start < m.end and m.start < mention.end for m in [*taken, *extra]):
            continue
        extra.append(mention)
    return extra


# the last scans, so that the role extractor reuses tokens and candidates instead of re-reading the body;
# the pipeline runs every step on one document before the next, and every scan kept longer is
# thousands of objects the garbage collector promotes and then rescans
_RECENT: dict[str, Scan] = {}
RECENT_SCANS = 2


def recent_scan(doc: Document) -> Scan | None:
    """The scan that produced doc.mentions, when it is still cached and the mentions are unchanged."""
    scan = _RECENT.get(doc.id)
    if scan is None or scan.body != doc.body:
        return None
    spans = [(c.start, c.end, c.type) for c in scan.candidates()]
    return scan if spans == [(m.start, m.end, m.type) for m in doc.mentions] else None


def recognize_entities(doc: Document, model: str | None = None) -> Document:
    """Pipeline component: fill doc.mentions (text order, no overlaps, exact offsets)."""
    scan = scan_document(doc.body)
    if len(_RECENT) >= RECENT_SCANS:
        _RECENT.pop(next(iter(_RECENT)))
    _RECENT[doc.id] = scan
    mentions = []
    for c in scan.candidates():
        text = doc.body[c.start:c.end]
        mentions.append(Mention(c.start, c.end, text, c.type, c.key or mention_key(text), source=c.source,
                                gaz_id=c.gaz_id, name_en=c.name_en))
    if model:
        mentions.extend(_crf_mentions(doc, model, mentions))
        mentions.sort(key=lambda m: m.start)
    doc.mentions = mentions
    return doc
