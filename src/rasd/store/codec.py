"""Per-document annotations to JSON and back, so resolution can re-run without re-annotating."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from rasd.model import Argument, Document, EventMention, Mention, Quote, Role, Span


def _build(cls: type, data: dict[str, Any]) -> Any:
    """A dataclass from a dict, ignoring keys the class no longer has (older stores)."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def annotations_json(doc: Document) -> str:
    """The document's own annotations (entity links are resolved later, so they are not kept)."""
    # mentions, roles and quotes are flat dataclasses: copying their fields is much faster than asdict
    mentions = [{**vars(m), "entity": None} for m in doc.mentions]
    data = {
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "mentions": mentions,
        "roles": [dict(vars(r)) for r in doc.roles],
        "quotes": [dict(vars(q)) for q in doc.quotes],
        "events": [asdict(e) for e in doc.events],
        "meta": doc.meta,
    }
    return json.dumps(data, ensure_ascii=False, default=str)


def _event(data: dict[str, Any]) -> EventMention:
    event = _build(EventMention, data)
    event.trigger = Span(**data["trigger"])
    event.sentence = Span(**data["sentence"])
    event.arguments = [_build(Argument, a) for a in data.get("arguments", [])]
    return event


def document_from_row(row: Any) -> Document:
    """A Document with its annotations from a `documents` row."""
    ann = json.loads(row.annotations)
    return Document(
        id=row.id, path=row.path, body=row.body, url=row.url, original_url=row.original_url,
        outlet=row.outlet, title=row.title, published=row.published,
        cited_sources=json.loads(row.cited_sources), language=row.language, duplicate_of=row.duplicate_of,
        sentences=[Span(s, e) for s, e in ann.get("sentences", [])],
        mentions=[_build(Mention, m) for m in ann.get("mentions", [])],
        roles=[_build(Role, r) for r in ann.get("roles", [])],
        quotes=[_build(Quote, q) for q in ann.get("quotes", [])],
        events=[_event(e) for e in ann.get("events", [])],
        meta=ann.get("meta", {}),
    )
