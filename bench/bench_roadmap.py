"""Roadmaps and alignment checks at 10k and 100k activities (`python -m bench roadmap`).

Registries come from `bench/generate.py` (synthetic, deterministic; one liaison per five
activities, one maintained roadmap of 50 entries per Sector and subject). Measured:

- in memory (the pure layers): `check_alignment` over the whole registry (index included),
  `join_roadmaps` for IMT, and the HTML/XLSX renderings of that view; best of 5 to 20 runs (more
  for small sizes), in CPU seconds of this process (steadier on a machine busy with other work),
  the generated input frozen out of the garbage collector's sight;
- through the store, as a user runs them (wall-clock and CPU seconds): the commands
  `intersector check` and `intersector roadmap imt`, output drawn and thrown away, on a SQLite
  file loaded beforehand, and, to tell the store's share from the checks', the read of every
  activity alone;
- growth from 10k to 100k, against n log n (a factor of 12.5 for ten times the items), beside
  the growth of a reference pass that is linear by construction (index the activities, follow
  each dependency once): what the machine's caches add at the larger size.

`INTERSECTOR_BENCH_ROADMAP_SIZES` (e.g. "10000,100000", the default) changes the sizes.
"""

from __future__ import annotations

import contextlib
import gc
import io
import math
import os
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench.generate import Registry as Generated
from bench.generate import generate_registry
from intersector import cli
from intersector.coordination.alignment import Registry, check_alignment
from intersector.coordination.roadmap import JoinedRoadmap, join_roadmaps
from intersector.reports.roadmap_html import roadmap_html
from intersector.reports.roadmap_xlsx import roadmap_xlsx
from intersector.settings import Settings
from intersector.store import open_store

TODAY = date(2025, 1, 15)
CHECK_TARGET_S = 10.0
NAME = "roadmap"


def _sizes() -> tuple[int, ...]:
    raw = os.environ.get("INTERSECTOR_BENCH_ROADMAP_SIZES", "10000,100000")
    return tuple(int(part) for part in raw.split(",") if part.strip())


def _best(work: Callable[[], object], repeat: int = 3, clock: str = "wall") -> float:
    """Best time of `repeat` runs: wall-clock, or the CPU time of this process (`clock="cpu"`),
    which other programs on a busy machine disturb far less. The registry built before is
    frozen out of the garbage collector's sight (`gc.freeze`), so the figure is the work's own,
    not the collector re-scanning an input that does not change."""
    timer = time.process_time if clock == "cpu" else time.perf_counter
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.freeze()
        try:
            started = timer()
            work()
            times.append(timer() - started)
        finally:
            gc.unfreeze()
    return min(times)


def _row(metric: str, value: float, unit: str = "s", **more: Any) -> dict[str, Any]:
    return {"benchmark": NAME, "metric": metric, "value": round(value, 3), "unit": unit, **more}


def _check(g: Generated) -> int:
    registry = Registry.of(g.activities, g.liaisons, g.mechanisms, g.roadmaps, g.groups)
    return len(check_alignment(registry, TODAY))


def _join(g: Generated) -> JoinedRoadmap:
    return join_roadmaps(
        "imt", g.roadmaps, g.activities, g.liaisons, g.mechanisms, TODAY, groups=g.groups
    )


def _baseline(g: Generated) -> int:
    """The floor of any check: index the activities by id once, follow every dependency once.
    Linear by construction; its growth shows what the machine itself adds at larger sizes."""
    index = {a.id: a for a in g.activities}
    return sum(1 for a in index.values() for d in a.dependencies if d.on in index)


