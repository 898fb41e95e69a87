"""Writing to the store: a batch of new documents, and the resolved tables in one go."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, text, update

from rasd.model import Document, Entity, Event
from rasd.query.terms import document_terms, sentence_terms
from rasd.store import schema
from rasd.store.codec import annotations_json
from rasd.text.normalize import normalize_key


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Upsert one `meta` row (portable: delete then insert)."""
    conn.execute(delete(schema.meta).where(schema.meta.c.key == key))
    conn.execute(insert(schema.meta).values(key=key, value=value))


def _sentence_spans(doc: Document) -> list[tuple[int, int]]:
    """The document's sentences, or its paragraphs when it was not split."""
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    spans, start = [], 0
    for line in doc.body.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def insert_documents(conn: Connection, docs: list[Document]) -> None:
    """Insert new documents with their sentences and search terms, and flag resolution as pending."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    if not docs:
        return
    conn.execute(insert(schema.documents), [{
        "id": doc.id, "path": doc.path, "url": doc.url, "original_url": doc.original_url,
        "outlet": doc.outlet, "title": doc.title, "published": doc.published, "language": doc.language,
        "cited_sources": json.dumps(doc.cited_sources, ensure_ascii=False), "duplicate_of": doc.duplicate_of,
        "body": doc.body, "annotations": annotations_json(doc), "ingested_at": now} for doc in docs])
    rows = []
    for doc in docs:
        extra = " ".join(document_terms(doc.outlet, doc.published))
        rows += [{"doc_id": doc.id, "ord": i, "start": s, "end": e,
                  "terms": f"{sentence_terms(doc.body[s:e])} {extra}".strip()}
                 for i, (s, e) in enumerate(_sentence_spans(doc))]
    if rows:
        conn.execute(insert(schema.sentences), rows)
    if conn.dialect.name == "sqlite":
        ids = [d.id for d in docs]
        for start in range(0, len(ids), 500):  # stay far below SQLite's limit on bound parameters
            chunk = ids[start:start + 500]
            marks = ",".join(f":d{i}" for i in range(len(chunk)))
            conn.execute(text(f"INSERT INTO sentence_fts(rowid, terms) SELECT id, terms FROM sentences "
                              f"WHERE doc_id IN ({marks})"), {f"d{i}": d for i, d in enumerate(chunk)})
    set_meta(conn, "resolution_pending", "1")


def _entity_rows(entities: list[Entity], docs: dict[str, Document]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {"entities": [], "aliases": [], "roles": []}
    for ord_, e in enumerate(entities):
        rows["entities"].append({
            "id": e.id, "ord": ord_, "type": e.type, "name": e.name, "name_en": e.name_en,
            "wikidata": e.wikidata, "mention_count": len(e.mentions),
            "doc_count": len({d for d, _ in e.mentions})})
        rows["aliases"] += [{"entity_id": e.id, "ord": i, "alias": a, "key": normalize_key(a)}
                            for i, a in enumerate(e.aliases)]
        rows["roles"] += [{"entity_id": e.id, "ord": i, "title": r.title, "of": r.of, "rank": r.rank,
                           "date": r.date, "doc_id": r.doc} for i, r in enumerate(e.roles)]
    return rows


def _mention_rows(docs: list[Document], entities: list[Entity]) -> list[dict[str, Any]]:
    position = {(d, i): (e.id, k) for e in entities for k, (d, i) in enumerate(e.mentions)}
    rows = []
    for doc in docs:
        for i, m in enumerate(doc.mentions):
            entity_id, ord_ = position.get((doc.id, i), (None, None))
            rows.append({"doc_id": doc.id, "idx": i, "start": m.start, "end": m.end, "text": m.text,
                         "type": m.type, "entity_id": entity_id, "entity_ord": ord_})
    return rows


def _event_rows(events: list[Event]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {"events": [], "participants": [], "evidence": []}
    for ord_, ev in enumerate(events):
        rows["events"].append({"id": ev.id, "ord": ord_, "type": ev.type, "date": ev.date,
                               "location": ev.location, "status": ev.status,
                               "corroboration": ev.corroboration})
        rows["participants"] += [{"event_id": ev.id, "ord": i, "role": p.role, "entity_id": p.entity,
                                  "text": p.text, "quantity": p.quantity, "unit": p.unit,
                                  "approximate": bool(p.approximate)} for i, p in enumerate(ev.participants)]
        rows["evidence"] += [{"event_id": ev.id, "ord": i, "doc_id": x.doc, "start": x.start, "end": x.end,
                              "text": x.text} for i, x in enumerate(ev.evidence)]
    return rows


def _quote_rows(docs: list[Document]) -> list[dict[str, Any]]:
    rows = []
    for doc in docs:
        for q in doc.quotes:
            speaker = doc.mentions[q.speaker].entity if q.speaker is not None else None
            rows.append({"doc_id": doc.id, "speaker": speaker, "text": q.text, "start": q.start,
                         "end": q.end, "cue": q.cue})
    return rows


def write_resolved(conn: Connection, docs: list[Document], entities: list[Entity], events: list[Event],
                   duplicates: dict[str, str | None]) -> None:
    """Replace every resolved table, update changed duplicate marks and clear the pending flag.

    Call inside one transaction. Duplicates are marked over the whole corpus, so a
    new article can change an older one's mark: `duplicates` maps those ids to their new mark.
    """
    for table in schema.RESOLVED_TABLES:
        conn.execute(delete(table))
    by_id = {d.id: d for d in docs}
    ent = _entity_rows(entities, by_id)
    evs = _event_rows(events)
    for table, rows in ((schema.entities, ent["entities"]), (schema.entity_aliases, ent["aliases"]),
                        (schema.entity_roles, ent["roles"]), (schema.mentions, _mention_rows(docs, entities)),
                        (schema.events, evs["events"]), (schema.event_participants, evs["participants"]),
                        (schema.evidence, evs["evidence"]), (schema.quotes, _quote_rows(docs))):
        if rows:
            conn.execute(insert(table), rows)
    for doc_id, original in duplicates.items():
        conn.execute(update(schema.documents).where(schema.documents.c.id == doc_id)
                     .values(duplicate_of=original))
    set_meta(conn, "resolution_pending", "0")


def checkpoint(engine: Engine) -> None:
    """After a large write, fold SQLite's write-ahead log back into the file so reads stay fast."""
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()  # outside any transaction, as a checkpoint needs
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
