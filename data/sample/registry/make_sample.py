"""Build-time tool (never run by the project at run or test time): write the sample activities that
come from the real ITU publication metadata, and the roadmaps that list them.

It reads the full Relaton file (`../shared/data/itu-registry/itu_publications.jsonl`) through
`intersector.files.relaton`, keeps the works chosen below (`SUBJECT_WORKS`), and writes
`activities-itu-t.yaml`, `activities-itu-r.yaml` and `roadmaps.yaml` beside this file. Titles,
abstracts, status, responsible group, publication milestones and source addresses are the
publication metadata's; what this script adds is stated here and nowhere else:

- the subjects of Resolution 57 each work is filed under (`SUBJECT_WORKS`: a judgement from the
  title, as a coordinator would file it);
- dependencies between works that are public knowledge (`DEPENDENCIES`, each with its reason);
- the responsible group where the record names none but the series is a study group's
  (`GROUP_OVERRIDES`), and the technologies a Recommendation specifies (`EQUIVALENTS`).

Run from the repository root:
    .venv/bin/python data/sample/registry/make_sample.py \
        ../shared/data/itu-registry/itu_publications.jsonl
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from intersector.domain.registry import Activity, Dependency, Milestone
from intersector.files.relaton import load_publications

HERE = Path(__file__).parent

SUBJECT_WORKS: dict[str, tuple[str, ...]] = {
    "imt": (
        # ITU-T SG13: IMT-2020 networks (Y.3100 series) and the ITU-T IMT roadmap supplement
        "itu-t-rec-y.3100",
        "itu-t-rec-y.3101",
        "itu-t-rec-y.3102",
        "itu-t-rec-y.3103",
        "itu-t-rec-y.3104",
        "itu-t-rec-y.3105",
        "itu-t-rec-y.3106",
        "itu-t-rec-y.3107",
        "itu-t-rec-y.3108",
        "itu-t-rec-y.3110",
        "itu-t-rec-y.3111",
        "itu-t-rec-y.3112",
        "itu-t-rec-y.3130",
        "itu-t-rec-y.3150",
        "itu-t-rec-y.3156",
        "itu-t-rec-y.3157",
        "itu-t-rec-y.3172",
        "itu-t-rec-y.3173",
        "itu-t-rec-y.3174",
        "itu-t-sup-y-44",
        "itu-t-sup-y-59",
        "itu-t-sup-y-64",
        # ITU-T SG11: signalling and protocols for IMT-2020
        "itu-t-rec-q.5001",
        "itu-t-rec-q.5004",
        "itu-t-rec-q.5005",
        "itu-t-rec-q.5006",
        "itu-t-rec-q.5020",
        "itu-t-rec-q.5021",
        "itu-t-rec-q.5023",
        "itu-t-rec-q.5027",
        "itu-t-sup-q-47",
        # ITU-T SG15: transport for IMT-2020
        "itu-t-rec-g.8300",
        "itu-t-rec-g.8271",
        "itu-t-sup-g-66",
        "itu-t-sup-g-67",
        "itu-t-sup-g-75",
        # ITU-T SG17: IMT-2020 security
        "itu-t-rec-x.1811",
        "itu-t-rec-x.1812",
        "itu-t-rec-x.1813",
        "itu-t-rec-x.1814",
        "itu-t-rec-x.1815",
        "itu-t-rec-x.1816",
        "itu-t-rec-x.1818",
        # ITU-T SG5: 5G EMC/EMF and energy
        "itu-t-sup-k-9",
        "itu-t-sup-k-10",
        "itu-t-sup-k-14",
        "itu-t-sup-k-16",
        "itu-t-sup-l-36",
        "itu-t-sup-l-43",
        "itu-t-rec-l.1390",
        # ITU-T SG12: QoS in mobile networks
        "itu-t-rec-e.804",
        "itu-t-rec-e.812",
        # ITU-R SG5 / WP 5D: IMT
        "itu-r-rec-m.1457",
        "itu-r-rec-m.2012",
        "itu-r-rec-m.2150",
        "itu-r-rec-m.2160",
        "itu-r-rec-m.2101",
        "itu-r-rec-m.2070",
        "itu-r-rec-m.2071",
        "itu-r-rec-m.1645",
        "itu-r-rec-m.2047",
        "itu-r-rec-m.1078",
        "itu-r-rec-m.1223",
        "itu-r-rep-m.2410",
        "itu-r-rep-m.2411",
        "itu-r-rep-m.2412",
        "itu-r-rep-m.2320",
        "itu-r-rep-m.2370",
        "itu-r-rep-m.2375",
        "itu-r-rep-m.2376",
        "itu-r-rep-m.2290",
        "itu-r-rep-m.2441",
        "itu-r-rep-m.2516",
        "itu-r-rep-m.2134",
        "itu-r-q229-5",
        "itu-r-q77-5",
        "itu-r-q262-5",
        "itu-r-q251-5",
        "itu-r-res-50",
        "itu-r-res-56",
        "itu-r-res-57",
        "itu-r-res-65",
        "itu-r-res-17",
        "itu-r-res-47",
    ),
    "emc": (
        "itu-t-rec-k.52",
        "itu-t-rec-k.61",
        "itu-t-rec-k.70",
        "itu-t-rec-k.91",
        "itu-t-rec-k.100",
        "itu-t-rec-k.113",
        "itu-t-rec-k.121",
        "itu-t-rec-k.145",
        "itu-t-sup-k-9",
        "itu-t-sup-k-10",
        "itu-t-sup-k-14",
        "itu-t-sup-k-16",
        "itu-r-rep-sm.2452",
        "itu-r-rec-bs.1698",
        "itu-r-q50-6",
    ),
    "middleware": (
        "itu-t-rec-h.760",
        "itu-t-rec-h.761",
        "itu-t-rec-j.200",
        "itu-t-rec-j.201",
        "itu-t-rec-j.202",
        "itu-r-rec-bt.1889",
        "itu-r-rec-bt.2075",
    ),
    "audiovisual-delivery": (
        "itu-t-rec-h.264",
        "itu-t-rec-h.265",
        "itu-t-rec-h.266",
        "itu-t-rec-j.83",
        "itu-t-rec-j.1631",
        "itu-t-rec-p.1203",
        "itu-t-rec-h.760",
        "itu-t-rec-j.200",
        "itu-r-rec-bt.2020",
        "itu-r-rec-bt.2100",
        "itu-r-rec-bt.2075",
        "itu-r-res-71",
    ),
    "accessibility": (
        "itu-t-rec-f.790",
        "itu-t-rec-f.791",
        "itu-t-rec-f.921",
        "itu-t-rec-h.702",
        "itu-t-rec-t.140",
        "itu-r-res-67",
        "itu-r-rep-bt.2207",
        "itu-r-rec-bs.1894",
        "itu-r-rep-bt.2342",
    ),
    "emergency-telecommunications": (
        "itu-t-rec-e.106",
        "itu-t-rec-e.107",
        "itu-t-rec-e.123",
        "itu-t-rec-e.161.1",
        "itu-t-rec-e.164",
        "itu-t-rec-y.1271",
        "itu-t-rec-y.2205",
        "itu-t-rec-x.1303",
        "itu-t-sup-q-47",
        "itu-r-q209-5",
        "itu-r-q248-5",
        "itu-r-q118-6",
        "itu-r-res-53",
        "itu-r-res-55",
        "itu-r-rec-m.2009",
        "itu-r-rec-m.2015",
        "itu-r-rec-m.1637",
        "itu-r-rep-m.2377",
        "itu-r-rep-m.2415",
        "itu-r-rep-bt.2299",
        "itu-r-rec-bt.1774",
        "itu-r-rec-rs.1859",
    ),
    "climate-change": (
        "itu-t-rec-l.1000",
        "itu-t-rec-l.1015",
        "itu-t-rec-l.1020",
        "itu-t-rec-l.1030",
        "itu-t-rec-l.1031",
        "itu-t-rec-l.1310",
        "itu-t-rec-l.1331",
        "itu-t-rec-l.1350",
        "itu-t-rec-l.1390",
        "itu-t-rec-l.1410",
        "itu-t-rec-l.1420",
        "itu-t-rec-l.1450",
        "itu-t-rec-l.1470",
        "itu-t-rec-l.1471",
        "itu-t-rec-l.1480",
        "itu-t-sup-l-36",
        "itu-t-sup-l-43",
        "itu-t-rec-y.4900",
        "itu-r-res-60",
        "itu-r-rec-rs.1883",
        "itu-r-rep-rs.2178",
        "itu-r-rep-bs.2385",
    ),
    "cybersecurity": (
        "itu-t-rec-x.1205",
        "itu-t-rec-x.1231",
        "itu-t-rec-x.1245",
        "itu-t-rec-x.1303",
        "itu-t-rec-x.1811",
        "itu-t-rec-x.1812",
        "itu-t-rec-x.1813",
        "itu-t-rec-x.1814",
        "itu-t-rec-x.1815",
        "itu-t-rec-x.1816",
        "itu-t-rec-x.1818",
        "itu-t-rec-q.5051",
        "itu-r-rec-m.1078",
        "itu-r-rec-m.1223",
    ),
}

M2083 = (
    "itu-r-rec-m.2083"  # Recommendation ITU-R M.2083 (IMT Vision): in activities-assemblies.yaml
)
DEPENDENCIES: dict[str, tuple[tuple[str, str], ...]] = {
    "itu-t-rec-y.3100": (
        (M2083, "IMT-2020 is the term defined by the IMT Vision, Recommendation ITU-R M.2083"),
    ),
    "itu-t-rec-y.3101": (
        (
            M2083,
            "the IMT-2020 network requirements start from the usage scenarios and "
            "capabilities of the IMT Vision (ITU-R M.2083)",
        ),
    ),
    "itu-r-rec-m.2150": (
        (
            "itu-r-rep-m.2410",
            "the radio interfaces were evaluated against these minimum "
            "technical performance requirements",
        ),
        (
            "itu-r-rep-m.2411",
            "the candidate technologies were submitted and evaluated "
            "under these requirements, criteria and templates",
        ),
        ("itu-r-rep-m.2412", "the evaluations followed these guidelines"),
        ("itu-r-res-65", "the IMT-2020 process follows the principles of Resolution ITU-R 65"),
    ),
    "itu-r-rec-m.2160": (
        (
            "itu-r-rep-m.2516",
            "the IMT-2030 framework builds on the future technology trends towards 2030 and beyond",
        ),
    ),
    "itu-t-rec-g.8300": (
        ("itu-t-rec-y.3101", "transport network characteristics serve the IMT-2020 network"),
    ),
}
GROUP_OVERRIDES = {
    # Records without a responsible group; the X.1000-series security Recommendations are
    # Study Group 17's (ITU-T SG17 web pages).
    "itu-t-rec-x.1205": "itu-t-sg17",
    "itu-t-rec-x.1231": "itu-t-sg17",
    "itu-t-rec-x.1245": "itu-t-sg17",
    "itu-t-rec-x.1303": "itu-t-sg17",
}
# ITU-R records name no group and the series letter only gives the study group. Where the
# working party is public knowledge, it is named: WP 5D is responsible for the IMT terrestrial
# Recommendations and Reports (its own pages; WTSA Resolution 38, considering b); WP 5A for public
# protection and disaster relief (its Working Group 5A-3 and the M.[PPDR SPECTRUM] / M.2377 work
# plan in Document 5A/298).
WP5D_WORKS = (
    "itu-r-rec-m.1457", "itu-r-rec-m.2012", "itu-r-rec-m.2150", "itu-r-rec-m.2160",
    "itu-r-rec-m.2101", "itu-r-rec-m.2070", "itu-r-rec-m.2071", "itu-r-rec-m.1645",
    "itu-r-rep-m.2410", "itu-r-rep-m.2411", "itu-r-rep-m.2412", "itu-r-rep-m.2320",
    "itu-r-rep-m.2370", "itu-r-rep-m.2375", "itu-r-rep-m.2376", "itu-r-rep-m.2290",
    "itu-r-rep-m.2441", "itu-r-rep-m.2516", "itu-r-rep-m.2134",
)  # fmt: skip
WP5A_WORKS = ("itu-r-rec-m.2009", "itu-r-rec-m.2015", "itu-r-rep-m.2377", "itu-r-rep-m.2415")
GROUP_OVERRIDES.update(dict.fromkeys(WP5D_WORKS, "itu-r-wp5d"))
GROUP_OVERRIDES.update(dict.fromkeys(WP5A_WORKS, "itu-r-wp5a"))
EQUIVALENTS = {
    # The technologies Recommendation ITU-R M.2150 specifies (its own scope clause).
    "itu-r-rec-m.2150": ("3GPP 5G-SRIT", "3GPP 5G-RIT", "TSDSI 5Gi", "ETSI DECT-2020 NR"),
}

ROADMAPS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    (
        "itu-t-imt",
        "itu-t",
        "imt",
        "ITU-T roadmap of IMT standardization activities (Resolution 38)",
        (
            "itu-t-sup-y-59",
            "itu-t-rec-y.3100",
            "itu-t-rec-y.3101",
            "itu-t-rec-y.3102",
            "itu-t-rec-y.3104",
            "itu-t-rec-y.3110",
            "itu-t-rec-y.3112",
            "itu-t-rec-y.3172",
            "itu-t-rec-q.5001",
            "itu-t-rec-q.5020",
            "itu-t-rec-g.8300",
            "itu-t-sup-g-67",
            "itu-t-rec-x.1811",
            "itu-t-rec-x.1812",
            "itu-t-rec-x.1814",
            "itu-t-sup-k-9",
            "itu-t-rec-e.812",
        ),
    ),
    (
        "itu-r-imt",
        "itu-r",
        "imt",
        "ITU-R IMT-2020 and IMT-2030 deliverables (Working Party 5D)",
        (
            M2083,
            "itu-r-res-65",
            "itu-r-rep-m.2320",
            "itu-r-rep-m.2376",
            "itu-r-rep-m.2410",
            "itu-r-rep-m.2411",
            "itu-r-rep-m.2412",
            "itu-r-rec-m.2150",
            "itu-r-rep-m.2516",
            "itu-r-rec-m.2160",
            "itu-r-q229-5",
            "itu-r-imt-2030-tech-perf-req",
            "itu-r-imt-2030-eval",
            "itu-r-imt-2030-process",
            "itu-r-imt-2030-specs",
        ),
    ),
    (
        "itu-r-emergency-telecommunications",
        "itu-r",
        "emergency-telecommunications",
        "ITU-R public protection and disaster relief",
        (
            "itu-r-rec-m.2009",
            "itu-r-rec-m.2015",
            "itu-r-rep-m.2377",
            "itu-r-rep-m.2415",
            "itu-r-rec-m.1637",
            "itu-r-rep-bt.2299",
            "itu-r-res-55",
        ),
    ),
    (
        "itu-t-emergency-telecommunications",
        "itu-t",
        "emergency-telecommunications",
        "ITU-T telecommunications for disaster relief and early warning",
        (
            "itu-t-rec-e.106",
            "itu-t-rec-e.107",
            "itu-t-rec-e.161.1",
            "itu-t-rec-y.1271",
            "itu-t-rec-y.2205",
            "itu-t-rec-x.1303",
        ),
    ),
    (
        "itu-t-emc",
        "itu-t",
        "emc",
        "ITU-T human exposure to electromagnetic fields (K-series)",
        (
            "itu-t-rec-k.52",
            "itu-t-rec-k.61",
            "itu-t-rec-k.70",
            "itu-t-rec-k.91",
            "itu-t-rec-k.100",
            "itu-t-rec-k.121",
            "itu-t-rec-k.145",
            "itu-t-sup-k-9",
            "itu-t-sup-k-16",
        ),
    ),
    (
        "itu-t-climate-change",
        "itu-t",
        "climate-change",
        "ITU-T ICTs, environment and climate change (L-series)",
        (
            "itu-t-rec-l.1410",
            "itu-t-rec-l.1420",
            "itu-t-rec-l.1450",
            "itu-t-rec-l.1470",
            "itu-t-rec-l.1471",
            "itu-t-rec-l.1480",
            "itu-t-rec-l.1030",
            "itu-t-rec-l.1020",
            "wtsa-res-79",
            "itu-t-work-item-l.1031rev",
            "itu-t-work-item-l.1480rev",
            "itu-t-work-item-l.biodiversity-footprint",
            "itu-t-work-item-l.biodiversity-opportunities",
            "itu-t-work-item-l.1472",
        ),
    ),
)
ROADMAPS += (
    (
        "itu-d-imt",
        "itu-d",
        "imt",
        "ITU-D support for broadband and IMT deployment in developing countries",
        ("itu-d-q1-1", "wtdc-res-43"),
    ),
    (
        "itu-d-emergency-telecommunications",
        "itu-d",
        "emergency-telecommunications",
        "ITU-D disaster risk reduction and management",
        ("itu-d-q3-1", "wtdc-res-34"),
    ),
    (
        "itu-d-emc",
        "itu-d",
        "emc",
        "ITU-D human exposure to electromagnetic fields",
        ("itu-d-q7-2", "wtdc-res-62"),
    ),
)
# The plan of a published work where a public work plan gives it (issue 13): planned start and
# completion (`start`, `baseline_target`), release, stage. WP 5D's "Workplan, timeline, process
# and deliverables for the future development of IMT" (agreed at its 20th meeting, Table 1;
# copy at https://studylib.net/doc/12900701) planned the IMT-2020 technical performance
# requirements from meeting 23 (February 2016) to completion at meeting 26 (February 2017); the
# Report was published in November 2017 (its publication milestone). When WP 5D completed it is
# not recorded here, so `finished` is left empty and no slip is claimed. M.2160 was approved by
# RA-23 (November 2023, the ITU-R IMT-2030 page).
WP5D_PLAN = (
    "WP 5D work plan for IMT-2020 (20th meeting, Table 1: work start meeting 23, February 2016; "
    "completion meeting 26, February 2017; months stored as their first day)"
)
PLANS: dict[str, dict[str, Any]] = {
    "itu-r-rep-m.2410": {
        "start": date(2016, 2, 1),
        "baseline_target": date(2017, 2, 1),
        "stage": "approval",
        "period": "IMT-2020",
        "summary": WP5D_PLAN + ", https://studylib.net/doc/12900701",
    },
    "itu-r-rec-m.2160": {
        "finished": date(2023, 11, 1),
        "stage": "approval",
        "percent_complete": 100,
        "period": "IMT-2030",
    },
    "itu-r-rec-m.2150": {"period": "IMT-2020"},
    "itu-r-rep-m.2516": {"period": "IMT-2030"},
}

ROADMAP_SOURCES = {
    "itu-t-imt": "ITU-T Y Suppl. 59, IMT-2020 and beyond standardization roadmap; "
    "https://www.itu.int/rec/T-REC-Y.Sup59",
    "itu-r-imt": "ITU-R Working Party 5D pages and the publications listed; "
    "https://www.itu.int/en/ITU-R/study-groups/rsg5/rwp5d/imt-2020/Pages/default.aspx",
    "itu-t-climate-change": "the publications listed, and the ITU-T SG5 Q9/5 work plan "
    "(https://itu.int/en/ITU-T/studygroups/2022-2024/05/Pages/Work-plan-Q9.aspx) for the work items",  # noqa: E501
}


def plain(activity: Activity) -> dict[str, Any]:
    """The file form of an activity: only the fields that differ from their default."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(activity):
        value = getattr(activity, f.name)
        if f.default is not dataclasses.MISSING and value == f.default:
            continue
        out[f.name] = _plain(value)
    return out


