"""The pages in French and Spanish say everything in that language (issue 12): statuses, liaison
states, relations, every finding's explanation, the sign-in error; the language switch offers
each language but the one shown."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import csrf_of, sign_in

from intersector.web import i18n

# English sentences of the five checks: none may be left on a French or Spanish page
ENGLISH = (
    "depends on",
    "Agree a common date",
    "passed its target date",
    "asked",
    "should reply",
    "open activit",
    "Send a liaison for information",
    "should remove the entry",
)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ("Ce qui demande attention", "Dépendance tardive", "dépend de", "échéance")),
        ("es", ("Lo que requiere atención", "Dependencia tardía", "depende de", "fecha objetivo")),
    ],
)
def test_dashboard_findings_in_the_language(
    client: TestClient, language: str, words: tuple[str, ...]
) -> None:
    sign_in(client, "rita")
    page = html.unescape(client.get("/", headers={"Accept-Language": language}).text)
    for word in words:
        assert word in page, word
    for english in ENGLISH:
        assert english not in page, english


def test_every_finding_explained_in_french_and_spanish(client: TestClient) -> None:
    sign_in(client, "rita")
    api = client.get("/api/v1/findings?limit=500").json()
    findings = api["items"]
    assert {f["check"] for f in findings} >= {"late-dependency", "liaison-overdue"}
    for finding in findings:
        for language in ("fr", "es"):
            said = i18n.explain(language, finding)
            assert said != finding["explanation"] and "{" not in said, said
            assert not any(english in said for english in ENGLISH), said


def test_stale_and_lonely_findings_in_french() -> None:
    stale = {
        "check": "stale-roadmap-entry",
        "explanation": "…",
        "params": {
            "sector": "itu-t",
            "name": "IMT",
            "activity": "x",
            "why": "status",
            "status": "withdrawn",
        },
    }
    assert i18n.explain("fr", stale) == (
        "La feuille de route de ITU-T « IMT » mentionne x, qui est « retirée ». ITU-T devrait "
        "retirer l'entrée ou la faire pointer vers l'activité qui l'a remplacée."
    )
    lonely = {
        "check": "no-counterpart",
        "explanation": "…",
        "params": {"subject": "emc", "count": "1", "sector": "itu-d"},
    }
    said = i18n.explain("es", lonely)
    assert said.startswith("El tema «emc» tiene 1 actividad en curso en el Sector ITU-D")
    assert "los Sectores ITU-R y ITU-T" in said
    assert i18n.how_long("fr", 400) == "un an" and i18n.how_long("es", 3) == "3 días"


def test_statuses_and_states_in_french(client: TestClient) -> None:
    sign_in(client, "rita")
    fr = {"Accept-Language": "fr"}
    page = client.get("/registry?type=activities", headers=fr).text
    cells = set(re.findall(r"<td>([^<]*)</td>", page))  # the status column among them
    codes = ("proposed", "active", "consented", "determined", "approved", "in-force")
    codes += ("superseded", "suppressed", "withdrawn")
    french = {i18n.translate("fr", f"status.{s}") for s in codes}
    assert cells & french
    assert not cells & {s for s in codes if s not in french}  # no English code left
    thread = html.unescape(client.get("/liaisons/wp5d-ls-imt-2020", headers=fr).text)
    assert re.search(
        r'class="badge state-\w+">(envoyée|répondue|close|brouillon|en retard)<', thread
    )


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Nom d'utilisateur ou mot de passe incorrect."),
        ("es", "Nombre de usuario o contraseña incorrectos."),
        ("en", "Unknown user name or wrong password."),
    ],
)
def test_the_sign_in_error_in_the_language(client: TestClient, language: str, message: str) -> None:
    headers = {"Accept-Language": language}
    csrf = csrf_of(client)
    answer = client.post(
        "/login",
        data={"username": "rita", "password": "not hers", "csrf": csrf},
        headers=headers,
    )
    assert answer.status_code == 401
    assert message in html.unescape(answer.text)


def test_the_language_switch_offers_the_others(client: TestClient) -> None:
    page = client.get("/login", headers={"Accept-Language": "es"}).text
    assert 'lang="es"' in page and "Iniciar sesión" in page
    switches = re.findall(r'class="lang" href="/lang/(\w+)', page)
    assert switches == ["en", "fr"]
    answer = client.get("/lang/es?next=/login", follow_redirects=False)
    assert answer.status_code == 303 and "intersector_lang=es" in answer.headers["set-cookie"]
