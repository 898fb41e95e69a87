"""Store queries for events, quotes, the map and the relation graph, and the KB view for `views.py`."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import and_, desc, func, or_, select

from rasd.query.common import NotFound, clamp, names_of, page, segments
from rasd.store import Store
from rasd.store.schema import (
    documents,
    entities,
    entity_aliases,
    event_participants,
    events,
    evidence,
    mentions,
    quotes,
    sentences,
)

CONTEXT = 240  # characters of the article shown around an evidence sentence


def _event_summary(row: Any, names: dict[str, str]) -> dict[str, Any]:
    return {"id": row.id, "type": row.type, "date": row.date, "status": row.status, "location": row.location,
            "location_name": names.get(row.location), "corroboration": row.corroboration}


def list_events(store: Store, *, type: str | None = None, entity: str | None = None,  # noqa: A002
                date_from: str | None = None, date_to: str | None = None,
                limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Events in date order (undated last), filtered by type, participating entity and date range."""
    limit, offset = clamp(limit, offset)
    query = select(events)
    if type:
        query = query.where(events.c.type == type)
    if entity:
        query = query.where(or_(events.c.location == entity, events.c.id.in_(
            select(event_participants.c.event_id).where(event_participants.c.entity_id == entity))))
    if date_from:
        query = query.where(events.c.date >= date_from)
    if date_to:
        query = query.where(events.c.date <= date_to + "~")
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(query.subquery())).scalar()
        rows = conn.execute(query.order_by(events.c.date.nulls_last(), events.c.ord)
                            .limit(limit).offset(offset)).all()
        parts = _participants(conn, [r.id for r in rows])
        names = names_of(conn, [r.location for r in rows])
    return page([{**_event_summary(r, names), "participants": parts.get(r.id, [])} for r in rows],
                total, limit, offset)


