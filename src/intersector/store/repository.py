"""The registry repository: versioned items of any registered type, never deleted.

Each kind with tables of its own (`store/kinds.py`: activities, groups, liaisons…) is written to
them, column by column; any other type is kept as JSON in the generic `items` table. Either way
every version is a row of `item_versions` (the whole item as it was, who, when, why).

Every save that changes an item's data writes a new version (number, author, time, reason) and
keeps the old ones; a save that changes nothing writes nothing. `expected_version` gives
optimistic locking: the update is a conditional `UPDATE … WHERE version = :expected`, so two
concurrent editors of one item cannot both win, on SQLite or PostgreSQL; the loser gets a
ConflictError naming the item, its current version and who made it.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from intersector.domain import codec
from intersector.domain.errors import ConflictError, NotFoundError, ValidationError
from intersector.domain.registry import Version
from intersector.store import bulk
from intersector.store.kinds import Kind, kind_of, read_children
from intersector.store.tables import item_subjects, item_versions, items

FILTERS = ("sector", "group", "kind", "status", "subject")
_CHUNK = 500


@dataclass(frozen=True)
class SaveSummary:
    """What a bulk save did: how many items were new, changed, or already as given."""

    created: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.changed + self.unchanged


def now() -> datetime:
    return datetime.now(UTC)


def index_columns(data: Mapping[str, Any]) -> dict[str, Any]:
    """The indexed copies of an item's data: sector, group, kind, status (a liaison's group is its
    `from_group`, its status its `state`), withdrawn."""
    return {
        "sector": _text(data.get("sector")),
        "group_id": _text(data.get("group") or data.get("from_group")),
        "kind": _text(data.get("kind")),
        "status": _text(data.get("status") or data.get("state")),
        "withdrawn": bool(data.get("withdrawn", False)),
    }


def subjects_of(data: Mapping[str, Any]) -> builtins.list[str]:
    """The subjects an item is about: its `subjects` list and/or its `subject`."""
    found = [s for s in data.get("subjects") or () if isinstance(s, str)]
    if isinstance(data.get("subject"), str) and data["subject"]:
        found.append(data["subject"])
    return sorted(set(found))


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def as_utc(value: datetime) -> datetime:
    """SQLite gives naive datetimes back: they were stored as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def version_of(row: Any) -> Version:
    return Version(
        item_type=row.item_type,
        item_id=row.item_id,
        number=row.number,
        author=row.author,
        at=as_utc(row.at),
        reason=row.reason,
        data=row.data,
    )


# --- reading -------------------------------------------------------------------------------------


def main_table(item_type: str) -> sa.Table:
    """The table holding the current items of a type (`items` for the generic ones)."""
    kind = kind_of(item_type)
    return items if kind is None else kind.table


def _key(item_type: str, table: sa.Table, item_id: str) -> sa.ColumnElement[bool]:
    if table is items:
        return sa.and_(items.c.item_type == item_type, items.c.item_id == item_id)
    return table.c.id == item_id


def current_row(conn: sa.Connection, item_type: str, item_id: str, *, lock: bool = False) -> Any:
    """The item's bookkeeping row (`version`, `withdrawn`, `updated_at`, `updated_by`) or None;
    with `lock`, locked until the transaction ends (PostgreSQL; SQLite's writes are serialised
    anyway)."""
    table = main_table(item_type)
    columns = [table.c[name] for name in ("version", "withdrawn", "updated_at", "updated_by")]
    query = sa.select(*columns).where(_key(item_type, table, item_id))
    if lock and conn.dialect.name == "postgresql":
        query = query.with_for_update()
    return conn.execute(query).first()


def require_row(conn: sa.Connection, item_type: str, item_id: str) -> Any:
    row = current_row(conn, item_type, item_id)
    if row is None:
        raise not_found(item_type, item_id)
    return row


def not_found(item_type: str, item_id: str) -> NotFoundError:
    return NotFoundError(
        f"no {item_type} with id {item_id!r}: check the id (`intersector show ID`) or load it",
        field="id",
    )


