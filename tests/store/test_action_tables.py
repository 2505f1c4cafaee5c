"""The action-plan tables of migration 0008, on SQLite and PostgreSQL: actions stored whole,
filtered in SQL, one action's follow-up saved, a resolution's plan replaced."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from intersector.domain.actions import Evidence, TrackedAction
from intersector.domain.errors import NotFoundError
from intersector.store import Store
from intersector.store import actions as stored

ONE = TrackedAction(
    "wtsa-res-57:resolves-1",
    "wtsa-res-57",
    "dubai-2012",
    "resolves 1",
    "invite",
    "to invite RAG, TSAG and TDAG …",
    addressees=("rag", "tsag", "tdag"),
)
TWO = TrackedAction(
    "wtsa-res-57:resolves-2",
    "wtsa-res-57",
    "dubai-2012",
    "resolves 2",
    "invite",
    "to invite the Directors …",
    addressees=("tsb-director", "br-director"),
    status="ongoing",
    owner="TSB",
    due=date(2026, 6, 30),
    evidence=(Evidence("liaison", "itu-t-tsag-ls-1"), Evidence("report", "TSAG-TD12")),
    position=1,
)


def test_actions_come_back_whole_and_filtered(store: Store) -> None:
    stored.replace_actions(store, "wtsa-res-57", [ONE, TWO], author="tester")
    assert stored.load_actions(store) == [ONE, TWO]
    assert stored.load_actions(store, addressee="tsb-director") == [TWO]
    assert stored.load_actions(store, status="not-started") == [ONE]
    assert stored.load_actions(store, document="wtsa-res-38") == []
    assert stored.get_action(store, TWO.id) == TWO


def test_replacing_a_plan_drops_what_it_no_longer_holds(store: Store) -> None:
    stored.replace_actions(store, "wtsa-res-57", [ONE, TWO], author="tester")
    superseded = replace(TWO, status="superseded", evidence=())
    stored.replace_actions(store, "wtsa-res-57", [superseded], author="tester")
    assert stored.load_actions(store) == [superseded]
    stored.save_action(store, replace(superseded, owner="BR"), author="tester")
    assert stored.get_action(store, TWO.id).owner == "BR"
    assert stored.action_ids(store) == [TWO.id]


def test_an_unknown_action_is_named(store: Store) -> None:
    with pytest.raises(NotFoundError, match="wtsa-res-57:nothing"):
        stored.get_action(store, "wtsa-res-57:nothing")
