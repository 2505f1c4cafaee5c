"""Alignment checks (Resolutions 38 and 57): is each Sector's work on a subject in step with the
others'? Each check reads domain objects and returns `Finding`s: which check, how serious, the
items involved (ids), the Sectors, and an explanation a coordinator can act on.

The checks:

1. `late-dependency`: an activity depends on another Sector's activity that finishes after it.
2. `no-counterpart`: a subject with work in one Sector only, and no liaison to another Sector
   about that work nor a coordination mechanism covering the subject.
3. `liaison-overdue`: a liaison sent for action, past its deadline, with no reply.
4. `past-target`: an activity past its target date whose status still says the work goes on.
5. `stale-roadmap-entry`: a roadmap entry whose activity is missing, suppressed, superseded or
   withdrawn.

Every check builds its indexes once (dicts by id) and walks each item a bounded number of times:
the whole run is O(n log n) in the number of items (the log from the final sort), never a loop
over all pairs. `today` is always passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from intersector.coordination.liaisons import across_sectors, overdue
from intersector.coordination.roadmap import (
    activity_label,
    group_label,
    sector_label,
    sector_of_group,
)
from intersector.coordination.work import subject_work
from intersector.domain.registry import (
    CLOSED_STATUSES,
    Activity,
    Group,
    Liaison,
    Mechanism,
    Roadmap,
)

LATE_DEPENDENCY = "late-dependency"
NO_COUNTERPART = "no-counterpart"
LIAISON_OVERDUE = "liaison-overdue"
PAST_TARGET = "past-target"
STALE_ROADMAP_ENTRY = "stale-roadmap-entry"

CHECKS = (LATE_DEPENDENCY, NO_COUNTERPART, LIAISON_OVERDUE, PAST_TARGET, STALE_ROADMAP_ENTRY)
SEVERITIES = ("high", "medium", "low")

_STALE_STATUSES = ("suppressed", "superseded", "withdrawn")


@dataclass(frozen=True)
class Finding:
    """One thing out of step: `check` (one of CHECKS), `severity` (one of SEVERITIES), the `items`
    involved (activity, liaison, roadmap ids; the first is the one to act on), the `sectors`
    concerned, the `subject` when the finding is about one, and what a coordinator should know."""

    check: str
    severity: str
    items: tuple[str, ...]
    sectors: tuple[str, ...]
    explanation: str
    subject: str = ""
    facts: tuple[tuple[str, str], ...] = ()  # (name, value) pairs, e.g. ("target", "2024-06-30")
    # what `explanation` is made of, so that a door can say it in another language: its values
    # are names, dates, numbers of days and codes, never English words
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Registry:
    """What the checks read, indexed once. Build it with `Registry.of(...)`."""

    activities: Mapping[str, Activity]
    liaisons: Sequence[Liaison]
    mechanisms: Sequence[Mechanism]
    roadmaps: Sequence[Roadmap]
    groups: Mapping[str, Group]

    @classmethod
    def of(
        cls,
        activities: Iterable[Activity],
        liaisons: Iterable[Liaison] = (),
        mechanisms: Iterable[Mechanism] = (),
        roadmaps: Iterable[Roadmap] = (),
        groups: Iterable[Group] = (),
    ) -> Registry:
        return cls(
            activities={a.id: a for a in activities},
            liaisons=tuple(liaisons),
            mechanisms=tuple(mechanisms),
            roadmaps=tuple(roadmaps),
            groups={g.id: g for g in groups},
        )


def _is_open(activity: Activity) -> bool:
    return not activity.withdrawn and activity.status not in CLOSED_STATUSES


def _where(activity: Activity, groups: Mapping[str, Group]) -> str:
    """`ITU-T Y.3101 (SG13, target 2024-06-30)`."""
    bits = [group_label(activity.group, groups)] if activity.group else []
    if activity.target:
        bits.append(f"target {activity.target.isoformat()}")
    inside = f" ({', '.join(bits)})" if bits else ""
    return f"{activity_label(activity.sector, activity.identifier)}{inside}"


def how_long(days: int) -> str:
    """A gap in words a person reads at a glance: `3 days`, `5 weeks`, `4 months`, `a year`,
    `2 years`."""
    days = abs(days)
    if days < 14:
        return f"{days} day" + ("" if days == 1 else "s")
    if days < 61:
        return f"{days // 7} weeks"
    if days < 335:
        return f"{round(days / 30.44)} months"
    years = round(days / 365.25)
    return "a year" if years <= 1 else f"{years} years"


# 1. dependency on another Sector's activity that finishes later -------------------------------


def late_dependencies(registry: Registry) -> list[Finding]:
    """Open activities with a target date that depend on another Sector's open activity whose
    target is later. A dependency with no target date is not judged: unknown is not late."""
    found: list[Finding] = []
    for activity in registry.activities.values():
        if not _is_open(activity) or activity.target is None:
            continue
        for dependency in activity.dependencies:
            other = _later_in_other_sector(activity, registry.activities.get(dependency.on))
            if other is not None:
                found.append(_late_finding(activity, other, dependency.reason, registry.groups))
    return found


def _later_in_other_sector(activity: Activity, other: Activity | None) -> Activity | None:
    """`other` if it is another Sector's open activity finishing after `activity`, else None."""
    if other is None or other.sector == activity.sector or not _is_open(other):
        return None
    if other.target is None or activity.target is None or other.target <= activity.target:
        return None
    return other


