"""The liaison workspace in the API (issue 12): the list with facets as the page has it, one
liaison's workspace, and reply, mark answered, close for the receiving group's editors only
(If-Match as for every write), each a new version."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web.test_api_items import bearer

from intersector.store import Store

OVERDUE = "sg2-ls-emergency"


def test_list_filters_like_the_page(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "rita", "read")
    data = client.get("/api/v1/liaison-list?state=Overdue", headers=auth).json()
    assert [r["id"] for r in data["rows"]] == [OVERDUE] and data["rows"][0]["state"] == "overdue"
    page = client.get("/liaisons.json?state=Overdue", headers=auth).json()
    assert page == data
    refused = client.get("/api/v1/liaison-list?overdue=maybe", headers=auth)
    assert refused.status_code == 422 and refused.json()["field"] == "overdue"


def test_workspace_has_thread_contacts_history(client: TestClient, filled: Store) -> None:
    data = client.get(
        "/api/v1/liaisons/wp5d-ls-imt-2020/workspace", headers=bearer(filled, "rita", "read")
    ).json()
    assert [t["id"] for t in data["thread"]] == ["wp5d-ls-imt-2020", "sg13-ls-reply-imt-2020"]
    assert {"role": "for_action", "name": "itu-t-sg13"} in data["contacts"]
    assert data["history"][0]["reason"] == "test registry" and data["can_act"] is False


def test_close_and_answer_only_for_the_receiving_group(client: TestClient, filled: Store) -> None:
    url = f"/api/v1/liaisons/{OVERDUE}"
    body = {"reason": "answered at the meeting"}
    refused = client.post(
        f"{url}/answered", json=body, headers={**bearer(filled, "rosa"), "If-Match": '"1"'}
    )
    assert refused.status_code == 403
    tom = bearer(filled, "tom")
    assert client.post(f"{url}/answered", json=body, headers=tom).status_code == 428
    done = client.post(f"{url}/answered", json=body, headers={**tom, "If-Match": '"1"'})
    assert done.status_code == 200 and done.json()["state"] == "answered"
    assert done.headers["ETag"] == '"2"'
    stale = client.post(f"{url}/close", json={}, headers={**tom, "If-Match": '"1"'})
    assert stale.status_code == 412
    closed = client.post(f"{url}/close", json={}, headers={**tom, "If-Match": '"2"'})
    assert closed.json()["version"] == 3
    last = filled.history("liaison", OVERDUE)[-1]
    assert (last.author, last.reason) == ("tom", "closed")


def test_reply_through_the_api(client: TestClient, filled: Store) -> None:
    sent = client.post(
        f"/api/v1/liaisons/{OVERDUE}/reply",
        json={"title": "Reply on numbering"},
        headers=bearer(filled, "tom"),
    )
    assert sent.status_code == 201 and sent.json()["replies_to"] == OVERDUE
    assert sent.json()["from_group"] == "itu-t-sg2"
    assert filled.get("liaison", OVERDUE).state == "answered"
    other = client.post(
        f"/api/v1/liaisons/{OVERDUE}/reply",
        json={"title": "x", "from_group": "itu-t-sg2"},
        headers=bearer(filled, "rosa"),
    )
    assert other.status_code == 403
