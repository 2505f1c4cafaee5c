"""The liaison workflow: reply threads, state transitions, deadlines and what each group owes.

A liaison statement goes draft → sent → answered → closed (a sent liaison may also be closed
without an answer, e.g. one sent for information). "Overdue" is never stored: it is derived from
the deadline and `today`, which is always passed in. A reply is a liaison whose `replies_to`
names the liaison it answers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from intersector.domain.errors import ValidationError
from intersector.domain.registry import LIAISON_STATES, SECTORS, Liaison

OVERDUE = "overdue"
PURPOSES = ("for_action", "for_comment", "for_information")

TRANSITIONS: Mapping[str, tuple[str, ...]] = {
    "draft": ("sent",),
    "sent": ("answered", "closed"),
    "answered": ("closed",),
    "closed": (),
}


class LiaisonStateError(ValidationError):
    """A state change the workflow does not allow (e.g. closed → sent)."""


@dataclass(frozen=True)
class Thread:
    """A liaison and every reply to it, to any depth: `liaisons` in reading order (each reply
    after the statement it answers, siblings by date sent)."""

    root: str
    liaisons: tuple[Liaison, ...]

    @property
    def groups(self) -> tuple[str, ...]:
        """Every group that wrote in the thread, in order of first appearance."""
        return tuple(dict.fromkeys(li.from_group for li in self.liaisons))


@dataclass(frozen=True)
class Owed:
    """A liaison for action addressed to `group` that `group` has not answered yet."""

    group: str
    liaison: Liaison
    overdue: bool
    days_left: int | None  # negative when overdue; None without deadline


def replies_index(liaisons: Iterable[Liaison]) -> dict[str, list[Liaison]]:
    """Liaison id → the liaisons replying to it (withdrawn ones left out), by date sent."""
    index: dict[str, list[Liaison]] = defaultdict(list)
    for liaison in liaisons:
        if liaison.replies_to and not liaison.withdrawn:
            index[liaison.replies_to].append(liaison)
    for replies in index.values():
        replies.sort(key=_sent_order)
    return dict(index)


def _sent_order(liaison: Liaison) -> tuple[date, str]:
    return (liaison.sent or date.max, liaison.id)


def threads(liaisons: Iterable[Liaison]) -> tuple[Thread, ...]:
    """Every reply chain: one thread per liaison that replies to nothing known (its root), in
    order of the root's date sent. Cycles in `replies_to` are broken, never followed twice."""
    items = [li for li in liaisons if not li.withdrawn]
    known = {li.id for li in items}
    replies = replies_index(items)
    roots = sorted((li for li in items if li.replies_to not in known), key=_sent_order)
    return tuple(Thread(root.id, _walk(root, replies)) for root in roots)


def _walk(root: Liaison, replies: Mapping[str, list[Liaison]]) -> tuple[Liaison, ...]:
    ordered: list[Liaison] = []
    seen: set[str] = set()
    stack = [root]
    while stack:
        liaison = stack.pop()
        if liaison.id in seen:
            continue
        seen.add(liaison.id)
        ordered.append(liaison)
        stack.extend(reversed(replies.get(liaison.id, [])))
    return tuple(ordered)


def thread_of(liaison_id: str, liaisons: Sequence[Liaison]) -> Thread | None:
    """The thread holding `liaison_id`, or None when no liaison has that id."""
    for thread in threads(liaisons):
        if any(li.id == liaison_id for li in thread.liaisons):
            return thread
    return None


def transition(liaison: Liaison, state: str, *, on: date | None = None) -> Liaison:
    """The liaison in its new `state`. Sending records `on` as the date sent when it has none.
    Raises LiaisonStateError for an unknown state or a move the workflow does not allow."""
    if state not in LIAISON_STATES:
        raise LiaisonStateError(
            f"unknown liaison state {state!r}: use one of {', '.join(LIAISON_STATES)}",
            source=liaison.id,
            field="state",
        )
    if state not in TRANSITIONS.get(liaison.state, ()):
        allowed = ", ".join(TRANSITIONS.get(liaison.state, ())) or "nothing (it is final)"
        raise LiaisonStateError(
            f"a {liaison.state} liaison cannot become {state}; from {liaison.state} it can "
            f"become {allowed}",
            source=liaison.id,
            field="state",
        )
    sent = (liaison.sent or on) if state == "sent" else liaison.sent
    return replace(liaison, state=state, sent=sent)


def effective_state(
    liaison: Liaison, today: date, replies: Mapping[str, Sequence[Liaison]] | None = None
) -> str:
    """The stored state, or "overdue" for a liaison sent for action past its deadline with no
    reply (`replies` from `replies_index`; without it only the stored state is looked at)."""
    answered = bool(replies and replies.get(liaison.id))
    return OVERDUE if liaison.is_overdue(today) and not answered else liaison.state


def overdue(liaisons: Iterable[Liaison], today: date) -> tuple[Liaison, ...]:
    """Liaisons sent for action, past their deadline, with no reply: oldest deadline first."""
    items = [li for li in liaisons if not li.withdrawn]
    replies = replies_index(items)
    late = [li for li in items if effective_state(li, today, replies) == OVERDUE]
    return tuple(sorted(late, key=lambda li: (li.deadline or date.min, li.id)))


def owed(liaisons: Iterable[Liaison], today: date) -> dict[str, tuple[Owed, ...]]:
    """Group id → the liaisons for action sent to it that it has not answered (no reply from
    that group), most urgent first. Only liaisons in state `sent` can be owed."""
    items = [li for li in liaisons if not li.withdrawn]
    replies = replies_index(items)
    debts: dict[str, list[Owed]] = defaultdict(list)
    for liaison in items:
        if liaison.state != "sent":
            continue
        answered_by = {r.from_group for r in replies.get(liaison.id, ())}
        for group in liaison.for_action:
            if group not in answered_by:
                debts[group].append(_owed(group, liaison, today))
    return {g: tuple(sorted(d, key=_urgency)) for g, d in sorted(debts.items())}


def _owed(group: str, liaison: Liaison, today: date) -> Owed:
    left = (liaison.deadline - today).days if liaison.deadline else None
    return Owed(group, liaison, liaison.is_overdue(today), left)


def _urgency(item: Owed) -> tuple[bool, int, str]:
    return (item.days_left is None, item.days_left or 0, item.liaison.id)


def addressees(liaison: Liaison) -> tuple[str, ...]:
    """Every group the liaison is addressed to: for action, for comment, for information."""
    return liaison.for_action + liaison.for_comment + liaison.for_information


def across_sectors(liaison: Liaison, sector_of: Callable[[str], str]) -> bool:
    """ "A liaison between the Sectors", the one definition: not withdrawn, not a draft, and its
    sender in an ITU Sector and some addressee in another (`sector_of(group)`: itu-r, itu-t,
    itu-d; anything else — an external body, a group of the whole Union — does not count)."""
    if liaison.withdrawn or liaison.state == "draft":
        return False
    sender = sector_of(liaison.from_group)
    return sender in SECTORS and any(
        sector_of(g) in SECTORS and sector_of(g) != sender for g in addressees(liaison)
    )
