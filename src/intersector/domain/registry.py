"""The registry: Sectors, groups, activities, liaison statements, subjects, coordination
mechanisms and roadmaps. These are also the shape of the bulk-load files (`data/sample/registry/`):
one YAML/JSON mapping or CSV row per item, field names as below, dates as ISO `YYYY-MM-DD`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

SECTORS = ("itu-r", "itu-t", "itu-d")

GROUP_KINDS = (
    "study-group",
    "working-party",
    "question",  # a Question's rapporteur group, when tracked as a group
    "advisory-group",
    "bureau",
    "assembly",  # assemblies and conferences: RA, WTSA, WTDC, WRC, PP
    "joint-task-group",
    "joint-coordination-activity",
    "focus-group",
    "intersector-team",
    "rapporteur-group",
    "external",  # other standards bodies: 3GPP, IEEE, ETSI
)

ACTIVITY_KINDS = (
    "question",
    "work-item",
    "recommendation",
    "report",
    "handbook",
    "resolution",
    "resolution-action",
    "supplement",
    "technical-paper",
)

ACTIVITY_STATUSES = (
    "proposed",
    "active",
    "consented",
    "determined",
    "approved",
    "in-force",
    "superseded",
    "suppressed",
    "withdrawn",
)

# Where the work stands on its way to an approved text, as the 3GPP work plan and ITU's work
# programmes show it: studying, drafting the text, consented (ITU-T's alternative approval
# process) or determined (the traditional one; the same step of the plan), approval. Empty: not
# recorded.
ACTIVITY_STAGES = ("study", "draft", "consent", "determination", "approval")

# Statuses that mean the work is finished or gone: no longer "active" for the alignment checks.
CLOSED_STATUSES = ("approved", "in-force", "superseded", "suppressed", "withdrawn")
# Statuses that mean a text or Question is gone: its group no longer works on its subjects. A
# Recommendation in force (or approved) is still its group's work: the group maintains it.
ENDED_STATUSES = ("superseded", "suppressed", "withdrawn")


def past_target(status: str, target: date | None, today: date) -> bool:
    """ "Past target", the one definition: a target date before `today` while the status still
    says the work goes on (not in CLOSED_STATUSES)."""
    return target is not None and target < today and status not in CLOSED_STATUSES


def slip_days(baseline: date | None, current: date | None) -> int | None:
    """ "Slip", the one definition: days the current target lies after the baseline target
    (negative: ahead of plan); None unless both are known."""
    if baseline is None or current is None:
        return None
    return (current - baseline).days


LIAISON_STATES = ("draft", "sent", "answered", "closed")  # "overdue" is derived, never stored


@dataclass(frozen=True)
class Sector:
    id: str  # itu-r | itu-t | itu-d
    name: str
    bureau: str  # br | tsb | bdt
    advisory_group: str  # rag | tsag | tdag
    source: str = ""  # where the facts come from (public page)


@dataclass(frozen=True)
class Group:
    """A study group, working party, advisory group, bureau, joint group…: `itu-r-wp5d`."""

    id: str
    sector: str  # one of SECTORS, or "itu" for bodies of the whole Union, "external"
    kind: str  # one of GROUP_KINDS
    name: str
    acronym: str = ""  # as ITU writes it: "WP 5D", "SG13", "JTG 4-5-6-7", "TSAG"
    parent: str = ""  # group id
    study_period: str = ""  # "2022-2025"
    source: str = ""  # where the facts come from (public page)
    withdrawn: bool = False


@dataclass(frozen=True)
class Dependency:
    """This activity needs `on` (an activity id, any Sector) for `reason`."""

    on: str
    reason: str = ""


@dataclass(frozen=True)
class Milestone:
    name: str
    date: date


@dataclass(frozen=True)
class Activity:
    """A Question, work item, Recommendation/Report/Handbook in force, or resolution action."""

    id: str  # stable id: itu-t-q6-13, itu-r-rec-m.2150, itu-d-q5-2
    sector: str
    kind: str  # one of ACTIVITY_KINDS
    identifier: str  # as ITU writes it: "Q6/13", "Y.3101", "M.2150", "Question 5/2"
    title: str
    group: str = ""  # responsible group id
    summary: str = ""
    language: str = "en"
    subjects: tuple[str, ...] = ()
    status: str = "active"
    start: date | None = None  # planned start
    target: date | None = None  # current target (the plan as it stands)
    baseline_target: date | None = None  # the target first agreed: `target` later = a slip
    finished: date | None = None  # when the work actually ended (consent, approval)
    percent_complete: int | None = None  # 0-100, as the work plan gives it
    stage: str = ""  # one of ACTIVITY_STAGES, or "" (not recorded)
    period: str = ""  # study period ("2022-2025") or release ("IMT-2030", "Rel-19")
    editors: tuple[str, ...] = ()
    equivalents: tuple[str, ...] = ()  # "3GPP TS 23.501", "IEEE 802.11ax"
    documents: tuple[str, ...] = ()  # ids of the documents it comes from
    dependencies: tuple[Dependency, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    source: str = ""  # public source of the facts
    withdrawn: bool = False

    def is_past_target(self, today: date) -> bool:
        """Not withdrawn, and `past_target`: its target passed while its work goes on."""
        return not self.withdrawn and past_target(self.status, self.target, today)

    def slip_days(self) -> int | None:
        """`slip_days` of its baseline and current targets."""
        return slip_days(self.baseline_target, self.target)

    def is_current_work(self) -> bool:
        """ "Who works on a subject" counts this activity: not withdrawn, status not ended (open
        work, and texts approved or in force, which their group maintains)."""
        return not self.withdrawn and self.status not in ENDED_STATUSES


@dataclass(frozen=True)
class Liaison:
    """A liaison statement between groups (of ITU or outside)."""

    id: str  # e.g. "itu-t-sg13-ls-0123" or the document number as written, made an id
    from_group: str
    title: str
    for_action: tuple[str, ...] = ()
    for_comment: tuple[str, ...] = ()
    for_information: tuple[str, ...] = ()
    reply_to: str = ""  # contact or group to reply to
    body: str = ""
    attachments: tuple[str, ...] = ()
    sent: date | None = None
    deadline: date | None = None
    state: str = "sent"  # one of LIAISON_STATES
    replies_to: str = ""  # id of the liaison this one answers
    activities: tuple[str, ...] = ()
    reference: str = ""  # the document number as written: "SG13-LS123"
    source: str = ""
    withdrawn: bool = False

    def is_overdue(self, today: date) -> bool:
        """Sent for action, deadline passed, not answered or closed."""
        return (
            self.state == "sent"
            and bool(self.for_action)
            and self.deadline is not None
            and self.deadline < today
        )


@dataclass(frozen=True)
class Subject:
    """A subject of mutual interest (Resolution 57): labels and descriptions by language."""

    id: str  # imt, emc, middleware, audiovisual-delivery, accessibility,
    # emergency-telecommunications, climate-change, cybersecurity
    labels: Mapping[str, str]  # {"en": "IMT", "fr": "IMT", "es": "IMT"}
    description: Mapping[str, str] = field(default_factory=dict)
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    parent: str = ""
    source: str = ""
    withdrawn: bool = False


@dataclass(frozen=True)
class Mechanism:
    """A coordination mechanism: joint group, intersector team, rapporteur group."""

    id: str
    kind: str  # one of GROUP_KINDS (joint-task-group, intersector-team, …)
    name: str
    members: tuple[str, ...] = ()  # group ids
    subjects: tuple[str, ...] = ()
    established_by: str = ""  # document id: "wtsa-res-57"
    source: str = ""
    withdrawn: bool = False


@dataclass(frozen=True)
class RoadmapEntry:
    """One activity on a Sector's roadmap for a subject, with its milestones."""

    activity: str
    milestones: tuple[Milestone, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Roadmap:
    """One Sector's plan for one subject, owned and edited by that Sector (Resolution 38)."""

    id: str  # "itu-t-imt"
    sector: str
    subject: str
    title: str = ""
    entries: tuple[RoadmapEntry, ...] = ()
    source: str = ""
    withdrawn: bool = False


@dataclass(frozen=True)
class Version:
    """One stored version of an item: who changed it, when and why."""

    item_type: str  # "activity", "liaison", "document", …
    item_id: str
    number: int  # 1, 2, 3…: also the optimistic-locking token
    author: str
    at: datetime
    reason: str
    data: Mapping[str, object]