def _plain(value: object) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Milestone):
        return {"name": value.name, "date": value.date.isoformat()}
    if isinstance(value, Dependency):
        return {"on": value.on, "reason": value.reason}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def curated(found: dict[str, Activity]) -> list[Activity]:
    """The chosen works with the subjects, dependencies and overrides added."""
    subjects: dict[str, list[str]] = {}
    for subject, works in SUBJECT_WORKS.items():
        for work in works:
            subjects.setdefault(work, []).append(subject)
    missing = sorted(set(subjects) - set(found))
    if missing:
        raise SystemExit(f"not in the publications file: {missing}")
    return [
        dataclasses.replace(
            found[work],
            subjects=tuple(dict.fromkeys(chosen)),
            group=GROUP_OVERRIDES.get(work, found[work].group),
            equivalents=EQUIVALENTS.get(work, ()),
            dependencies=tuple(Dependency(on, why) for on, why in DEPENDENCIES.get(work, ())),
            **_plan(found[work]),
        )
        for work, chosen in subjects.items()
    ]


def _plan(activity: Activity) -> dict[str, Any]:
    """The fields `PLANS` sets on `activity`; a summary is added after the record's own."""
    plan = dict(PLANS.get(activity.id, {}))
    if "summary" in plan and activity.summary:
        plan["summary"] = f"{activity.summary} Plan: {plan['summary']}."
    return plan


