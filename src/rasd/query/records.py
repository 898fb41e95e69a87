"""Store queries for documents and entities: lists with totals, and one record with everything around it."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import and_, desc, exists, func, or_, select

from rasd.query.common import NotFound, clamp, names_of, page, segments
from rasd.store import Store
from rasd.store.schema import (
    documents,
    entities,
    entity_aliases,
    entity_roles,
    event_participants,
    events,
    evidence,
    mentions,
    quotes,
    sentences,
)

MAX_DOCUMENTS, MAX_EVENTS, MAX_QUOTES = 100, 200, 100  # an entity page lists at most these (counts are exact)
CO_MENTIONS = 1000  # co-occurrence is counted over at most this many mentions, so big entities stay fast
DOC_COLUMNS = (documents.c.id, documents.c.title, documents.c.outlet, documents.c.published, documents.c.url,
               documents.c.path, documents.c.duplicate_of)


def _doc_summary(row: Any) -> dict[str, Any]:
    return {"id": row.id, "title": row.title, "outlet": row.outlet, "published": row.published,
            "url": row.url, "path": row.path, "duplicate_of": row.duplicate_of}


def _count(conn: Any, query: Any) -> int:
    return conn.execute(select(func.count()).select_from(query.subquery())).scalar()


def overview(store: Store) -> dict[str, Any]:
    """Counts, the latest documents, the most-mentioned entities and events per type."""
    with store.engine.connect() as conn:
        counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                  for t in (documents, entities, events, quotes, sentences)}
        latest = conn.execute(select(*DOC_COLUMNS).order_by(desc(documents.c.published).nulls_last(),
                                                            desc(documents.c.seq)).limit(10)).all()
        top = conn.execute(select(entities).order_by(desc(entities.c.mention_count), entities.c.ord)
                           .limit(15)).all()
        by_type = conn.execute(select(events.c.type, func.count()).group_by(events.c.type)
                               .order_by(desc(func.count()))).all()
    return {"counts": counts, "latest_documents": [_doc_summary(r) for r in latest],
            "top_entities": [_entity_summary(r) for r in top],
            "events_by_type": [{"type": t, "count": n} for t, n in by_type],
            "resolution_pending": store.resolution_pending()}


def list_documents(store: Store, *, outlet: str | None = None, limit: int = 20, offset: int = 0) -> dict:
    """Documents, newest first."""
    limit, offset = clamp(limit, offset)
    query = select(*DOC_COLUMNS)
    if outlet:
        query = query.where(documents.c.outlet == outlet)
    with store.engine.connect() as conn:
        total = _count(conn, query)
        rows = conn.execute(query.order_by(desc(documents.c.published).nulls_last(), desc(documents.c.seq))
                            .limit(limit).offset(offset)).all()
    return page([_doc_summary(r) for r in rows], total, limit, offset)


def get_document(store: Store, doc_id: str) -> dict[str, Any]:
    """A document with its body and every annotation as spans: entity mentions, event evidence, quotes."""
    with store.engine.connect() as conn:
        row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
        if row is None:
            raise NotFound(f"no document {doc_id!r}")
        found = (select(mentions, entities.c.name).outerjoin(entities, entities.c.id == mentions.c.entity_id)
                 .where(mentions.c.doc_id == doc_id).order_by(mentions.c.start))
        spans = [{"kind": "mention", "start": m.start, "end": m.end, "type": m.type, "entity": m.entity_id,
                  "name": m.name} for m in conn.execute(found)]
        found = select(evidence.c.start, evidence.c.end, evidence.c.event_id, events.c.type).join(
            events, events.c.id == evidence.c.event_id).where(evidence.c.doc_id == doc_id)
        spans += [{"kind": "evidence", "start": x.start, "end": x.end, "event": x.event_id, "type": x.type}
                  for x in conn.execute(found)]
        said = (select(quotes, entities.c.name).outerjoin(entities, entities.c.id == quotes.c.speaker)
                .where(quotes.c.doc_id == doc_id))
        spans += [{"kind": "quote", "start": q.start, "end": q.end, "speaker": q.speaker, "name": q.name}
                  for q in conn.execute(said)]
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    return {**_doc_summary(row), "original_url": row.original_url, "language": row.language,
            "cited_sources": json.loads(row.cited_sources), "body": row.body, "spans": spans,
            "segments": segments(row.body, spans)}


def _entity_summary(row: Any) -> dict[str, Any]:
    return {"id": row.id, "type": row.type, "name": row.name, "name_en": row.name_en,
            "wikidata": row.wikidata, "mentions": row.mention_count, "documents": row.doc_count}


def list_entities(store: Store, *, type: str | None = None, q: str | None = None,  # noqa: A002
                  limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Entities, most mentioned first; `q` matches any alias (normalised, substring)."""
    from rasd.text.normalize import normalize_key

    limit, offset = clamp(limit, offset)
    query = select(entities)
    if type:
        query = query.where(entities.c.type == type)
    if q:
        key = f"%{normalize_key(q)}%"
        query = query.where(entities.c.id.in_(select(entity_aliases.c.entity_id)
                                              .where(entity_aliases.c.key.like(key))))
    with store.engine.connect() as conn:
        total = _count(conn, query)
        rows = conn.execute(query.order_by(desc(entities.c.mention_count), entities.c.ord)
                            .limit(limit).offset(offset)).all()
    return page([_entity_summary(r) for r in rows], total, limit, offset)


