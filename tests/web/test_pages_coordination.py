"""Coordination pages: dashboard, roadmap with its Gantt chart, liaison thread, subject matrix,
duplicates and their review, my tokens; each page shows the data of its API twin."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.web.conftest import csrf_of, sign_in

from intersector.store import Store

PAIR = "itu-r-rec-m.2150~itu-t-rec-y.3101"


def test_dashboard_shows_what_needs_attention(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/").text
    api = client.get("/api/v1/dashboard").json()
    assert 'href="/liaisons/sg2-ls-emergency"' in page
    for finding in api["findings"]:
        assert finding["explanation"].replace("'", "&#39;") in page
    assert "itu-t-rec-y.3101" in page


def test_dashboard_in_french(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/", headers={"Accept-Language": "fr"}).text
    assert "Ce qui demande attention" in page and "Dépendance tardive" in page


def test_roadmap_page(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/roadmaps/imt").text
    assert "<svg" in page and 'role="img"' in page
    assert re.findall(r'class="lane lane-([a-z-]+)"', page) == [
        "itu-r",
        "itu-t",
        "itu-d",
    ]
    assert "Y.3101" in page
    assert client.get("/roadmaps/quantum").status_code == 404
    assert 'href="/roadmaps/imt"' in client.get("/roadmaps").text


def test_liaison_page_with_its_thread(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/liaisons/wp5d-ls-imt-2020").text
    assert page.index("WP5D-LS-1") < page.index("SG13-LS-2")
    assert 'class="current"' in page


def test_subject_matrix_page(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/subjects").text
    assert 'class="common"' in page and "itu-t-sg13" in page


def test_review_from_the_page(client: TestClient, filled: Store) -> None:
    csrf = sign_in(client, "cora")
    assert 'action="/duplicates/' in client.get("/duplicates").text
    response = client.post(
        f"/duplicates/{PAIR}/review",
        data={"decision": "confirmed", "note": "same", "csrf": csrf},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert "confirmed" in client.get("/duplicates").text
    assert filled.get("overlap-review", PAIR).reviewer == "cora"


def test_editor_has_no_review_form_and_is_refused(client: TestClient) -> None:
    csrf = sign_in(client, "tom")
    assert 'action="/duplicates/' not in client.get("/duplicates").text
    refused = client.post(
        f"/duplicates/{PAIR}/review", data={"decision": "confirmed", "csrf": csrf}
    )
    assert refused.status_code == 403


def test_account_tokens(client: TestClient, filled: Store) -> None:
    csrf = sign_in(client, "tom")
    created = client.post("/account/tokens", data={"label": "my script", "csrf": csrf})
    plain = re.search(r'<code class="secret">(isk_[^<]+)</code>', created.text)
    assert plain
    key = plain.group(1).split("_")[1]
    assert (
        client.get("/api/v1/me", headers={"Authorization": f"Bearer {plain.group(1)}"}).status_code
        == 200
    )
    client.post(f"/account/tokens/{key}/revoke", data={"csrf": csrf_of(client, "/account")})
    assert filled.get("token", key).revoked


def test_account_needs_sign_in(client: TestClient) -> None:
    assert client.get("/account", follow_redirects=False).status_code == 303


def test_admin_changes_a_role_from_the_page(client: TestClient, filled: Store) -> None:
    csrf = sign_in(client, "adam")
    page = client.get("/admin/users")
    assert page.status_code == 200 and 'action="/admin/users/tom/role"' in page.text
    response = client.post(
        "/admin/users/tom/role",
        data={"role": "editor", "sectors": "itu-t, itu-d", "csrf": csrf},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert filled.get("user", "tom").sectors == ("itu-t", "itu-d")
    assert filled.history("user", "tom")[-1].author == "adam"


def test_only_admins_see_the_users_page(client: TestClient) -> None:
    csrf = sign_in(client, "cora")
    assert client.get("/admin/users").status_code == 403
    refused = client.post("/admin/users/tom/role", data={"role": "admin", "csrf": csrf})
    assert refused.status_code == 403


def test_roadmap_page_plans_legend_bodies_and_downloads(client: TestClient) -> None:
    """Issue 12's roadmap page: bars with plan against actual and the slip, a legend, the
    dependencies drawn and listed, the coordination bodies, XLSX/ICS/JSON downloads made by the
    CLI's own report functions."""
    import io

    from icalendar import Calendar
    from openpyxl import load_workbook

    sign_in(client, "rita")
    page = client.get("/roadmaps/imt").text
    for mark in ('class="plan"', 'class="slip"', 'class="progress"', 'class="dep cross"'):
        assert mark in page, mark
    assert 'class="legend"' in page and "slip beyond the baseline" in page
    assert "Coordination bodies" in page and "Inter-Sector Coordination Group" in page
    assert ">WP 5D</a>" in page  # members named as ITU writes them
    assert '<span class="late">+365 d</span>' in page  # M.2150: 2025-06-30 → 2026-06-30
    for fmt in ("xlsx", "ics", "json"):
        assert f'href="/roadmaps/imt.{fmt}"' in page
    xlsx = client.get("/roadmaps/imt.xlsx")
    assert xlsx.status_code == 200
    assert 'filename="roadmap-imt.xlsx"' in xlsx.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.content))["ITU-R"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == "M.2150")
    assert row[headers.index("Slip (days)")] == 365
    ics = Calendar.from_ical(client.get("/roadmaps/imt.ics").content)
    assert any("M.2150" in str(e.get("summary")) for e in ics.walk("VEVENT"))
    data = client.get("/roadmaps/imt.json").json()
    rows = {r["activity"]: r for lane in data["lanes"] for r in lane["rows"]}
    assert rows["itu-r-rec-m.2150"]["slip_days"] == 365
    assert client.get("/roadmaps/imt.pdf").status_code in (400, 404, 422)


def test_roadmap_page_in_french(client: TestClient) -> None:
    sign_in(client, "rita")
    page = client.get("/roadmaps/imt", headers={"Accept-Language": "fr"}).text
    assert "Organes de coordination" in page and "Légende" in page
    assert "retard sur l&#39;échéance de référence" in page
    assert "aujourd&#39;hui" in page  # the chart's today line, in French
    assert "+365 j" in page and "feuille de route tenue par le Secteur" in page
    assert "today 20" not in page
