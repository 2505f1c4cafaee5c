"""The tables, as SQLAlchemy Core objects: the one description of the schema that queries use.
Alembic migrations (`store/migrations/versions/`) create and change them; a change here needs a
new migration.

- `items`: the current version of every registry item (any type: activity, group, review, user…),
  its data as JSON plus indexed copies of the common filters (sector, group, kind, status).
- `item_subjects`: which subjects an item is about (an index derived from the data).
- `item_versions`: every version ever saved, with who, when and why. Nothing is ever deleted.
- `documents` / `document_versions`: parsed ITU texts, one row per stored version of a work
  (`wtsa-res-57@dubai-2012/en`), and every content that version ever had.

Versions and subject links have no foreign keys (migration 0003): only the repository writes them,
in the same transaction as their item; PostgreSQL's per-row checks made bulk loads quadratic.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData()

JSONData = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
UTCDateTime = sa.DateTime(timezone=True)

items = sa.Table(
    "items",
    metadata,
    sa.Column("item_type", sa.String(40), primary_key=True),
    sa.Column("item_id", sa.String(300), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("withdrawn", sa.Boolean, nullable=False, default=False),
    sa.Column("sector", sa.String(40), nullable=False, default=""),
    sa.Column("group_id", sa.String(300), nullable=False, default=""),
    sa.Column("kind", sa.String(80), nullable=False, default=""),
    sa.Column("status", sa.String(80), nullable=False, default=""),
    sa.Column("data", JSONData, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("updated_by", sa.String(300), nullable=False),
    sa.Index("ix_items_sector", "item_type", "sector"),
    sa.Index("ix_items_group", "item_type", "group_id"),
    sa.Index("ix_items_kind", "item_type", "kind"),
    sa.Index("ix_items_status", "item_type", "status"),
)

item_subjects = sa.Table(
    "item_subjects",
    metadata,
    sa.Column("item_type", sa.String(40), primary_key=True),
    sa.Column("item_id", sa.String(300), primary_key=True),
    sa.Column("subject", sa.String(300), primary_key=True),
    sa.Index("ix_item_subjects_subject", "subject", "item_type"),
)

item_versions = sa.Table(
    "item_versions",
    metadata,
    sa.Column("item_type", sa.String(40), primary_key=True),
    sa.Column("item_id", sa.String(300), primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True),
    sa.Column("author", sa.String(300), nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("data", JSONData, nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("key", sa.String(400), primary_key=True),  # Document.version_key
    sa.Column("doc_id", sa.String(300), nullable=False),
    sa.Column("language", sa.String(20), nullable=False),
    sa.Column("revision", sa.String(120), nullable=False),  # "dubai-2012" or "original"
    sa.Column("year", sa.Integer, nullable=True),  # revision year, to find the latest
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
    sa.Index("ix_documents_doc_id", "doc_id", "language"),
)

document_versions = sa.Table(
    "document_versions",
    metadata,
    sa.Column("key", sa.String(400), primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("author", sa.String(300), nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("data", JSONData, nullable=False),
)
