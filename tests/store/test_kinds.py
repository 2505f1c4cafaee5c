"""`store/kinds.py`: every field of every kind with tables has a column or a child table, and the
sample corpus goes into its tables and comes back exactly (`data(rows(x)) == x`)."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from intersector.domain import codec
from intersector.domain.errors import ValidationError
from intersector.domain.registry import Activity
from intersector.domain.users import Token, User
from intersector.files.registry import load_paths
from intersector.store import Store
from intersector.store import tables as t
from intersector.store.kinds import KINDS, Kind

SAMPLE = Path(__file__).parent.parent.parent / "data" / "sample" / "registry"
AT = datetime(2026, 12, 5, tzinfo=UTC)


def unmapped(kind: Kind) -> set[str]:
    """The fields of a kind's class no column or child table holds: kept in `extra` until a
    migration gives them a column (none when this was written; a field added since is safe)."""
    fields = {f.name for f in dataclasses.fields(codec.ITEM_TYPES[kind.name].cls)}
    return fields - kind.held


def test_what_views_filter_and_sort_by_are_columns() -> None:
    columns = {name: set(kind.columns()) for name, kind in KINDS.items()}
    assert {"sector", "kind", "status", "group", "start", "target", "identifier"} <= columns[
        "activity"
    ]
    assert {"from_group", "state", "sent", "deadline", "replies_to"} <= columns["liaison"]
    assert {"sector", "kind", "parent"} <= columns["group"]
    assert {"sector", "subject"} <= columns["roadmap"]
    assert {"role", "disabled"} <= columns["user"]
    assert {"username", "created", "revoked"} <= columns["token"]
    parts = {name: {f for p in kind.parts for f in p.fields} for name, kind in KINDS.items()}
    assert {"subjects", "dependencies", "milestones"} <= parts["activity"]
    assert {"for_action", "for_comment", "for_information", "activities"} <= parts["liaison"]
    assert {"labels", "description", "keywords"} <= parts["subject"]


def _through_rows(kind: Kind, data: dict[str, Any]) -> dict[str, Any]:
    """The dict read back from the rows `kind` writes for `data` (as the database gives them)."""
    row = kind.row(data, 1, AT, "t")
    children: dict[sa.Table, list[Any]] = defaultdict(list)
    for table, rows in kind.child_rows(data).items():
        children[table] = [_Row(r) for r in rows]
    return kind.data(_Row(row), children)


class _Row:
    """A dict seen as a result row (`row.x`, `row._mapping`)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._mapping = values

    def __getattr__(self, name: str) -> Any:
        return self._mapping[name]


def test_the_sample_corpus_round_trips_through_the_rows() -> None:
    items = load_paths([SAMPLE]).items
    assert len(items) > 200
    for item in items:
        kind = KINDS[codec.item_type_of(item).name]
        data = codec.to_dict(item)
        assert set(kind.row(data, 1, AT, "t")["extra"] or ()) == unmapped(kind), item.id
        assert _through_rows(kind, data) == data, item.id


def test_a_field_without_a_column_is_kept_in_extra() -> None:
    data = codec.to_dict(load_paths([SAMPLE]).items[-1])
    kind = KINDS[codec.item_type_of(load_paths([SAMPLE]).items[-1]).name]
    newer = {**data, "colour": "blue", "weights": [1, 2]}
    assert kind.row(newer, 1, AT, "t")["extra"] == {"colour": "blue", "weights": [1, 2]}
    assert _through_rows(kind, newer) == newer


def test_the_sample_corpus_is_in_real_columns(store: Store) -> None:
    items = load_paths([SAMPLE]).items
    store.save_many(items, author="t", reason="load")
    for name in KINDS:
        expected = sorted((i for i in items if codec.item_type_of(i).name == name), key=_id)
        assert store.list(name, include_withdrawn=True) == expected, name
    day = date(2025, 6, 1)
    with store.read() as conn:
        dated = conn.execute(
            sa.select(sa.func.count()).where(t.activities.c.target < day)
        ).scalar_one()
        labels = conn.execute(
            sa.select(t.subject_labels.c.label).where(
                t.subject_labels.c.subject_id == "imt", t.subject_labels.c.language == "fr"
            )
        ).scalar_one()
    before = [i for i in items if isinstance(i, Activity) and i.target and i.target < day]
    assert dated == len(before) > 0
    assert labels == "Télécommunications mobiles internationales (IMT)"


def _id(item: Any) -> str:
    return str(item.id)


def test_a_token_of_an_unknown_user_is_refused(store: Store) -> None:
    token = Token("k1", "nobody", ("read",), "d" * 64, AT)
    with pytest.raises(ValidationError, match="does not exist"):
        store.save(token, author="t", reason="t")
    store.save(User("nobody"), author="t", reason="t")
    assert store.save(token, author="t", reason="t").number == 1
