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
        (None, "de, es", "es"),
        (None, "de, it", "en"),
        ("fr", "en", "fr"),
        ("xx", "fr", "fr"),
        (None, "fr;q=oops", "fr"),
    ],
)
def test_negotiate(cookie: str | None, header: str | None, expected: str) -> None:
    assert i18n.negotiate(cookie, header) == expected


def test_catalogs_have_the_same_keys() -> None:
    for language in i18n.LANGUAGES:
        assert set(i18n.catalog(language)) == set(i18n.catalog("en")), language


# Messages that read the same in English and the other language (a word both share, a code).
SAME_WORDS = {
    "fr": {
        "column.relation",
        "column.score",
        "column.sent",  # Date
        "liaison.contacts",
        "nav.liaisons",
        "purpose.action",
        "purpose.information",
        "document.verb",  # Action
        "document.versions",
        "duplicates.note",
        "duplicates.relation",
        "duplicates.score",
        "evidence.date",
        "field.bureau",
        "field.description",
        "field.documents",
        "field.parent",
        "field.source",
        "item.version",
        "kind.bureau",
        "kind.question",
        "type.liaison",
        "type.liaison.plural",
        "watch.type",
    },
    "es": {"column.sector", "duplicates.sector", "field.sector", "type.sector"},
}


@pytest.mark.parametrize("language", [lang for lang in i18n.LANGUAGES if lang != "en"])
def test_every_message_is_translated(language: str) -> None:
    """No message left in English (but the words both languages share), none empty, and each
    keeps the {placeholders} of the English."""
    english, other = i18n.catalog("en"), i18n.catalog(language)
    untranslated = sorted(
        k for k, v in other.items() if v == english[k] and k not in SAME_WORDS[language]
    )
    assert not untranslated, untranslated
    assert all(v.strip() for v in other.values())
    for key, text in english.items():
        assert set(re.findall(r"{\w+}", other[key])) == set(re.findall(r"{\w+}", text)), key


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_vocabulary_has_a_message_in_every_language(language: str) -> None:
    """Statuses, liaison states (overdue too), relations, kinds, checks and every finding's
    explanation are messages, not the stored codes."""
    from intersector.coordination.alignment import CHECKS
    from intersector.coordination.overlap import RELATIONS
    from intersector.domain import registry

    keys = [
        *(f"status.{s}" for s in registry.ACTIVITY_STATUSES),
        *(f"state.{s}" for s in (*registry.LIAISON_STATES, "overdue")),
        *(f"relation.{r}" for r in RELATIONS),
        *(f"kind.{k}" for k in (*registry.ACTIVITY_KINDS, *registry.GROUP_KINDS)),
        *(f"check.{c}" for c in CHECKS),
        *(f"explain.{c}" for c in CHECKS),
        "login.failed",
        "login.too_many",
    ]
    missing = [k for k in keys if k not in i18n.catalog(language)]
    assert not missing, missing


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
