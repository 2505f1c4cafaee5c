"""The feeds, parsed back: the calendar with icalendar, the Atom feed with feedparser."""

from __future__ import annotations

from datetime import UTC, date, datetime

import feedparser
from icalendar import Calendar
from tests.builders import activity, liaison

from intersector.domain.notify import Change
from intersector.reports.feeds import FeedInfo, calendar_ics, changes_atom, deadlines_of

INFO = FeedInfo(
    "intersector: group itu-t-sg13",
    "group/itu-t-sg13",
    "http://test/api/v1/feeds/groups/itu-t-sg13.atom",
    "http://test/items/group/itu-t-sg13",
)


def test_the_calendar_has_targets_milestones_and_reply_deadlines() -> None:
    dates = deadlines_of(
        [activity("itu-r-rec-m.2160"), activity("itu-t-rec-y.3101")],
        [liaison("itu-r-wp5d-ls-1"), liaison("itu-r-wp5d-ls-1", id="info", for_action=())],
    )
    calendar = Calendar.from_ical(calendar_ics(INFO, dates, date(2024, 1, 1)))
    assert str(calendar["X-WR-CALNAME"]) == "intersector: group itu-t-sg13"
    events = [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in calendar.walk("VEVENT")]
    assert events == [
        ("M.2160: WP 5D agrees draft", date(2023, 6, 21)),
        ("Target: M.2160", date(2023, 11, 30)),
        ("Target: Y.3101", date(2024, 6, 30)),
        ("Reply due from itu-t-sg13: liaison 5D/TEMP/123", date(2024, 10, 1)),
    ]
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert "target-itu-t-rec-y.3101-2024-06-30@intersector" in uids  # as the roadmap calendar


def test_the_atom_feed_lists_changes_newest_first() -> None:
    at = datetime(2024, 9, 1, 10, 30, tzinfo=UTC)
    changes = [
        Change("activity", "itu-t-rec-y.3101", 1, "tom", at, "", "Y.3101"),
        Change(
            "activity", "itu-t-rec-y.3101", 2, "cora", at.replace(hour=11), "approved", "Y.3101"
        ),
    ]
    parsed = feedparser.parse(changes_atom(INFO, changes, at, "http://test"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "intersector: group itu-t-sg13"
    assert parsed.feed.id == "tag:intersector,2026:feed/group/itu-t-sg13"
    [newest, oldest] = parsed.entries
    assert newest.title == "activity Y.3101: version 2"
    assert newest.author == "cora" and newest.summary == "approved"
    assert newest.link == "http://test/go/itu-t-rec-y.3101"
    assert newest.id == "tag:intersector,2026:activity/itu-t-rec-y.3101/2"
    assert oldest.summary == "version 1 of itu-t-rec-y.3101"
    assert parsed.feed.updated_parsed[:4] == (2024, 9, 1, 11)


def test_an_empty_feed_is_still_valid() -> None:
    now = datetime(2024, 9, 1, tzinfo=UTC)
    parsed = feedparser.parse(changes_atom(INFO, [], now))
    assert not parsed.bozo and parsed.entries == []
    calendar = Calendar.from_ical(calendar_ics(INFO, [], now.date()))
    assert calendar.walk("VEVENT") == []
