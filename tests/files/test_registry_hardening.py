"""`intersector load` against hostile registry files (issue 8 items 1, 9 and 10), through the
CLI door (typer's CliRunner) on SQLite and PostgreSQL: users and tokens are never loaded from a
file; a repeated section or key, a repeated CSV column, an id with capitals, NaN, a loop, deep
nesting, huge numbers, lone surrogates and NUL characters are each a problem naming the file,
the line and the field — and the file loads nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from intersector.cli import app
from intersector.store import open_store

GROUP = "groups:\n  - id: itu-t-sg13\n    sector: itu-t\n    kind: study-group\n    name: SG13\n"
ACTIVITY = (
    "  - id: {id}\n    sector: itu-t\n    kind: question\n    identifier: Q1/13\n"
    "    title: {title}\n    group: itu-t-sg13\n"
)
# argon2id of "x": what an attacker would plant as an admin's password hash
HASH = "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"


def load(*paths: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["load", *map(str, paths)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, " ".join(result.output.split())


def stored(database_url: str, type_name: str) -> list[str]:
    with open_store(database_url) as store:
        return sorted(store.ids(type_name))


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- item 1: no users or tokens through a registry file -----------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "field"),
    [
        (
            "takeover.yaml",
            GROUP + f"users:\n  - id: mallory\n    role: admin\n    password_hash: '{HASH}'\n",
            "users",
        ),
        (
            "takeover.json",
            '{"user": [{"id": "adam", "role": "admin", "password_hash": "' + HASH + '"}]}',
            "user",
        ),
        (
            "tokens.yaml",
            "tokens:\n  - id: planted\n    username: adam\n    scopes: [read, write]\n"
            "    digest: '00'\n    created: 2025-01-01T00:00:00Z\n",
            "tokens",
        ),
    ],
)
def test_users_and_tokens_are_never_loaded_from_a_file(
    cli_database: str, tmp_path: Path, name: str, text: str, field: str
) -> None:
    path = write(tmp_path, name, text)
    code, out = load(path)
    assert code == 2
    assert name in out and "users and tokens are not registry items" in out
    assert field in out and "intersector user" in out
    assert stored(cli_database, "user") == stored(cli_database, "token") == []
    assert stored(cli_database, "group") == []  # the file's registry items are not loaded either


def test_a_users_csv_is_refused(cli_database: str, tmp_path: Path) -> None:
    path = write(tmp_path, "users.csv", f"id,role,password_hash\nmallory,admin,{HASH}\n")
    code, out = load(path)
    assert code == 2 and "users.csv" in out and "users and tokens are not registry items" in out
    assert stored(cli_database, "user") == []


def test_a_stored_user_is_not_overwritten_by_a_file(cli_database: str, tmp_path: Path) -> None:
    from intersector.domain.users import User
    from intersector.store.users import find_user

    with open_store(cli_database) as store:
        store.save(User("adam", "admin", password_hash="good"), author="t", reason="t")
    path = write(tmp_path, "r.yaml", f"users:\n  - id: adam\n    password_hash: '{HASH}'\n")
    assert load(path)[0] == 2
    with open_store(cli_database) as store:
        user = find_user(store, "adam")
        assert user is not None and user.password_hash == "good"


# --- item 10: each hostile shape is a named problem, and the file loads nothing ------------------


_LAUGHS = "    subjects: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"    x{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n"
    for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


def _activities(*rows: str) -> str:
    return GROUP + "activities:\n" + "".join(rows)


def test_aliases_within_bounds_still_load(cli_database: str, tmp_path: Path) -> None:
    """Anchors, aliases and merge keys as people use them to share fields."""
    text = (
        "groups:\n  - &sg13 {id: itu-t-sg13, sector: itu-t, kind: study-group, name: SG13}\n"
        "  - <<: *sg13\n    id: itu-t-sg12\n    name: SG12\n"
    )
    code, out = load(write(tmp_path, "merge.yaml", text))
    assert code == 0, out
    assert stored(cli_database, "group") == ["itu-t-sg12", "itu-t-sg13"]


@pytest.mark.parametrize(
    ("name", "text", "line", "field", "words"),
    [
        (
            "two-sections.yaml",
            _activities(ACTIVITY.format(id="itu-t-q1-13", title="One"))
            + "activities:\n"
            + ACTIVITY.format(id="itu-t-q2-13", title="Two"),
            13,
            "activities",
            "duplicate key 'activities' (first at line 6)",
        ),
        (
            "twice.yaml",
            _activities(ACTIVITY.format(id="itu-t-q1-13", title="One") + "    title: Two\n"),
            13,
            "title",
            "duplicate key 'title' (first at line 11)",
        ),
        (
            "twice.json",
            '{"groups": [\n {"id": "g", "sector": "itu-t",\n  "kind": "study-group",'
            ' "name": "a",\n  "name": "b"}]}',
            4,
            "name",
            "duplicate key 'name'",
        ),
        (
            "capitals.yaml",
            _activities(ACTIVITY.format(id="ITU-T-Q1-13", title="One")),
            7,
            "id",
            "'ITU-T-Q1-13' is not an id (lower-case letters, digits, dots and hyphens, no spaces)"
            ": use 'itu-t-q1-13'",
        ),
        (
            "spaces.yaml",
            _activities(ACTIVITY.format(id="'itu-t q1 13'", title="One")),
            7,
            "id",
            "use 'itu-t-q1-13'",
        ),
        (
            "nan.yaml",
            _activities(ACTIVITY.format(id="itu-t-q1-13", title=".nan")),
            11,
            "title",
            "not a number that can be stored",
        ),
        (
            "nan.json",
            '{"groups": [{"id": "g", "sector": "itu-t", "kind": "study-group", "name": NaN}]}',
            1,
            "name",
            "not a number that can be stored",
        ),
        (
            "huge.yaml",
            _activities(ACTIVITY.format(id="itu-t-q1-13", title="9" * 5000)),
            11,
            "",
            "a number of 5,000 digits is too long",
        ),
        (
            "huge.json",
            '{"groups": [{"id": "g", "sector": "itu-t", "kind": "study-group",\n "name": '
            + "9" * 5000
            + "}]}",
            2,
            "name",
            "not a number that can be stored",
        ),
        (
            "surrogate.json",
            '{"groups": [{"id": "g", "sector": "itu-t", "kind": "study-group",\n'
            ' "name": "SG\\ud800"}]}',
            2,
            "name",
            "not valid Unicode",
        ),
        (
            "nul.yaml",
            _activities(ACTIVITY.format(id="itu-t-q1-13", title='"IMT\\0network"')),
            11,
            "title",
            "contains a NUL character",
        ),
        (
            "deep.json",
            '{"groups": [{"id": "g", "sector": "itu-t", "kind": "study-group",\n "name": '
            + "[" * 100_000
            + "]" * 100_000
            + "}]}",
            2,
            "",
            "nested too deeply",
        ),
        (
            "deep.yaml",
            _activities(ACTIVITY.format(id="itu-t-q1-13", title="[" * 5000 + "]" * 5000)),
            11,
            "",
            "exceeded maximum nesting depth",
        ),
        (
            "laughs.yaml",
            _activities(ACTIVITY.format(id="itu-t-q1-13", title="T") + _LAUGHS),
            17,  # `xe: &e [*d, …]`, the smallest anchor that grows past the bound
            "",
            "aliases repeat this value into 66,430 nodes, more than the 10,540 the file's 54 "
            "nodes may grow to (a 'billion laughs')",
        ),
        (
            "recursive.yaml",
            GROUP
            + "activities: &items\n"
            + ACTIVITY.format(id="itu-t-q1-13", title="T")
            + "    subjects: *items\n",
            6,
            "",
            "an alias refers to its own anchor",
        ),
    ],
)
def test_hostile_shapes_are_named_problems(
    cli_database: str,
    tmp_path: Path,
    name: str,
    text: str,
    line: int,
    field: str,
    words: str,
) -> None:
    path = write(tmp_path, name, text)
    code, out = load(path)
    assert code == 2, out
    assert name in out and words in out
    place = f"{name}, line {line}" + (f", field {field!r}" if field else "")
    assert f"{place}: " in out and words in out.split(place, 1)[1]
    assert stored(cli_database, "activity") == stored(cli_database, "group") == []


def test_a_repeated_csv_column_is_refused(cli_database: str, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "groups.csv",
        "id,sector,kind,name,name\nitu-t-sg13,itu-t,study-group,SG13,Study Group 13\n",
    )
    code, out = load(path)
    assert code == 2 and "column 5 repeats the field of column 4" in out and "name" in out
    assert stored(cli_database, "group") == []


@pytest.mark.parametrize(
    ("deps", "field"),
    [
        ({"a": "a"}, "dependencies[0].on"),  # itself
        ({"a": "b", "b": "c", "c": "a"}, "dependencies[0].on"),  # a loop of three
    ],
)
def test_dependency_loops_are_refused(
    cli_database: str, tmp_path: Path, deps: dict[str, str], field: str
) -> None:
    rows = "".join(
        ACTIVITY.format(id=f"itu-t-{a}", title=a) + f"    dependencies: [{{on: itu-t-{b}}}]\n"
        for a, b in deps.items()
    )
    path = write(tmp_path, "loop.yaml", _activities(rows))
    code, out = load(path)
    assert code == 2 and "a dependency loop: itu-t-a → " in out and field in out
    assert stored(cli_database, "activity") == []


def test_a_loop_through_stored_items_is_refused(cli_database: str, tmp_path: Path) -> None:
    first = _activities(
        ACTIVITY.format(id="itu-t-a", title="a"),
        ACTIVITY.format(id="itu-t-b", title="b") + "    dependencies: [{on: itu-t-a}]\n",
    )
    assert load(write(tmp_path, "first.yaml", first))[0] == 0
    closing = "activities:\n" + ACTIVITY.format(id="itu-t-a", title="a")
    closing += "    dependencies: [{on: itu-t-b}]\n"
    code, out = load(write(tmp_path, "second.yaml", closing))
    assert code == 2 and "a dependency loop: itu-t-a → itu-t-b → itu-t-a" in out


def test_group_parent_and_liaison_reply_loops_are_refused(
    cli_database: str, tmp_path: Path
) -> None:
    groups = (
        "groups:\n"
        "  - {id: g1, sector: itu-t, kind: study-group, name: a, parent: g2}\n"
        "  - {id: g2, sector: itu-t, kind: study-group, name: b, parent: g1}\n"
    )
    code, out = load(write(tmp_path, "groups.yaml", groups))
    assert code == 2 and "a parent loop: g1 → g2 → g1" in out
    liaisons = (
        GROUP + "liaisons:\n"
        "  - {id: ls-1, from_group: itu-t-sg13, title: a, replies_to: ls-2}\n"
        "  - {id: ls-2, from_group: itu-t-sg13, title: b, replies_to: ls-1}\n"
    )
    code, out = load(write(tmp_path, "liaisons.yaml", liaisons))
    assert code == 2 and "a reply loop: ls-1 → ls-2 → ls-1" in out
    assert stored(cli_database, "liaison") == []


def test_a_nul_in_a_title_is_refused_the_same_on_both_databases(
    cli_database: str, tmp_path: Path
) -> None:
    """Campaign: PostgreSQL crashed with UntranslatableCharacter where SQLite stored it."""
    text = _activities(ACTIVITY.format(id="itu-t-q1-13", title='"a\\0b"'))
    code, out = load(write(tmp_path, "nul.yaml", text))
    assert code == 2 and "field" in out and "title" in out and "NUL" in out
    assert "Traceback" not in out and stored(cli_database, "activity") == []
