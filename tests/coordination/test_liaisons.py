"""The liaison workflow: threads, state transitions, overdue, what each group owes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from intersector.coordination.liaisons import (
    OVERDUE,
    LiaisonStateError,
    effective_state,
    overdue,
    owed,
    replies_index,
    thread_of,
    threads,
    transition,
)
from intersector.domain.errors import IntersectorError
from intersector.domain.registry import Liaison

TODAY = date(2025, 1, 15)

ASK = Liaison(
    "itu-r-wp5d-ls-1",
    "itu-r-wp5d",
    "Draft new Recommendation ITU-R M.2160",
    for_action=("itu-t-sg13", "itu-t-sg11"),
    for_information=("itu-d-sg1",),
    sent=date(2024, 6, 1),
    deadline=date(2024, 10, 1),
)
REPLY_13 = Liaison(
    "itu-t-sg13-ls-2",
    "itu-t-sg13",
    "Reply on M.2160",
    sent=date(2024, 9, 1),
    replies_to="itu-r-wp5d-ls-1",
)
REPLY_TO_REPLY = Liaison(
    "itu-r-wp5d-ls-3", "itu-r-wp5d", "Thanks", sent=date(2024, 11, 1), replies_to="itu-t-sg13-ls-2"
)
OTHER = Liaison(
    "itu-d-sg2-ls-1",
    "itu-d-sg2",
    "Emergency telecommunications",
    for_action=("itu-t-sg2",),
    sent=date(2023, 1, 1),
    deadline=date(2025, 3, 1),
)


def test_threads_follow_reply_chains_to_any_depth() -> None:
    found = threads([REPLY_TO_REPLY, ASK, OTHER, REPLY_13])
    assert [t.root for t in found] == ["itu-d-sg2-ls-1", "itu-r-wp5d-ls-1"]
    assert [li.id for li in found[1].liaisons] == [
        "itu-r-wp5d-ls-1",
        "itu-t-sg13-ls-2",
        "itu-r-wp5d-ls-3",
    ]
    assert found[1].groups == ("itu-r-wp5d", "itu-t-sg13")
    thread = thread_of("itu-r-wp5d-ls-3", [ASK, REPLY_13, REPLY_TO_REPLY])
    assert thread is not None and thread.root == "itu-r-wp5d-ls-1"
    assert thread_of("nothing", [ASK]) is None


def test_a_reply_to_an_unknown_liaison_starts_its_own_thread_and_cycles_end() -> None:
    [alone] = threads([REPLY_TO_REPLY])
    assert alone.root == "itu-r-wp5d-ls-3"
    a = replace(ASK, replies_to="itu-r-wp5d-ls-3")  # a → c → b → a: no root, nothing loops
    assert threads([a, REPLY_13, REPLY_TO_REPLY]) == ()


def test_replies_index_leaves_withdrawn_replies_out() -> None:
    index = replies_index([ASK, REPLY_13, replace(REPLY_TO_REPLY, withdrawn=True)])
    assert list(index) == ["itu-r-wp5d-ls-1"]


@pytest.mark.parametrize(
    ("start", "goal"),
    [("draft", "sent"), ("sent", "answered"), ("sent", "closed"), ("answered", "closed")],
)
def test_allowed_transitions(start: str, goal: str) -> None:
    assert transition(replace(ASK, state=start), goal).state == goal


def test_sending_records_the_date_sent_when_missing() -> None:
    draft = replace(ASK, state="draft", sent=None)
    assert transition(draft, "sent", on=TODAY).sent == TODAY
    assert transition(replace(ASK, state="draft"), "sent", on=TODAY).sent == ASK.sent


@pytest.mark.parametrize(
    ("start", "goal", "words"),
    [
        (
            "closed",
            "sent",
            "a closed liaison cannot become sent; from closed it can become nothing",
        ),
        ("draft", "answered", "from draft it can become sent"),
        ("answered", "sent", "from answered it can become closed"),
        ("sent", "overdue", "unknown liaison state 'overdue'"),
    ],
)
def test_invalid_transitions_are_user_errors_naming_the_liaison(
    start: str, goal: str, words: str
) -> None:
    with pytest.raises(LiaisonStateError) as raised:
        transition(replace(ASK, state=start), goal)
    assert isinstance(raised.value, IntersectorError)
    assert words in str(raised.value)
    assert raised.value.source == "itu-r-wp5d-ls-1" and raised.value.field == "state"


def test_overdue_is_derived_and_a_reply_clears_it() -> None:
    assert effective_state(ASK, TODAY) == OVERDUE
    assert effective_state(ASK, date(2024, 9, 30)) == "sent"
    assert effective_state(ASK, TODAY, replies_index([REPLY_13])) == "sent"
    assert overdue([ASK, OTHER], TODAY) == (ASK,)
    assert overdue([ASK, REPLY_13, OTHER], TODAY) == ()


def test_what_each_group_owes() -> None:
    debts = owed([ASK, REPLY_13, OTHER, replace(OTHER, id="x", state="closed")], TODAY)
    assert list(debts) == ["itu-t-sg11", "itu-t-sg2"]  # SG13 replied; SG11 did not
    [sg11] = debts["itu-t-sg11"]
    assert sg11.liaison.id == ASK.id and sg11.overdue and sg11.days_left == -106
    [sg2] = debts["itu-t-sg2"]
    assert not sg2.overdue and sg2.days_left == 45
