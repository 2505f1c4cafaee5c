"""The request dependencies through HTTP: `If-Match` read by RFC 9110's rules (issue 8 item 11:
a non-ASCII digit gave a 500, `*` a 412, a list of entity-tags a 400)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from tests.web.test_api_items import API, PROBLEM, bearer

from intersector.store import Store

URL = f"{API}/activities/itu-t-q6-13"


def put(client: TestClient, filled: Store, if_match: str, title: str = "changed") -> Response:
    """PUT the activity with `if_match` sent as raw bytes (Latin-1, as HTTP reads them; UTF-8
    beyond it), the way curl sends what it is given."""
    auth = bearer(filled, "tom")
    body = client.get(URL, headers=auth).json() | {"title": title}
    try:
        raw = if_match.encode("latin-1")
    except UnicodeEncodeError:
        raw = if_match.encode()
    return client.put(URL, json=body, headers=[*auth.items(), ("If-Match", raw)])


def test_star_matches_the_current_version(client: TestClient, filled: Store) -> None:
    first = put(client, filled, "*", "first")
    assert first.status_code == 200 and first.headers["etag"] == '"2"'
    second = put(client, filled, " * ", "second")
    assert second.status_code == 200 and second.headers["etag"] == '"3"'
    assert filled.get("activity", "itu-t-q6-13").title == "second"
    withdrawn = client.delete(URL, headers={**bearer(filled, "tom"), "If-Match": "*"})
    assert withdrawn.status_code == 200 and filled.get("activity", "itu-t-q6-13").withdrawn


def test_star_on_a_missing_item_changes_nothing(client: TestClient, filled: Store) -> None:
    response = client.delete(
        f"{API}/activities/nope", headers={**bearer(filled, "tom"), "If-Match": "*"}
    )
    assert response.status_code == 404 and not filled.exists("activity", "nope")


@pytest.mark.parametrize(
    "if_match",
    [
        '"²"',
        '"١"',
        '"3',
        "3",
        "²",
        'W/"x',
        '"a"b"',
        '\u00a0"1"\u00a0x',
        '"1"\t;',
        '"1" "2"',
        '*, "1"',
        ",",
        '"1",x',
    ],
)
def test_a_malformed_if_match_is_a_400_problem(
    client: TestClient, filled: Store, if_match: str
) -> None:
    response = put(client, filled, if_match)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["field"] == "If-Match"
    assert filled.get("activity", "itu-t-q6-13").title != "changed"


@pytest.mark.parametrize(
    "if_match",
    ['W/"1"', '"0"', '"01"', '"abc"', '"99999999999999999999"', '""', '"2", "3"', 'W/"1", "a,1"'],
)
def test_a_tag_of_no_version_is_412(client: TestClient, filled: Store, if_match: str) -> None:
    response = put(client, filled, if_match)
    assert response.status_code == 412, response.text
    assert response.headers["content-type"] == PROBLEM
    assert filled.get("activity", "itu-t-q6-13").title != "changed"


@pytest.mark.parametrize(
    "if_match", ['"1", "2"', '"7","1"', ' "a,b" , "1" ', ', "2",, "1"', 'W/"1", "1"', '"x", "1"']
)
def test_a_list_matches_if_any_tag_names_the_current_version(
    client: TestClient, filled: Store, if_match: str
) -> None:
    """RFC 9110 §13.1.1: the condition holds when any listed (strong) entity-tag matches."""
    response = put(client, filled, if_match)
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'
    assert filled.get("activity", "itu-t-q6-13").title == "changed"


def test_if_match_field_lines_are_combined(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "tom")
    body = client.get(URL, headers=auth).json() | {"title": "changed"}
    headers = [*auth.items(), ("If-Match", '"5"'), ("If-Match", '"1"')]
    response = client.put(URL, json=body, headers=headers)
    assert response.status_code == 200, response.text
    stale = client.delete(URL, headers=[*auth.items(), ("If-Match", '"1"'), ("If-Match", '"3"')])
    assert stale.status_code == 412 and not filled.get("activity", "itu-t-q6-13").withdrawn
