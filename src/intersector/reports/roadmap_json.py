"""The joined roadmap and the alignment findings as plain JSON-ready data: one data function per
resource, shared by the JSON export, the HTML page and the web API. Dates are ISO strings,
tuples are lists, every liaison carries its effective state ("overdue" derived from today)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from intersector.coordination.alignment import Finding
from intersector.coordination.liaisons import effective_state, owed, replies_index
from intersector.coordination.roadmap import JoinedRoadmap, RoadmapRow, SectorRoadmap, sector_label
from intersector.domain.registry import Liaison, Mechanism
from intersector.reports import json_text

FORMAT_VERSION = 1


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def row_to_dict(row: RoadmapRow, view: JoinedRoadmap) -> dict[str, Any]:
    return {
        "activity": row.activity,
        "sector": row.sector,
        "identifier": row.identifier,
        "label": row.label,
        "title": row.title,
        "group": row.group,
        "group_label": view.group_label(row.group) if row.group else "",
        "status": row.status,
        "start": _iso(row.start),
        "target": _iso(row.target),
        "past_target": row.is_past_target(view.today),
        "baseline_target": _iso(row.baseline_target),
        "slip_days": row.slip_days,
        "finished": _iso(row.finished),
        "finished_late_days": row.finished_late,
        "percent_complete": row.percent_complete,
        "stage": row.stage,
        "period": row.period,
        "milestones": [{"name": m.name, "date": m.date.isoformat()} for m in row.milestones],
        "note": row.note,
        "missing": row.missing,
        "withdrawn": row.withdrawn,
    }


def lane_to_dict(lane: SectorRoadmap, view: JoinedRoadmap) -> dict[str, Any]:
    return {
        "sector": lane.sector,
        "sector_label": sector_label(lane.sector),
        "origin": lane.origin,
        "roadmap": lane.roadmap_id,
        "title": lane.title,
        "source": lane.source,
        "rows": [row_to_dict(row, view) for row in lane.rows],
    }


def liaison_to_dict(liaison: Liaison, state: str, view: JoinedRoadmap) -> dict[str, Any]:
    return {
        "id": liaison.id,
        "reference": liaison.reference,
        "title": liaison.title,
        "from_group": liaison.from_group,
        "from_label": view.group_label(liaison.from_group),
        "for_action": list(liaison.for_action),
        "for_comment": list(liaison.for_comment),
        "for_information": list(liaison.for_information),
        "sent": _iso(liaison.sent),
        "deadline": _iso(liaison.deadline),
        "state": liaison.state,
        "effective_state": state,
        "replies_to": liaison.replies_to,
        "activities": list(liaison.activities),
        "source": liaison.source,
    }


def mechanism_to_dict(mechanism: Mechanism, view: JoinedRoadmap | None = None) -> dict[str, Any]:
    """A coordination body (JTG 4-5-6-7, JCA-IMT2020…), its members' labels as ITU writes them
    when a view is given."""
    return {
        "id": mechanism.id,
        "kind": mechanism.kind,
        "name": mechanism.name,
        "members": list(mechanism.members),
        "member_labels": [view.group_label(g) if view else g for g in mechanism.members],
        "established_by": mechanism.established_by,
        "source": mechanism.source,
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "check": finding.check,
        "severity": finding.severity,
        "items": list(finding.items),
        "sectors": list(finding.sectors),
        "subject": finding.subject,
        "explanation": finding.explanation,
        "facts": dict(finding.facts),
        "params": dict(finding.params),
    }


def roadmap_to_dict(view: JoinedRoadmap, findings: Iterable[Finding] = ()) -> dict[str, Any]:
    """The joined view as one JSON-ready mapping (the shape of `--format json` and the API)."""
    replies = replies_index(view.liaisons)
    return {
        "format": FORMAT_VERSION,
        "subject": view.subject,
        "subject_label": view.subject_label,
        "today": view.today.isoformat(),
        "span": [d.isoformat() for d in view.span] if view.span else None,
        "lanes": [lane_to_dict(lane, view) for lane in view.lanes],
        "dependencies": [
            {
                "activity": e.activity,
                "on": e.on,
                "reason": e.reason,
                "sector": e.sector,
                "on_sector": e.on_sector,
                "cross_sector": e.cross_sector,
                "shown": e.shown,
            }
            for e in view.dependencies
        ],
        "liaisons": [
            liaison_to_dict(li, effective_state(li, view.today, replies), view)
            for li in view.liaisons
        ],
        "mechanisms": [mechanism_to_dict(m, view) for m in view.mechanisms],
        "owed": owed_to_dict(view),
        "findings": [finding_to_dict(f) for f in findings],
    }


def owed_to_dict(view: JoinedRoadmap) -> list[dict[str, Any]]:
    """What each group owes: the liaisons for action of the view it has not answered."""
    return [
        {
            "group": group,
            "group_label": view.group_label(group),
            "liaisons": [
                {
                    "id": debt.liaison.id,
                    "reference": debt.liaison.reference or debt.liaison.id,
                    "title": debt.liaison.title,
                    "deadline": _iso(debt.liaison.deadline),
                    "days_left": debt.days_left,
                    "overdue": debt.overdue,
                }
                for debt in debts
            ],
        }
        for group, debts in owed(view.liaisons, view.today).items()
    ]


def roadmap_json(view: JoinedRoadmap, findings: Iterable[Finding] = ()) -> str:
    """`roadmap_to_dict` as indented JSON text, ending with a newline."""
    return json_text.dumps(roadmap_to_dict(view, findings), indent=2) + "\n"


def findings_json(findings: Iterable[Finding], today: date) -> str:
    """The findings of `intersector check --format json`."""
    items = [finding_to_dict(f) for f in findings]
    data = {"format": FORMAT_VERSION, "today": today.isoformat(), "count": len(items)}
    return json_text.dumps({**data, "findings": items}, indent=2) + "\n"
