"""The ISCG-style mapping tables: which groups or Questions of one Sector work on the ground of
each Question of another.

Promise: `mapping_table(index, "itu-d:itu-r")` gives, for every source work of the first Sector
(its Questions when it has any in the index, else every work), the targets of the second Sector
that its overlap candidates reach with a score of at least `min_score` (resolutions of
assemblies left out: they are no group's work), grouped by target group for an ITU-R side (the
Working Parties), by target item otherwise (the Questions), best first, each row with its
evidence (score, relation guess, the target items behind it, shared key terms).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from intersector.coordination.overlap import (
    MIN_SCORE,
    Candidate,
    OverlapIndex,
    Side,
    shared_concepts,
)
from intersector.domain.errors import ValidationError

# Texts of assemblies and conferences (resolutions): not the work of a group, so not mapped.
ASSEMBLY_TEXTS = frozenset({"resolution", "resolution-action"})

# mapping name → (source Sector, target Sector, rows per target "group" or "item")
MAPPINGS: dict[str, tuple[str, str, str]] = {
    "itu-d:itu-r": ("itu-d", "itu-r", "group"),
    "itu-t:itu-r": ("itu-t", "itu-r", "group"),
    "itu-d:itu-t": ("itu-d", "itu-t", "item"),
}


@dataclass(frozen=True)
class MappingRow:
    """One source work mapped to one target (a group or an item) of the other Sector."""

    source: Side
    target: str  # group id, or item id
    target_title: str
    score: float
    relation: str
    items: tuple[str, ...]  # target items behind the row, best first
    shared_concepts: tuple[str, ...] = ()


def mapping_spec(name: str) -> tuple[str, str, str]:
    """The spec of a mapping by name; ValidationError naming the known ones otherwise."""
    if name not in MAPPINGS:
        raise ValidationError(
            f"unknown mapping {name!r}: use one of {', '.join(MAPPINGS)}", field="mapping"
        )
    return MAPPINGS[name]


def mapping_table(
    index: OverlapIndex, name: str, k: int = 20, min_score: float = MIN_SCORE
) -> list[MappingRow]:
    """The rows of mapping `name`, by source id then score."""
    source_sector, target_sector, by = mapping_spec(name)
    sources = [w for w in index.works if w.sector == source_sector]
    questions = [w for w in sources if w.kind == "question"]
    rows: list[MappingRow] = []
    for work in questions or sources:
        found = [
            c
            for c in index.candidates_for(work.id, k, scope=target_sector)
            if c.score >= min_score
            and index.works[index.positions[c.right.id]].kind not in ASSEMBLY_TEXTS
        ]
        rows.extend(_rows(index, found, by))
    return rows


def _rows(index: OverlapIndex, found: list[Candidate], by: str) -> Iterable[MappingRow]:
    groups: dict[str, list[Candidate]] = {}
    for cand in found:
        key = (cand.right.group or cand.right.id) if by == "group" else cand.right.id
        groups.setdefault(key, []).append(cand)
    for target, cands in groups.items():
        best = cands[0]
        title = best.right.title if by == "item" or not best.right.group else best.right.group
        yield MappingRow(
            best.left,
            target,
            title,
            best.score,
            best.relation,
            tuple(c.right.id for c in cands),
            _shared(index, best),
        )


def _shared(index: OverlapIndex, cand: Candidate) -> tuple[str, ...]:
    a = index.works[index.positions[cand.left.id]]
    b = index.works[index.positions[cand.right.id]]
    return tuple(sorted(shared_concepts(a, b)))
