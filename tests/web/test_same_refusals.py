"""One set of registry rules (`domain/rules.py`) behind every write door: the same bad activity
fed to `intersector load`, `import-relaton`, the REST API and the web form is refused by each,
naming the same field with the same words (issue 8 items 5, 9, 12; issue 10 "one set of rules").
On SQLite and PostgreSQL; nothing of a refused item is stored."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from tests.web.conftest import sign_in
from tests.web.test_api_items import API, PROBLEM, bearer
from tests.web.test_pages_registry import form_of
from tests.web.web_registry import USERS

from intersector import services
from intersector.domain.errors import ValidationError
from intersector.domain.users import User
from intersector.settings import Settings
from intersector.store import Store

NEW_ID = "itu-t-rec-y.9999"
BIG = 1_000_000  # characters: under the request body cap, far over a title's limit

# an ITU-D Question (the was put into ITU-T's itu-t-sg5)
QUESTION = {"id": "itu-d-q9-1", "sector": "itu-d", "kind": "question", "identifier": "Q9/1"}
# (case, changes to a good ITU-T activity, field refused, words of the refusal)
CASES = [
    ("nul", {"title": "IMT\x00network"}, "title", "contains a NUL character"),
    ("huge title", {"title": "x" * BIG}, "title", "at most 4,000 are allowed"),
]
# (case, changes, field, words) that a Relaton record cannot express: load, API and form only
# (an import creates the study groups its records name, so it has no unknown group)
NOT_IMPORTABLE = [
    ("unknown group", {"group": "itu-t-sg99"}, "group", "refers to an unknown group 'itu-t-sg99'"),
    # the form: group `itu-d-sg9` (no such group), subjects typed `IMT; 5G`
    ("no such group", {"group": "itu-d-sg9"}, "group", "refers to an unknown group 'itu-d-sg9'"),
    ("subjects as typed", {"subjects": ["IMT", "5G"]}, "subjects[0]", "'IMT' is not an id"),
    ("unknown subject", {"subjects": ["IMT"]}, "subjects[0]", "'IMT' is not an id"),
    ("unknown subject id", {"subjects": ["5g"]}, "subjects[0]", "unknown subject '5g'"),
    ("kind", {"kind": "opinion"}, "kind", "'opinion' is not a known kind"),
    ("dates", {"start": "2025-01-01", "target": "2024-01-01"}, "target", "is before the start"),
    ("group of another Sector", {"group": "itu-r-wp5d"}, "group", "belongs to itu-r"),
    ("ITU-D Question in ITU-T's group", {**QUESTION, "group": "itu-t-sg2"}, "group", "itu-t"),
    ("capital id", {"id": "ITU-T-Y.9999"}, "id", "use 'itu-t-y.9999'"),
    # the plan of a work item (issue 13): stage, % complete, baseline and finish, study period
    ("stage", {"stage": "ballot"}, "stage", "'ballot' is not a known stage"),
    ("percent", {"percent_complete": 150}, "percent_complete", "give a number from 0 to 100"),
    (
        "baseline",
        {"start": "2025-01-01", "baseline_target": "2024-06-01"},
        "baseline_target",
        "2024-06-01 is before the start (2025-01-01)",
    ),
    ("finished", {"start": "2025-01-01", "finished": "2024-12-31"}, "finished", "before the start"),
    ("period", {"period": "2025-2022"}, "period", "ends before it begins"),
]


def good(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": NEW_ID,
        "sector": "itu-t",
        "kind": "recommendation",
        "identifier": "Y.9999",
        "title": "Requirements of a network",
        "group": "itu-t-sg13",
        "subjects": ["imt"],
    }
    return data | changes


def by_load(database_url: str, folder: Path, item: dict[str, Any]) -> tuple[str, str]:
    path = folder / "bad.json"
    path.write_text(json.dumps({"activities": [item]}), encoding="utf-8")
    result, _ = services.load_registry(Settings(database_url=database_url), [path])
    error = result.errors[0]  # the first problem: what the API and the form name
    assert error.file == str(path) and error.line == 1
    return error.field, error.message


def by_api(client: TestClient, store: Store, item: dict[str, Any]) -> tuple[str, str]:
    response = client.post(f"{API}/activities", json=item, headers=bearer(store, "cora"))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    return problem["field"], problem["detail"]


def by_form(client: TestClient, item: dict[str, Any]) -> str:
    sign_in(client, "cora")
    form = form_of(client, "/items/activity/new")
    data = form | {k: "; ".join(v) if isinstance(v, list) else v for k, v in item.items()}
    response = client.post("/items/activity/new", data=data, follow_redirects=False)
    assert response.status_code == 422, response.text[:300]
    return html.unescape(response.text)


def by_import(database_url: str, folder: Path, item: dict[str, Any]) -> str:
    record = {
        "docid": "ITU-T Y.9999 (01/2020)",
        "doctype": "recommendation",
        "title": {"en": item["title"]},
        "abstract": {},
        "published": "2020-01-13",
        "groups": ["ITU-T Study Group 13"],
        "status": "Published",
        "source": "https://www.itu.int/rec/T-REC-Y.9999-202001-I",
        "relaton_file": "itu-t-y-9999-01-2020.yaml",
    }
    path = folder / "publications.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        services.import_relaton(Settings(database_url=database_url), path)
    return str(refused.value)


@pytest.mark.parametrize(("case", "changes", "field", "words"), CASES + NOT_IMPORTABLE)
def test_every_door_refuses_the_same_way(
    client: TestClient,
    filled: Store,
    database_url: str,
    tmp_path: Path,
    case: str,
    changes: dict[str, Any],
    field: str,
    words: str,
) -> None:
    item = good(**changes)
    loaded = by_load(database_url, tmp_path, item)
    posted = by_api(client, filled, item)
    assert loaded[0] == posted[0] == field
    assert words in loaded[1]
    assert posted[1] == f"field {field!r}: {loaded[1]}"  # the same refusal, word for word
    assert words in by_form(client, item)
    if (case, changes, field, words) in CASES:
        imported = " ".join(by_import(database_url, tmp_path, item).split())
        assert f"field {field!r}: {loaded[1]}" in imported and "nothing imported" in imported
    assert not filled.exists("activity", item["id"])


def test_the_good_activity_passes_every_door(
    client: TestClient, filled: Store, database_url: str, tmp_path: Path
) -> None:
    """The control: without the bad change, each door stores the activity."""
    path = tmp_path / "good.yaml"
    path.write_text(yaml.safe_dump({"activities": [good()]}), encoding="utf-8")
    result, summary = services.load_registry(Settings(database_url=database_url), [path])
    assert result.errors == [] and summary.created == 1
    other = good(id="itu-t-rec-y.9998", identifier="Y.9998")
    assert (
        client.post(f"{API}/activities", json=other, headers=bearer(filled, "cora")).status_code
        == 201
    )


def test_an_itu_d_editor_cannot_file_a_question_under_itu_t(
    client: TestClient, filled: Store, database_url: str, tmp_path: Path
) -> None:
    """The issue's case through the editor's doors: an ITU-D editor creating an ITU-D Question
    in an ITU-T group is refused by the API and the form as `load` refuses the item."""
    editor = User("dina", "editor", sectors=("itu-d",), password_hash=USERS["tom"].password_hash)
    filled.save(editor, author="test", reason="an ITU-D editor")
    item = good(**QUESTION, group="itu-t-sg2")
    field, message = by_load(database_url, tmp_path, item)
    assert field == "group" and "belongs to itu-t" in message
    response = client.post(f"{API}/activities", json=item, headers=bearer(filled, "dina"))
    assert response.status_code in (403, 422) and response.json()["field"] == "group"
    assert "belongs to itu-t" in response.json()["detail"]
    sign_in(client, "dina")
    form = form_of(client, "/items/activity/new")
    data = form | {k: "; ".join(v) if isinstance(v, list) else v for k, v in item.items()}
    posted = client.post("/items/activity/new", data=data, follow_redirects=False)
    assert posted.status_code in (403, 422) and "belongs to itu-t" in html.unescape(posted.text)
    assert not filled.exists("activity", item["id"])


def test_sector_itu_passes_every_door(
    client: TestClient, filled: Store, database_url: str, tmp_path: Path
) -> None:
    """`itu` (the whole Union) is a Sector of activities at every write door: the loader
    accepted it and the API refused it (issue 10)."""
    union = {
        "sector": "itu",
        "kind": "resolution",
        "title": "Strategy for the coordination of efforts among the three Sectors",
        "group": "",
        "subjects": [],
    }
    path = tmp_path / "union.yaml"
    loaded = good(**union, id="itu-pp-res-191", identifier="Resolution 191 (PP)")
    path.write_text(yaml.safe_dump({"activities": [loaded]}), encoding="utf-8")
    result, summary = services.load_registry(Settings(database_url=database_url), [path])
    assert result.errors == [] and summary.created == 1
    posted = good(**union, id="itu-pp-res-192", identifier="Resolution 192 (PP)")
    response = client.post(f"{API}/activities", json=posted, headers=bearer(filled, "cora"))
    assert response.status_code == 201, response.text
    sign_in(client, "cora")
    form = form_of(client, "/items/activity/new")
    typed = good(**union, id="itu-pp-res-193", identifier="Resolution 193 (PP)")
    data = form | {k: "; ".join(v) if isinstance(v, list) else v for k, v in typed.items()}
    created = client.post("/items/activity/new", data=data, follow_redirects=False)
    assert created.status_code == 303, created.text[:300]
    assert all(filled.exists("activity", f"itu-pp-res-{n}") for n in (191, 192, 193))
