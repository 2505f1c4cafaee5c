"""Opening databases: URLs, migrations, SQLite settings."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from intersector.domain.errors import IntersectorError
from intersector.store import open_store
from intersector.store.engine import normalize_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_postgresql_urls_use_psycopg_3(given: str, expected: str) -> None:
    assert normalize_url(given) == expected


def test_a_bad_url_is_a_user_error() -> None:
    with pytest.raises(IntersectorError, match="INTERSECTOR_DATABASE_URL"):
        open_store("not a url")


def test_the_schema_is_at_head_and_reopening_changes_nothing(database_url: str) -> None:
    store = open_store(database_url)
    with store.read() as conn:
        tables = set(sa.inspect(conn).get_table_names())
        head = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    store.close()
    assert {"items", "item_versions", "item_subjects", "documents"} <= tables
    assert head is not None
    open_store(database_url).close()


def test_sqlite_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert store.dialect == "sqlite"
    store.close()


def test_an_in_memory_sqlite_store_works() -> None:
    with open_store("sqlite://") as store:
        store.save_data("note", {"id": "n1"}, author="a", reason="r")
        assert store.get("note", "n1") == {"id": "n1"}


def test_the_migrated_schema_is_the_schema_of_the_code(database_url: str) -> None:
    """Alembic's migrations and `store/tables.py` (with the tables other store modules add)
    describe the same tables, columns, keys and indexes."""
    import importlib
    import pkgutil

    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    import intersector.store
    from intersector.store.tables import metadata

    for module in pkgutil.iter_modules(intersector.store.__path__):
        if module.name != "migrations":
            importlib.import_module(f"intersector.store.{module.name}")
    with open_store(database_url) as store, store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
