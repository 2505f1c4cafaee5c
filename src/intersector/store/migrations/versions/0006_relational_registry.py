"""The registry on relational tables: one table per kind (groups, activities, liaisons, subjects,
mechanisms, roadmaps, reviews, corrections, users, API tokens) with child tables for lists
(subjects of an activity, dependencies, milestones, liaison recipients, labels per language,
members, roadmap entries), real date columns and indexes; the web's session key in `secrets`.

Every item of those kinds is carried over from the generic `items` table, data included: each row
is written through the mapping of `store/kinds.py` (the whole item is also its newest row in
`item_versions`, kept as it was), then taken out of `items` and `item_subjects`, which keep the
items of any other type. Nothing of `item_versions` changes, but the versions of the session key
(a secret has no business in a history).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from intersector.store import bulk, kinds
from intersector.store import tables as t
from intersector.store.repository import index_columns, subjects_of
from intersector.store.sessions import secrets

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SECRET_TYPE, SECRET_ID = "secret", "session-key"
_BATCH = 1000

# The generic tables as they are since 0001 (kept), described here so that this script reads them
# the same whatever later releases do to `store/tables.py`.
_items = sa.Table(
    "items",
    sa.MetaData(),
    sa.Column("item_type", sa.String(40)),
    sa.Column("item_id", sa.String(300)),
    sa.Column("version", sa.Integer),
    sa.Column("withdrawn", sa.Boolean),
    sa.Column("sector", sa.String(40)),
    sa.Column("group_id", sa.String(300)),
    sa.Column("kind", sa.String(80)),
    sa.Column("status", sa.String(80)),
    sa.Column("data", t.JSONData),
    sa.Column("updated_at", t.UTCDateTime),
    sa.Column("updated_by", sa.String(300)),
)
_item_subjects = sa.Table(
    "item_subjects",
    sa.MetaData(),
    sa.Column("item_type", sa.String(40)),
    sa.Column("item_id", sa.String(300)),
    sa.Column("subject", sa.String(300)),
)
_item_versions = sa.Table(
    "item_versions",
    sa.MetaData(),
    sa.Column("item_type", sa.String(40)),
    sa.Column("item_id", sa.String(300)),
    sa.Column("number", sa.Integer),
    sa.Column("data", t.JSONData),
)


def new_tables() -> list[sa.Table]:
    """The tables this migration adds, parents before children."""
    names = {table.name for kind in kinds.KINDS.values() for table in _tables_of(kind)}
    names.add(secrets.name)
    return [table for table in t.metadata.sorted_tables if table.name in names]


def _tables_of(kind: kinds.Kind) -> tuple[sa.Table, ...]:
    return (kind.table, *kind.child_tables)


def upgrade() -> None:
    bind = op.get_bind()
    for table in new_tables():
        table.create(bind)
    for name, kind in kinds.KINDS.items():
        _carry_over(bind, name, kind)
    _move_session_key(bind)


def _rows_of(bind: sa.Connection, item_type: str) -> Iterator[Sequence[Any]]:
    query = (
        sa.select(_items)
        .where(_items.c.item_type == item_type)
        .order_by(_items.c.item_id)
        .execution_options(yield_per=_BATCH)
    )
    yield from bind.execute(query).partitions(_BATCH)


def _carry_over(bind: sa.Connection, item_type: str, kind: kinds.Kind) -> None:
    """Every item of `item_type` into its tables, then out of `items`."""
    for rows in _rows_of(bind, item_type):
        main: list[dict[str, Any]] = []
        children: dict[sa.Table, list[dict[str, Any]]] = {c: [] for c in kind.child_tables}
        for row in rows:
            data = dict(row.data)
            at, author = row.updated_at, row.updated_by
            main.append(kind.row(data, row.version, at, author))
            for table, found in kind.child_rows(data).items():
                children[table].extend(found)
        bulk.insert_rows(bind, kind.table, main)
        for table in kind.child_tables:
            bulk.insert_rows(bind, table, children[table])
    bind.execute(_item_subjects.delete().where(_item_subjects.c.item_type == item_type))
    bind.execute(_items.delete().where(_items.c.item_type == item_type))


def _move_session_key(bind: sa.Connection) -> None:
    where = sa.and_(_items.c.item_type == SECRET_TYPE, _items.c.item_id == SECRET_ID)
    found = bind.execute(sa.select(_items).where(where)).first()
    if found is None:
        return
    row = {"name": SECRET_ID, "value": str(found.data["value"]), "created_at": found.updated_at}
    bind.execute(secrets.insert().values(**row))
    bind.execute(_items.delete().where(where))
    bind.execute(
        _item_versions.delete().where(
            _item_versions.c.item_type == SECRET_TYPE, _item_versions.c.item_id == SECRET_ID
        )
    )


def downgrade() -> None:
    """Back into `items` (each item as its newest version in `item_versions`), tables dropped."""
    bind = op.get_bind()
    for name, kind in kinds.KINDS.items():
        _carry_back(bind, name, kind)
    key = bind.execute(sa.select(secrets)).first()
    if key is not None:
        data = {"id": SECRET_ID, "value": key.value}
        _insert_back(bind, SECRET_TYPE, data, 1, False, key.created_at, "intersector")
        version = {"item_type": SECRET_TYPE, "item_id": SECRET_ID, "number": 1, "data": data}
        bind.execute(
            sa.insert(
                sa.table(
                    "item_versions",
                    *(sa.column(c) for c in ("item_type", "item_id", "number", "author", "at")),
                    sa.column("reason"),
                    sa.column("data", t.JSONData),
                )
            ).values(**version, author="intersector", at=key.created_at, reason="session key")
        )
    for table in reversed(new_tables()):
        table.drop(bind)


def _carry_back(bind: sa.Connection, item_type: str, kind: kinds.Kind) -> None:
    table = kind.table
    query = sa.select(
        table.c.id,
        table.c.version,
        table.c.withdrawn,
        table.c.updated_at,
        table.c.updated_by,
        _item_versions.c.data,
    ).join(
        _item_versions,
        sa.and_(
            _item_versions.c.item_type == item_type,
            _item_versions.c.item_id == table.c.id,
            _item_versions.c.number == table.c.version,
        ),
    )
    for row in bind.execute(query).all():
        data = dict(row.data)
        _insert_back(
            bind, item_type, data, row.version, row.withdrawn, row.updated_at, row.updated_by
        )


def _insert_back(
    bind: sa.Connection,
    item_type: str,
    data: dict[str, Any],
    version: int,
    withdrawn: bool,
    at: Any,
    author: str,
) -> None:
    columns = {**index_columns(data), "withdrawn": withdrawn}
    bind.execute(
        _items.insert().values(
            item_type=item_type,
            item_id=data["id"],
            version=version,
            data=data,
            updated_at=at,
            updated_by=author,
            **columns,
        )
    )
    for subject in subjects_of(data):
        row = {"item_type": item_type, "item_id": data["id"], "subject": subject}
        bind.execute(_item_subjects.insert().values(**row))
