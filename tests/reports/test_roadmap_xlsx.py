"""The Excel workbook, read back with openpyxl."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from intersector.coordination.roadmap import JoinedRoadmap
from intersector.reports.roadmap_xlsx import roadmap_xlsx, write_roadmap_xlsx


def test_workbook_has_joined_sector_dependency_and_liaison_sheets(view: JoinedRoadmap) -> None:
    book = load_workbook(io.BytesIO(roadmap_xlsx(view)))
    assert book.sheetnames == ["Joined", "ITU-R", "ITU-T", "ITU-D", "Dependencies", "Liaisons"]
    joined = book["Joined"]
    assert [c.value for c in joined[1]][:7] == [
        "Sector",
        "Activity",
        "Title",
        "Group",
        "Status",
        "Start",
        "Target",
    ]
    assert joined.max_row == 1 + 5
    assert book["ITU-R"].max_row == 1 + 3
    assert book["ITU-T"].max_row == 1 + 1
    assert book["Dependencies"]["D2"].value == "yes"
    liaison = [c.value for c in book["Liaisons"][2]]
    assert liaison[:4] == ["5D/TEMP/123", "IMT-2030 requirements", "WP 5D", "SG13"]
    assert liaison[6] == "overdue"


def test_dates_are_real_dates_headers_styled_panes_frozen_filters_set(view: JoinedRoadmap) -> None:
    book = load_workbook(io.BytesIO(roadmap_xlsx(view)))
    sheet = book["ITU-T"]
    row = [c.value for c in sheet[2]]
    assert row[:5] == [
        "ITU-T",
        "Y.3101",
        'Requirements of the IMT-2020 network <& "quoted">',
        "SG13",
        "active",
    ]
    assert row[5] == datetime(2022, 5, 1) and row[6] == datetime(2024, 6, 30)
    assert sheet["F2"].number_format == "yyyy-mm-dd"
    for name in book.sheetnames:
        ws = book[name]
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.bold
        assert ws.auto_filter.ref == ws.dimensions
    missing = [c.value for c in book["ITU-R"][4]]
    assert missing[1] == "itu-r-rec-m.9999" and missing[4] == "missing"


def test_write_to_a_file(view: JoinedRoadmap, tmp_path: Path) -> None:
    target = tmp_path / "imt.xlsx"
    write_roadmap_xlsx(view, target)
    assert load_workbook(target).sheetnames[0] == "Joined"


def test_rows_show_the_plan_against_what_happened(planned: JoinedRoadmap) -> None:
    """Baseline and current targets, the slip in days (red when late), finish, stage, % and
    period, as the 3GPP work plan's sheet shows its work items."""
    sheet = load_workbook(io.BytesIO(roadmap_xlsx(planned)))["ITU-R"]
    headers = [c.value for c in sheet[1]]
    rows = {
        r[1].value: {h: c.value for h, c in zip(headers, r, strict=True)}
        for r in sheet.iter_rows(min_row=2)
    }
    question = rows["229/5"]
    assert question["Baseline target"] == datetime(2026, 6, 30)
    assert question["Target"] == datetime(2027, 12, 31)
    assert question["Slip (days)"] == 549
    assert (question["Stage"], question["% complete"], question["Period"]) == (
        "draft",
        40,
        "IMT-2030",
    )
    line = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "229/5")
    assert line[headers.index("Slip (days)")].font.color.rgb.endswith("C62828")
    assert line[headers.index("Baseline target")].number_format == "yyyy-mm-dd"
    recommendation = rows["M.2160"]
    assert recommendation["Finished"] == datetime(2023, 11, 30)
    assert recommendation["Slip (days)"] == 153  # its builder's target, 2023-11-30
