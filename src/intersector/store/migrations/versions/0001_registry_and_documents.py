"""Registry items with their versions, and parsed documents with theirs.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSONData = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
UTCDateTime = sa.DateTime(timezone=True)


def upgrade() -> None:
    _items()
    _documents()


def _items() -> None:
    op.create_table(
        "items",
        sa.Column("item_type", sa.String(40), primary_key=True),
        sa.Column("item_id", sa.String(300), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("withdrawn", sa.Boolean, nullable=False),
        sa.Column("sector", sa.String(40), nullable=False),
        sa.Column("group_id", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(80), nullable=False),
        sa.Column("status", sa.String(80), nullable=False),
        sa.Column("data", JSONData, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("updated_by", sa.String(300), nullable=False),
    )
    for name, column in (
        ("sector", "sector"),
        ("group", "group_id"),
        ("kind", "kind"),
        ("status", "status"),
    ):
        op.create_index(f"ix_items_{name}", "items", ["item_type", column])
    op.create_table(
        "item_subjects",
        sa.Column("item_type", sa.String(40), primary_key=True),
        sa.Column("item_id", sa.String(300), primary_key=True),
        sa.Column("subject", sa.String(300), primary_key=True),
        sa.ForeignKeyConstraint(["item_type", "item_id"], ["items.item_type", "items.item_id"]),
    )
    op.create_index("ix_item_subjects_subject", "item_subjects", ["subject", "item_type"])
    op.create_table(
        "item_versions",
        sa.Column("item_type", sa.String(40), primary_key=True),
        sa.Column("item_id", sa.String(300), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("author", sa.String(300), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("data", JSONData, nullable=False),
        sa.ForeignKeyConstraint(["item_type", "item_id"], ["items.item_type", "items.item_id"]),
    )


def _documents() -> None:
    op.create_table(
        "documents",
        sa.Column("key", sa.String(400), primary_key=True),
        sa.Column("doc_id", sa.String(300), nullable=False),
        sa.Column("language", sa.String(20), nullable=False),
        sa.Column("revision", sa.String(120), nullable=False),
        sa.Column("year", sa.Integer, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(80), nullable=False),
        sa.Column("body", sa.String(80), nullable=False),
        sa.Column("number", sa.String(80), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("data", JSONData, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("updated_by", sa.String(300), nullable=False),
    )
    op.create_index("ix_documents_doc_id", "documents", ["doc_id", "language"])
    op.create_table(
        "document_versions",
        sa.Column("key", sa.String(400), sa.ForeignKey("documents.key"), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("author", sa.String(300), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("data", JSONData, nullable=False),
    )


def downgrade() -> None:
    for table in ("document_versions", "documents", "item_versions", "item_subjects", "items"):
        op.drop_table(table)