def _late_finding(
    activity: Activity, other: Activity, reason: str, groups: Mapping[str, Group]
) -> Finding:
    own, theirs = activity.target or date.min, other.target or date.min
    why = f" for {reason}" if reason else ""
    text = (
        f"{_where(activity, groups)} depends on {_where(other, groups)}{why}, which finishes "
        f"{how_long((theirs - own).days)} later. Agree a common date through a liaison, or "
        f"move the target of {activity.identifier}."
    )
    return Finding(
        check=LATE_DEPENDENCY,
        severity="high",
        items=(activity.id, other.id),
        sectors=(activity.sector, other.sector),
        explanation=text,
        subject=_shared_subject(activity, other),
        facts=(("target", own.isoformat()), ("depends_on_target", theirs.isoformat())),
        params=(
            *_where_params("", activity, groups),
            *_where_params("other_", other, groups),
            ("reason", reason),
            ("days", str(abs((theirs - own).days))),
            ("identifier", activity.identifier),
        ),
    )


def _where_params(
    prefix: str, activity: Activity, groups: Mapping[str, Group]
) -> tuple[tuple[str, str], ...]:
    return (
        (f"{prefix}activity", activity_label(activity.sector, activity.identifier)),
        (f"{prefix}group", group_label(activity.group, groups) if activity.group else ""),
        (f"{prefix}target", activity.target.isoformat() if activity.target else ""),
    )


def _shared_subject(a: Activity, b: Activity) -> str:
    return next((s for s in a.subjects if s in b.subjects), a.subjects[0] if a.subjects else "")


# 2. subject with work in one Sector only ------------------------------------------------------


def lonely_subjects(registry: Registry, subjects: Iterable[str] | None = None) -> list[Finding]:
    """Subjects (all those tagged, or `subjects`) whose work (`coordination.work`: current
    activities, texts in force included) lies in one Sector only, with no
    liaison about that work to or from another Sector and no mechanism covering the subject that
    reaches beyond that Sector (a mechanism whose members are not recorded counts as reaching)."""
    work = _work_by_subject(registry.activities.values())
    linked = _activities_liaised_across(registry)
    wanted = sorted(work) if subjects is None else [s for s in subjects if s in work]
    found: list[Finding] = []
    for subject in wanted:
        by_sector = work[subject]
        if len(by_sector) != 1:
            continue
        ((sector, ids),) = by_sector.items()
        if not any(i in linked for i in ids) and not _mechanism_across(registry, subject, sector):
            found.append(_lonely_finding(subject, sector, ids))
    return found


