"""The resolution action plan: every operative clause of every ingested resolution as a tracked
action (Resolution 38: "instructs the Director of TSB to bring this resolution to the attention
of…" becomes something someone does, by a date, with evidence that it was done).

A `TrackedAction` keeps its `id` for as long as its clause survives the resolution's revisions:
a new revision carries it over (new clause path, text and revision; status, owner, due date and
evidence kept) or marks it superseded (`coordination.actions.carry_over`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ACTION_STATUSES = ("not-started", "ongoing", "done", "superseded")
EVIDENCE_KINDS = ("document", "liaison", "activity", "report")


@dataclass(frozen=True)
class Evidence:
    """A link to what shows the action's progress: a stored document (`wtsa-res-57`), a liaison,
    an activity, or a report (any reference as written: `TSAG-TD123`)."""

    kind: str  # one of EVIDENCE_KINDS
    ref: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.ref}"


@dataclass(frozen=True)
class TrackedAction:
    """One operative clause of a resolution, tracked: who (`addressees`, read from the text),
    what (`verb`, `text`), where (`document`, `revision`, `clause`), and its follow-up (`status`,
    `owner`, `due`, `evidence`). `carried_from` is the clause path it had in the revision before
    (empty when new in this one); `position` orders the actions of one resolution."""

    id: str  # wtsa-res-57:resolves-1
    document: str  # wtsa-res-57
    revision: str  # dubai-2012
    clause: str  # resolves 1
    verb: str
    text: str
    addressees: tuple[str, ...] = ()
    status: str = "not-started"
    owner: str = ""
    due: date | None = None
    evidence: tuple[Evidence, ...] = ()
    carried_from: str = ""
    position: int = 0

    @property
    def superseded(self) -> bool:
        return self.status == "superseded"
