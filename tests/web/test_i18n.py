from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from intersector.web import i18n

TEMPLATES = Path(i18n.__file__).parent / "templates"


@pytest.mark.parametrize(
    ("cookie", "header", "expected"),
    [
        (None, None, "en"),
        (None, "fr-FR,fr;q=0.9,en;q=0.5", "fr"),
        (None, "en;q=0.4, fr;q=0.8", "fr"),
        (None, "de, es", "en"),
        ("fr", "en", "fr"),
        ("xx", "fr", "fr"),
        (None, "fr;q=oops", "fr"),
    ],
)
def test_negotiate(cookie: str | None, header: str | None, expected: str) -> None:
    assert i18n.negotiate(cookie, header) == expected


def test_catalogs_have_the_same_keys() -> None:
    assert set(i18n.catalog("en")) == set(i18n.catalog("fr"))


def test_every_literal_key_of_the_templates_is_translated() -> None:
    used = set()
    for template in TEMPLATES.glob("*.j2"):
        used |= set(re.findall(r"""t\(["']([a-z_]+\.[a-z_.0-9-]+)["']\)""", template.read_text()))
    missing = sorted(used - set(i18n.catalog("fr")))
    assert not missing, missing


def test_catalogs_are_valid_json_files() -> None:
    for language in i18n.LANGUAGES:
        json.loads((i18n.LOCALES / f"{language}.json").read_text(encoding="utf-8"))
    assert i18n.translate("fr", "nav.roadmaps") == "Feuilles de route"
    assert i18n.translate("fr", "no.such.key") == "no.such.key"
