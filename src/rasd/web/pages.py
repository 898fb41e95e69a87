"""Dashboard pages: each calls one `rasd.query` function (the same as its /api twin) and renders it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from rasd.model import ENTITY_TYPES, EVENT_TYPES
from rasd.query import happenings, records, views
from rasd.query.common import QueryError
from rasd.query.search import search as run_search
from rasd.web import HERE
from rasd.web.drawing import event_map, gazetteer_places, graph_layout

router = APIRouter(include_in_schema=False)
# autoescape everything: article text is untrusted and may hold markup
env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))

EVENT_LABELS = {
    "ARMS_TRANSFER": "نقل أسلحة", "AGREEMENT": "اتفاق", "DEPLOYMENT": "انتشار", "WITHDRAWAL": "انسحاب",
    "TRAINING": "تدريب", "MEETING": "لقاء", "AID": "مساعدات", "MILITARY_OPERATION": "عملية عسكرية",
    "PRODUCTION": "إنتاج", "RECRUITMENT": "تجنيد", "PLEDGE": "تعهد",
}
ENTITY_LABELS = {"PERSON": "شخص", "ORG": "منظمة", "GPE": "دولة/مدينة", "LOC": "مكان", "FAC": "منشأة",
                 "FORCE": "قوة مسلحة", "EQUIPMENT": "عتاد"}
STATUS_LABELS = {"occurred": "وقع", "planned": "مخطط", "reported": "منقول/غير مؤكد"}
env.globals.update(EVENT_LABELS=EVENT_LABELS, ENTITY_LABELS=ENTITY_LABELS, STATUS_LABELS=STATUS_LABELS,
                   EVENT_TYPES=EVENT_TYPES, ENTITY_TYPES=ENTITY_TYPES)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from a template with the request and the API twin's URL."""
    html = env.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    """Errors of dashboard pages as HTML with the right status."""
    return render(request, "error.html", status=status, status_code=status, message=message)


def _store(request: Request) -> Any:
    return request.app.state.store


def _pager(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    """Links to the previous and next pages, keeping the other query parameters."""
    def link(offset: int) -> str:
        return str(request.url.include_query_params(offset=offset, limit=data["limit"]))

    prev = link(max(0, data["offset"] - data["limit"])) if data["offset"] > 0 else None
    nxt = link(data["offset"] + data["limit"]) if data["offset"] + data["limit"] < data["total"] else None
    return {"prev": prev, "next": nxt, "first": data["offset"] + 1 if data["total"] else 0,
            "last": min(data["offset"] + data["limit"], data["total"]), "total": data["total"]}


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    return render(request, "overview.html", data=records.overview(_store(request)), api="/api/overview")


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, outlet: str | None = None, limit: int = Query(30, ge=1, le=200),
              offset: int = Query(0, ge=0)) -> HTMLResponse:
    data = records.list_documents(_store(request), outlet=outlet, limit=limit, offset=offset)
    return render(request, "documents.html", data=data, pager=_pager(request, data), api="/api/documents")


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str) -> HTMLResponse:
    data = records.get_document(_store(request), doc_id)
    return render(request, "document.html", doc=data, api=f"/api/documents/{doc_id}")


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, type: str | None = None, q: str | None = None,  # noqa: A002
             limit: int = Query(50, ge=1, le=200), offset: int = Query(0, ge=0)) -> HTMLResponse:
    data = records.list_entities(_store(request), type=type or None, q=q or None, limit=limit, offset=offset)
    return render(request, "entities.html", data=data, pager=_pager(request, data), type=type, q=q,
                  api="/api/entities")


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str) -> HTMLResponse:
    data = records.get_entity(_store(request), entity_id)
    return render(request, "entity.html", e=data, api=f"/api/entities/{entity_id}")


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str) -> HTMLResponse:
    data = happenings.get_event(_store(request), event_id)
    return render(request, "event.html", ev=data, api=f"/api/events/{event_id}")


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, type: str | None = None, entity: str | None = None,  # noqa: A002
             country: str | None = None, limit: int = Query(100, ge=1, le=500),
             offset: int = Query(0, ge=0)) -> HTMLResponse:
    kb = happenings.kb_view(_store(request))
    rows = views.timeline(kb, types=[type] if type else None, entity=entity or None, country=country or None,
                          country_of=happenings.country_map(kb) if country else None)
    data = {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]}
    return render(request, "timeline.html", rows=data["items"], pager=_pager(request, data), type=type,
                  entity=entity, country=country, api="/api/timeline")


@router.get("/arms", response_class=HTMLResponse)
def arms(request: Request) -> HTMLResponse:
    rows = views.arms_register(happenings.kb_view(_store(request)))
    return render(request, "arms.html", rows=rows, api="/api/arms")


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, speaker: str | None = None, limit: int = Query(30, ge=1, le=200),
           offset: int = Query(0, ge=0)) -> HTMLResponse:
    data = happenings.list_quotes(_store(request), speaker=speaker or None, limit=limit, offset=offset)
    return render(request, "quotes.html", data=data, pager=_pager(request, data), api="/api/quotes")


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "", entity: str | None = None, event_type: str | None = None,
           date_from: str | None = None, date_to: str | None = None, outlet: str | None = None,
           limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0)) -> HTMLResponse:
    form = {"q": q, "entity": entity or "", "event_type": event_type or "", "date_from": date_from or "",
            "date_to": date_to or "", "outlet": outlet or ""}
    data, error = None, None
    if q.strip() or entity:
        try:
            data = run_search(_store(request), q, entity=entity or None, event_type=event_type or None,
                              date_from=date_from or None, date_to=date_to or None, outlet=outlet or None,
                              limit=limit, offset=offset)
        except QueryError as exc:
            error = str(exc)
    pager = _pager(request, data) if data else None
    return render(request, "search.html", data=data, form=form, error=error, pager=pager, api="/api/search")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, type: str | None = None) -> HTMLResponse:  # noqa: A002
    points = happenings.map_points(_store(request), type=type or None)
    drawing = event_map(points, gazetteer_places())
    return render(request, "map.html", drawing=drawing, points=points, type=type, api="/api/map")


@router.get("/graph", response_class=HTMLResponse)
def graph(request: Request, limit: int = Query(40, ge=2, le=150)) -> HTMLResponse:
    drawing = graph_layout(happenings.entity_graph(_store(request), limit=limit))
    return render(request, "graph.html", drawing=drawing, api="/api/graph")
