"""The liaison workspace (as the IETF Datatracker's): the list with date, from, to, purpose,
deadline and state, filtered and browsed; one liaison with its thread, attachments and contacts;
and what the receiving groups' editors do with it — reply, mark answered, close — each a new
version with who and why, validated by the same domain rules as a load. "Overdue" is
`coordination.liaisons.overdue`, nowhere else."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from intersector.auth.errors import AuthenticationError
from intersector.auth.roles import Principal, check_can_answer
from intersector.coordination.liaisons import OVERDUE, overdue, owed, thread_of, transition
from intersector.coordination.roadmap import sector_of_group
from intersector.domain.codec import to_dict
from intersector.domain.errors import PermissionDeniedError, ValidationError
from intersector.domain.lookup import lookup, lookup_optional
from intersector.domain.registry import LIAISON_STATES, Group, Liaison, Version
from intersector.services import lookups
from intersector.services.browse import Table, browse
from intersector.services.checks import StoreView, check_item
from intersector.services.web import _based_on, create_item
from intersector.store import Store

COLUMNS = ("id", "sent", "reference", "from_group", "to", "purpose", "title", "deadline", "state")
FACETS = ("state", "purpose", "sector", "from_group", "to")
STATES = (*LIAISON_STATES, OVERDUE)
PURPOSES = ("action", "comment", "information", "response")
YES_NO = {"true": True, "false": False}
ACTIONS = {"answered": "marked answered", "closed": "closed"}


@dataclass(frozen=True)
class LiaisonFilter:
    """The liaison list's filters as typed (any case); "" is no filter."""

    q: str = ""
    state: str = ""
    sector: str = ""
    group: str = ""
    overdue: str = ""
    mine: str = ""
    purpose: str = ""


def purpose(liaison: Liaison) -> str:
    """What the sender asks of the first addressees, as the Datatracker says it."""
    if liaison.for_action:
        return "action"
    if liaison.for_comment:
        return "comment"
    return "response" if liaison.replies_to else "information"


def addressees(liaison: Liaison) -> tuple[str, ...]:
    """The groups a liaison is sent to: for action, then for comment, then for information."""
    to = (*liaison.for_action, *liaison.for_comment, *liaison.for_information)
    return tuple(dict.fromkeys(to))


def liaison_rows(store: Store, today: date) -> list[dict[str, Any]]:
    """Every current liaison as a row of the list, its state effective (overdue derived)."""
    items: list[Liaison] = store.list("liaison")
    groups = _groups(store)
    late = {li.id for li in overdue(items, today)}
    return [_row(li, groups, OVERDUE if li.id in late else li.state) for li in items]


def _groups(store: Store) -> dict[str, Group]:
    return {g.id: g for g in store.list("group", include_withdrawn=True)}


def _row(liaison: Liaison, groups: Mapping[str, Group], state: str) -> dict[str, Any]:
    ends = (liaison.from_group, *addressees(liaison))
    sectors = tuple(dict.fromkeys(s for g in ends if (s := sector_of_group(g, groups))))
    return {
        "id": liaison.id,
        "reference": liaison.reference or liaison.id,
        "title": liaison.title,
        "from_group": liaison.from_group,
        "to": addressees(liaison),
        "for_action": liaison.for_action,
        "for_comment": liaison.for_comment,
        "for_information": liaison.for_information,
        "purpose": purpose(liaison),
        "sent": liaison.sent,
        "deadline": liaison.deadline,
        "state": state,
        "sector": sectors,
        "replies_to": liaison.replies_to,
    }


def liaison_table(
    store: Store,
    principal: Principal,
    today: date,
    wanted: LiaisonFilter,
    *,
    sort: str = "",
    order: str = "",
    offset: int = 0,
    limit: int = 50,
) -> Table:
    """The liaison list: filtered (state, overdue, Sector of either end, group at either end,
    purpose, needs action by the principal, words), faceted, sorted and paged by `browse`. An
    unknown value is an UnknownValueError naming the filter. Newest first unless `sort` says;
    a column asked for sorts ascending unless `order` says."""
    if not sort.strip():
        sort, order = "sent", order or "desc"
    rows = liaison_rows(store, today)
    for test in _tests(store, principal, today, wanted):
        rows = [row for row in rows if test(row)]
    return browse(rows, COLUMNS, facets=FACETS, sort=sort, order=order, offset=offset, limit=limit)


