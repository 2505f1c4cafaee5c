"""`Store.get` is typed and never answers a plain dict for a kind the codec knows: users, tokens,
reviews and corrections come back as their dataclasses whichever modules were imported (the
issue: `store.get("user", …)` gave a dict or a `User` depending on the imports)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from intersector.domain.decisions import Correction, Review
from intersector.domain.registry import Activity
from intersector.domain.users import User
from intersector.store import Store, open_store

SRC = Path(__file__).parent.parent.parent / "src"
ITEMS = [
    User("ulla", "reader", name="Ulla"),
    Review("a~b", "confirmed", "a", "1", "b", "2"),
    Correction("itu-t-rec-y.3101", "imt", "add"),
]


def test_get_by_class_gives_that_class(store: Store) -> None:
    activity = Activity("itu-t-rec-y.1", "itu-t", "recommendation", "Y.1", "A title")
    store.save(activity, author="t", reason="t")
    found: Activity = store.get(Activity, activity.id)  # typed: no cast, no annotation needed
    assert found == activity
    with pytest.raises(TypeError):
        store.get(dict, "x")


def test_every_known_kind_is_its_dataclass_in_a_fresh_process(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kinds.db'}"
    with open_store(url) as store:
        for item in ITEMS:
            store.save(item, author="t", reason="t")
    # a process that imports the store and nothing else (no store.users, no services)
    code = (
        "import sys\n"
        "from intersector.store import open_store\n"
        f"s = open_store({url!r})\n"
        "for kind, key in (('user', 'ulla'), ('overlap-review', 'a~b'),"
        " ('subject-correction', 'itu-t-rec-y.3101:imt')):\n"
        "    print(type(s.get(kind, key)).__name__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
        check=True,
    )
    assert done.stdout.split() == ["User", "Review", "Correction"]
