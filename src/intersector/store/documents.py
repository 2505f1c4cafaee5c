"""Parsed ITU texts in the store, as their documented JSON (`domain.document_json`).

One row per stored version of a work (`Document.version_key`: `wtsa-res-57@dubai-2012/en`), so a
new revision or a new language is kept beside the old ones, never over them. Saving a document
whose content is unchanged (same content hash, the source path aside) writes nothing; a changed
content of the same version (a corrected text, a better parse) becomes its next version number, and
the earlier contents stay in `document_versions`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from intersector.domain.document_json import document_from_dict, document_to_dict
from intersector.domain.documents import Document
from intersector.domain.errors import NotFoundError
from intersector.domain.ids import make_id
from intersector.store.repository import as_utc
from intersector.store.tables import document_versions, documents


@dataclass(frozen=True)
class StoredDocument:
    """What the store knows of one stored version of a work, without its content."""

    key: str  # wtsa-res-57@dubai-2012/en
    id: str  # wtsa-res-57
    language: str
    revision: str  # dubai-2012, or "original"
    year: int | None
    version: int  # how many contents this key has had (1 unless re-parsed differently)
    kind: str
    body: str
    number: str
    title: str
    source: str  # the file it was read from
    content_hash: str
    updated_at: datetime
    updated_by: str


def content_hash(data: dict[str, Any]) -> str:
    """SHA-256 of the document JSON, its `source` path left out (the same text read from another
    place is the same content)."""
    canonical = {k: v for k, v in data.items() if k != "source"}
    text = json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def revision_key(doc: Document) -> str:
    """The revision part of the version key: `dubai-2012`, or `original`."""
    return doc.version_key.split("@", 1)[1].rsplit("/", 1)[0]


def save_document(
    conn: sa.Connection, doc: Document, author: str, at: datetime
) -> tuple[str, bool]:
    """Store `doc` (in the caller's write transaction); returns (version key, changed?)."""
    data = document_to_dict(doc)
    digest = content_hash(data)
    key = doc.version_key
    row = conn.execute(sa.select(documents).where(documents.c.key == key)).first()
    if row is not None and row.content_hash == digest:
        return key, False
    number = 1 if row is None else row.version + 1
    values = _document_row(doc, data, digest, number, author, at)
    if row is None:
        conn.execute(documents.insert(), [values])
    else:
        del values["key"]
        conn.execute(documents.update().where(documents.c.key == key).values(**values))
    conn.execute(
        document_versions.insert(),
        [
            {
                "key": key,
                "number": number,
                "content_hash": digest,
                "source": doc.source,
                "author": author,
                "at": at,
                "data": data,
            }
        ],
    )
    return key, True


def _document_row(
    doc: Document, data: dict[str, Any], digest: str, number: int, author: str, at: datetime
) -> dict[str, Any]:
    return {
        "key": doc.version_key,
        "doc_id": doc.id,
        "language": doc.language,
        "revision": revision_key(doc),
        "year": doc.revision.year if doc.revision else None,
        "version": number,
        "kind": doc.kind,
        "body": doc.body,
        "number": doc.number,
        "title": doc.title,
        "source": doc.source,
        "content_hash": digest,
        "data": data,
        "updated_at": at,
        "updated_by": author,
    }


def stored(row: Any) -> StoredDocument:
    return StoredDocument(
        key=row.key,
        id=row.doc_id,
        language=row.language,
        revision=row.revision,
        year=row.year,
        version=row.version,
        kind=row.kind,
        body=row.body,
        number=row.number,
        title=row.title,
        source=row.source,
        content_hash=row.content_hash,
        updated_at=as_utc(row.updated_at),
        updated_by=row.updated_by,
    )


_SUMMARY = [c for c in documents.c if c.name != "data"]


def versions_of(conn: sa.Connection, doc_id: str) -> list[StoredDocument]:
    """Every stored version of the work `doc_id`: oldest revision first, then by language."""
    rows = conn.execute(
        sa.select(*_SUMMARY)
        .where(documents.c.doc_id == doc_id)
        .order_by(documents.c.year.nulls_first(), documents.c.revision, documents.c.language)
    )
    return [stored(row) for row in rows]


def find_document(
    conn: sa.Connection, doc_id: str, language: str | None, revision: str | None
) -> Document:
    """The document `doc_id` (or a version key `id@revision/language`) in `language` (default:
    English if stored, else the first) at `revision` (`dubai-2012`, `Dubai, 2012` or `2012`;
    default: the latest). NotFoundError listing what is stored."""
    if "@" in doc_id:
        return _by_key(conn, doc_id)
    candidates = versions_of(conn, doc_id)
    chosen = _choose(candidates, language, revision)
    if chosen is None:
        raise _not_found(doc_id, language, revision, candidates)
    return _by_key(conn, chosen.key)


def _choose(
    candidates: list[StoredDocument], language: str | None, revision: str | None
) -> StoredDocument | None:
    if revision:
        wanted = make_id(revision)
        candidates = [c for c in candidates if wanted in (c.revision, str(c.year))]
    if not candidates:
        return None
    latest = max(c.year or 0 for c in candidates)
    candidates = [c for c in candidates if (c.year or 0) == latest] if not revision else candidates
    languages = [language] if language else ["en", *sorted({c.language for c in candidates})]
    for lang in languages:
        for candidate in reversed(candidates):
            if candidate.language == lang:
                return candidate
    return None


def _by_key(conn: sa.Connection, key: str) -> Document:
    data = conn.execute(sa.select(documents.c.data).where(documents.c.key == key)).scalar()
    if data is None:
        raise NotFoundError(
            f"no stored document {key!r}: ingest it first (`intersector ingest FILE`)", field="id"
        )
    return document_from_dict(data)


def _not_found(
    doc_id: str, language: str | None, revision: str | None, candidates: list[StoredDocument]
) -> NotFoundError:
    if not candidates:
        return NotFoundError(
            f"no stored document {doc_id!r}: ingest it first (`intersector ingest FILE`)",
            field="id",
        )
    wanted = ", ".join(f"{n}={v}" for n, v in (("language", language), ("revision", revision)) if v)
    have = ", ".join(c.key for c in candidates)
    return NotFoundError(f"{doc_id!r} has no version with {wanted}; stored: {have}", field="id")


def iter_documents(conn: sa.Connection, language: str | None = None) -> Iterator[Document]:
    """Every stored document (current content of each version key), streamed, by key."""
    query = sa.select(documents.c.data).order_by(documents.c.key)
    if language:
        query = query.where(documents.c.language == language)
    result = conn.execution_options(stream_results=True, yield_per=200).execute(query)
    for (data,) in result:
        yield document_from_dict(data)


def list_documents(conn: sa.Connection) -> list[StoredDocument]:
    rows = conn.execute(sa.select(*_SUMMARY).order_by(documents.c.doc_id, documents.c.key))
    return [stored(row) for row in rows]
