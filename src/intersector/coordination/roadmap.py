"""Roadmaps (Resolution 38): one Sector's plan for one subject, and the joined view that puts the
three Sectors' plans side by side on one timeline.

Stages and their promises:

- `sector_roadmap`: one Sector's lane for a subject. If the Sector keeps a roadmap for it, that
  roadmap is used as written (origin "maintained", its entry order kept, an entry whose activity
  is unknown kept as a row marked `missing`); otherwise the lane is derived from the Sector's
  current work on the subject (origin "derived"; `coordination.work.works_on`: the activities
  the subject × Sector matrix counts — withdrawn, superseded and suppressed ones left out; rows
  ordered by start, target, identifier).
- `join_roadmaps`: after it, every lane is in `SECTORS` order, every activity appears in at most
  one row of its lane, the dependencies are the edges leaving a shown activity (cross-Sector ones
  flagged), the liaisons are those concerning a shown activity, the mechanisms those covering the
  subject, and `span` covers every date shown (and today).

Everything here is pure: domain objects in, frozen dataclasses out; `today` is always passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from intersector.coordination.work import works_on
from intersector.domain.registry import (
    SECTORS,
    Activity,
    Group,
    Liaison,
    Mechanism,
    Milestone,
    Roadmap,
    RoadmapEntry,
    Subject,
    past_target,
    slip_days,
)

MAINTAINED = "maintained"
DERIVED = "derived"

# Bodies of one Sector known by their own short ids (advisory groups, bureaux).
_WELL_KNOWN_SECTOR = {
    "rag": "itu-r",
    "br": "itu-r",
    "br-director": "itu-r",
    "tsag": "itu-t",
    "tsb": "itu-t",
    "tsb-director": "itu-t",
    "tdag": "itu-d",
    "bdt": "itu-d",
    "bdt-director": "itu-d",
}


def sector_label(sector: str) -> str:
    """`itu-t` → `ITU-T`; anything else is returned as written."""
    return sector.upper() if sector in SECTORS else sector


def activity_label(sector: str, identifier: str) -> str:
    """`ITU-T Y.3101`; an identifier that already names its Sector is kept as written
    (`Question ITU-R 229/5`)."""
    label = sector_label(sector)
    return identifier if label in identifier else f"{label} {identifier}"


def sector_of_group(group: str, groups: Mapping[str, Group] | None = None) -> str:
    """The Sector a group belongs to: from the group registry when known, else from its id
    (`itu-t-sg13` → `itu-t`, `tsag` → `itu-t`); "" when it cannot be told."""
    if groups and group in groups:
        return groups[group].sector
    if group in _WELL_KNOWN_SECTOR:
        return _WELL_KNOWN_SECTOR[group]
    return next((s for s in SECTORS if group.startswith(s + "-")), "")


def group_label(group: str, groups: Mapping[str, Group] | None = None) -> str:
    """How ITU writes a group: its acronym when known (`WP 5D`), else its id without the Sector
    prefix, upper-cased (`itu-t-sg13` → `SG13`)."""
    if groups and group in groups and groups[group].acronym:
        return groups[group].acronym
    sector = sector_of_group(group)
    short = group[len(sector) + 1 :] if sector and group.startswith(sector + "-") else group
    return short.upper()


@dataclass(frozen=True)
class RoadmapRow:
    """One activity on a lane: what the Gantt bar, the table row and the sheet row show."""

    activity: str
    sector: str
    identifier: str = ""
    title: str = ""
    group: str = ""
    status: str = ""
    start: date | None = None
    target: date | None = None
    milestones: tuple[Milestone, ...] = ()
    note: str = ""
    missing: bool = False  # a maintained entry whose activity is not in the registry
    withdrawn: bool = False
    baseline_target: date | None = None
    finished: date | None = None
    percent_complete: int | None = None
    stage: str = ""
    period: str = ""

    @property
    def slip_days(self) -> int | None:
        """Days the current target lies after the baseline (`domain.registry.slip_days`)."""
        return slip_days(self.baseline_target, self.target)

    @property
    def finished_late(self) -> int | None:
        """Days the work finished after its plan (baseline, else current target); None unless
        it finished and had a target."""
        return slip_days(self.baseline_target or self.target, self.finished)

    @property
    def label(self) -> str:
        """`ITU-T Y.3101`, or the bare activity id when it is missing."""
        if not self.identifier:
            return self.activity
        return activity_label(self.sector, self.identifier)

    def is_past_target(self, today: date) -> bool:
        """Its activity is past target (`domain.registry.past_target`, the one definition)."""
        return (
            not self.missing and not self.withdrawn and past_target(self.status, self.target, today)
        )

    def dates(self) -> tuple[date, ...]:
        """Every date this row shows: start, targets (baseline and current), finish and
        milestones."""
        plan = (self.start, self.target, self.baseline_target, self.finished)
        own = tuple(d for d in plan if d is not None)
        return own + tuple(m.date for m in self.milestones)


@dataclass(frozen=True)
class SectorRoadmap:
    """One lane: a Sector's roadmap for the subject, maintained by the Sector or derived."""

    sector: str
    subject: str
    origin: str  # MAINTAINED | DERIVED
    rows: tuple[RoadmapRow, ...] = ()
    roadmap_id: str = ""
    title: str = ""
    source: str = ""


