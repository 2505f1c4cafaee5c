"""Duplicated work through the API (issue 9): the stored candidates paged with cursors and
filtered (reviewed, Sector, relation, item, decision; typed values in any case, unknown ones 422),
one work's candidates and subjects computed (the hashing embedder stands in for the model)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.web.test_api_items import API, PROBLEM, bearer
from tests.web.web_registry import candidate_row

from intersector import services
from intersector.coordination.embeddings import HashingEmbedder
from intersector.store import Store
from intersector.store.analytics import replace_candidates

PAIRS = [
    ("itu-t-rec-y.3101", "itu-r-rec-m.2150", 0.82),
    ("itu-t-q6-13", "itu-r-rec-m.2150", 0.61),
    ("itu-d-q1-1", "itu-t-q6-13", 0.55),
    ("itu-d-q1-1", "itu-r-rec-m.2083", 0.40),
    ("itu-d-q5-2", "itu-t-rec-y.3101", 0.30),
]


@pytest.fixture
def many(filled: Store) -> Store:
    replace_candidates(filled, [candidate_row(a, b, score) for a, b, score in PAIRS])
    return filled


def _all_pages(client: TestClient, auth: dict[str, str], **params: Any) -> list[str]:
    seen: list[str] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        page = client.get(f"{API}/duplicates", params=query, headers=auth).json()
        seen += [c["id"] for c in page["items"]]
        assert page["total"] == 5 or "sector" in params
        cursor = page["next_cursor"]
        if cursor is None:
            return seen


def test_cursors_page_through_every_candidate_best_first(client: TestClient, many: Store) -> None:
    auth = bearer(many, "rita", "read")
    first = client.get(f"{API}/duplicates", params={"limit": 2}, headers=auth).json()
    assert first["total"] == 5 and len(first["items"]) == 2 and first["next_cursor"]
    assert first["items"][0]["left"]["id"] == "itu-r-rec-m.2150"  # the typed shape
    seen = _all_pages(client, auth, limit=2)
    assert seen == [
        "itu-r-rec-m.2150~itu-t-rec-y.3101",
        "itu-r-rec-m.2150~itu-t-q6-13",
        "itu-d-q1-1~itu-t-q6-13",
        "itu-d-q1-1~itu-r-rec-m.2083",
        "itu-d-q5-2~itu-t-rec-y.3101",
    ]


def test_filters_match_typed_values_in_any_case(client: TestClient, many: Store) -> None:
    auth = bearer(many, "rita", "read")
    itu_d = client.get(f"{API}/duplicates", params={"sector": "ITU-D"}, headers=auth).json()
    assert itu_d["total"] == 3
    assert all("itu-d" in (c["left"]["sector"], c["right"]["sector"]) for c in itu_d["items"])
    item = client.get(f"{API}/duplicates", params={"item": "ITU-T-Q6-13"}, headers=auth).json()
    assert {c["id"] for c in item["items"]} == {
        "itu-r-rec-m.2150~itu-t-q6-13",
        "itu-d-q1-1~itu-t-q6-13",
    }
    overlapping = client.get(f"{API}/duplicates", params={"relation": "Overlapping"}, headers=auth)
    assert overlapping.json()["total"] == 5


@pytest.mark.parametrize(
    ("name", "value", "named"),
    [
        ("sector", "ITU-X", "itu-d, itu-r, itu-t"),
        ("relation", "twins", "same-work"),
        ("item", "itu-t-q6-99", "itu-t-q6-13"),
        ("decision", "maybe", "confirmed"),
    ],
)
def test_unknown_filter_values_are_422_naming_the_known_ones(
    client: TestClient, many: Store, name: str, value: str, named: str
) -> None:
    response = client.get(
        f"{API}/duplicates", params={name: value}, headers=bearer(many, "rita", "read")
    )
    assert response.status_code == 422 and response.headers["content-type"] == PROBLEM
    assert named in response.json()["detail"]


def test_reviewed_and_decision_filters_follow_the_reviews(client: TestClient, many: Store) -> None:
    auth = bearer(many, "cora")
    pair = "itu-d-q1-1~itu-t-q6-13"
    body = {"decision": "confirmed", "note": "same study"}
    assert client.post(f"{API}/duplicates/{pair}/review", json=body, headers=auth).is_success
    reviewed = client.get(f"{API}/duplicates", params={"reviewed": True}, headers=auth).json()
    assert [c["id"] for c in reviewed["items"]] == [pair]
    assert reviewed["items"][0]["review"] == {
        "decision": "confirmed",
        "note": "same study",
        "reviewer": "cora",
    }
    fresh = client.get(f"{API}/duplicates", params={"reviewed": "false"}, headers=auth).json()
    assert fresh["total"] == 4 and pair not in {c["id"] for c in fresh["items"]}
    confirmed = client.get(f"{API}/duplicates", params={"decision": "CONFIRMED"}, headers=auth)
    assert confirmed.json()["total"] == 1


def test_a_cursor_not_given_out_is_422(client: TestClient, many: Store) -> None:
    auth = bearer(many, "rita", "read")
    for cursor in ("nonsense", "WyJhIiwiYiJd"):  # the second: ["a","b"], a score that is not one
        response = client.get(f"{API}/duplicates", params={"cursor": cursor}, headers=auth)
        assert response.status_code == 422


@pytest.fixture
def hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services, "analytics_embedder", HashingEmbedder)


def test_one_works_candidates_page_and_match_any_case(
    client: TestClient, filled: Store, hashing: None
) -> None:
    auth = bearer(filled, "rita", "read")
    url = f"{API}/works/ITU-T-Q6-13/overlaps"
    everything = client.get(url, params={"min_score": 0}, headers=auth).json()
    ids = [c["id"] for c in everything["items"]]
    assert everything["total"] == len(ids) == 4  # every activity of another Sector
    assert all("itu-t-q6-13" in i for i in ids)
    assert all(c["left"]["sector"] != c["right"]["sector"] for c in everything["items"])
    scores = [c["score"] for c in everything["items"]]
    assert scores == sorted(scores, reverse=True)
    seen, cursor = [], None
    while True:
        params: dict[str, Any] = {
            "min_score": 0,
            "limit": 3,
            **({"cursor": cursor} if cursor else {}),
        }
        page = client.get(url, params=params, headers=auth).json()
        seen += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ids
    unknown = client.get(f"{API}/works/itu-t-q99/overlaps", headers=auth)
    assert unknown.status_code == 422 and "itu-t-q6-13" in unknown.json()["detail"]


def test_one_works_subjects_with_confidence_and_reason(
    client: TestClient, filled: Store, hashing: None
) -> None:
    auth = bearer(filled, "rita", "read")
    found = client.get(f"{API}/works/itu-r-rec-m.2150/subjects", headers=auth).json()
    assert found["item"] == "itu-r-rec-m.2150"
    imt = next(s for s in found["subjects"] if s["subject"] == "imt")
    assert imt["origin"] == "registry" and imt["reason"] and 0 <= imt["confidence"] <= 1
    assert client.get(f"{API}/works/nothing/subjects", headers=auth).status_code == 422


def test_the_openapi_schema_types_the_candidates(client: TestClient) -> None:
    schema = client.get(f"{API}/openapi.json").json()
    page = schema["components"]["schemas"]["CandidatePage"]
    assert page["properties"]["items"]["items"]["$ref"].endswith("/CandidateOut")
    assert "/api/v1/works/{item_id}/subjects" in schema["paths"]


def test_the_analysis_kept_between_requests_follows_a_write(
    client: TestClient, filled: Store, hashing: None
) -> None:
    from tests.web.test_api_items import activity

    url = f"{API}/works/itu-t-q6-13/overlaps"
    reader = bearer(filled, "rita", "read")
    assert client.get(url, params={"min_score": 0}, headers=reader).json()["total"] == 4
    new = activity(id="itu-d-q99-2", sector="itu-d", group="itu-d-sg2", identifier="Q99/2")
    created = client.post(f"{API}/activities", json=new, headers=bearer(filled, "cora"))
    assert created.status_code == 201, created.text
    after = client.get(url, params={"min_score": 0}, headers=reader).json()
    assert after["total"] == 5
    assert "itu-d-q99-2~itu-t-q6-13" in {c["id"] for c in after["items"]}