def current_data(conn: sa.Connection, item_type: str, item_id: str) -> dict[str, Any]:
    """The current item as its dict, read from its tables; NotFoundError."""
    kind = kind_of(item_type)
    if kind is None:
        row = conn.execute(sa.select(items.c.data).where(_key(item_type, items, item_id))).first()
        if row is None:
            raise not_found(item_type, item_id)
        return dict(row.data)
    found = conn.execute(sa.select(kind.table).where(kind.table.c.id == item_id)).first()
    if found is None:
        raise not_found(item_type, item_id)
    children = read_children(conn, kind, [item_id])
    return kind.data(found, children[item_id])


def _version_data(conn: sa.Connection, item_type: str, item_id: str, number: int) -> Any:
    query = sa.select(item_versions.c.data).where(
        item_versions.c.item_type == item_type,
        item_versions.c.item_id == item_id,
        item_versions.c.number == number,
    )
    return conn.execute(query).scalar_one_or_none()


def fetch_version(conn: sa.Connection, item_type: str, item_id: str, number: int) -> Version:
    row = conn.execute(
        sa.select(item_versions).where(
            item_versions.c.item_type == item_type,
            item_versions.c.item_id == item_id,
            item_versions.c.number == number,
        )
    ).first()
    if row is None:
        require_row(conn, item_type, item_id)
        raise NotFoundError(
            f"{item_type} {item_id!r} has no version {number}: see `intersector history "
            f"{item_type} {item_id}`",
            field="number",
        )
    return version_of(row)


def history(conn: sa.Connection, item_type: str, item_id: str) -> builtins.list[Version]:
    require_row(conn, item_type, item_id)
    rows = conn.execute(
        sa.select(item_versions)
        .where(item_versions.c.item_type == item_type, item_versions.c.item_id == item_id)
        .order_by(item_versions.c.number)
    )
    return [version_of(row) for row in rows]


def select_items(
    item_type: str, *, include_withdrawn: bool = False, **filters: str | None
) -> sa.Select[Any]:
    """SELECT of the current rows of one type (its table's columns), filtered, ordered by id."""
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise ValidationError(
            f"unknown filter {sorted(unknown)[0]!r}: use {', '.join(FILTERS)}", field="filter"
        )
    kind = kind_of(item_type)
    if kind is None:
        return _select_generic(item_type, include_withdrawn, filters)
    table = kind.table
    query = sa.select(table)
    if not include_withdrawn:
        query = query.where(table.c.withdrawn.is_(False))
    for name, value in filters.items():
        if value is None:
            continue
        where = kind.filters.get(name)
        query = query.where(sa.false() if where is None else where(table, value))
    return query.order_by(table.c.id)


def _select_generic(
    item_type: str, include_withdrawn: bool, filters: Mapping[str, str | None]
) -> sa.Select[Any]:
    query = sa.select(items).where(items.c.item_type == item_type)
    if not include_withdrawn:
        query = query.where(items.c.withdrawn.is_(False))
    columns = {"sector": items.c.sector, "group": items.c.group_id, "kind": items.c.kind}
    columns["status"] = items.c.status
    for name, value in filters.items():
        if value is None:
            continue
        if name == "subject":
            query = query.where(_has_subject(item_type, value))
        else:
            query = query.where(columns[name] == value)
    return query.order_by(items.c.item_id)


def _has_subject(item_type: str, subject: str) -> sa.ColumnElement[bool]:
    return sa.exists().where(
        item_subjects.c.item_type == item_type,
        item_subjects.c.item_id == items.c.item_id,
        item_subjects.c.subject == subject,
    )


def iter_rows(conn: sa.Connection, query: sa.Select[Any], batch: int = 2000) -> Iterator[Any]:
    """Stream rows (server-side cursor where the driver has one)."""
    result = conn.execution_options(stream_results=True, yield_per=batch).execute(query)
    yield from result


def iter_data(
    conn: sa.Connection, item_type: str, query: sa.Select[Any], batch: int = 1000
) -> Iterator[dict[str, Any]]:
    """The dicts of the items a `select_items` query finds, streamed: the main rows a batch at a
    time, each batch's child rows in one query per child table."""
    kind = kind_of(item_type)
    result = conn.execution_options(stream_results=True, yield_per=batch).execute(query)
    if kind is None:
        for row in result:
            yield dict(row.data)
        return
    for rows in result.partitions(batch):
        children = read_children(conn, kind, [row.id for row in rows])
        for row in rows:
            yield kind.data(row, children.get(row.id, {}))