@dataclass(frozen=True)
class DependencyEdge:
    """`activity` needs `on`; `cross_sector` when they belong to different Sectors; `shown` when
    both ends are rows of the joined view (so a chart can draw the arrow)."""

    activity: str
    on: str
    reason: str
    sector: str
    on_sector: str
    cross_sector: bool
    shown: bool


@dataclass(frozen=True)
class JoinedRoadmap:
    """The Sectors' roadmaps for one subject, side by side on one timeline."""

    subject: str
    subject_label: str
    today: date
    lanes: tuple[SectorRoadmap, ...]
    dependencies: tuple[DependencyEdge, ...] = ()
    liaisons: tuple[Liaison, ...] = ()
    mechanisms: tuple[Mechanism, ...] = ()
    span: tuple[date, date] | None = None
    group_labels: Mapping[str, str] = field(default_factory=dict)

    def group_label(self, group: str) -> str:
        """How ITU writes `group` (`WP 5D`), from the groups handed to `join_roadmaps`."""
        return self.group_labels.get(group) or group_label(group)

    def rows(self) -> tuple[RoadmapRow, ...]:
        """All rows, lane after lane."""
        return tuple(row for lane in self.lanes for row in lane.rows)

    def lane(self, sector: str) -> SectorRoadmap | None:
        """The lane of `sector`, if it is in the view."""
        return next((lane for lane in self.lanes if lane.sector == sector), None)


def _merge_milestones(*groups: Iterable[Milestone]) -> tuple[Milestone, ...]:
    """Milestones of all groups, first occurrence kept, ordered by date."""
    seen: dict[tuple[str, date], Milestone] = {}
    for group in groups:
        for milestone in group:
            seen.setdefault((milestone.name, milestone.date), milestone)
    return tuple(sorted(seen.values(), key=lambda m: (m.date, m.name)))


def row_for(activity: Activity, entry: RoadmapEntry | None = None) -> RoadmapRow:
    """The row of an activity, with the entry's own milestones and note added when given."""
    extra = entry.milestones if entry else ()
    return RoadmapRow(
        activity=activity.id,
        sector=activity.sector,
        identifier=activity.identifier,
        title=activity.title,
        group=activity.group,
        status=activity.status,
        start=activity.start,
        target=activity.target,
        milestones=_merge_milestones(activity.milestones, extra),
        note=entry.note if entry else "",
        withdrawn=activity.withdrawn,
        baseline_target=activity.baseline_target,
        finished=activity.finished,
        percent_complete=activity.percent_complete,
        stage=activity.stage,
        period=activity.period,
    )


def _missing_row(entry: RoadmapEntry, sector: str) -> RoadmapRow:
    return RoadmapRow(
        activity=entry.activity,
        sector=sector,
        milestones=_merge_milestones(entry.milestones),
        note=entry.note,
        missing=True,
    )


def _row_order(row: RoadmapRow) -> tuple[date, date, str]:
    return (row.start or date.max, row.target or date.max, row.identifier or row.activity)


def derive_roadmap(sector: str, subject: str, activities: Iterable[Activity]) -> SectorRoadmap:
    """A Sector's lane made from its current work on `subject` (`works_on`: the activities the
    subject × Sector matrix counts)."""
    rows = [row_for(a) for a in activities if a.sector == sector and works_on(a, subject)]
    return SectorRoadmap(sector, subject, DERIVED, tuple(sorted(rows, key=_row_order)))


def maintained_roadmap(roadmap: Roadmap, index: Mapping[str, Activity]) -> SectorRoadmap:
    """The lane of a roadmap kept by its Sector, entries in the Sector's order, duplicates
    dropped, unknown activities kept as `missing` rows (the alignment checks report them)."""
    rows: list[RoadmapRow] = []
    seen: set[str] = set()
    for entry in roadmap.entries:
        if entry.activity in seen:
            continue
        seen.add(entry.activity)
        activity = index.get(entry.activity)
        rows.append(row_for(activity, entry) if activity else _missing_row(entry, roadmap.sector))
    return SectorRoadmap(
        roadmap.sector,
        roadmap.subject,
        MAINTAINED,
        tuple(rows),
        roadmap_id=roadmap.id,
        title=roadmap.title,
        source=roadmap.source,
    )


