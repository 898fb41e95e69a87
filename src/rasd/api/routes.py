"""The REST API under /api: thin wrappers over `rasd.query`, so the dashboard shows the same data."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field

from rasd.model import EVENT_TYPES
from rasd.query import happenings, records, views
from rasd.query.common import MAX_LIMIT
from rasd.query.search import search as run_search
from rasd.store import Store

router = APIRouter(prefix="/api")
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]


def get_store(request: Request) -> Store:
    """The app's store."""
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writes need `Authorization: Bearer <token>`; with no token configured they are refused."""
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "writes are disabled: start the server with a token (RASD_API_TOKEN)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


@router.get("/overview", summary="counts, latest documents, most-mentioned entities")
def overview(store: StoreDep) -> dict[str, Any]:
    return records.overview(store)


@router.get("/documents", summary="documents, newest first")
def documents(store: StoreDep, outlet: str | None = None, limit: Limit = 20, offset: Offset = 0) -> dict:
    return records.list_documents(store, outlet=outlet, limit=limit, offset=offset)


@router.get("/documents/{doc_id}", summary="one document with its annotations as spans")
def document(store: StoreDep, doc_id: str) -> dict[str, Any]:
    return records.get_document(store, doc_id)


@router.get("/entities", summary="entities, most mentioned first")
def entities(store: StoreDep, type: str | None = None, q: str | None = None,  # noqa: A002
             limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    return records.list_entities(store, type=type, q=q, limit=limit, offset=offset)


@router.get("/entities/{entity_id}", summary="an entity: aliases, roles over time, documents, quotes, events")
def entity(store: StoreDep, entity_id: str) -> dict[str, Any]:
    return records.get_entity(store, entity_id)


@router.get("/events", summary="events in date order")
def events(store: StoreDep, type: str | None = None, entity: str | None = None,  # noqa: A002
           date_from: str | None = None, date_to: str | None = None,
           limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    if type and type not in EVENT_TYPES:
        raise HTTPException(400, f"unknown event type {type!r}; one of {', '.join(EVENT_TYPES)}")
    return happenings.list_events(store, type=type, entity=entity, date_from=date_from, date_to=date_to,
                                  limit=limit, offset=offset)


@router.get("/events/{event_id}", summary="an event with participants and highlighted evidence")
def event(store: StoreDep, event_id: str) -> dict[str, Any]:
    return happenings.get_event(store, event_id)


@router.get("/quotes", summary="the quote bank")
def quotes(store: StoreDep, speaker: str | None = None, doc: str | None = None,
           limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    return happenings.list_quotes(store, speaker=speaker, doc=doc, limit=limit, offset=offset)


def _paged(rows: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]}


@router.get("/arms", summary="the arms-transfer register (SIPRI layout)")
def arms(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return _paged(views.arms_register(happenings.kb_view(store)), limit, offset)


@router.get("/timeline", summary="events in date order with cited sources")
def timeline(store: StoreDep, type: Annotated[list[str] | None, Query()] = None,  # noqa: A002
             entity: str | None = None, country: str | None = None,
             limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    kb = happenings.kb_view(store)
    rows = views.timeline(kb, types=type, entity=entity, country=country,
                          country_of=happenings.country_map(kb) if country else None)
    return _paged(rows, limit, offset)


@router.get("/search", summary="Arabic full-text search over sentences")
def search(store: StoreDep, q: str = "", entity: str | None = None, event_type: str | None = None,
           date_from: str | None = None, date_to: str | None = None, outlet: str | None = None,
           limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    return run_search(store, q, entity=entity, event_type=event_type, date_from=date_from, date_to=date_to,
                      outlet=outlet, limit=limit, offset=offset)


@router.get("/map", summary="located events with gazetteer coordinates")
def map_points(store: StoreDep, type: str | None = None) -> dict[str, Any]:  # noqa: A002
    points = happenings.map_points(store, type=type)
    return {"total": len(points), "items": points}


@router.get("/graph", summary="the most-mentioned entities and their co-occurrence")
def graph(store: StoreDep, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 40) -> dict[str, Any]:
    return happenings.entity_graph(store, limit=limit)


class Article(BaseModel):
    """An article to ingest: its text (or HTML) and what the sender knows about it."""

    text: str = Field(min_length=1, description="plain text, or HTML when format is html")
    format: str = Field("text", pattern="^(text|html)$")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="EDTF date")
    outlet: str | None = None


@router.post("/documents", status_code=201, dependencies=[Depends(require_token)],
             summary="ingest JSON articles (bearer token)")
def ingest(store: StoreDep, articles: list[Article]) -> dict[str, Any]:
    from rasd.model import Source
    from rasd.pipeline import build_documents
    from rasd.settings import Options
    from rasd.store.ingest import ingest_documents

    if not articles:
        raise HTTPException(400, "send a JSON list of one or more articles")
    options, failures = Options(), []
    sources = [Source(path=None, content=a.text, fmt=a.format, url=a.url, title=a.title,
                      published=a.published, outlet=a.outlet) for a in articles]
    docs = list(build_documents(sources, options, failures))
    result = ingest_documents(store, docs, options)
    return {"added": result.added, "skipped": result.skipped, "ids": [d.id for d in docs],
            "failures": failures + result.failures}
