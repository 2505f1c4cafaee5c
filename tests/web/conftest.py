"""Web fixtures: the application on the shared `store` fixture (SQLite, then PostgreSQL), filled
with the small registry of `tests/web/registry.py`, and clients signed in as each role."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from tests.web.web_registry import PASSWORD, TODAY, fill

import intersector.store.users  # noqa: F401  (registers the user and token types)
from intersector.settings import Settings
from intersector.store import Store
from intersector.web.app import create_app

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture
def filled(store: Store) -> Store:
    fill(store)
    return store


def make_app(store: Store, **settings: object) -> FastAPI:
    app = create_app(Settings(database_url="unused", secret_key="test-key", **settings), store)  # type: ignore[arg-type]
    app.state.ctx.today = lambda: TODAY
    return app


@pytest.fixture
def app(filled: Store) -> FastAPI:
    return make_app(filled)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def csrf_of(client: TestClient, path: str = "/login") -> str:
    """The CSRF token of the client's session, read from a page's form."""
    found = CSRF.search(client.get(path).text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def sign_in(client: TestClient, username: str) -> str:
    """Sign in through the login form; returns the session's CSRF token."""
    response = client.post(
        "/login",
        data={"username": username, "password": PASSWORD, "csrf": csrf_of(client), "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return csrf_of(client, "/account")
