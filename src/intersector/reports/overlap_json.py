"""Overlap candidates and reviews as plain JSON-ready dicts: the one shape shared by the CLI's
`--format json`, the HTML page, the stored last run and the web API."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from intersector.coordination.overlap import Candidate, Side
from intersector.coordination.review import Review
from intersector.coordination.subjects import Assignment
from intersector.coordination.work import CommonSubject, Matrix


def side_to_dict(side: Side) -> dict[str, Any]:
    data = asdict(side)
    data["when"] = side.when.isoformat() if side.when else None
    data["subjects"] = list(side.subjects)
    return data


def candidate_to_dict(candidate: Candidate, review: Review | None = None) -> dict[str, Any]:
    """`candidate` with its evidence, and its current review (None when none holds)."""
    evidence = candidate.evidence
    return {
        "id": candidate.id,
        "left": side_to_dict(candidate.left),
        "right": side_to_dict(candidate.right),
        "score": candidate.score,
        "cosine": candidate.cosine,
        "lexical": candidate.lexical,
        "relation": candidate.relation,
        "evidence": {
            "citations": list(evidence.citations),
            "shared_concepts": list(evidence.shared_concepts),
            "shared_words": list(evidence.shared_words),
            "sentences": [asdict(s) for s in evidence.sentences],
        },
        "review": review_to_dict(review) if review else None,
    }


def review_to_dict(review: Review) -> dict[str, Any]:
    return {"decision": review.decision, "note": review.note, "reviewer": review.reviewer}


def assignment_to_dict(assignment: Assignment) -> dict[str, Any]:
    """One subject of an item: subject id, confidence, reason, origin (classifier, registry or
    coordinator)."""
    return {
        "subject": assignment.subject,
        "confidence": round(assignment.confidence, 4),
        "reason": assignment.reason,
        "origin": assignment.origin,
    }


def subjects_to_list(items: Mapping[str, Sequence[Assignment]]) -> list[dict[str, Any]]:
    """Item → subjects as `[{"item": id, "subjects": [...]}, …]`, items sorted by id."""
    return [
        {"item": item, "subjects": [assignment_to_dict(a) for a in items[item]]}
        for item in sorted(items)
    ]


def subject_work_to_dict(
    matrix: Matrix, common: Sequence[CommonSubject], labels: Mapping[str, str]
) -> dict[str, Any]:
    """Who works on what as JSON: `matrix` (subject → Sector → group → ids), `common` (the
    subjects with work in all three Sectors, their groups and items per Sector), `labels`."""
    return {
        "matrix": matrix,
        "common": [
            {
                "subject": c.subject,
                "groups": {s: list(g) for s, g in c.groups.items()},
                "items": {s: list(i) for s, i in c.items.items()},
            }
            for c in common
        ],
        "labels": dict(labels),
    }
