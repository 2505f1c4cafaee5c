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

from typing import Any

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


# --- the registry, one table per kind ------------------------------------------------------------
#
# Every kind's main table starts with the same columns: `id`, `version` (the optimistic-locking
# token, the number of its newest row in item_versions), `withdrawn`, `updated_at`, `updated_by`,
# and ends with `extra` (JSON, NULL when empty): the fields of the item no column holds yet (a field
# added to a domain class before its migration), so nothing is ever lost. Lists keep their order
# in a `position` column. A reference to another item is NULL when empty. Child rows (labels,
# subjects, recipients, entries…) belong to their item by a foreign key and go with it; a reference
# from one item to another (an activity's group, a liaison's recipients) is checked by the domain
# rules on every write (`domain/rules.py`), not by the database: an item loaded before what it
# names, or named by a newer release, must still be kept.


def _item_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.String(300), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("withdrawn", sa.Boolean, nullable=False, default=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("updated_by", sa.String(300), nullable=False),
    ]


def _extra() -> sa.Column[Any]:
    return sa.Column("extra", JSONData, nullable=True)


def _owner(name: str, table: str) -> sa.Column[Any]:
    """The column of a child row naming its item (deleted with it)."""
    return sa.Column(
        name, sa.String(300), sa.ForeignKey(f"{table}.id", ondelete="CASCADE"), primary_key=True
    )


def _ref(name: str) -> sa.Column[Any]:
    """A reference to another item by id (NULL when none)."""
    return sa.Column(name, sa.String(300), nullable=True)


def _text(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Text, nullable=False, default="")


def _short(name: str, length: int = 80) -> sa.Column[Any]:
    return sa.Column(name, sa.String(length), nullable=False, default="")


def _position() -> sa.Column[Any]:
    return sa.Column("position", sa.Integer, primary_key=True)


sectors = sa.Table(
    "sectors",
    metadata,
    *_item_columns(),
    _text("name"),
    _short("bureau", 40),
    _short("advisory_group", 40),
    _text("source"),
    _extra(),
)

subjects = sa.Table(
    "subjects",
    metadata,
    *_item_columns(),
    _ref("parent"),
    _text("source"),
    _extra(),
    sa.Index("ix_subjects_parent", "parent"),
)

