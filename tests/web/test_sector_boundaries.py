"""A Sector editor's item stays in that Sector's groups (issue 8 item 4, issue 10): moving an own
item into another Sector's group, or clearing the group of an item that has one, is refused (403)
through the API and through the edit form, the message naming the right Sectors; a coordinator may
clear a group, but no one may put an activity in another Sector's group (422). On SQLite and
PostgreSQL."""

from __future__ import annotations

import html

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import sign_in
from tests.web.test_api_items import PROBLEM, bearer, put_changed
from tests.web.test_pages_registry import form_of
from tests.web.web_registry import USERS

from intersector.domain.users import User
from intersector.store import Store


@pytest.fixture
def dina(filled: Store) -> str:
    """An ITU-D editor."""
    user = User("dina", "editor", sectors=("itu-d",), password_hash=USERS["tom"].password_hash)
    filled.save(user, author="test", reason="an ITU-D editor")
    return "dina"


@pytest.mark.parametrize(
    ("username", "item", "group", "words"),
    [
        (
            "tom",
            "itu-t-q6-13",
            "itu-r-wp5d",
            "tom edits itu-t; the group 'itu-r-wp5d' belongs to itu-r",
        ),
        (
            "dina",
            "itu-d-q1-1",
            "itu-t-sg2",
            "dina edits itu-d; the group 'itu-t-sg2' belongs to itu-t",
        ),
    ],
)
def test_an_editor_cannot_move_an_own_item_into_another_sectors_group(
    client: TestClient, filled: Store, dina: str, username: str, item: str, group: str, words: str
) -> None:
    auth = {**bearer(filled, username), "If-Match": '"1"'}
    response = put_changed(client, f"/activities/{item}", auth, group=group)
    assert response.status_code == 403 and response.headers["content-type"] == PROBLEM
    assert response.json()["field"] == "group" and words in response.json()["detail"]
    sign_in(client, username)
    path = f"/items/activity/{item}/edit"
    posted = client.post(path, data=form_of(client, path) | {"group": group})
    assert posted.status_code == 403 and words in html.unescape(posted.text)
    assert filled.get("activity", item).group != group
    assert [v.number for v in filled.history("activity", item)] == [1]


def test_an_editor_cannot_clear_the_group_of_an_item(client: TestClient, filled: Store) -> None:
    auth = {**bearer(filled, "tom"), "If-Match": '"1"'}
    response = put_changed(client, "/activities/itu-t-q6-13", auth, group="")
    assert response.status_code == 403
    detail = response.json()["detail"]
    assert "this activity belongs to the group 'itu-t-sg13' (itu-t)" in detail
    assert "only a coordinator may" in detail
    sign_in(client, "tom")
    path = "/items/activity/itu-t-q6-13/edit"
    posted = client.post(path, data=form_of(client, path) | {"group": ""})
    assert posted.status_code == 403
    assert filled.get("activity", "itu-t-q6-13").group == "itu-t-sg13"


def test_an_editor_still_edits_within_the_sector(client: TestClient, filled: Store) -> None:
    auth = {**bearer(filled, "tom"), "If-Match": '"1"'}
    response = put_changed(client, "/activities/itu-t-q6-13", auth, group="itu-t-sg2")
    assert response.status_code == 200, response.text
    assert filled.get("activity", "itu-t-q6-13").group == "itu-t-sg2"


def test_a_coordinator_may_clear_a_group_but_not_cross_sectors(
    client: TestClient, filled: Store
) -> None:
    auth = {**bearer(filled, "cora"), "If-Match": '"1"'}
    crossed = put_changed(client, "/activities/itu-t-q6-13", auth, group="itu-r-wp5d")
    assert crossed.status_code == 422
    assert (
        "the group 'itu-r-wp5d' belongs to itu-r; this activity belongs to itu-t"
        in (crossed.json()["detail"])
    )
    cleared = put_changed(client, "/activities/itu-t-q6-13", auth, group="")
    assert cleared.status_code == 200 and filled.get("activity", "itu-t-q6-13").group == ""


def test_sector_itu_is_accepted_alike_by_the_api_and_load(
    client: TestClient, filled: Store
) -> None:
    """`itu` (the whole Union) is a Sector of activities for every door (issue 10: the loader
    accepted it, the API refused it)."""
    union = {
        "id": "itu-pp-res-191",
        "sector": "itu",
        "kind": "resolution",
        "identifier": "Resolution 191 (PP)",
        "title": "Strategy for the coordination of efforts among the three Sectors of the Union",
    }
    created = client.post("/api/v1/activities", json=union, headers=bearer(filled, "cora"))
    assert created.status_code == 201, created.text
    roadmap = {"id": "itu-imt", "sector": "itu", "subject": "imt"}
    refused = client.post("/api/v1/roadmaps", json=roadmap, headers=bearer(filled, "cora"))
    assert refused.status_code == 422 and refused.json()["field"] == "sector"
