"""Documents through the API: list, read with language versions, clauses, references, actions,
stored versions; 404 for unknown ones."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web.test_api_items import API, bearer

from intersector.store import Store


def test_list_and_filter(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "rita", "read")
    listed = client.get(f"{API}/documents", headers=auth).json()
    assert {(d["id"], d["language"]) for d in listed["items"]} == {
        ("wtsa-res-57", "en"),
        ("wtsa-res-57", "fr"),
    }
    french = client.get(f"{API}/documents", params={"language": "fr"}, headers=auth).json()
    assert [d["language"] for d in french["items"]] == ["fr"]
    words = client.get(f"{API}/documents", params={"q": "cooperation"}, headers=auth).json()
    assert [d["language"] for d in words["items"]] == ["en"]  # French: "coopération"


def test_read_with_language_versions(client: TestClient, filled: Store) -> None:
    view = client.get(f"{API}/documents/wtsa-res-57", headers=bearer(filled, "rita", "read")).json()
    assert view["document"]["language"] == "en"
    assert view["document"]["revision"]["year"] == 2012
    assert set(view["languages"]) == {"fr"}
    assert {v["language"] for v in view["versions"]} == {"en", "fr"}
    french = client.get(
        f"{API}/documents/wtsa-res-57",
        params={"language": "fr"},
        headers=bearer(filled, "rita", "read"),
    ).json()
    assert french["document"]["language"] == "fr" and set(french["languages"]) == {"en"}


def test_clauses_references_actions(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "rita", "read")
    clauses = client.get(f"{API}/documents/wtsa-res-57/clauses", headers=auth).json()
    assert [c["label"] for c in clauses if c["function"] == "resolves"] == ["1", "2"]
    references = client.get(f"{API}/documents/wtsa-res-57/references", headers=auth).json()
    assert {"wtdc-res-5", "pp-res-123"} <= {r["id"] for r in references}
    actions = client.get(f"{API}/documents/wtsa-res-57/actions", headers=auth).json()
    assert actions[0]["addressees"] == ["rag", "tsag", "tdag"]


def test_versions_and_unknown(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "rita", "read")
    versions = client.get(f"{API}/documents/wtsa-res-57/versions", headers=auth).json()
    assert sorted(v["key"] for v in versions) == [
        "wtsa-res-57@dubai-2012/en",
        "wtsa-res-57@dubai-2012/fr",
    ]
    for path in (
        "/documents/wtsa-res-999",
        "/documents/wtsa-res-999/versions",
        "/documents/wtsa-res-999/clauses",
    ):
        assert client.get(f"{API}{path}", headers=auth).status_code == 404
    assert client.get(f"{API}/documents", headers={}).status_code == 401
