"""Overlap candidates and item subjects as CSV (one header line, one row each): for a
spreadsheet or a script. Reads the JSON shape of `overlap_json`. Text cells are neutralised
(`domain.cells.neutralise`: a title such as `=HYPERLINK(…)` is written `'=HYPERLINK(…)`, never
run as a formula); numbers (`-0.0123`) are written as they are."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from intersector.coordination.subjects import Assignment
from intersector.domain.cells import neutralise

CANDIDATE_COLUMNS = (
    "id",
    "score",
    "relation",
    "left_id",
    "left_sector",
    "left_group",
    "left_title",
    "right_id",
    "right_sector",
    "right_group",
    "right_title",
    "citations",
    "shared_concepts",
    "shared_words",
    "review",
    "review_note",
)
SUBJECT_COLUMNS = ("item", "subject", "confidence", "origin", "reason")


_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and not _NUMBER.fullmatch(value):
        return neutralise(value)
    return value


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue()


def _candidate_cells(row: Mapping[str, Any]) -> list[Any]:
    left, right, evidence = row["left"], row["right"], row.get("evidence") or {}
    review = row.get("review") or {}
    return [
        row["id"],
        f"{row['score']:.4f}",
        row["relation"],
        *(side[name] or "" for side in (left,) for name in ("id", "sector", "group", "title")),
        *(side[name] or "" for side in (right,) for name in ("id", "sector", "group", "title")),
        "; ".join(evidence.get("citations", ())),
        "; ".join(evidence.get("shared_concepts", ())),
        "; ".join(evidence.get("shared_words", ())),
        review.get("decision", ""),
        review.get("note", ""),
    ]


def overlaps_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """Candidates (dicts of `candidate_to_dict`) as CSV, in the order given."""
    return _csv(CANDIDATE_COLUMNS, (_candidate_cells(r) for r in rows))


def subjects_csv(items: Mapping[str, Sequence[Assignment]]) -> str:
    """Item → subjects as CSV: one row per (item, subject), items sorted by id."""
    return _csv(
        SUBJECT_COLUMNS,
        (
            (item, a.subject, f"{a.confidence:.4f}", a.origin, a.reason)
            for item in sorted(items)
            for a in items[item]
        ),
    )
