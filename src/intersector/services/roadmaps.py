"""Roadmaps and alignment checks (issue 3): the joined roadmap of a subject, the alignment
findings of the registry, the roadmap files, and the demo that puts the sample corpus through
them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypedDict

from intersector.coordination.alignment import (
    NO_COUNTERPART,
    Finding,
    Registry,
    check_alignment,
)
from intersector.coordination.roadmap import JoinedRoadmap, join_roadmaps
from intersector.domain.errors import InputError, ValidationError
from intersector.domain.registry import (
    SECTORS,
    Activity,
    Group,
    Liaison,
    Mechanism,
    Roadmap,
)
from intersector.reports import roadmap_html, roadmap_ics, roadmap_json, roadmap_xlsx
from intersector.services import lookups
from intersector.services.registry import ingest_paths, load_registry, open_registry
from intersector.settings import Settings
from intersector.store import Store

ROADMAP_FORMATS = ("table", "html", "xlsx", "json", "ics")


class RoadmapInputs(TypedDict):
    """What the joined view of a subject is built from (the keywords of `join_roadmaps` and
    `Registry.of`)."""

    roadmaps: list[Roadmap]
    activities: list[Activity]
    liaisons: list[Liaison]
    mechanisms: list[Mechanism]
    groups: list[Group]


def _today(today: date | None) -> date:
    return today if today is not None else date.today()


def _roadmap_inputs(store: Store, subject: str) -> RoadmapInputs:
    """What the joined view of `subject` reads: the activities tagged with it (withdrawn too),
    those its shown rows name (roadmap entries, dependencies) fetched one by one, its roadmaps,
    and every liaison, mechanism and group. Never the whole activity table."""
    tagged: list[Activity] = store.list("activity", subject=subject, include_withdrawn=True)
    roadmaps: list[Roadmap] = store.list("roadmap", subject=subject)
    maintained = {r.sector for r in roadmaps}
    entries = {e.activity for r in roadmaps for e in r.entries}
    rows = [a for a in tagged if a.sector not in maintained or a.id in entries]
    known = {a.id for a in tagged}
    named = (entries | {d.on for a in rows for d in a.dependencies}) - known
    extra = [store.get(Activity, i) for i in sorted(named) if store.exists("activity", i)]
    return {
        "roadmaps": roadmaps,
        "activities": [*tagged, *extra],
        "liaisons": store.list("liaison"),
        "mechanisms": store.list("mechanism"),
        "groups": store.list("group"),
    }


def _view_findings(view: JoinedRoadmap, inputs: RoadmapInputs) -> tuple[Finding, ...]:
    """The alignment findings about the roadmap shown: those involving one of its rows or
    roadmaps, and the subject's own (no counterpart); within its Sectors."""
    registry = Registry.of(**inputs)
    found = check_alignment(registry, view.today, subject=view.subject)
    shown = {row.activity for row in view.rows()} | {lane.roadmap_id for lane in view.lanes}
    sectors = {lane.sector for lane in view.lanes}
    return tuple(
        f
        for f in found
        if (f.check == NO_COUNTERPART or shown.intersection(f.items))
        and sectors.intersection(f.sectors)
    )


def joined_roadmap(
    store: Store, subject: str, *, sector: str = "", today: date | None = None
) -> tuple[JoinedRoadmap, tuple[Finding, ...]]:
    """The joined roadmap (JoinedRoadmap) of `subject` from the store, every Sector or only
    `sector`, and the alignment findings about it."""
    sector = lookups.sector(sector)
    found = lookups.named_subject(store, subject)
    inputs = _roadmap_inputs(store, found.id)
    sectors = (sector,) if sector else SECTORS
    view = join_roadmaps(found, today=_today(today), sectors=sectors, **inputs)
    return view, _view_findings(view, inputs)


def registry_findings(
    store: Store, *, subject: str = "", today: date | None = None
) -> tuple[Finding, ...]:
    """Every alignment finding of the registry (or those about `subject`, typed as people type
    it), most serious first."""
    about = lookups.subject(store, subject) or None
    registry = Registry.of(
        store.iter("activity", include_withdrawn=True),
        store.list("liaison"),
        store.list("mechanism"),
        store.list("roadmap"),
        store.list("group"),
    )
    return check_alignment(registry, _today(today), subject=about)


