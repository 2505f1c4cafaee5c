"""A small joined IMT roadmap (real WP 5D, SG13 and ITU-D items; the tests' own dates) shared by
the report tests."""

from __future__ import annotations

from datetime import date

import pytest

from intersector.coordination.alignment import Finding, Registry, check_alignment
from intersector.coordination.roadmap import JoinedRoadmap, join_roadmaps
from intersector.domain.registry import (
    Activity,
    Dependency,
    Group,
    Liaison,
    Mechanism,
    Milestone,
    Roadmap,
    RoadmapEntry,
    Subject,
)

TODAY = date(2025, 1, 15)

GROUPS = (
    Group("itu-r-wp5d", "itu-r", "working-party", "Working Party 5D", acronym="WP 5D"),
    Group("itu-t-sg13", "itu-t", "study-group", "Study Group 13", acronym="SG13"),
    Group("itu-d-sg2", "itu-d", "study-group", "Study Group 2", acronym="SG2"),
)
ACTIVITIES = (
    Activity(
        "itu-r-rec-m.2160",
        "itu-r",
        "recommendation",
        "M.2160",
        "Framework and overall objectives of the future development of IMT for 2030 and beyond",
        group="itu-r-wp5d",
        subjects=("imt",),
        status="approved",
        start=date(2021, 3, 1),
        target=date(2023, 11, 30),
        milestones=(Milestone("WP 5D agrees draft", date(2023, 6, 21)),),
    ),
    Activity(
        "itu-r-q229-5",
        "itu-r",
        "question",
        "229/5",
        "Further development of IMT",
        group="itu-r-wp5d",
        subjects=("imt",),
        start=date(2023, 1, 1),
        target=date(2027, 12, 31),
    ),
    Activity(
        "itu-t-rec-y.3101",
        "itu-t",
        "recommendation",
        "Y.3101",
        'Requirements of the IMT-2020 network <& "quoted">',
        group="itu-t-sg13",
        subjects=("imt",),
        start=date(2022, 5, 1),
        target=date(2024, 6, 30),
        dependencies=(Dependency("itu-r-q229-5", "IMT vision [and requirements]"),),
    ),
    Activity(
        "itu-d-q5-2",
        "itu-d",
        "question",
        "Q5/2",
        "Utilization of telecommunications/ICTs for disaster risk reduction and management",
        group="itu-d-sg2",
        subjects=("imt",),
        start=date(2022, 6, 1),
    ),
)
ROADMAPS = (
    Roadmap(
        "itu-r-imt",
        "itu-r",
        "imt",
        "ITU-R IMT roadmap",
        entries=(
            RoadmapEntry("itu-r-rec-m.2160"),
            RoadmapEntry("itu-r-q229-5", (Milestone("WRC-27", date(2027, 10, 1)),)),
            RoadmapEntry("itu-r-rec-m.9999", note="planned"),
        ),
    ),
)
LIAISONS = (
    Liaison(
        "itu-r-wp5d-ls-1",
        "itu-r-wp5d",
        "IMT-2030 requirements",
        for_action=("itu-t-sg13",),
        sent=date(2024, 6, 1),
        deadline=date(2024, 10, 1),
        activities=("itu-r-q229-5",),
        reference="5D/TEMP/123",
    ),
)
MECHANISMS = (
    Mechanism("jtg-4-5-6-7", "joint-task-group", "JTG 4-5-6-7", ("itu-r-wp5d",), ("imt",)),
)
IMT = Subject("imt", {"en": "IMT", "fr": "IMT", "es": "IMT"})


@pytest.fixture
def view() -> JoinedRoadmap:
    return join_roadmaps(IMT, ROADMAPS, ACTIVITIES, LIAISONS, MECHANISMS, TODAY, groups=GROUPS)


@pytest.fixture
def findings() -> tuple[Finding, ...]:
    registry = Registry.of(ACTIVITIES, LIAISONS, MECHANISMS, ROADMAPS, GROUPS)
    return check_alignment(registry, TODAY, subject="imt")