def _entity_documents(conn: Any, entity_id: str, mention_count: int) -> list[Any]:
    """The newest documents mentioning an entity, with how often each does.

    A rare entity: group its mentions by document. A frequent one: walk the
    documents newest first and keep those it appears in, which stops early.
    """
    newest = (desc(documents.c.published).nulls_last(), desc(documents.c.seq))
    if mention_count <= CO_MENTIONS:
        per_doc = (select(mentions.c.doc_id, func.count().label("n")).where(mentions.c.entity_id == entity_id)
                   .group_by(mentions.c.doc_id).subquery())
        query = select(*DOC_COLUMNS, per_doc.c.n).join(per_doc, per_doc.c.doc_id == documents.c.id)
        return conn.execute(query.order_by(*newest).limit(MAX_DOCUMENTS)).all()
    n = (select(func.count()).where(mentions.c.entity_id == entity_id, mentions.c.doc_id == documents.c.id)
         .scalar_subquery())
    present = exists().where(mentions.c.entity_id == entity_id, mentions.c.doc_id == documents.c.id)
    return conn.execute(select(*DOC_COLUMNS, n.label("n")).where(present).order_by(*newest)
                        .limit(MAX_DOCUMENTS)).all()


def _co_occurring(conn: Any, entity_id: str, limit: int = 20) -> list[dict[str, Any]]:
    """Entities mentioned in the same sentences as `entity_id`, with how many sentences they share."""
    m1 = (select(mentions.c.doc_id, mentions.c.start).where(mentions.c.entity_id == entity_id)
          .order_by(mentions.c.doc_id, mentions.c.start).limit(CO_MENTIONS).subquery("m1"))
    m2 = mentions.alias("m2")
    shared = func.count(func.distinct(sentences.c.id)).label("shared")
    query = (select(entities.c.id, entities.c.name, entities.c.type, shared)
             .select_from(m1)
             .join(sentences, and_(sentences.c.doc_id == m1.c.doc_id, sentences.c.start <= m1.c.start,
                                   sentences.c.end > m1.c.start))
             .join(m2, and_(m2.c.doc_id == sentences.c.doc_id, m2.c.start >= sentences.c.start,
                            m2.c.start < sentences.c.end))
             .join(entities, entities.c.id == m2.c.entity_id)
             .where(m2.c.entity_id != entity_id)
             .group_by(entities.c.id, entities.c.name, entities.c.type)
             .order_by(desc(shared), entities.c.id).limit(limit))
    return [{"id": r.id, "name": r.name, "type": r.type, "shared_sentences": r.shared}
            for r in conn.execute(query)]


def get_entity(store: Store, entity_id: str) -> dict[str, Any]:
    """An entity with aliases, roles over time, documents, co-occurring entities, quotes and events."""
    with store.engine.connect() as conn:
        row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
        if row is None:
            raise NotFound(f"no entity {entity_id!r}")
        aliases = conn.execute(select(entity_aliases.c.alias).where(entity_aliases.c.entity_id == entity_id)
                               .order_by(entity_aliases.c.ord)).scalars().all()
        roles = conn.execute(select(entity_roles, documents.c.title.label("doc_title"), documents.c.published)
                             .join(documents, documents.c.id == entity_roles.c.doc_id)
                             .where(entity_roles.c.entity_id == entity_id)).all()
        docs = _entity_documents(conn, entity_id, row.mention_count)
        said = conn.execute(select(quotes, documents.c.title, documents.c.outlet, documents.c.published)
                            .join(documents, documents.c.id == quotes.c.doc_id)
                            .where(quotes.c.speaker == entity_id)
                            .order_by(quotes.c.id).limit(MAX_QUOTES)).all()
        involved = conn.execute(select(events).where(or_(
            events.c.location == entity_id,
            events.c.id.in_(select(event_participants.c.event_id)
                            .where(event_participants.c.entity_id == entity_id))))
            .order_by(events.c.date.nulls_last(), events.c.ord).limit(MAX_EVENTS)).all()
        co = _co_occurring(conn, entity_id)
        names = names_of(conn, [r.of for r in roles] + [e.location for e in involved])
    timeline = sorted(({"title": r.title, "of": r.of, "of_name": names.get(r.of), "rank": r.rank,
                        "date": r.date or r.published, "doc": r.doc_id, "doc_title": r.doc_title}
                       for r in roles), key=lambda r: (r["date"] or "9999", r["doc"]))
    return {**_entity_summary(row), "aliases": list(aliases), "roles": timeline,
            "documents_list": [{**_doc_summary(d), "mentions": d.n} for d in docs],
            "co_occurring": co,
            "quotes": [{"id": q.id, "text": q.text, "doc": q.doc_id, "title": q.title, "outlet": q.outlet,
                        "published": q.published, "start": q.start, "end": q.end} for q in said],
            "events": [{"id": e.id, "type": e.type, "date": e.date, "status": e.status,
                        "location": e.location, "location_name": names.get(e.location),
                        "corroboration": e.corroboration} for e in involved]}
