"""Sessions that end on the server and sign-in limits kept in the database (issue 8 items 3 and
13), through the pages and the API as the campaign used them, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from tests.web.conftest import csrf_of, make_app, sign_in
from tests.web.test_api_items import API, bearer
from tests.web.web_registry import _HASH as FIXTURE_HASH
from tests.web.web_registry import PASSWORD

from intersector import services
from intersector.auth import passwords
from intersector.auth.errors import AuthenticationError, RateLimitedError
from intersector.store import Store
from intersector.store import sessions as session_store
from intersector.web.sessions import COOKIE, Session

ACTIVITY = f"{API}/activities/itu-t-q6-13"


@pytest.fixture(autouse=True)
def cheap_dummy_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unknown names are checked against a dummy hash of production cost (a third of a second);
    the tests try many: the fixture users' cheap parameters are enough here."""
    monkeypatch.setattr(passwords, "_dummy_hash", lambda: FIXTURE_HASH)


def copy_of(client: TestClient, app: FastAPI, address: str = "testclient") -> TestClient:
    """Another browser (or an attacker) holding a copy of `client`'s session cookie."""
    other = TestClient(app, client=(address, 50000))
    other.cookies.set(COOKIE, client.cookies[COOKIE])
    return other


def can_read(client: TestClient) -> bool:
    return client.get(f"{API}/me").status_code == 200


def can_write(client: TestClient, csrf: str, title: str) -> bool:
    body = client.get(ACTIVITY).json() | {"title": title}
    headers = {"If-Match": "*", "X-CSRF-Token": csrf}
    return client.put(ACTIVITY, json=body, headers=headers).status_code == 200


def test_signing_out_ends_every_copy_of_the_cookie(
    client: TestClient, app: FastAPI, filled: Store
) -> None:
    csrf = sign_in(client, "tom")
    stolen = copy_of(client, app)
    assert can_read(stolen) and can_write(stolen, csrf, "while signed in")
    client.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert stolen.get("/", follow_redirects=False).status_code == 303
    assert not can_read(stolen)
    body = client.get(ACTIVITY, headers=bearer(filled, "tom")).json() | {"title": "after"}
    refused = stolen.put(ACTIVITY, json=body, headers={"If-Match": "*", "X-CSRF-Token": csrf})
    assert refused.status_code == 401
    assert filled.get("activity", "itu-t-q6-13").title == "while signed in"
    assert services.session_count(filled, "tom") == 0


def test_a_cookie_stops_in_every_worker(client: TestClient, filled: Store) -> None:
    """A second application on the same database (another worker process) refuses the cookie
    once the first signed it out: the session lives in the database, not in a process."""
    csrf = sign_in(client, "rita")
    with TestClient(make_app(filled)) as other_worker:
        other_worker.cookies.set(COOKIE, client.cookies[COOKIE])
        assert can_read(other_worker)
        client.post("/logout", data={"csrf": csrf}, follow_redirects=False)
        other_worker.app.state.ctx.credentials.clear()  # its 2-second cache, run out
        assert not can_read(other_worker)


def test_password_change_ends_the_users_sessions(
    client: TestClient, app: FastAPI, filled: Store
) -> None:
    sign_in(client, "rita")
    assert can_read(client)
    services.set_password(filled, "rita", "another long password", author="adam")
    app.state.ctx.credentials.clear()  # the CLI is another process: its change shows in ≤ 2 s
    assert not can_read(client)


def test_role_change_ends_the_users_sessions(
    client: TestClient, app: FastAPI, filled: Store
) -> None:
    csrf = sign_in(client, "tom")
    with TestClient(app) as admin:
        auth = bearer(filled, "adam", "admin")
        changed = admin.put(f"{API}/users/tom/role", json={"role": "reader"}, headers=auth)
        assert changed.status_code == 200
    assert not can_read(client) and not can_write(client, csrf, "as a reader")


def test_an_admin_revokes_a_users_sessions(client: TestClient, app: FastAPI, filled: Store) -> None:
    sign_in(client, "rita")
    with TestClient(app) as admin:
        url = f"{API}/users/rita/sessions"
        for weak in (bearer(filled, "cora"), bearer(filled, "adam", "write")):
            assert admin.delete(url, headers=weak).status_code == 403
        assert can_read(client)
        done = admin.delete(url, headers=bearer(filled, "adam", "admin"))
        assert done.status_code == 200 and done.json() == {"username": "rita", "ended": 1}
        missing = admin.delete(
            f"{API}/users/nobody/sessions", headers=bearer(filled, "adam", "admin")
        )
        assert missing.status_code == 404
    assert not can_read(client)


