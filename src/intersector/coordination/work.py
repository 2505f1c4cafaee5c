"""Who works on what (Resolution 57): the one definition behind the subject × Sector matrix, the
subjects common to the three Sectors, the lanes a roadmap derives and the no-counterpart check —
whichever door asks (CLI `subjects --matrix --common`, the API, the web matrix, the roadmaps).

"Group G of Sector S works on subject X" when the registry holds an activity of S, filed under G,
whose subjects name X, and that is current work (`Activity.is_current_work`: not withdrawn, status
not superseded, suppressed or withdrawn — a Recommendation in force is its group's work, it
maintains it). The subjects are those the registry records; the classifier's suggestions are not
facts until a coordinator files them. A subject is common to the three Sectors when each has
current work on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from intersector.domain.registry import SECTORS, Activity

Matrix = dict[str, dict[str, dict[str, list[str]]]]  # subject → Sector → group → item ids


@dataclass(frozen=True)
class CommonSubject:
    """A subject with work in all three Sectors: the groups (and items) on it, per Sector."""

    subject: str
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    items: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def subject_work(activities: Iterable[Activity]) -> Matrix:
    """subject → Sector → group (`""` when none is recorded) → ids of the current activities on
    it, sorted: who works on what."""
    matrix: Matrix = {}
    for activity in activities:
        if not activity.is_current_work():
            continue
        for subject in activity.subjects:
            cell = matrix.setdefault(subject, {}).setdefault(activity.sector, {})
            cell.setdefault(activity.group, []).append(activity.id)
    return sort_matrix(matrix)


def sort_matrix(matrix: Matrix) -> Matrix:
    """The matrix with its item ids sorted (in place; returned for chaining)."""
    for by_sector in matrix.values():
        for by_group in by_sector.values():
            for ids in by_group.values():
                ids.sort()
    return matrix


def works_on(activity: Activity, subject: str) -> bool:
    """Is `activity` current work on `subject` (the matrix's rule for one activity)?"""
    return activity.is_current_work() and subject in activity.subjects


def common_subjects(matrix: Matrix, sectors: Sequence[str] = SECTORS) -> list[CommonSubject]:
    """The subjects with at least one item in every one of `sectors`."""
    found = []
    for subject in sorted(matrix):
        by_sector = matrix[subject]
        if all(by_sector.get(s) for s in sectors):
            groups = {s: tuple(sorted(g for g in by_sector[s] if g)) for s in sectors}
            items = {
                s: tuple(sorted(i for ids in by_sector[s].values() for i in ids)) for s in sectors
            }
            found.append(CommonSubject(subject, groups, items))
    return found
