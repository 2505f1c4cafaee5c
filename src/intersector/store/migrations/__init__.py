"""Alembic migrations of the store, shipped inside the package so an installed intersector can
migrate its own database (`intersector.store.migrate.upgrade`). Add a change with a new module in
`versions/` whose `down_revision` is the current head."""
