"""Subscribable feeds: the deadlines and milestones of what a group, a subject or a user's watch
list covers as iCalendar (RFC 5545), and its changes as Atom (RFC 4287, written with lxml).

Events keep the stable UIDs of the roadmap calendar (`roadmap_ics.Deadline.uid`), so a calendar
application updates an event whose date moved instead of adding another. Atom entries are the
item versions, newest first, each with a tag: URI that never changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from icalendar import Calendar
from lxml import etree

from intersector.domain.notify import Change
from intersector.domain.registry import Activity, Liaison
from intersector.reports.roadmap_ics import (
    LIAISON_DEADLINE,
    MILESTONE,
    TARGET,
    Deadline,
    deadline_event,
)

PRODID = "-//intersector//feeds//EN"
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedInfo:
    """What a feed is about: its title, a stable id (`group/itu-t-sg13`) and its own URL."""

    title: str
    key: str
    url: str
    page_url: str = ""


def deadlines_of(activities: Sequence[Activity], liaisons: Sequence[Liaison]) -> list[Deadline]:
    """Targets and milestones of the activities, reply deadlines of the liaisons for action."""
    found: list[Deadline] = []
    for a in activities:
        label = a.identifier or a.id
        if a.target:
            found.append(Deadline(TARGET, a.id, a.target, f"Target: {label}", a.title))
        found += [Deadline(MILESTONE, a.id, m.date, f"{label}: {m.name}") for m in a.milestones]
    for li in liaisons:
        if li.deadline and li.for_action:
            what = f"Reply due from {', '.join(li.for_action)}: liaison {li.reference or li.id}"
            found.append(Deadline(LIAISON_DEADLINE, li.id, li.deadline, what, li.title))
    return sorted(found, key=lambda d: (d.day, d.kind, d.item, d.summary))


def calendar_ics(info: FeedInfo, deadlines: Sequence[Deadline], today: date) -> bytes:
    """The .ics bytes: one all-day event per deadline (DTSTAMP: `today` at midnight UTC)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", info.title)
    stamp = datetime.combine(today, time(0, 0), tzinfo=UTC)
    for deadline in deadlines:
        calendar.add_component(deadline_event(deadline, stamp))
    ical: bytes = calendar.to_ical()
    return ical


def _sub(parent: etree._Element, name: str, text: str = "", **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM}}}{name}", attrs)
    if text:
        element.text = text
    return element


def _entry_id(change: Change) -> str:
    return f"tag:intersector,2026:{change.item_type}/{change.item_id}/{change.number}"


def changes_atom(
    info: FeedInfo, changes: Sequence[Change], now: datetime, item_url: str = ""
) -> bytes:
    """The Atom document of `changes` (newest first); `item_url` + `/go/ID` links each entry."""
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    _sub(feed, "id", f"tag:intersector,2026:feed/{info.key}")
    _sub(feed, "title", info.title)
    newest = max((c.at for c in changes), default=now)
    _sub(feed, "updated", newest.isoformat())
    _sub(feed, "link", rel="self", href=info.url, type="application/atom+xml")
    if info.page_url:
        _sub(feed, "link", rel="alternate", href=info.page_url, type="text/html")
    _sub(_sub(feed, "author"), "name", "intersector")
    _sub(feed, "generator", "intersector")
    for change in sorted(changes, key=lambda c: (c.at, c.number), reverse=True):
        entry = _sub(feed, "entry")
        _sub(entry, "id", _entry_id(change))
        label = change.label or change.item_id
        _sub(entry, "title", f"{change.item_type} {label}: version {change.number}")
        _sub(entry, "updated", change.at.isoformat())
        _sub(_sub(entry, "author"), "name", change.author)
        if item_url:
            _sub(entry, "link", rel="alternate", href=f"{item_url}/go/{change.item_id}")
        summary = change.reason or f"version {change.number} of {change.item_id}"
        _sub(entry, "summary", summary)
    xml: bytes = etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return xml
