"""Terminal views of the analytics (Rich tables): overlap candidates, subjects, the matrix,
the common subjects, mapping rows, document versions and divergences."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table

from intersector.coordination.mapping import MappingRow
from intersector.coordination.subjects import Assignment
from intersector.coordination.work import CommonSubject, Matrix


def overlaps_table(
    rows: Sequence[Mapping[str, Any]], *, total: int | None = None, offset: int = 0
) -> Table:
    """Candidates as a table; with `total`, the title says which of them these are."""
    shown = f"{offset + 1}–{offset + len(rows)} of {total}" if total and rows else len(rows)
    table = Table(title=f"Duplicated-work candidates ({shown})")
    table.add_column("id", overflow="fold")
    for column in ("score", "relation", "left", "right", "shared key terms", "review"):
        table.add_column(column)
    for row in rows:
        left, right = row["left"], row["right"]
        review = row.get("review")
        table.add_row(
            row["id"],
            f"{row['score']:.2f}",
            row["relation"],
            f"{left['sector']} {left['group']}\n{left['title'][:60]} [{left['language']}]",
            f"{right['sector']} {right['group']}\n{right['title'][:60]} [{right['language']}]",
            ", ".join(row["evidence"]["shared_concepts"]),
            review["decision"] if review else "",
        )
    return table


def subjects_table(items: Mapping[str, Sequence[Assignment]]) -> Table:
    """Every item's subjects (no cap), items sorted by id."""
    table = Table(title="Subjects of each item")
    table.add_column("item", overflow="fold")
    for column in ("subject", "confidence", "origin", "reason"):
        table.add_column(column)
    for item in sorted(items):
        for a in items[item]:
            table.add_row(item, a.subject, f"{a.confidence:.2f}", a.origin, a.reason)
    return table


def matrix_table(matrix: Matrix, labels: Mapping[str, str]) -> Table:
    table = Table(title="Subjects × Sectors: groups (items)")
    table.add_column("subject")
    sectors = ("itu-r", "itu-t", "itu-d")
    for sector in sectors:
        table.add_column(sector)
    for subject in sorted(matrix):
        cells = [
            "\n".join(
                f"{g or '—'} ({len(ids)})" for g, ids in sorted(matrix[subject].get(s, {}).items())
            )
            for s in sectors
        ]
        table.add_row(labels.get(subject, subject), *cells)
    return table


def common_table(common: Sequence[CommonSubject], labels: Mapping[str, str]) -> Table:
    table = Table(title="Subjects common to the three Sectors (Resolution 57, resolves 1)")
    table.add_column("subject")
    for sector in ("itu-r", "itu-t", "itu-d"):
        table.add_column(f"{sector} groups")
    for c in common:
        table.add_row(
            labels.get(c.subject, c.subject),
            *(", ".join(c.groups.get(s, ())) or "—" for s in ("itu-r", "itu-t", "itu-d")),
        )
    return table


def mapping_rows_table(name: str, rows: Sequence[MappingRow]) -> Table:
    table = Table(title=f"Mapping {name}")
    for column in ("source", "target", "score", "relation", "items", "shared key terms"):
        table.add_column(column)
    for r in rows:
        table.add_row(
            r.source.id,
            r.target,
            f"{r.score:.2f}",
            r.relation,
            ", ".join(r.items[:4]),
            ", ".join(r.shared_concepts),
        )
    return table


def versions_table(versions: Sequence[Any]) -> Table:
    table = Table(title="Stored versions")
    for column in ("key", "language", "revision", "title", "source"):
        table.add_column(column)
    for v in versions:
        table.add_row(v.key, v.language, v.revision, v.title[:60], v.source)
    return table