HAND_WRITTEN = (
    "activities-assemblies.yaml",
    "activities-plans.yaml",
    "activities-itu-d.yaml",
    "activities-work-items.yaml",
)


def hand_milestones() -> dict[str, list[dict[str, Any]]]:
    """Milestones of the hand-written activities, for their roadmap entries."""
    found: dict[str, list[dict[str, Any]]] = {}
    for name in HAND_WRITTEN:
        rows = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))["activities"]
        found.update({row["id"]: row.get("milestones", []) for row in rows})
    return found


def roadmaps(by_id: dict[str, Activity]) -> list[dict[str, Any]]:
    hand = hand_milestones()
    out = []
    for roadmap_id, sector, subject, title, works in ROADMAPS:
        entries = []
        for work in works:
            entry: dict[str, Any] = {"activity": work}
            if work in by_id and by_id[work].milestones:
                entry["milestones"] = _plain(by_id[work].milestones)
            elif hand.get(work):
                entry["milestones"] = hand[work]
            entries.append(entry)
        source = ROADMAP_SOURCES.get(roadmap_id, "the publications listed (their own sources)")
        out.append(
            {
                "id": roadmap_id,
                "sector": sector,
                "subject": subject,
                "title": title,
                "entries": entries,
                "source": source,
            }
        )
    return out


