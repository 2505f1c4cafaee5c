"""The iCalendar file, parsed back with icalendar."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar

from intersector.coordination.roadmap import JoinedRoadmap
from intersector.reports.roadmap_ics import (
    LIAISON_DEADLINE,
    MILESTONE,
    TARGET,
    deadlines,
    roadmap_ics,
)


def _events(view: JoinedRoadmap) -> list[dict[str, object]]:
    calendar = Calendar.from_ical(roadmap_ics(view))
    return [
        {
            "uid": str(e["UID"]),
            "summary": str(e["SUMMARY"]),
            "start": e.decoded("DTSTART"),
            "end": e.decoded("DTEND"),
            "category": e["CATEGORIES"].cats[0],
        }
        for e in calendar.walk("VEVENT")
    ]


def test_calendar_has_targets_milestones_and_liaison_deadlines(view: JoinedRoadmap) -> None:
    events = _events(view)
    kinds = [e["category"] for e in events]
    assert kinds.count(TARGET) == 3  # M.2160, 229/5, Y.3101 (Q5/2 has no target)
    assert kinds.count(MILESTONE) == 2
    assert kinds.count(LIAISON_DEADLINE) == 1
    [due] = [e for e in events if e["category"] == LIAISON_DEADLINE]
    assert due["summary"] == "Reply due from SG13: liaison 5D/TEMP/123"
    assert due["start"] == date(2024, 10, 1) and due["end"] == date(2024, 10, 2)
    assert [e["start"] for e in events] == sorted(e["start"] for e in events)


def test_uids_are_stable_and_unique(view: JoinedRoadmap) -> None:
    uids = [e["uid"] for e in _events(view)]
    assert len(set(uids)) == len(uids)
    assert "target-itu-t-rec-y.3101-2024-06-30@intersector" in uids
    assert roadmap_ics(view) == roadmap_ics(view)  # DTSTAMP from today: same view, same file


def test_calendar_header(view: JoinedRoadmap) -> None:
    calendar = Calendar.from_ical(roadmap_ics(view))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//intersector//roadmap//EN"
    assert len(deadlines(view)) == 6
