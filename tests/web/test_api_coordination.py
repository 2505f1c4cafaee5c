"""Coordination views through the API: joined roadmap, findings, dashboard, subject matrix,
liaison thread, search, duplicate candidates and their review (coordinators only)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web.test_api_items import API, PROBLEM, bearer

from intersector.store import Store

PAIR = "itu-r-rec-m.2150~itu-t-rec-y.3101"


def test_joined_roadmap(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "rita", "read")
    response = client.get(f"{API}/joined-roadmaps/imt", headers=auth)
    assert response.status_code == 200 and response.headers["etag"].startswith('W/"')
    data = response.json()
    assert [lane["sector"] for lane in data["lanes"]] == ["itu-r", "itu-t", "itu-d"]
    assert [lane["origin"] for lane in data["lanes"]] == ["maintained", "maintained", "derived"]
    edge = data["dependencies"][0]
    assert (edge["activity"], edge["on"], edge["cross_sector"]) == (
        "itu-t-rec-y.3101",
        "itu-r-rec-m.2150",
        True,
    )
    again = client.get(
        f"{API}/joined-roadmaps/imt", headers={**auth, "If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304


def test_joined_roadmap_of_unknown_subject_is_404(client: TestClient, filled: Store) -> None:
    response = client.get(f"{API}/joined-roadmaps/quantum", headers=bearer(filled, "rita", "read"))
    assert response.status_code == 404 and response.headers["content-type"] == PROBLEM


def test_roadmap_changes_show_after_a_write(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "tom")
    before = client.get(f"{API}/joined-roadmaps/imt", headers=auth).json()
    body = client.get(f"{API}/activities/itu-t-q6-13", headers=auth).json()
    client.put(
        f"{API}/activities/itu-t-q6-13",
        json=body | {"target": "2027-01-31"},
        headers={**auth, "If-Match": '"1"'},
    )
    after = client.get(f"{API}/joined-roadmaps/imt", headers=auth).json()
    rows = {r["activity"]: r for lane in after["lanes"] for r in lane["rows"]}
    assert rows["itu-t-q6-13"]["target"] == "2027-01-31" != str(before)


def test_findings_filters_and_pages(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "rita", "read")
    everything = client.get(f"{API}/findings", headers=auth).json()
    assert {f["check"] for f in everything["items"]} >= {"late-dependency", "liaison-overdue"}
    assert everything["total"] == len(everything["items"]) and everything["next_cursor"] is None
    overdue = client.get(f"{API}/findings", params={"check": "liaison-overdue"}, headers=auth)
    assert [f["items"][0] for f in overdue.json()["items"]] == ["sg2-ls-emergency"]
    itu_d = client.get(f"{API}/findings", params={"sector": "itu-d"}, headers=auth).json()
    assert all("itu-d" in f["sectors"] for f in itu_d["items"])
    first = client.get(f"{API}/findings", params={"limit": 1}, headers=auth).json()
    second = client.get(
        f"{API}/findings", params={"limit": 1, "cursor": first["next_cursor"]}, headers=auth
    ).json()
    assert [first["items"][0], second["items"][0]] == everything["items"][:2]


def test_dashboard_is_the_pages_data(client: TestClient, filled: Store) -> None:
    data = client.get(f"{API}/dashboard", headers=bearer(filled, "rita", "read")).json()
    assert [f["items"][0] for f in data["overdue_liaisons"]] == ["sg2-ls-emergency"]
    assert [c["id"] for c in data["duplicates"]] == [PAIR]
    assert data["counts"]["activity"] == 6 and data["today"] == "2025-03-01"
    assert data["overdue_total"] == 1 and data["findings_total"] == len(data["findings"])
    assert data["findings_by_check"]["liaison-overdue"] == 1


def test_subject_matrix(client: TestClient, filled: Store) -> None:
    matrix = client.get(f"{API}/subject-matrix", headers=bearer(filled, "rita", "read")).json()
    rows = {row["subject"]: row for row in matrix["rows"]}
    assert rows["imt"]["sectors"]["itu-t"]["itu-t-sg13"] == ["itu-t-q6-13", "itu-t-rec-y.3101"]
    assert rows["imt"]["common"] is True
    assert rows["emergency-telecommunications"]["common"] is False


def test_liaison_thread(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "rita", "read")
    data = client.get(f"{API}/liaisons/sg13-ls-reply-imt-2020/thread", headers=auth).json()
    assert [li["id"] for li in data["thread"]] == ["wp5d-ls-imt-2020", "sg13-ls-reply-imt-2020"]
    overdue = client.get(f"{API}/liaisons/sg2-ls-emergency/thread", headers=auth).json()
    assert overdue["state"] == "overdue"
    assert client.get(f"{API}/liaisons/nope/thread", headers=auth).status_code == 404


def test_search(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "rita", "read")
    hits = client.get(f"{API}/search", params={"q": "disaster"}, headers=auth).json()
    assert [(h["type"], h["id"]) for h in hits] == [("activity", "itu-d-q5-2")]
    texts = client.get(f"{API}/search", params={"q": "Sectors"}, headers=auth).json()
    assert ("document", "wtsa-res-57") in {(h["type"], h["id"]) for h in texts}
    assert client.get(f"{API}/search", params={"q": ""}, headers=auth).status_code == 422


def test_duplicates_and_review_by_a_coordinator(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "cora")
    listed = client.get(f"{API}/duplicates", headers=auth).json()["items"]
    assert [c["id"] for c in listed] == [PAIR] and listed[0]["review"] is None
    body = {"decision": "complementary", "note": "radio side and network side"}
    response = client.post(f"{API}/duplicates/{PAIR}/review", json=body, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["review"]["reviewer"] == "cora"
    reviewed = client.get(f"{API}/duplicates", params={"reviewed": True}, headers=auth).json()
    assert reviewed["items"][0]["review"]["decision"] == "complementary"
    fresh = client.get(f"{API}/duplicates", params={"reviewed": False}, headers=auth).json()
    assert fresh == {"items": [], "next_cursor": None, "total": 0}


def test_review_refusals(client: TestClient, filled: Store) -> None:
    body = {"decision": "confirmed"}
    editor = client.post(
        f"{API}/duplicates/{PAIR}/review", json=body, headers=bearer(filled, "tom")
    )
    assert editor.status_code == 403
    unknown = client.post(f"{API}/duplicates/a~b/review", json=body, headers=bearer(filled, "cora"))
    assert unknown.status_code == 404
    invalid = client.post(
        f"{API}/duplicates/{PAIR}/review",
        json={"decision": "maybe"},
        headers=bearer(filled, "cora"),
    )
    assert invalid.status_code == 422
    anonymous = client.post(f"{API}/duplicates/{PAIR}/review", json=body)
    assert anonymous.status_code == 401


def test_search_reads_the_documents_text(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "rita", "read")
    hits = client.get(f"{API}/search", params={"q": "small island"}, headers=auth).json()
    assert ("document", "wtsa-res-57", "en") in {
        (h["type"], h["id"], h.get("language")) for h in hits
    }  # footnote 1 of Res. 57
    french = client.get(f"{API}/search", params={"q": "insulaires"}, headers=auth).json()
    assert [(h["id"], h["language"]) for h in french] == [("wtsa-res-57", "fr")]
