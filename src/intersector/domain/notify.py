"""Watch lists, reminders and digests (issue 13): what a user follows and what is sent to them.
Standard library only, no I/O.

A user follows registry items of the `WATCHABLE` types. Following a group covers its activities
and the liaisons it sends or receives; following a subject covers the activities about it and
their liaisons; following an activity covers its liaisons (`coordination/notify.py` says which).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

WATCHABLE = ("group", "subject", "activity", "liaison")
REMINDER = "reminder"
DIGEST = "digest"
DEFAULT_LEAD_DAYS = 7


@dataclass(frozen=True)
class Watch:
    """`username` follows the item `item_type`/`item_id` (since `created`)."""

    username: str
    item_type: str  # one of WATCHABLE
    item_id: str
    created: datetime | None = None


@dataclass(frozen=True)
class Due:
    """A date to be reminded of: a liaison's reply deadline or an activity's target."""

    kind: str  # "liaison-deadline" | "target"
    item_type: str  # "liaison" | "activity"
    item_id: str
    day: date
    label: str  # as people read it: "SG13-LS123", "Y.3101"
    title: str

    @property
    def key(self) -> str:
        """What the sent log remembers: one reminder per date, a moved date reminds again."""
        return f"{self.kind}:{self.item_id}:{self.day.isoformat()}"


@dataclass(frozen=True)
class Change:
    """One new version of an item someone follows, from the item's history."""

    item_type: str
    item_id: str
    number: int
    author: str
    at: datetime
    reason: str
    label: str = ""


@dataclass(frozen=True)
class Mail:
    """One e-mail to send: `keys` are what the sent log records once it is sent (a reminder's
    dates, or the digest of a day), so nothing is mailed twice."""

    kind: str  # REMINDER | DIGEST
    username: str
    to: str
    subject: str
    body: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Skipped:
    """Someone who follows items but gets no mail, and why."""

    username: str
    reason: str
