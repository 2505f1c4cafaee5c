"""A mapping table as an XLSX workbook (one sheet, a header row, one row per mapping row)."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from intersector.coordination.mapping import MappingRow
from intersector.reports.xlsx_rows import append_row

HEADER = (
    "source",
    "source title",
    "source group",
    "target",
    "target title",
    "score",
    "relation",
    "evidence: items",
    "shared key terms",
)


def mapping_xlsx(name: str, rows: Sequence[MappingRow]) -> bytes:
    """The workbook of mapping `name`, as bytes."""
    book = Workbook()
    sheet = book.active
    sheet.title = name.replace(":", " to ")[:31]
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in rows:
        append_row(
            sheet,
            (
                r.source.id,
                r.source.title,
                r.source.group,
                r.target,
                r.target_title,
                round(r.score, 4),
                r.relation,
                ", ".join(r.items),
                ", ".join(r.shared_concepts),
            ),
        )
    sheet.freeze_panes = "A2"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
