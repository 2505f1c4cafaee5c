"""The joined roadmap as an Excel workbook (openpyxl): a "Joined" sheet with every Sector's rows,
one sheet per Sector, and sheets for the dependencies and the liaisons. Dates are real dates
(number format YYYY-MM-DD), headers are bold on a tinted fill, the header row is frozen and
every sheet has an autofilter over its data. Each row shows the plan against what happened, as
a work plan does: planned start, baseline and current targets, the slip between them in days
(red when late), the finish date, the stage, % complete and the release or study period."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from intersector.coordination.liaisons import effective_state, replies_index
from intersector.coordination.roadmap import JoinedRoadmap, RoadmapRow, sector_label
from intersector.reports.xlsx_rows import append_row

DATE_FORMAT = "yyyy-mm-dd"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0A5FB4")
LATE_FONT = Font(bold=True, color="C62828")

ROW_HEADERS = (
    ("Sector", 9),
    ("Activity", 16),
    ("Title", 60),
    ("Group", 12),
    ("Status", 12),
    ("Start", 12),
    ("Target", 12),
    ("Baseline target", 14),
    ("Slip (days)", 10),
    ("Finished", 12),
    ("Stage", 12),
    ("% complete", 10),
    ("Period", 12),
    ("Milestones", 40),
    ("Note", 24),
    ("Roadmap", 12),
    ("Id", 24),
)


def _row_cells(row: RoadmapRow, view: JoinedRoadmap, origin: str) -> list[Any]:
    milestones = "; ".join(f"{m.date.isoformat()} {m.name}" for m in row.milestones)
    return [
        sector_label(row.sector),
        row.identifier or row.activity,
        row.title,
        view.group_label(row.group) if row.group else "",
        "missing" if row.missing else row.status,
        row.start,
        row.target,
        row.baseline_target,
        row.slip_days,
        row.finished,
        row.stage,
        row.percent_complete,
        row.period,
        milestones,
        row.note,
        origin,
        row.activity,
    ]


def _sheet(book: Workbook, title: str, headers: Sequence[tuple[str, int]]) -> Worksheet:
    sheet: Worksheet = book.create_sheet(title)
    sheet.append([name for name, _ in headers])
    for column, (_, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def _finish(sheet: Worksheet) -> None:
    """Dates shown as dates; autofilter over the whole table."""
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
    sheet.auto_filter.ref = sheet.dimensions


SLIP_COLUMN = [name for name, _ in ROW_HEADERS].index("Slip (days)") + 1
TARGET_COLUMN = [name for name, _ in ROW_HEADERS].index("Target") + 1


def _rows_sheet(book: Workbook, title: str, view: JoinedRoadmap, sectors: Sequence[str]) -> None:
    sheet = _sheet(book, title, ROW_HEADERS)
    for lane in view.lanes:
        if lane.sector in sectors:
            for row in lane.rows:
                append_row(sheet, _row_cells(row, view, lane.origin))
                _mark_late(sheet, row, view.today)
    _finish(sheet)


def _mark_late(sheet: Worksheet, row: RoadmapRow, today: date) -> None:
    """A slip (current target after the baseline) and a target passed with the work open are
    shown in red, as the HTML Gantt shows them."""
    line = sheet.max_row
    if (row.slip_days or 0) > 0:
        sheet.cell(row=line, column=SLIP_COLUMN).font = LATE_FONT
    if row.is_past_target(today):
        sheet.cell(row=line, column=TARGET_COLUMN).font = LATE_FONT


def _dependencies_sheet(book: Workbook, view: JoinedRoadmap) -> None:
    headers = (("Activity", 24), ("Depends on", 24), ("Why", 40), ("Across Sectors", 14))
    sheet = _sheet(book, "Dependencies", headers)
    for e in view.dependencies:
        append_row(sheet, [e.activity, e.on, e.reason, "yes" if e.cross_sector else "no"])
    _finish(sheet)


def _liaisons_sheet(book: Workbook, view: JoinedRoadmap) -> None:
    headers = (
        ("Reference", 18),
        ("Title", 50),
        ("From", 12),
        ("For action", 24),
        ("Sent", 12),
        ("Deadline", 12),
        ("State", 10),
        ("Replies to", 20),
        ("Id", 24),
    )
    sheet = _sheet(book, "Liaisons", headers)
    replies = replies_index(view.liaisons)
    for li in view.liaisons:
        to = ", ".join(view.group_label(g) for g in li.for_action)
        state = effective_state(li, view.today, replies)
        append_row(
            sheet,
            [li.reference or li.id, li.title, view.group_label(li.from_group), to, li.sent,
             li.deadline, state, li.replies_to, li.id]
        )  # fmt: skip
    _finish(sheet)


def roadmap_workbook(view: JoinedRoadmap) -> Workbook:
    """The workbook: Joined, one sheet per Sector of the view, Dependencies, Liaisons."""
    book = Workbook()
    book.remove(book.worksheets[0])  # start from no sheet: ours come in a fixed order
    _rows_sheet(book, "Joined", view, [lane.sector for lane in view.lanes])
    for lane in view.lanes:
        _rows_sheet(book, sector_label(lane.sector), view, [lane.sector])
    _dependencies_sheet(book, view)
    _liaisons_sheet(book, view)
    book.properties.title = f"{view.subject_label} roadmap, {view.today.isoformat()}"
    book.properties.creator = "intersector"
    return book


def roadmap_xlsx(view: JoinedRoadmap) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    roadmap_workbook(view).save(buffer)
    return buffer.getvalue()


def write_roadmap_xlsx(view: JoinedRoadmap, path: Path) -> None:
    path.write_bytes(roadmap_xlsx(view))
