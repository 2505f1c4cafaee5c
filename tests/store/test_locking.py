"""Optimistic locking: a stale `expected_version` is refused with a ConflictError naming the item,
its current version and who made it — also between two connections at once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace

import pytest

from intersector.domain.errors import ConflictError, NotFoundError
from intersector.domain.registry import Group
from intersector.store import Store, open_store

SG13 = Group(id="itu-t-sg13", sector="itu-t", kind="study-group", name="Future networks")


def test_the_version_you_read_lets_you_save(store: Store) -> None:
    store.save(SG13, author="alice", reason="load")
    read = store.current("group", SG13.id).number
    saved = store.save(
        replace(SG13, acronym="SG13"), author="bob", reason="x", expected_version=read
    )
    assert saved.number == 2


def test_a_stale_version_is_a_conflict_naming_who_changed_it(store: Store) -> None:
    store.save(SG13, author="alice", reason="load")
    store.save(replace(SG13, acronym="SG13"), author="bob", reason="acronym", expected_version=1)
    with pytest.raises(ConflictError) as caught:
        store.save(replace(SG13, name="Other"), author="carol", reason="x", expected_version=1)
    message = str(caught.value)
    assert "group 'itu-t-sg13'" in message
    assert "version 2" in message
    assert "bob" in message
    assert store.get("group", SG13.id).acronym == "SG13"


def test_expected_version_0_means_the_item_must_be_new(store: Store) -> None:
    store.save(SG13, author="alice", reason="load", expected_version=0)
    with pytest.raises(ConflictError, match="already exists"):
        store.save(SG13, author="bob", reason="again", expected_version=0)


def test_expecting_a_version_of_a_missing_item_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.save(SG13, author="alice", reason="load", expected_version=3)


def test_withdraw_and_restore_honour_expected_version(store: Store) -> None:
    store.save(SG13, author="alice", reason="load")
    store.save(replace(SG13, acronym="SG13"), author="bob", reason="x")
    with pytest.raises(ConflictError):
        store.withdraw("group", SG13.id, author="c", reason="r", expected_version=1)
    with pytest.raises(ConflictError):
        store.restore("group", SG13.id, 1, author="c", expected_version=1)
    assert store.restore("group", SG13.id, 1, author="c", expected_version=2).number == 3


def test_two_connections_editing_one_item_cannot_both_win(store: Store, database_url: str) -> None:
    store.save(SG13, author="alice", reason="load")
    other = open_store(database_url)
    try:
        other.save(replace(SG13, name="by other"), author="bob", reason="x", expected_version=1)
        with pytest.raises(ConflictError, match="bob"):
            store.save(replace(SG13, name="by me"), author="me", reason="y", expected_version=1)
    finally:
        other.close()
    assert store.get("group", SG13.id).name == "by other"


def _race(database_url: str, count: int, save: Callable[[Store, int], object]) -> list[str]:
    """`save(store, index)` on `count` connections at once; "won" or "conflict" for each."""
    stores = [open_store(database_url) for _ in range(count)]
    outcomes: list[str] = []
    barrier = threading.Barrier(count)

    def run(index: int) -> None:
        barrier.wait()
        try:
            save(stores[index], index)
            outcomes.append("won")
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for opened in stores:
        opened.close()
    return outcomes


def test_concurrent_editors_exactly_one_wins(store: Store, database_url: str) -> None:
    store.save(SG13, author="alice", reason="load")

    def edit(opened: Store, index: int) -> object:
        changed = replace(SG13, name=f"edit {index}")
        return opened.save(changed, author=f"editor{index}", reason="race", expected_version=1)

    outcomes = _race(database_url, 6, edit)
    assert sorted(outcomes) == ["conflict"] * 5 + ["won"]
    assert [v.number for v in store.history("group", SG13.id)] == [1, 2]


def test_concurrent_creators_of_one_id_exactly_one_wins(store: Store, database_url: str) -> None:
    def create(opened: Store, index: int) -> object:
        changed = replace(SG13, name=f"by {index}")
        return opened.save(changed, author=f"c{index}", reason="new", expected_version=0)

    outcomes = _race(database_url, 4, create)
    assert sorted(outcomes) == ["conflict"] * 3 + ["won"]
    assert len(store.history("group", SG13.id)) == 1


def test_last_writer_wins_without_expected_version_and_keeps_every_version(
    store: Store, database_url: str
) -> None:
    store.save(SG13, author="alice", reason="load")

    def edit(opened: Store, index: int) -> object:
        return opened.save(replace(SG13, name=f"edit {index}"), author=f"e{index}", reason="x")

    assert _race(database_url, 4, edit) == ["won"] * 4
    assert [v.number for v in store.history("group", SG13.id)] == [1, 2, 3, 4, 5]


def test_save_many_never_overwrites_a_change_made_since_it_read(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intersector.store import repository

    store.save(SG13, author="alice", reason="load")
    store.save(replace(SG13, acronym="SG13"), author="bob", reason="acronym")
    read = repository._existing

    def as_read_before_bob(conn: object, chunk: list[object]) -> dict[str, tuple[int, object]]:
        return {key: (1, data) for key, (_version, data) in read(conn, chunk).items()}  # type: ignore[arg-type]

    monkeypatch.setattr(repository, "_existing", as_read_before_bob)
    with pytest.raises(ConflictError, match="changed by someone else"):
        store.save_many([replace(SG13, name="bulk")], author="loader", reason="load")
    assert store.get("group", SG13.id).acronym == "SG13"
    assert len(store.history("group", SG13.id)) == 2
