"""A small joined IMT roadmap (real WP 5D, SG13 and ITU-D items; the tests' own dates) shared by
the report tests."""

from __future__ import annotations

from datetime import date

import pytest
from tests.builders import activity, group, liaison, mechanism, roadmap, subject

from intersector.coordination.alignment import Finding, Registry, check_alignment
from intersector.coordination.roadmap import JoinedRoadmap, join_roadmaps
from intersector.domain.registry import Dependency, Milestone, RoadmapEntry

TODAY = date(2025, 1, 15)

GROUPS = (group("itu-r-wp5d"), group("itu-t-sg13"), group("itu-d-sg2"))
ACTIVITIES = (
    activity("itu-r-rec-m.2160", status="approved"),
    activity("itu-r-q229-5"),
    activity(
        "itu-t-rec-y.3101",
        title='Requirements of the IMT-2020 network <& "quoted">',
        dependencies=(Dependency("itu-r-q229-5", "IMT vision [and requirements]"),),
    ),
    activity("itu-d-q5-2", subjects=("imt",), start=date(2022, 6, 1)),
)
ROADMAPS = (
    roadmap(
        "itu-r-imt",
        "itu-r-rec-m.2160",
        RoadmapEntry("itu-r-q229-5", (Milestone("WRC-27", date(2027, 10, 1)),)),
        RoadmapEntry("itu-r-rec-m.9999", note="planned"),
    ),
)
LIAISONS = (liaison("itu-r-wp5d-ls-1"),)
MECHANISMS = (mechanism("jtg-4-5-6-7"),)
IMT = subject("imt")


@pytest.fixture
def view() -> JoinedRoadmap:
    return join_roadmaps(IMT, ROADMAPS, ACTIVITIES, LIAISONS, MECHANISMS, TODAY, groups=GROUPS)


@pytest.fixture
def findings() -> tuple[Finding, ...]:
    registry = Registry.of(ACTIVITIES, LIAISONS, MECHANISMS, ROADMAPS, GROUPS)
    return check_alignment(registry, TODAY, subject="imt")


# The plan of a work item against what happened (issue 13): a baseline target and a later
# current one (a slip), a finish after the plan, a stage and % complete, a release.
PLANNED = (
    activity(
        "itu-r-q229-5",
        baseline_target=date(2026, 6, 30),
        target=date(2027, 12, 31),
        stage="draft",
        percent_complete=40,
        period="IMT-2030",
    ),
    activity(
        "itu-r-rec-m.2160",
        status="approved",
        baseline_target=date(2023, 6, 30),
        finished=date(2023, 11, 30),
        stage="approval",
        percent_complete=100,
    ),
)


@pytest.fixture
def planned() -> JoinedRoadmap:
    """The view with the plans of `PLANNED` in place of their plain activities."""
    ids = {a.id for a in PLANNED}
    activities = (*(a for a in ACTIVITIES if a.id not in ids), *PLANNED)
    return join_roadmaps(IMT, ROADMAPS, activities, LIAISONS, MECHANISMS, TODAY, groups=GROUPS)