def _tests(store: Store, principal: Principal, today: date, wanted: LiaisonFilter) -> list[Any]:
    tests: list[Any] = []
    state = lookup_optional(wanted.state, STATES, field="state")
    if state:
        tests.append(lambda row: row["state"] == state)
    late = lookup_optional(wanted.overdue, YES_NO, field="overdue")
    if late:
        tests.append(lambda row: (row["state"] == OVERDUE) is YES_NO[late])
    sector = lookups.sector(wanted.sector)
    if sector:
        tests.append(lambda row: sector in row["sector"])
    if wanted.group.strip():
        group = lookups.registry_filters(store, "liaison", {"group": wanted.group})["group"]
        tests.append(lambda row: group == row["from_group"] or group in row["to"])
    chosen = lookup_optional(wanted.purpose, PURPOSES, field="purpose")
    if chosen:
        tests.append(lambda row: row["purpose"] == chosen)
    if lookup_optional(wanted.mine, YES_NO, field="mine") == "true":
        mine = needs_action_by(store, principal, today)
        tests.append(lambda row: row["id"] in mine)
    words = wanted.q.lower().split()
    if words:
        tests.append(lambda row: all(w in _text(row) for w in words))
    return tests


def _text(row: Mapping[str, Any]) -> str:
    return " ".join(str(v) for v in row.values()).lower()


def needs_action_by(store: Store, principal: Principal, today: date) -> set[str]:
    """The ids of the liaisons sent for action to a group `principal` may act for and not yet
    answered by it (`coordination.liaisons.owed`)."""
    if principal.user is None:
        raise AuthenticationError("sign in to see the liaisons that need action by you")
    groups = _groups(store)
    debts = owed(store.list("liaison"), today)
    return {
        debt.liaison.id
        for group, owed_by in debts.items()
        if may_act_for(principal, [group], groups)
        for debt in owed_by
    }


def may_act_for(principal: Principal, groups: Any, known: Mapping[str, Group]) -> bool:
    try:
        check_can_answer(principal, tuple((sector_of_group(g, known), g) for g in groups))
    except (PermissionDeniedError, AuthenticationError):
        return False
    return True


@dataclass(frozen=True)
class LiaisonView:
    """One liaison for its page and `/api/v1/liaisons/{id}/workspace`."""

    liaison: Liaison
    state: str
    purpose: str
    thread: tuple[tuple[Liaison, str], ...]  # each liaison of the thread with its state
    attachments: tuple[tuple[str, str], ...]  # (as written, the stored id it names or "")
    contacts: tuple[tuple[str, str], ...]  # (role, group or contact)
    version: Version
    history: tuple[Version, ...]
    can_act: bool
    reply_groups: tuple[str, ...]  # the groups the principal may reply for
    next_states: tuple[str, ...]  # of answered, closed: those the workflow allows now


def liaison_view(store: Store, principal: Principal, liaison_id: str, today: date) -> LiaisonView:
    found = lookups.item_id(store, "liaison", liaison_id)
    liaison = store.get(Liaison, found)
    everything: list[Liaison] = store.list("liaison")
    late = {li.id for li in overdue(everything, today)}
    thread = thread_of(found, everything)
    chain = thread.liaisons if thread else (liaison,)
    groups = _groups(store)
    mine = tuple(g for g in addressees(liaison) if may_act_for(principal, [g], groups))
    allowed = tuple(s for s in ACTIONS if _allowed(liaison, s))
    return LiaisonView(
        liaison=liaison,
        state=OVERDUE if liaison.id in late else liaison.state,
        purpose=purpose(liaison),
        thread=tuple((li, OVERDUE if li.id in late else li.state) for li in chain),
        attachments=tuple((a, _stored_id(store, a)) for a in liaison.attachments),
        contacts=_contacts(liaison),
        version=store.current("liaison", found),
        history=tuple(store.history("liaison", found)),
        can_act=bool(mine),
        reply_groups=mine if liaison.state in ("sent", "answered") else (),
        next_states=allowed if mine else (),
    )


def _allowed(liaison: Liaison, state: str) -> bool:
    try:
        transition(liaison, state)
    except ValidationError:
        return False
    return True


def _stored_id(store: Store, written: str) -> str:
    """The id of the stored document or registry item an attachment names, else ""."""
    for candidate in (written, written.strip().lower()):
        if store.find(candidate):
            return candidate
    return ""


