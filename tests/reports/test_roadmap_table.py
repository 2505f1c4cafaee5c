"""The Rich tables printed by `intersector roadmap` and `intersector check`."""

from __future__ import annotations

from dataclasses import replace

from intersector.coordination.alignment import Finding
from intersector.coordination.roadmap import JoinedRoadmap
from intersector.reports.roadmap_table import (
    findings_summary,
    findings_table,
    liaisons_table,
    roadmap_table,
)
from intersector.reports.terminal import Terminal


def _text(renderable: object) -> str:
    console = Terminal(width=200, record=True, color_system=None)  # the CLI's console
    console.print(renderable)
    return console.export_text()


def test_roadmap_table_lists_every_row_by_lane(view: JoinedRoadmap) -> None:
    text = _text(roadmap_table(view))
    assert "IMT roadmap, as of 2025-01-15" in text
    for identifier in ("M.2160", "229/5", "itu-r-rec-m.9999", "Y.3101", "Q5/2"):
        assert identifier in text
    assert "ITU-R (m)" in text and "ITU-T (d)" in text
    assert "not in the registry" in text
    assert "IMT vision" not in text  # dependencies are not in this table


def test_brackets_in_titles_are_shown_not_taken_as_markup(view: JoinedRoadmap) -> None:
    lane = view.lanes[1]
    row = replace(lane.rows[0], title="Title [bold]kept[/bold]")
    odd = replace(view, lanes=(replace(lane, rows=(row,)),))
    assert "[bold]kept[/bold]" in _text(roadmap_table(odd))


def test_liaisons_and_findings_tables(view: JoinedRoadmap, findings: tuple[Finding, ...]) -> None:
    assert "overdue" in _text(liaisons_table(view))
    text = _text(findings_table(findings))
    assert "Alignment findings (4)" in text
    assert "late-dependency" in text and "ITU-T, ITU-R" in text


def test_findings_table_limit_and_summary(findings: tuple[Finding, ...]) -> None:
    text = _text(findings_table(findings, limit=2))
    assert "Alignment findings: the first 2 of 4" in text
    assert "late-dependency" in text and "stale-roadmap-entry" not in text
    assert "Alignment findings (4)" in _text(findings_table(findings, limit=0))
    summary = _text(findings_summary(findings))
    assert "Alignment findings by check (4 in all)" in summary
    lines = [line for line in summary.splitlines() if "late-dependency" in line]
    cells = [c.strip() for c in lines[0].split("│") if c.strip()]
    assert cells == ["high", "late-dependency", "0", "1", "0"]  # ITU-R, ITU-T, ITU-D


def test_the_plan_column_shows_slips_and_finishes(planned: JoinedRoadmap) -> None:
    from intersector.reports.roadmap_table import plan_cell

    rows = {row.activity: row for row in planned.rows()}
    question = plan_cell(rows["itu-r-q229-5"])
    assert question.plain == "draft 40%\nbaseline 2026-06-30 (slip +549 days)\nIMT-2030"
    assert any(span.style == "red" for span in question.spans)  # the slip is late: red
    done = plan_cell(rows["itu-r-rec-m.2160"]).plain
    assert "finished 2023-11-30 (+153 days against plan)" in done
    assert "Plan" in _text(roadmap_table(planned))


def test_no_plan_column_when_nothing_is_planned(view: JoinedRoadmap) -> None:
    assert " Plan " not in _text(roadmap_table(view))
