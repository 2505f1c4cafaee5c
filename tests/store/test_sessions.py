"""The sessions and sign-in limit tables of migration 0004, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from intersector.auth.ratelimit import ACCOUNT_AT_ADDRESS, Attempts, after_failure
from intersector.store import Store
from intersector.store import sessions as session_store

T0 = datetime(2025, 3, 1, 12, tzinfo=UTC)


def test_migration_0004_creates_both_tables(store: Store) -> None:
    inspector = sa.inspect(store.engine)
    for table in (session_store.sessions, session_store.sign_in_limits):
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}
    indexes = {i["name"] for i in inspector.get_indexes("sessions")}
    assert {"ix_sessions_username", "ix_sessions_expires_at"} <= indexes


def test_sessions_live_until_deleted_or_expired(store: Store) -> None:
    session_store.add_session(store, "a" * 64, "rita", T0, T0 + timedelta(hours=12))
    session_store.add_session(store, "b" * 64, "rita", T0, T0 + timedelta(hours=1))
    assert session_store.session_user(store, "a" * 64, T0 + timedelta(hours=2)) == "rita"
    assert session_store.session_user(store, "b" * 64, T0 + timedelta(hours=2)) is None
    assert session_store.purge_expired_sessions(store, T0 + timedelta(hours=2)) == 1
    session_store.delete_session(store, "a" * 64)
    assert session_store.count_sessions(store, "rita") == 0


def test_failures_are_counted_in_one_row_per_key(store: Store) -> None:
    def update(previous: Attempts | None) -> Attempts:
        return after_failure(previous, T0, ACCOUNT_AT_ADDRESS)

    for _ in range(6):
        record = session_store.record_failure(store, "k" * 64, T0, update)
    assert record.failures == 6
    [stored] = session_store.limit_records(store, ["k" * 64, "z" * 64])
    assert stored == record and stored.blocked_until.tzinfo is not None
    session_store.clear_limit(store, "k" * 64)
    assert session_store.limit_records(store, ["k" * 64]) == []
