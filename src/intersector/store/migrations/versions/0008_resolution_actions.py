"""The resolution action plan (issue 13): every operative clause of every ingested resolution as a
tracked action, its addressees and its evidence links, in three tables.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

UTCDateTime = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "resolution_actions",
        sa.Column("id", sa.String(400), primary_key=True),
        sa.Column("document", sa.String(300), nullable=False),
        sa.Column("revision", sa.String(120), nullable=False),
        sa.Column("clause", sa.String(300), nullable=False),
        sa.Column("verb", sa.String(120), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("owner", sa.String(300), nullable=False),
        sa.Column("due", sa.Date, nullable=True),
        sa.Column("carried_from", sa.String(300), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("updated_by", sa.String(300), nullable=False),
    )
    op.create_index("ix_resolution_actions_document", "resolution_actions", ["document"])
    op.create_index("ix_resolution_actions_status", "resolution_actions", ["status"])
    op.create_table(
        "action_addressees",
        sa.Column(
            "action_id",
            sa.String(400),
            sa.ForeignKey("resolution_actions.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("addressee", sa.String(300), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_action_addressees_addressee", "action_addressees", ["addressee"])
    op.create_table(
        "action_evidence",
        sa.Column(
            "action_id",
            sa.String(400),
            sa.ForeignKey("resolution_actions.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("kind", sa.String(40), primary_key=True),
        sa.Column("ref", sa.String(400), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("action_evidence")
    op.drop_table("action_addressees")
    op.drop_index("ix_resolution_actions_status", "resolution_actions")
    op.drop_index("ix_resolution_actions_document", "resolution_actions")
    op.drop_table("resolution_actions")
