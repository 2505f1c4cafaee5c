"""Drop the foreign keys of item_versions, item_subjects and document_versions.

They are written only by the repository, in the same transaction as the item (or document) they
belong to. On PostgreSQL each row's foreign-key check runs a plan cached while the parent table
was still empty — a sequential scan — so bulk loads into a fresh database grew quadratically
(10k activities: 77 s instead of a few seconds).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# SQLite keeps unnamed constraints; batch mode needs a name to find them by.
NAMING = {"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"}
FOREIGN_KEYS = (
    ("item_versions", "item_type", "items", ["item_type", "item_id"], ["item_type", "item_id"]),
    ("item_subjects", "item_type", "items", ["item_type", "item_id"], ["item_type", "item_id"]),
    ("document_versions", "key", "documents", ["key"], ["key"]),
)


def upgrade() -> None:
    bind = op.get_bind()
    for table, first, referred, _local, _remote in FOREIGN_KEYS:
        if bind.dialect.name == "sqlite":
            with op.batch_alter_table(table, naming_convention=NAMING) as batch:
                batch.drop_constraint(f"fk_{table}_{first}_{referred}", type_="foreignkey")
        else:
            for name in _foreign_keys(bind, table):
                op.drop_constraint(name, table, type_="foreignkey")


def _foreign_keys(bind: sa.Connection, table: str) -> list[str]:
    return [fk["name"] for fk in sa.inspect(bind).get_foreign_keys(table) if fk["name"]]


def downgrade() -> None:
    for table, first, referred, local, remote in FOREIGN_KEYS:
        with op.batch_alter_table(table) as batch:
            batch.create_foreign_key(f"fk_{table}_{first}_{referred}", referred, local, remote)
