"""The cooperation reports sent to the advisory groups (issue 13): each report's figures and the
items behind them, so that the next report can say what changed since.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

UTCDateTime = sa.DateTime(timezone=True)
JSONData = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "cooperation_reports",
        sa.Column("advisory_group", sa.String(40), primary_key=True),
        sa.Column("issued", sa.Date, primary_key=True),
        sa.Column("period", sa.String(40), nullable=False),
        sa.Column("document", sa.String(300), nullable=False),
        sa.Column("figures", JSONData, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("created_by", sa.String(300), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("cooperation_reports")