def ids_query(item_type: str) -> sa.Select[Any]:
    """SELECT of the ids of every item of a type, withdrawn ones included."""
    table = main_table(item_type)
    if table is items:
        return sa.select(items.c.item_id.label("id")).where(items.c.item_type == item_type)
    return sa.select(table.c.id)


def types_with_id(conn: sa.Connection, item_id: str) -> builtins.list[str]:
    """The types that have an item with this id."""
    found = [
        row.item_type
        for row in conn.execute(sa.select(items.c.item_type).where(items.c.item_id == item_id))
    ]
    for name, kind in _kinds().items():
        if conn.execute(sa.select(kind.table.c.id).where(kind.table.c.id == item_id)).first():
            found.append(name)
    return sorted(found)


def _kinds() -> dict[str, Kind]:
    from intersector.store.kinds import KINDS

    return KINDS


# --- writing one item ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One save to make: the item, its new data, and who/why."""

    item_type: str
    item_id: str
    data: Mapping[str, Any]
    author: str
    reason: str
    at: datetime


def save_one(conn: sa.Connection, change: Change, expected_version: int | None) -> Version:
    """Write `change` as a new version unless the data is unchanged. `expected_version`: None =
    last writer wins; 0 = the item must not exist yet; N = the item must be at version N."""
    for _attempt in range(5):  # a retry only when a concurrent writer created the item first
        row = current_row(conn, change.item_type, change.item_id, lock=expected_version is None)
        if row is None:
            if expected_version not in (None, 0):
                require_row(conn, change.item_type, change.item_id)
            if _insert_new(conn, change):
                return _version(change, 1)
        else:
            if expected_version is not None and expected_version != row.version:
                raise conflict(conn, change.item_type, change.item_id, expected_version)
            stored = _version_data(conn, change.item_type, change.item_id, row.version)
            if stored == change.data:
                return fetch_version(conn, change.item_type, change.item_id, row.version)
            if _update(conn, change, row.version):
                return _version(change, row.version + 1)
        if expected_version is not None:
            raise conflict(conn, change.item_type, change.item_id, expected_version)
    raise conflict(conn, change.item_type, change.item_id, expected_version or 0)


def _insert_new(conn: sa.Connection, change: Change) -> bool:
    """Insert a new item at version 1; False if another writer created it first."""
    kind = kind_of(change.item_type)
    table = items if kind is None else kind.table
    try:
        with conn.begin_nested():
            conn.execute(table.insert(), [_item_row(change, 1)])
    except sa.exc.IntegrityError:
        if current_row(conn, change.item_type, change.item_id) is None:  # not a race: a key
            raise ValidationError(
                f"{change.item_type} {change.item_id!r} names an item that does not exist "
                "(a token's user, …): create it first",
                field="id",
            ) from None
        return False
    _write_version_and_links(conn, change, 1, replace=False)
    return True


def _update(conn: sa.Connection, change: Change, seen: int) -> bool:
    """The conditional UPDATE: only if the item is still at version `seen`."""
    table = main_table(change.item_type)
    values = _item_row(change, seen + 1)
    for key in ("item_type", "item_id", "id"):
        values.pop(key, None)
    result = conn.execute(
        table.update()
        .where(_key(change.item_type, table, change.item_id), table.c.version == seen)
        .values(**values)
    )
    if result.rowcount != 1:
        return False
    _write_version_and_links(conn, change, seen + 1, replace=True)
    return True


def _item_row(change: Change, number: int) -> dict[str, Any]:
    kind = kind_of(change.item_type)
    if kind is not None:
        return kind.row(change.data, number, change.at, change.author)
    return {
        "item_type": change.item_type,
        "item_id": change.item_id,
        "version": number,
        "data": dict(change.data),
        "updated_at": change.at,
        "updated_by": change.author,
        **index_columns(change.data),
    }


def _version_row(change: Change, number: int) -> dict[str, Any]:
    return {
        "item_type": change.item_type,
        "item_id": change.item_id,
        "number": number,
        "author": change.author,
        "at": change.at,
        "reason": change.reason,
        "data": dict(change.data),
    }


