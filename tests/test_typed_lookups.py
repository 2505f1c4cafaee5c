"""What people type matches at every door (issue 10, "lookups people type"): Sectors, subjects
(by id, label, acronym or keyword, in any language), statuses, kinds, groups and ids in any case,
through CLI options, API query parameters and page filters, on the sample corpus. An unknown value
is an error naming the known values (CLI exit 2, API 422 problem), never an empty answer; so is an
unknown API query parameter."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.sample_db import TODAY, load_sample, sample_app

from intersector import cli

API = "/api/v1"
DAY = ["--today", TODAY.isoformat()]


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


def cli_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> object:
    assert cli.run(args) == 0
    return json.loads(capsys.readouterr().out)


def ids(client: TestClient, query: str) -> list[str]:
    response = client.get(f"{API}/activities?{query}&limit=500")
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


@pytest.mark.parametrize("typed", ["IMT", "imt", "5G", "IMT-2020", "imt-2030", "IMT-Advanced"])
def test_check_takes_a_subject_as_people_type_it(
    on_sample: str, typed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    found = cli_json(["check", "--subject", typed, "--format", "json", *DAY], capsys)
    expected = cli_json(["check", "--subject", "imt", "--format", "json", *DAY], capsys)
    assert found == expected
    assert isinstance(found, dict) and found["findings"], "the sample has IMT findings"


def test_check_refuses_an_unknown_subject_naming_the_known_ones(
    on_sample: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run(["check", "--subject", "quantum", *DAY]) == 2
    err = capsys.readouterr().err
    assert "'quantum'" in err and "emc" in err and "imt" in err and "Traceback" not in err


def test_roadmap_takes_subject_and_sector_in_any_case(
    on_sample: str, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = cli_json(["roadmap", "IMT-2020", "--sector", "ITU-T", "--format", "json", *DAY], capsys)
    plain = cli_json(["roadmap", "imt", "--sector", "itu-t", "--format", "json", *DAY], capsys)
    assert typed == plain
    assert cli.run(["roadmap", "imt", "--sector", "ITU-X", *DAY]) == 2
    assert "itu-d, itu-r, itu-t" in capsys.readouterr().err


def test_show_and_history_find_ids_in_any_case(
    on_sample: str, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = cli_json(["show", "ITU-R-Rec-M.2083"], capsys)
    assert isinstance(shown, dict) and shown["data"]["id"] == "itu-r-rec-m.2083"
    assert cli.run(["history", "Activities", "ITU-R-REC-M.2083"]) == 0
    assert cli.run(["history", "activity", "itu-r-rec-m.20833"]) == 2
    assert "itu-r-rec-m.2083" in capsys.readouterr().err  # the closest id is named


def test_api_filters_match_whatever_the_case(client: TestClient) -> None:
    plain = ids(client, "sector=itu-t&subject=imt")
    assert plain, "the sample has ITU-T activities on IMT"
    assert ids(client, "sector=ITU-T&subject=IMT") == plain
    assert ids(client, "sector=Itu-T&subject=5G") == plain
    assert ids(client, "subject=CEM") == ids(client, "subject=emc") != []
    assert ids(client, "subject=Compatibilit%C3%A9%20%C3%A9lectromagn%C3%A9tique") == ids(
        client, "subject=emc"
    )
    assert ids(client, "status=In-Force&kind=Recommendation&group=ITU-T-SG13") == ids(
        client, "status=in-force&kind=recommendation&group=itu-t-sg13"
    )


@pytest.mark.parametrize(
    ("query", "field", "known"),
    [
        ("sector=ITU-X", "sector", "itu-t"),
        ("subject=quantum", "subject", "imt"),
        ("status=ongoing", "status", "in-force"),
        ("kind=opinion", "kind", "recommendation"),
        ("group=itu-t-sg133", "group", "itu-t-sg13"),
        ("sectr=itu-t", "sectr", "sector"),  # an unknown parameter is refused, not ignored
    ],
)
def test_api_refuses_unknown_values_and_parameters(
    client: TestClient, query: str, field: str, known: str
) -> None:
    response = client.get(f"{API}/activities?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["field"] == field
    assert known in problem["known"] and known in problem["detail"]


def test_api_refuses_a_filter_the_type_lacks(client: TestClient) -> None:
    response = client.get(f"{API}/liaisons?kind=recommendation")
    assert response.status_code == 422
    assert response.json()["field"] == "kind"


def test_findings_and_roadmaps_through_the_api_in_any_case(client: TestClient) -> None:
    typed = client.get(f"{API}/findings?subject=IMT-2020&check=Liaison-Overdue&sector=ITU-R")
    plain = client.get(f"{API}/findings?subject=imt&check=liaison-overdue&sector=itu-r")
    assert typed.status_code == plain.status_code == 200
    assert typed.json() == plain.json() and plain.json()["total"] > 0
    assert client.get(f"{API}/findings?check=late").status_code == 422
    assert client.get(f"{API}/joined-roadmaps/5G").json()["subject"] == "imt"
    assert client.get(f"{API}/joined-roadmaps/quantum").status_code == 404


def test_pages_filter_as_the_api_does(client: TestClient) -> None:
    plain = client.get("/registry?type=activities&sector=itu-t&subject=imt")
    typed = client.get("/registry?type=activities&sector=ITU-T&subject=IMT-2030")
    assert plain.status_code == typed.status_code == 200
    count = len(ids(client, "sector=itu-t&subject=imt"))
    total = f'<b class="total">{count}</b>'
    assert total in plain.text and total in typed.text
    refused = client.get("/registry?type=activities&subject=quantum")
    assert refused.status_code == 422 and "quantum" in refused.text
    assert client.get("/roadmaps/IMT-2020").status_code == 200


def test_subject_aliases_never_guess_between_two_subjects(client: TestClient) -> None:
    """IPTV is a keyword of middleware and of audiovisual delivery: it names neither."""
    response = client.get(f"{API}/activities?subject=IPTV")
    assert response.status_code == 422 and response.json()["field"] == "subject"


def test_an_empty_answer_is_a_real_one(client: TestClient) -> None:
    """A known value with no items gives an empty page, not an error."""
    assert ids(client, "sector=itu-d&kind=handbook") == []


def test_ids_in_paths_match_whatever_the_case(client: TestClient) -> None:
    response = client.get(f"{API}/activities/ITU-R-Rec-M.2083")
    assert response.status_code == 200 and response.json()["id"] == "itu-r-rec-m.2083"
    assert client.get(f"{API}/activities/ITU-R-REC-M.2083/history").status_code == 200
    assert client.get("/items/activity/ITU-R-REC-M.2083").status_code == 200
    missing = client.get(f"{API}/activities/itu-r-rec-m.20833")
    assert missing.status_code == 404 and "itu-r-rec-m.2083" in missing.json()["detail"]
