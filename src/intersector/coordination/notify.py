"""What a watch list covers, which dates are due for a reminder and which changes go into a
digest. Pure: the registry items, the watches and `today` are handed in.

Coverage: a group covers its activities and the liaisons it sends or receives; a subject the
activities about it; an activity the liaisons that name it; every watched item covers itself.
A reminder is due when the date is between `today` and `today + lead_days` (both included) and
the work is still open: a liaison sent for action and not answered, an activity whose status
does not close it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from intersector.domain.notify import Change, Due, Watch
from intersector.domain.registry import Activity, Liaison, past_target

TARGET = "target"
LIAISON_DEADLINE = "liaison-deadline"

ItemKey = tuple[str, str]  # (item_type, item_id)


@dataclass(frozen=True)
class Coverage:
    """The items one user's watches cover (the watched items themselves included)."""

    items: frozenset[ItemKey]
    activities: tuple[Activity, ...]
    liaisons: tuple[Liaison, ...]


def _liaison_groups(liaison: Liaison) -> set[str]:
    return {
        liaison.from_group,
        *liaison.for_action,
        *liaison.for_comment,
        *liaison.for_information,
    }


def coverage(
    watches: Iterable[Watch], activities: Sequence[Activity], liaisons: Sequence[Liaison]
) -> Coverage:
    """What `watches` (one user's) cover among `activities` and `liaisons`. Withdrawn items
    count for `items` (their withdrawal is a change worth a digest line) but have no dates."""
    watched = {(w.item_type, w.item_id) for w in watches}
    groups = {i for t, i in watched if t == "group"}
    subjects = {i for t, i in watched if t == "subject"}
    acts = [
        a
        for a in activities
        if ("activity", a.id) in watched or a.group in groups or subjects & set(a.subjects)
    ]
    act_ids = {a.id for a in acts}
    lias = [
        li
        for li in liaisons
        if ("liaison", li.id) in watched
        or groups & _liaison_groups(li)
        or act_ids & set(li.activities)
    ]
    items = watched | {("activity", a.id) for a in acts} | {("liaison", li.id) for li in lias}
    return Coverage(
        frozenset(items),
        tuple(a for a in acts if not a.withdrawn),
        tuple(li for li in lias if not li.withdrawn),
    )


def due_dates(covered: Coverage, today: date, lead_days: int) -> tuple[Due, ...]:
    """The deadlines and targets of `covered` falling in [today, today + lead_days], by date."""
    last = today + timedelta(days=lead_days)
    found: list[Due] = []
    for li in covered.liaisons:
        if li.state == "sent" and li.for_action and li.deadline and today <= li.deadline <= last:
            label = li.reference or li.id
            found.append(Due(LIAISON_DEADLINE, "liaison", li.id, li.deadline, label, li.title))
    for a in covered.activities:
        if a.target and today <= a.target <= last and not _closed(a, a.target):
            found.append(Due(TARGET, "activity", a.id, a.target, a.identifier, a.title))
    return tuple(sorted(found, key=lambda d: (d.day, d.kind, d.item_id)))


def _closed(activity: Activity, target: date) -> bool:
    """Closed work (approved, in force, withdrawn…) is not reminded: `past_target` says a day
    after the target whether the status still counts as open work."""
    return not past_target(activity.status, target, target + timedelta(days=1))


def digest_changes(covered: Coverage, changes: Iterable[Change]) -> tuple[Change, ...]:
    """The changes of the items `covered`, oldest first."""
    kept = [c for c in changes if (c.item_type, c.item_id) in covered.items]
    return tuple(sorted(kept, key=lambda c: (c.at, c.item_type, c.item_id, c.number)))
