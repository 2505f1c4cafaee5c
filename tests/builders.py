"""Small builders of registry items for the tests: the real IMT work of WP 5D, SG13 and the ITU-D
study groups (ids, identifiers and titles as ITU writes them; the dates are the tests' own).

Each builder returns the item with its usual values; a test changes what it needs by keyword
(`activity("itu-r-rec-m.2160", status="approved")`), so that the one record of each real item
lives here and a test shows only what it sets apart.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

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

_SUBJECTS = {
    "imt": Subject("imt", {"en": "IMT", "fr": "IMT", "es": "IMT"}),
    "broadband": Subject(
        "broadband", {"en": "Broadband", "fr": "Large bande", "es": "Banda ancha"}
    ),
}

_GROUPS = {
    "itu-r-wp5d": Group(
        "itu-r-wp5d", "itu-r", "working-party", "Working Party 5D", acronym="WP 5D"
    ),
    "itu-t-sg13": Group("itu-t-sg13", "itu-t", "study-group", "Study Group 13", acronym="SG13"),
    "itu-d-sg1": Group("itu-d-sg1", "itu-d", "study-group", "Study Group 1", acronym="SG1"),
    "itu-d-sg2": Group("itu-d-sg2", "itu-d", "study-group", "Study Group 2", acronym="SG2"),
}

_IMT_2030 = "Framework and overall objectives of the future development of IMT for 2030 and beyond"
_ACTIVITIES = {
    "itu-r-rec-m.2160": Activity(
        "itu-r-rec-m.2160",
        "itu-r",
        "recommendation",
        "M.2160",
        _IMT_2030,
        group="itu-r-wp5d",
        subjects=("imt",),
        start=date(2021, 3, 1),
        target=date(2023, 11, 30),
        milestones=(Milestone("WP 5D agrees draft", date(2023, 6, 21)),),
    ),
    "itu-r-rec-m.2083": Activity(
        "itu-r-rec-m.2083",
        "itu-r",
        "recommendation",
        "M.2083",
        "IMT Vision - Framework and overall objectives of the future development of IMT for 2020 "
        "and beyond",
        group="itu-r-wp5d",
        subjects=("imt",),
        status="in-force",
        start=date(2012, 2, 1),
        target=date(2015, 9, 29),
    ),
    "itu-r-q229-5": Activity(
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
    "itu-t-rec-y.3101": Activity(
        "itu-t-rec-y.3101",
        "itu-t",
        "recommendation",
        "Y.3101",
        "Requirements of the IMT-2020 network",
        group="itu-t-sg13",
        subjects=("imt",),
        start=date(2022, 5, 1),
        target=date(2024, 6, 30),
        dependencies=(Dependency("itu-r-q229-5", "IMT requirements"),),
    ),
    "itu-d-q1-1": Activity(
        "itu-d-q1-1",
        "itu-d",
        "question",
        "Q1/1",
        "Strategies and policies for the deployment of broadband in developing countries",
        group="itu-d-sg1",
        subjects=("broadband",),
    ),
    "itu-d-q5-2": Activity(
        "itu-d-q5-2",
        "itu-d",
        "question",
        "Q5/2",
        "Utilization of telecommunications/ICTs for disaster risk reduction and management",
        group="itu-d-sg2",
        subjects=("emergency-telecommunications",),
    ),
}

_LIAISONS = {
    "itu-r-wp5d-ls-1": Liaison(
        "itu-r-wp5d-ls-1",
        "itu-r-wp5d",
        "IMT-2030 requirements",
        for_action=("itu-t-sg13",),
        sent=date(2024, 6, 1),
        deadline=date(2024, 10, 1),
        activities=("itu-r-q229-5",),
        reference="5D/TEMP/123",
    ),
}

_MECHANISMS = {
    "jtg-4-5-6-7": Mechanism(
        "jtg-4-5-6-7", "joint-task-group", "JTG 4-5-6-7", ("itu-r-wp5d",), ("imt",)
    ),
}


def _known(table: dict[str, Any], kind: str, id: str) -> Any:
    if id not in table:
        raise KeyError(f"tests/builders.py knows no {kind} {id!r}; known: {', '.join(table)}")
    return table[id]


def subject(id: str, /, **changes: Any) -> Subject:
    """The subject `id` (imt, broadband) with its three labels, changed by `changes`."""
    return replace(_known(_SUBJECTS, "subject", id), **changes)


def group(id: str, /, **changes: Any) -> Group:
    """The group `id` (itu-r-wp5d, itu-t-sg13, itu-d-sg1, itu-d-sg2), changed by `changes`."""
    return replace(_known(_GROUPS, "group", id), **changes)


def activity(id: str, /, **changes: Any) -> Activity:
    """The activity `id` (M.2160, M.2083, 229/5, Y.3101, Q1/1, Q5/2), changed by `changes`
    (`id=` among them makes a sibling item)."""
    return replace(_known(_ACTIVITIES, "activity", id), **changes)


def liaison(id: str, /, **changes: Any) -> Liaison:
    """The liaison `id` (WP 5D's for action to SG13), changed by `changes`."""
    return replace(_known(_LIAISONS, "liaison", id), **changes)


def mechanism(id: str, /, **changes: Any) -> Mechanism:
    """The mechanism `id` (JTG 4-5-6-7), changed by `changes`."""
    return replace(_known(_MECHANISMS, "mechanism", id), **changes)


def roadmap(
    id: str,
    *entries: str | RoadmapEntry,
    sector: str = "itu-r",
    subject: str = "imt",
    title: str = "ITU-R IMT roadmap",
    **changes: Any,
) -> Roadmap:
    """A Sector's roadmap for `subject` whose entries are `entries` (activity ids or entries)."""
    rows = tuple(e if isinstance(e, RoadmapEntry) else RoadmapEntry(e) for e in entries)
    return Roadmap(id, sector, subject, title, entries=rows, **changes)
