"""Watch lists and feeds through the API: follow and unfollow with a write credential, the
personal feed only with a read-only token in its URL, group and subject feeds under the usual
read rule; feeds parsed back with icalendar and feedparser."""

from __future__ import annotations

from datetime import date

import feedparser
from fastapi.testclient import TestClient
from icalendar import Calendar
from tests.web.conftest import make_app
from tests.web.test_api_items import API, bearer
from tests.web.web_registry import read_token

from intersector.store import Store


def test_follow_list_unfollow(client: TestClient, filled: Store) -> None:
    auth = bearer(filled, "tom")
    made = client.post(f"{API}/watches", json={"type": "group", "id": "ITU-T-SG13"}, headers=auth)
    assert made.status_code == 201, made.text
    assert made.json() | {"created": None} == {
        "type": "group",
        "id": "itu-t-sg13",
        "created": None,
        "new": True,
    }
    again = client.post(f"{API}/watches", json={"type": "group", "id": "itu-t-sg13"}, headers=auth)
    assert again.json()["new"] is False
    listed = client.get(f"{API}/watches", headers=bearer(filled, "tom", "read")).json()
    assert [(w["type"], w["id"]) for w in listed] == [("group", "itu-t-sg13")]
    assert client.delete(f"{API}/watches/group/itu-t-sg13", headers=auth).status_code == 204
    gone = client.delete(f"{API}/watches/group/itu-t-sg13", headers=auth)
    assert gone.status_code == 404
    assert gone.headers["content-type"].startswith("application/problem+json")


def test_follow_refusals(client: TestClient, filled: Store) -> None:
    body = {"type": "group", "id": "itu-t-sg13"}
    read_only = client.post(f"{API}/watches", json=body, headers=bearer(filled, "tom", "read"))
    assert read_only.status_code == 403 and "read-only" in read_only.json()["detail"]
    assert client.post(f"{API}/watches", json=body).status_code == 401
    assert client.get(f"{API}/watches").status_code == 401
    unknown = client.post(
        f"{API}/watches", json={"type": "group", "id": "itu-t-sg99"}, headers=bearer(filled, "tom")
    )
    assert unknown.status_code == 404 and "itu-t-sg99" in unknown.json()["detail"]
    roadmap = client.post(
        f"{API}/watches", json={"type": "roadmap", "id": "x"}, headers=bearer(filled, "tom")
    )
    assert roadmap.status_code == 422


def test_the_personal_feed_takes_a_read_only_token_in_its_url(
    client: TestClient, filled: Store
) -> None:
    auth = bearer(filled, "tom")
    client.post(f"{API}/watches", json={"type": "subject", "id": "imt"}, headers=auth)
    read = read_token(filled, "tom", ("read",))
    ics = client.get(f"{API}/feeds/me.ics", params={"token": read})
    assert ics.status_code == 200, ics.text
    assert ics.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(ics.content)
    events = {(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in calendar.walk("VEVENT")}
    assert ("M.2150: revision 2", date(2025, 6, 30)) in events
    assert ("Target: M.2150", date(2026, 6, 30)) in events
    assert not any("Q5/2" in summary for summary, _ in events)  # not about IMT
    atom = client.get(f"{API}/feeds/me.atom", params={"token": read})
    parsed = feedparser.parse(atom.content)
    assert not parsed.bozo and parsed.feed.title == "intersector: followed by tom"
    assert {e.title for e in parsed.entries} >= {"activity M.2150: version 1"}
    write = read_token(filled, "tom", ("read", "write"))
    refused = client.get(f"{API}/feeds/me.ics", params={"token": write})
    assert refused.status_code == 403 and "read-only" in refused.json()["detail"]
    assert client.get(f"{API}/feeds/me.ics").status_code == 401
    assert client.get(f"{API}/feeds/me.ics", headers=auth).status_code == 401
    bad = client.get(f"{API}/feeds/me.ics", params={"token": "isk_nope_nope"})
    assert bad.status_code == 401


def test_group_and_subject_feeds_follow_the_read_rule(client: TestClient, filled: Store) -> None:
    read = read_token(filled, "rita", ("read",))
    group = client.get(f"{API}/feeds/groups/ITU-T-SG13.ics", params={"token": read})
    assert group.status_code == 200, group.text
    summaries = {str(e["SUMMARY"]) for e in Calendar.from_ical(group.content).walk("VEVENT")}
    assert "Target: Q6/13" in summaries
    subject = client.get(f"{API}/feeds/subjects/IMT.atom", params={"token": read})
    assert subject.status_code == 200 and not feedparser.parse(subject.content).bozo
    assert client.get(f"{API}/feeds/groups/itu-t-sg13.ics").status_code == 401
    write = read_token(filled, "rita", ("read", "write"))
    assert (
        client.get(f"{API}/feeds/groups/itu-t-sg13.ics", params={"token": write}).status_code == 403
    )
    assert (
        client.get(f"{API}/feeds/groups/itu-t-sg99.ics", params={"token": read}).status_code == 404
    )
    assert (
        client.get(f"{API}/feeds/groups/itu-t-sg13.pdf", params={"token": read}).status_code == 422
    )
    assert client.get(f"{API}/feeds/roadmaps/x.ics", params={"token": read}).status_code == 422


def test_a_public_registry_has_public_group_feeds(filled: Store) -> None:
    with TestClient(make_app(filled, anonymous_read=True)) as anonymous:
        assert anonymous.get(f"{API}/feeds/groups/itu-t-sg13.atom").status_code == 200
        assert anonymous.get(f"{API}/feeds/me.atom").status_code == 401  # never public
