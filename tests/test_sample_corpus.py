"""The bundled sample registry (data/sample/registry/): it loads cleanly, its counts hold, every
item names its source, every reference resolves, and the publication facts it carries are those of
the real Relaton extract shipped beside it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from intersector.domain.registry import Activity, Group, Liaison, Mechanism, Roadmap
from intersector.files.registry import load_paths
from intersector.files.relaton import load_publications

SAMPLE = Path(__file__).parent.parent / "data" / "sample" / "registry"
# The issue asks for at least 30 liaison statements; 34 are documented from public sources and none
# was invented (see data/sample/registry/README.md). Raise this when documented ones are added.
MIN_LIAISONS = 34


@pytest.fixture(scope="module")
def items() -> list[Any]:
    result = load_paths([SAMPLE])
    assert result.errors == []
    return result.items


def _of(items: list[Any], cls: type) -> list[Any]:
    return [item for item in items if isinstance(item, cls)]


def test_counts(items: list[Any]) -> None:
    activities = _of(items, Activity)
    by_sector = Counter(a.sector for a in activities)
    assert len(activities) >= 150
    assert set(by_sector) >= {"itu-r", "itu-t", "itu-d"}
    assert by_sector["itu-d"] >= 15
    assert len(_of(items, Liaison)) >= MIN_LIAISONS
    assert {r.sector for r in _of(items, Roadmap)} == {"itu-r", "itu-t", "itu-d"}
    assert len({s.id for s in items if type(s).__name__ == "Subject"}) == 8


def test_every_item_names_its_source(items: list[Any]) -> None:
    assert [getattr(item, "id", "?") for item in items if not item.source.strip()] == []


def test_every_reference_resolves(items: list[Any]) -> None:
    groups = {g.id for g in _of(items, Group)}
    activities = {a.id for a in _of(items, Activity)}
    liaisons = {x.id for x in _of(items, Liaison)}
    for activity in _of(items, Activity):
        assert activity.group in groups
        assert {d.on for d in activity.dependencies} <= activities
    for liaison in _of(items, Liaison):
        named = {liaison.from_group, *liaison.for_action, *liaison.for_comment}
        assert named | set(liaison.for_information) <= groups
        assert set(liaison.activities) <= activities
        assert liaison.replies_to in liaisons | {""}
    for mechanism in _of(items, Mechanism):
        assert set(mechanism.members) <= groups
    for roadmap in _of(items, Roadmap):
        assert {e.activity for e in roadmap.entries} <= activities


def test_cross_sector_dependencies_are_explained(items: list[Any]) -> None:
    activities = {a.id: a for a in _of(items, Activity)}
    crossing = [
        (a.id, d)
        for a in activities.values()
        for d in a.dependencies
        if activities[d.on].sector != a.sector
    ]
    assert len(crossing) >= 5
    assert all(d.reason for _, d in crossing)


def test_publication_facts_match_the_shipped_extract() -> None:
    extract = {a.id: a for a in load_publications(SAMPLE / "publications.jsonl").activities}
    for name in ("activities-itu-t.yaml", "activities-itu-r.yaml"):
        rows = yaml.safe_load((SAMPLE / name).read_text(encoding="utf-8"))["activities"]
        for row in rows:
            real = extract[row["id"]]
            assert (row["title"], row.get("status", "active")) == (real.title, real.status)
            assert [m["name"] for m in row.get("milestones", [])] == [
                m.name for m in real.milestones
            ]
            assert row["source"] == real.source


def test_extract_is_a_real_trimmed_relaton_file() -> None:
    result = load_publications(SAMPLE / "publications.jsonl")
    assert 1000 <= result.records <= 3000
    kinds = Counter(a.kind for a in result.activities)
    assert {"recommendation", "report", "question", "resolution", "supplement"} <= set(kinds)


def test_the_forward_looking_plans_are_there_with_their_sources(items: list[Any]) -> None:
    """Issue 13: WP 5D's IMT-2030 process to 2029 with its published milestones, ITU-T work
    items with their targets and study period, the ITU-D Questions of 2022-2025; each names its
    public source; nothing invented (no slip is claimed: no baseline and later target together)."""
    activities = {a.id: a for a in _of(items, Activity)}
    imt_2030 = [a for a in activities.values() if a.period == "IMT-2030"]
    assert {"itu-r-rec-m.2160", "itu-r-imt-2030-eval", "itu-r-imt-2030-process"} <= {
        a.id for a in imt_2030
    }
    process = activities["itu-r-imt-2030-process"]
    assert max(m.date for m in process.milestones).year == 2029
    assert "R0A060000C80001" in process.source
    assert activities["itu-r-imt-2030-eval"].stage == "draft"
    work_items = [a for a in activities.values() if a.kind == "work-item" and a.target]
    assert work_items and all(a.period for a in work_items if a.sector == "itu-t")
    itu_d = [a for a in activities.values() if a.sector == "itu-d" and a.kind == "question"]
    assert len(itu_d) >= 14 and {a.period for a in itu_d} == {"2022-2025"}
    assert all(a.source.strip() for a in imt_2030 + itu_d + work_items)
    assert [a.id for a in activities.values() if a.slip_days()] == []
    roadmap = next(r for r in _of(items, Roadmap) if r.id == "itu-r-imt")
    assert "itu-r-imt-2030-specs" in {e.activity for e in roadmap.entries}
