"""Deterministic registries of any size for the scale benchmarks (store, roadmap, overlap, web).

Nothing here is real ITU work: the items are synthetic, built from real vocabulary — English
titles and summaries of real ITU publications (`data/sample/registry/publications.jsonl`, the
Relaton extract shipped with the sample) and a small glossary of ITU terms in English, French and
Spanish — so that text analyses see realistic words. Identifiers are made so that they cannot be
mistaken for real ones (`Y.100123`, `Q1042/13`: numbers ITU never uses).

The same `seed` always gives the same registry, and item `i` depends only on (`seed`, `i`): the
first 10,000 activities of a 100k registry are the 10k registry's, and streaming gives exactly
what building in memory gives.

API
---
- `generate_registry(n_activities, *, seed=0, liaisons=None, roadmap_entries=50) -> Registry`
  all item types in memory (`Registry.items()` yields them in load order: sectors, groups,
  subjects, mechanisms, activities, liaisons, roadmaps).
- `iter_activities(n, *, seed=0, start=0) -> Iterator[Activity]` and
  `iter_liaisons(n, n_activities, *, seed=0) -> Iterator[Liaison]`: streaming, O(1) memory.
- `GROUPS`, `SUBJECTS`, `SECTORS`, `MECHANISMS`: the fixed items every registry has.
- `write_registry(path, n_activities, *, fmt="yaml"|"json", seed=0, liaisons=None)`: stream a
  registry file in the bulk-load format of `data/sample/registry/` (top-level keys `sectors`,
  `groups`, `subjects`, `mechanisms`, `activities`, `liaisons`; lists for tuples; ISO dates).
- `to_plain(item) -> dict`: one domain object as the file format's mapping.
- `load_real_publications(path=None) -> list[Activity] | None`: the FULL real file of 21,506
  ITU publication records (`INTERSECTOR_BENCH_PUBLICATIONS`, default
  `../shared/data/itu-registry/itu_publications.jsonl` next to the repository) through
  `intersector.files.relaton`; None when the file is absent, so a benchmark can skip.

Command line: `python -m bench.generate N [--seed S] [--format yaml|json] [--output FILE]`.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import IO, Any

from intersector.domain.ids import group_id, make_id, question_id, text_id
from intersector.domain.registry import (
    Activity,
    Dependency,
    Group,
    Liaison,
    Mechanism,
    Milestone,
    Roadmap,
    RoadmapEntry,
    Sector,
    Subject,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PUBLICATIONS = ROOT / "data" / "sample" / "registry" / "publications.jsonl"
DEFAULT_REAL_PUBLICATIONS = (
    ROOT.parent / "shared" / "data" / "itu-registry" / "itu_publications.jsonl"
)
SOURCE = "synthetic: bench/generate.py"
LANGUAGES = ("en", "en", "en", "en", "fr", "es")  # two thirds English, as in ITU work

SECTORS = (
    Sector("itu-r", "ITU Radiocommunication Sector", "br", "rag", source=SOURCE),
    Sector("itu-t", "ITU Telecommunication Standardization Sector", "tsb", "tsag", source=SOURCE),
    Sector("itu-d", "ITU Telecommunication Development Sector", "bdt", "tdag", source=SOURCE),
)


def _study_groups(sector: str, numbers: tuple[str, ...]) -> list[Group]:
    return [
        Group(
            group_id(sector, "sg", n),
            sector,
            "study-group",
            f"Study Group {n}",
            f"SG{n}",
            source=SOURCE,
        )
        for n in numbers
    ]


GROUPS: tuple[Group, ...] = (
    *_study_groups("itu-r", ("1", "3", "4", "5", "6", "7")),
    *[
        Group(
            group_id("itu-r", "wp", wp),
            "itu-r",
            "working-party",
            f"Working Party {wp}",
            f"WP {wp}",
            parent="itu-r-sg5",
            source=SOURCE,
        )
        for wp in ("5A", "5B", "5C", "5D")
    ],
    *_study_groups("itu-t", ("2", "3", "5", "11", "12", "13", "15", "17", "20", "21")),
    *_study_groups("itu-d", ("1", "2")),
    Group(
        "rag", "itu-r", "advisory-group", "Radiocommunication Advisory Group", "RAG", source=SOURCE
    ),
    Group(
        "tsag",
        "itu-t",
        "advisory-group",
        "Telecommunication Standardization Advisory Group",
        "TSAG",
        source=SOURCE,
    ),
    Group(
        "tdag",
        "itu-d",
        "advisory-group",
        "Telecommunication Development Advisory Group",
        "TDAG",
        source=SOURCE,
    ),
)

# Subject → (English, French, Spanish) topics and the groups that work on it.
TOPICS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "imt": (
        ("the IMT-2020 network", "le réseau IMT-2020", "la red IMT-2020"),
        ("network slicing", "le découpage du réseau en tranches", "la segmentación de la red"),
        (
            "IMT-2030 radio interfaces",
            "les interfaces radioélectriques IMT-2030",
            "las interfaces radioeléctricas IMT-2030",
        ),
        ("fronthaul transport", "le transport fronthaul", "el transporte de fronthaul"),
        ("mobile broadband", "le large bande mobile", "la banda ancha móvil"),
    ),
    "emc": (
        (
            "human exposure to electromagnetic fields",
            "l'exposition des personnes aux champs électromagnétiques",
            "la exposición de las personas a los campos electromagnéticos",
        ),
        (
            "electromagnetic compatibility of telecommunication equipment",
            "la compatibilité électromagnétique des équipements de télécommunication",
            "la compatibilidad electromagnética de los equipos de telecomunicaciones",
        ),
        ("lightning protection", "la protection contre la foudre", "la protección contra el rayo"),
    ),
    "middleware": (
        ("IPTV middleware", "l'intergiciel IPTV", "el middleware de TVIP"),
        ("service platforms", "les plates-formes de service", "las plataformas de servicio"),
    ),
    "audiovisual-delivery": (
        ("video coding", "le codage vidéo", "la codificación de vídeo"),
        (
            "cable television networks",
            "les réseaux de télévision par câble",
            "las redes de televisión por cable",
        ),
        ("immersive media", "les médias immersifs", "los medios inmersivos"),
    ),
    "accessibility": (
        (
            "accessible telecommunication services",
            "les services de télécommunication accessibles",
            "los servicios de telecomunicaciones accesibles",
        ),
        ("persons with disabilities", "les personnes handicapées", "las personas con discapacidad"),
        (
            "captioning and sign language",
            "le sous-titrage et la langue des signes",
            "el subtitulado y la lengua de señas",
        ),
    ),
    "emergency-telecommunications": (
        (
            "emergency telecommunications",
            "les télécommunications d'urgence",
            "las telecomunicaciones de emergencia",
        ),
        (
            "disaster relief",
            "les secours en cas de catastrophe",
            "el socorro en caso de catástrofe",
        ),
        ("public warning", "l'alerte du public", "la alerta pública"),
    ),
    "climate-change": (
        (
            "energy efficiency of ICT",
            "l'efficacité énergétique des TIC",
            "la eficiencia energética de las TIC",
        ),
        (
            "e-waste and the circular economy",
            "les déchets d'équipements électriques et électroniques et l'économie circulaire",
            "los residuos electrónicos y la economía circular",
        ),
        (
            "greenhouse gas emissions of the ICT sector",
            "les émissions de gaz à effet de serre du secteur des TIC",
            "las emisiones de gases de efecto invernadero del sector de las TIC",
        ),
    ),
    "cybersecurity": (
        (
            "security of IMT-2020 networks",
            "la sécurité des réseaux IMT-2020",
            "la seguridad de las redes IMT-2020",
        ),
        ("identity management", "la gestion d'identité", "la gestión de identidad"),
        ("countering spam", "la lutte contre le spam", "la lucha contra el correo basura"),
    ),
}
HEADS = (
    ("Requirements for", "Exigences relatives à", "Requisitos para"),
    ("Architecture of", "Architecture de", "Arquitectura de"),
    ("Framework for", "Cadre pour", "Marco para"),
    ("Guidelines on", "Lignes directrices sur", "Directrices sobre"),
    ("Measurement methods for", "Méthodes de mesure pour", "Métodos de medición para"),
    ("Test specification for", "Spécification d'essai pour", "Especificación de pruebas para"),
    ("Use cases of", "Cas d'utilisation de", "Casos de uso de"),
    (
        "Policies and strategies for",
        "Politiques et stratégies pour",
        "Políticas y estrategias para",
    ),
)
QUALIFIERS = (
    ("", "", ""),
    (" in developing countries", " dans les pays en développement", " en los países en desarrollo"),
    (
        " based on machine learning",
        " fondé sur l'apprentissage automatique",
        " basado en el aprendizaje automático",
    ),
    (
        " in rural and remote areas",
        " dans les zones rurales et isolées",
        " en las zonas rurales y distantes",
    ),
)
SUMMARIES = (
    "This text specifies {x}.",
    "Ce texte spécifie {x}.",
    "Este texto especifica {x}.",
)
SUBJECT_GROUPS: dict[str, tuple[str, ...]] = {
    "imt": ("itu-r-wp5d", "itu-r-wp5a", "itu-t-sg13", "itu-t-sg11", "itu-t-sg15", "itu-d-sg1"),
    "emc": ("itu-t-sg5", "itu-r-sg1", "itu-d-sg2"),
    "middleware": ("itu-t-sg21", "itu-t-sg13"),
    "audiovisual-delivery": ("itu-t-sg21", "itu-r-sg6", "itu-d-sg1"),
    "accessibility": ("itu-t-sg21", "itu-t-sg2", "itu-d-sg1", "itu-r-sg6"),
    "emergency-telecommunications": ("itu-t-sg2", "itu-r-wp5a", "itu-r-sg4", "itu-d-sg2"),
    "climate-change": ("itu-t-sg5", "itu-r-sg7", "itu-d-sg2"),
    "cybersecurity": ("itu-t-sg17", "itu-t-sg13", "itu-d-sg2"),
}
SUBJECT_LABELS = {
    "imt": ("IMT", "IMT", "IMT"),
    "emc": (
        "Electromagnetic compatibility",
        "Compatibilité électromagnétique",
        "Compatibilidad electromagnética",
    ),
    "middleware": ("Middleware", "Intergiciel", "Middleware"),
    "audiovisual-delivery": (
        "Audiovisual delivery",
        "Diffusion audiovisuelle",
        "Distribución audiovisual",
    ),
    "accessibility": ("Accessibility", "Accessibilité", "Accesibilidad"),
    "emergency-telecommunications": (
        "Emergency telecommunications",
        "Télécommunications d'urgence",
        "Telecomunicaciones de emergencia",
    ),
    "climate-change": (
        "ICTs and climate change",
        "TIC et changements climatiques",
        "Las TIC y el cambio climático",
    ),
    "cybersecurity": ("Cybersecurity", "Cybersécurité", "Ciberseguridad"),
}
SUBJECTS = tuple(
    Subject(key, labels=dict(zip(("en", "fr", "es"), labels, strict=True)), source=SOURCE)
    for key, labels in SUBJECT_LABELS.items()
)
MECHANISMS = (
    Mechanism(
        "jtg-4-5-6-7",
        "joint-task-group",
        "Joint Task Group 4-5-6-7",
        members=("itu-r-sg5",),
        subjects=("imt",),
        source=SOURCE,
    ),
    Mechanism(
        "iscg",
        "intersector-team",
        "Inter-Sector Coordination Group",
        members=("rag", "tsag", "tdag"),
        subjects=tuple(SUBJECT_LABELS),
        source=SOURCE,
    ),
    Mechanism(
        "iett",
        "intersector-team",
        "Inter-sectoral Emergency Telecommunication Team",
        members=("itu-t-sg2", "itu-d-sg2"),
        subjects=("emergency-telecommunications",),
        source=SOURCE,
    ),
)
STATUSES = (
    ("active", 40),
    ("in-force", 25),
    ("approved", 10),
    ("consented", 5),
    ("proposed", 6),
    ("determined", 2),
    ("superseded", 6),
    ("suppressed", 4),
    ("withdrawn", 2),
)
_STATUS_NAMES = tuple(s for s, _ in STATUSES)
_STATUS_WEIGHTS = tuple(w for _, w in STATUSES)
SERIES = {"itu-t": "Y", "itu-r": "M", "itu-d": "D"}
EPOCH = date(2016, 1, 1)


@dataclass(frozen=True)
class Registry:
    """A whole generated registry, every item type, in load order."""

    sectors: tuple[Sector, ...]
    groups: tuple[Group, ...]
    subjects: tuple[Subject, ...]
    mechanisms: tuple[Mechanism, ...]
    activities: tuple[Activity, ...]
    liaisons: tuple[Liaison, ...]
    roadmaps: tuple[Roadmap, ...]

    def items(self) -> Iterator[object]:
        for name in (
            "sectors",
            "groups",
            "subjects",
            "mechanisms",
            "activities",
            "liaisons",
            "roadmaps",
        ):
            yield from getattr(self, name)


SUBJECT_WORDS: dict[str, tuple[str, ...]] = {
    "imt": ("IMT", "5G", "mobile"),
    "emc": ("electromagnetic", "EMF", "exposure", "lightning"),
    "middleware": ("middleware", "IPTV"),
    "audiovisual-delivery": ("video", "television", "audiovisual", "cable"),
    "accessibility": ("accessib", "disabilit", "caption"),
    "emergency-telecommunications": ("emergency", "disaster", "warning"),
    "climate-change": ("climate", "energy", "environment", "e-waste", "circular"),
    "cybersecurity": ("security", "cyber", "spam", "identity"),
}


@cache
def real_vocabulary() -> dict[str, tuple[tuple[str, str], ...]]:
    """Subject → (title, abstract) of the real English records of the shipped Relaton extract
    whose title names the subject."""
    found: dict[str, list[tuple[str, str]]] = {subject: [] for subject in SUBJECT_WORDS}
    if not SAMPLE_PUBLICATIONS.exists():
        return {}
    with SAMPLE_PUBLICATIONS.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            title = " ".join(str(record.get("title", {}).get("en", "")).split())
            abstract = " ".join(str(record.get("abstract", {}).get("en", "")).split())
            for subject, words in SUBJECT_WORDS.items():
                if title and any(w.lower() in title.lower() for w in words):
                    found[subject].append((title, abstract))
    return {subject: tuple(pairs) for subject, pairs in found.items() if pairs}


_STREAMS = {"identity": 1, "activity": 2, "liaison": 3}


def _rng(seed: int, kind: str, index: int) -> random.Random:
    """The random stream of item `index` of `kind`: an integer seed (cheap, no hashing)."""
    return random.Random((seed * 8 + _STREAMS[kind]) * 4_294_967_311 + index)


@dataclass(frozen=True)
class _Identity:
    subject: str
    group: str
    sector: str
    kind: str
    identifier: str
    id: str


@lru_cache(maxsize=65536)
def _identity_of(index: int, seed: int) -> _Identity:
    """What names activity `index`: cheap, so that dependencies and liaisons can point at it."""
    rng = _rng(seed, "identity", index)
    subject = rng.choice(tuple(TOPICS))
    group = rng.choice(SUBJECT_GROUPS[subject])
    sector = group[:5]
    kind, identifier, item_id = _identity(rng, index, sector, group)
    return _Identity(subject, group, sector, kind, identifier, item_id)


def make_activity(index: int, *, seed: int = 0) -> Activity:
    """Activity number `index` of the registry of `seed` (depends on nothing else)."""
    who = _identity_of(index, seed)
    rng = _rng(seed, "activity", index)
    language = rng.choice(LANGUAGES)
    title, summary = _text(rng, who.subject, language)
    start = EPOCH + timedelta(days=rng.randrange(0, 12 * 365))
    target = start + timedelta(days=rng.randrange(180, 4 * 365))
    return Activity(
        id=who.id,
        sector=who.sector,
        kind=who.kind,
        identifier=who.identifier,
        title=title,
        group=who.group,
        summary=summary,
        language=language,
        subjects=_subjects(rng, who.subject),
        status=rng.choices(_STATUS_NAMES, _STATUS_WEIGHTS)[0],
        start=start,
        target=target,
        editors=tuple(f"Editor {rng.randrange(1, 5000)}" for _ in range(rng.randrange(0, 3))),
        dependencies=_dependencies(rng, index, seed),
        milestones=_milestones(rng, start, target),
        source=SOURCE,
    )


def _text(rng: random.Random, subject: str, language: str) -> tuple[str, str]:
    real = real_vocabulary().get(subject, ())
    if language == "en" and real and rng.random() < 0.5:
        return real[rng.randrange(len(real))]
    lang = ("en", "fr", "es").index(language)
    topic = rng.choice(TOPICS[subject])[lang]
    head = rng.choice(HEADS)[lang]
    qualifier = rng.choice(QUALIFIERS)[lang]
    return f"{head} {topic}{qualifier}", SUMMARIES[lang].format(x=f"{topic}{qualifier}")


def _identity(rng: random.Random, index: int, sector: str, group: str) -> tuple[str, str, str]:
    number = group.rsplit("-", 1)[-1].removeprefix("sg").removeprefix("wp")
    if sector == "itu-d" or rng.random() < 0.25:
        if sector == "itu-d":
            identifier = f"Question {1000 + index}/{number}"
        else:
            identifier = f"Q{1000 + index}/{number}"
        return "question", identifier, question_id(sector, str(1000 + index), number)
    kind = "recommendation" if rng.random() < 0.8 else "report"
    identifier = f"{SERIES[sector]}.{100000 + index}"
    return kind, identifier, text_id(sector, kind, identifier)


def _subjects(rng: random.Random, subject: str) -> tuple[str, ...]:
    if rng.random() < 0.15:
        other = rng.choice(tuple(TOPICS))
        if other != subject:
            return (subject, other)
    return (subject,)


def _dependencies(rng: random.Random, index: int, seed: int) -> tuple[Dependency, ...]:
    if index == 0 or rng.random() > 0.2:
        return ()
    picks = sorted({rng.randrange(0, index) for _ in range(rng.randrange(1, 3))})
    return tuple(
        Dependency(on=activity_id(j, seed=seed), reason="builds on its results") for j in picks
    )


def _milestones(rng: random.Random, start: date, target: date) -> tuple[Milestone, ...]:
    span = (target - start).days
    names = ("first draft", "consent", "approval")
    count = rng.randrange(0, 4)
    return tuple(
        Milestone(names[k], start + timedelta(days=span * (k + 1) // (count + 1)))
        for k in range(count)
    )


def activity_id(index: int, *, seed: int = 0) -> str:
    """The id of activity `index` without building the rest of it."""
    return _identity_of(index, seed).id


def iter_activities(n: int, *, seed: int = 0, start: int = 0) -> Iterator[Activity]:
    """Activities `start` … `n - 1`, one at a time."""
    for index in range(start, n):
        yield make_activity(index, seed=seed)


def make_liaison(index: int, n_activities: int, *, seed: int = 0) -> Liaison:
    """Liaison statement number `index`, about activities among the first `n_activities`."""
    rng = _rng(seed, "liaison", index)
    about = [_identity_of(rng.randrange(n_activities), seed) for _ in range(rng.randrange(1, 3))]
    source_group = about[0].group
    targets = sorted(
        {g for g in (rng.choice(GROUPS).id, rng.choice(GROUPS).id) if g != source_group}
    )
    sent = EPOCH + timedelta(days=rng.randrange(0, 11 * 365))
    state = rng.choices(("draft", "sent", "answered", "closed"), (5, 50, 30, 15))[0]
    replies = f"gen-ls-{rng.randrange(index)}" if index and rng.random() < 0.3 else ""
    topic = rng.choice(TOPICS[about[0].subject])[0]
    title = f"LS on {about[0].identifier} ({topic})"
    return Liaison(
        id=f"gen-ls-{index}",
        from_group=source_group,
        title=title,
        for_action=tuple(targets[:1]),
        for_information=tuple(targets[1:]),
        sent=None if state == "draft" else sent,
        deadline=sent + timedelta(days=rng.randrange(60, 240)) if targets else None,
        state=state,
        replies_to=replies,
        activities=tuple(a.id for a in about),
        reference=f"GEN-LS{index}",
        source=SOURCE,
    )


def iter_liaisons(n: int, n_activities: int, *, seed: int = 0) -> Iterator[Liaison]:
    """Liaisons 0 … `n - 1`, one at a time."""
    if n_activities <= 0:
        return
    for index in range(n):
        yield make_liaison(index, n_activities, seed=seed)


def make_roadmaps(activities: tuple[Activity, ...], entries: int) -> tuple[Roadmap, ...]:
    """One maintained roadmap per (Sector, subject), with its first `entries` activities."""
    lanes: dict[tuple[str, str], list[RoadmapEntry]] = {}
    for activity in activities:
        lane = lanes.setdefault((activity.sector, activity.subjects[0]), [])
        if len(lane) < entries:
            lane.append(RoadmapEntry(activity.id, activity.milestones))
    return tuple(
        Roadmap(
            make_id(sector, subject),
            sector,
            subject,
            f"{sector} roadmap for {subject}",
            tuple(lane),
            source=SOURCE,
        )
        for (sector, subject), lane in sorted(lanes.items())
    )


def generate_registry(
    n_activities: int, *, seed: int = 0, liaisons: int | None = None, roadmap_entries: int = 50
) -> Registry:
    """A registry of `n_activities` activities and (by default) one liaison per five."""
    activities = tuple(iter_activities(n_activities, seed=seed))
    n_liaisons = n_activities // 5 if liaisons is None else liaisons
    return Registry(
        sectors=SECTORS,
        groups=GROUPS,
        subjects=SUBJECTS,
        mechanisms=MECHANISMS,
        activities=activities,
        liaisons=tuple(iter_liaisons(n_liaisons, n_activities, seed=seed)),
        roadmaps=make_roadmaps(activities, roadmap_entries),
    )


def to_plain(item: object) -> dict[str, Any]:
    """A domain object as the registry file format's mapping (ISO dates, lists for tuples)."""
    if not dataclasses.is_dataclass(item) or isinstance(item, type):
        raise TypeError(f"not a domain object: {item!r}")
    return {f.name: _plain(getattr(item, f.name)) for f in dataclasses.fields(item)}


