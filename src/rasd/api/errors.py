"""RasdErrors and HTTP errors as small JSON bodies with the right status, mapped at the edge."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from rasd.errors import InputError, RasdError, StoreError
from rasd.query.common import NotFound, QueryError

STATUS = ((NotFound, 404), (QueryError, 400), (InputError, 422), (StoreError, 503), (RasdError, 500))


def error_body(status: int, message: str) -> dict[str, object]:
    """The one error shape of the API."""
    return {"error": message, "status": status}


def status_of(exc: RasdError) -> int:
    """The HTTP status of a RasdError."""
    return next(code for kind, code in STATUS if isinstance(exc, kind))


def install(app: FastAPI) -> None:
    """Register the handlers (the dashboard's HTML errors are installed by rasd.web)."""

    def respond(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
        html = getattr(request.app.state, "html_error", None)
        if html is not None and not request.url.path.startswith(("/api", "/openapi")):
            return html(request, status, message)
        return JSONResponse(error_body(status, message), status_code=status, headers=headers)

    @app.exception_handler(RasdError)
    async def rasd_error(request: Request, exc: RasdError) -> Response:
        return respond(request, status_of(exc), str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        message = f"{where}: {first.get('msg', 'invalid request')}"
        return JSONResponse(error_body(422, message), status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return respond(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))
