"""Arabic full-text search over the stored sentences, with filters and highlighted hits.

Queries are normalised like the index (see `rasd.query.terms`); every query
word must match (any of its forms). A query that is an alias of a KB entity
(`سيرجي لافروف`) also matches the entity's other aliases (`لافروف`), so a
later bare surname is found too. The outlet and year/month date ranges are
index words too (see `document_terms`), so with no other filter the hits come
straight from the full-text index, newest first; other filters join the
documents. Hits come back as the sentence with highlight spans mapped to the
original text, and as fragments ready to render.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, exists, func, select, text

from rasd.query.common import QueryError, clamp
from rasd.query.terms import date_range_tokens, highlight_spans, outlet_token, query_terms
from rasd.store import Store
from rasd.store.schema import documents, entity_aliases, events, evidence, mentions, sentences
from rasd.text.normalize import normalize_key

__all__ = ["QueryError", "search"]

Words = list[list[str]]  # one list of alternative forms per word
COUNT_CAP = 10_000  # filtered searches count hits up to this; `total_exact` says if it was reached


def _clean(term: str) -> str:
    """A term safe inside FTS5 double quotes and a tsquery quoted lexeme."""
    return term.replace('"', "").replace("'", "").replace("\\", "").replace(":", "")


def _match_string(alternatives: list[Words], dialect: str) -> str:
    """Any alternative matches; within one, every word; for a word, any form (FTS5 or tsquery syntax)."""
    if dialect == "sqlite":
        word = lambda forms: "(" + " OR ".join(f'"{_clean(f)}"' for f in forms) + ")"  # noqa: E731
        return " OR ".join("(" + " AND ".join(word(w) for w in alt) + ")" for alt in alternatives)
    word = lambda forms: "(" + " | ".join(f"'{_clean(f)}'" for f in forms) + ")"  # noqa: E731
    return " | ".join("(" + " & ".join(word(w) for w in alt) + ")" for alt in alternatives)


def alias_expansion(store: Store, query: str) -> tuple[list[str], list[Words]]:
    """Entities one of whose aliases is exactly the query, and the words of all their other aliases."""
    key = normalize_key(query)
    if not key:
        return [], []
    with store.engine.connect() as conn:
        ids = conn.execute(select(entity_aliases.c.entity_id).where(entity_aliases.c.key == key)
                           .distinct().limit(20)).scalars().all()
        aliases = conn.execute(select(entity_aliases.c.key).where(entity_aliases.c.entity_id.in_(ids))
                               .distinct()).scalars().all() if ids else []
    alternatives = [query_terms(a) for a in aliases if a != key]
    return list(ids), [alt for alt in alternatives if alt]


def _token_filters(date_from: str | None, date_to: str | None,
                   outlet: str | None) -> tuple[Words, str | None, str | None, str | None]:
    """Filters the index can answer as extra words (outlet; a year/month date range), and those it cannot."""
    words: Words = []
    if outlet:
        words.append([outlet_token(outlet)])
        outlet = None
    if date_from and date_to:
        tokens = date_range_tokens(date_from, date_to)
        if tokens:
            words.append(tokens)
            date_from = date_to = None
    return words, date_from, date_to, outlet


def _filters(entity: str | None, event_type: str | None, date_from: str | None, date_to: str | None,
             outlet: str | None) -> list[Any]:
    conditions = []
    if entity:
        conditions.append(exists().where(and_(
            mentions.c.doc_id == sentences.c.doc_id, mentions.c.start >= sentences.c.start,
            mentions.c.start < sentences.c.end, mentions.c.entity_id == entity)))
    if event_type:
        conditions.append(exists().where(and_(
            evidence.c.doc_id == sentences.c.doc_id, evidence.c.event_id == events.c.id,
            events.c.type == event_type)))
    if date_from:
        conditions.append(documents.c.published >= date_from)
    if date_to:
        conditions.append(documents.c.published <= date_to + "~")  # 2024-07 includes 2024-07-31T...
    if outlet:
        conditions.append(documents.c.outlet == outlet)
    return conditions


def fragments(text_: str, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """The text cut into `{"text", "hit"}` pieces around the (relative) spans, for safe rendering."""
    pieces, pos = [], 0
    for start, end in sorted(set(spans)):
        start = max(start, pos)
        if start >= end:
            continue
        if start > pos:
            pieces.append({"text": text_[pos:start], "hit": False})
        pieces.append({"text": text_[start:end], "hit": True})
        pos = end
    if pos < len(text_):
        pieces.append({"text": text_[pos:], "hit": False})
    return pieces


def _fts_ids(conn: Any, match: str, limit: int, offset: int) -> tuple[int, list[int]]:
    """SQLite without filters: total and one page of sentence ids straight from FTS5, newest first."""
    total = conn.execute(text("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH :m"),
                         {"m": match}).scalar()
    ids = conn.execute(text("SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH :m "
                            "ORDER BY rowid DESC LIMIT :l OFFSET :o"),
                       {"m": match, "l": limit, "o": offset}).scalars().all()
    return total, list(ids)


def search(store: Store, q: str = "", *, entity: str | None = None, event_type: str | None = None,
           date_from: str | None = None, date_to: str | None = None, outlet: str | None = None,
           limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Sentences matching `q` and the filters, newest ingested first, with highlights and a total."""
    words = query_terms(q or "")
    if not words and not entity:
        raise QueryError("give a query (q) or an entity to search for")
    limit, offset = clamp(limit, offset)
    expanded, extra = alias_expansion(store, q) if words else ([], [])
    alternatives = [words, *extra] if words else []
    if alternatives:  # outlet and year/month ranges become index words ANDed to every alternative
        filter_words, date_from, date_to, outlet = _token_filters(date_from, date_to, outlet)
        alternatives_filtered = [alt + filter_words for alt in alternatives]
    else:
        alternatives_filtered = []
    match = _match_string(alternatives_filtered, store.dialect) if alternatives_filtered else None
    conditions = _filters(entity, event_type, date_from, date_to, outlet)
    sentence_text = func.substr(documents.c.body, sentences.c.start + 1, sentences.c.end - sentences.c.start)
    columns = (sentences.c.id, sentences.c.doc_id, sentences.c.start, sentences.c.end,
               sentence_text.label("text"), documents.c.title, documents.c.outlet, documents.c.published)
    with store.engine.connect() as conn:
        if match and not conditions and store.dialect == "sqlite":
            total, ids = _fts_ids(conn, match, limit, offset)
            exact = True
            rows = conn.execute(select(*columns).join(documents, documents.c.id == sentences.c.doc_id)
                                .where(sentences.c.id.in_(ids)).order_by(sentences.c.id.desc())).all()
        else:
            base = select(sentences.c.id)
            if date_from or date_to or outlet:  # only these filters read the documents
                base = base.join(documents, documents.c.id == sentences.c.doc_id)
            if match and store.dialect == "sqlite":
                fts = text("SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH :m").bindparams(m=match)
                base = base.where(sentences.c.id.in_(fts.columns(rowid=sentences.c.id.type)))
            elif match:
                base = base.where(func.to_tsvector(text("'simple'"), sentences.c.terms).op("@@")(
                    func.to_tsquery(text("'simple'"), match)))
            base = base.where(*conditions)
            # counting every filtered hit of a common word would cost more than the page: stop at COUNT_CAP
            capped = base.limit(COUNT_CAP + 1).subquery()
            total = conn.execute(select(func.count()).select_from(capped)).scalar()
            exact = total <= COUNT_CAP
            total = min(total, COUNT_CAP)
            page_ids = base.order_by(sentences.c.id.desc()).limit(limit).offset(offset).subquery()
            rows = conn.execute(select(*columns).join(documents, documents.c.id == sentences.c.doc_id)
                                .where(sentences.c.id.in_(select(page_ids.c.id)))
                                .order_by(sentences.c.id.desc())).all()
        marked = [entity] if entity else []
        results = []
        for row in rows:
            spans = highlight_spans(row.text, [f for alt in alternatives for f in alt])
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
    return {"query": q, "terms": words, "entities": expanded, "total": total, "total_exact": exact,
            "limit": limit, "offset": offset, "results": results}
