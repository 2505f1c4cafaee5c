"""The view cache: fresh views served, old ones served while one thread recomputes them, writes
drop everything, a computation overtaken by a write is not kept, the size stays bounded."""

from __future__ import annotations

import threading
import time

from intersector.web import context
from intersector.web.context import ViewCache


def test_fresh_entries_are_served_and_clear_drops_them() -> None:
    cache = ViewCache(ttl=60)
    calls: list[int] = []
    assert cache.get(("a",), lambda: calls.append(1) or "one") == "one"
    assert cache.get(("a",), lambda: calls.append(1) or "two") == "one"
    cache.clear()
    assert cache.get(("a",), lambda: calls.append(1) or "three") == "three"
    assert len(calls) == 2


def test_old_entry_is_served_while_recomputed_in_the_background() -> None:
    cache = ViewCache(ttl=0.0)
    cache.get(("a",), lambda: "old")
    time.sleep(0.01)  # older than ten times its (tiny) computation time
    done = threading.Event()

    def slow() -> str:
        done.set()
        return "new"

    assert cache.get(("a",), slow) == "old"
    assert done.wait(5)
    deadline = time.monotonic() + 5
    while cache.get(("a",), lambda: "newer") == "old" and time.monotonic() < deadline:
        time.sleep(0.01)
    assert cache.get(("a",), lambda: "x") in ("new", "newer")


def test_a_computation_overtaken_by_a_write_is_not_kept() -> None:
    cache = ViewCache(ttl=60)

    def compute() -> str:
        cache.clear()  # a write lands while the view is being built
        return "before the write"

    assert cache.get(("a",), compute) == "before the write"
    assert cache.get(("a",), lambda: "after") == "after"


def test_failed_background_refresh_forgets_the_entry() -> None:
    cache = ViewCache(ttl=0.0)
    cache.get(("a",), lambda: "old")
    time.sleep(0.01)  # older than ten times its (tiny) computation time

    def broken() -> str:
        raise RuntimeError("store gone")

    assert cache.get(("a",), broken) == "old"
    deadline = time.monotonic() + 5
    while ("a",) in cache._entries and time.monotonic() < deadline:
        time.sleep(0.01)
    assert cache.get(("a",), lambda: "fresh") == "fresh"


def test_size_is_bounded() -> None:
    cache = ViewCache(ttl=60)
    for n in range(context.MAX_ENTRIES + 20):
        cache.get(("k", n), lambda n=n: n)
    assert len(cache._entries) == context.MAX_ENTRIES


def test_a_write_in_another_worker_is_seen_through_the_marker(tmp_path: object) -> None:
    from pathlib import Path

    marker = Path(str(tmp_path)) / "db.changed"
    mine, other = ViewCache(ttl=60, marker=marker), ViewCache(ttl=60, marker=marker)
    assert other.get(("a",), lambda: "before") == "before"
    mine.clear()  # a write served by the other worker
    assert other.get(("a",), lambda: "after") == "after"
    assert other.peek(("a",), lambda: "x") == "after"


def test_marker_names_follow_the_database() -> None:
    assert context.marker_for("sqlite:///a.db") != context.marker_for("sqlite:///b.db")
    assert context.marker_for("sqlite:///a.db") == context.marker_for("sqlite:///a.db")
