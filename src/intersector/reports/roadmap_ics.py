"""The dates of a joined roadmap as an iCalendar file (RFC 5545, the `icalendar` package): every
activity's target date, every milestone, and every deadline of a liaison for action. Each is an
all-day event with a stable UID (re-importing an updated file updates the events instead of
doubling them) and a category saying what it is; DTSTAMP is `today` at midnight UTC, so the
same view always gives the same file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from intersector.coordination.roadmap import JoinedRoadmap

PRODID = "-//intersector//roadmap//EN"
TARGET = "target"
MILESTONE = "milestone"
LIAISON_DEADLINE = "liaison-deadline"


@dataclass(frozen=True)
class Deadline:
    """One dated thing of the roadmap: what kind, which item, when, and what to show."""

    kind: str  # TARGET | MILESTONE | LIAISON_DEADLINE
    item: str
    day: date
    summary: str
    description: str = ""

    @property
    def uid(self) -> str:
        name = self.summary if self.kind == MILESTONE else ""
        digest = "-".join(p for p in (self.kind, self.item, name and _slug(name)) if p)
        return f"{digest}-{self.day.isoformat()}@intersector"


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")[:60]


def deadlines(view: JoinedRoadmap) -> tuple[Deadline, ...]:
    """Targets, milestones and liaison deadlines of the view, by date."""
    found: list[Deadline] = []
    for row in view.rows():
        if row.target:
            found.append(
                Deadline(TARGET, row.activity, row.target, f"Target: {row.label}", row.title)
            )
        for m in row.milestones:
            found.append(Deadline(MILESTONE, row.activity, m.date, f"{row.label}: {m.name}"))
    for li in view.liaisons:
        if li.deadline and li.for_action:
            to = ", ".join(view.group_label(g) for g in li.for_action)
            what = f"Reply due from {to}: liaison {li.reference or li.id}"
            found.append(Deadline(LIAISON_DEADLINE, li.id, li.deadline, what, li.title))
    return tuple(sorted(found, key=lambda d: (d.day, d.kind, d.item, d.summary)))


def deadline_event(deadline: Deadline, stamp: datetime) -> Event:
    """One all-day, transparent event for `deadline` (also the feeds' events)."""
    event = Event()
    event.add("uid", deadline.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", deadline.day)
    event.add("dtend", deadline.day + timedelta(days=1))
    event.add("summary", deadline.summary)
    if deadline.description:
        event.add("description", deadline.description)
    event.add("categories", [deadline.kind])
    event.add("transp", "TRANSPARENT")
    return event


def roadmap_calendar(view: JoinedRoadmap) -> Calendar:
    """The calendar of `view` (see the module docstring)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{view.subject_label} roadmap")
    stamp = datetime.combine(view.today, time(0, 0), tzinfo=UTC)
    for deadline in deadlines(view):
        calendar.add_component(deadline_event(deadline, stamp))
    return calendar


def roadmap_ics(view: JoinedRoadmap) -> bytes:
    """The calendar as the bytes of an .ics file."""
    ical: bytes = roadmap_calendar(view).to_ical()
    return ical