def sector_roadmap(
    sector: str,
    subject: str,
    index: Mapping[str, Activity],
    roadmaps: Iterable[Roadmap] = (),
    tagged: Iterable[Activity] | None = None,
) -> SectorRoadmap:
    """The Sector's lane: its maintained roadmap for the subject if it has one (not withdrawn),
    else the lane derived from `tagged` (default: every activity of `index`)."""
    for roadmap in roadmaps:
        if roadmap.sector == sector and roadmap.subject == subject and not roadmap.withdrawn:
            return maintained_roadmap(roadmap, index)
    return derive_roadmap(sector, subject, index.values() if tagged is None else tagged)


def _edges(rows: Sequence[RoadmapRow], index: Mapping[str, Activity]) -> tuple[DependencyEdge, ...]:
    shown = {row.activity for row in rows}
    edges: list[DependencyEdge] = []
    for row in rows:
        activity = index.get(row.activity)
        for dependency in activity.dependencies if activity else ():
            other = index.get(dependency.on)
            on_sector = other.sector if other else ""
            edges.append(
                DependencyEdge(
                    activity=row.activity,
                    on=dependency.on,
                    reason=dependency.reason,
                    sector=row.sector,
                    on_sector=on_sector,
                    cross_sector=bool(on_sector) and on_sector != row.sector,
                    shown=dependency.on in shown,
                )
            )
    return tuple(edges)


def _span(rows: Iterable[RoadmapRow], today: date) -> tuple[date, date]:
    dates = [d for row in rows for d in row.dates()]
    dates.append(today)
    return min(dates), max(dates)


def _subject_id_and_label(subject: Subject | str) -> tuple[str, str]:
    if isinstance(subject, Subject):
        return subject.id, subject.labels.get("en", "") or subject.id
    return subject, subject


def join_roadmaps(
    subject: Subject | str,
    roadmaps: Iterable[Roadmap],
    activities: Iterable[Activity],
    liaisons: Iterable[Liaison],
    mechanisms: Iterable[Mechanism],
    today: date,
    sectors: Sequence[str] = SECTORS,
    groups: Iterable[Group] = (),
) -> JoinedRoadmap:
    """The joined view of `subject`: one lane per Sector of `sectors` (maintained roadmap or
    derived), the dependencies leaving shown activities, the liaisons concerning them (with the
    replies to those, to any depth), and the mechanisms covering the subject. Linear in the
    number of activities and liaisons."""
    subject_id, label = _subject_id_and_label(subject)
    index = {a.id: a for a in activities}
    tagged = [a for a in index.values() if subject_id in a.subjects]
    kept = list(roadmaps)
    lanes = tuple(sector_roadmap(s, subject_id, index, kept, tagged) for s in sectors)
    rows = [row for lane in lanes for row in lane.rows]
    about = _liaisons_about({row.activity for row in rows}, liaisons)
    bodies = tuple(m for m in mechanisms if subject_id in m.subjects and not m.withdrawn)
    return JoinedRoadmap(
        subject=subject_id,
        subject_label=label,
        today=today,
        lanes=lanes,
        dependencies=_edges(rows, index),
        liaisons=about,
        mechanisms=bodies,
        span=_span(rows, today),
        group_labels=_group_labels(groups, rows, about, bodies),
    )


def _liaisons_about(shown: set[str], liaisons: Iterable[Liaison]) -> tuple[Liaison, ...]:
    """Liaisons naming a shown activity, then every reply to them (to any depth), by date."""
    items = [li for li in liaisons if not li.withdrawn]
    replies: dict[str, list[Liaison]] = {}
    for li in items:
        replies.setdefault(li.replies_to, []).append(li)
    todo = [li for li in items if any(a in shown for a in li.activities)]
    about: dict[str, Liaison] = {}
    while todo:
        liaison = todo.pop()
        if liaison.id not in about:
            about[liaison.id] = liaison
            todo.extend(replies.get(liaison.id, ()))
    return tuple(sorted(about.values(), key=lambda li: (li.sent or date.min, li.id)))


def _group_labels(
    groups: Iterable[Group],
    rows: Iterable[RoadmapRow],
    liaisons: Iterable[Liaison],
    mechanisms: Iterable[Mechanism] = (),
) -> dict[str, str]:
    """Labels of the groups the view names (rows' groups, liaisons' senders and addressees,
    members of the coordination bodies)."""
    known = {g.id: g for g in groups}
    named = {row.group for row in rows if row.group}
    named.update(g for m in mechanisms for g in m.members)
    for li in liaisons:
        named.update((li.from_group, *li.for_action, *li.for_comment, *li.for_information))
    return {g: group_label(g, known) for g in sorted(named)}
