"""Server-side sessions and sign-in limits, each in its own table (issue 8: a signed-out cookie
kept working; the sign-in limiter lived in one process's memory and grew with every name tried).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

UTCDateTime = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id_digest", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(300), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("expires_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_sessions_username", "sessions", ["username"])
    op.create_index("ix_sessions_expires_at", "sessions", ["expires_at"])
    op.create_table(
        "sign_in_limits",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_failure_at", UTCDateTime, nullable=False),
        sa.Column("blocked_until", UTCDateTime, nullable=False),
    )
    op.create_index("ix_sign_in_limits_last_failure_at", "sign_in_limits", ["last_failure_at"])


def downgrade() -> None:
    op.drop_table("sign_in_limits")
    op.drop_table("sessions")
