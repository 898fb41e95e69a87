"""Reading the store back: documents with their annotations, and the whole KB."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, select

from rasd.model import KB, Document, Entity, EntityRole, Event, EventParticipant, Evidence
from rasd.store import Store, schema
from rasd.store.codec import document_from_row


def document_ids(store: Store) -> set[str]:
    """The ids of every stored document."""
    with store.engine.connect() as conn:
        return set(conn.execute(select(schema.documents.c.id)).scalars())


def load_documents(conn: Connection, ids: list[str] | None = None) -> list[Document]:
    """Stored documents in ingest order, with their own (unresolved) annotations."""
    query = select(schema.documents).order_by(schema.documents.c.seq)
    if ids is not None:
        query = query.where(schema.documents.c.id.in_(ids))
    return [document_from_row(row) for row in conn.execute(query)]


def _grouped(conn: Connection, table, key: str) -> dict[str, list]:  # noqa: ANN001 - a Table
    groups: dict[str, list] = defaultdict(list)
    for row in conn.execute(select(table).order_by(table.c[key], table.c.ord)):
        groups[row._mapping[key]].append(row)
    return groups


def load_entities(conn: Connection) -> list[Entity]:
    """The resolved entities in KB order, with aliases, roles and (doc, mention index) lists."""
    aliases = _grouped(conn, schema.entity_aliases, "entity_id")
    roles = _grouped(conn, schema.entity_roles, "entity_id")
    mentions: dict[str, list] = defaultdict(list)
    query = (select(schema.mentions.c.entity_id, schema.mentions.c.doc_id, schema.mentions.c.idx)
             .where(schema.mentions.c.entity_id.is_not(None)).order_by(schema.mentions.c.entity_ord))
    for row in conn.execute(query):
        mentions[row.entity_id].append((row.doc_id, row.idx))
    return [Entity(id=row.id, type=row.type, name=row.name, name_en=row.name_en, wikidata=row.wikidata,
                   aliases=[a.alias for a in aliases[row.id]],
                   roles=[EntityRole(r.title, r.of, r.rank, r.date, r.doc_id) for r in roles[row.id]],
                   mentions=mentions[row.id])
            for row in conn.execute(select(schema.entities).order_by(schema.entities.c.ord))]


def load_events(conn: Connection) -> list[Event]:
    """The resolved events in KB order, with participants and evidence."""
    parts = _grouped(conn, schema.event_participants, "event_id")
    evidence = _grouped(conn, schema.evidence, "event_id")
    return [Event(id=row.id, type=row.type, date=row.date, location=row.location, status=row.status,
                  corroboration=row.corroboration,
                  participants=[EventParticipant(p.role, p.text, p.entity_id, p.quantity, p.unit,
                                                 bool(p.approximate)) for p in parts[row.id]],
                  evidence=[Evidence(x.doc_id, x.start, x.end, x.text) for x in evidence[row.id]])
            for row in conn.execute(select(schema.events).order_by(schema.events.c.ord))]


def load_kb(store: Store) -> KB:
    """The whole KB as `rasd analyze` would build it from the same inputs."""
    with store.engine.connect() as conn:
        docs = load_documents(conn)
        by_id = {d.id: d for d in docs}
        query = select(schema.mentions.c.doc_id, schema.mentions.c.idx, schema.mentions.c.entity_id)
        for row in conn.execute(query.where(schema.mentions.c.entity_id.is_not(None))):
            doc = by_id.get(row.doc_id)
            if doc is not None and row.idx < len(doc.mentions):
                doc.mentions[row.idx].entity = row.entity_id
        return KB(documents=docs, entities=load_entities(conn), events=load_events(conn))
