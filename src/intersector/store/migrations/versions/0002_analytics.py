"""Coordination analytics: embeddings kept per text version, and the last overlap run's
candidates (derived data, replaced by each run; reviews are registry items, versioned).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSONData = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "embeddings",
        sa.Column("model", sa.String(80), primary_key=True),
        sa.Column("item_id", sa.String(300), primary_key=True),
        sa.Column("content_hash", sa.String(64), primary_key=True),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "overlap_candidates",
        sa.Column("id", sa.String(620), primary_key=True),
        sa.Column("left_id", sa.String(300), nullable=False),
        sa.Column("right_id", sa.String(300), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("relation", sa.String(40), nullable=False),
        sa.Column("data", JSONData, nullable=False),
    )
    op.create_index("ix_overlap_candidates_score", "overlap_candidates", ["score"])


def downgrade() -> None:
    op.drop_table("overlap_candidates")
    op.drop_table("embeddings")
