"""Every door gives the same answer (issue 10, "one definition of each answer"), on the sample
corpus: who works on each subject and the subjects common to the three Sectors
(`coordination/work.py`), the overdue liaisons (`coordination/liaisons.overdue`) and the
activities past target (`Activity.is_past_target`) — as the CLI (`subjects --matrix --common`,
`check`), the API (`/subject-matrix`, `/findings`, `/dashboard`, `/joined-roadmaps`) and the pages
(subjects matrix, dashboard, roadmap) show them.

The issue's example: the web matrix used to count only open activities (not texts in force), so
it showed no ITU-T work on IMT and only EMC common, while the CLI said all eight common with 22
ITU-T SG13 items on IMT. The registry's answer is the CLI's: ITU-T SG13 maintains 22 current IMT
Recommendations of the sample, and every one of the eight subjects has current work in each
Sector. The IMT roadmap's 17 ITU-T rows are ITU-T's maintained roadmap (entries it chose, after
Y Suppl. 59), a plan rather than a census: only derived lanes list who works on the subject."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.sample_db import TODAY, load_sample, sample_app

from intersector import cli

API = "/api/v1"
DAY = ["--today", TODAY.isoformat()]
SECTORS = ("itu-r", "itu-t", "itu-d")


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return load_sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture
def on_sample(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("INTERSECTOR_DATABASE_URL", sample_url)
    return sample_url


@pytest.fixture(scope="module")
def client(sample_url: str) -> Iterator[TestClient]:
    with TestClient(sample_app(sample_url)) as test_client:
        yield test_client


def cli_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    assert cli.run(args) == 0
    return json.loads(capsys.readouterr().out)


def api(client: TestClient, path: str) -> Any:
    response = client.get(f"{API}{path}")
    assert response.status_code == 200, response.text
    return response.json()


def finding_ids(findings: list[dict[str, Any]], check: str) -> list[str]:
    return sorted(f["items"][0] for f in findings if f["check"] == check)


def all_findings(client: TestClient, check: str) -> list[dict[str, Any]]:
    return list(api(client, f"/findings?check={check}&limit=500")["items"])


def test_who_works_on_what_is_one_answer(
    on_sample: str, client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    by_cli = cli_json(["subjects", "--matrix", "--common", "--format", "json"], capsys)
    by_api = api(client, "/subject-matrix")
    for row in by_api["rows"]:
        cells = by_cli["matrix"].get(row["subject"], {})
        for sector in SECTORS:
            api_cell = row["sectors"][sector]
            cli_cell = {g or "-": ids for g, ids in cells.get(sector, {}).items()}
            assert api_cell == cli_cell, (row["subject"], sector)
    cli_common = sorted(c["subject"] for c in by_cli["common"])
    api_common = sorted(row["subject"] for row in by_api["rows"] if row["common"])
    assert cli_common == api_common
    page = client.get("/subjects").text
    assert page.count('<tr class="common">') == len(api_common)
    # the figures: all eight subjects common, 22 ITU-T SG13 activities on IMT
    assert len(cli_common) == 8
    assert len(by_cli["matrix"]["imt"]["itu-t"]["itu-t-sg13"]) == 22
    imt = next(row for row in by_api["rows"] if row["subject"] == "imt")
    assert re.search(r'title="itu-t-sg13">SG13 <b>22</b>', page)
    assert imt["common"]


def test_derived_roadmap_lanes_list_who_works_on_the_subject(client: TestClient) -> None:
    by_api = api(client, "/subject-matrix")
    derived = 0
    for row in by_api["rows"]:
        roadmap = api(client, f"/joined-roadmaps/{row['subject']}")
        for lane in roadmap["lanes"]:
            if lane["origin"] != "derived":
                continue
            derived += 1
            shown = sorted(r["activity"] for r in lane["rows"])
            working = sorted(i for ids in row["sectors"][lane["sector"]].values() for i in ids)
            assert shown == working, (row["subject"], lane["sector"])
    assert derived > 0, "the sample has subjects without a maintained roadmap"


def test_overdue_is_one_answer(
    on_sample: str, client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    by_cli = finding_ids(
        cli_json(["check", "--format", "json", *DAY], capsys)["findings"], "liaison-overdue"
    )
    by_api = finding_ids(all_findings(client, "liaison-overdue"), "liaison-overdue")
    dashboard = api(client, "/dashboard")
    assert by_cli == by_api and by_cli, "the sample has overdue liaisons"
    assert dashboard["overdue_total"] == len(by_api)
    assert sorted(f["items"][0] for f in dashboard["overdue_liaisons"]) == by_api
    page = client.get("/").text
    assert f'<span class="count">{len(by_api)}</span>' in page
    seen = []
    for row in api(client, "/subject-matrix")["rows"]:
        for li in api(client, f"/joined-roadmaps/{row['subject']}")["liaisons"]:
            assert (li["effective_state"] == "overdue") == (li["id"] in by_api), li["id"]
            seen.append(li["effective_state"])
    assert "overdue" in seen, "some roadmap shows an overdue liaison"


def test_past_target_is_one_answer(
    on_sample: str, client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    by_cli = finding_ids(
        cli_json(["check", "--format", "json", *DAY], capsys)["findings"], "past-target"
    )
    by_api = finding_ids(all_findings(client, "past-target"), "past-target")
    assert by_cli == by_api and by_cli, "the sample has activities past target"
    flagged = set()
    for subject in ("imt", "emc", "climate-change", "emergency-telecommunications"):
        roadmap = api(client, f"/joined-roadmaps/{subject}")
        for row in (r for lane in roadmap["lanes"] for r in lane["rows"]):
            assert row["past_target"] == (row["activity"] in by_api), row["activity"]
            flagged |= {row["activity"]} if row["past_target"] else set()
    assert flagged, "some roadmap rows are past target"
