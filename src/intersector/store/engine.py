"""Connecting to the database and bringing its schema up to date.

`connect(url)` gives an Engine for a SQLite file or a PostgreSQL URL (`postgresql://…` is read as
psycopg 3). SQLite gets WAL, foreign keys, a busy timeout and compact JSON (the same text as bulk
inserts, so unchanged data can be recognised by its text); its write transactions start with
`BEGIN IMMEDIATE` (one writer at a time, readers never blocked) when the connection carries the
execution option `intersector_write=True`. `upgrade(engine)` runs the Alembic migrations shipped
in `store/migrations/` up to head, under a lock on PostgreSQL so two processes can start at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from intersector.domain.errors import IntersectorError
from intersector.store.bulk import dumps

MIGRATIONS = Path(__file__).parent / "migrations"
WRITE = "intersector_write"
_MIGRATION_LOCK = 0x1A7E5EC7  # pg_advisory_xact_lock key for schema upgrades


def normalize_url(url: str) -> str:
    """`postgresql://` and `postgres://` → `postgresql+psycopg://`; anything else unchanged."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def connect(url: str) -> sa.Engine:
    """An Engine for `url`; IntersectorError if the URL cannot be understood."""
    try:
        parsed = make_url(normalize_url(url))
    except ArgumentError as error:
        raise IntersectorError(
            f"cannot read the database URL {url!r} ({error}): use sqlite:///FILE or "
            "postgresql://USER@HOST/DB",
            field="INTERSECTOR_DATABASE_URL",
        ) from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    # No server-side prepared statements: psycopg prepares a query after 5 runs, and a plan made
    # while a table was still small (a sequential scan) then stays for the whole bulk load.
    return sa.create_engine(parsed, pool_pre_ping=True, connect_args={"prepare_threshold": None})


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    memory = url.database in (None, "", ":memory:")
    options: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if memory:
        options["poolclass"] = StaticPool
    engine = sa.create_engine(url, json_serializer=dumps, **options)
    sa.event.listen(engine, "connect", _sqlite_on_connect)
    sa.event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (see _sqlite_on_begin)
    cursor = dbapi_connection.cursor()
    for pragma in (
        "PRAGMA journal_mode=WAL",
        "PRAGMA foreign_keys=ON",
        "PRAGMA busy_timeout=30000",
        "PRAGMA synchronous=NORMAL",
    ):
        cursor.execute(pragma)
    cursor.close()


def _sqlite_on_begin(connection: sa.Connection) -> None:
    write = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def upgrade(engine: sa.Engine) -> None:
    """Bring the schema to the newest migration (no-op when it is already there)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as probe:
        if MigrationContext.configure(probe).get_current_revision() == head:
            return
    with engine.connect().execution_options(**{WRITE: True}) as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(
                sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
