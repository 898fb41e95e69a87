"""The dashboard: server-rendered, right-to-left pages built from the same query functions as the API."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

HERE = Path(__file__).parent


def install(app: FastAPI) -> None:
    """Mount the static files and the page routes, and render errors of pages as HTML."""
    from rasd.web import pages

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(pages.router)
    app.state.html_error = pages.error_page
