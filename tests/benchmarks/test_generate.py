"""bench/generate.py: deterministic, self-consistent registries, the same streamed or in memory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bench.generate import (
    GROUPS,
    generate_registry,
    iter_activities,
    load_real_publications,
    to_plain,
    write_registry,
)

from intersector.domain.registry import ACTIVITY_KINDS, ACTIVITY_STATUSES, LIAISON_STATES


def test_same_seed_same_registry_and_prefix_property() -> None:
    small = generate_registry(50, seed=3)
    large = generate_registry(200, seed=3)
    assert small.activities == large.activities[:50]
    assert generate_registry(50, seed=4).activities != small.activities


def test_streamed_equals_built() -> None:
    assert tuple(iter_activities(40, seed=1)) == generate_registry(40, seed=1).activities


def test_references_resolve_and_values_are_valid() -> None:
    registry = generate_registry(500)
    ids = {a.id for a in registry.activities}
    groups = {g.id for g in GROUPS}
    assert len(ids) == 500
    for activity in registry.activities:
        assert activity.group in groups
        assert activity.kind in ACTIVITY_KINDS and activity.status in ACTIVITY_STATUSES
        assert all(d.on in ids and d.on != activity.id for d in activity.dependencies)
    for liaison in registry.liaisons:
        assert liaison.state in LIAISON_STATES
        assert set(liaison.activities) <= ids
        assert set(liaison.for_action) | set(liaison.for_information) <= groups
    assert {a.language for a in registry.activities} == {"en", "fr", "es"}
    assert {a.sector for a in registry.activities} == {"itu-r", "itu-t", "itu-d"}
    assert all(e.activity in ids for r in registry.roadmaps for e in r.entries)


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_written_file_is_the_registry(tmp_path: Path, fmt: str) -> None:
    path = write_registry(tmp_path / f"r.{fmt}", 30, fmt=fmt, liaisons=7)
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text) if fmt == "yaml" else json.loads(text)
    registry = generate_registry(30, liaisons=7)
    assert data["activities"] == [to_plain(a) for a in registry.activities]
    assert data["liaisons"] == [to_plain(x) for x in registry.liaisons]


def test_real_publications_absent_gives_none(tmp_path: Path) -> None:
    assert load_real_publications(tmp_path / "missing.jsonl") is None


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_written_file_passes_the_registry_loader(tmp_path: Path, fmt: str) -> None:
    from intersector.files.registry import load_paths

    result = load_paths([write_registry(tmp_path / f"r.{fmt}", 120, fmt=fmt)])
    assert result.errors == []
    assert sum(1 for item in result.items if type(item).__name__ == "Activity") == 120
