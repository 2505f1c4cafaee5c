"""The API documentation pages load their scripts and styles from the application, not a CDN."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def _asset_urls(html: str) -> list[str]:
    return re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html) + re.findall(
        r"""url:\s*['"]([^'"]+)['"]""", html
    )


def test_swagger_ui_uses_local_assets_only(client: TestClient) -> None:
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    urls = _asset_urls(page.text)
    assert any(url.endswith("swagger-ui-bundle.js") for url in urls)
    assert all(url.startswith("/api/v1/") for url in urls), urls
    for url in urls:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert len(asset.content) > 0


def test_redoc_uses_local_assets_only(client: TestClient) -> None:
    page = client.get("/api/v1/redoc")
    assert page.status_code == 200
    urls = _asset_urls(page.text)
    assert any(url.endswith("redoc.standalone.js") for url in urls)
    assert all(url.startswith("/api/v1/") for url in urls), urls
    assert "fonts.googleapis" not in page.text
    assert client.get("/api/v1/docs/assets/redoc.standalone.js").status_code == 200


def test_docs_pages_are_not_in_the_schema(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/docs" not in paths and "/api/v1/redoc" not in paths


def test_docs_pages_keep_every_request_on_the_server(client: TestClient) -> None:
    for path in ("/api/v1/docs", "/api/v1/redoc"):
        policy = client.get(path).headers["content-security-policy"]
        assert "default-src 'self'" in policy and "img-src 'self' data:" in policy
        assert "http" not in policy