def _plain(value: object) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_plain(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def write_registry(
    path: Path | str,
    n_activities: int,
    *,
    fmt: str = "yaml",
    seed: int = 0,
    liaisons: int | None = None,
) -> Path:
    """Stream a registry file (activities and liaisons never all in memory)."""
    target = Path(path)
    n_liaisons = n_activities // 5 if liaisons is None else liaisons
    sections: dict[str, Iterator[object]] = {
        "sectors": iter(SECTORS),
        "groups": iter(GROUPS),
        "subjects": iter(SUBJECTS),
        "mechanisms": iter(MECHANISMS),
        "activities": iter_activities(n_activities, seed=seed),
        "liaisons": iter_liaisons(n_liaisons, n_activities, seed=seed),
    }
    with target.open("w", encoding="utf-8") as out:
        (_write_yaml if fmt == "yaml" else _write_json)(out, sections)
    return target


def _write_yaml(out: IO[str], sections: Mapping[str, Iterator[object]]) -> None:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for name, items in sections.items():
        out.write(f"{name}:\n")
        for batch in _batches(items, 500):
            plain = [to_plain(item) for item in batch]
            out.write(yaml.dump(plain, Dumper=dumper, sort_keys=False, allow_unicode=True))


def _batches(items: Iterator[object], size: int) -> Iterator[list[object]]:
    batch: list[object] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_json(out: IO[str], sections: Mapping[str, Iterator[object]]) -> None:
    out.write("{")
    for number, (name, items) in enumerate(sections.items()):
        out.write(f'{"," if number else ""}\n"{name}": [')
        for count, item in enumerate(items):
            out.write(
                ("," if count else "") + "\n" + json.dumps(to_plain(item), ensure_ascii=False)
            )
        out.write("\n]")
    out.write("\n}\n")


def real_publications_path() -> Path:
    """Where the full real publications file is expected (env INTERSECTOR_BENCH_PUBLICATIONS)."""
    configured = os.environ.get("INTERSECTOR_BENCH_PUBLICATIONS", "")
    return Path(configured) if configured else DEFAULT_REAL_PUBLICATIONS


def load_real_publications(path: Path | None = None) -> list[Activity] | None:
    """All works of the full real Relaton file as Activities, or None when it is absent."""
    from intersector.files.relaton import load_publications

    source = path or real_publications_path()
    if not source.is_file():
        return None
    return list(load_publications(source).activities)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate", description=__doc__.split("\n")[0]
    )
    parser.add_argument("n", type=int, help="number of activities")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=("yaml", "json"), default="yaml")
    parser.add_argument("--output", default="")
    args = parser.parse_args(argv)
    output = args.output or f"registry-{args.n}.{args.format}"
    write_registry(output, args.n, fmt=args.format, seed=args.seed)
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
