"""Text no database can keep in API request bodies (issue 8): a lone surrogate (`"\\ud800"`
escaped in the JSON) or a NUL character in any string of any body — registry items, users,
tokens, reviews — is a 422 problem naming the field, never a 500, on SQLite and PostgreSQL
alike, and nothing is stored."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.web.test_api_coordination import PAIR
from tests.web.test_api_items import API, PROBLEM, bearer

from intersector.store import Store

ITEM = (
    b'"id": "itu-t-q99-13", "sector": "itu-t", "kind": "question", "identifier": "Q99/13", '
    b'"group": "itu-t-sg13"'
)
BODIES = {  # name → (method, path, who, body with BAD where the bad text goes, field named)
    "item title": ("post", "/activities", "tom", b'{%s, "title": "A BAD"}' % ITEM, "title"),
    "item list": (
        "post",
        "/activities",
        "tom",
        b'{%s, "title": "T", "subjects": ["imt", "BAD"]}' % ITEM,
        "subjects",
    ),
    "nested reason": (
        "post",
        "/activities",
        "tom",
        b'{%s, "title": "T", "dependencies": [{"on": "itu-t-q6-13", "reason": "BAD"}]}' % ITEM,
        "dependencies",
    ),
    "update": (
        "put",
        "/activities/itu-t-q6-13",
        "tom",
        b'{"id": "itu-t-q6-13", "sector": "itu-t", "kind": "question", "identifier": "Q6/13", '
        b'"title": "BAD", "group": "itu-t-sg13"}',
        "title",
    ),
    "token label": ("post", "/tokens", "cora", b'{"label": "BAD", "scopes": ["read"]}', "label"),
    "user name": (
        "post",
        "/users",
        "adam",
        b'{"username": "eve", "password": "a-long-password-1", "role": "reader", "name": "BAD"}',
        "name",
    ),
    "user sectors": (
        "put",
        "/users/tom/role",
        "adam",
        b'{"role": "editor", "sectors": ["itu-t", "BAD"]}',
        "sectors",
    ),
    "review note": (
        "post",
        f"/duplicates/{PAIR}/review",
        "cora",
        b'{"decision": "confirmed", "note": "BAD"}',
        "note",
    ),
}
BAD = {"surrogate": b"x\\ud800y", "low surrogate": b"\\udfff", "NUL": b"x\\u0000y"}


@pytest.mark.parametrize("bad", sorted(BAD))
@pytest.mark.parametrize("name", sorted(BODIES))
def test_unstorable_text_in_a_body_is_a_422(
    client: TestClient, filled: Store, name: str, bad: str
) -> None:
    method, path, who, body, field = BODIES[name]
    scopes = ("read", "write", "admin") if who == "adam" else ("read", "write")
    headers = {**bearer(filled, who, *scopes), "Content-Type": "application/json", "If-Match": "*"}
    tokens_before = len(list(filled.list("token")))
    response = client.request(
        method, f"{API}{path}", content=body.replace(b"BAD", BAD[bad]), headers=headers
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    assert field in response.text
    assert not filled.exists("activity", "itu-t-q99-13") and not filled.exists("user", "eve")
    assert filled.get("activity", "itu-t-q6-13").title != "BAD"
    assert len(list(filled.list("token"))) == tokens_before
