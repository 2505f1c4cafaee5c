"""The application factory: `create_app(settings)` opens the store and mounts the API, the pages
and the static files, with one handler for user errors."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from intersector import services
from intersector.domain.errors import IntersectorError
from intersector.settings import Settings
from intersector.web import (
    pages,
    pages_coordination,
    pages_liaisons,
    pages_registry,
    pages_reports,
    pages_watches,
)
from intersector.web.api import (
    browse,
    coordination,
    documents,
    items,
    liaisons,
    reports,
    users,
    watches,
)
from intersector.web.api.models import PROBLEM_RESPONSES
from intersector.web.api_docs import mount_api_docs
from intersector.web.context import WebContext, marker_for, secret_key
from intersector.web.deps import known_query
from intersector.web.limits import BodyLimit
from intersector.web.problems import (
    handle_http_error,
    handle_request_validation,
    handle_server_error,
    handle_user_error,
)
from intersector.web.sessions import SessionCodec

STATIC = Path(__file__).parent / "static"
API = "/api/v1"
# Swagger UI starts with an inline script and ReDoc runs a worker from a blob: these pages, which
# show no registry data, get a policy that allows both and still keeps every request on the server
# (ReDoc's footer logo on a CDN is not fetched).
DOCS_PAGES = (f"{API}/docs", f"{API}/redoc")
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        b"frame-ancestors 'none'; form-action 'self'",
    ),
]
DOCS_HEADERS = [
    *SECURITY_HEADERS[:-1],
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self' 'unsafe-inline' blob:; worker-src 'self' blob:; "
        b"img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    ),
]


class SecurityHeaders:
    """Adds the usual protective headers to every response (a plain ASGI middleware: cheap)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = DOCS_HEADERS if scope["path"].startswith(DOCS_PAGES) else SECURITY_HEADERS

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *headers]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(
    settings: Settings, store: Any | None = None, *, secure_cookies: bool = False
) -> FastAPI:
    """The web application on `store` (default: the store of `settings.database_url`)."""
    own_store = store is None
    store = services.open_registry(settings) if store is None else store
    ctx = WebContext(
        settings,
        store,
        SessionCodec(secret_key(settings, store)),
        secure_cookies=secure_cookies or settings.secure_cookies,
    )
    if own_store:  # workers serving one database tell each other of changes made by the web
        ctx.cache.marker = marker_for(settings.database_url)
    app = FastAPI(
        title="intersector",
        summary="Coordination of the three ITU Sectors (WTSA Resolutions 38 and 57)",
        version="0.1.0",
        openapi_url=f"{API}/openapi.json",
        docs_url=None,  # served by web/api_docs.py, with local assets
        redoc_url=None,
    )
    app.state.ctx = ctx
    app.add_exception_handler(IntersectorError, handle_user_error)
    app.add_exception_handler(RequestValidationError, handle_request_validation)
    app.add_exception_handler(HTTPException, handle_http_error)
    app.add_exception_handler(Exception, handle_server_error)
    for router in [
        liaisons.router,
        browse.router,
        *items.routers(),
        documents.router,
        coordination.router,
        reports.router,
        users.router,
        watches.router,
    ]:
        app.include_router(
            router, prefix=API, responses=PROBLEM_RESPONSES, dependencies=[Depends(known_query)]
        )
    for pages_router in (
        pages.router,
        pages_registry.router,
        pages_coordination.router,
        pages_watches.router,
        pages_reports.router,
        pages_liaisons.router,
    ):
        app.include_router(pages_router)
    mount_api_docs(app, API)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def app_from_env() -> FastAPI:
    """The application of the environment's settings (`intersector serve`, uvicorn factory).
    What start-up created is moved out of the garbage collector's sight (`gc.freeze`): full
    collections then stay short, which keeps the slowest requests close to the others."""
    app = create_app(Settings.from_env())
    gc.collect()
    gc.freeze()
    return app
