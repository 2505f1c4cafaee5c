"""The resolution action plan (migration 0008) in three tables:

- `resolution_actions`: one row per tracked action (`domain.actions.TrackedAction`), its status,
  owner and due date as real columns (indexed by resolution and status);
- `action_addressees`: who each action is addressed to (indexed by addressee: `--addressee`);
- `action_evidence`: the documents, liaisons, activities and reports that show its progress.

The actions of one resolution are written together (`replace_actions`, after an ingest carried
them over to a new revision); one action's follow-up by `save_action`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

import sqlalchemy as sa

from intersector.domain.actions import Evidence, TrackedAction
from intersector.domain.errors import NotFoundError
from intersector.store.db import Store
from intersector.store.tables import UTCDateTime, metadata

resolution_actions = sa.Table(
    "resolution_actions",
    metadata,
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
    sa.Index("ix_resolution_actions_document", "document"),
    sa.Index("ix_resolution_actions_status", "status"),
)

action_addressees = sa.Table(
    "action_addressees",
    metadata,
    sa.Column(
        "action_id",
        sa.String(400),
        sa.ForeignKey("resolution_actions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("addressee", sa.String(300), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Index("ix_action_addressees_addressee", "addressee"),
)

action_evidence = sa.Table(
    "action_evidence",
    metadata,
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

_COLUMNS = ("document", "revision", "clause", "verb", "text", "status", "owner", "due")


def _row(action: TrackedAction, author: str, now: datetime) -> dict[str, object]:
    row: dict[str, object] = {name: getattr(action, name) for name in _COLUMNS}
    row.update(
        id=action.id,
        carried_from=action.carried_from,
        position=action.position,
        updated_at=now,
        updated_by=author,
    )
    return row


def _write(conn: sa.Connection, actions: Sequence[TrackedAction], author: str) -> None:
    now = datetime.now(UTC)
    ids = [a.id for a in actions]
    if not ids:
        return
    conn.execute(action_evidence.delete().where(action_evidence.c.action_id.in_(ids)))
    conn.execute(action_addressees.delete().where(action_addressees.c.action_id.in_(ids)))
    conn.execute(resolution_actions.delete().where(resolution_actions.c.id.in_(ids)))
    conn.execute(resolution_actions.insert(), [_row(a, author, now) for a in actions])
    who = [
        {"action_id": a.id, "addressee": name, "position": n}
        for a in actions
        for n, name in enumerate(a.addressees)
    ]
    if who:
        conn.execute(action_addressees.insert(), who)
    links = [
        {"action_id": a.id, "kind": e.kind, "ref": e.ref, "position": n}
        for a in actions
        for n, e in enumerate(a.evidence)
    ]
    if links:
        conn.execute(action_evidence.insert(), links)


def replace_actions(
    store: Store, document: str, actions: Sequence[TrackedAction], *, author: str
) -> None:
    """Make `actions` the whole action plan of resolution `document` (one transaction)."""
    with store.write() as conn:
        stale = sa.select(resolution_actions.c.id).where(resolution_actions.c.document == document)
        old = [i for i in conn.execute(stale).scalars() if i not in {a.id for a in actions}]
        if old:
            conn.execute(resolution_actions.delete().where(resolution_actions.c.id.in_(old)))
        _write(conn, actions, author)


def save_action(store: Store, action: TrackedAction, *, author: str) -> None:
    """Store one action's new follow-up (status, owner, due date, evidence)."""
    with store.write() as conn:
        _write(conn, [action], author)


def load_actions(
    store: Store, *, document: str = "", addressee: str = "", status: str = ""
) -> list[TrackedAction]:
    """The stored actions, by resolution then position; filtered in SQL ("" = any)."""
    query = sa.select(resolution_actions)
    if document:
        query = query.where(resolution_actions.c.document == document)
    if status:
        query = query.where(resolution_actions.c.status == status)
    if addressee:
        to = sa.select(action_addressees.c.action_id).where(
            action_addressees.c.addressee == addressee
        )
        query = query.where(resolution_actions.c.id.in_(to))
    query = query.order_by(resolution_actions.c.document, resolution_actions.c.position)
    with store.read() as conn:
        rows = conn.execute(query).mappings().all()
        ids = [r["id"] for r in rows]
        who = _by_action(conn, action_addressees, ids)
        links = _by_action(conn, action_evidence, ids)
    return [_action(r, who.get(r["id"], []), links.get(r["id"], [])) for r in rows]


def _by_action(
    conn: sa.Connection, table: sa.Table, ids: Iterable[str]
) -> dict[str, list[sa.RowMapping]]:
    wanted = list(ids)
    found: dict[str, list[sa.RowMapping]] = {}
    for start in range(0, len(wanted), 500):
        query = (
            sa.select(table)
            .where(table.c.action_id.in_(wanted[start : start + 500]))
            .order_by(table.c.action_id, table.c.position)
        )
        for row in conn.execute(query).mappings():
            found.setdefault(row["action_id"], []).append(row)
    return found


def _action(
    row: sa.RowMapping, who: list[sa.RowMapping], links: list[sa.RowMapping]
) -> TrackedAction:
    return TrackedAction(
        id=row["id"],
        document=row["document"],
        revision=row["revision"],
        clause=row["clause"],
        verb=row["verb"],
        text=row["text"],
        addressees=tuple(w["addressee"] for w in who),
        status=row["status"],
        owner=row["owner"],
        due=row["due"],
        evidence=tuple(Evidence(e["kind"], e["ref"]) for e in links),
        carried_from=row["carried_from"],
        position=row["position"],
    )


def get_action(store: Store, action_id: str) -> TrackedAction:
    """One stored action; NotFoundError naming the id."""
    query = sa.select(resolution_actions.c.document).where(resolution_actions.c.id == action_id)
    with store.read() as conn:
        document = conn.execute(query).scalar_one_or_none()
    if document is None:
        raise NotFoundError(f"no action {action_id!r}: `intersector actions` lists them")
    return next(a for a in load_actions(store, document=document) if a.id == action_id)


def action_ids(store: Store) -> list[str]:
    """Every stored action id."""
    with store.read() as conn:
        return list(conn.execute(sa.select(resolution_actions.c.id)).scalars())
