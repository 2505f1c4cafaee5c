"""The migration to relational tables (`*_relational_registry.py`) carries a database of the 0004
release over to the relational tables, data
included: the sample corpus, users, tokens, reviews, corrections, a generic item and the session
key are written as the 0004 store wrote them (each item a JSON row of `items`, its subjects in
`item_subjects`, every version in `item_versions`), then the database is upgraded and every item
and every version is compared — on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.dialects import postgresql
from tests.conftest import PG_ADMIN_URL, _admin_connection

from intersector import services
from intersector.domain import codec
from intersector.domain.decisions import Correction, Review
from intersector.domain.registry import Activity, Liaison
from intersector.domain.users import Token, User
from intersector.files.registry import load_paths
from intersector.store import Store, open_store
from intersector.store.engine import MIGRATIONS, WRITE, connect
from intersector.store.kinds import KINDS
from intersector.store.repository import index_columns, subjects_of

SAMPLE = Path(__file__).parent.parent.parent / "data" / "sample" / "registry"
JSONData = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

# The generic tables as the 0004 release wrote them.
_old = sa.MetaData()
ITEMS = sa.Table(
    "items",
    _old,
    sa.Column("item_type", sa.String(40)),
    sa.Column("item_id", sa.String(300)),
    sa.Column("version", sa.Integer),
    sa.Column("withdrawn", sa.Boolean),
    sa.Column("sector", sa.String(40)),
    sa.Column("group_id", sa.String(300)),
    sa.Column("kind", sa.String(80)),
    sa.Column("status", sa.String(80)),
    sa.Column("data", JSONData),
    sa.Column("updated_at", sa.DateTime(timezone=True)),
    sa.Column("updated_by", sa.String(300)),
)
SUBJECTS = sa.Table(
    "item_subjects",
    _old,
    sa.Column("item_type", sa.String(40)),
    sa.Column("item_id", sa.String(300)),
    sa.Column("subject", sa.String(300)),
)
VERSIONS = sa.Table(
    "item_versions",
    _old,
    sa.Column("item_type", sa.String(40)),
    sa.Column("item_id", sa.String(300)),
    sa.Column("number", sa.Integer),
    sa.Column("author", sa.String(300)),
    sa.Column("at", sa.DateTime(timezone=True)),
    sa.Column("reason", sa.Text),
    sa.Column("data", JSONData),
)


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a database with no table at all (SQLite, then PostgreSQL)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    name = f"intersector_mig_{uuid.uuid4().hex[:12]}"
    with _admin_connection() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield sa.make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with _admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _relational() -> tuple[str, str]:
    """The migration to relational tables and the one before it (what the 0004 release's tables
    are still at: the migrations in between leave `items` alone)."""
    script = ScriptDirectory.from_config(_config())
    found = next(r for r in script.walk_revisions() if r.path.endswith("relational_registry.py"))
    assert isinstance(found.down_revision, str)
    return found.revision, found.down_revision


RELATIONAL, BEFORE = _relational()


def _migrate(engine: sa.Engine, revision: str, *, down: bool = False) -> None:
    config = _config()
    with engine.connect().execution_options(**{WRITE: True}) as connection, connection.begin():
        config.attributes["connection"] = connection
        if down:
            command.downgrade(config, revision)
        else:
            command.upgrade(config, revision)


def _histories() -> dict[tuple[str, str], list[object]]:
    """(type, id) → each version of the item, oldest first: the sample corpus at version 1,
    some items edited, withdrawn or restored since, and the kinds kept outside the registry."""
    found: dict[tuple[str, str], list[object]] = {}
    for item in load_paths([SAMPLE]).items:
        found[(codec.item_type_of(item).name, item.id)] = [item]
    activity = next(v[0] for k, v in found.items() if k[0] == "activity")
    liaison = next(v[0] for k, v in found.items() if k[0] == "liaison")
    assert isinstance(activity, Activity) and isinstance(liaison, Liaison)
    found[("activity", activity.id)] += [
        replace(activity, status="approved", subjects=(*activity.subjects, "emc")),
        replace(activity, withdrawn=True),
    ]
    found[("liaison", liaison.id)] += [replace(liaison, state="answered")]
    user = User(
        "ulla", "editor", ("itu-t",), ("itu-t-sg13",), "Ulla", "u@example.org", "$argon2id$x"
    )
    found[("user", "ulla")] = [user, replace(user, role="coordinator")]
    created = datetime(2026, 12, 1, 8, 30, 15, 123456, tzinfo=UTC)
    token = Token("a1b2c3", "ulla", ("read", "write"), "d" * 64, created, "script")
    found[("token", token.id)] = [token, replace(token, revoked=True)]
    review = Review("a~b", "confirmed", "a", "1", "b", "2", note="same work", reviewer="ulla")
    found[("overlap-review", review.id)] = [review]
    correction = Correction(activity.id, "emc", "remove", author="ulla")
    found[("subject-correction", correction.id)] = [correction]
    return found


GENERIC = {"id": "n1", "subjects": ["imt"], "status": "open", "colour": "red"}
SESSION_KEY = "k" * 64


def _write_at_0004(engine: sa.Engine, histories: dict[tuple[str, str], list[object]]) -> None:
    items: list[dict[str, Any]] = []
    versions: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    records: list[tuple[str, str, list[dict[str, Any]]]] = [
        (name, key, [codec.to_dict(item) for item in history])
        for (name, key), history in histories.items()
    ]
    records += [
        ("note", "n1", [GENERIC]),
        ("secret", "session-key", [{"id": "session-key", "value": SESSION_KEY}]),
    ]
    for name, key, datas in records:
        for number, data in enumerate(datas, 1):
            at = START + timedelta(minutes=number)
            versions.append(
                {
                    "item_type": name,
                    "item_id": key,
                    "number": number,
                    "author": f"a{number}",
                    "at": at,
                    "reason": f"why {number}",
                    "data": data,
                }
            )
        last = datas[-1]
        items.append(
            {
                "item_type": name,
                "item_id": key,
                "version": len(datas),
                "data": last,
                "updated_at": START + timedelta(minutes=len(datas)),
                "updated_by": f"a{len(datas)}",
                **index_columns(last),
            }
        )
        links += [{"item_type": name, "item_id": key, "subject": s} for s in subjects_of(last)]
    with engine.begin() as conn:
        conn.execute(ITEMS.insert(), items)
        conn.execute(VERSIONS.insert(), versions)
        conn.execute(SUBJECTS.insert(), links)


def test_the_migration_carries_every_item_and_every_version_over(empty_url: str) -> None:
    engine = connect(empty_url)
    _migrate(engine, BEFORE)
    histories = _histories()
    _write_at_0004(engine, histories)
    engine.dispose()

    with open_store(empty_url) as store:  # migrates to head
        for (name, key), history in histories.items():
            assert store.get(name, key) == history[-1], (name, key)
            found = store.history(name, key)
            assert [v.data for v in found] == [codec.to_dict(i) for i in history], (name, key)
            assert [(v.number, v.author, v.reason) for v in found] == [
                (n, f"a{n}", f"why {n}") for n in range(1, len(history) + 1)
            ]
            assert found[-1].at == START + timedelta(minutes=len(history))
            assert store.current(name, key).number == len(history)
        _same_lists(store, histories)
        assert store.get("note", "n1") == GENERIC
        assert store.list("note", subject="imt", status="open") == [GENERIC]
        assert services.session_key(store) == SESSION_KEY
        with store.read() as conn:
            left = conn.execute(sa.select(ITEMS.c.item_type)).scalars().all()
            secret_versions = conn.execute(
                sa.select(sa.func.count()).where(VERSIONS.c.item_type == "secret")
            ).scalar_one()
        assert left == ["note"] and secret_versions == 0
        _still_versioned(store, histories)


def _same_lists(store: Store, histories: dict[tuple[str, str], list[object]]) -> None:
    """Every kind lists the same items, and filters find what the items say."""
    for name in KINDS:
        stored = store.list(name, include_withdrawn=True)
        expected = sorted((h[-1] for (n, _), h in histories.items() if n == name), key=_id)
        assert sorted(stored, key=_id) == expected, name
    current = [h[-1] for (n, _), h in histories.items() if n == "activity"]
    for subject in ("imt", "emc"):
        wanted = sorted(a.id for a in current if subject in a.subjects and not a.withdrawn)
        assert [a.id for a in store.list("activity", subject=subject)] == wanted


def _id(item: Any) -> str:
    return str(item.id)


def _still_versioned(store: Store, histories: dict[tuple[str, str], list[object]]) -> None:
    """After the migration, a change is the next version and a stale one is refused."""
    liaison = histories[next(k for k in histories if k[0] == "liaison")][-1]
    assert isinstance(liaison, Liaison)
    saved = store.save(
        replace(liaison, state="closed"), author="b", reason="done", expected_version=2
    )
    assert saved.number == 3
    restored = store.restore("liaison", liaison.id, 1, author="b")
    assert (
        restored.number == 4
        and store.get(Liaison, liaison.id) == histories[("liaison", liaison.id)][0]
    )


def test_the_migration_downgrades_back_to_items(empty_url: str) -> None:
    engine = connect(empty_url)
    _migrate(engine, BEFORE)
    histories = _histories()
    _write_at_0004(engine, histories)
    with engine.connect() as conn:
        before = {(r.item_type, r.item_id): r for r in conn.execute(sa.select(ITEMS))}
    _migrate(engine, RELATIONAL)
    _migrate(engine, BEFORE, down=True)
    with engine.connect() as conn:
        after = {(r.item_type, r.item_id): r for r in conn.execute(sa.select(ITEMS))}
        links = conn.execute(sa.select(sa.func.count()).select_from(SUBJECTS)).scalar_one()
    engine.dispose()
    assert after.keys() == before.keys()
    for key, row in before.items():
        again = after[key]
        assert (again.data, again.version, again.withdrawn, again.status, again.group_id) == (
            row.data,
            row.version,
            row.withdrawn,
            row.status,
            row.group_id,
        ), key
    assert links == sum(len(subjects_of(r.data)) for r in before.values())


PLAN_COLUMNS = ("baseline_target", "finished", "percent_complete", "stage", "period")


def test_plans_kept_in_extra_move_into_their_columns_and_back(empty_url: str) -> None:
    """0007 (issue 13): a registry moved to relational tables before the plan had columns kept
    it in `extra`; the upgrade moves it into real columns (read back as the same activity), the
    downgrade puts it back into `extra`."""
    engine = connect(empty_url)
    _migrate(engine, RELATIONAL)
    plan = {"baseline_target": "2025-06-30", "percent_complete": 40, "stage": "draft"}
    with engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin():
        for name in PLAN_COLUMNS:  # the table as 0006 made it before these columns existed
            conn.execute(sa.text(f'ALTER TABLE activities DROP COLUMN "{name}"'))
        conn.execute(
            sa.text(
                "INSERT INTO activities (id, version, withdrawn, updated_at, updated_by, sector,"
                " kind, identifier, title, summary, language, status, start, target, editors,"
                " equivalents, documents, source, extra) VALUES ('itu-r-imt-2030-eval', 1,"
                " false, :at, 'old', 'itu-r', 'report', 'M.[IMT-2030.EVAL]', 'Guidelines', '',"
                " 'en', 'active', NULL, '2026-06-01', '[]', '[]', '[]', '', :extra)"
            ).bindparams(sa.bindparam("extra", type_=sa.JSON)),
            {"at": datetime(2026, 1, 1, tzinfo=UTC), "extra": plan},
        )
    _migrate(engine, "head")
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT * FROM activities")).mappings().one()
    assert (row["percent_complete"], row["stage"], row["period"]) == (40, "draft", "")
    assert str(row["baseline_target"])[:10] == "2025-06-30" and row["extra"] is None
    engine.dispose()
    with open_store(empty_url) as store:
        activity = store.get(Activity, "itu-r-imt-2030-eval")
    assert activity.slip_days() == (activity.target - activity.baseline_target).days == 336
    engine = connect(empty_url)
    _migrate(engine, RELATIONAL, down=True)
    with engine.connect() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("activities")}
        extra = conn.execute(sa.text("SELECT extra FROM activities")).scalar_one()
    engine.dispose()
    assert not columns & set(PLAN_COLUMNS)
    assert (json.loads(extra) if isinstance(extra, str) else extra) == plan
