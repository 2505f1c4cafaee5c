"""Datasette-grade browsing of the registry and the documents (issue 12): every API filter in
the page URL (any case; unknown values refused), facets with counts, sortable columns in
natural ITU order (K.52 before K.100), page size, and `.csv`/`.json` of exactly the rows shown,
the same as `/api/v1/browse/…`."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

from fastapi.testclient import TestClient
from tests.web.conftest import sign_in
from tests.web.test_api_items import bearer

from intersector.domain.registry import Activity
from intersector.store import Store


def rows(html: str) -> list[str]:
    return re.findall(r'<tr data-id="([^"]+)"', html)


def k_series(store: Store) -> None:
    for number in ("100", "52", "9"):
        store.save(
            Activity(
                f"itu-t-rec-k.{number}",
                "itu-t",
                "recommendation",
                f"K.{number}",
                f"K {number}",
                group="itu-t-sg13",
                subjects=("imt",),
            ),
            author="test",
            reason="K series",
        )


def test_itu_numbers_sort_naturally_both_ways(client: TestClient, filled: Store) -> None:
    k_series(filled)
    sign_in(client, "rita")
    page = client.get(
        "/registry?type=activities&q=K&sort=identifier&group=itu-t-sg13&kind=recommendation"
    )
    k = [i for i in rows(page.text) if "rec-k." in i]
    assert k == ["itu-t-rec-k.9", "itu-t-rec-k.52", "itu-t-rec-k.100"]
    down = client.get(
        "/registry.json?type=activities&sort=identifier&order=desc&sector=itu-t"
    ).json()
    k = [r["id"] for r in down["rows"] if "rec-k." in r["id"]]
    assert k == ["itu-t-rec-k.100", "itu-t-rec-k.52", "itu-t-rec-k.9"]
    header = unescape(client.get("/registry?type=activities&sort=identifier").text)
    assert 'aria-sort="ascending"' in header and "sort=identifier&order=desc" in header


def test_every_api_filter_in_the_page_url(client: TestClient, filled: Store) -> None:
    sign_in(client, "rita")
    base = "/registry.json?type=Activities"
    assert {r["sector"] for r in client.get(f"{base}&sector=ITU-R").json()["rows"]} == {"itu-r"}
    assert {r["group"] for r in client.get(f"{base}&group=ITU-T-SG13").json()["rows"]} == {
        "itu-t-sg13"
    }
    assert {r["kind"] for r in client.get(f"{base}&kind=Question").json()["rows"]} == {"question"}
    assert all("imt" in r["subjects"] for r in client.get(f"{base}&subject=IMT").json()["rows"])
    statuses = client.get(f"{base}&status=ACTIVE").json()["rows"]
    assert statuses and {r["status"] for r in statuses} == {"active"}
    for query, field in (
        ("status=bogus", "bogus"),
        ("sector=itu-x", "itu-x"),
        ("sort=colour", "colour"),
    ):
        refused = client.get(f"/registry?type=activities&{query}")
        assert refused.status_code == 422 and field in unescape(refused.text)
        problem = client.get(f"{base}&{query}")
        assert problem.status_code == 422 and problem.json()["status"] == 422


def test_facets_with_counts_link_to_their_filter(client: TestClient) -> None:
    sign_in(client, "rita")
    page = unescape(client.get("/registry?type=activities").text)
    sector = page[page.index('data-facet="sector"') :].split("</details>")[0]
    assert re.search(
        r'href="/registry\?type=activities&sector=itu-t">ITU-T</a> <span class="count">2<', sector
    )
    chosen = unescape(client.get("/registry?type=activities&sector=itu-t").text)
    assert 'class="chosen"' in chosen and len(rows(chosen)) == 2


def test_downloads_and_api_give_the_rows_shown(client: TestClient, filled: Store) -> None:
    sign_in(client, "rita")
    query = "type=activities&sort=target&order=desc&limit=2&offset=1"
    shown = rows(client.get(f"/registry?{query}").text)
    assert len(shown) == 2
    data = client.get(f"/registry.json?{query}").json()
    assert [r["id"] for r in data["rows"]] == shown and data["total"] == 6
    table = list(csv.DictReader(io.StringIO(client.get(f"/registry.csv?{query}").text)))
    assert [r["id"] for r in table] == shown
    api = client.get(f"/api/v1/browse/registry?{query}", headers=bearer(filled, "rita", "read"))
    assert api.json() == data
    page = client.get(f"/registry?{query}").text
    assert f'href="/registry.csv?{query.replace("&", "&amp;")}"' in page


def test_documents_browse(client: TestClient, filled: Store) -> None:
    sign_in(client, "rita")
    page = unescape(client.get("/documents?language=FR").text)
    assert rows(page) == ["wtsa-res-57"] and 'data-facet="language"' in page
    data = client.get("/documents.json?sort=language&order=desc").json()
    assert [r["language"] for r in data["rows"]] == ["fr", "en"]
    assert {f["value"]: f["count"] for f in data["facets"]["language"]} == {"en": 1, "fr": 1}
    api = client.get(
        "/api/v1/browse/documents?sort=language&order=desc", headers=bearer(filled, "rita", "read")
    )
    assert api.json() == data
    refused = client.get("/documents?kind=nothing")
    assert refused.status_code == 422 and "resolution" in unescape(refused.text)


def test_liaisons_tab_opens_the_workspace(client: TestClient) -> None:
    sign_in(client, "rita")
    moved = client.get("/registry?type=Liaisons&state=sent", follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == "/liaisons?state=sent"


def test_findings_browse(client: TestClient) -> None:
    sign_in(client, "rita")
    data = client.get("/findings.json").json()
    assert data["total"] >= 2 and data["facets"]["check"]
    checks = {f["value"] for f in data["facets"]["check"]}
    one = sorted(checks)[0]
    only = client.get(f"/findings.json?check={one.upper()}").json()
    assert {r["check"] for r in only["rows"]} == {one}
    page = unescape(client.get("/findings?sector=ITU-T").text)
    assert 'data-facet="severity"' in page and "/findings.csv?sector=ITU-T" in page
    assert client.get("/findings?severity=urgent").status_code == 422
    dashboard = client.get("/").text
    assert 'href="/findings"' in dashboard and 'href="/liaisons?overdue=true"' in dashboard


def test_duplicates_browse(client: TestClient) -> None:
    sign_in(client, "rita")
    data = client.get("/duplicates.json?reviewed=false").json()
    assert data["total"] >= 1 and {f["value"] for f in data["facets"]["reviewed"]} == {"false"}
    assert data["sort"] == "score" and data["order"] == "desc"
    rows = list(csv.DictReader(io.StringIO(client.get("/duplicates.csv?reviewed=false").text)))
    assert [r["id"] for r in rows] == [r["id"] for r in data["rows"]]
    page = unescape(client.get("/duplicates?sort=left_id").text)
    assert 'data-facet="relation"' in page and "/duplicates.csv?sort=left_id" in page
    assert client.get("/duplicates?sort=colour").status_code == 422