def _participants(conn: Any, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    query = (select(event_participants, entities.c.name)
             .outerjoin(entities, entities.c.id == event_participants.c.entity_id)
             .where(event_participants.c.event_id.in_(event_ids))
             .order_by(event_participants.c.event_id, event_participants.c.ord))
    for p in conn.execute(query):
        found.setdefault(p.event_id, []).append({
            "role": p.role, "entity": p.entity_id, "name": p.name, "text": p.text,
            "quantity": p.quantity, "unit": p.unit, "approximate": bool(p.approximate)})
    return found


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """An event with named participants and every evidence sentence highlighted in its article's context."""
    with store.engine.connect() as conn:
        row = conn.execute(select(events).where(events.c.id == event_id)).first()
        if row is None:
            raise NotFound(f"no event {event_id!r}")
        names = names_of(conn, [row.location])
        shown = []
        query = (select(evidence, documents.c.title, documents.c.outlet, documents.c.published,
                        documents.c.body).join(documents, documents.c.id == evidence.c.doc_id)
                 .where(evidence.c.event_id == event_id).order_by(evidence.c.ord))
        for x in conn.execute(query):
            start, end = max(0, x.start - CONTEXT), min(len(x.body), x.end + CONTEXT)
            spans = [{"kind": "evidence", "start": x.start, "end": x.end}]
            inside = select(mentions.c.start, mentions.c.end, mentions.c.entity_id).where(
                mentions.c.doc_id == x.doc_id, mentions.c.start >= x.start, mentions.c.end <= x.end)
            spans += [{"kind": "mention", "start": m.start, "end": m.end, "entity": m.entity_id}
                      for m in conn.execute(inside)]
            shown.append({"doc": x.doc_id, "title": x.title, "outlet": x.outlet, "published": x.published,
                          "start": x.start, "end": x.end, "text": x.text,
                          "context": segments(x.body[start:end], spans, base=start),
                          "context_cut": [start > 0, end < len(x.body)]})
        parts = _participants(conn, [event_id]).get(event_id, [])
    outlets = {x["outlet"] or x["doc"] for x in shown}
    return {**_event_summary(row, names), "participants": parts, "evidence": shown,
            "documents": len({x["doc"] for x in shown}), "outlets": len(outlets)}


def list_quotes(store: Store, *, speaker: str | None = None, doc: str | None = None,
                limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Quotes with their speaker and source, newest documents first."""
    limit, offset = clamp(limit, offset)
    query = (select(quotes, entities.c.name.label("speaker_name"), documents.c.title, documents.c.outlet,
                    documents.c.published).join(documents, documents.c.id == quotes.c.doc_id)
             .outerjoin(entities, entities.c.id == quotes.c.speaker))
    if speaker:
        query = query.where(quotes.c.speaker == speaker)
    if doc:
        query = query.where(quotes.c.doc_id == doc)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(query.subquery())).scalar()
        rows = conn.execute(query.order_by(desc(documents.c.published).nulls_last(), quotes.c.id)
                            .limit(limit).offset(offset)).all()
    return page([{"id": r.id, "text": r.text, "speaker": r.speaker, "speaker_name": r.speaker_name,
                  "cue": r.cue, "doc": r.doc_id, "title": r.title, "outlet": r.outlet,
                  "published": r.published, "start": r.start, "end": r.end} for r in rows],
                total, limit, offset)


def kb_view(store: Store) -> dict[str, Any]:
    """A rasd-kb/1 dict without bodies or mentions (documents: those events cite), for `views.py`."""
    from rasd.store.read import load_events

    with store.engine.connect() as conn:
        cited = select(evidence.c.doc_id).distinct()  # only documents an event cites are needed
        docs = [{"id": r.id, "title": r.title, "outlet": r.outlet, "published": r.published}
                for r in conn.execute(select(documents.c.id, documents.c.title, documents.c.outlet,
                                             documents.c.published).where(documents.c.id.in_(cited))
                                      .order_by(documents.c.seq))]
        aliases: dict[str, list[str]] = {}
        ordered = select(entity_aliases).order_by(entity_aliases.c.entity_id, entity_aliases.c.ord)
        for a in conn.execute(ordered):
            aliases.setdefault(a.entity_id, []).append(a.alias)
        ents = [{"id": e.id, "type": e.type, "name": e.name, "name_en": e.name_en,
                 "aliases": aliases.get(e.id, []), "roles": [], "mentions": []}
                for e in conn.execute(select(entities).order_by(entities.c.ord))]
        evs = [{"id": ev.id, "type": ev.type, "date": ev.date, "location": ev.location, "status": ev.status,
                "corroboration": ev.corroboration,
                "participants": [p.__dict__.copy() for p in ev.participants],
                "evidence": [x.__dict__.copy() for x in ev.evidence]} for ev in load_events(conn)]
    return {"schema": "rasd-kb/1", "documents": docs, "entities": ents, "quotes": [], "events": evs}


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    from rasd.ner.gazetteer import load_gazetteer

    return load_gazetteer()


def coordinates(name: str, aliases: list[str]) -> tuple[float, float] | None:
    """Latitude and longitude of a place from the gazetteer, by its name or any alias."""
    try:
        gazetteer = _gazetteer()
    except Exception:  # noqa: BLE001 - a map without points beats a failing page
        return None
    for form in [name, *aliases]:
        for entry in gazetteer.lookup(form):
            if entry.lat is not None and entry.lon is not None:
                return entry.lat, entry.lon
    return None


def country_map(kb: dict[str, Any]) -> dict[str, str]:
    """Place entity id -> country entity id, from the gazetteer entries the places are (by id or name)."""
    try:
        gazetteer = _gazetteer()
    except Exception:  # noqa: BLE001 - the timeline still filters by the country itself
        return {}
    found = {}
    for e in kb.get("entities", []):
        if e["type"] not in ("GPE", "LOC", "FAC"):
            continue
        entry = gazetteer.get(e["id"]) or next(iter(gazetteer.lookup(e["name"])), None)
        if entry is not None and entry.country:
            found[e["id"]] = entry.country
    return found


def map_points(store: Store, *, type: str | None = None) -> list[dict[str, Any]]:  # noqa: A002
    """One point per located event whose place the gazetteer can place."""
    view = kb_view(store)
    places = {e["id"]: e for e in view["entities"]}
    points = []
    for ev in view["events"]:
        place = places.get(ev.get("location") or "")
        if place is None or (type and ev["type"] != type):
            continue
        where = coordinates(place["name"], place["aliases"])
        if where:
            points.append({"event": ev["id"], "type": ev["type"], "date": ev["date"], "location": place["id"],
                           "name": place["name"], "lat": where[0], "lon": where[1]})
    return points


def entity_graph(store: Store, *, limit: int = 40) -> dict[str, Any]:
    """The most-mentioned entities and how many sentences each pair shares."""
    with store.engine.connect() as conn:
        top = conn.execute(select(entities.c.id, entities.c.name, entities.c.type, entities.c.mention_count)
                           .order_by(desc(entities.c.mention_count), entities.c.ord).limit(limit)).all()
        ids = [r.id for r in top]
        m1, m2 = mentions.alias("m1"), mentions.alias("m2")
        weight = func.count(func.distinct(sentences.c.id)).label("weight")
        query = (select(m1.c.entity_id.label("a"), m2.c.entity_id.label("b"), weight).select_from(m1)
                 .join(sentences, and_(sentences.c.doc_id == m1.c.doc_id, sentences.c.start <= m1.c.start,
                                       sentences.c.end > m1.c.start))
                 .join(m2, and_(m2.c.doc_id == sentences.c.doc_id, m2.c.start >= sentences.c.start,
                                m2.c.start < sentences.c.end))
                 .where(m1.c.entity_id.in_(ids), m2.c.entity_id.in_(ids), m1.c.entity_id < m2.c.entity_id)
                 .group_by(m1.c.entity_id, m2.c.entity_id))
        edges = [{"source": r.a, "target": r.b, "weight": r.weight} for r in conn.execute(query)]
    return {"nodes": [{"id": r.id, "name": r.name, "type": r.type, "mentions": r.mention_count} for r in top],
            "edges": edges}
