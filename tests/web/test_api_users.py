"""Users and tokens through the API: who am I, admins manage users and roles, everyone their own
tokens (secret shown once, hashed at rest, revocable)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web.test_api_items import API, bearer

from intersector.store import Store


def test_me(client: TestClient, filled: Store) -> None:
    me = client.get(f"{API}/me", headers=bearer(filled, "tom", "read")).json()
    assert (me["username"], me["role"], me["sectors"]) == ("tom", "editor", ["itu-t"])
    assert "password_hash" not in me
    assert client.get(f"{API}/me").status_code == 401


def test_admin_adds_a_user_and_changes_a_role(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "adam")
    new = {
        "username": "dina",
        "password": "a long enough password",
        "role": "editor",
        "sectors": ["itu-d"],
    }
    created = client.post(f"{API}/users", json=new, headers=auth)
    assert created.status_code == 201, created.text
    assert filled.get("user", "dina").password_hash.startswith("$argon2id$")
    changed = client.put(f"{API}/users/dina/role", json={"role": "coordinator"}, headers=auth)
    assert changed.json()["role"] == "coordinator"
    assert [v.author for v in filled.history("user", "dina")] == ["adam", "adam"]
    names = {u["username"] for u in client.get(f"{API}/users", headers=auth).json()}
    assert {"dina", "tom", "adam"} <= names


def test_user_refusals(client: TestClient, filled: Store) -> None:
    new = {"username": "eve", "password": "a long enough password"}
    assert client.post(f"{API}/users", json=new, headers=bearer(filled, "cora")).status_code == 403
    assert client.get(f"{API}/users", headers=bearer(filled, "tom")).status_code == 403
    auth = bearer(filled, "adam")
    short = client.post(f"{API}/users", json=new | {"password": "short"}, headers=auth)
    assert short.status_code == 422
    taken = client.post(f"{API}/users", json=new | {"username": "tom"}, headers=auth)
    assert taken.status_code == 409
    bad_name = client.post(f"{API}/users", json=new | {"username": "e ve/"}, headers=auth)
    assert bad_name.status_code == 422
    unknown = client.put(f"{API}/users/nobody/role", json={"role": "admin"}, headers=auth)
    assert unknown.status_code == 404
    bad_role = client.put(f"{API}/users/tom/role", json={"role": "king"}, headers=auth)
    assert bad_role.status_code == 422


def test_tokens_issue_use_revoke(client: TestClient, filled: Store) -> None:
    issued = client.post(
        f"{API}/tokens",
        json={"scopes": ["write"], "label": "script"},
        headers=bearer(filled, "tom"),
    )
    assert issued.status_code == 201
    token = issued.json()
    assert token["scopes"] == ["read", "write"] and token["token"].startswith("isk_")
    stored = filled.get("token", token["id"])
    secret = token["token"].split("_", 2)[2]  # the secret itself may contain "_"
    assert secret not in str(stored)  # only a digest is kept
    mine = {"Authorization": f"Bearer {token['token']}"}
    assert client.get(f"{API}/me", headers=mine).json()["username"] == "tom"
    listed = client.get(f"{API}/tokens", headers=mine).json()
    assert all(t["token"] is None for t in listed)
    assert client.delete(f"{API}/tokens/{token['id']}", headers=mine).status_code == 204
    assert client.get(f"{API}/me", headers=mine).status_code == 401
    assert filled.get("token", token["id"]).revoked is True


def test_only_owner_or_admin_revokes(client: TestClient, filled: Store) -> None:
    issued = client.post(
        f"{API}/tokens", json={"scopes": ["read"]}, headers=bearer(filled, "tom")
    ).json()
    other = client.delete(f"{API}/tokens/{issued['id']}", headers=bearer(filled, "rosa"))
    assert other.status_code == 403
    admin = client.delete(f"{API}/tokens/{issued['id']}", headers=bearer(filled, "adam"))
    assert admin.status_code == 204
    missing = client.delete(f"{API}/tokens/nope", headers=bearer(filled, "adam"))
    assert missing.status_code == 404
