"""Each alignment check on a small registry built for it: one case that must be found, one that
must not. The items are the real IMT work of WP 5D and SG13; the dates are the tests' own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from tests.builders import activity, group, liaison, roadmap

from intersector.coordination.alignment import (
    LATE_DEPENDENCY,
    LIAISON_OVERDUE,
    NO_COUNTERPART,
    PAST_TARGET,
    STALE_ROADMAP_ENTRY,
    Registry,
    check_alignment,
    how_long,
    late_dependencies,
    lonely_subjects,
    overdue_liaisons,
    past_targets,
    stale_roadmap_entries,
)
from intersector.domain.registry import Activity, Dependency, Liaison, Mechanism

TODAY = date(2025, 1, 15)

GROUPS = (group("itu-r-wp5d"), group("itu-t-sg13"), group("itu-d-sg1"))

M2160 = activity("itu-r-rec-m.2160", start=None, target=date(2025, 6, 30), milestones=())
Y3101 = activity(
    "itu-t-rec-y.3101",
    start=None,
    dependencies=(Dependency("itu-r-rec-m.2160", "the IMT vision"),),
)


def registry(*activities: Activity, **more: object) -> Registry:
    return Registry.of(activities, groups=GROUPS, **more)  # type: ignore[arg-type]


# 1. late dependency


def test_dependency_on_a_later_activity_of_another_sector_is_found() -> None:
    [finding] = late_dependencies(registry(M2160, replace(Y3101, target=date(2025, 3, 1))))
    assert finding.check == LATE_DEPENDENCY
    assert finding.items == ("itu-t-rec-y.3101", "itu-r-rec-m.2160")
    assert finding.sectors == ("itu-t", "itu-r")
    assert finding.subject == "imt"
    assert finding.explanation.startswith(
        "ITU-T Y.3101 (SG13, target 2025-03-01) depends on ITU-R M.2160 (WP 5D, target "
        "2025-06-30) for the IMT vision, which finishes 4 months later."
    )


def test_the_example_of_the_brief_reads_a_year_later() -> None:
    [finding] = late_dependencies(registry(M2160, Y3101))
    assert "which finishes a year later" in finding.explanation


@pytest.mark.parametrize(
    "other",
    [
        replace(M2160, target=date(2024, 6, 30)),  # finishes the same day: in step
        replace(M2160, target=None),  # unknown is not late
        replace(M2160, status="in-force"),  # already done
        replace(M2160, sector="itu-t", id="itu-r-rec-m.2160"),  # same Sector: not cross-Sector
    ],
)
def test_dependency_in_step_is_not_found(other: Activity) -> None:
    assert late_dependencies(registry(other, Y3101)) == []


def test_closed_dependent_activity_is_not_judged() -> None:
    assert late_dependencies(registry(M2160, replace(Y3101, status="approved"))) == []


def test_dependency_on_an_unknown_activity_is_not_a_late_dependency() -> None:
    assert late_dependencies(registry(Y3101)) == []


# 2. subject with work in one Sector only

Q1_1 = activity("itu-d-q1-1")


def test_subject_with_work_in_one_sector_only_is_found() -> None:
    [finding] = lonely_subjects(registry(Q1_1, M2160, Y3101))
    assert finding.check == NO_COUNTERPART
    assert finding.subject == "broadband"
    assert finding.items == ("itu-d-q1-1",)
    assert finding.sectors == ("itu-d",)
    assert "ITU-R and ITU-T" in finding.explanation


def test_subject_with_work_in_two_sectors_is_not_found() -> None:
    assert lonely_subjects(registry(M2160, Y3101)) == []


def test_a_mechanism_covering_the_subject_beyond_the_sector_is_a_counterpart() -> None:
    jtg = Mechanism("jtg-bb", "joint-task-group", "Broadband", subjects=("broadband",))
    assert lonely_subjects(registry(Q1_1, mechanisms=[jtg])) == []  # members unknown
    across = replace(jtg, members=("itu-d-sg1", "itu-t-sg13"))
    assert lonely_subjects(registry(Q1_1, mechanisms=[across])) == []
    inside = replace(jtg, members=("itu-d-sg1", "tdag"))  # only ITU-D: no counterpart
    assert len(lonely_subjects(registry(Q1_1, mechanisms=[inside]))) == 1
    gone = replace(across, withdrawn=True)
    assert len(lonely_subjects(registry(Q1_1, mechanisms=[gone]))) == 1


def test_a_liaison_to_another_sector_about_the_work_is_a_counterpart() -> None:
    ls = Liaison("ls-1", "itu-d-sg1", "Broadband", for_information=("itu-t-sg13",))
    assert lonely_subjects(registry(Q1_1, liaisons=[replace(ls, activities=("itu-d-q1-1",))])) == []
    # a liaison that stays inside ITU-D, or a draft, is no counterpart
    inside = replace(ls, for_information=("tdag",), activities=("itu-d-q1-1",))
    draft = replace(ls, state="draft", activities=("itu-d-q1-1",))
    assert len(lonely_subjects(registry(Q1_1, liaisons=[inside, draft]))) == 1


def test_withdrawn_or_finished_work_does_not_count() -> None:
    assert lonely_subjects(registry(replace(Q1_1, status="suppressed"))) == []


# 3. liaison for action past its deadline without reply

LS = liaison(
    "itu-r-wp5d-ls-1",
    title="Draft new Recommendation ITU-R M.2160",
    for_information=("itu-d-sg1",),
    activities=("itu-r-rec-m.2160",),
)


def test_liaison_for_action_past_deadline_without_reply_is_found() -> None:
    [finding] = overdue_liaisons(registry(M2160, liaisons=[LS]), TODAY)
    assert finding.check == LIAISON_OVERDUE
    assert finding.items == ("itu-r-wp5d-ls-1", "itu-r-rec-m.2160")
    assert finding.sectors == ("itu-r", "itu-t")
    assert finding.subject == "imt"
    assert "asked SG13 for action by 2024-10-01" in finding.explanation
    assert "3 months past that deadline" in finding.explanation


@pytest.mark.parametrize(
    "liaison",
    [
        replace(LS, state="answered"),
        replace(LS, state="closed"),
        replace(LS, state="draft"),
        replace(LS, deadline=date(2025, 2, 1)),  # not yet due
        replace(LS, deadline=None),
        replace(LS, for_action=()),  # for information only
        replace(LS, withdrawn=True),
    ],
)
def test_liaison_not_overdue_is_not_found(liaison: Liaison) -> None:
    assert overdue_liaisons(registry(M2160, liaisons=[liaison]), TODAY) == []


def test_a_reply_liaison_answers_even_when_the_state_was_not_updated() -> None:
    reply = Liaison("itu-t-sg13-ls-9", "itu-t-sg13", "Reply", replies_to=LS.id, state="sent")
    assert overdue_liaisons(registry(M2160, liaisons=[LS, reply]), TODAY) == []


# 4. activity past its target date still active


def test_activity_past_target_still_active_is_found() -> None:
    [finding] = past_targets(registry(Y3101), TODAY)
    assert finding.check == PAST_TARGET
    assert finding.items == ("itu-t-rec-y.3101",)
    assert finding.explanation.startswith(
        "ITU-T Y.3101 (SG13, target 2024-06-30) passed its target date 7 months ago and is "
        "still 'active'."
    )


@pytest.mark.parametrize(
    "activity",
    [
        replace(Y3101, status="approved"),
        replace(Y3101, status="in-force"),
        replace(Y3101, target=TODAY),  # due today, not past
        replace(Y3101, target=None),
        replace(Y3101, withdrawn=True),
    ],
)
def test_activity_on_time_or_closed_is_not_found(activity: Activity) -> None:
    assert past_targets(registry(activity), TODAY) == []


# 5. roadmap entry whose activity was suppressed, withdrawn or is missing

ROADMAP = roadmap("itu-r-imt", "itu-r-rec-m.2160", "itu-r-rec-m.2083")


def test_roadmap_entries_of_suppressed_withdrawn_or_missing_activities_are_found() -> None:
    suppressed = replace(M2160, status="suppressed")
    findings = stale_roadmap_entries(registry(suppressed, roadmaps=[ROADMAP]))
    assert [f.check for f in findings] == [STALE_ROADMAP_ENTRY] * 2
    assert [f.items for f in findings] == [
        ("itu-r-imt", "itu-r-rec-m.2160"),
        ("itu-r-imt", "itu-r-rec-m.2083"),
    ]
    assert "which is suppressed" in findings[0].explanation
    assert "which is not in the registry" in findings[1].explanation
    withdrawn = replace(M2160, withdrawn=True)
    [first, _] = stale_roadmap_entries(registry(withdrawn, roadmaps=[ROADMAP]))
    assert "which was withdrawn" in first.explanation


def test_roadmap_entries_of_live_activities_are_not_found() -> None:
    m2083 = replace(M2160, id="itu-r-rec-m.2083", identifier="M.2083", status="in-force")
    assert stale_roadmap_entries(registry(M2160, m2083, roadmaps=[ROADMAP])) == []
    gone = replace(ROADMAP, withdrawn=True)
    assert stale_roadmap_entries(registry(roadmaps=[gone])) == []


# all together


def test_check_alignment_runs_all_checks_sorted_by_severity() -> None:
    everything = registry(M2160, Y3101, Q1_1, liaisons=[LS], roadmaps=[ROADMAP])
    findings = check_alignment(everything, TODAY)
    assert [f.check for f in findings] == [
        LATE_DEPENDENCY,
        LIAISON_OVERDUE,
        NO_COUNTERPART,
        PAST_TARGET,
        STALE_ROADMAP_ENTRY,
    ]


def test_check_alignment_for_one_subject_keeps_its_findings() -> None:
    everything = registry(M2160, Y3101, Q1_1, liaisons=[LS], roadmaps=[ROADMAP])
    imt = check_alignment(everything, TODAY, subject="imt")
    assert NO_COUNTERPART not in {f.check for f in imt}
    assert len(imt) == 4
    broadband = check_alignment(everything, TODAY, subject="broadband")
    assert [f.check for f in broadband] == [NO_COUNTERPART]
    assert check_alignment(everything, TODAY, subject="emc") == ()


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (1, "1 day"),
        (10, "10 days"),
        (30, "4 weeks"),
        (120, "4 months"),
        (365, "a year"),
        (800, "2 years"),
    ],
)
def test_how_long(days: int, words: str) -> None:
    assert how_long(days) == words
