"""Each stored kind ↔ its tables: an item's dict (`codec.to_dict`) as a row of its kind's table
plus rows of its child tables, and back, exactly (`data(rows(x)) == x`).

A kind's scalar fields go to the column of the same name (or the one `rename` gives); lists and
mappings go to child tables (`Links`, `Records`, `Recipients`, `Labels`, `Entries`), in order; any
field no column holds goes to the row's `extra` JSON, so a field added to a domain class is kept
even before a migration gives it a column. Kinds without a table here (types registered by other
modules, or unregistered ones) are kept in the generic `items` table as JSON (`KINDS` tells).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any, Protocol

import sqlalchemy as sa

from intersector.domain import codec
from intersector.store import tables as t

Data = dict[str, Any]
Filter = Callable[[sa.Table, str], sa.ColumnElement[bool]]
ITEM_COLUMNS = ("id", "version", "withdrawn", "updated_at", "updated_by", "extra")


# --- values: JSON-ready (the item's dict) ↔ database ------------------------------------------


def _to_db(column: sa.Column[Any], value: Any) -> Any:
    kind = column.type
    if isinstance(kind, sa.JSON):
        return list(value) if isinstance(value, list | tuple) else value
    if value is None or (value == "" and column.nullable):
        return None
    if isinstance(kind, sa.DateTime):
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
        return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    if isinstance(kind, sa.Date):
        return value if isinstance(value, date) else date.fromisoformat(value)
    return value


def _from_db(column: sa.Column[Any], value: Any) -> Any:
    kind = column.type
    if value is None:
        return "" if isinstance(kind, sa.String) else None
    if isinstance(kind, sa.DateTime):
        moment: datetime = value
        return (moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()
    if isinstance(kind, sa.Date):
        return value.isoformat()
    if isinstance(kind, sa.Boolean):
        return bool(value)
    return value


# --- child tables --------------------------------------------------------------------------------


class Part(Protocol):
    """Rows of one or more child tables holding some fields of an item: `fields` (of the item),
    `tables` (parents first), `owner` (the column naming the item in each)."""

    @property
    def fields(self) -> tuple[str, ...]: ...

    @property
    def tables(self) -> tuple[sa.Table, ...]: ...

    @property
    def owner(self) -> str: ...

    def rows(self, item_id: str, data: Mapping[str, Any]) -> dict[sa.Table, list[Data]]: ...

    def fill(self, data: Data, found: Mapping[sa.Table, Sequence[Any]]) -> None: ...


def _order(table: sa.Table) -> list[sa.Column[Any]]:
    """How child rows are read back: by their key (owner first), or owner and position."""
    key = list(table.primary_key.columns)
    if "position" in table.c and table.c.position not in key:
        return [key[0], table.c.position]
    return key


@dataclass(frozen=True)
class Links:
    """A list of ids (or words): one row per element, `position` keeps the order."""

    field: str
    table: sa.Table
    owner: str
    column: str

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.field,)

    @property
    def tables(self) -> tuple[sa.Table, ...]:
        return (self.table,)

    def rows(self, item_id: str, data: Mapping[str, Any]) -> dict[sa.Table, list[Data]]:
        values = data.get(self.field) or ()
        return {
            self.table: [
                {self.owner: item_id, "position": i, self.column: v} for i, v in enumerate(values)
            ]
        }

    def fill(self, data: Data, found: Mapping[sa.Table, Sequence[Any]]) -> None:
        data[self.field] = [getattr(row, self.column) for row in found.get(self.table, ())]


@dataclass(frozen=True)
class Records:
    """A list of small records (`Dependency`, `Milestone`): one row each, fields as columns
    (`columns`: field → column)."""

    field: str
    table: sa.Table
    owner: str
    columns: Mapping[str, str]

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.field,)

    @property
    def tables(self) -> tuple[sa.Table, ...]:
        return (self.table,)

    def rows(self, item_id: str, data: Mapping[str, Any]) -> dict[sa.Table, list[Data]]:
        return {
            self.table: [
                {
                    self.owner: item_id,
                    "position": i,
                    **{c: _to_db(self.table.c[c], record.get(f)) for f, c in self.columns.items()},
                }
                for i, record in enumerate(data.get(self.field) or ())
            ]
        }

    def fill(self, data: Data, found: Mapping[sa.Table, Sequence[Any]]) -> None:
        data[self.field] = [
            {f: _from_db(self.table.c[c], getattr(row, c)) for f, c in self.columns.items()}
            for row in found.get(self.table, ())
        ]


@dataclass(frozen=True)
class Recipients:
    """A liaison's `for_action`, `for_comment`, `for_information`: one table, by purpose."""

    table: sa.Table = t.liaison_recipients
    owner: str = "liaison_id"
    fields: tuple[str, ...] = tuple(f"for_{p}" for p in t.LIAISON_PURPOSES)

    @property
    def tables(self) -> tuple[sa.Table, ...]:
        return (self.table,)

    def rows(self, item_id: str, data: Mapping[str, Any]) -> dict[sa.Table, list[Data]]:
        found: list[Data] = []
        for purpose in t.LIAISON_PURPOSES:
            for i, group in enumerate(data.get(f"for_{purpose}") or ()):
                row = {self.owner: item_id, "purpose": purpose, "position": i, "group_id": group}
                found.append(row)
        return {self.table: found}

    def fill(self, data: Data, found: Mapping[sa.Table, Sequence[Any]]) -> None:
        for name in self.fields:
            data[name] = []
        for row in found.get(self.table, ()):
            data[f"for_{row.purpose}"].append(row.group_id)


