"""Rows of user data into an openpyxl sheet, safely: every XLSX writer appends through here.

Text is neutralised (`domain.cells.neutralise`: no cell starts with `=`, `+`, `-`, `@`, a tab or
a carriage return, so none becomes a formula) and the control characters XML 1.0 cannot hold
(which make openpyxl refuse the whole workbook) are shown as U+FFFD; numbers and dates are kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet

from intersector.domain.cells import neutralise

REPLACEMENT = "\ufffd"


def xlsx_value(value: object) -> object:
    """What a cell holds for `value`: text neutralised and cleaned, anything else unchanged."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub(REPLACEMENT, neutralise(value))
    return value


def append_row(sheet: Worksheet, values: Iterable[object]) -> None:
    """Append one row of user data to `sheet`."""
    sheet.append([xlsx_value(v) for v in values])
