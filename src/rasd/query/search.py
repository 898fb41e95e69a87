"""Arabic full-text search over the stored sentences, with filters and highlighted hits.

Queries are normalised like the index (see `rasd.query.terms`); every query
word must match (any of its forms). A query that is an alias of a KB entity
(`سيرجي لافروف`) also matches the sentences mentioning that entity under any
other alias (`لافروف`). Hits come back as the sentence with highlight spans
mapped to the original text, and as fragments ready to render.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select, text

from rasd.query.common import QueryError, clamp
from rasd.query.terms import highlight_spans, query_terms
from rasd.store import Store
from rasd.store.schema import documents, entity_aliases, events, evidence, mentions, sentences
from rasd.text.normalize import normalize_key

__all__ = ["QueryError", "search"]


def _clean(term: str) -> str:
    """A term safe inside FTS5 double quotes and a tsquery quoted lexeme."""
    return term.replace('"', "").replace("'", "").replace("\\", "")


def _fts_condition(store: Store, terms: list[list[str]]):  # noqa: ANN202 - a SQL expression
    """`sentences.id` matches every query word (any of its forms)."""
    if store.dialect == "sqlite":
        match = " AND ".join("(" + " OR ".join(f'"{_clean(f)}"' for f in forms) + ")" for forms in terms)
        ids = text("SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH :match").bindparams(match=match)
        return sentences.c.id.in_(ids.columns(rowid=sentences.c.id.type))
    tsquery = " & ".join("(" + " | ".join(f"'{_clean(f)}'" for f in forms) + ")" for forms in terms)
    return func.to_tsvector(text("'simple'"), sentences.c.terms).op("@@")(
        func.to_tsquery(text("'simple'"), tsquery))


def alias_entities(store: Store, query: str) -> list[str]:
    """Ids of the entities one of whose aliases is exactly the query (normalised)."""
    key = normalize_key(query)
    if not key:
        return []
    with store.engine.connect() as conn:
        rows = conn.execute(select(entity_aliases.c.entity_id).where(entity_aliases.c.key == key).distinct())
        return [r.entity_id for r in rows]


def _mentions_in_sentence(entity_ids: list[str]):  # noqa: ANN202 - a SQL expression
    return exists().where(and_(mentions.c.doc_id == sentences.c.doc_id, mentions.c.start >= sentences.c.start,
                               mentions.c.start < sentences.c.end, mentions.c.entity_id.in_(entity_ids)))


def _filtered(query: Select, entity: str | None, event_type: str | None, date_from: str | None,
              date_to: str | None, outlet: str | None) -> Select:
    if entity:
        query = query.where(_mentions_in_sentence([entity]))
    if event_type:
        query = query.where(exists().where(and_(
            evidence.c.doc_id == sentences.c.doc_id, evidence.c.event_id == events.c.id,
            events.c.type == event_type)))
    if date_from:
        query = query.where(documents.c.published >= date_from)
    if date_to:
        query = query.where(documents.c.published <= date_to + "~")  # 2024-07 includes 2024-07-31T...
    if outlet:
        query = query.where(documents.c.outlet == outlet)
    return query


def fragments(text_: str, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """The text cut into `{"text", "hit"}` pieces around the (relative) spans, for safe rendering."""
    pieces, pos = [], 0
    for start, end in sorted(set(spans)):
        if start < pos:
            start = pos
        if start >= end:
            continue
        if start > pos:
            pieces.append({"text": text_[pos:start], "hit": False})
        pieces.append({"text": text_[start:end], "hit": True})
        pos = end
    if pos < len(text_):
        pieces.append({"text": text_[pos:], "hit": False})
    return pieces


def search(store: Store, q: str = "", *, entity: str | None = None, event_type: str | None = None,
           date_from: str | None = None, date_to: str | None = None, outlet: str | None = None,
           limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Sentences matching `q` and the filters, newest ingested first, with highlights and a total."""
    terms = query_terms(q or "")
    if not terms and not entity:
        raise QueryError("give a query (q) or an entity to search for")
    limit, offset = clamp(limit, offset)
    expansion = alias_entities(store, q) if terms else []
    condition = None
    if terms:
        condition = _fts_condition(store, terms)
        if expansion:
            condition = or_(condition, _mentions_in_sentence(expansion))
    base = select(sentences.c.id).join(documents, documents.c.id == sentences.c.doc_id)
    if condition is not None:
        base = base.where(condition)
    base = _filtered(base, entity, event_type, date_from, date_to, outlet)
    sentence_text = func.substr(documents.c.body, sentences.c.start + 1, sentences.c.end - sentences.c.start)
    page = (base.with_only_columns(sentences.c.id, sentences.c.doc_id, sentences.c.start, sentences.c.end,
                                   sentence_text.label("text"), documents.c.title, documents.c.outlet,
                                   documents.c.published)
            .order_by(sentences.c.id.desc()).limit(limit).offset(offset))
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(base.subquery())).scalar()
        rows = conn.execute(page).all()
        marked = set(expansion) | ({entity} if entity else set())
        results = []
        for row in rows:
            spans = highlight_spans(row.text, terms)
            if marked:
                spans += [(m.start - row.start, m.end - row.start) for m in conn.execute(
                    select(mentions.c.start, mentions.c.end).where(
                        mentions.c.doc_id == row.doc_id, mentions.c.start >= row.start,
                        mentions.c.end <= row.end, mentions.c.entity_id.in_(marked)))]
            spans = sorted(set(spans))
            results.append({
                "doc": row.doc_id, "title": row.title, "outlet": row.outlet, "published": row.published,
                "start": row.start, "end": row.end, "text": row.text,
                "highlights": [[s, e] for s, e in spans], "fragments": fragments(row.text, spans)})
    return {"query": q, "terms": terms, "entities": expansion, "total": total, "limit": limit,
            "offset": offset, "results": results}
