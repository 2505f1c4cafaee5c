"""The duplicates review page (issues 9 and 12): it pages through every stored candidate, its
filters work (reviewed, Sector in any case, relation, decision, item), each candidate shows its
evidence side by side, no decision is preselected, and a confirmed duplicate shows on both
activities' pages. HTML tests on SQLite and PostgreSQL; the browser test is in test_browser."""

from __future__ import annotations

from html import unescape

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import sign_in
from tests.web.web_registry import candidate_row

from intersector.domain.registry import Activity
from intersector.store import Store
from intersector.store.analytics import replace_candidates

PAIR = "itu-r-rec-m.2150~itu-t-rec-y.3101"
EXTRA = 24  # ITU-D Questions, each a candidate of Y.3101: 25 candidates with the fixture's


def side(activity: Activity) -> dict[str, object]:
    return {
        "id": activity.id,
        "sector": activity.sector,
        "group": activity.group,
        "language": "en",
        "title": activity.title,
        "when": None,
        "subjects": [],
        "version": "1",
    }


def extra_rows(store: Store) -> list[dict[str, object]]:
    y3101 = side(store.get("activity", "itu-t-rec-y.3101"))
    rows = []
    for n in range(1, EXTRA + 1):
        question = Activity(
            f"itu-d-q{n}-9", "itu-d", "question", f"Q{n}/9", f"Networks question {n}", "itu-d-sg2"
        )
        store.save(question, author="fixture", reason="paging test")
        rows.append(
            {
                **candidate_row("itu-t-rec-y.3101", "itu-r-rec-m.2150", score=0.5 - n / 100),
                "id": f"itu-d-q{n}-9~itu-t-rec-y.3101",
                "left": side(question),
                "right": y3101,
                "relation": "complementary" if n % 2 else "overlapping",
            }
        )
    return rows


@pytest.fixture
def many(filled: Store) -> Store:
    replace_candidates(
        filled, [candidate_row("itu-t-rec-y.3101", "itu-r-rec-m.2150"), *extra_rows(filled)]
    )
    return filled


def shown_ids(html: str) -> list[str]:
    return [
        unescape(part.split('"', 1)[0])
        for part in html.split('<article class="card candidate" id="')[1:]
    ]


def test_pages_through_every_candidate(client: TestClient, many: Store) -> None:
    sign_in(client, "rita")
    first = client.get("/duplicates").text
    assert len(shown_ids(first)) == 20 and shown_ids(first)[0] == PAIR
    assert '<b class="total">25</b>' in first
    assert 'rel="next" href="/duplicates?offset=20"' in first  # the query kept as asked
    second = client.get("/duplicates", params={"offset": 20}).text
    assert len(shown_ids(second)) == 5 and not set(shown_ids(first)) & set(shown_ids(second))
    assert 'rel="prev" href="/duplicates?offset=0"' in second
    small = client.get("/duplicates", params={"limit": 10, "offset": 10}).text
    assert shown_ids(small) == shown_ids(first)[10:20]


def test_filters_work_and_are_kept_while_paging(client: TestClient, many: Store) -> None:
    sign_in(client, "rita")
    itu_r = client.get("/duplicates", params={"sector": "ITU-R"}).text  # any case
    assert shown_ids(itu_r) == [PAIR] and '<b class="total">1</b>' in itu_r
    assert '<option value="itu-r" selected>' in itu_r
    over = client.get("/duplicates", params={"relation": "overlapping", "limit": 10}).text
    assert '<b class="total">13</b>' in over  # the fixture's pair and 12 of the 24
    assert "relation=overlapping" in over.split('rel="next"')[1].split(">")[0]
    item = client.get("/duplicates", params={"item": "ITU-D-Q3-9"}).text
    assert shown_ids(item) == ["itu-d-q3-9~itu-t-rec-y.3101"]


def test_reviewed_filter_follows_the_reviews(client: TestClient, many: Store) -> None:
    csrf = sign_in(client, "cora")
    response = client.post(
        f"/duplicates/{PAIR}/review",
        data={
            "decision": "confirmed",
            "note": "same",
            "csrf": csrf,
            "back": "reviewed=false&sector=ITU-R",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/duplicates?reviewed=false&sector=ITU-R#{PAIR}"
    fresh = client.get("/duplicates", params={"reviewed": "false"}).text
    assert PAIR not in shown_ids(fresh) and '<b class="total">24</b>' in fresh
    done = client.get("/duplicates", params={"reviewed": "true"}).text
    assert shown_ids(done) == [PAIR] and "confirmed duplicate" in done
    confirmed = client.get("/duplicates", params={"decision": "confirmed"}).text
    assert shown_ids(confirmed) == [PAIR]


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"sector": "ITU-X"}, "itu-d, itu-r, itu-t"),
        ({"reviewed": "perhaps"}, "false, true"),
        ({"relation": "twins"}, "same-work"),
        ({"item": "no-such-item"}, "known values"),
    ],
)
def test_unknown_filter_values_are_errors_not_empty_pages(
    client: TestClient, many: Store, params: dict[str, str], named: str
) -> None:
    sign_in(client, "rita")
    response = client.get("/duplicates", params=params)
    assert response.status_code == 422
    assert named in unescape(response.text)


