"""The resolution action plan (Resolution 38's "action plan"), the one definition: which tracked
actions a resolution gives, how a new revision carries them over, what counts per status.

- `actions_of(doc)`: one `TrackedAction` per action the reader found (one per top-level clause
  of an operative section), status not started, the due date the text gives (`due_in_text`).
- `carry_over(previous, old, new)`: the actions after revision `new`: each action whose clause
  survives the revision diff (`texts.align.revision_diff`: unchanged, reworded or moved) keeps
  its id, status, owner, due date and evidence with its new path and text; the others are
  superseded (kept, with the revision they last had); clauses new in `new` are new actions.

Pure: documents and actions in, actions out.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from intersector.domain.actions import ACTION_STATUSES, TrackedAction
from intersector.domain.documents import Document
from intersector.domain.ids import make_id
from intersector.texts.align import operative_paths, revision_diff

SURVIVES = ("unchanged", "reworded", "moved")  # revision-diff kinds where a clause lives on

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_DUE = re.compile(
    r"\b(?:by|before|no later than)\s+(?:the\s+end\s+of\s+)?"
    r"(?:(?P<day>\d{1,2})\s+)?(?:(?P<month>"
    + "|".join(_MONTHS)
    + r")\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def due_in_text(text: str) -> date | None:
    """The first date a clause sets as a deadline (`by 31 December 2027`, `before March 2026`,
    `by 2028`: the last day of the month or year when the day is not given); None without one."""
    found = _DUE.search(text)
    if found is None:
        return None
    year = int(found["year"])
    month = _MONTHS[found["month"].lower()] if found["month"] else 12
    last = calendar.monthrange(year, month)[1]
    day = int(found["day"]) if found["day"] and found["month"] else last
    return date(year, month, min(day, last))


def revision_of(doc: Document) -> str:
    """The revision an action was read from: `dubai-2012` (as the store keys it), or
    `original`."""
    return doc.version_key.split("@", 1)[1].rsplit("/", 1)[0]


def action_id(document: str, clause: str, taken: Iterable[str] = (), revision: str = "") -> str:
    """`wtsa-res-57:resolves-1`; with the revision appended when that id is `taken` already (a
    new clause under the path of a superseded one)."""
    ident = f"{document}:{make_id(clause)}"
    return f"{ident}:{revision}" if ident in set(taken) and revision else ident


def _paths(doc: Document) -> list[tuple[str, str, int]]:
    """(action clause path, unit path, index in doc.actions) of each operative action."""
    paths = operative_paths(doc)
    first = len(doc.actions) - len(paths)
    return [(doc.actions[first + i].clause, p, first + i) for i, p in enumerate(paths)]


def actions_of(doc: Document, taken: Iterable[str] = ()) -> list[TrackedAction]:
    """The tracked actions of one revision read afresh: every one not started."""
    revision = revision_of(doc)
    used = set(taken)
    found = []
    for n, (clause, _, index) in enumerate(_paths(doc)):
        action = doc.actions[index]
        ident = action_id(doc.id, clause, used, revision)
        used.add(ident)
        found.append(
            TrackedAction(
                id=ident,
                document=doc.id,
                revision=revision,
                clause=clause,
                verb=action.verb,
                text=action.text,
                addressees=action.addressees,
                due=due_in_text(action.text),
                position=n,
            )
        )
    return found


def carry_over(
    previous: Sequence[TrackedAction], old: Document, new: Document
) -> list[TrackedAction]:
    """The actions of the resolution after revision `new` (see the module promise): carried
    ones first in the new reading order, then those superseded before or now."""
    survived = {c.old_path: c.new_path for c in revision_diff(old, new) if c.kind in SURVIVES}
    unit_of_clause = {clause: unit for clause, unit, _ in _paths(old)}
    live = {a.clause: a for a in previous if not a.superseded}
    by_new_unit = {
        survived[unit_of_clause[c]]: a for c, a in live.items() if unit_of_clause.get(c) in survived
    }
    fresh = actions_of(new, taken=[a.id for a in previous])
    units = {clause: unit for clause, unit, _ in _paths(new)}
    result: list[TrackedAction] = []
    carried: set[str] = set()
    for action in fresh:
        before = by_new_unit.get(units[action.clause])
        if before is None:
            result.append(action)
            continue
        carried.add(before.id)
        result.append(_carried(before, action))
    gone = [a for a in previous if a.superseded or a.id not in carried]
    start = len(result)
    result.extend(replace(a, status="superseded", position=start + n) for n, a in enumerate(gone))
    return result


def _carried(before: TrackedAction, now: TrackedAction) -> TrackedAction:
    """`before` (its follow-up) at the place and wording of `now`."""
    return replace(
        before,
        revision=now.revision,
        clause=now.clause,
        verb=now.verb,
        text=now.text,
        addressees=now.addressees,
        due=before.due or now.due,
        carried_from=before.clause,
        position=now.position,
    )


def status_counts(actions: Iterable[TrackedAction]) -> dict[str, int]:
    """How many actions have each status, every status listed (in ACTION_STATUSES order)."""
    counts = Counter(a.status for a in actions)
    return {s: counts.get(s, 0) for s in ACTION_STATUSES}


def matching(
    actions: Iterable[TrackedAction], *, addressee: str = "", status: str = "", document: str = ""
) -> list[TrackedAction]:
    """The actions addressed to `addressee`, with `status`, of `document` ("" = any)."""
    return [
        a
        for a in actions
        if (not addressee or addressee in a.addressees)
        and (not status or a.status == status)
        and (not document or a.document == document)
    ]


def addressees_of(actions: Iterable[TrackedAction]) -> list[str]:
    """Every addressee named by an action, sorted."""
    return sorted({who for a in actions for who in a.addressees})


def by_addressee(actions: Iterable[TrackedAction]) -> Mapping[str, dict[str, int]]:
    """Addressee → status counts of the actions addressed to them."""
    listed = list(actions)
    return {who: status_counts(matching(listed, addressee=who)) for who in addressees_of(listed)}
