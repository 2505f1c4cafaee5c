"""The resolution action plan for people and tools: JSON (the contract of `intersector actions
--format json` and `/api/v1/actions`), a Rich table for the terminal, and an XLSX in the column
layout secretariats use for action plans (one row per action: No., Resolution, operative clause,
action required, action by, lead, deadline, status, progress/evidence, remarks), written through
`reports.xlsx_rows` so that no cell becomes a formula."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from rich.table import Table

from intersector.coordination.actions import status_counts
from intersector.domain.actions import TrackedAction
from intersector.reports.json_text import dumps
from intersector.reports.xlsx_rows import append_row

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0A5FB4")
COLUMNS = (
    ("No.", 6),
    ("Resolution", 16),
    ("Revision", 16),
    ("Operative clause", 18),
    ("Action required", 70),
    ("Action by", 28),
    ("Lead (owner)", 20),
    ("Deadline", 12),
    ("Status", 13),
    ("Progress / evidence", 40),
    ("Remarks", 30),
    ("Action id", 30),
)


def action_to_dict(action: TrackedAction) -> dict[str, Any]:
    """One action as JSON-ready data."""
    return {
        "id": action.id,
        "document": action.document,
        "revision": action.revision,
        "clause": action.clause,
        "verb": action.verb,
        "text": action.text,
        "addressees": list(action.addressees),
        "status": action.status,
        "owner": action.owner,
        "due": action.due.isoformat() if action.due else None,
        "evidence": [{"kind": e.kind, "ref": e.ref} for e in action.evidence],
        "carried_from": action.carried_from,
    }


def actions_json(actions: Sequence[TrackedAction]) -> str:
    """`{"counts": {status: n}, "actions": [...]}` as indented JSON text."""
    data = {"counts": status_counts(actions), "actions": [action_to_dict(a) for a in actions]}
    return dumps(data, indent=2) + "\n"


def _remarks(action: TrackedAction) -> str:
    if action.superseded:
        return f"superseded: clause gone after {action.revision}"
    if action.carried_from and action.carried_from != action.clause:
        return f"carried over from {action.carried_from}"
    return ""


def _row(n: int, action: TrackedAction) -> list[object]:
    return [
        n,
        action.document,
        action.revision,
        action.clause,
        action.text,
        ", ".join(action.addressees),
        action.owner,
        action.due,
        action.status,
        "; ".join(str(e) for e in action.evidence),
        _remarks(action),
        action.id,
    ]


def actions_xlsx(actions: Sequence[TrackedAction]) -> bytes:
    """The action plan as the bytes of an .xlsx file: one "Action plan" sheet, headers frozen,
    autofilter, deadlines as dates, long texts wrapped."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = "Action plan"
    sheet.append([name for name, _ in COLUMNS])
    for column, (_, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=column)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        sheet.column_dimensions[get_column_letter(column)].width = width
    for n, action in enumerate(actions, start=1):
        append_row(sheet, _row(n, action))
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.properties.title = "Resolution action plan"
    book.properties.creator = "intersector"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def actions_table(actions: Sequence[TrackedAction]) -> Table:
    """One line per action for the terminal, with the status counts in the caption."""
    counts = status_counts(actions)
    table = Table(
        title="Resolution action plan",
        caption=", ".join(f"{s} {n}" for s, n in counts.items()),
    )
    for name in ("Action", "Clause", "Action by", "Status", "Owner", "Due", "Text"):
        table.add_column(name, overflow="fold")
    for a in actions:
        first_line = a.text.splitlines()[0] if a.text else ""
        table.add_row(
            a.id,
            a.clause,
            ", ".join(a.addressees),
            a.status,
            a.owner,
            a.due.isoformat() if a.due else "",
            first_line[:120],
        )
    return table