def test_evidence_side_by_side(client: TestClient, many: Store) -> None:
    sign_in(client, "rita")
    html = client.get("/duplicates", params={"item": "itu-r-rec-m.2150"}).text
    table = html.split('<table class="evidence">')[1].split("</table>")[0]
    assert '<a href="/go/itu-r-rec-m.2150">' in table and '<a href="/go/itu-t-rec-y.3101">' in table
    assert "itu-r · itu-r-wp5d" in table and "itu-t · itu-t-sg13" in table
    assert "Detailed specifications of the terrestrial radio interfaces of IMT-2020" in table
    shared = html.split('<p class="shared">')[1].split("</p>")[0]
    assert "imt-2020" in shared and "network" in shared
    client.cookies.set("intersector_lang", "fr")
    french = client.get("/duplicates", params={"item": "itu-r-rec-m.2150"}).text
    assert "Termes clés communs" in french and "Secteur · groupe" in french


def test_no_decision_is_preselected_and_an_empty_one_is_refused(
    client: TestClient, many: Store
) -> None:
    csrf = sign_in(client, "cora")
    html = client.get("/duplicates", params={"limit": 10}).text
    form = html.split('<form method="post" action="/duplicates/')[1].split("</form>")[0]
    assert '<select id="d-1" name="decision" required>' in form
    assert '<option value="" selected disabled>' in form
    assert form.count("selected") == 1
    refused = client.post(f"/duplicates/{PAIR}/review", data={"csrf": csrf, "note": "x"})
    assert refused.status_code == 422
    assert not many.exists("overlap-review", PAIR)


def test_a_confirmed_duplicate_shows_on_both_activities_pages(
    client: TestClient, many: Store
) -> None:
    csrf = sign_in(client, "cora")
    for page in ("/items/activity/itu-t-rec-y.3101", "/items/activity/itu-r-rec-m.2150"):
        assert "confirmed-duplicates" not in client.get(page).text
    client.post(
        f"/duplicates/{PAIR}/review",
        data={"decision": "confirmed", "note": "one radio interface", "csrf": csrf},
    )
    y3101 = client.get("/items/activity/itu-t-rec-y.3101").text
    m2150 = client.get("/items/activity/itu-r-rec-m.2150").text
    assert '<a href="/go/itu-r-rec-m.2150">' in y3101.split('id="confirmed-duplicates"')[1]
    assert '<a href="/go/itu-t-rec-y.3101">' in m2150.split('id="confirmed-duplicates"')[1]
    assert "one radio interface" in y3101 and "one radio interface" in m2150
    client.post(f"/duplicates/{PAIR}/review", data={"decision": "unrelated", "csrf": csrf})
    assert "confirmed-duplicates" not in client.get("/items/activity/itu-t-rec-y.3101").text


def test_dashboard_links_to_the_unreviewed_candidates(client: TestClient, many: Store) -> None:
    sign_in(client, "rita")
    html = client.get("/").text
    assert '<a href="/duplicates?reviewed=false">' in html
    count = html.split('<a href="/duplicates?reviewed=false">')[1].split('class="count">')[1]
    assert count.startswith("25<")


def test_a_confirmed_duplicate_shows_on_a_documents_page_too(
    client: TestClient, filled: Store
) -> None:
    question = side(filled.get("activity", "itu-d-q5-2"))
    resolution = {**question, "id": "wtsa-res-57", "sector": "itu-t", "group": "wtsa"}
    pair = "itu-d-q5-2~wtsa-res-57"
    row = {**candidate_row("itu-t-rec-y.3101", "itu-r-rec-m.2150"), "id": pair}
    replace_candidates(filled, [{**row, "left": question, "right": resolution}])
    csrf = sign_in(client, "cora")
    client.post(f"/duplicates/{pair}/review", data={"decision": "confirmed", "csrf": csrf})
    document = client.get("/documents/wtsa-res-57").text.split('id="confirmed-duplicates"')[1]
    assert '<a href="/go/itu-d-q5-2">' in document
    assert "item=wtsa-res-57" in document
    activity = client.get("/items/activity/itu-d-q5-2").text.split('id="confirmed-duplicates"')[1]
    assert '<a href="/go/wtsa-res-57">' in activity
