"""`Store`: the one object the rest of intersector uses to keep things (`open_store(url)`).

Registry items of every registered type (`codec.ITEM_TYPES`: sector, group, activity, liaison,
subject, mechanism, roadmap, and what other modules register) are versioned, never deleted:
`save`, `save_many`, `get`, `list`/`iter`, `history`, `restore`, `withdraw`. Parsed documents:
`save_document`, `get_document`, `document_versions`. Each public method is one transaction;
writes use `write()` (on SQLite `BEGIN IMMEDIATE`, a single writer), reads `read()`. Other store
modules (users, embeddings…) may build on `write()`/`read()` for their own tables.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar, overload

import sqlalchemy as sa

from intersector.domain import codec
from intersector.domain.documents import Document
from intersector.domain.errors import ValidationError, a
from intersector.domain.registry import Version
from intersector.domain.rules import text_refusals
from intersector.store import documents as docs
from intersector.store import repository
from intersector.store.engine import WRITE, connect, upgrade
from intersector.store.repository import Change, SaveSummary

T = TypeVar("T")


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Open the database at `url` (sqlite:///FILE, postgresql://…), bringing its schema up to
    date first unless `migrate` is False."""
    engine = connect(url)
    if migrate:
        upgrade(engine)
    return Store(engine)


class Store:
    """The registry and the documents, on one SQLAlchemy engine."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @property
    def dialect(self) -> str:
        """`sqlite` or `postgresql`."""
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[sa.Connection]:
        """A connection in a write transaction, committed on success, rolled back on error."""
        with self.engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin():
            yield conn

    @contextmanager
    def read(self) -> Iterator[sa.Connection]:
        """A connection in a read transaction (a consistent snapshot)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    # --- registry items ---------------------------------------------------------------------

    def save(
        self, item: object, *, author: str, reason: str, expected_version: int | None = None
    ) -> Version:
        """Save a registry item as a new version if its data changed (else return the current
        version). `expected_version`: None = last writer wins; 0 = must be new; N = the version
        you read (ConflictError if it moved on)."""
        item_type = codec.item_type_of(item)
        return self.save_data(
            item_type.name,
            codec.to_dict(item),
            author=author,
            reason=reason,
            expected_version=expected_version,
        )

    def save_data(
        self,
        item_type: str,
        data: Mapping[str, Any],
        *,
        author: str,
        reason: str,
        expected_version: int | None = None,
    ) -> Version:
        """`save` for an item given as its dict (checked against its type when registered)."""
        data = _checked(item_type, data)
        _refuse_unstorable_text(data, reason)
        change = Change(item_type, str(data["id"]), data, author, reason, repository.now())
        with self.write() as conn:
            return repository.save_one(conn, change, expected_version)

    def save_many(self, items: Iterable[object], *, author: str, reason: str) -> SaveSummary:
        """Save many items (any registered types, mixed) in ONE transaction, fast (executemany in
        chunks): new ones at version 1, changed ones as a new version, unchanged ones untouched."""
        at = repository.now()
        changes = (_change(item, author, reason, at) for item in items)
        with self.write() as conn:
            return repository.save_many(conn, changes)

    @overload
    def get(self, item_type: type[T], item_id: str) -> T: ...

    @overload
    def get(self, item_type: str, item_id: str) -> Any: ...

    def get(self, item_type: type[T] | str, item_id: str) -> T | Any:
        """The current item (withdrawn ones too: check `.withdrawn`); NotFoundError. Typed when
        the type is given as its class: `get(Activity, id) -> Activity`. Every kind the codec
        knows (`domain/codec.py`: registry items, users, tokens, reviews, corrections) comes
        back as its dataclass, whichever modules were imported."""
        if isinstance(item_type, type):
            name = codec.item_type_for(item_type).name
        else:
            name = _type_name(item_type)
        with self.read() as conn:
            data = repository.current_data(conn, name, item_id)
        return repository.decode_row(name, data)

    def current(self, item_type: str, item_id: str) -> Version:
        """The current version of an item (its number is the optimistic-locking token)."""
        name = _type_name(item_type)
        with self.read() as conn:
            number = repository.require_row(conn, name, item_id).version
            return repository.fetch_version(conn, name, item_id, number)

    def exists(self, item_type: str, item_id: str) -> bool:
        with self.read() as conn:
            return repository.current_row(conn, _type_name(item_type), item_id) is not None

    def find(self, item_id: str) -> builtins.list[str]:
        """The types that have an item with this id (for `intersector show ID`)."""
        with self.read() as conn:
            return repository.types_with_id(conn, item_id)

    def list(
        self, item_type: str, *, include_withdrawn: bool = False, **filters: str | None
    ) -> builtins.list[Any]:
        """The current items of a type, by id, filtered by `sector`, `group`, `kind`,
        `status` (a liaison's `state`), `subject`; withdrawn ones only on request."""
        return builtins.list(self.iter(item_type, include_withdrawn=include_withdrawn, **filters))

    def iter(
        self, item_type: str, *, include_withdrawn: bool = False, **filters: str | None
    ) -> Iterator[Any]:
        """`list`, streamed: for large registries."""
        name = _type_name(item_type)
        query = repository.select_items(name, include_withdrawn=include_withdrawn, **filters)
        with self.read() as conn:
            for data in repository.iter_data(conn, name, query):
                yield repository.decode_row(name, data)

    def count(
        self, item_type: str, *, include_withdrawn: bool = False, **filters: str | None
    ) -> int:
        name = _type_name(item_type)
        query = repository.select_items(name, include_withdrawn=include_withdrawn, **filters)
        with self.read() as conn:
            counted = sa.select(sa.func.count()).select_from(query.order_by(None).subquery())
            return int(conn.execute(counted).scalar_one())

    def ids(self, item_type: str) -> set[str]:
        """The ids of every item of a type, withdrawn ones included."""
        with self.read() as conn:
            return set(conn.execute(repository.ids_query(_type_name(item_type))).scalars())

    def history(self, item_type: str, item_id: str) -> builtins.list[Version]:
        """Every version of an item, oldest first."""
        with self.read() as conn:
            return repository.history(conn, _type_name(item_type), item_id)

    def version(self, item_type: str, item_id: str, number: int) -> Version:
        with self.read() as conn:
            return repository.fetch_version(conn, _type_name(item_type), item_id, number)

    def restore(
        self,
        item_type: str,
        item_id: str,
        number: int,
        *,
        author: str,
        reason: str = "",
        expected_version: int | None = None,
    ) -> Version:
        """Write a NEW version whose data is that of version `number` (nothing is rewritten)."""
        name = _type_name(item_type)
        with self.write() as conn:
            old = repository.fetch_version(conn, name, item_id, number)
            why = reason or f"restore version {number}"
            change = Change(name, item_id, old.data, author, why, repository.now())
            return repository.save_one(conn, change, expected_version)

    def withdraw(
        self,
        item_type: str,
        item_id: str,
        *,
        author: str,
        reason: str,
        expected_version: int | None = None,
    ) -> Version:
        """Mark an item withdrawn (a new version); it stays stored and listed on request."""
        name = _type_name(item_type)
        with self.write() as conn:
            data = repository.current_data(conn, name, item_id)
            data["withdrawn"] = True
            change = Change(name, item_id, _checked(name, data), author, reason, repository.now())
            return repository.save_one(conn, change, expected_version)

    # --- documents ---------------------------------------------------------------------------

    def save_document(self, doc: Document, *, author: str) -> tuple[str, bool]:
        """Store a parsed text; returns (version key, changed?). Same content → nothing written;
        another revision or language → stored beside the others."""
        with self.write() as conn:
            return docs.save_document(conn, doc, author, repository.now())

    def get_document(
        self, doc_id: str, *, language: str | None = None, revision: str | None = None
    ) -> Document:
        """A stored document: see `documents.find_document` for the defaults."""
        with self.read() as conn:
            return docs.find_document(conn, doc_id, language, revision)

    def document_versions(self, doc_id: str) -> builtins.list[docs.StoredDocument]:
        """Every stored revision/language of a work (empty if none)."""
        with self.read() as conn:
            return docs.versions_of(conn, doc_id)

    def documents(self) -> builtins.list[docs.StoredDocument]:
        """A summary of every stored document version, by id."""
        with self.read() as conn:
            return docs.list_documents(conn)

    def iter_documents(self, *, language: str | None = None) -> Iterator[Document]:
        """Every stored document, streamed (optionally one language)."""
        with self.read() as conn:
            yield from docs.iter_documents(conn, language)