@dataclass(frozen=True)
class Labels:
    """A subject's `labels`, `description` and `keywords`: one row per language."""

    table: sa.Table = t.subject_labels
    owner: str = "subject_id"
    fields: tuple[str, ...] = ("labels", "description", "keywords")

    @property
    def tables(self) -> tuple[sa.Table, ...]:
        return (self.table,)

    def rows(self, item_id: str, data: Mapping[str, Any]) -> dict[sa.Table, list[Data]]:
        maps = {name: data.get(name) or {} for name in self.fields}
        languages = list(dict.fromkeys(lang for name in self.fields for lang in maps[name]))
        return {
            self.table: [
                {
                    "subject_id": item_id,
                    "language": lang,
                    "position": i,
                    "label": maps["labels"].get(lang),
                    "description": maps["description"].get(lang),
                    "keywords": _listed(maps["keywords"].get(lang)),
                }
                for i, lang in enumerate(languages)
            ]
        }

    def fill(self, data: Data, found: Mapping[sa.Table, Sequence[Any]]) -> None:
        labels: Data = {}
        description: Data = {}
        keywords: Data = {}
        for row in found.get(self.table, ()):
            if row.label is not None:
                labels[row.language] = row.label
            if row.description is not None:
                description[row.language] = row.description
            if row.keywords is not None:
                keywords[row.language] = list(row.keywords)
        data.update(labels=labels, description=description, keywords=keywords)


def _listed(value: Any) -> list[Any] | None:
    return None if value is None else list(value)


@dataclass(frozen=True)
class Entries:
    """A roadmap's entries, each with its milestones."""

    tables: tuple[sa.Table, ...] = (t.roadmap_entries, t.roadmap_milestones)
    owner: str = "roadmap_id"
    fields: tuple[str, ...] = ("entries",)

    def rows(self, item_id: str, data: Mapping[str, Any]) -> dict[sa.Table, list[Data]]:
        entries: list[Data] = []
        steps: list[Data] = []
        for i, entry in enumerate(data.get("entries") or ()):
            entries.append(
                {
                    "roadmap_id": item_id,
                    "position": i,
                    "activity_id": entry.get("activity"),
                    "note": entry.get("note") or "",
                }
            )
            for j, step in enumerate(entry.get("milestones") or ()):
                when = _to_db(t.roadmap_milestones.c.date, step.get("date"))
                row = {"roadmap_id": item_id, "entry": i, "position": j}
                steps.append({**row, "name": step.get("name") or "", "date": when})
        return {t.roadmap_entries: entries, t.roadmap_milestones: steps}

    def fill(self, data: Data, found: Mapping[sa.Table, Sequence[Any]]) -> None:
        steps: dict[int, list[Data]] = defaultdict(list)
        for row in found.get(t.roadmap_milestones, ()):
            steps[row.entry].append({"name": row.name, "date": row.date.isoformat()})
        data["entries"] = [
            {"activity": row.activity_id, "milestones": steps[row.position], "note": row.note}
            for row in found.get(t.roadmap_entries, ())
        ]