def _mechanism_across(registry: Registry, subject: str, sector: str) -> bool:
    """Is there a live mechanism on `subject` with a member outside `sector` (or no members)?"""
    for mechanism in registry.mechanisms:
        if mechanism.withdrawn or subject not in mechanism.subjects:
            continue
        sectors = {sector_of_group(g, registry.groups) for g in mechanism.members}
        if not mechanism.members or sectors - {sector}:
            return True
    return False


def _work_by_subject(activities: Iterable[Activity]) -> dict[str, dict[str, list[str]]]:
    """subject → Sector → ids of its current work: who works on what (`coordination.work`)."""
    return {
        subject: {
            sector: sorted(i for ids in by_group.values() for i in ids)
            for sector, by_group in by_sector.items()
        }
        for subject, by_sector in subject_work(activities).items()
    }


def _activities_liaised_across(registry: Registry) -> set[str]:
    """Activities named by a liaison whose sender and some addressee are in different Sectors."""
    linked: set[str] = set()
    for liaison in registry.liaisons:
        if across_sectors(liaison, lambda g: sector_of_group(g, registry.groups)):
            linked.update(liaison.activities)
    return linked


def _lonely_finding(subject: str, sector: str, ids: list[str]) -> Finding:
    others = " and ".join(sector_label(s) for s in ("itu-r", "itu-t", "itu-d") if s != sector)
    count = len(ids)
    text = (
        f"Subject '{subject}' has {count} open activit{'y' if count == 1 else 'ies'} in "
        f"{sector_label(sector)} and none in {others}, no liaison with them about it and no "
        f"coordination mechanism covering it. Send a liaison for information to the other "
        f"Sectors' groups, or record the mechanism that coordinates it."
    )
    return Finding(
        check=NO_COUNTERPART,
        severity="medium",
        items=tuple(sorted(ids)),
        sectors=(sector,),
        explanation=text,
        subject=subject,
        params=(("subject", subject), ("count", str(count)), ("sector", sector)),
    )


# 3. liaison for action past its deadline without reply ---------------------------------------


def overdue_liaisons(registry: Registry, today: date) -> list[Finding]:
    """The overdue liaisons (`coordination.liaisons.overdue`, the one definition: sent for
    action, deadline passed, still `sent`, no liaison of the registry replying to it)."""
    return [_overdue_finding(li, today, registry) for li in overdue(registry.liaisons, today)]


def _overdue_finding(liaison: Liaison, today: date, registry: Registry) -> Finding:
    deadline = liaison.deadline or today  # is_overdue() made sure there is one
    to = ", ".join(group_label(g, registry.groups) for g in liaison.for_action)
    sender = group_label(liaison.from_group, registry.groups)
    name = liaison.reference or liaison.id
    late = how_long((today - deadline).days)
    text = (
        f"Liaison {name} '{liaison.title}' from {sender} asked {to} for action by "
        f"{deadline.isoformat()}; it is {late} past that deadline with no reply. "
        f"{to} should reply, or {sender} should close it."
    )
    sectors = {
        sector_of_group(g, registry.groups) for g in (liaison.from_group, *liaison.for_action)
    }
    return Finding(
        check=LIAISON_OVERDUE,
        severity="high",
        items=(liaison.id, *liaison.activities),
        sectors=tuple(sorted(sectors - {""})),
        explanation=text,
        subject=_liaison_subject(liaison, registry.activities),
        facts=(("deadline", deadline.isoformat()),),
        params=(
            ("name", name),
            ("title", liaison.title),
            ("sender", sender),
            ("to", to),
            ("deadline", deadline.isoformat()),
            ("days", str(abs((today - deadline).days))),
        ),
    )


def _liaison_subject(liaison: Liaison, activities: Mapping[str, Activity]) -> str:
    for activity_id in liaison.activities:
        activity = activities.get(activity_id)
        if activity and activity.subjects:
            return activity.subjects[0]
    return ""