def _in_memory(n: int, g: Generated) -> tuple[list[dict[str, Any]], dict[str, float]]:
    label = f"{n // 1000}k activities"
    view = _join(g)
    repeat = max(5, min(20, 200_000 // n))  # small sizes are noisier: more runs
    timings = {
        "check": _best(lambda: _check(g), repeat, clock="cpu"),
        "join": _best(lambda: _join(g), repeat, clock="cpu"),
        "baseline": _best(lambda: _baseline(g), repeat, clock="cpu"),
        "html": _best(lambda: roadmap_html(view), clock="cpu"),
        "xlsx": _best(lambda: roadmap_xlsx(view), clock="cpu"),
    }
    ok = timings["check"] < CHECK_TARGET_S
    rows = [
        _row(f"check, {label} (in memory)", timings["check"], "s CPU", target="< 10", ok=ok),
        _row(f"findings, {label}", _check(g), unit="findings"),
        _row(f"reference: index + follow dependencies once, {label}", timings["baseline"], "s CPU"),
        _row(f"join IMT roadmap, {label} (in memory)", timings["join"], "s CPU"),
        _row(f"IMT roadmap rows, {label}", len(view.rows()), unit="rows"),
        _row(f"render HTML + Gantt, {label}", timings["html"], "s CPU"),
        _row(f"render XLSX, {label}", timings["xlsx"], "s CPU"),
    ]
    return rows, timings


def _wall_and_cpu(work: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of `work` (on a busy machine the wall-clock time
    grows with the others' load, the CPU time much less)."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def _cli(settings: Settings, *args: str) -> None:
    """Run an `intersector` command as a user would (output drawn, then thrown away)."""
    previous = os.environ.get("INTERSECTOR_DATABASE_URL")
    os.environ["INTERSECTOR_DATABASE_URL"] = settings.database_url
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            code = cli.run([*args, "--today", TODAY.isoformat()])
    finally:
        if previous is None:
            del os.environ["INTERSECTOR_DATABASE_URL"]
        else:
            os.environ["INTERSECTOR_DATABASE_URL"] = previous
    if code != 0:
        raise RuntimeError(f"intersector {' '.join(args)} failed with exit code {code}")


def _through_store(n: int, g: Generated) -> tuple[list[dict[str, Any]], dict[str, float]]:
    label = f"{n // 1000}k activities"
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database_url=f"sqlite:///{Path(folder) / 'bench.db'}")
        with open_store(settings.database_url) as store:
            store.save_many(g.items(), author="bench", reason="bench")
        with open_store(settings.database_url) as store:
            read = _wall_and_cpu(lambda: list(store.iter("activity", include_withdrawn=True)))
        check = _wall_and_cpu(lambda: _cli(settings, "check"))
        roadmap = _wall_and_cpu(lambda: _cli(settings, "roadmap", "imt"))
    ok = check[0] < CHECK_TARGET_S
    rows = [
        _row(f"store read of every activity, {label} (SQLite)", read[0]),
        _row(f"store read of every activity, {label} (SQLite)", read[1], "s CPU"),
        _row(f"intersector check, {label} (SQLite)", check[0], target="< 10", ok=ok),
        _row(f"intersector check, {label} (SQLite)", check[1], "s CPU"),
        _row(f"intersector roadmap imt, {label} (SQLite)", roadmap[0]),
        _row(f"intersector roadmap imt, {label} (SQLite)", roadmap[1], "s CPU"),
    ]
    timings = {"check_store": check[1], "roadmap_store": roadmap[1]}
    return rows, timings


_GROWTH_NAMES = {
    "baseline": "reference linear pass (in memory)",
    "check": "check (in memory)",
    "join": "join IMT roadmap (in memory)",
    "check_store": "intersector check (SQLite)",
    "roadmap_store": "intersector roadmap imt (SQLite)",
}


def _growth(timings: dict[int, dict[str, float]]) -> list[dict[str, Any]]:
    """Ratio of the largest size's time to the smallest's, against the n log n ratio; and, for
    the pure checks, that ratio divided by the reference pass's (the machine's own growth for
    linear work), against log(large) / log(small)."""
    small, large = min(timings), max(timings)
    if small == large:
        return []
    limit = large * math.log(large) / (small * math.log(small))
    span = f"{small // 1000}k to {large // 1000}k"
    ratios = {
        key: timings[large][key] / max(timings[small][key], 1e-9)
        for key in _GROWTH_NAMES
        if key in timings[small] and key in timings[large]
    }
    rows = [
        _row(f"growth of {_GROWTH_NAMES[k]}, CPU time, {span}", r, "x")
        if k == "baseline"  # the reference is not judged: it measures the machine
        else _row(
            f"growth of {_GROWTH_NAMES[k]}, CPU time, {span}",
            r,
            "x",
            target=f"<= {limit:.1f}",
            ok=r <= limit,
        )
        for k, r in ratios.items()
    ]
    log_limit = math.log(large) / math.log(small)
    for key in ("check", "join"):
        if key in ratios and "baseline" in ratios:
            relative = ratios[key] / ratios["baseline"]
            metric = f"growth of {_GROWTH_NAMES[key]} over the reference pass's, {span}"
            rows.append(
                _row(metric, relative, "x", target=f"<= {log_limit:.2f}", ok=relative <= log_limit)
            )
    return rows


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    timings: dict[int, dict[str, float]] = {}
    _through_store(200, generate_registry(200))  # warm-up: imports and first draws not counted
    for n in _sizes():
        generated = generate_registry(n)
        memory_rows, memory = _in_memory(n, generated)
        store_rows, stored = _through_store(n, generated)
        rows += memory_rows + store_rows
        timings[n] = {**memory, **stored}
    return rows + _growth(timings)