def _contacts(liaison: Liaison) -> tuple[tuple[str, str], ...]:
    roles = [("from", liaison.from_group)]
    roles += [("for_action", g) for g in liaison.for_action]
    roles += [("for_comment", g) for g in liaison.for_comment]
    roles += [("for_information", g) for g in liaison.for_information]
    if liaison.reply_to:
        roles.append(("reply_to", liaison.reply_to))
    return tuple(roles)


def view_dict(view: LiaisonView) -> dict[str, Any]:
    """The liaison view as JSON (the API twin of the page)."""
    return {
        "liaison": to_dict(view.liaison),
        "state": view.state,
        "purpose": view.purpose,
        "thread": [{**to_dict(li), "state": state} for li, state in view.thread],
        "attachments": [{"name": a, "id": i or None} for a, i in view.attachments],
        "contacts": [{"role": r, "name": n} for r, n in view.contacts],
        "version": view.version.number,
        "history": [
            {"number": v.number, "author": v.author, "at": v.at.isoformat(), "reason": v.reason}
            for v in view.history
        ],
        "can_act": view.can_act,
        "reply_groups": list(view.reply_groups),
        "next_states": list(view.next_states),
    }


def _check_receiver(store: Store, principal: Principal, liaison: Liaison) -> None:
    groups = _groups(store)
    check_can_answer(principal, tuple((sector_of_group(g, groups), g) for g in addressees(liaison)))


def mark_liaison(
    store: Store,
    principal: Principal,
    liaison_id: str,
    state: str,
    reason: str = "",
    expected: int | frozenset[int] | None = None,
) -> Version:
    """Mark a liaison answered or closed, as an editor of a group it is addressed to: a new
    version by `principal` with `reason`, the workflow (`coordination.liaisons.transition`) and
    the registry rules checked as for a load. `expected`: the version the form read."""
    chosen = lookup(state, tuple(ACTIONS), field="state")
    liaison = store.get(Liaison, lookups.item_id(store, "liaison", liaison_id))
    _check_receiver(store, principal, liaison)
    changed = transition(liaison, chosen)
    check_item(StoreView(store), changed, stored=liaison)
    why = reason.strip() or ACTIONS[chosen]
    based_on = _based_on(store.current("liaison", liaison.id).number, expected)
    return store.save(changed, author=principal.name, reason=why, expected_version=based_on)


def reply_to_liaison(
    store: Store,
    principal: Principal,
    liaison_id: str,
    *,
    from_group: str,
    title: str,
    body: str = "",
    reason: str = "",
    today: date,
) -> Liaison:
    """Send a reply from `from_group` (a group the liaison is addressed to, that `principal`
    may act for) to the sender, for information; the liaison replied to becomes answered when
    it was sent. Both are new versions by `principal`; the reply is validated as any new
    liaison. Returns the reply."""
    liaison = store.get(Liaison, lookups.item_id(store, "liaison", liaison_id))
    _check_receiver(store, principal, liaison)
    sender = _reply_sender(store, principal, liaison, from_group)
    if not title.strip():
        raise ValidationError("a reply needs a title", field="title")
    reply = Liaison(
        id=_reply_id(store, liaison.id),
        from_group=sender,
        title=title.strip(),
        for_information=(liaison.from_group,),
        body=body.strip(),
        sent=today,
        state="sent",
        replies_to=liaison.id,
        activities=liaison.activities,
    )
    create_item(store, principal, reply, reason.strip() or f"reply to {liaison.id}")
    if liaison.state == "sent":
        answered = transition(liaison, "answered")
        store.save(answered, author=principal.name, reason=f"answered by {reply.id}")
    return reply


def _reply_sender(store: Store, principal: Principal, liaison: Liaison, typed: str) -> str:
    to = addressees(liaison)
    sender = lookup(typed, to, field="from_group") if typed.strip() else ""
    groups = _groups(store)
    mine = [g for g in to if may_act_for(principal, [g], groups)]
    if not sender:
        if not mine:
            raise PermissionDeniedError("you may reply for none of the groups addressed")
        return mine[0]
    if sender not in mine:
        raise PermissionDeniedError(
            f"{principal.name} may not reply for {sender}; reply for one of: "
            f"{', '.join(mine) or 'none of the groups addressed'}"
        )
    return sender


def _reply_id(store: Store, liaison_id: str) -> str:
    taken = store.ids("liaison")
    number = 1
    while f"{liaison_id}-reply-{number}" in taken:
        number += 1
    return f"{liaison_id}-reply-{number}"