# 4. activity past its target date still active -----------------------------------------------


def past_targets(registry: Registry, today: date) -> list[Finding]:
    """Activities past their target (`Activity.is_past_target`, the one definition)."""
    return [
        _past_target_finding(a, today, registry.groups)
        for a in registry.activities.values()
        if a.is_past_target(today)
    ]


def _past_target_finding(activity: Activity, today: date, groups: Mapping[str, Group]) -> Finding:
    target = activity.target or today  # the caller kept only activities with a target
    late = how_long((today - target).days)
    text = (
        f"{_where(activity, groups)} passed its target date {late} ago and is still "
        f"'{activity.status}'. Update its status, or set a new target on the roadmap."
    )
    return Finding(
        check=PAST_TARGET,
        severity="medium",
        items=(activity.id,),
        sectors=(activity.sector,),
        explanation=text,
        subject=activity.subjects[0] if activity.subjects else "",
        facts=(("target", target.isoformat()),),
        params=(
            *_where_params("", activity, groups),
            ("days", str(abs((today - target).days))),
            ("status", activity.status),
        ),
    )


# 5. roadmap entry whose activity was suppressed, withdrawn or is missing ----------------------


def stale_roadmap_entries(registry: Registry) -> list[Finding]:
    """Entries of roadmaps (not withdrawn) naming an activity that is not in the registry, or
    that is withdrawn, suppressed or superseded."""
    found: list[Finding] = []
    for roadmap in registry.roadmaps:
        if roadmap.withdrawn:
            continue
        for entry in roadmap.entries:
            why = _staleness(registry.activities.get(entry.activity))
            if why:
                found.append(_stale_finding(roadmap, entry.activity, why))
    return found


def _staleness(activity: Activity | None) -> str:
    if activity is None:
        return "is not in the registry"
    if activity.withdrawn:
        return "was withdrawn"
    if activity.status in _STALE_STATUSES:
        return f"is {activity.status}"
    return ""


def _stale_finding(roadmap: Roadmap, activity: str, why: str) -> Finding:
    name = roadmap.title or roadmap.id
    text = (
        f"The {sector_label(roadmap.sector)} roadmap '{name}' lists {activity}, which {why}. "
        f"{sector_label(roadmap.sector)} should remove the entry or point it to the activity "
        f"that replaced it."
    )
    status = why.removeprefix("is ") if why.startswith("is ") and " " not in why[3:] else ""
    code = "status" if status else ("withdrawn" if why == "was withdrawn" else "missing")
    return Finding(
        check=STALE_ROADMAP_ENTRY,
        severity="low",
        items=(roadmap.id, activity),
        sectors=(roadmap.sector,),
        explanation=text,
        subject=roadmap.subject,
        params=(
            ("sector", roadmap.sector),
            ("name", name),
            ("activity", activity),
            ("why", code),
            ("status", status),
        ),
    )


# all together ---------------------------------------------------------------------------------


def _about(finding: Finding, subject: str, scope: set[str]) -> bool:
    return finding.subject == subject or any(i in scope for i in finding.items)


def check_alignment(
    registry: Registry, today: date, subject: str | None = None
) -> tuple[Finding, ...]:
    """Run the five checks; with `subject`, keep the findings about it (tagged with it, or
    involving one of its activities or roadmaps). Sorted by severity, check, first item."""
    findings = [
        *late_dependencies(registry),
        *lonely_subjects(registry, None if subject is None else [subject]),
        *overdue_liaisons(registry, today),
        *past_targets(registry, today),
        *stale_roadmap_entries(registry),
    ]
    if subject is not None:
        scope = {a.id for a in registry.activities.values() if subject in a.subjects}
        scope.update(r.id for r in registry.roadmaps if r.subject == subject)
        findings = [f for f in findings if _about(f, subject, scope)]
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return tuple(sorted(findings, key=lambda f: (rank[f.severity], CHECKS.index(f.check), f.items)))
