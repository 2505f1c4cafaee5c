"""Alembic environment: always run programmatically by `intersector.store.migrate`, which hands in
an open connection (`config.attributes["connection"]`); no alembic.ini, no URL here."""

from __future__ import annotations

from alembic import context

from intersector.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
