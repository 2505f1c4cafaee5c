"""The resolution action plan's one definition: actions read from a resolution, carried over a
revision (through the revision diff) or superseded, due dates read from the text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from tests.revisions import revised_text, seed_text

from intersector.coordination import actions as plan
from intersector.domain.actions import Evidence
from intersector.domain.documents import Document
from intersector.texts.parse import parse_document


@pytest.fixture(scope="module")
def dubai() -> Document:
    return parse_document(seed_text(), source="seed")


@pytest.fixture(scope="module")
def hammamet() -> Document:
    return parse_document(revised_text(), source="synthetic revision")


def test_every_operative_clause_is_an_action_not_started(dubai: Document) -> None:
    found = plan.actions_of(dubai)
    assert [(a.id, a.clause, a.status) for a in found] == [
        ("wtsa-res-57:resolves-1", "resolves 1", "not-started"),
        ("wtsa-res-57:resolves-2", "resolves 2", "not-started"),
    ]
    assert found[1].addressees == ("br-director", "tsb-director", "bdt-director")
    assert {a.revision for a in found} == {"dubai-2012"}


def test_a_new_revision_carries_surviving_clauses_and_supersedes_the_rest(
    dubai: Document, hammamet: Document
) -> None:
    first = plan.actions_of(dubai)
    followed = [
        replace(first[0], status="ongoing", owner="TSB", evidence=(Evidence("report", "TD-1"),)),
        replace(first[1], status="done"),
    ]
    after = {a.id: a for a in plan.carry_over(followed, dubai, hammamet)}
    kept = after["wtsa-res-57:resolves-1"]  # reworded: the same action, its follow-up kept
    assert (kept.revision, kept.status, kept.owner) == ("hammamet-2016", "ongoing", "TSB")
    assert kept.evidence == (Evidence("report", "TD-1"),)
    assert "continue to identify" in kept.text and kept.carried_from == "resolves 1"
    gone = after["wtsa-res-57:resolves-2"]  # its clause is not in the new revision
    assert (gone.status, gone.revision) == ("superseded", "dubai-2012")
    new_two = after["wtsa-res-57:resolves-2:hammamet-2016"]  # a new clause under the old path
    assert (new_two.status, new_two.addressees, new_two.due) == (
        "not-started",
        ("tsb-director",),
        date(2018, 12, 31),
    )
    assert after["wtsa-res-57:resolves-3"].addressees == ("tdag",)
    assert plan.status_counts(after.values()) == {
        "not-started": 2,
        "ongoing": 1,
        "done": 0,
        "superseded": 1,
    }


def test_carrying_over_twice_keeps_superseded_actions_and_changes_nothing_else(
    dubai: Document, hammamet: Document
) -> None:
    once = plan.carry_over(plan.actions_of(dubai), dubai, hammamet)
    again = plan.carry_over(once, hammamet, hammamet)
    assert {a.id: a.status for a in again} == {a.id: a.status for a in once}


def test_a_moved_clause_keeps_its_action(dubai: Document) -> None:
    text = seed_text()
    one = next(line for line in text.splitlines() if line.startswith("1\t"))
    two = next(line for line in text.splitlines() if line.startswith("2\t"))
    swapped = text.replace(one, "1" + two[1:] + "§").replace(two, "2" + one[1:])
    swapped = swapped.replace("§", "")
    moved = parse_document(swapped, source="swapped")
    first = [replace(a, owner=a.clause) for a in plan.actions_of(dubai)]
    after = {a.id: a for a in plan.carry_over(first, dubai, moved)}
    assert after["wtsa-res-57:resolves-1"].clause == "resolves 2"
    assert after["wtsa-res-57:resolves-1"].owner == "resolves 1"
    assert not [a for a in after.values() if a.superseded]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("to report to TSAG by 31 December 2018;", date(2018, 12, 31)),
        ("to report before March 2026", date(2026, 3, 31)),
        ("to complete the study by the end of 2028", date(2028, 12, 31)),
        ("to report at the next assembly", None),
        ("to study Recommendation ITU-T Y.2012", None),
    ],
)
def test_due_dates_read_from_the_text(text: str, due: date | None) -> None:
    assert plan.due_in_text(text) == due


def test_filters_and_counts(dubai: Document) -> None:
    found = plan.actions_of(dubai)
    assert [a.clause for a in plan.matching(found, addressee="tsag")] == ["resolves 1"]
    assert plan.matching(found, status="done") == []
    assert plan.by_addressee(found)["tsb-director"]["not-started"] == 1
