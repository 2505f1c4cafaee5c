"""Tables and JSON of the CLI's smaller listings — users, an item's history, a mapping, a text's
stored versions — the two formats of each built side by side from the same rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table

from intersector.coordination.mapping import MappingRow
from intersector.domain.documents import Divergence
from intersector.domain.registry import Version
from intersector.domain.users import User
from intersector.reports import json_text


def _json(value: object) -> str:
    return json_text.dumps(value, indent=1) + "\n"


def _user_row(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "name": user.name,
        "role": user.role,
        "sectors": list(user.sectors),
        "groups": list(user.groups),
        "disabled": user.disabled,
    }


def users_table(users: Sequence[User]) -> Table:
    table = Table(title="Users")
    for column in ("user", "name", "role", "sectors", "groups", "state"):
        table.add_column(column)
    for user in users:
        state = "disabled" if user.disabled else "active"
        table.add_row(
            user.id, user.name, user.role, ", ".join(user.sectors), ", ".join(user.groups), state
        )
    return table


def users_json(users: Sequence[User]) -> str:
    return _json([_user_row(u) for u in users])


def history_table(title: str, versions: Sequence[tuple[Version, list[str]]]) -> Table:
    table = Table(title=title)
    for column in ("version", "at (UTC)", "author", "reason", "changed"):
        table.add_column(column, overflow="fold")
    for version, changed in versions:
        at = f"{version.at:%Y-%m-%d %H:%M:%S}"
        table.add_row(str(version.number), at, version.author, version.reason, ", ".join(changed))
    return table


def history_json(versions: Sequence[tuple[Version, list[str]]]) -> str:
    return _json(
        [
            {
                "version": v.number,
                "at": v.at.isoformat(),
                "author": v.author,
                "reason": v.reason,
                "changed": changed,
                "data": dict(v.data),
            }
            for v, changed in versions
        ]
    )


def mapping_json(name: str, rows: Sequence[MappingRow]) -> str:
    return _json(
        {
            "mapping": name,
            "rows": [
                {
                    "source": r.source.id,
                    "source_title": r.source.title,
                    "target": r.target,
                    "target_title": r.target_title,
                    "score": round(r.score, 4),
                    "relation": r.relation,
                    "items": list(r.items),
                    "shared_concepts": list(r.shared_concepts),
                }
                for r in rows
            ],
        }
    )


def versions_json(versions: Sequence[Any], divergences: Mapping[str, Sequence[Divergence]]) -> str:
    """`versions`: the store's stored versions (key, language, revision, title, source)."""
    return _json(
        {
            "versions": [
                {
                    "key": v.key,
                    "language": v.language,
                    "revision": v.revision,
                    "title": v.title,
                    "source": v.source,
                }
                for v in versions
            ],
            "divergences": {
                pair: [
                    {
                        "kind": d.kind,
                        "path": d.path,
                        "left": d.left,
                        "right": d.right,
                        "detail": d.detail,
                    }
                    for d in found
                ]
                for pair, found in divergences.items()
            },
        }
    )
