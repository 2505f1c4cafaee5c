"""Parsed documents in the store: same content → nothing written; another revision or language
→ kept beside the others; lookups by id, language, revision — on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from intersector.domain.documents import Document, Event
from intersector.domain.errors import NotFoundError
from intersector.store import Store
from intersector.texts.parse import parse_document

TEXTS = Path(__file__).parents[1] / "data" / "texts"


def parsed(name: str) -> Document:
    path = TEXTS / name
    return parse_document(path.read_text(encoding="utf-8"), source=name)


@pytest.fixture(scope="module")
def res57_en() -> Document:
    return parsed("wtsa-res-57-en.txt")


@pytest.fixture(scope="module")
def res57_fr() -> Document:
    return parsed("wtsa-res-57-fr.txt")


def test_a_document_reads_back_equal(store: Store, res57_en: Document) -> None:
    key, changed = store.save_document(res57_en, author="ingest")
    assert (key, changed) == ("wtsa-res-57@dubai-2012/en", True)
    assert store.get_document("wtsa-res-57") == res57_en
    assert store.get_document(key) == res57_en


def test_reingesting_the_same_text_changes_nothing(store: Store, res57_en: Document) -> None:
    store.save_document(res57_en, author="ingest")
    moved = replace(res57_en, source="elsewhere/wtsa-res-57-en.txt")
    assert store.save_document(moved, author="ingest") == ("wtsa-res-57@dubai-2012/en", False)
    [only] = store.document_versions("wtsa-res-57")
    assert (only.version, only.source) == (1, "wtsa-res-57-en.txt")
    assert len(only.content_hash) == 64


def test_a_new_language_is_kept_beside(
    store: Store, res57_en: Document, res57_fr: Document
) -> None:
    store.save_document(res57_en, author="ingest")
    store.save_document(res57_fr, author="ingest")
    assert [v.language for v in store.document_versions("wtsa-res-57")] == ["en", "fr"]
    assert store.get_document("wtsa-res-57", language="fr") == res57_fr
    assert store.get_document("wtsa-res-57") == res57_en  # English first by default


def test_a_new_revision_is_kept_beside_never_over(store: Store, res57_en: Document) -> None:
    newer = replace(res57_en, revision=Event("Geneva", 2022), title="Newer title")
    store.save_document(res57_en, author="ingest")
    key, changed = store.save_document(newer, author="ingest")
    assert (key, changed) == ("wtsa-res-57@geneva-2022/en", True)
    assert [v.revision for v in store.document_versions("wtsa-res-57")] == [
        "dubai-2012",
        "geneva-2022",
    ]
    assert store.get_document("wtsa-res-57").title == "Newer title"  # the latest by default
    assert store.get_document("wtsa-res-57", revision="Dubai, 2012") == res57_en
    assert store.get_document("wtsa-res-57", revision="2012") == res57_en
    assert store.get_document("wtsa-res-57", revision="geneva-2022") == newer


def test_a_changed_content_of_one_version_keeps_the_old(store: Store, res57_en: Document) -> None:
    store.save_document(res57_en, author="first")
    fixed = replace(res57_en, title=res57_en.title + " (corrected)")
    assert store.save_document(fixed, author="second")[1] is True
    [stored] = store.document_versions("wtsa-res-57")
    assert (stored.version, stored.updated_by) == (2, "second")
    assert store.get_document("wtsa-res-57") == fixed


def test_unknown_documents_and_versions_are_not_found(store: Store, res57_en: Document) -> None:
    with pytest.raises(NotFoundError, match="ingest it first"):
        store.get_document("wtsa-res-99")
    store.save_document(res57_en, author="ingest")
    with pytest.raises(NotFoundError, match="language=es") as caught:
        store.get_document("wtsa-res-57", language="es")
    assert "wtsa-res-57@dubai-2012/en" in str(caught.value)


def test_documents_are_listed_and_streamed(
    store: Store, res57_en: Document, res57_fr: Document
) -> None:
    res38 = parsed("wtsa-res-38-en.txt")
    for doc in (res57_fr, res38, res57_en):
        store.save_document(doc, author="ingest")
    assert [d.key for d in store.documents()] == [
        "wtsa-res-38@dubai-2012/en",
        "wtsa-res-57@dubai-2012/en",
        "wtsa-res-57@dubai-2012/fr",
    ]
    assert list(store.iter_documents(language="fr")) == [res57_fr]
    assert store.document_versions("wtsa-res-1") == []
