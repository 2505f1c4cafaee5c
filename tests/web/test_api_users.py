"""Users and tokens through the API: who am I, admins manage users and roles, everyone their own
tokens (secret shown once, hashed at rest, revocable)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web.conftest import csrf_of, sign_in
from tests.web.test_api_items import API, bearer

from intersector.store import Store


def test_me(client: TestClient, filled: Store) -> None:
    me = client.get(f"{API}/me", headers=bearer(filled, "tom", "read")).json()
    assert (me["username"], me["role"], me["sectors"]) == ("tom", "editor", ["itu-t"])
    assert "password_hash" not in me
    assert client.get(f"{API}/me").status_code == 401


def test_admin_adds_a_user_and_changes_a_role(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "adam", "admin")
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
    auth = bearer(filled, "adam", "admin")
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
    admin = client.delete(f"{API}/tokens/{issued['id']}", headers=bearer(filled, "adam", "admin"))
    assert admin.status_code == 204
    missing = client.delete(f"{API}/tokens/nope", headers=bearer(filled, "adam", "admin"))
    assert missing.status_code == 404


def test_a_read_token_manages_no_tokens(client: TestClient, filled: Store) -> None:
    """Issue 8 item 2: a read token minted read+write tokens and revoked its owner's tokens."""
    read = bearer(filled, "tom", "read")
    minted = client.post(f"{API}/tokens", json={"scopes": ["read", "write"]}, headers=read)
    assert minted.status_code == 403 and "read-only" in minted.json()["detail"]
    also_read = client.post(f"{API}/tokens", json={"scopes": ["read"]}, headers=read)
    assert also_read.status_code == 403
    own = client.post(f"{API}/tokens", json={"scopes": ["read"]}, headers=bearer(filled, "tom"))
    revoked = client.delete(f"{API}/tokens/{own.json()['id']}", headers=read)
    assert revoked.status_code == 403
    assert filled.get("token", own.json()["id"]).revoked is False
    assert {t.scopes for t in filled.list("token") if t.username == "tom"} == {
        ("read",),
        ("read", "write"),
    }


def test_a_token_grants_at_most_its_own_scopes(client: TestClient, filled: Store) -> None:
    write = bearer(filled, "adam", "read", "write")
    assert (
        client.post(f"{API}/tokens", json={"scopes": ["admin"]}, headers=write).status_code == 403
    )
    assert client.get(f"{API}/users", headers=write).status_code == 403
    new = {"username": "mallory", "password": "a long enough password", "role": "admin"}
    assert client.post(f"{API}/users", json=new, headers=write).status_code == 403
    again = client.post(f"{API}/tokens", json={"scopes": ["write"]}, headers=write)
    assert again.status_code == 201 and again.json()["scopes"] == ["read", "write"]
    admin = client.post(
        f"{API}/tokens", json={"scopes": ["admin"]}, headers=bearer(filled, "adam", "admin")
    )
    assert admin.status_code == 201 and admin.json()["scopes"] == ["read", "write", "admin"]
    editor = client.post(f"{API}/tokens", json={"scopes": ["admin"]}, headers=bearer(filled, "tom"))
    assert editor.status_code == 403 and editor.json()["field"] == "scopes"


def test_a_session_mints_within_its_role(client: TestClient) -> None:
    csrf = sign_in(client, "tom")
    headers = {"X-CSRF-Token": csrf}
    made = client.post(f"{API}/tokens", json={"scopes": ["write"]}, headers=headers)
    assert made.status_code == 201
    assert (
        client.post(f"{API}/tokens", json={"scopes": ["admin"]}, headers=headers).status_code == 403
    )
    assert client.post(f"{API}/tokens", json={"scopes": ["write"]}).status_code == 403  # no CSRF


def test_the_account_page_refuses_a_read_token(client: TestClient, filled: Store) -> None:
    """A read token with an anonymous session's CSRF token must not mint through the page."""
    form = {"csrf": csrf_of(client), "label": "x", "write": "true"}
    response = client.post("/account/tokens", data=form, headers=bearer(filled, "tom", "read"))
    assert response.status_code == 403
    assert all(t.scopes == ("read",) for t in filled.list("token") if t.username == "tom")


def test_role_change_keeps_each_sector_once(client: TestClient, filled: Store) -> None:
    """Issue 8 item 14: duplicate Sectors were stored as given."""
    auth = bearer(filled, "adam", "admin")
    body = {"role": "editor", "sectors": ["itu-t", "itu-r", "itu-t"], "groups": ["itu-t-sg13"] * 2}
    changed = client.put(f"{API}/users/tom/role", json=body, headers=auth)
    assert changed.status_code == 200 and changed.json()["sectors"] == ["itu-t", "itu-r"]
    assert filled.get("user", "tom").groups == ("itu-t-sg13",)
    bad = client.put(
        f"{API}/users/tom/role", json={"role": "editor", "sectors": ["itu-x"]}, headers=auth
    )
    assert bad.status_code == 422
