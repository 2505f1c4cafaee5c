"""Coordinators' decisions, stored as versioned items like any registry change: the review of a
duplicated-work candidate (`overlap-review`) and the correction of an item's subjects
(`subject-correction`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Review:
    """A coordinator's decision on one candidate pair."""

    id: str  # pair id: `itu-d-q5-2~itu-t-q6-13`
    decision: str  # one of DECISIONS
    left: str
    left_version: str
    right: str
    right_version: str
    note: str = ""
    reviewer: str = ""
    withdrawn: bool = False


@dataclass(frozen=True)
class Correction:
    """A coordinator's decision on one item's subject: `add` or `remove`."""

    item: str
    subject: str
    action: str  # add | remove
    author: str = ""
    note: str = ""
    id: str = ""  # stored as `item:subject`; filled in when empty

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", f"{self.item}:{self.subject}")