def _write_version_and_links(
    conn: sa.Connection, change: Change, number: int, *, replace: bool
) -> None:
    """The version row, and the item's child rows (or, for a generic item, its subjects)."""
    conn.execute(item_versions.insert(), [_version_row(change, number)])
    kind = kind_of(change.item_type)
    if kind is None:
        if replace:
            conn.execute(
                item_subjects.delete().where(
                    item_subjects.c.item_type == change.item_type,
                    item_subjects.c.item_id == change.item_id,
                )
            )
        links = _subject_rows(change)
        if links:
            conn.execute(item_subjects.insert(), links)
        return
    if replace:
        _delete_children(conn, kind, [change.item_id])
    for table, rows in kind.child_rows(change.data).items():
        if rows:
            conn.execute(table.insert(), rows)


def _delete_children(conn: sa.Connection, kind: Kind, ids: builtins.list[str]) -> None:
    for table in reversed(kind.child_tables):  # nested tables before the ones they hang on
        conn.execute(table.delete().where(table.c[kind.owner_of(table)].in_(ids)))


def _subject_rows(change: Change) -> builtins.list[dict[str, str]]:
    return [
        {"item_type": change.item_type, "item_id": change.item_id, "subject": subject}
        for subject in subjects_of(change.data)
    ]


def _version(change: Change, number: int) -> Version:
    return Version(
        item_type=change.item_type,
        item_id=change.item_id,
        number=number,
        author=change.author,
        at=change.at,
        reason=change.reason,
        data=change.data,
    )


def conflict(conn: sa.Connection, item_type: str, item_id: str, expected: int) -> ConflictError:
    """The error for a stale `expected_version`, naming who made the current version."""
    row = current_row(conn, item_type, item_id)
    if row is None:
        return ConflictError(
            f"{item_type} {item_id!r} does not exist (you expected version {expected})",
            field="version",
        )
    if expected == 0:
        head = f"{item_type} {item_id!r} already exists"
    else:
        head = f"{item_type} {item_id!r} changed since you read version {expected}"
    return ConflictError(
        f"{head}: it is now at version {row.version}, made by {row.updated_by} at "
        f"{as_utc(row.updated_at):%Y-%m-%d %H:%M:%S} UTC; re-read it and apply your change again",
        field="version",
    )


# --- writing many items --------------------------------------------------------------------------


def save_many(conn: sa.Connection, changes: Iterable[Change]) -> SaveSummary:
    """Bulk save in the caller's transaction: chunks of one type, one bulk insert per table.
    Updates are conditional on the version read, as in `save_one`: if another writer changed
    an item in between, ConflictError and nothing is saved."""
    created = changed = unchanged = 0
    for chunk in _chunks(changes):
        texts = {c.item_id: bulk.dumps(c.data) for c in chunk}  # serialised once
        existing = _existing(conn, chunk)
        new = [c for c in chunk if c.item_id not in existing]
        updated = [
            c
            for c in chunk
            if c.item_id in existing and not _same(existing[c.item_id][1], c, texts[c.item_id])
        ]
        _bulk_insert(conn, new, texts)
        _bulk_update(conn, updated, {c.item_id: existing[c.item_id][0] for c in updated})
        created, changed = created + len(new), changed + len(updated)
        unchanged += len(chunk) - len(new) - len(updated)
    return SaveSummary(created=created, changed=changed, unchanged=unchanged)


def _chunks(changes: Iterable[Change]) -> Iterator[builtins.list[Change]]:
    """Chunks of at most _CHUNK changes of one type, each id once (the last one given wins)."""
    chunk: dict[str, Change] = {}
    for change in changes:
        if chunk and (
            len(chunk) >= _CHUNK or next(iter(chunk.values())).item_type != change.item_type
        ):
            yield builtins.list(chunk.values())
            chunk = {}
        chunk[change.item_id] = change
    if chunk:
        yield builtins.list(chunk.values())


