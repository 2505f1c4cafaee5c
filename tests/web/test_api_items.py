"""Registry items through the API: list (filters, sort, cursors), read (ETag), create, update
(If-Match: 428 without, 412 when stale), withdraw, history; refusals 401, 403 across Sectors,
404, 409, 422. Every test runs on SQLite and PostgreSQL (the `store` fixture)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from tests.web.web_registry import read_token

from intersector.store import Store

API = "/api/v1"
PROBLEM = "application/problem+json"


def bearer(store: Store, username: str, *scopes: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {read_token(store, username, scopes or ('read', 'write'))}"}


def put_changed(
    client: TestClient, path: str, headers: dict[str, str], /, **changes: Any
) -> Response:
    """PUT the item at `path` back as it reads, with `changes`."""
    body = client.get(f"{API}{path}", headers=headers).json()
    return client.put(f"{API}{path}", json=body | changes, headers=headers)


def activity(**changes: Any) -> dict[str, Any]:
    data = {
        "id": "itu-t-q99-13",
        "sector": "itu-t",
        "kind": "question",
        "identifier": "Q99/13",
        "title": "A new Question",
        "group": "itu-t-sg13",
        "subjects": ["imt"],
    }
    return {**data, **changes}


def test_anonymous_reading_is_refused_by_default(client: TestClient) -> None:
    response = client.get(f"{API}/activities")
    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == 401 and problem["type"].endswith("/unauthenticated")
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_anonymous_reading_when_switched_on(filled: Store) -> None:
    from tests.web.conftest import make_app

    with TestClient(make_app(filled, anonymous_read=True)) as anonymous:
        assert anonymous.get(f"{API}/activities").status_code == 200
        response = anonymous.post(f"{API}/activities", json=activity())
        assert response.status_code == 401


def test_list_filters_and_sorts(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "rita", "read")
    response = client.get(f"{API}/activities", params={"sector": "itu-r"}, headers=auth)
    assert response.status_code == 200
    assert {a["id"] for a in response.json()["items"]} == {"itu-r-rec-m.2083", "itu-r-rec-m.2150"}
    by_target = client.get(
        f"{API}/activities", params={"sort": "target", "order": "desc"}, headers=auth
    ).json()["items"]
    targets = [a["target"] for a in by_target]
    assert targets == sorted(targets, reverse=True)
    words = client.get(f"{API}/activities", params={"q": "imt-2020 network"}, headers=auth)
    assert {a["id"] for a in words.json()["items"]} == {"itu-t-rec-y.3101", "itu-t-q6-13"}
    subject = client.get(
        f"{API}/activities", params={"subject": "emergency-telecommunications"}, headers=auth
    )
    assert [a["id"] for a in subject.json()["items"]] == ["itu-d-q5-2"]


def test_cursors_walk_every_item_once(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "rita", "read")
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, "sort": "identifier", **({"cursor": cursor} if cursor else {})}
        page = client.get(f"{API}/activities", params=params, headers=auth).json()
        seen += [a["id"] for a in page["items"]]
        assert page["total"] == 6
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 6 == len(set(seen))


def test_bad_cursor_and_limit_are_422(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "rita", "read")
    bad = client.get(f"{API}/activities", params={"cursor": "not-a-cursor!"}, headers=auth)
    assert bad.status_code == 422 and bad.headers["content-type"] == PROBLEM
    assert client.get(f"{API}/activities", params={"limit": 0}, headers=auth).status_code == 422
    assert client.get(f"{API}/activities", params={"sort": "nope"}, headers=auth).status_code == 422


def test_read_gives_etag_and_304(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "rita", "read")
    response = client.get(f"{API}/activities/itu-t-rec-y.3101", headers=auth)
    assert response.status_code == 200 and response.headers["etag"] == '"1"'
    assert response.json()["identifier"] == "Y.3101"
    again = client.get(
        f"{API}/activities/itu-t-rec-y.3101", headers={**auth, "If-None-Match": '"1"'}
    )
    assert again.status_code == 304


def test_unknown_item_is_404(client: TestClient, filled: Store) -> None:
    response = client.get(f"{API}/groups/itu-t-sg99", headers=bearer(filled, "rita", "read"))
    assert response.status_code == 404 and response.headers["content-type"] == PROBLEM
    assert "itu-t-sg99" in response.json()["detail"]


def test_editor_creates_in_own_sector(client: TestClient, filled: Store) -> None:
    response = client.post(f"{API}/activities", json=activity(), headers=bearer(filled, "tom"))
    assert response.status_code == 201, response.text
    assert response.headers["etag"] == '"1"'
    assert response.headers["location"] == f"{API}/activities/itu-t-q99-13"
    assert filled.history("activity", "itu-t-q99-13")[0].author == "tom"


def test_editor_cannot_create_in_another_sector(client: TestClient, filled: Store) -> None:
    other = activity(id="itu-r-q99-5", sector="itu-r", group="itu-r-wp5d")
    response = client.post(f"{API}/activities", json=other, headers=bearer(filled, "tom"))
    assert response.status_code == 403 and response.headers["content-type"] == PROBLEM
    assert "itu-r" in response.json()["detail"]
    assert not filled.exists("activity", "itu-r-q99-5")


def test_creating_an_existing_id_is_409(client: TestClient, filled: Store) -> None:
    taken = activity(id="itu-t-rec-y.3101")
    response = client.post(f"{API}/activities", json=taken, headers=bearer(filled, "tom"))
    assert response.status_code == 409


def test_invalid_bodies_are_422(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "tom")
    missing = client.post(f"{API}/activities", json={"id": "x"}, headers=auth)
    assert missing.status_code == 422 and missing.headers["content-type"] == PROBLEM
    assert any(e["field"].endswith("sector") for e in missing.json()["errors"])
    bad_date = client.post(f"{API}/activities", json=activity(target="June"), headers=auth)
    assert bad_date.status_code == 422
    bad_status = client.post(f"{API}/activities", json=activity(status="finished"), headers=auth)
    assert bad_status.status_code == 422
    assert "status" in bad_status.json()["detail"]


def test_update_needs_if_match(client: TestClient, filled: Store) -> None:
    url = f"{API}/activities/itu-t-q6-13"
    body = client.get(url, headers=bearer(filled, "tom")).json() | {"status": "consented"}
    missing = client.put(url, json=body, headers=bearer(filled, "tom"))
    assert missing.status_code == 428 and missing.headers["content-type"] == PROBLEM
    done = client.put(url, json=body, headers={**bearer(filled, "tom"), "If-Match": '"1"'})
    assert done.status_code == 200 and done.headers["etag"] == '"2"'
    assert filled.get("activity", "itu-t-q6-13").status == "consented"
    assert filled.history("activity", "itu-t-q6-13")[-1].author == "tom"


def test_stale_update_is_412(client: TestClient, filled: Store) -> None:
    url = f"{API}/activities/itu-t-q6-13"
    auth = {**bearer(filled, "tom"), "If-Match": '"1"'}
    body = client.get(url, headers=auth).json()
    assert client.put(url, json=body | {"title": "first"}, headers=auth).status_code == 200
    stale = client.put(url, json=body | {"title": "second"}, headers=auth)
    assert stale.status_code == 412 and stale.headers["content-type"] == PROBLEM
    assert "version 2" in stale.json()["detail"]
    assert filled.get("activity", "itu-t-q6-13").title == "first"


def test_editor_cannot_update_another_sectors_item(client: TestClient, filled: Store) -> None:
    auth = {**bearer(filled, "tom"), "If-Match": '"1"'}
    response = put_changed(client, "/activities/itu-r-rec-m.2150", auth, title="taken over")
    assert response.status_code == 403
    assert filled.get("activity", "itu-r-rec-m.2150").title != "taken over"


def test_editor_cannot_move_an_item_to_another_sector(client: TestClient, filled: Store) -> None:
    auth = {**bearer(filled, "tom"), "If-Match": '"1"'}
    assert put_changed(client, "/activities/itu-t-q6-13", auth, sector="itu-r").status_code == 403


def test_editor_roadmaps_and_liaisons_follow_the_sector(client: TestClient, filled: Store) -> None:
    auth = {**bearer(filled, "rosa"), "If-Match": '"1"'}
    assert put_changed(client, "/roadmaps/itu-t-imt", auth, title="x").status_code == 403
    assert put_changed(client, "/roadmaps/itu-r-imt", auth, title="R plan").status_code == 200
    answer = put_changed(client, "/liaisons/sg13-ls-reply-imt-2020", auth, state="closed")
    assert answer.status_code == 403  # sent by ITU-T SG13


@pytest.mark.parametrize("username", ["tom", "rita"])
def test_editors_and_readers_cannot_change_groups(
    client: TestClient, filled: Store, username: str
) -> None:
    auth = {**bearer(filled, username), "If-Match": '"1"'}
    response = put_changed(client, "/groups/itu-t-sg13", auth, name="x")
    assert response.status_code == 403


def test_coordinator_changes_any_sector(client: TestClient, filled: Store) -> None:
    auth = {**bearer(filled, "cora"), "If-Match": '"1"'}
    response = put_changed(client, "/activities/itu-r-rec-m.2150", auth, status="approved")
    assert response.status_code == 200


def test_read_only_token_cannot_write(client: TestClient, filled: Store) -> None:
    response = client.post(
        f"{API}/activities", json=activity(), headers=bearer(filled, "tom", "read")
    )
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


def test_bad_tokens_are_401(client: TestClient, filled: Store) -> None:
    for value in ("Bearer isk_nope_nope", "Bearer garbage", "Basic dXNlcjpwYXNz"):
        response = client.get(f"{API}/activities", headers={"Authorization": value})
        assert response.status_code == 401, value


def test_path_and_body_ids_must_agree(client: TestClient, filled: Store) -> None:
    auth = {**bearer(filled, "tom"), "If-Match": '"1"'}
    response = put_changed(client, "/activities/itu-t-q6-13", auth, id="itu-t-other")
    assert response.status_code == 422


def test_withdraw_keeps_the_item_and_its_history(client: TestClient, filled: Store) -> None:
    url = f"{API}/activities/itu-t-q6-13"
    assert client.delete(url, headers=bearer(filled, "tom")).status_code == 428
    response = client.delete(url, headers={**bearer(filled, "tom"), "If-Match": '"1"'})
    assert response.status_code == 200 and response.json()["number"] == 2
    auth = bearer(filled, "rita", "read")
    assert client.get(url, headers=auth).json()["withdrawn"] is True
    listed = client.get(f"{API}/activities", headers=auth).json()["items"]
    assert "itu-t-q6-13" not in {a["id"] for a in listed}
    history = client.get(f"{url}/history", headers=auth).json()
    assert [(v["number"], v["author"]) for v in history] == [(1, "fixture"), (2, "tom")]


def test_editor_cannot_withdraw_another_sectors_item(client: TestClient, filled: Store) -> None:
    response = client.delete(
        f"{API}/activities/itu-d-q5-2", headers={**bearer(filled, "tom"), "If-Match": '"1"'}
    )
    assert response.status_code == 403


def test_history_of_unknown_item_is_404(client: TestClient, filled: Store) -> None:
    response = client.get(f"{API}/liaisons/nope/history", headers=bearer(filled, "rita", "read"))
    assert response.status_code == 404


@pytest.mark.parametrize(
    "plural", ["sectors", "groups", "activities", "liaisons", "subjects", "mechanisms", "roadmaps"]
)
def test_every_type_lists(client: TestClient, filled: Store, plural: str) -> None:
    response = client.get(f"{API}/{plural}", headers=bearer(filled, "rita", "read"))
    assert response.status_code == 200
    assert response.json()["total"] == len(response.json()["items"])


def test_liaison_state_follows_the_workflow(client: TestClient, filled: Store) -> None:
    auth = {**bearer(filled, "cora"), "If-Match": '"1"'}
    url = f"{API}/liaisons/wp5d-ls-imt-2020"
    body = client.get(url, headers=auth).json()  # answered
    back = client.put(url, json=body | {"state": "draft"}, headers=auth)
    assert back.status_code == 422 and "cannot become draft" in back.json()["detail"]
    assert client.put(url, json=body | {"state": "closed"}, headers=auth).status_code == 200


def test_the_plan_of_a_work_item_round_trips_through_the_api(
    client: TestClient, filled: Store
) -> None:
    """Issue 13: planned start, baseline and current targets, finish, % complete, stage and study
    period are written and read back as given, and shown in the OpenAPI schema."""
    plan = {
        "kind": "work-item",
        "start": "2024-01-15",
        "baseline_target": "2025-06-30",
        "target": "2026-03-31",
        "percent_complete": 60,
        "stage": "consent",
        "period": "2025-2028",
    }
    headers = bearer(filled, "tom")
    response = client.post(f"{API}/activities", json=activity(**plan), headers=headers)
    assert response.status_code == 201, response.text
    read = client.get(f"{API}/activities/itu-t-q99-13", headers=headers).json()
    assert {k: read[k] for k in plan} == plan and read["finished"] is None
    schema = client.get(f"{API}/openapi.json").json()["components"]["schemas"]["Activity"]
    assert {"baseline_target", "finished", "percent_complete", "stage", "period"} <= set(
        schema["properties"]
    )
