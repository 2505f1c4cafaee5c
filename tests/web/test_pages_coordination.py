"""Coordination pages: dashboard, roadmap with its Gantt chart, liaison thread, subject matrix,
duplicates and their review, my tokens; each page shows the data of its API twin."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.web.conftest import csrf_of, sign_in

from intersector.store import Store

PAIR = "itu-r-rec-m.2150~itu-t-rec-y.3101"


def test_dashboard_shows_what_needs_attention(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/").text
    api = client.get("/api/v1/dashboard").json()
    assert 'href="/liaisons/sg2-ls-emergency"' in page
    for finding in api["findings"]:
        assert finding["explanation"].replace("'", "&#39;") in page
    assert "itu-t-rec-y.3101" in page


def test_dashboard_in_french(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/", headers={"Accept-Language": "fr"}).text
    assert "Ce qui demande attention" in page and "Dépendance tardive" in page


def test_roadmap_page(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/roadmaps/imt").text
    assert "<svg" in page and 'role="img"' in page
    assert re.findall(r'class="lane lane-([a-z-]+)"', page) == [
        "itu-r",
        "itu-t",
        "itu-d",
    ]
    assert "Y.3101" in page
    assert client.get("/roadmaps/quantum").status_code == 404
    assert 'href="/roadmaps/imt"' in client.get("/roadmaps").text


def test_liaison_page_with_its_thread(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/liaisons/wp5d-ls-imt-2020").text
    assert page.index("WP5D-LS-1") < page.index("SG13-LS-2")
    assert 'class="current"' in page


def test_subject_matrix_page(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/subjects").text
    assert 'class="common"' in page and "itu-t-sg13" in page


def test_review_from_the_page(client: TestClient, filled: Store) -> None:
    csrf = sign_in(client, "cora")
    assert 'action="/duplicates/' in client.get("/duplicates").text
    response = client.post(
        f"/duplicates/{PAIR}/review",
        data={"decision": "confirmed", "note": "same", "csrf": csrf},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert "confirmed" in client.get("/duplicates").text
    assert filled.get("overlap-review", PAIR).reviewer == "cora"


def test_editor_has_no_review_form_and_is_refused(client: TestClient) -> None:
    csrf = sign_in(client, "tom")
    assert 'action="/duplicates/' not in client.get("/duplicates").text
    refused = client.post(
        f"/duplicates/{PAIR}/review", data={"decision": "confirmed", "csrf": csrf}
    )
    assert refused.status_code == 403


def test_account_tokens(client: TestClient, filled: Store) -> None:
    csrf = sign_in(client, "tom")
    created = client.post("/account/tokens", data={"label": "my script", "csrf": csrf})
    plain = re.search(r'<code class="secret">(isk_[^<]+)</code>', created.text)
    assert plain
    key = plain.group(1).split("_")[1]
    assert (
        client.get("/api/v1/me", headers={"Authorization": f"Bearer {plain.group(1)}"}).status_code
        == 200
    )
    client.post(f"/account/tokens/{key}/revoke", data={"csrf": csrf_of(client, "/account")})
    assert filled.get("token", key).revoked


def test_account_needs_sign_in(client: TestClient) -> None:
    assert client.get("/account", follow_redirects=False).status_code == 303


def test_admin_changes_a_role_from_the_page(client: TestClient, filled: Store) -> None:
    csrf = sign_in(client, "adam")
    page = client.get("/admin/users")
    assert page.status_code == 200 and 'action="/admin/users/tom/role"' in page.text
    response = client.post(
        "/admin/users/tom/role",
        data={"role": "editor", "sectors": "itu-t, itu-d", "csrf": csrf},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert filled.get("user", "tom").sectors == ("itu-t", "itu-d")
    assert filled.history("user", "tom")[-1].author == "adam"


def test_only_admins_see_the_users_page(client: TestClient) -> None:
    csrf = sign_in(client, "cora")
    assert client.get("/admin/users").status_code == 403
    refused = client.post("/admin/users/tom/role", data={"role": "admin", "csrf": csrf})
    assert refused.status_code == 403