def build_roadmap(
    settings: Settings, subject: str, *, sector: str = "", today: date | None = None
) -> tuple[JoinedRoadmap, tuple[Finding, ...]]:
    """`intersector roadmap`: the joined view of `subject` and the findings about it."""
    with open_registry(settings) as store:
        return joined_roadmap(store, subject, sector=sector, today=today)


def check_registry(
    settings: Settings, *, subject: str = "", today: date | None = None
) -> tuple[Finding, ...]:
    """`intersector check`: the alignment findings of the registry at `settings.database_url`."""
    with open_registry(settings) as store:
        return registry_findings(store, subject=subject, today=today)


def sample_folder(settings: Settings, given: Path | None = None) -> Path:
    """The sample corpus `demo` loads, from any working directory: `given` (--sample), else
    `INTERSECTOR_SAMPLE`, else `./data/sample`, else the `data/sample` of the checkout this
    package runs from. InputError naming the places looked at when none holds `registry/`."""
    import intersector

    here = Path("data") / "sample"
    checkout = Path(intersector.__file__).resolve().parents[2] / "data" / "sample"
    if given is not None:
        places = [given]
    elif settings.sample:
        places = [Path(settings.sample)]
    else:
        places = [here, checkout]
    for place in places:
        if (place / "registry").is_dir():
            return place
    raise InputError(
        "no sample corpus (a folder holding registry/ and texts/) at "
        + " or ".join(str(p) for p in places)
        + ": give --sample FOLDER or set INTERSECTOR_SAMPLE",
        source=str(places[0]),
    )


def run_demo(
    settings: Settings,
    sample: str | Path | None,
    output: str | Path,
    *,
    subject: str = "imt",
    today: date | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """`intersector demo` (`make demo`): load the sample registry (`SAMPLE/registry`) and ingest
    the sample texts (`SAMPLE/texts`) into the store of `settings`, build the joined roadmap of
    `subject` and every alignment finding, and write the HTML roadmap to `output`. `sample` None:
    found by `sample_folder`. `on_stage` is told each stage as it starts. Returns what was done:
    `summary` (SaveSummary), `problems` (registry rows refused), `texts` (stored), `failed`
    (texts not parsed), `view`, `findings` (about the roadmap), `all_findings`, `sample`."""
    stage = on_stage or (lambda _label: None)
    folder = sample_folder(settings, Path(sample) if sample is not None else None)
    registry_dir, texts_dir = folder / "registry", folder / "texts"
    stage("loading the sample registry")
    result, summary = load_registry(settings, [registry_dir])
    stage("ingesting the sample texts")
    texts, failed = ingest_paths(settings, [texts_dir]) if texts_dir.is_dir() else ([], [])
    stage(f"building the {subject} roadmap")
    view, findings = build_roadmap(settings, subject, today=today)
    stage("checking alignment")
    all_findings = check_registry(settings, today=view.today)
    Path(output).write_bytes(roadmap_file(view, findings, "html"))
    return {
        "summary": summary,
        "problems": result.errors,
        "texts": texts,
        "failed": failed,
        "view": view,
        "findings": findings,
        "all_findings": all_findings,
        "sample": folder,
    }


def roadmap_file(view: JoinedRoadmap, findings: tuple[Finding, ...], fmt: str) -> bytes:
    """The roadmap in a file format: html, xlsx, json or ics (bytes to write)."""
    if fmt == "html":
        return roadmap_html.roadmap_html(view, findings).encode()
    if fmt == "json":
        return roadmap_json.roadmap_json(view, findings).encode()
    if fmt == "xlsx":
        return roadmap_xlsx.roadmap_xlsx(view)
    if fmt == "ics":
        return roadmap_ics.roadmap_ics(view)
    raise ValidationError(
        f"unknown roadmap format {fmt!r}: use one of {', '.join(ROADMAP_FORMATS)}", field="format"
    )