def write(name: str, key: str, items: Iterable[dict[str, Any]], header: str) -> None:
    text = yaml.safe_dump({key: list(items)}, sort_keys=False, allow_unicode=True, width=100)
    (HERE / name).write_text(header + text, encoding="utf-8")


HEADER = (
    "# SAMPLE DATA, generated by make_sample.py from the real ITU publication metadata\n"
    "# (Relaton project, relaton/relaton-data-itu @ daa9deb, crawled from itu.int).\n"
    "# Titles, summaries, status, groups, milestones and sources are the records'; subjects,\n"
    "# dependencies and the few overrides are listed in make_sample.py. See README.md.\n"
)


ROADMAP_HEADER = (
    "# SAMPLE DATA, generated by make_sample.py. One Sector's plan for one subject (Resolution 38):\n"  # noqa: E501
    "# the entries are chosen in make_sample.py (ROADMAPS); their milestones are the publication\n"
    "# dates of the real ITU publication metadata (Relaton, relaton-data-itu @ daa9deb). ITU-D entries\n"  # noqa: E501
    "# have no milestones: none are recorded here. See README.md.\n"
)


def main(source: str) -> None:
    found = {a.id: a for a in load_publications(Path(source)).activities}
    chosen = curated(found)
    by_sector = {"itu-t": [], "itu-r": []}  # type: dict[str, list[dict[str, Any]]]
    for activity in sorted(chosen, key=lambda a: a.id):
        by_sector[activity.sector].append(plain(activity))
    for sector, rows in by_sector.items():
        write(f"activities-{sector}.yaml", "activities", rows, HEADER)
    write("roadmaps.yaml", "roadmaps", roadmaps({a.id: a for a in chosen}), ROADMAP_HEADER)
    print({sector: len(rows) for sector, rows in by_sector.items()})


if __name__ == "__main__":
    main(sys.argv[1])
