"""Following from the pages: the Follow button on a group, activity, liaison and roadmap page,
the account page's watch list, e-mail address and feed links, in English and French."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web.conftest import sign_in

from intersector.store import Store


def _follow(client: TestClient, csrf: str, item_type: str, item_id: str, follow: bool) -> str:
    response = client.post(
        "/watch",
        data={
            "type": item_type,
            "id": item_id,
            "follow": "true" if follow else "false",
            "csrf": csrf,
            "next": f"/items/{item_type}/{item_id}",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def test_follow_a_group_from_its_page_and_stop_from_the_account(
    client: TestClient, filled: Store
) -> None:
    csrf = sign_in(client, "tom")
    group = client.get("/items/group/itu-t-sg13").text
    assert ">Follow</button>" in group
    assert 'href="/api/v1/feeds/groups/itu-t-sg13.ics"' in group
    assert 'href="/api/v1/feeds/groups/itu-t-sg13.atom"' in group
    assert _follow(client, csrf, "group", "itu-t-sg13", True) == "/items/group/itu-t-sg13"
    assert ">Stop following</button>" in client.get("/items/group/itu-t-sg13").text
    account = client.get("/account").text
    assert 'href="/go/itu-t-sg13"' in account and "/api/v1/feeds/me.ics?token=" in account
    _follow(client, csrf, "group", "itu-t-sg13", False)
    assert "You follow nothing yet" in client.get("/account").text


def test_follow_buttons_on_activity_liaison_and_roadmap_pages(
    client: TestClient, filled: Store
) -> None:
    sign_in(client, "rita")
    assert ">Follow</button>" in client.get("/items/activity/itu-t-rec-y.3101").text
    assert ">Follow</button>" in client.get("/liaisons/sg2-ls-emergency").text
    roadmap = client.get("/roadmaps/imt").text
    assert ">Follow</button>" in roadmap and "/api/v1/feeds/subjects/imt.atom" in roadmap
    assert "/api/v1/feeds/" not in client.get("/items/activity/itu-t-rec-y.3101").text


def test_the_account_sets_the_e_mail_address_and_shows_feed_urls(
    client: TestClient, filled: Store
) -> None:
    csrf = sign_in(client, "rita")
    assert "No address: nothing is mailed to you." in client.get("/account").text
    saved = client.post(
        "/account/email",
        data={"address": "rita@example.org", "csrf": csrf},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert filled.get("user", "rita").email == "rita@example.org"
    assert 'value="rita@example.org"' in client.get("/account").text
    bad = client.post("/account/email", data={"address": "rita", "csrf": csrf})
    assert bad.status_code == 422 and "not an e-mail address" in bad.text
    issued = client.post("/account/tokens", data={"label": "calendar", "csrf": csrf}).text
    assert "Your feeds with the token just issued" in issued
    assert "/api/v1/feeds/me.ics?token=isk_" in issued
    write = client.post("/account/tokens", data={"write": "true", "csrf": csrf}).text
    assert "/api/v1/feeds/me.ics?token=isk_" not in write  # never a write token in a feed URL


def test_forms_need_their_csrf_token_and_french_and_spanish_are_spoken(
    client: TestClient, filled: Store
) -> None:
    sign_in(client, "rita")
    forged = client.post("/watch", data={"type": "group", "id": "itu-t-sg13", "csrf": "x"})
    assert forged.status_code == 403
    client.cookies.set("intersector_lang", "fr")
    page = client.get("/items/group/itu-t-sg13").text
    assert ">Suivre</button>" in page and "Calendrier (iCalendar)" in page
    assert "Ce que je suis" in client.get("/account").text
    client.cookies.set("intersector_lang", "es")
    page = client.get("/items/group/itu-t-sg13").text
    assert ">Seguir</button>" in page and "Calendario (iCalendar)" in page