# A subject's label, description and keywords in one language (NULL: none in that language).
subject_labels = sa.Table(
    "subject_labels",
    metadata,
    _owner("subject_id", "subjects"),
    sa.Column("language", sa.String(20), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("label", sa.Text, nullable=True),
    sa.Column("description", sa.Text, nullable=True),
    sa.Column("keywords", JSONData, nullable=True),  # the list of words, in order
)

groups = sa.Table(
    "groups",
    metadata,
    *_item_columns(),
    _short("sector", 40),
    _short("kind"),
    _text("name"),
    _short("acronym", 120),
    _ref("parent"),
    _short("study_period", 40),
    _text("source"),
    _extra(),
    sa.Index("ix_groups_sector", "sector", "kind"),
    sa.Index("ix_groups_kind", "kind"),
    sa.Index("ix_groups_parent", "parent"),
)


def plan_columns() -> list[sa.Column[Any]]:
    """An activity's plan against what happened (issue 13; migration 0007): baseline target,
    finish, % complete, stage, release or study period."""
    return [
        sa.Column("baseline_target", sa.Date, nullable=True),
        sa.Column("finished", sa.Date, nullable=True),
        sa.Column("percent_complete", sa.Integer, nullable=True),
        _short("stage", 40),
        _short("period", 80),
    ]


activities = sa.Table(
    "activities",
    metadata,
    *_item_columns(),
    _short("sector", 40),
    _short("kind"),
    _short("identifier", 300),
    _text("title"),
    _ref("group_id"),
    _text("summary"),
    _short("language", 20),
    _short("status"),
    sa.Column("start", sa.Date, nullable=True),
    sa.Column("target", sa.Date, nullable=True),
    *plan_columns(),
    sa.Column("editors", JSONData, nullable=False),  # lists of text nobody filters on
    sa.Column("equivalents", JSONData, nullable=False),
    sa.Column("documents", JSONData, nullable=False),  # ids of the documents it comes from
    _text("source"),
    _extra(),
    sa.Index("ix_activities_sector", "sector", "status"),
    sa.Index("ix_activities_group", "group_id", "status"),
    sa.Index("ix_activities_kind", "kind"),
    sa.Index("ix_activities_status", "status"),
    sa.Index("ix_activities_target", "target"),
)

activity_subjects = sa.Table(
    "activity_subjects",
    metadata,
    _owner("activity_id", "activities"),
    _position(),
    sa.Column("subject_id", sa.String(300), nullable=False),
    sa.Index("ix_activity_subjects_subject", "subject_id", "activity_id"),
)

dependencies = sa.Table(
    "dependencies",
    metadata,
    _owner("activity_id", "activities"),
    _position(),
    sa.Column("on_activity", sa.String(300), nullable=False),
    _text("reason"),
    sa.Index("ix_dependencies_on", "on_activity", "activity_id"),
)

milestones = sa.Table(
    "milestones",
    metadata,
    _owner("activity_id", "activities"),
    _position(),
    _text("name"),
    sa.Column("date", sa.Date, nullable=False),
    sa.Index("ix_milestones_date", "date"),
)

liaisons = sa.Table(
    "liaisons",
    metadata,
    *_item_columns(),
    sa.Column("from_group", sa.String(300), nullable=False),
    _text("title"),
    _text("reply_to"),
    _text("body"),
    sa.Column("attachments", JSONData, nullable=False),
    sa.Column("sent", sa.Date, nullable=True),
    sa.Column("deadline", sa.Date, nullable=True),
    _short("state", 40),
    _ref("replies_to"),
    _short("reference", 300),
    _text("source"),
    _extra(),
    sa.Index("ix_liaisons_from_group", "from_group", "state"),
    sa.Index("ix_liaisons_state", "state", "deadline"),
    sa.Index("ix_liaisons_sent", "sent"),
    sa.Index("ix_liaisons_replies_to", "replies_to"),
)

# Who a liaison is addressed to, and for what: `action`, `comment` or `information`.
LIAISON_PURPOSES = ("action", "comment", "information")
liaison_recipients = sa.Table(
    "liaison_recipients",
    metadata,
    _owner("liaison_id", "liaisons"),
    sa.Column("purpose", sa.String(20), primary_key=True),
    _position(),
    sa.Column("group_id", sa.String(300), nullable=False),
    sa.Index("ix_liaison_recipients_group", "group_id", "purpose", "liaison_id"),
)

liaison_activities = sa.Table(
    "liaison_activities",
    metadata,
    _owner("liaison_id", "liaisons"),
    _position(),
    sa.Column("activity_id", sa.String(300), nullable=False),
    sa.Index("ix_liaison_activities_activity", "activity_id", "liaison_id"),
)

mechanisms = sa.Table(
    "mechanisms",
    metadata,
    *_item_columns(),
    _short("kind"),
    _text("name"),
    _short("established_by", 300),
    _text("source"),
    _extra(),
    sa.Index("ix_mechanisms_kind", "kind"),
)

mechanism_members = sa.Table(
    "mechanism_members",
    metadata,
    _owner("mechanism_id", "mechanisms"),
    _position(),
    sa.Column("group_id", sa.String(300), nullable=False),
    sa.Index("ix_mechanism_members_group", "group_id", "mechanism_id"),
)

mechanism_subjects = sa.Table(
    "mechanism_subjects",
    metadata,
    _owner("mechanism_id", "mechanisms"),
    _position(),
    sa.Column("subject_id", sa.String(300), nullable=False),
    sa.Index("ix_mechanism_subjects_subject", "subject_id", "mechanism_id"),
)

roadmaps = sa.Table(
    "roadmaps",
    metadata,
    *_item_columns(),
    _short("sector", 40),
    sa.Column("subject_id", sa.String(300), nullable=False),
    _text("title"),
    _text("source"),
    _extra(),
    sa.Index("ix_roadmaps_subject", "subject_id", "sector"),
    sa.Index("ix_roadmaps_sector", "sector"),
)

roadmap_entries = sa.Table(
    "roadmap_entries",
    metadata,
    _owner("roadmap_id", "roadmaps"),
    _position(),
    sa.Column("activity_id", sa.String(300), nullable=False),
    _text("note"),
    sa.Index("ix_roadmap_entries_activity", "activity_id", "roadmap_id"),
)

roadmap_milestones = sa.Table(
    "roadmap_milestones",
    metadata,
    _owner("roadmap_id", "roadmaps"),
    sa.Column("entry", sa.Integer, primary_key=True),  # the entry's position
    _position(),
    _text("name"),
    sa.Column("date", sa.Date, nullable=False),
    sa.ForeignKeyConstraint(
        ["roadmap_id", "entry"],
        ["roadmap_entries.roadmap_id", "roadmap_entries.position"],
        ondelete="CASCADE",
    ),
    sa.Index("ix_roadmap_milestones_date", "date"),
)

# Coordinators' decisions on duplicated-work candidates (`overlap-review`).
overlap_reviews = sa.Table(
    "overlap_reviews",
    metadata,
    *_item_columns(),
    _short("decision", 40),
    sa.Column("left_id", sa.String(300), nullable=False),
    _short("left_version", 120),
    sa.Column("right_id", sa.String(300), nullable=False),
    _short("right_version", 120),
    _text("note"),
    _short("reviewer", 300),
    _extra(),
    sa.Index("ix_overlap_reviews_left", "left_id"),
    sa.Index("ix_overlap_reviews_right", "right_id"),
    sa.Index("ix_overlap_reviews_decision", "decision"),
)

# Coordinators' corrections of an item's subjects (`subject-correction`).
subject_corrections = sa.Table(
    "subject_corrections",
    metadata,
    *_item_columns(),
    sa.Column("item", sa.String(300), nullable=False),
    sa.Column("subject", sa.String(300), nullable=False),
    _short("action", 20),
    _short("author", 300),
    _text("note"),
    _extra(),
    sa.Index("ix_subject_corrections_item", "item"),
    sa.Index("ix_subject_corrections_subject", "subject"),
)

# --- people: outside the registry, in their own tables (versioned in item_versions all the same:
# a role change or a revocation keeps its author) ---------------------------------------------

users = sa.Table(
    "users",
    metadata,
    *_item_columns(),
    _short("role", 40),
    sa.Column("sectors", JSONData, nullable=False),
    sa.Column("groups", JSONData, nullable=False),
    _text("name"),
    _short("email", 320),
    _text("password_hash"),
    sa.Column("disabled", sa.Boolean, nullable=False, default=False),
    _extra(),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    *_item_columns(),
    sa.Column("username", sa.String(300), sa.ForeignKey("users.id"), nullable=False),
    sa.Column("scopes", JSONData, nullable=False),
    sa.Column("digest", sa.String(64), nullable=False),
    sa.Column("created", UTCDateTime, nullable=False),
    _text("label"),
    sa.Column("revoked", sa.Boolean, nullable=False, default=False),
    _extra(),
    sa.Index("ix_api_tokens_username", "username"),
)
