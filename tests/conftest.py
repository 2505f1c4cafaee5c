"""Shared fixtures. `database_url` and `store` run each test twice: on a fresh SQLite file and on
PostgreSQL (the local server; `INTERSECTOR_TEST_PG_ADMIN_URL` to use another). Each test session
(each xdist worker) creates its own database `intersector_test_<random>` and drops it at the end;
each test starts with empty tables. Without a server the PostgreSQL runs are skipped, saying why —
except in CI (env `CI` set), where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, settings

from intersector.store import Store, open_store

# Property tests judge correctness, never speed: a loaded CI machine must not fail them for
# being slow (speed lives in bench/). Tests may still ask for more examples with @settings.
settings.register_profile(
    "intersector",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("intersector")

PG_ADMIN_URL = os.environ.get(
    "INTERSECTOR_TEST_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def _admin_connection() -> psycopg.Connection[tuple[object, ...]]:
    try:
        return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        reason = f"no PostgreSQL server answers at {PG_ADMIN_URL} ({error})".strip()
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI is set, so PostgreSQL tests must run")
        pytest.skip(f"{reason}; set INTERSECTOR_TEST_PG_ADMIN_URL to run them")


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session (this xdist worker); its URL."""
    name = f"intersector_test_{uuid.uuid4().hex[:12]}"
    with _admin_connection() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = sa.make_url(PG_ADMIN_URL).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with _admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _empty_postgres(url: str) -> None:
    """Migrate, then empty every table but Alembic's (each test starts from nothing)."""
    store = open_store(url)
    try:
        with store.write() as conn:
            tables = conn.execute(
                sa.text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    "AND tablename <> 'alembic_version'"
                )
            ).scalars()
            names = ", ".join(f'"{t}"' for t in tables)
            if names:
                conn.execute(sa.text(f"TRUNCATE {names} CASCADE"))
    finally:
        store.close()


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty, migrated database: a SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        open_store(url).close()
        return url
    url = str(request.getfixturevalue("postgres_database"))
    _empty_postgres(url)
    return url


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """An open Store on an empty database (SQLite, then PostgreSQL)."""
    opened = open_store(database_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def cli_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The test database (SQLite, then PostgreSQL), named to the CLI by INTERSECTOR_DATABASE_URL."""
    monkeypatch.setenv("INTERSECTOR_DATABASE_URL", database_url)
    return database_url
