"""The FastAPI app: the REST API (/api, schema at /openapi.json) and the dashboard (/), one store."""

from __future__ import annotations

from fastapi import FastAPI

from rasd.store import Store


def create_app(store: Store, token: str | None = None, dashboard: bool = True) -> FastAPI:
    """An app serving `store`; writes need `token` (refused when None)."""
    from rasd.api import errors, routes

    app = FastAPI(title="rasd", version="1", summary="Arabic news knowledge base: documents, entities, "
                  "events, quotes, arms register, timeline, search", docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.token = token
    errors.install(app)
    app.include_router(routes.router)
    if dashboard:
        from rasd.web import install

        install(app)
    return app