def _type_name(name: str) -> str:
    """Singular type name from singular or plural; unregistered names are taken as given."""
    if name in codec.ITEM_TYPES:
        return name
    for item_type in codec.ITEM_TYPES.values():
        if name == item_type.plural:
            return item_type.name
    return name


def _refuse_unstorable_text(data: Mapping[str, Any], reason: str) -> None:
    """One item saved on its own (through the API, a form, the CLI: users, tokens, reviews as
    well as registry items) with a NUL character or a lone surrogate anywhere, or in the reason
    kept in its history, is refused the same on SQLite and PostgreSQL (PostgreSQL cannot keep
    either; SQLite would keep the NUL). Bulk saves (`save_many`) are checked by their callers."""
    found = next(text_refusals({**data, "reason": reason}, limits=False), None)
    if found is not None:
        raise ValidationError(found.message, field=found.field.lstrip("."))


def _checked(item_type: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The canonical dict of `data` (through its dataclass when the type is registered)."""
    if "id" not in data or not isinstance(data["id"], str) or not data["id"]:
        raise ValidationError(f"{a(item_type)} needs a non-empty text 'id'", field="id")
    if item_type not in codec.ITEM_TYPES:
        return dict(data)
    return codec.to_dict(codec.from_dict(item_type, data))


def _change(item: object, author: str, reason: str, at: Any) -> Change:
    item_type = codec.item_type_of(item)
    data = codec.to_dict(item)
    return Change(item_type.name, str(data["id"]), data, author, reason, at)