# --- kinds ---------------------------------------------------------------------------------------


def _column_filter(column: str) -> Filter:
    return lambda table, value: table.c[column] == value


def _link_filter(link: sa.Table, owner: str, column: str) -> Filter:
    def where(table: sa.Table, value: str) -> sa.ColumnElement[bool]:
        return sa.exists().where(link.c[owner] == table.c.id, link.c[column] == value)

    return where


@dataclass(frozen=True)
class Kind:
    """One stored kind: its table, its child tables, and the filters `Store.list` takes."""

    name: str
    table: sa.Table
    parts: tuple[Part, ...] = ()
    rename: Mapping[str, str] = field(default_factory=dict)  # field → column
    filters: Mapping[str, Filter] = field(default_factory=dict)

    @property
    def child_tables(self) -> tuple[sa.Table, ...]:
        """Children first-written first (a nested table after its parent table)."""
        return tuple(table for part in self.parts for table in part.tables)

    def owner_of(self, table: sa.Table) -> str:
        return next(part.owner for part in self.parts if table in part.tables)

    def columns(self) -> dict[str, str]:
        """field → column, for the fields kept in the main table."""
        cls = codec.ITEM_TYPES[self.name].cls
        held = {name for part in self.parts for name in part.fields}
        found: dict[str, str] = {}
        for f in dataclasses.fields(cls):
            column = self.rename.get(f.name, f.name)
            if f.name not in held and column in self.table.c and column not in _BOOKKEEPING:
                found[f.name] = column
        return found

    @cached_property
    def _write_plan(self) -> tuple[tuple[str, str, Convert], ...]:
        """(field, column, field value → column value) for the main table's fields."""
        return tuple((f, c, _writer(self.table.c[c])) for f, c in self._plain_columns.items())

    @cached_property
    def _read_plan(self) -> tuple[tuple[str, str, Convert], ...]:
        return tuple((f, c, _reader(self.table.c[c])) for f, c in self._plain_columns.items())

    @cached_property
    def _plain_columns(self) -> dict[str, str]:
        """`columns()` but "id" and "withdrawn" (kept in the bookkeeping columns)."""
        return {k: v for k, v in self.columns().items() if k not in ("id", "withdrawn")}

    @cached_property
    def has_withdrawn(self) -> bool:
        cls = codec.ITEM_TYPES[self.name].cls
        return "withdrawn" in {f.name for f in dataclasses.fields(cls)}

    @cached_property
    def held(self) -> frozenset[str]:
        """The fields of the item that its columns and child tables hold."""
        parts = {name for part in self.parts for name in part.fields}
        withdrawn = ["withdrawn"] if self.has_withdrawn else []
        return frozenset({"id", *withdrawn, *self._plain_columns, *parts})

    def row(self, data: Mapping[str, Any], version: int, at: datetime, author: str) -> Data:
        """The main row of an item (its child rows: `child_rows`)."""
        row: Data = {
            "id": data["id"],
            "version": version,
            "withdrawn": bool(data.get("withdrawn", False)),
            "updated_at": at,
            "updated_by": author,
        }
        for name, column, convert in self._write_plan:
            row[column] = convert(data.get(name))
        held = self.held
        extra = {k: v for k, v in data.items() if k not in held}
        row["extra"] = extra or None
        return row

    def child_rows(self, data: Mapping[str, Any]) -> dict[sa.Table, list[Data]]:
        found: dict[sa.Table, list[Data]] = {table: [] for table in self.child_tables}
        for part in self.parts:
            for table, rows in part.rows(str(data["id"]), data).items():
                found[table].extend(rows)
        return found

    def data(self, row: Any, children: Mapping[sa.Table, Sequence[Any]]) -> Data:
        """The item's dict from its main row and its child rows (in order)."""
        mapping = row._mapping
        data: Data = {"id": mapping["id"]}
        for name, column, convert in self._read_plan:
            data[name] = convert(mapping[column])
        if self.has_withdrawn:
            data["withdrawn"] = bool(mapping["withdrawn"])
        for part in self.parts:
            part.fill(data, children)
        if mapping["extra"]:
            data.update(mapping["extra"])
        return data


