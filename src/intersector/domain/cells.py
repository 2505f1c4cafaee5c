"""Text put in spreadsheet cells (XLSX and CSV exports) so that no spreadsheet runs it.

A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return is taken by Excel,
LibreOffice and Google Sheets as a formula (OWASP "CSV injection"): a title such as
`=HYPERLINK("http://…"&A1,"x")` would send the sheet's data away when clicked. `neutralise`
prefixes such text with an apostrophe, which spreadsheets show as text; text that already starts
with an apostrophe gets one more, so that `restore` (used when a CSV export is loaded back) takes
exactly one away and every text comes back as it was.

Promise: `restore(neutralise(t)) == t` for every string `t`, and `neutralise(t)` never starts with
a formula trigger. Every XLSX and CSV writer of user data calls `neutralise` (the XLSX writers
through `reports.xlsx_rows.append_row`).
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise(text: str) -> str:
    """`text` made safe for a spreadsheet cell (see the module promise)."""
    if text.startswith((*FORMULA_TRIGGERS, QUOTE)):
        return QUOTE + text
    return text


def restore(text: str) -> str:
    """The text `neutralise` was given: one leading apostrophe removed, if there is one."""
    return text.removeprefix(QUOTE)
