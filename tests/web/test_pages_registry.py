"""Registry pages: browse and search, an item, its edit form (own Sector only, CSRF, stale
version refused), its history with who changed what, documents side by side."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient
from tests.web.conftest import sign_in

from intersector.store import Store

EDIT = "/items/activity/itu-t-q6-13/edit"


def form_of(client: TestClient, path: str) -> dict[str, str]:
    return form_in(client.get(path).text)


def form_in(page: str) -> dict[str, str]:
    """The values of a page's form inputs and selects (as the browser would send them)."""
    fields = dict(re.findall(r'<input[^>]* name="([^"]+)"[^>]* value="([^"]*)"', page))
    fields = {k: html.unescape(v) for k, v in fields.items()}
    for name, body in re.findall(r'<select id="[^"]+" name="([^"]+)">(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]+)" selected', body)
        fields[name] = chosen.group(1) if chosen else ""
    return fields


def test_browse_filter_and_pages(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/registry", params={"type": "activities", "sector": "itu-d"})
    assert page.status_code == 200
    assert "Q5/2" in page.text and "Y.3101" not in page.text
    liaisons = client.get("/registry", params={"type": "liaisons"})
    assert 'href="/liaisons/sg2-ls-emergency"' in liaisons.text
    assert client.get("/registry", params={"type": "users"}).status_code == 422  # unknown value


def test_search_page(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/search", params={"q": "disaster"})
    assert 'href="/items/activity/itu-d-q5-2"' in page.text


def test_item_page_shows_edit_only_to_its_sector(client: TestClient) -> None:
    sign_in(client, "tom")
    own = client.get("/items/activity/itu-t-q6-13")
    assert f'href="{EDIT}"' in own.text
    other = client.get("/items/activity/itu-r-rec-m.2150")
    assert "/edit" not in other.text
    assert client.get("/items/activity/itu-r-rec-m.2150/edit").status_code == 403


def test_editor_saves_the_form(client: TestClient, filled: Store) -> None:
    sign_in(client, "tom")
    form = form_of(client, EDIT) | {"target": "2026-12-31", "reason": "agreed at SG13"}
    saved = client.post(EDIT, data=form, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    stored = filled.current("activity", "itu-t-q6-13")
    assert stored.data["target"] == "2026-12-31"
    assert (stored.author, stored.reason) == ("tom", "agreed at SG13")
    history = client.get("/items/activity/itu-t-q6-13/history").text
    assert "agreed at SG13" in history and "2026-12-31" in history and "tom" in history


def test_form_refusals(client: TestClient, filled: Store) -> None:
    sign_in(client, "tom")
    form = form_of(client, EDIT)
    assert client.post(EDIT, data=form | {"csrf": "forged"}).status_code == 403
    bad = client.post(EDIT, data=form | {"status": "finished"})
    assert bad.status_code == 422 and "finished" in bad.text
    bad_date = client.post(EDIT, data=form | {"start": "soon"})
    assert bad_date.status_code == 422
    moved = client.post(EDIT, data=form | {"sector": "itu-r"})
    assert moved.status_code == 403
    assert client.post(EDIT, data=form | {"title": "one"}).status_code in (200, 303)
    stale = client.post(EDIT, data=form | {"title": "two"})
    assert stale.status_code == 412 and "version" in stale.text
    assert filled.get("activity", "itu-t-q6-13").title == "one"


def test_reader_cannot_post_the_form(client: TestClient) -> None:
    sign_in(client, "tom")
    form = form_of(client, EDIT)
    client.post("/logout", data={"csrf": form["csrf"]})
    sign_in(client, "rita")
    form["csrf"] = form_of(client, "/account")["csrf"]
    assert client.post(EDIT, data=form).status_code == 403


def test_document_page_side_by_side(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/documents/wtsa-res-57")
    assert page.status_code == 200
    assert '<article lang="en">' in page.text and '<article lang="fr">' in page.text
    # a reference to a text neither stored nor in the registry: named, not linked (no 404)
    assert "wtdc-res-5" in page.text and 'href="/go/wtdc-res-5"' not in page.text
    assert client.get("/documents/wtsa-res-999").status_code == 404
    assert "wtsa-res-57" in client.get("/documents").text


def test_go_finds_the_page_of_an_id(client: TestClient) -> None:
    sign_in(client, "rita")
    assert client.get("/go/itu-t-sg13", follow_redirects=False).headers["location"] == (
        "/items/group/itu-t-sg13"
    )
    assert client.get("/go/sg2-ls-emergency", follow_redirects=False).headers["location"] == (
        "/liaisons/sg2-ls-emergency"
    )


def test_editor_creates_an_activity_from_the_page(client: TestClient, filled: Store) -> None:
    sign_in(client, "tom")
    assert 'href="/items/activity/new"' in client.get("/registry").text
    form = form_of(client, "/items/activity/new")
    assert form["sector"] == "itu-t"  # the editor's own Sector, preselected
    data = form | {
        "id": "itu-t-q42-13",
        "identifier": "Q42/13",
        "title": "A new Question",
        "group": "itu-t-sg13",
        "subjects": "imt; emergency-telecommunications",
        "start": "2025-01-01",
    }
    created = client.post("/items/activity/new", data=data, follow_redirects=False)
    assert created.status_code == 303, created.text
    stored = filled.current("activity", "itu-t-q42-13")
    assert stored.author == "tom"
    assert stored.data["subjects"] == ["imt", "emergency-telecommunications"]


def test_creation_refusals(client: TestClient, filled: Store) -> None:
    sign_in(client, "tom")
    form = form_of(client, "/items/activity/new") | {"identifier": "Q1/1", "title": "x"}
    other = client.post("/items/activity/new", data=form | {"id": "itu-r-q1-1", "sector": "itu-r"})
    assert other.status_code == 403
    bad_id = client.post("/items/activity/new", data=form | {"id": "Not An Id"})
    assert bad_id.status_code == 422 and "not-an-id" in bad_id.text
    taken = client.post("/items/activity/new", data=form | {"id": "itu-t-q6-13"})
    assert taken.status_code == 409
    assert client.get("/items/subject/new").status_code == 404
    assert not filled.exists("activity", "itu-r-q1-1")


def test_editor_edits_own_roadmap_entries(client: TestClient, filled: Store) -> None:
    sign_in(client, "rosa")
    url = "/items/roadmap/itu-r-imt/edit"
    form = form_of(client, url)
    html = client.get(url).text
    assert "itu-r-rec-m.2083\nitu-r-rec-m.2150</textarea>" in html
    entries = "itu-r-rec-m.2150 | radio interfaces | revision 3 = 2026-03-01\nitu-r-rec-m.2083"
    saved = client.post(url, data=form | {"entries": entries}, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    stored = filled.get("roadmap", "itu-r-imt")
    assert [e.activity for e in stored.entries] == ["itu-r-rec-m.2150", "itu-r-rec-m.2083"]
    assert stored.entries[0].milestones[0].date.isoformat() == "2026-03-01"
    form = form_of(client, url)
    bad = client.post(url, data=form | {"entries": "itu-r-rec-m.2150 | x | revision 3 2026"})
    assert bad.status_code == 422 and "line 1" in bad.text
    assert client.get("/items/roadmap/itu-t-imt/edit").status_code == 403


def test_a_conflict_keeps_what_was_typed_and_saving_again_wins(
    client: TestClient, filled: Store
) -> None:
    """Issue 12: after a version conflict the form comes back with the typed text, says who
    saved meanwhile, and carries the current version: saving again replaces it."""
    sign_in(client, "tom")
    form = form_of(client, EDIT)
    assert client.post(EDIT, data=form | {"title": "theirs"}).status_code in (200, 303)
    typed = {"title": "my careful new title", "reason": "my reason"}
    stale = client.post(EDIT, data=form | typed)
    assert stale.status_code == 412
    page = html.unescape(stale.text)
    assert 'value="my careful new title"' in page and 'value="my reason"' in page
    assert "tom saved version 2 of this item" in page and "save again to replace it" in page
    again = client.post(EDIT, data=form_in(stale.text), follow_redirects=False)
    assert again.status_code == 303
    assert filled.get("activity", "itu-t-q6-13").title == "my careful new title"


def test_saving_says_saved_in_the_language(client: TestClient) -> None:
    sign_in(client, "tom")
    form = form_of(client, EDIT) | {"target": "2027-01-31"}
    saved = client.post(EDIT, data=form, headers={"Accept-Language": "fr"})
    assert saved.status_code == 200 and saved.url.path == "/items/activity/itu-t-q6-13"
    assert "Enregistré : version 2." in html.unescape(saved.text)
    assert "Enregistré" not in client.get("/items/activity/itu-t-q6-13").text


def test_a_reader_is_told_an_activity_not_a_activity(client: TestClient) -> None:
    sign_in(client, "rita")
    refused = client.get(f"{EDIT}")
    assert refused.status_code == 403
    text = html.unescape(refused.text)
    assert "may not change an activity" in text and "a activity" not in text


def test_the_edit_form_asks_for_the_plan_in_the_readers_language(client: TestClient) -> None:
    """Issue 13: stage (a choice that may stay empty, its options in the page's language), %
    complete (a number from 0 to 100), baseline target and finish (dates)."""
    sign_in(client, "cora")
    page = client.get("/items/activity/itu-r-rec-m.2150/edit", headers={"Accept-Language": "fr"})
    text = page.text
    assert '<option value="draft" selected>projet de texte</option>' in text
    assert '<option value="" >—</option>' in text
    assert 'name="percent_complete" type="number"' in text and 'min="0" max="100"' in text
    assert 'name="baseline_target" type="date" value="2025-06-30"' in text
    assert 'name="finished" type="date"' in text and "Étape" in text


def test_every_link_of_a_document_page_leads_somewhere(client: TestClient, filled: Store) -> None:
    """Issue 12: addressees that are roles (tsb-director) and references to texts not ingested
    are shown unlinked; every link left opens a page."""
    from intersector.domain.registry import Activity

    sign_in(client, "rita")
    filled.save(  # WTDC Res. 5 in the registry: the reference to it becomes a link
        Activity("wtdc-res-5", "itu-d", "resolution", "Resolution 5", "Participation"),
        author="test",
        reason="a referenced text in the registry",
    )
    page = client.get("/documents/wtsa-res-57").text
    links = set(re.findall(r'href="(/go/[^"]+)"', page))
    assert "/go/wtdc-res-5" in links and "/go/pp-res-123" not in links
    for link in links:
        assert client.get(link).status_code == 200, link
    assert '<span class="chip">tsb-director</span>' in page
    assert 'href="/go/tsb-director"' not in page


def test_the_registry_item_of_a_stored_text_links_to_it(client: TestClient, filled: Store) -> None:
    from intersector.domain.registry import Activity

    sign_in(client, "rita")
    if not filled.exists("activity", "wtsa-res-57"):  # as the sample registry files it
        filled.save(
            Activity("wtsa-res-57", "itu", "resolution", "Resolution 57", "Coordination"),
            author="test",
            reason="the registry item of the text",
        )
    page = client.get("/items/activity/wtsa-res-57").text
    assert 'href="/documents/wtsa-res-57"' in page


def test_in_french_the_french_text_comes_first(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/documents/wtsa-res-57", headers={"Accept-Language": "fr"}).text
    assert page.index('<article lang="fr">') < page.index('<article lang="en">')
    english = client.get("/documents/wtsa-res-57").text
    assert english.index('<article lang="en">') < english.index('<article lang="fr">')
    chosen = client.get(
        "/documents/wtsa-res-57?language=en", headers={"Accept-Language": "fr"}
    ).text
    assert chosen.index('<article lang="en">') < chosen.index('<article lang="fr">')