def test_expired_sessions_are_refused_and_purged(filled: Store) -> None:
    start = datetime.now(UTC)
    old = services.sign_in(filled, "rita", PASSWORD, "10.0.0.1", now=start - timedelta(hours=13))
    assert services.principal_for_session(filled, "rita", old.session_id).user is None
    new = services.sign_in(filled, "rita", PASSWORD, "10.0.0.1", now=start)
    assert services.principal_for_session(filled, "rita", new.session_id).name == "rita"
    assert services.session_count(filled, "rita") == 1  # the expired row is gone


def test_a_cookie_from_before_sessions_is_anonymous(
    client: TestClient, app: FastAPI, filled: Store
) -> None:
    """Cookies signed before migration 0004 carry no session id: they must sign in again."""
    client.cookies.set(COOKIE, app.state.ctx.sessions.dump(Session("adam", "csrf-token")))
    assert not can_read(client)


# --- sign-in limits --------------------------------------------------------------------------


@pytest.fixture
def attacker(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, client=("203.0.113.7", 50000)) as from_one_address:
        yield from_one_address


def attempt(client: TestClient, username: str, password: str) -> int:
    form = {"username": username, "password": password, "csrf": csrf_of(client), "next": "/"}
    return client.post("/login", data=form, follow_redirects=False).status_code


def test_an_attacker_cannot_lock_the_admin_out(attacker: TestClient, client: TestClient) -> None:
    assert [attempt(attacker, "adam", "wrong password!") for _ in range(5)] == [401] * 5
    refused = attacker.post(
        "/login",
        data={"username": "adam", "password": PASSWORD, "csrf": csrf_of(attacker)},
    )
    assert refused.status_code == 429 and "try again" in refused.text
    assert 25 <= int(refused.headers["retry-after"]) <= 30
    assert attempt(client, "adam", PASSWORD) == 303  # the admin, from another address


def test_the_wait_doubles_with_each_failure(filled: Store) -> None:
    now = datetime.now(UTC)
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            services.sign_in(filled, "adam", "wrong password!", "203.0.113.7", now=now)
    waits = []
    for _ in range(3):
        now += timedelta(seconds=3600)
        with pytest.raises(AuthenticationError):
            services.sign_in(filled, "adam", "wrong password!", "203.0.113.7", now=now)
        with pytest.raises(RateLimitedError) as refused:
            services.sign_in(filled, "adam", PASSWORD, "203.0.113.7", now=now)
        waits.append(refused.value.retry_after)
    assert waits == [60, 120, 240]


def test_the_limits_are_shared_by_every_worker(attacker: TestClient, filled: Store) -> None:
    for _ in range(5):
        attempt(attacker, "rita", "wrong password!")
    with TestClient(make_app(filled), client=("203.0.113.7", 1)) as other_worker:
        assert attempt(other_worker, "rita", PASSWORD) == 429


def test_an_address_trying_many_accounts_is_slowed(filled: Store) -> None:
    now = datetime.now(UTC)
    for n in range(50):
        with pytest.raises(AuthenticationError):
            services.sign_in(filled, f"user{n}", "wrong password!", "198.51.100.9", now=now)
    with pytest.raises(RateLimitedError):
        services.sign_in(filled, "rita", PASSWORD, "198.51.100.9", now=now)
    assert services.sign_in(filled, "rita", PASSWORD, "198.51.100.10", now=now).user.id == "rita"


def test_the_limit_table_stays_bounded(filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_store, "MAX_LIMIT_ROWS", 8)
    now = datetime.now(UTC)
    for n in range(30):
        with pytest.raises(AuthenticationError):
            services.sign_in(filled, f"name-{n}", "wrong password!", f"10.1.0.{n}", now=now)
    assert session_store.count_limit_rows(filled) <= 8
    later = now + timedelta(days=2)
    with pytest.raises(AuthenticationError):
        services.sign_in(filled, "someone", "wrong password!", "10.2.0.1", now=later)
    assert session_store.count_limit_rows(filled) == 2  # everything forgotten was purged
