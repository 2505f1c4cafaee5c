"""The API's documentation pages, Swagger UI and ReDoc, served with their scripts and styles from
the application itself (the `fastapi-offline` package ships them), so that they work on a network
without internet access, as the default pages loading them from a CDN do not."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = Path(str(files("fastapi_offline") / "static"))


def mount_api_docs(app: FastAPI, api: str) -> None:
    """`{api}/docs` (Swagger UI) and `{api}/redoc` (ReDoc) on `{api}/openapi.json`, with their
    assets under `{api}/docs/assets`."""
    assets = f"{api}/docs/assets"
    openapi_url = f"{api}/openapi.json"
    router = APIRouter(include_in_schema=False)

    @router.get(f"{api}/docs", response_class=HTMLResponse)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} API",
            swagger_js_url=f"{assets}/swagger-ui-bundle.js",
            swagger_css_url=f"{assets}/swagger-ui.css",
            swagger_favicon_url=f"{assets}/favicon.png",
        )

    @router.get(f"{api}/redoc", response_class=HTMLResponse)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=openapi_url,
            title=f"{app.title} API",
            redoc_js_url=f"{assets}/redoc.standalone.js",
            redoc_favicon_url=f"{assets}/favicon.png",
            with_google_fonts=False,
        )

    app.include_router(router)
    app.mount(assets, StaticFiles(directory=ASSETS), name="api-docs-assets")
