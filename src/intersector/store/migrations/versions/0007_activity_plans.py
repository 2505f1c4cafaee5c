"""An activity's plan in real columns of `activities` (issue 13): `baseline_target` and `finished`
(dates), `percent_complete` (a whole number), `stage` and `period` (text; "" when not recorded).

A registry moved to relational tables by 0006 before these fields had columns kept them in the
row's `extra` JSON: they are moved into their columns here (and back into `extra` on downgrade),
so no value is lost either way. A database created at 0006 by this release already has the
columns (0006 builds the tables as `store/tables.py` describes them): then nothing is added.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

from intersector.store import tables as t

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

DATES = ("baseline_target", "finished")
NAMES = ("baseline_target", "finished", "percent_complete", "stage", "period")


def _activities(*names: str) -> sa.TableClause:
    typed = {c.name: c.type for c in t.plan_columns()}
    columns: list[sa.ColumnClause[Any]] = [
        sa.column("id", sa.String),
        sa.column("extra", t.JSONData),
    ]
    columns += [sa.column(n, typed[n]) for n in names]
    return sa.table("activities", *columns)


def upgrade() -> None:
    bind = op.get_bind()
    have = {c["name"] for c in sa.inspect(bind).get_columns("activities")}
    for column in t.plan_columns():
        if column.name not in have:
            if not column.nullable:  # text: existing rows get "" (not recorded)
                column.server_default = sa.DefaultClause(sa.text("''"))
            op.add_column("activities", column)
    table = _activities(*NAMES)
    rows = bind.execute(sa.select(table.c.id, table.c.extra).where(table.c.extra.is_not(None)))
    for row in rows.all():
        extra: dict[str, Any] = dict(row.extra or {})
        moved = {n: extra.pop(n) for n in NAMES if n in extra}
        if not moved:
            continue
        for name in DATES:
            if moved.get(name):
                moved[name] = date.fromisoformat(moved[name])
        values = {**moved, "extra": extra or sa.null()}
        bind.execute(sa.update(table).where(table.c.id == row.id).values(**values))


def downgrade() -> None:
    bind = op.get_bind()
    table = _activities(*NAMES)
    for row in bind.execute(sa.select(table)).all():
        kept = {n: getattr(row, n) for n in NAMES if getattr(row, n) not in (None, "")}
        if kept:
            extra = dict(row.extra or {})
            extra.update({n: v.isoformat() if isinstance(v, date) else v for n, v in kept.items()})
            bind.execute(sa.update(table).where(table.c.id == row.id).values(extra=extra))
    for name in NAMES:  # SQLite (3.35+) and PostgreSQL drop a column in place: no table copy
        op.execute(f'ALTER TABLE activities DROP COLUMN "{name}"')
