"""The content of a brief on one entity: every line carries its citation (document + sentence)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, desc, func, select

from rasd.query import happenings, records, views
from rasd.query.common import NotFound
from rasd.store import Store
from rasd.store.schema import documents, entities, entity_aliases, mentions, quotes, sentences
from rasd.text.normalize import normalize_key

MAX_ACTORS = 10
MAX_QUOTES = 15


def find_topic(store: Store, topic: str) -> str:
    """The entity id a topic names: an id, else the most-mentioned entity with that name or alias."""
    with store.engine.connect() as conn:
        if conn.execute(select(entities.c.id).where(entities.c.id == topic)).first():
            return topic
        key = normalize_key(topic)
        by_alias = (select(entities.c.id).join(entity_aliases, entity_aliases.c.entity_id == entities.c.id)
                    .where(func.lower(entity_aliases.c.key) == key))
        row = conn.execute(by_alias.order_by(desc(entities.c.mention_count)).limit(1)).first()
        if row is None:
            row = conn.execute(select(entities.c.id).where(entities.c.name == topic)
                               .order_by(desc(entities.c.mention_count)).limit(1)).first()
    if row is None:
        close = records.list_entities(store, q=topic, limit=5)["items"]
        names = ", ".join(f"{e['name']} ({e['id']})" for e in close)
        hint = f"; did you mean: {names}" if close else ""
        raise NotFound(f"no entity named {topic!r} in the store{hint}")
    return row.id


def _citation(conn: Any, doc_id: str, start: int, end: int) -> dict[str, Any]:
    """Title, outlet and date of a document plus the sentence holding [start, end)."""
    doc = conn.execute(select(documents.c.title, documents.c.outlet, documents.c.published, documents.c.body)
                       .where(documents.c.id == doc_id)).first()
    sent = conn.execute(select(sentences.c.start, sentences.c.end).where(
        sentences.c.doc_id == doc_id, sentences.c.start <= start, sentences.c.end >= min(end, start + 1))
        .order_by(desc(sentences.c.start)).limit(1)).first()
    s, e = (sent.start, sent.end) if sent else (start, end)
    return {"doc": doc_id, "title": doc.title, "outlet": doc.outlet, "published": doc.published,
            "start": s, "end": e, "sentence": doc.body[s:e].strip()}


def _shared_sentence(conn: Any, a: str, b: str) -> dict[str, Any] | None:
    """The first sentence that mentions both entities."""
    m1, m2 = mentions.alias("m1"), mentions.alias("m2")
    query = (select(sentences.c.doc_id, sentences.c.start, sentences.c.end).select_from(m1)
             .join(sentences, and_(sentences.c.doc_id == m1.c.doc_id, sentences.c.start <= m1.c.start,
                                   sentences.c.end > m1.c.start))
             .join(m2, and_(m2.c.doc_id == sentences.c.doc_id, m2.c.start >= sentences.c.start,
                            m2.c.start < sentences.c.end))
             .where(m1.c.entity_id == a, m2.c.entity_id == b).order_by(sentences.c.id).limit(1))
    row = conn.execute(query).first()
    return _citation(conn, row.doc_id, row.start, row.end) if row else None


def _first_mention(conn: Any, entity_id: str, doc_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(mentions.c.start, mentions.c.end)
                       .where(mentions.c.entity_id == entity_id, mentions.c.doc_id == doc_id)
                       .order_by(mentions.c.start).limit(1)).first()
    return _citation(conn, doc_id, row.start, row.end) if row else None


def build_brief(store: Store, topic: str) -> dict[str, Any]:
    """Everything the brief shows, each item with its citations."""
    entity_id = find_topic(store, topic)
    entity = records.get_entity(store, entity_id)
    kb = happenings.kb_view(store)
    timeline = views.timeline(kb, entity=entity_id)
    arms = [r for r in views.arms_register(kb) if entity_id in r["supplier_ids"] + r["recipient_ids"]]
    with store.engine.connect() as conn:
        roles = []
        for r in entity["roles"]:
            cite = _first_mention(conn, entity_id, r["doc"])
            if cite:
                roles.append({**r, "cite": cite})
        actors = []
        for co in entity["co_occurring"][:MAX_ACTORS]:
            cite = _shared_sentence(conn, entity_id, co["id"])
            if cite:
                actors.append({**co, "cite": cite})
        said = [{"text": q["text"], "speaker_name": entity["name"],
                 "cite": _citation(conn, q["doc"], q["start"], q["end"])}
                for q in entity["quotes"][:MAX_QUOTES]]
        docs = [d["id"] for d in entity["documents_list"]]
        around = conn.execute(select(quotes, entities.c.name.label("speaker_name"))
                              .outerjoin(entities, entities.c.id == quotes.c.speaker)
                              .where(quotes.c.doc_id.in_(docs), (quotes.c.speaker != entity_id)
                                     | quotes.c.speaker.is_(None))
                              .order_by(quotes.c.id).limit(MAX_QUOTES - len(said))).all()
        said += [{"text": q.text, "speaker_name": q.speaker_name,
                  "cite": _citation(conn, q.doc_id, q.start, q.end)} for q in around]
    dates = sorted(d["published"] for d in entity["documents_list"] if d["published"])
    return {"entity": entity, "generated": datetime.now(UTC).date().isoformat(),
            "period": [dates[0], dates[-1]] if dates else None, "roles": roles, "timeline": timeline,
            "arms": arms, "actors": actors, "quotes": said}
