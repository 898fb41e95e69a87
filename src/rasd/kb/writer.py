"""Writing a KB as a `rasd-kb/1` JSON object (see shared/spec/kb-format.md)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from rasd.kb.indented_json import dump_indented
from rasd.model import KB, Document
from rasd.resolve.gc_pause import gc_paused

SCHEMA = "rasd-kb/1"


def document_record(doc: Document) -> dict[str, Any]:
    """The rasd-kb/1 record of one document."""
    return {
        "id": doc.id, "path": doc.path, "url": doc.url, "original_url": doc.original_url,
        "outlet": doc.outlet, "title": doc.title, "published": doc.published,
        "cited_sources": list(doc.cited_sources), "language": doc.language, "body": doc.body,
        "duplicate_of": doc.duplicate_of,
        "sentences": [[s.start, s.end] for s in doc.sentences],
    }


def quote_records(kb: KB) -> list[dict[str, Any]]:
    """Every quote of every document, speakers as KB entity ids."""
    records = []
    for doc in kb.documents:
        for q in doc.quotes:
            speaker = doc.mentions[q.speaker].entity if q.speaker is not None else None
            records.append({"speaker": speaker, "text": q.text, "doc": doc.id,
                            "start": q.start, "end": q.end, "cue": q.cue})
    return records


def kb_to_dict(kb: KB) -> dict[str, Any]:
    """The whole KB as a rasd-kb/1 object (a million small dicts: built with the collector paused)."""
    with gc_paused():
        return _kb_to_dict(kb)


def _kb_to_dict(kb: KB) -> dict[str, Any]:
    in_doc = {d.id: d.mentions for d in kb.documents}
    entities = []
    for e in kb.entities:
        mentions = [{"doc": doc_id, "start": (m := in_doc[doc_id][index]).start, "end": m.end, "text": m.text}
                    for doc_id, index in e.mentions]
        entities.append({
            "id": e.id, "type": e.type, "name": e.name, "name_en": e.name_en,
            "wikidata": e.wikidata, "aliases": list(e.aliases),
            "roles": [{"title": r.title, "of": r.of, "rank": r.rank, "date": r.date, "doc": r.doc}
                      for r in e.roles],
            "mentions": mentions,
        })
    events = [{
        "id": ev.id, "type": ev.type, "date": ev.date, "location": ev.location, "status": ev.status,
        "corroboration": ev.corroboration,
        "participants": [{"role": p.role, "entity": p.entity, "text": p.text, "quantity": p.quantity,
                          "unit": p.unit, "approximate": p.approximate} for p in ev.participants],
        "evidence": [{"doc": x.doc, "start": x.start, "end": x.end, "text": x.text} for x in ev.evidence],
    } for ev in kb.events]
    return {
        "schema": SCHEMA,
        "documents": [document_record(d) for d in kb.documents],
        "entities": entities,
        "quotes": quote_records(kb),
        "events": events,
        "failures": list(kb.failures),
    }


def write_kb(kb: KB | dict[str, Any], out: str | Path) -> None:
    """Write the KB atomically: a crash never leaves a half-written file in place."""
    data = kb if isinstance(kb, dict) else kb_to_dict(kb)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".kb-", suffix=".json", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh, gc_paused():
            dump_indented(data, fh)  # json.dump(..., ensure_ascii=False, indent=1), faster
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
