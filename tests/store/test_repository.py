"""The registry repository through the Store: versions, restore, withdrawal, filters, locking —
each test on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from intersector.domain.errors import NotFoundError, ValidationError
from intersector.domain.registry import (
    Activity,
    Dependency,
    Group,
    Liaison,
    Milestone,
    Roadmap,
    RoadmapEntry,
    Subject,
)
from intersector.store import Store

M2150 = Activity(
    id="itu-r-rec-m.2150",
    sector="itu-r",
    kind="recommendation",
    identifier="M.2150",
    title="Detailed specifications of the terrestrial radio interfaces of IMT-2020",
    group="itu-r-wp5d",
    subjects=("imt",),
    status="in-force",
    start=date(2019, 1, 1),
    editors=("WP 5D",),
    dependencies=(Dependency("itu-r-rec-m.2083", "vision"),),
    milestones=(Milestone("approved", date(2021, 2, 1)),),
    source="https://www.itu.int/rec/R-REC-M.2150",
)
Y3101 = Activity(
    id="itu-t-rec-y.3101",
    sector="itu-t",
    kind="recommendation",
    identifier="Y.3101",
    title="Requirements of the IMT-2020 network",
    group="itu-t-sg13",
    subjects=("imt", "cybersecurity"),
)


def test_a_new_item_is_version_1_and_reads_back_equal(store: Store) -> None:
    version = store.save(M2150, author="alice", reason="first load")
    assert (version.number, version.author, version.reason) == (1, "alice", "first load")
    assert version.at.tzinfo is not None
    assert store.get("activity", M2150.id) == M2150


def test_saving_the_same_data_writes_no_version(store: Store) -> None:
    store.save(M2150, author="alice", reason="first")
    again = store.save(M2150, author="bob", reason="again")
    assert again.number == 1
    assert [v.author for v in store.history("activity", M2150.id)] == ["alice"]


def test_each_change_is_a_new_version_with_who_and_why(store: Store) -> None:
    store.save(M2150, author="alice", reason="first")
    store.save(replace(M2150, status="superseded"), author="bob", reason="M.2150-1 approved")
    history = store.history("activity", M2150.id)
    assert [(v.number, v.author, v.reason) for v in history] == [
        (1, "alice", "first"),
        (2, "bob", "M.2150-1 approved"),
    ]
    assert history[0].data["status"] == "in-force"
    assert store.get("activity", M2150.id).status == "superseded"


def test_restore_writes_a_new_version_equal_to_the_old_one(store: Store) -> None:
    store.save(M2150, author="alice", reason="first")
    store.save(replace(M2150, title="wrong"), author="bob", reason="typo")
    restored = store.restore("activity", M2150.id, 1, author="carol")
    assert restored.number == 3
    assert restored.reason == "restore version 1"
    assert store.get("activity", M2150.id) == M2150
    assert len(store.history("activity", M2150.id)) == 3


def test_restore_of_a_missing_version_names_it(store: Store) -> None:
    store.save(M2150, author="alice", reason="first")
    with pytest.raises(NotFoundError, match="no version 7"):
        store.restore("activity", M2150.id, 7, author="carol")


def test_withdrawn_items_stay_but_leave_the_lists(store: Store) -> None:
    store.save_many([M2150, Y3101], author="alice", reason="load")
    version = store.withdraw("activity", Y3101.id, author="bob", reason="duplicate")
    assert version.number == 2
    assert [a.id for a in store.list("activity")] == [M2150.id]
    assert store.get("activity", Y3101.id).withdrawn is True
    everything = store.list("activity", include_withdrawn=True)
    assert [a.id for a in everything] == [M2150.id, Y3101.id]


def test_get_of_an_unknown_item_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no activity with id 'nope'"):
        store.get("activity", "nope")
    with pytest.raises(NotFoundError):
        store.history("activity", "nope")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"sector": "itu-t"}, [Y3101.id]),
        ({"group": "itu-r-wp5d"}, [M2150.id]),
        ({"kind": "recommendation"}, [M2150.id, Y3101.id]),
        ({"status": "in-force"}, [M2150.id]),
        ({"subject": "cybersecurity"}, [Y3101.id]),
        ({"subject": "imt", "sector": "itu-r"}, [M2150.id]),
        ({"subject": "emc"}, []),
    ],
)
def test_list_filters(store: Store, filters: dict[str, str], expected: list[str]) -> None:
    store.save_many([Y3101, M2150], author="alice", reason="load")
    assert [a.id for a in store.list("activity", **filters)] == expected
    assert store.count("activity", **filters) == len(expected)


def test_subject_index_follows_changes(store: Store) -> None:
    store.save(Y3101, author="alice", reason="load")
    store.save(replace(Y3101, subjects=("emc",)), author="alice", reason="reclassified")
    assert store.list("activity", subject="imt") == []
    assert [a.id for a in store.list("activity", subject="emc")] == [Y3101.id]


def test_liaisons_filter_by_sender_and_state(store: Store) -> None:
    liaison = Liaison(
        id="itu-t-sg13-ls-1", from_group="itu-t-sg13", title="IMT-2020", state="answered"
    )
    store.save(liaison, author="alice", reason="load")
    assert store.list("liaison", group="itu-t-sg13", status="answered") == [liaison]
    assert store.list("liaisons", status="sent") == []


def test_an_unknown_filter_is_refused(store: Store) -> None:
    with pytest.raises(ValidationError, match="unknown filter 'colour'"):
        store.list("activity", colour="red")


def test_every_registry_type_round_trips(store: Store) -> None:
    subject = Subject(
        id="imt",
        labels={"en": "IMT", "fr": "IMT", "es": "IMT"},
        keywords={"en": ("IMT-2020", "5G")},
    )
    roadmap = Roadmap(
        id="itu-t-imt",
        sector="itu-t",
        subject="imt",
        entries=(RoadmapEntry(Y3101.id, (Milestone("consent", date(2025, 7, 1)),), "SG13"),),
    )
    group = Group(id="itu-t-sg13", sector="itu-t", kind="study-group", name="Future networks")
    for item in (subject, roadmap, group, M2150):
        store.save(item, author="alice", reason="load")
    assert store.get("subject", "imt") == subject
    assert store.get("roadmap", "itu-t-imt") == roadmap
    assert store.get("group", "itu-t-sg13") == group
    assert store.list("roadmap", subject="imt") == [roadmap]
    assert store.find("imt") == ["subject"]


def test_save_many_reports_created_changed_unchanged(store: Store) -> None:
    first = store.save_many([M2150, Y3101], author="alice", reason="load")
    assert (first.created, first.changed, first.unchanged) == (2, 0, 0)
    second = store.save_many(
        [M2150, replace(Y3101, status="approved")], author="bob", reason="reload"
    )
    assert (second.created, second.changed, second.unchanged) == (0, 1, 1)
    assert [v.number for v in store.history("activity", Y3101.id)] == [1, 2]
    assert store.history("activity", Y3101.id)[1].author == "bob"


def test_save_many_handles_more_than_one_chunk(store: Store) -> None:
    many = [replace(Y3101, id=f"itu-t-wi-{i:04d}", identifier=f"WI {i}") for i in range(1203)]
    assert store.save_many(many, author="gen", reason="bulk").created == 1203
    assert store.count("activity", subject="imt") == 1203
    assert store.list("activity")[1202].id == "itu-t-wi-1202"


def test_generic_records_are_versioned_too(store: Store) -> None:
    record = {"id": "review-1", "status": "confirmed", "note": "same work"}
    store.save_data("review", record, author="coord", reason="review")
    store.save_data("review", {**record, "status": "unrelated"}, author="coord", reason="changed")
    assert store.get("review", "review-1")["status"] == "unrelated"
    assert [v.number for v in store.history("review", "review-1")] == [1, 2]
    assert store.list("review", status="unrelated") == [{**record, "status": "unrelated"}]


def test_save_data_checks_registered_types(store: Store) -> None:
    with pytest.raises(ValidationError, match="missing required field 'title'"):
        store.save_data(
            "activity",
            {"id": "x", "sector": "itu-t", "kind": "question", "identifier": "Q1/1"},
            author="a",
            reason="r",
        )
