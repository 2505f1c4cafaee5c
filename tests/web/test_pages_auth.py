"""Signing in and out through pages: CSRF on every form, rate-limited attempts, the session
cookie (signed, HttpOnly), the API used with a session (CSRF header), and the language."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web.conftest import csrf_of, sign_in
from tests.web.web_registry import PASSWORD

from intersector.store import Store
from intersector.web.sessions import COOKIE


def test_pages_need_sign_in(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login?next=/"


def test_sign_in_sets_a_signed_httponly_cookie(client: TestClient) -> None:
    sign_in(client, "rita")
    assert client.cookies.get(COOKIE)
    page = client.get("/")
    assert page.status_code == 200 and "rita" in page.text
    login = client.post(
        "/login",
        data={"username": "rita", "password": PASSWORD, "csrf": csrf_of(client)},
        follow_redirects=False,
    )
    assert "httponly" in login.headers["set-cookie"].lower()
    assert "samesite=lax" in login.headers["set-cookie"].lower()


def test_forged_cookie_is_ignored(client: TestClient) -> None:
    client.cookies.set(COOKIE, "eyJ1IjoiYWRhbSIsImMiOiJ4In0.forged.signature")
    assert client.get("/", follow_redirects=False).status_code == 303


def test_login_without_csrf_is_refused(client: TestClient) -> None:
    client.get("/login")
    response = client.post("/login", data={"username": "rita", "password": PASSWORD, "csrf": "x"})
    assert response.status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 303


def test_wrong_password_then_rate_limit(client: TestClient) -> None:
    for _ in range(5):
        wrong = client.post(
            "/login",
            data={"username": "rita", "password": "wrong password!", "csrf": csrf_of(client)},
        )
        assert wrong.status_code == 401 and "wrong password" in wrong.text
    limited = client.post(
        "/login", data={"username": "rita", "password": PASSWORD, "csrf": csrf_of(client)}
    )
    assert limited.status_code == 429 and "try again" in limited.text


def test_unknown_user_looks_like_a_wrong_password(client: TestClient) -> None:
    response = client.post(
        "/login", data={"username": "nobody", "password": PASSWORD, "csrf": csrf_of(client)}
    )
    assert response.status_code == 401 and "Unknown user name or wrong password" in response.text


def test_logout_needs_csrf_and_ends_the_session(client: TestClient) -> None:
    csrf = sign_in(client, "rita")
    assert client.post("/logout", data={"csrf": "nope"}).status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 200
    client.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert client.get("/", follow_redirects=False).status_code == 303


def test_open_redirects_are_refused(client: TestClient) -> None:
    client.get("/login")
    response = client.post(
        "/login",
        data={
            "username": "rita",
            "password": PASSWORD,
            "csrf": csrf_of(client),
            "next": "//evil.example",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_api_with_a_session_needs_the_csrf_header(client: TestClient, filled: Store) -> None:
    csrf = sign_in(client, "tom")
    url = "/api/v1/activities/itu-t-q6-13"
    body = client.get(url).json() | {"title": "via the session"}
    refused = client.put(url, json=body, headers={"If-Match": '"1"'})
    assert refused.status_code == 403 and refused.json()["field"] == "csrf"
    done = client.put(url, json=body, headers={"If-Match": '"1"', "X-CSRF-Token": csrf})
    assert done.status_code == 200


def test_language_follows_browser_then_cookie(client: TestClient) -> None:
    french = client.get("/login", headers={"Accept-Language": "fr-CH, fr;q=0.9, en;q=0.8"})
    assert '<html lang="fr">' in french.text and "Connexion" in french.text
    client.get("/lang/en?next=/login")
    english = client.get("/login", headers={"Accept-Language": "fr"})
    assert '<html lang="en">' in english.text


def test_security_headers(client: TestClient) -> None:
    response = client.get("/login")
    assert response.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_secure_cookies_when_configured(filled: Store) -> None:
    from tests.web.conftest import make_app

    with TestClient(make_app(filled, secure_cookies=True), base_url="https://testserver") as tls:
        response = tls.get("/login")
        assert "secure" in response.headers["set-cookie"].lower()


def test_a_bug_is_a_bare_500_problem(filled: Store) -> None:
    from tests.web.conftest import make_app

    app = make_app(filled)

    @app.get("/api/v1/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as quiet:
        response = quiet.get("/api/v1/boom", headers={"Authorization": "Bearer x"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "a bug" not in response.text
