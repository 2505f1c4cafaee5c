"""Sessions and sign-in limits (migration 0004), each in its own small table — not registry
items: they are not versioned, they are deleted when they end.

- `sessions`: one row per signed-in session (the digest of its id, the user, start, expiry);
  deleting the row ends the session, whatever copies of its cookie remain.
- `sign_in_limits`: failed sign-ins per limited key (a digest of account and address, or of the
  address), with the time until which the key must wait. Bounded: rows forgotten by the policy are
  purged at each failure, and at most `MAX_LIMIT_ROWS` are kept (the oldest go first).
- `secrets` (migration 0006): the web's keys, by name (`session-key` signs session cookies):
  generated once, shared by every worker and every restart, never versioned nor served.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from intersector.domain.users import Attempts
from intersector.store.db import Store
from intersector.store.tables import UTCDateTime, metadata

MAX_LIMIT_ROWS = 10_000

sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id_digest", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(300), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
    sa.Index("ix_sessions_username", "username"),
    sa.Index("ix_sessions_expires_at", "expires_at"),
)

sign_in_limits = sa.Table(
    "sign_in_limits",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("last_failure_at", UTCDateTime, nullable=False),
    sa.Column("blocked_until", UTCDateTime, nullable=False),
    sa.Index("ix_sign_in_limits_last_failure_at", "last_failure_at"),
)


secrets = sa.Table(
    "secrets",
    metadata,
    sa.Column("name", sa.String(80), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)


def _utc(value: datetime) -> datetime:
    """SQLite gives back naive datetimes: they were written in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# --- sessions ---------------------------------------------------------------------------------


def add_session(
    store: Store, id_digest: str, username: str, created: datetime, expires: datetime
) -> None:
    row = {"id_digest": id_digest, "username": username}
    with store.write() as conn:
        conn.execute(sessions.insert().values(**row, created_at=created, expires_at=expires))


def session_user(store: Store, id_digest: str, now: datetime) -> str | None:
    """The user of a live session, or None (unknown, ended or expired)."""
    query = sa.select(sessions.c.username).where(
        sessions.c.id_digest == id_digest, sessions.c.expires_at > now
    )
    with store.read() as conn:
        found: str | None = conn.execute(query).scalar_one_or_none()
    return found


def delete_session(store: Store, id_digest: str) -> None:
    with store.write() as conn:
        conn.execute(sessions.delete().where(sessions.c.id_digest == id_digest))


def delete_sessions_of(store: Store, username: str) -> int:
    """End every session of `username`; how many there were."""
    with store.write() as conn:
        return conn.execute(sessions.delete().where(sessions.c.username == username)).rowcount


def purge_expired_sessions(store: Store, now: datetime) -> int:
    with store.write() as conn:
        return conn.execute(sessions.delete().where(sessions.c.expires_at <= now)).rowcount


def count_sessions(store: Store, username: str) -> int:
    query = sa.select(sa.func.count()).where(sessions.c.username == username)
    with store.read() as conn:
        return int(conn.execute(query).scalar_one())


# --- sign-in limits ---------------------------------------------------------------------------


def limit_records(store: Store, keys: list[str]) -> list[Attempts]:
    query = sa.select(sign_in_limits).where(sign_in_limits.c.key.in_(keys))
    with store.read() as conn:
        return [_attempts(row) for row in conn.execute(query)]


def _attempts(row: sa.Row[tuple[object, ...]]) -> Attempts:
    mapping = row._mapping
    return Attempts(
        int(mapping["failures"]),
        _utc(mapping["last_failure_at"]),
        _utc(mapping["blocked_until"]),
    )


def record_failure(
    store: Store, key: str, now: datetime, update: Callable[[Attempts | None], Attempts]
) -> Attempts:
    """Count one failure of `key` in one write transaction: `update(previous or None)` gives the
    new record (the policy is the caller's). Rows are locked (PostgreSQL) or the database is
    (SQLite), so two workers never lose a failure."""
    with store.write() as conn:
        _ensure_row(conn, key, now)
        query = sa.select(sign_in_limits).where(sign_in_limits.c.key == key).with_for_update()
        row = conn.execute(query).one()
        previous = _attempts(row) if int(row._mapping["failures"]) else None
        record = update(previous)
        conn.execute(
            sign_in_limits.update()
            .where(sign_in_limits.c.key == key)
            .values(
                failures=record.failures,
                last_failure_at=record.last_failure,
                blocked_until=record.blocked_until,
            )
        )
        return record


def _ensure_row(conn: sa.Connection, key: str, now: datetime) -> None:
    """Insert an empty row for `key` unless one exists (whoever inserts first wins)."""
    values = {"key": key, "failures": 0, "last_failure_at": now, "blocked_until": now}
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(sign_in_limits).values(**values).on_conflict_do_nothing())


def clear_limit(store: Store, key: str) -> None:
    with store.write() as conn:
        conn.execute(sign_in_limits.delete().where(sign_in_limits.c.key == key))


def purge_limits(store: Store, now: datetime, forget: timedelta) -> None:
    """Drop the records the policy has forgotten and no longer blocks, then the oldest beyond
    `MAX_LIMIT_ROWS` (the table stays bounded whatever names and addresses are tried)."""
    table = sign_in_limits
    with store.write() as conn:
        conn.execute(
            table.delete().where(
                table.c.last_failure_at < now - forget, table.c.blocked_until < now
            )
        )
        newest = sa.select(table.c.key).order_by(table.c.last_failure_at.desc())
        kept = newest.limit(MAX_LIMIT_ROWS)
        excess = conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        if int(excess) > MAX_LIMIT_ROWS:
            conn.execute(table.delete().where(table.c.key.not_in(kept)))


def count_limit_rows(store: Store) -> int:
    with store.read() as conn:
        counted = sa.select(sa.func.count()).select_from(sign_in_limits)
        return int(conn.execute(counted).scalar_one())


# --- secrets ----------------------------------------------------------------------------------


def secret(store: Store, name: str, make: Callable[[], str]) -> str:
    """The secret called `name`, made by `make()` and kept the first time it is asked for (when
    two workers ask at once, the first one written is the one both get)."""
    query = sa.select(secrets.c.value).where(secrets.c.name == name)
    with store.read() as conn:
        found: str | None = conn.execute(query).scalar_one_or_none()
    if found is not None:
        return found
    row = {"name": name, "value": make(), "created_at": datetime.now(UTC)}
    with store.write() as conn:
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        conn.execute(dialect.insert(secrets).values(**row).on_conflict_do_nothing())
        return str(conn.execute(query).scalar_one())
