"""The JSON of the joined view and of the findings."""

from __future__ import annotations

import json
from datetime import date

from intersector.coordination.alignment import Finding
from intersector.coordination.roadmap import JoinedRoadmap
from intersector.reports.roadmap_json import findings_json, roadmap_json


def test_roadmap_json_has_lanes_rows_dependencies_liaisons_and_findings(
    view: JoinedRoadmap, findings: tuple[Finding, ...]
) -> None:
    data = json.loads(roadmap_json(view, findings))
    assert data["subject"] == "imt" and data["today"] == "2025-01-15"
    assert data["span"] == ["2021-03-01", "2027-12-31"]
    assert [(lane["sector"], lane["origin"]) for lane in data["lanes"]] == [
        ("itu-r", "maintained"),
        ("itu-t", "derived"),
        ("itu-d", "derived"),
    ]
    [y3101] = data["lanes"][1]["rows"]
    assert y3101["start"] == "2022-05-01" and y3101["target"] == "2024-06-30"
    assert y3101["group_label"] == "SG13" and y3101["label"] == "ITU-T Y.3101"
    assert data["lanes"][0]["rows"][2]["missing"] is True
    [edge] = data["dependencies"]
    assert edge["cross_sector"] and edge["on"] == "itu-r-q229-5"
    [liaison] = data["liaisons"]
    assert liaison["state"] == "sent" and liaison["effective_state"] == "overdue"
    assert [m["id"] for m in data["mechanisms"]] == ["jtg-4-5-6-7"]
    assert [f["check"] for f in data["findings"]] == [f.check for f in findings]


def test_findings_json(findings: tuple[Finding, ...]) -> None:
    data = json.loads(findings_json(findings, date(2025, 1, 15)))
    assert data["count"] == len(findings) == 4
    first = data["findings"][0]
    assert set(first) == {
        "check",
        "severity",
        "items",
        "sectors",
        "subject",
        "explanation",
        "facts",
        "params",
    }
    assert first["check"] == "late-dependency" and first["sectors"] == ["itu-t", "itu-r"]


def test_what_each_group_owes_is_in_the_json(view: JoinedRoadmap) -> None:
    data = json.loads(roadmap_json(view))
    [sg13] = data["owed"]
    assert sg13["group"] == "itu-t-sg13" and sg13["group_label"] == "SG13"
    [debt] = sg13["liaisons"]
    assert debt["reference"] == "5D/TEMP/123" and debt["overdue"] and debt["days_left"] == -106


def test_rows_carry_the_plan_and_its_slip(planned: JoinedRoadmap) -> None:
    from intersector.reports.roadmap_json import roadmap_to_dict

    rows = {r["activity"]: r for lane in roadmap_to_dict(planned)["lanes"] for r in lane["rows"]}
    question = rows["itu-r-q229-5"]
    assert (question["baseline_target"], question["target"]) == ("2026-06-30", "2027-12-31")
    assert (question["slip_days"], question["stage"], question["percent_complete"]) == (
        549,
        "draft",
        40,
    )
    assert (question["period"], question["finished"]) == ("IMT-2030", None)
    done = rows["itu-r-rec-m.2160"]
    assert (done["finished"], done["finished_late_days"]) == ("2023-11-30", 153)
    assert rows["itu-t-rec-y.3101"]["slip_days"] is None  # no baseline: no slip
