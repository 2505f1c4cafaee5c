"""Watch lists and the log of notifications sent (issue 13: reminders and digests by e-mail,
never twice, even after a restart).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

UTCDateTime = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "watches",
        sa.Column("username", sa.String(300), primary_key=True),
        sa.Column("item_type", sa.String(40), primary_key=True),
        sa.Column("item_id", sa.String(300), primary_key=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_watches_item", "watches", ["item_type", "item_id"])
    op.create_table(
        "sent_notifications",
        sa.Column("key", sa.String(700), primary_key=True),
        sa.Column("username", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("sent_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_sent_notifications_username", "sent_notifications", ["username"])


def downgrade() -> None:
    op.drop_table("sent_notifications")
    op.drop_table("watches")
