"""Who works on what, for every door: the subject × Sector matrix and the subjects common to the
three Sectors (`coordination.work`, the one definition), as `intersector subjects --matrix
--common`, `/api/v1/subject-matrix` and the subjects page all show them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from intersector.coordination.roadmap import group_label
from intersector.coordination.work import CommonSubject, Matrix, common_subjects, subject_work
from intersector.domain.registry import SECTORS, Group, Subject
from intersector.services.lookups import known_subjects
from intersector.services.registry import open_registry
from intersector.settings import Settings
from intersector.store import Store


@dataclass(frozen=True)
class SubjectWork:
    """The registry's answer to "who works on subject X": subject → Sector → group → ids of
    current activities (`matrix`), the subjects with work in all three Sectors (`common`), the
    registry's subjects in its order, and how ITU writes each group."""

    subjects: tuple[Subject, ...]
    matrix: Matrix
    common: tuple[CommonSubject, ...]
    group_labels: Mapping[str, str]

    def labels(self, language: str = "en") -> dict[str, str]:
        """Subject id → its label in `language` (else English, else its id)."""
        return {s.id: s.labels.get(language) or s.labels.get("en") or s.id for s in self.subjects}

    def groups_on(self, subject: str) -> dict[str, tuple[str, ...]]:
        """Sector → the groups with current work on `subject` (every Sector listed)."""
        by_sector = self.matrix.get(subject, {})
        return {s: tuple(sorted(g for g in by_sector.get(s, {}) if g)) for s in SECTORS}


def subject_work_in(store: Store) -> SubjectWork:
    """Who works on what in the registry of `store` (withdrawn activities are never read)."""
    matrix = subject_work(store.iter("activity"))
    subjects = tuple(s for s in known_subjects(store) if not s.withdrawn)
    listed = {s.id for s in subjects}
    extra = tuple(Subject(s, {"en": s}) for s in sorted(matrix) if s not in listed)
    groups: dict[str, Group] = {g.id: g for g in store.list("group", include_withdrawn=True)}
    used = sorted({g for by_sector in matrix.values() for c in by_sector.values() for g in c})
    return SubjectWork(
        subjects=subjects + extra,
        matrix=matrix,
        common=tuple(common_subjects(matrix)),
        group_labels={g: group_label(g, groups) for g in used if g},
    )


def subject_work_report(settings: Settings) -> SubjectWork:
    """`intersector subjects --matrix --common`: who works on what in the configured registry."""
    with open_registry(settings) as store:
        return subject_work_in(store)
