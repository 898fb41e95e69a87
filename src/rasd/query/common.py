"""What every store query shares: pagination, not-found errors, span segments for rendering."""

from __future__ import annotations

from typing import Any

from rasd.errors import RasdError

MAX_LIMIT = 200


class NotFound(RasdError):
    """A record that is not in the store; the API answers 404."""


class QueryError(RasdError):
    """A query the layer cannot answer as asked (bad filter, empty query); the API answers 400."""


def clamp(limit: int, offset: int) -> tuple[int, int]:
    """Limit in 1..MAX_LIMIT, offset >= 0."""
    return max(1, min(int(limit), MAX_LIMIT)), max(0, int(offset))


def page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    """A page of results with what a client needs to fetch the next one."""
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def segments(text: str, spans: list[dict[str, Any]], base: int = 0) -> list[dict[str, Any]]:
    """Cut `text` at every span boundary; each piece lists the spans covering it.

    Spans are dicts with absolute `start`/`end` (minus `base` gives positions in
    `text`); overlapping spans (a name inside an evidence sentence) are fine, and
    the template wraps each piece in its own marks, so the HTML always nests.
    """
    cuts = {0, len(text)}
    for span in spans:
        for key in ("start", "end"):
            cuts.add(max(0, min(len(text), span[key] - base)))
    points = sorted(cuts)
    pieces = []
    for start, end in zip(points, points[1:], strict=False):
        covering = [s for s in spans if s["start"] - base <= start and s["end"] - base >= end]
        pieces.append({"text": text[start:end], "start": start + base, "spans": covering})
    return pieces


def names_of(conn: Any, ids: set[str | None] | list[str | None]) -> dict[str, str]:
    """Names of just the entities asked for (never the whole table)."""
    from sqlalchemy import select

    from rasd.store.schema import entities

    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    return dict(conn.execute(select(entities.c.id, entities.c.name).where(entities.c.id.in_(wanted))).all())
