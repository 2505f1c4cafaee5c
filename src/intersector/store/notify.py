"""Watch lists and the log of notifications sent (migration 0005), each in its own table —
not registry items: a watch is a person's preference, the log a record of mail gone out.

- `watches`: who follows which item (user name, item type, item id), one row each;
- `sent_notifications`: one row per thing mailed (a reminder of one date, the digest of one day
  for one user), keyed by `Mail.keys`. A row is written BEFORE the mail goes (`claim`) and
  removed if sending fails (`release`): two runs at once, or a run after a restart, never send
  the same thing twice.
- `changes_between`: the item versions saved in a time window (the digest's source).
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from intersector.domain.notify import Change, Watch
from intersector.store.db import Store
from intersector.store.tables import UTCDateTime, item_versions, metadata

watches = sa.Table(
    "watches",
    metadata,
    sa.Column("username", sa.String(300), primary_key=True),
    sa.Column("item_type", sa.String(40), primary_key=True),
    sa.Column("item_id", sa.String(300), primary_key=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Index("ix_watches_item", "item_type", "item_id"),
)

sent_notifications = sa.Table(
    "sent_notifications",
    metadata,
    sa.Column("key", sa.String(700), primary_key=True),
    sa.Column("username", sa.String(300), nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("sent_at", UTCDateTime, nullable=False),
    sa.Index("ix_sent_notifications_username", "username"),
)


def _utc(value: datetime) -> datetime:
    """SQLite gives back naive datetimes: they were written in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _insert_new(conn: sa.Connection, table: sa.Table, **values: object) -> bool:
    """Insert a row unless one with its key exists; whether it was inserted (RETURNING: the
    row count of `ON CONFLICT DO NOTHING` is not reliable on every driver)."""
    key = next(iter(table.primary_key.columns))
    if conn.dialect.name == "postgresql":
        insert = postgresql.insert(table).values(**values).on_conflict_do_nothing()
        found = conn.execute(insert.returning(key))
    else:
        found = conn.execute(
            sqlite.insert(table).values(**values).on_conflict_do_nothing().returning(key)
        )
    return found.first() is not None


def add_watch(store: Store, watch: Watch, now: datetime) -> bool:
    """Follow an item; False if it was already followed."""
    row = {"username": watch.username, "item_type": watch.item_type, "item_id": watch.item_id}
    with store.write() as conn:
        return bool(_insert_new(conn, watches, **row, created_at=now))


def remove_watch(store: Store, watch: Watch) -> bool:
    """Stop following an item; False if it was not followed."""
    table = watches
    with store.write() as conn:
        deleted = conn.execute(
            table.delete().where(
                table.c.username == watch.username,
                table.c.item_type == watch.item_type,
                table.c.item_id == watch.item_id,
            )
        )
        return bool(deleted.rowcount)


def watches_of(store: Store, username: str | None = None) -> list[Watch]:
    """The watches of one user (or of everyone), by user, type and id."""
    query = sa.select(watches).order_by(watches.c.username, watches.c.item_type, watches.c.item_id)
    if username is not None:
        query = query.where(watches.c.username == username)
    with store.read() as conn:
        return [
            Watch(r.username, r.item_type, r.item_id, _utc(r.created_at))
            for r in conn.execute(query)
        ]


def sent_keys(store: Store, keys: list[str]) -> set[str]:
    """Those of `keys` already in the sent log."""
    found: set[str] = set()
    table = sent_notifications
    with store.read() as conn:
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            found.update(conn.scalars(sa.select(table.c.key).where(table.c.key.in_(chunk))))
    return found


def claim(
    store: Store, keys: tuple[str, ...], username: str, kind: str, subject: str, now: datetime
) -> tuple[str, ...]:
    """Record `keys` as sent, in one transaction; the ones this call recorded (those another
    run recorded first are left out: that run sends them)."""
    claimed: list[str] = []
    with store.write() as conn:
        for key in keys:
            values = {"key": key, "username": username, "kind": kind, "subject": subject[:500]}
            if _insert_new(conn, sent_notifications, **values, sent_at=now):
                claimed.append(key)
    return tuple(claimed)


def release(store: Store, keys: tuple[str, ...]) -> None:
    """Forget `keys` (their mail could not be sent: the next run tries again)."""
    with store.write() as conn:
        conn.execute(sent_notifications.delete().where(sent_notifications.c.key.in_(keys)))


def changes_between(
    store: Store, start: datetime, end: datetime, item_types: tuple[str, ...]
) -> list[Change]:
    """The versions of items of `item_types` saved in [start, end), oldest first."""
    v = item_versions
    query = (
        sa.select(v.c.item_type, v.c.item_id, v.c.number, v.c.author, v.c.at, v.c.reason, v.c.data)
        .where(v.c.at >= start, v.c.at < end, v.c.item_type.in_(item_types))
        .order_by(v.c.at, v.c.item_type, v.c.item_id, v.c.number)
    )
    with store.read() as conn:
        return [
            Change(r.item_type, r.item_id, r.number, r.author, _utc(r.at), r.reason, _label(r.data))
            for r in conn.execute(query)
        ]


def _label(data: object) -> str:
    if not isinstance(data, dict):
        return ""
    for name in ("identifier", "reference", "acronym", "title", "name"):
        value = data.get(name)
        if isinstance(value, str) and value:
            return value
    return ""
