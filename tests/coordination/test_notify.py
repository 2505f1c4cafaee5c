"""What a watch list covers, which dates are due and which changes go into a digest."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tests.builders import activity, liaison

from intersector.coordination.notify import (
    LIAISON_DEADLINE,
    TARGET,
    coverage,
    digest_changes,
    due_dates,
)
from intersector.domain.notify import Change, Watch

ACTIVITIES = [
    activity("itu-r-q229-5"),
    activity("itu-t-rec-y.3101"),
    activity("itu-d-q5-2"),
    activity("itu-r-rec-m.2083"),
]
LIAISONS = [liaison("itu-r-wp5d-ls-1")]


def _ids(watches: list[Watch]) -> set[tuple[str, str]]:
    return set(coverage(watches, ACTIVITIES, LIAISONS).items)


def test_a_group_covers_its_activities_and_the_liaisons_it_sends_or_receives() -> None:
    assert _ids([Watch("u", "group", "itu-t-sg13")]) == {
        ("group", "itu-t-sg13"),
        ("activity", "itu-t-rec-y.3101"),
        ("liaison", "itu-r-wp5d-ls-1"),  # sent to SG13 for action
    }


def test_a_subject_covers_its_activities_and_their_liaisons() -> None:
    found = _ids([Watch("u", "subject", "emergency-telecommunications")])
    assert found == {("subject", "emergency-telecommunications"), ("activity", "itu-d-q5-2")}
    imt = _ids([Watch("u", "subject", "imt")])
    assert ("liaison", "itu-r-wp5d-ls-1") in imt  # names Question 229/5
    assert ("activity", "itu-d-q5-2") not in imt


def test_an_activity_covers_its_liaisons_only() -> None:
    assert _ids([Watch("u", "activity", "itu-r-q229-5")]) == {
        ("activity", "itu-r-q229-5"),
        ("liaison", "itu-r-wp5d-ls-1"),
    }
    assert _ids([Watch("u", "activity", "itu-t-rec-y.3101")]) == {("activity", "itu-t-rec-y.3101")}


def test_dates_within_the_lead_days_are_due_and_closed_work_is_not() -> None:
    covered = coverage([Watch("u", "group", "itu-r-wp5d")], ACTIVITIES, LIAISONS)
    # the liaison's deadline is 2024-10-01; M.2083's target 2015-09-29 (in force: closed)
    assert due_dates(covered, date(2024, 9, 20), 7) == ()
    [due] = due_dates(covered, date(2024, 9, 24), 7)
    assert (due.kind, due.item_id, due.day) == (
        LIAISON_DEADLINE,
        "itu-r-wp5d-ls-1",
        date(2024, 10, 1),
    )
    assert due.key == "liaison-deadline:itu-r-wp5d-ls-1:2024-10-01"
    assert due_dates(covered, date(2024, 10, 1), 0) == (due,)  # the day itself
    assert due_dates(covered, date(2024, 10, 2), 7) == ()  # past: no reminder "before"
    assert due_dates(covered, date(2015, 9, 25), 7) == ()  # M.2083 is in force
    [target] = due_dates(covered, date(2027, 12, 30), 7)
    assert (target.kind, target.label) == (TARGET, "229/5")


def test_an_answered_liaison_is_not_reminded() -> None:
    answered = [liaison("itu-r-wp5d-ls-1", state="answered")]
    covered = coverage([Watch("u", "liaison", "itu-r-wp5d-ls-1")], ACTIVITIES, answered)
    assert due_dates(covered, date(2024, 9, 30), 7) == ()


def test_the_digest_keeps_the_changes_of_covered_items_oldest_first() -> None:
    covered = coverage([Watch("u", "group", "itu-t-sg13")], ACTIVITIES, LIAISONS)
    at = datetime(2024, 9, 1, 10, tzinfo=UTC)
    later = datetime(2024, 9, 1, 12, tzinfo=UTC)
    changes = [
        Change("liaison", "itu-r-wp5d-ls-1", 2, "rosa", later, "deadline moved"),
        Change("activity", "itu-d-q5-2", 3, "dana", at, "not followed"),
        Change("activity", "itu-t-rec-y.3101", 4, "tom", at, "target moved"),
    ]
    kept = digest_changes(covered, changes)
    assert [c.item_id for c in kept] == ["itu-t-rec-y.3101", "itu-r-wp5d-ls-1"]


def test_a_withdrawn_activity_is_in_the_digest_but_has_no_dates() -> None:
    withdrawn = [activity("itu-t-rec-y.3101", withdrawn=True, target=date(2024, 9, 30))]
    covered = coverage([Watch("u", "group", "itu-t-sg13")], withdrawn, [])
    assert ("activity", "itu-t-rec-y.3101") in covered.items
    assert covered.activities == () and due_dates(covered, date(2024, 9, 29), 7) == ()
