"""The checks' cost grows linearly with the registry, shown without a clock: whatever the number
of activities, the activity index is walked the same small number of times, and lookups by id
stay proportional to the activities and their dependencies (no loop over all pairs)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest

from intersector.coordination.alignment import Registry, check_alignment
from intersector.domain.registry import (
    SECTORS,
    Activity,
    Dependency,
    Liaison,
    Roadmap,
    RoadmapEntry,
)

TODAY = date(2025, 1, 15)


class CountingIndex(dict[str, Activity]):
    """A dict that counts full walks and lookups."""

    walks = 0
    lookups = 0

    def values(self) -> Any:
        CountingIndex.walks += 1
        return super().values()

    def __iter__(self) -> Iterator[str]:
        CountingIndex.walks += 1
        return super().__iter__()

    def items(self) -> Any:
        CountingIndex.walks += 1
        return super().items()

    def get(self, key: str, default: Any = None) -> Any:
        CountingIndex.lookups += 1
        return super().get(key, default)


def _registry(n: int) -> tuple[Registry, int]:
    activities = [
        Activity(
            f"a{i}",
            SECTORS[i % 3],
            "work-item",
            f"X.{i}",
            f"work {i}",
            subjects=(("imt", "emc", "accessibility")[i % 3],),
            target=TODAY + timedelta(days=(i * 37) % 900 - 450),
            dependencies=tuple(Dependency(f"a{j}") for j in (i - 1, i - 7) if j >= 0),
        )
        for i in range(n)
    ]
    liaisons = [
        Liaison(f"ls{i}", "itu-t-sg13", "ask", for_action=("itu-r-wp5d",),
                deadline=TODAY - timedelta(days=i % 60), activities=(f"a{i * 5}",))
        for i in range(n // 5)
    ]  # fmt: skip
    roadmap = Roadmap("r", "itu-t", "imt", entries=tuple(RoadmapEntry(f"a{i}") for i in range(40)))
    index = CountingIndex({a.id: a for a in activities})
    dependencies = sum(len(a.dependencies) for a in activities)
    registry = Registry(index, tuple(liaisons), (), (roadmap,), {})
    return registry, n + dependencies + len(liaisons) + 40


@pytest.mark.parametrize("subject", [None, "imt"])
def test_walks_are_constant_and_lookups_linear(subject: str | None) -> None:
    walks = []
    for n in (300, 3000):
        registry, size = _registry(n)
        CountingIndex.walks = CountingIndex.lookups = 0
        findings = check_alignment(registry, TODAY, subject=subject)
        assert findings  # the registries are built to have findings of several checks
        walks.append(CountingIndex.walks)
        assert CountingIndex.lookups <= 3 * size
    assert walks[0] == walks[1] <= 6
