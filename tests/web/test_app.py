"""The application as a whole: request bodies capped by the settings (issue 8 item 12: 200 MB
bodies were read into memory), refused with a 413 problem before or while they are read."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import anyio
import httpx
import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import csrf_of, make_app
from tests.web.test_api_items import API, PROBLEM, activity, bearer

from intersector.settings import DEFAULT_MAX_BODY_BYTES, Settings
from intersector.store import Store

LIMIT = 64 * 1024


@pytest.fixture
def small(filled: Store) -> Iterator[TestClient]:
    with TestClient(make_app(filled, max_body_bytes=LIMIT)) as client:
        yield client


def test_a_declared_large_body_is_a_413_problem(small: TestClient, filled: Store) -> None:
    body = activity(id="itu-t-q99-13", title="x" * (2 * LIMIT))
    response = small.post(f"{API}/activities", json=body, headers=bearer(filled, "tom"))
    assert response.status_code == 413 and response.headers["content-type"] == PROBLEM
    assert f"larger than {LIMIT} bytes" in response.json()["detail"]
    assert not filled.exists("activity", "itu-t-q99-13")


def test_a_chunked_body_is_counted_as_it_comes(filled: Store) -> None:
    """No Content-Length: the chunks are counted and reading stops past the limit; the sender is
    not drained (200 MB are never produced, let alone kept). httpx's ASGI transport streams the
    body chunk by chunk, as a server does (the TestClient reads it whole first)."""
    sent: list[int] = []

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"id": "itu-t-q99-13", "title": "'
        for _ in range(200 * 1024):  # 200 MB if all were read
            sent.append(1)
            yield b"x" * 1024

    async def post() -> httpx.Response:
        transport = httpx.ASGITransport(app=make_app(filled, max_body_bytes=LIMIT))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            headers = {**bearer(filled, "tom"), "Content-Type": "application/json"}
            return await client.post(f"{API}/activities", content=chunks(), headers=headers)

    response = anyio.run(post)
    assert "content-length" not in response.request.headers
    assert response.status_code == 413 and response.headers["content-type"] == PROBLEM
    assert len(sent) <= LIMIT // 1024 + 1
    assert not filled.exists("activity", "itu-t-q99-13")


def test_a_large_form_is_refused_too(small: TestClient) -> None:
    form = {"username": "rita", "password": "p" * (2 * LIMIT), "csrf": csrf_of(small)}
    assert small.post("/login", data=form).status_code == 413


def test_bodies_within_the_limit_pass(small: TestClient, filled: Store) -> None:
    body = activity(id="itu-t-q99-13", title="x" * 1000)
    assert (
        small.post(f"{API}/activities", json=body, headers=bearer(filled, "tom")).status_code == 201
    )


def test_the_limit_comes_from_the_settings() -> None:
    assert Settings.from_env({}).max_body_bytes == DEFAULT_MAX_BODY_BYTES == 4 * 1024 * 1024
    assert Settings.from_env({"INTERSECTOR_MAX_BODY_BYTES": "1000"}).max_body_bytes == 1000
    from intersector.domain.errors import IntersectorError

    with pytest.raises(IntersectorError, match="INTERSECTOR_MAX_BODY_BYTES"):
        Settings.from_env({"INTERSECTOR_MAX_BODY_BYTES": "²"})