def _existing(conn: sa.Connection, chunk: builtins.list[Change]) -> dict[str, tuple[int, Any]]:
    """id → (version, data of that version) of the chunk's items already stored. On SQLite the
    data comes as its JSON text (cheaper to compare than to decode); on PostgreSQL as a dict
    (JSONB does not keep the text)."""
    item_type = chunk[0].item_type
    ids = [c.item_id for c in chunk]
    data: Any = item_versions.c.data
    if conn.dialect.name == "sqlite":
        data = sa.type_coerce(item_versions.c.data, sa.Text)
    table = main_table(item_type)
    if table is items:
        key, version = items.c.item_id, items.c.version
        where = sa.and_(items.c.item_type == item_type, items.c.item_id.in_(ids))
    else:
        key, version = table.c.id, table.c.version
        where = table.c.id.in_(ids)
    query = (
        sa.select(key.label("item_id"), version.label("version"), data.label("data"))
        .select_from(table)
        .join(
            item_versions,
            sa.and_(
                item_versions.c.item_type == item_type,
                item_versions.c.item_id == key,
                item_versions.c.number == version,
            ),
        )
        .where(where)
    )
    return {row.item_id: (row.version, row.data) for row in conn.execute(query)}


def _same(stored: Any, change: Change, text: str) -> bool:
    """Is the stored data that of `change`? Same JSON text is enough; else compare the data."""
    if isinstance(stored, str):
        return stored == text or bool(json.loads(stored) == change.data)
    return bool(stored == change.data)


def _bulk_insert(conn: sa.Connection, new: builtins.list[Change], texts: dict[str, str]) -> None:
    if not new:
        return
    kind = kind_of(new[0].item_type)
    if kind is None:
        rows = [{**_item_row(c, 1), "data": texts[c.item_id]} for c in new]
        bulk.insert_rows(conn, items, rows)
        bulk.insert_rows(conn, item_subjects, [link for c in new for link in _subject_rows(c)])
    else:
        bulk.insert_rows(conn, kind.table, [_item_row(c, 1) for c in new])
        _insert_children(conn, kind, new)
    versions = [{**_version_row(c, 1), "data": texts[c.item_id]} for c in new]
    bulk.insert_rows(conn, item_versions, versions)


def _insert_children(conn: sa.Connection, kind: Kind, changes: builtins.list[Change]) -> None:
    rows: dict[sa.Table, builtins.list[dict[str, Any]]] = {t: [] for t in kind.child_tables}
    for change in changes:
        for table, found in kind.child_rows(change.data).items():
            rows[table].extend(found)
    for table in kind.child_tables:
        bulk.insert_rows(conn, table, rows[table])


def _bulk_update(conn: sa.Connection, updated: builtins.list[Change], seen: dict[str, int]) -> None:
    if not updated:
        return
    item_type = updated[0].item_type
    kind = kind_of(item_type)
    table = main_table(item_type)
    rows: builtins.list[dict[str, Any]] = []
    for change in updated:
        row = _item_row(change, seen[change.item_id] + 1)
        for key in ("item_type", "item_id", "id"):
            row.pop(key, None)
        row["b_id"], row["b_version"] = change.item_id, seen[change.item_id]
        rows.append(row)
    values: dict[str, Any] = {k: sa.bindparam(k) for k in rows[0] if not k.startswith("b_")}
    if kind is None:
        where = sa.and_(items.c.item_type == item_type, items.c.item_id == sa.bindparam("b_id"))
    else:
        where = table.c.id == sa.bindparam("b_id")
    result = conn.execute(
        table.update()
        .where(where, table.c.version == sa.bindparam("b_version"))  # unchanged since read
        .values(**values),
        rows,
    )
    if conn.dialect.supports_sane_multi_rowcount and result.rowcount != len(rows):
        raise ConflictError(
            f"{len(rows) - result.rowcount} of the {item_type} items being saved were "
            "changed by someone else meanwhile; nothing was saved: load again",
            field="version",
        )
    bulk.insert_rows(conn, item_versions, [_version_row(c, seen[c.item_id] + 1) for c in updated])
    ids = [c.item_id for c in updated]
    if kind is None:
        conn.execute(
            item_subjects.delete().where(
                item_subjects.c.item_type == item_type, item_subjects.c.item_id.in_(ids)
            )
        )
        bulk.insert_rows(conn, item_subjects, [link for c in updated for link in _subject_rows(c)])
    else:
        _delete_children(conn, kind, ids)
        _insert_children(conn, kind, updated)


def decode_row(item_type: str, data: Mapping[str, Any]) -> Any:
    """The domain object of a stored row (types without a dataclass give their dict)."""
    if item_type not in codec.ITEM_TYPES:
        return dict(data)
    return codec.from_stored(item_type, data)
