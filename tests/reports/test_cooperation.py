"""The cooperation report model (`reports.cooperation`): every figure counted by the one
definitions and carrying its items, the labels of three languages, the changes since a previous
report, the purpose decided by what is open."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from tests.builders import activity, group, liaison, subject

from intersector.coordination.work import common_subjects, subject_work
from intersector.domain.actions import TrackedAction
from intersector.reports.cooperation import (
    CooperationReport,
    Duplicates,
    PreviousReport,
    ReportInputs,
    cooperation_report,
    report_to_dict,
)
from intersector.reports.cooperation_labels import LABELS

TODAY = date(2025, 6, 1)
GROUPS = {g.id: g for g in (group("itu-r-wp5d"), group("itu-t-sg13"), group("itu-d-sg2"))}
ACTIVITIES = (
    activity("itu-r-q229-5"),
    activity("itu-t-rec-y.3101"),
    activity("itu-d-q5-2", subjects=("imt",)),
    replace(activity("itu-t-rec-y.3101"), id="itu-t-rec-y.3101-old", status="superseded"),
)
LIAISONS = (
    # between Sectors, in the period, overdue
    liaison("itu-r-wp5d-ls-1", sent=date(2025, 1, 10), deadline=date(2025, 3, 1)),
    # between Sectors, before the period: not counted in the period
    replace(liaison("itu-r-wp5d-ls-1"), id="itu-r-wp5d-ls-0", sent=date(2019, 1, 10),
            deadline=None),
    # within one Sector: never counted
    replace(liaison("itu-r-wp5d-ls-1"), id="itu-t-sg13-ls-9", from_group="itu-t-sg13",
            for_action=("itu-t-sg13",), sent=date(2025, 2, 1)),
)  # fmt: skip
ACTIONS = (
    TrackedAction("wtsa-res-57:resolves-1", "wtsa-res-57", "dubai-2012", "resolves 1", "invite",
                  "to invite RAG, TSAG and TDAG", ("rag", "tsag", "tdag"), status="ongoing"),
    TrackedAction("wtsa-res-57:resolves-2", "wtsa-res-57", "dubai-2012", "resolves 2", "invite",
                  "to invite the Directors", ("br-director", "tsb-director"), status="done"),
)  # fmt: skip
DUPLICATES = Duplicates(
    candidates=("a~b", "c~d", "e~f"),
    reviewed={"confirmed": ("a~b",)},
    open=("c~d", "e~f"),
    top_open=(("c~d", "c", "d", 0.91), ("e~f", "e", "f", 0.8)),
)


def inputs(**changes: object) -> ReportInputs:
    matrix = subject_work(ACTIVITIES)
    base = ReportInputs(
        to="tsag",
        period=(date(2025, 1, 1), date(2026, 12, 31)),
        today=TODAY,
        language="en",
        subjects=(subject("imt"), subject("broadband")),
        matrix=matrix,
        common=tuple(common_subjects(matrix)),
        groups=GROUPS,
        liaisons=LIAISONS,
        findings=(),
        actions=ACTIONS,
        duplicates=DUPLICATES,
        references=("WTSA Resolution 57 (Rev. Dubai, 2012)",),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def figures(report: CooperationReport) -> dict[str, tuple[int, tuple[str, ...]]]:
    return {f.key: (f.value, f.items) for f in report.figures}


def test_every_figure_counts_its_items() -> None:
    found = figures(cooperation_report(inputs()))
    assert found["subjects.common"] == (1, ("imt",))
    assert found["subject.imt.itu-t"] == (1, ("itu-t-rec-y.3101",))  # superseded not counted
    assert found["duplicates.open"] == (2, ("c~d", "e~f"))
    assert found["duplicates.decision.confirmed"] == (1, ("a~b",))
    assert found["liaisons.across"] == (1, ("itu-r-wp5d-ls-1",))
    assert found["liaisons.state.overdue"] == (1, ("itu-r-wp5d-ls-1",))
    assert found["liaisons.overdue"] == (1, ("itu-r-wp5d-ls-1",))
    assert found["actions.status.done"] == (1, ("wtsa-res-57:resolves-2",))
    assert found["actions.addressed"][0] == 2  # tsag, and the TSB Director
    assert all(value == len(items) for value, items in found.values())


def test_header_block_and_purpose() -> None:
    report = cooperation_report(inputs())
    h = report.header
    assert h.purpose == "For action"  # open candidates, an overdue liaison
    assert h.source == "Director, Telecommunication Standardization Bureau"
    assert h.document == "TSAG/DRAFT" and h.date == "2025-06-01"
    assert "1 liaisons exchanged between the Sectors, 1 overdue" in h.summary
    quiet = cooperation_report(
        inputs(duplicates=Duplicates(), liaisons=(), purpose="", document="TSAG-TD42")
    )
    assert quiet.header.purpose == "For information"
    assert quiet.header.action_required == "TSAG is invited to note this report."
    assert quiet.header.document == "TSAG-TD42"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_labels_in_the_report_language(language: str) -> None:
    report = cooperation_report(inputs(language=language, to="tdag"))
    assert report.labels is LABELS[language]
    assert report.header.title.startswith(("Coopération", "Cooperación"))
    assert report.header.source == LABELS[language]["source.bdt"]
    assert report.sections[0].title == LABELS[language]["section.subjects"]


def test_the_three_languages_have_the_same_labels() -> None:
    assert set(LABELS["fr"]) == set(LABELS["en"]) == set(LABELS["es"])


def test_changes_since_the_previous_report() -> None:
    first = cooperation_report(inputs())
    assert first.sections[-1].paragraphs[0].startswith("No previous report to TSAG")
    previous = PreviousReport(
        date(2025, 1, 1), "TSAG-TD1", {f.key: (f.value, f.items) for f in first.figures}
    )
    later = replace(DUPLICATES, reviewed={"confirmed": ("a~b", "c~d")}, open=("e~f",))
    report = cooperation_report(inputs(duplicates=later, previous=previous))
    changes = report.sections[-1]
    assert "2025-01-01 (TSAG-TD1)" in changes.paragraphs[0]
    rows = {row[0]: row for row in changes.tables[0].rows}
    assert rows["Candidates open (not reviewed)"][1:] == ("2", "1", "-1", "", "c~d")
    assert rows["Reviewed: confirmed"][3:5] == ("+1", "c~d")
    assert len(rows) == 3  # candidates reviewed, open, confirmed: nothing else changed


def test_json_shape_lists_every_figure_in_the_annex() -> None:
    data = report_to_dict(cooperation_report(inputs()))
    assert [s["number"] for s in data["sections"]] == [1, 2, 3, 4, 5, 6]  # type: ignore[index]
    annex = data["annex"]
    assert {a["key"] for a in annex} >= {"liaisons.overdue", "actions.total"}  # type: ignore[attr-defined]
