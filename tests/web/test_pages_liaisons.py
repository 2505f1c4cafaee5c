"""The liaison workspace pages (issue 12): the list with date, from, to, purpose, deadline and
state (an overdue liaison reads overdue, by `coordination.liaisons.overdue`), its filters in any
case and unknown ones refused, facets, sorting and downloads of exactly the rows shown; a
liaison page with its thread, contacts, attachments and history; reply, mark answered and close
for the receiving group's editors only, each a new version with who and why."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

from fastapi.testclient import TestClient
from tests.web.conftest import sign_in

from intersector.store import Store

OVERDUE = "sg2-ls-emergency"  # ITU-D SG2 → ITU-T SG2 for action, deadline 2025-01-15


def rows(html: str) -> list[str]:
    return re.findall(r'<tr data-id="([^"]+)"', html)


def test_the_list_has_the_datatracker_columns(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/liaisons")
    assert page.status_code == 200
    text = unescape(page.text)
    for column in ("Date", "Reference", "From", "To", "Purpose", "Title", "Deadline", "State"):
        assert f">{column}</a></th>" in text or f">{column} <span" in text
    row = text[text.index(f'data-id="{OVERDUE}"') :].split("</tr>")[0]
    assert "2024-11-01" in row and "itu-d-sg2" in row and "itu-t-sg2" in row
    assert "2025-01-15" in row and "state-overdue" in row and ">overdue<" in row
    assert rows(page.text)[0] == OVERDUE  # newest first by default


def test_filters_in_any_case_and_unknown_values_refused(client: TestClient) -> None:
    sign_in(client, "rita")
    assert rows(client.get("/liaisons?state=OVERDUE").text) == [OVERDUE]
    assert rows(client.get("/liaisons?overdue=true").text) == [OVERDUE]
    assert OVERDUE not in rows(client.get("/liaisons?overdue=false").text)
    assert rows(client.get("/liaisons?sector=ITU-D").text) == [OVERDUE]
    assert len(rows(client.get("/liaisons?sector=itu-r").text)) == 2
    assert rows(client.get("/liaisons?group=ITU-T-SG2").text) == [OVERDUE]
    assert rows(client.get("/liaisons?purpose=Response").text) == ["sg13-ls-reply-imt-2020"]
    for query, field in (
        ("state=late", "late"),
        ("sector=itu-x", "itu-x"),
        ("sort=colour", "colour"),
    ):
        refused = client.get(f"/liaisons?{query}")
        assert refused.status_code == 422 and field in unescape(refused.text)


def test_needs_action_by_me(client: TestClient) -> None:
    sign_in(client, "tom")  # ITU-T editor: ITU-T SG2 owes the overdue liaison
    assert rows(client.get("/liaisons?mine=true").text) == [OVERDUE]
    client.post("/logout", data={"csrf": ""})
    sign_in(client, "rosa")  # ITU-R editor: nothing sent for action to ITU-R is unanswered
    assert rows(client.get("/liaisons?mine=true").text) == []


def test_facets_sort_and_downloads_show_the_rows_shown(client: TestClient) -> None:
    sign_in(client, "rita")
    page = unescape(client.get("/liaisons?sort=reference&order=asc").text)
    assert 'data-facet="state"' in page and 'data-facet="sector"' in page
    state = page[page.index('data-facet="state"') :].split("</details>")[0]
    assert re.search(r">overdue</a> <span class=\"count\">1<", state)
    shown = rows(page)
    assert shown == [OVERDUE, "sg13-ls-reply-imt-2020", "wp5d-ls-imt-2020"]  # SG2 < SG13 < WP5D
    data = client.get("/liaisons.json?sort=reference&order=asc").json()
    assert [r["id"] for r in data["rows"]] == shown and data["total"] == 3
    assert data["facets"]["state"] and data["sort"] == "reference"
    table = list(csv.DictReader(io.StringIO(client.get("/liaisons.csv?sort=reference").text)))
    assert [r["id"] for r in table] == shown
    assert (
        "/liaisons.csv?sort=reference&amp;order=asc"
        in client.get("/liaisons?sort=reference&order=asc").text
    )
    one = client.get("/liaisons.json?limit=1&offset=1&sort=reference&order=asc").json()
    assert [r["id"] for r in one["rows"]] == shown[1:2] and one["next_offset"] == 2


def test_the_liaison_page_has_thread_contacts_attachments_history(client: TestClient) -> None:
    sign_in(client, "rita")
    page = unescape(client.get("/liaisons/WP5D-LS-IMT-2020").text)
    assert 'href="/liaisons/sg13-ls-reply-imt-2020"' in page  # the reply, linked
    assert 'id="contacts"' in page and "For action" in page and "itu-t-sg13" in page
    assert 'id="attachments"' in page and 'id="history"' in page and "test registry" in page
    assert 'id="act"' not in page  # a reader has nothing to do here


def test_editors_of_the_receiving_group_close_others_get_403(
    client: TestClient, filled: Store
) -> None:
    csrf = sign_in(client, "rosa")  # ITU-R: the liaison goes to ITU-T SG2
    assert 'id="act"' not in client.get(f"/liaisons/{OVERDUE}").text
    form = {"csrf": csrf, "state": "closed", "reason": "handled elsewhere", "version": "1"}
    refused = client.post(f"/liaisons/{OVERDUE}/state", data=form, follow_redirects=False)
    assert refused.status_code == 403
    client.post("/logout", data={"csrf": csrf})
    csrf = sign_in(client, "tom")
    assert 'id="act"' in client.get(f"/liaisons/{OVERDUE}").text
    done = client.post(
        f"/liaisons/{OVERDUE}/state", data={**form, "csrf": csrf}, follow_redirects=False
    )
    assert done.status_code == 303
    history = filled.history("liaison", OVERDUE)
    assert (history[-1].author, history[-1].reason, history[-1].data["state"]) == (
        "tom",
        "handled elsewhere",
        "closed",
    )
    again = client.post(f"/liaisons/{OVERDUE}/state", data={**form, "csrf": csrf, "version": "2"})
    assert again.status_code == 422 and "closed" in unescape(again.text)  # closed is final


def test_reply_is_a_new_liaison_and_answers_the_first(client: TestClient, filled: Store) -> None:
    csrf = sign_in(client, "tom")
    form = {"csrf": csrf, "title": "Numbering for emergency services", "from_group": "itu-t-sg2"}
    sent = client.post(f"/liaisons/{OVERDUE}/reply", data=form, follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"].startswith(
        f"/liaisons/{OVERDUE}-reply-1"
    )
    reply = filled.get("liaison", f"{OVERDUE}-reply-1")
    assert (reply.from_group, reply.replies_to, reply.for_information) == (
        "itu-t-sg2",
        OVERDUE,
        ("itu-d-sg2",),
    )
    first = filled.history("liaison", OVERDUE)[-1]
    assert first.data["state"] == "answered" and first.author == "tom"
    page = unescape(client.get(f"/liaisons/{OVERDUE}").text)
    assert f'href="/liaisons/{OVERDUE}-reply-1"' in page and "state-overdue" not in page
    empty = client.post(f"/liaisons/{OVERDUE}/reply", data={**form, "title": " "})
    assert empty.status_code == 422 and "title" in empty.text


def test_french_list(client: TestClient) -> None:
    sign_in(client, "rita")
    client.cookies.set("intersector_lang", "fr")
    page = unescape(client.get("/liaisons?state=overdue").text)
    assert "Déclarations de liaison" in page and ">en retard<" in page and "Échéance" in page