_BOOKKEEPING = frozenset(ITEM_COLUMNS) - {"id"}
Convert = Callable[[Any], Any]


def _writer(column: sa.Column[Any]) -> Convert:
    """The quick `_to_db` of one column."""
    kind = column.type
    if isinstance(kind, sa.JSON | sa.DateTime | sa.Date):
        return lambda value: _to_db(column, value)
    if column.nullable and isinstance(kind, sa.String):
        return lambda value: value or None
    return lambda value: value


def _reader(column: sa.Column[Any]) -> Convert:
    """The quick `_from_db` of one column."""
    kind = column.type
    if isinstance(kind, sa.String):
        return lambda value: "" if value is None else value
    if isinstance(kind, sa.JSON):
        return lambda value: value
    return lambda value: _from_db(column, value)


_SUBJECT = "subject"

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("sector", t.sectors),
        Kind("subject", t.subjects, parts=(Labels(),)),
        Kind(
            "group",
            t.groups,
            filters={"sector": _column_filter("sector"), "kind": _column_filter("kind")},
        ),
        Kind(
            "activity",
            t.activities,
            parts=(
                Links("subjects", t.activity_subjects, "activity_id", "subject_id"),
                Records(
                    "dependencies",
                    t.dependencies,
                    "activity_id",
                    {"on": "on_activity", "reason": "reason"},
                ),
                Records(
                    "milestones", t.milestones, "activity_id", {"name": "name", "date": "date"}
                ),
            ),
            rename={"group": "group_id"},
            filters={
                "sector": _column_filter("sector"),
                "group": _column_filter("group_id"),
                "kind": _column_filter("kind"),
                "status": _column_filter("status"),
                _SUBJECT: _link_filter(t.activity_subjects, "activity_id", "subject_id"),
            },
        ),
        Kind(
            "liaison",
            t.liaisons,
            parts=(
                Recipients(),
                Links("activities", t.liaison_activities, "liaison_id", "activity_id"),
            ),
            filters={"group": _column_filter("from_group"), "status": _column_filter("state")},
        ),
        Kind(
            "mechanism",
            t.mechanisms,
            parts=(
                Links("members", t.mechanism_members, "mechanism_id", "group_id"),
                Links("subjects", t.mechanism_subjects, "mechanism_id", "subject_id"),
            ),
            filters={
                "kind": _column_filter("kind"),
                _SUBJECT: _link_filter(t.mechanism_subjects, "mechanism_id", "subject_id"),
            },
        ),
        Kind(
            "roadmap",
            t.roadmaps,
            parts=(Entries(),),
            rename={"subject": "subject_id"},
            filters={"sector": _column_filter("sector"), _SUBJECT: _column_filter("subject_id")},
        ),
        Kind(
            "overlap-review",
            t.overlap_reviews,
            rename={"left": "left_id", "right": "right_id"},
        ),
        Kind(
            "subject-correction",
            t.subject_corrections,
            filters={_SUBJECT: _column_filter("subject")},
        ),
        Kind("user", t.users),
        Kind("token", t.api_tokens),
    )
}


def kind_of(item_type: str) -> Kind | None:
    """The kind with its own tables, or None: kept in the generic `items` table."""
    return KINDS.get(item_type)


def read_children(
    conn: sa.Connection, kind: Kind, ids: Iterable[str]
) -> dict[str, dict[sa.Table, list[Any]]]:
    """id → child table → its rows in order, for the items `ids` (one query per child table)."""
    wanted = list(ids)
    found: dict[str, dict[sa.Table, list[Any]]] = defaultdict(lambda: defaultdict(list))
    if not wanted:
        return found
    for table in kind.child_tables:
        owner = table.c[kind.owner_of(table)]
        key = owner.name
        order = _order(table)
        query = sa.select(table).where(owner.in_(wanted)).order_by(*order)
        for row in conn.execute(query):
            found[getattr(row, key)][table].append(row)
    return found
