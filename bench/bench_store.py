"""Registry store benchmarks: bulk load time and peak memory at 10k and 100k activities.

Registries come from `bench.generate` (deterministic, synthetic; 100k activities also bring
20k liaisons and the fixed groups, subjects and mechanisms). Each figure is measured in a fresh
child process, so its peak memory (`ru_maxrss`) is its own:

- `save_many`: the domain objects (already in memory) into a new SQLite file, one transaction;
  then the same objects again (all unchanged: nothing written); then every activity read back.
- `load file`: what `intersector load FILE` does: read and validate a JSON (and, at 10k, YAML)
  registry file, then store it (`services.load_registry`).
- the same `save_many` on PostgreSQL (the local server; skipped when none answers).

`INTERSECTOR_BENCH_STORE_SIZES=10000,100000` (default) chooses the sizes.
Run: `.venv/bin/python -m bench store`.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

BENCHMARK = "registry store"
PG_ADMIN_URL = os.environ.get(
    "INTERSECTOR_TEST_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def _sizes() -> list[int]:
    given = os.environ.get("INTERSECTOR_BENCH_STORE_SIZES", "10000,100000")
    return [int(size) for size in given.split(",") if size.strip()]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- measured in a child process ----------------------------------------------------------------


def child_save(n: int, url: str) -> dict[str, Any]:
    """save_many of a generated registry, re-save unchanged, read back."""
    from bench.generate import generate_registry
    from intersector.store import open_store

    items = list(generate_registry(n).items())
    store = open_store(url)
    before = _peak_mb()
    started = time.perf_counter()
    summary = store.save_many(items, author="bench", reason="bench")
    saved = time.perf_counter() - started
    peak = _peak_mb()
    started = time.perf_counter()
    again = store.save_many(items, author="bench", reason="bench again")
    unchanged = time.perf_counter() - started
    started = time.perf_counter()
    count = sum(1 for _ in store.iter("activity"))
    listed = time.perf_counter() - started
    store.close()
    return {
        "items": summary.created,
        "save": saved,
        "peak_mb": peak,
        "before_mb": before,
        "unchanged": unchanged,
        "unchanged_items": again.unchanged,
        "list": listed,
        "listed": count,
    }


def child_file(n: int, fmt: str, url: str) -> dict[str, Any]:
    """`intersector load FILE` on a generated registry file."""
    from bench.generate import write_registry
    from intersector import services
    from intersector.settings import Settings

    with tempfile.TemporaryDirectory() as folder:
        path = write_registry(Path(folder) / f"registry.{fmt}", n, fmt=fmt)
        size_mb = path.stat().st_size / 1e6
        before = _peak_mb()
        started = time.perf_counter()
        result, summary = services.load_registry(Settings(database_url=url, author="bench"), [path])
        elapsed = time.perf_counter() - started
    if result.errors:
        raise RuntimeError(f"generated registry has errors: {result.errors[:3]}")
    return {
        "items": summary.created,
        "load": elapsed,
        "peak_mb": _peak_mb(),
        "before_mb": before,
        "mb": size_mb,
    }


def _in_child(function: str, *args: Any) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.bench_store", function, json.dumps(args)]
    root = Path(__file__).parents[1]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{function}{args} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# --- the figures --------------------------------------------------------------------------------


def _row(metric: str, value: float | int, unit: str) -> dict[str, Any]:
    print(f"  {metric}: {value:,.2f} {unit}", file=sys.stderr, flush=True)  # progress
    return {"benchmark": BENCHMARK, "metric": metric, "value": value, "unit": unit}


def _sqlite_rows(n: int, folder: Path) -> list[dict[str, Any]]:
    url = f"sqlite:///{folder / f'save-{n}.db'}"
    got = _in_child("child_save", n, url)
    rows = [
        _row(f"save_many {n:,} activities ({got['items']:,} items), SQLite", got["save"], "s"),
        _row(f"save_many {n:,} activities, SQLite", got["items"] / got["save"], "items/s"),
        _row(f"save_many {n:,} activities: process peak RSS", got["peak_mb"], "MB"),
        _row(f"save_many {n:,} activities: peak RSS before saving", got["before_mb"], "MB"),
        _row(f"re-save {n:,} activities unchanged, SQLite", got["unchanged"], "s"),
        _row(f"read back {got['listed']:,} activities (iter), SQLite", got["list"], "s"),
    ]
    formats = ["json", "yaml"] if n <= 10_000 else ["json"]
    for fmt in formats:
        loaded = _in_child("child_file", n, fmt, f"sqlite:///{folder / f'load-{n}-{fmt}.db'}")
        label = f"load {fmt.upper()} file {n:,} activities ({loaded['mb']:.0f} MB)"
        rows.append(_row(f"{label}: validate + store, SQLite", loaded["load"], "s"))
        rows.append(_row(f"{label}: process peak RSS", loaded["peak_mb"], "MB"))
        rows.append(_row(f"{label}: peak RSS after writing the file", loaded["before_mb"], "MB"))
    return rows


def _postgres_rows(n: int, database: str) -> list[dict[str, Any]]:
    got = _in_child("child_save", n, database)
    return [
        _row(f"save_many {n:,} activities ({got['items']:,} items), PostgreSQL", got["save"], "s"),
        _row(f"re-save {n:,} activities unchanged, PostgreSQL", got["unchanged"], "s"),
        _row(f"read back {got['listed']:,} activities (iter), PostgreSQL", got["list"], "s"),
    ]


def _postgres_database() -> tuple[str, str] | None:
    """(admin URL, URL of a new scratch database), or None when no server answers."""
    import psycopg
    import sqlalchemy as sa

    name = f"intersector_bench_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        return None
    url = sa.make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    return PG_ADMIN_URL, url


def _drop(admin_url: str, url: str) -> None:
    import psycopg
    import sqlalchemy as sa

    name = sa.make_url(url).database
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        for n in _sizes():
            rows.extend(_sqlite_rows(n, Path(folder)))
    for n in _sizes():
        database = _postgres_database()
        if database is None:
            break
        try:
            rows.extend(_postgres_rows(n, database[1]))
        finally:
            _drop(*database)
    return rows


if __name__ == "__main__":
    arguments = json.loads(sys.argv[2])
    print(json.dumps(globals()[sys.argv[1]](*arguments)))
