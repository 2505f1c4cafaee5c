"""The action-plan page and API, and the coordinators' report page and download (SQLite, then
PostgreSQL): each page shows the data of its API twin; readers cannot produce reports."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from tests.web.conftest import sign_in

from intersector import services
from intersector.store import Store
from intersector.texts.parse import parse_document

RES38 = Path(__file__).parents[1] / "data" / "texts" / "wtsa-res-38-en.txt"


@pytest.fixture
def planned(filled: Store) -> Store:
    doc = parse_document(RES38.read_text(encoding="utf-8"), source=RES38.name)
    filled.save_document(doc, author="tester")
    services.sync_actions(filled, doc.id, author="tester")
    return filled


def test_action_plan_page_and_api_agree(client: TestClient, planned: Store) -> None:
    sign_in(client, "rita")
    api = client.get("/api/v1/actions", params={"addressee": "TSB-director"}).json()
    assert [a["id"] for a in api["actions"]] == ["wtsa-res-38:instructs", "wtsa-res-38:encourages"]
    assert api["counts"]["not-started"] == 2
    page = client.get("/actions", params={"addressee": "tsb-director"}).text
    assert 'id="wtsa-res-38:instructs"' in page and 'id="wtsa-res-38:resolves-1"' not in page
    assert 'href="/actions.xlsx?addressee=tsb-director"' in page
    everything = client.get("/actions").text
    assert everything.count('<tr id="wtsa-res-38:') == 4


def test_action_plan_xlsx_download(client: TestClient, planned: Store) -> None:
    sign_in(client, "rita")
    response = client.get("/actions.xlsx", params={"status": "not-started"})
    assert response.status_code == 200
    assert 'attachment; filename="action-plan.xlsx"' in response.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(response.content))["Action plan"]
    assert sheet.max_row == 5  # header and four actions


def test_unknown_filter_is_a_422_naming_it(client: TestClient, planned: Store) -> None:
    sign_in(client, "rita")
    response = client.get("/api/v1/actions", params={"status": "finished"})
    assert response.status_code == 422 and "status" in response.text


def test_coordinators_read_and_download_the_report(client: TestClient, planned: Store) -> None:
    sign_in(client, "cora")
    page = client.get("/reports", params={"to": "tsag", "period": "2025-2026"}).text
    assert "Cooperation among the three Sectors" in page
    assert "format=docx" in page and "Resolution actions" in page
    api = client.get("/api/v1/reports/cooperation", params={"to": "tsag", "period": "2025-2026"})
    assert api.json()["header"]["source"].startswith("Director, Telecommunication Standard")
    docx = client.get(
        "/api/v1/reports/cooperation",
        params={"to": "TDAG", "period": "2025", "language": "fr", "format": "docx"},
    )
    assert docx.status_code == 200 and zipfile.is_zipfile(io.BytesIO(docx.content))
    assert "cooperation-tdag-2025-fr.docx" in docx.headers["content-disposition"]
    assert 'href="/reports"' in client.get("/").text


def test_readers_cannot_produce_reports(client: TestClient, planned: Store) -> None:
    sign_in(client, "rita")
    assert client.get("/reports").status_code == 403
    asked = client.get("/api/v1/reports/cooperation", params={"to": "tsag", "period": "2025"})
    assert asked.status_code == 403
    assert 'href="/reports"' not in client.get("/").text


def test_bad_report_request_is_a_422(client: TestClient, planned: Store) -> None:
    sign_in(client, "cora")
    asked = client.get("/api/v1/reports/cooperation", params={"to": "itu", "period": "2025"})
    assert asked.status_code == 422 and "to" in asked.text


def test_coordinators_record_follow_up_through_the_api(client: TestClient, planned: Store) -> None:
    csrf = sign_in(client, "cora")
    body = {"status": "ongoing", "owner": "TSB", "due": "2026-06-30",
            "evidence": ["report:TSAG-TD12"]}  # fmt: skip
    changed = client.patch(
        "/api/v1/actions/wtsa-res-38:instructs", json=body, headers={"X-CSRF-Token": csrf}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["evidence"] == [{"kind": "report", "ref": "TSAG-TD12"}]
    listed = client.get("/api/v1/actions", params={"status": "ongoing"}).json()["actions"]
    assert [(a["id"], a["owner"], a["due"]) for a in listed] == [
        ("wtsa-res-38:instructs", "TSB", "2026-06-30")
    ]
    refused = client.patch(
        "/api/v1/actions/wtsa-res-38:instructs",
        json={"status": "superseded"},
        headers={"X-CSRF-Token": csrf},
    )
    assert refused.status_code == 422 and "new revision" in refused.text


def test_readers_cannot_record_follow_up(client: TestClient, planned: Store) -> None:
    csrf = sign_in(client, "rita")
    refused = client.patch(
        "/api/v1/actions/wtsa-res-38:instructs",
        json={"status": "done"},
        headers={"X-CSRF-Token": csrf},
    )
    assert refused.status_code == 403
