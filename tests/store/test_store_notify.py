"""The watch and sent-log tables, on SQLite and PostgreSQL: a watch once per user and item, a
key of the sent log claimed by one run only (the other gets nothing to send), released on
failure, and the changes of a time window read from the item history."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from tests.builders import activity, group

from intersector.domain.notify import Watch
from intersector.store import Store
from intersector.store import notify as notify_store

NOW = datetime(2024, 9, 1, 8, tzinfo=UTC)


def test_a_watch_is_kept_once_and_removed_once(store: Store) -> None:
    watch = Watch("tom", "group", "itu-t-sg13")
    assert notify_store.add_watch(store, watch, NOW) is True
    assert notify_store.add_watch(store, watch, NOW) is False
    notify_store.add_watch(store, Watch("ana", "subject", "imt"), NOW)
    [kept] = notify_store.watches_of(store, "tom")
    assert (kept.item_type, kept.item_id, kept.created) == ("group", "itu-t-sg13", NOW)
    assert [w.username for w in notify_store.watches_of(store)] == ["ana", "tom"]
    assert notify_store.remove_watch(store, watch) is True
    assert notify_store.remove_watch(store, watch) is False


def test_a_key_is_claimed_by_one_run_only_and_released_on_failure(store: Store) -> None:
    keys = ("reminder:tom:target:a:2024-09-03", "reminder:tom:target:b:2024-09-04")

    def claim(_: int) -> tuple[str, ...]:
        return notify_store.claim(store, keys, "tom", "reminder", "Due", NOW)

    with ThreadPoolExecutor(4) as pool:
        claimed = list(pool.map(claim, range(8)))
    assert sorted(claimed, key=len)[-1] == keys and sum(len(c) for c in claimed) == 2
    assert notify_store.sent_keys(store, [*keys, "other"]) == set(keys)
    notify_store.release(store, keys)
    assert notify_store.sent_keys(store, list(keys)) == set()
    assert notify_store.claim(store, keys[:1], "tom", "reminder", "Due", NOW) == keys[:1]


def test_changes_between_reads_the_history_of_a_window(store: Store) -> None:
    store.save(group("itu-t-sg13"), author="ana", reason="new group")
    store.save(activity("itu-t-rec-y.3101"), author="tom", reason="new")
    store.save(activity("itu-t-rec-y.3101", status="approved"), author="cora", reason="approved")
    now = datetime.now(UTC)
    found = notify_store.changes_between(
        store, now - timedelta(hours=1), now + timedelta(seconds=5), ("activity",)
    )
    assert [(c.item_id, c.number, c.author, c.label) for c in found] == [
        ("itu-t-rec-y.3101", 1, "tom", "Y.3101"),
        ("itu-t-rec-y.3101", 2, "cora", "Y.3101"),
    ]
    assert (
        notify_store.changes_between(
            store, now + timedelta(seconds=5), now + timedelta(hours=1), ("activity",)
        )
        == []
    )
