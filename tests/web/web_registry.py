"""A small registry for the web tests: three Sectors working on IMT and emergency
telecommunications, with a maintained roadmap per Sector for IMT, a liaison thread (one reply),
an overdue liaison, a cross-Sector dependency, and users of every role. Built from domain objects
(test data in the shape of the real record; dates are illustrative)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from tests.builders import activity, roadmap, subject

from intersector.domain.documents import Document
from intersector.domain.registry import (
    Activity,
    Dependency,
    Group,
    Liaison,
    Mechanism,
    Milestone,
    Subject,
)
from intersector.domain.users import Token, User
from intersector.store import Store
from intersector.texts.parse import parse_document

TODAY = date(2025, 3, 1)
PASSWORD = "correct horse battery"
TEXTS = Path(__file__).parent.parent / "data" / "texts"
_HASH = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSWORD)

USERS = {
    "rita": User("rita", "reader", name="Rita Reader", password_hash=_HASH),
    "tom": User("tom", "editor", sectors=("itu-t",), name="Tom T-Editor", password_hash=_HASH),
    "rosa": User("rosa", "editor", sectors=("itu-r",), name="Rosa R-Editor", password_hash=_HASH),
    "cora": User("cora", "coordinator", name="Cora Coordinator", password_hash=_HASH),
    "adam": User("adam", "admin", name="Adam Admin", password_hash=_HASH),
}

SUBJECTS = [
    subject("imt"),
    Subject(
        "emergency-telecommunications",
        {
            "en": "Emergency telecommunications",
            "fr": "Télécommunications d'urgence",
            "es": "Telecomunicaciones de emergencia",
        },
    ),
]

GROUPS = [
    Group("itu-r-wp5d", "itu-r", "working-party", "Working Party 5D", "WP 5D", "itu-r-sg5"),
    Group("itu-r-sg5", "itu-r", "study-group", "ITU-R Study Group 5", "SG 5"),
    Group("itu-t-sg13", "itu-t", "study-group", "ITU-T Study Group 13", "SG13"),
    Group("itu-t-sg2", "itu-t", "study-group", "ITU-T Study Group 2", "SG2"),
    Group("itu-d-sg2", "itu-d", "study-group", "ITU-D Study Group 2", "SG2"),
]

STUDY_PERIOD = {"start": date(2022, 1, 1), "target": date(2025, 12, 31)}
ACTIVITIES = [
    activity(
        "itu-r-rec-m.2083",
        title="IMT Vision – Framework and overall objectives of the future development of IMT "
        "for 2020 and beyond",
        start=date(2012, 1, 1),
        target=date(2015, 9, 30),
    ),
    Activity(
        "itu-r-rec-m.2150",
        "itu-r",
        "recommendation",
        "M.2150",
        "Detailed specifications of the terrestrial radio interfaces of IMT-2020",
        group="itu-r-wp5d",
        subjects=("imt",),
        status="active",
        start=date(2019, 1, 1),
        target=date(2026, 6, 30),
        milestones=(Milestone("revision 2", date(2025, 6, 30)),),
        # the plan against what happened (issue 13): the target slipped a year from its baseline
        baseline_target=date(2025, 6, 30),
        percent_complete=80,
        stage="draft",
        period="IMT-2020",
    ),
    activity(
        "itu-t-rec-y.3101",
        start=date(2017, 1, 1),
        dependencies=(Dependency("itu-r-rec-m.2150", "radio interface specifications"),),
    ),
    Activity(
        "itu-t-q6-13",
        "itu-t",
        "question",
        "Q6/13",
        "Quality of service aspects including IMT-2020 networks",
        group="itu-t-sg13",
        subjects=("imt",),
        **STUDY_PERIOD,
    ),
    activity("itu-d-q5-2", **STUDY_PERIOD),
    activity("itu-d-q1-1", group="itu-d-sg2", subjects=("imt",), **STUDY_PERIOD),
]

LIAISONS = [
    Liaison(
        "wp5d-ls-imt-2020",
        "itu-r-wp5d",
        "Progress on IMT-2020 specifications",
        for_action=("itu-t-sg13",),
        sent=date(2024, 6, 1),
        deadline=date(2024, 10, 1),
        state="answered",
        activities=("itu-r-rec-m.2150",),
        reference="WP5D-LS-1",
    ),
    Liaison(
        "sg13-ls-reply-imt-2020",
        "itu-t-sg13",
        "Reply on IMT-2020 network requirements",
        for_information=("itu-r-wp5d",),
        sent=date(2024, 9, 15),
        state="sent",
        replies_to="wp5d-ls-imt-2020",
        activities=("itu-t-rec-y.3101",),
        reference="SG13-LS-2",
    ),
    Liaison(
        "sg2-ls-emergency",
        "itu-d-sg2",
        "Emergency telecommunications numbering",
        for_action=("itu-t-sg2",),
        sent=date(2024, 11, 1),
        deadline=date(2025, 1, 15),
        state="sent",
        activities=("itu-d-q5-2",),
        reference="SG2-LS-3",
    ),
]

MECHANISMS = [
    Mechanism(
        "iscg",
        "intersector-team",
        "Inter-Sector Coordination Group",
        members=("itu-r-wp5d", "itu-t-sg13"),
        subjects=("imt",),
    )
]

ROADMAPS = [
    roadmap("itu-r-imt", "itu-r-rec-m.2083", "itu-r-rec-m.2150", title="ITU-R roadmap for IMT"),
    roadmap(
        "itu-t-imt",
        "itu-t-rec-y.3101",
        "itu-t-q6-13",
        sector="itu-t",
        title="ITU-T roadmap for IMT",
    ),
]


def fill(store: Store, *, documents: bool = True) -> None:
    """Load the whole small registry (and the Resolution 57 texts) into `store`."""
    items = [*SUBJECTS, *GROUPS, *ACTIVITIES, *LIAISONS, *MECHANISMS, *ROADMAPS]
    store.save_many(items, author="fixture", reason="test registry")
    for user in USERS.values():
        store.save(user, author="fixture", reason="test user")
    fill_candidates(store)
    if documents:
        for document in _documents():
            store.save_document(document, author="fixture")


@cache
def _documents() -> tuple[Document, ...]:
    names = ("wtsa-res-57-en.txt", "wtsa-res-57-fr.txt")
    return tuple(parse_document((TEXTS / n).read_text(encoding="utf-8"), source=n) for n in names)


def read_token(store: Store, username: str, scopes: tuple[str, ...]) -> str:
    """A token for `username` with `scopes` (stored with a known secret)."""
    import hashlib

    secret = f"secret-of-{username}-{'-'.join(scopes)}"
    key = f"k{abs(hash((username, scopes))) % 10**8}"
    record = Token(
        key,
        username,
        scopes,
        hashlib.sha256(secret.encode()).hexdigest(),
        datetime(2025, 1, 1, tzinfo=UTC),
    )
    store.save(record, author="fixture", reason="test token")
    return f"isk_{key}_{secret}"


def candidate_row(left: str, right: str, score: float = 0.82) -> dict[str, object]:
    """A stored duplicate candidate in the shape `intersector overlaps` stores (no embedder run)."""
    by_id = {a.id: a for a in ACTIVITIES}

    def side(activity_id: str) -> dict[str, object]:
        a = by_id[activity_id]
        return {
            "id": a.id,
            "sector": a.sector,
            "group": a.group,
            "language": "en",
            "title": a.title,
            "when": None,
            "subjects": list(a.subjects),
            "version": "1",
        }

    first, second = sorted((left, right))
    return {
        "id": f"{first}~{second}",
        "left": side(first),
        "right": side(second),
        "score": score,
        "cosine": score,
        "lexical": score,
        "relation": "overlapping",
        "evidence": {"shared_concepts": ["imt-2020"], "shared_words": ["network"], "sentences": []},
        "review": None,
    }


def fill_candidates(store: Store) -> None:
    from intersector.store.analytics import replace_candidates

    replace_candidates(store, [candidate_row("itu-t-rec-y.3101", "itu-r-rec-m.2150")])
