"""The first full `intersector overlaps` run on the 21,506 real publication records
(`python -m bench overlap_first_run`; issue 9: candidate generation including embedding in
under 60 s on 2 cores).

The commands a coordinator types, each a process of its own, on a fresh SQLite file:

1. `intersector import-relaton itu_publications.jsonl` (the records → 10,062 works);
2. `intersector overlaps --format json --limit 5`: the first run — every work's compared
   sentences embedded (multilingual USE v3), every work's candidates found, explained and
   stored;
3. the same command again: the vectors read from the store, every candidate computed again.

Each is timed from start to exit (wall clock) with its CPU time (user + system, of the process
and its children) and its peak memory. Needs the records file (`INTERSECTOR_BENCH_PUBLICATIONS`,
see bench/generate.py); skipped when it is absent. The machine's load when each step started is
recorded: on a shared 2-core machine the wall clock follows the load, the CPU time much less.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.generate import real_publications_path

NAME = "overlap_first_run"
GOAL_S = 60.0
Row = dict[str, Any]


def _row(metric: str, value: float, unit: str, target: str = "", ok: bool | None = None) -> Row:
    row: Row = {"benchmark": NAME, "metric": metric, "value": value, "unit": unit}
    if target:
        row["target"], row["ok"] = target, ok
    return row


def _command(args: list[str], database: Path) -> tuple[float, float, float, float]:
    """(wall s, CPU s, peak RSS MiB, 1-minute load at the start) of `intersector ARGS`."""
    env = dict(os.environ, INTERSECTOR_DATABASE_URL=f"sqlite:///{database}")
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    code = "from intersector.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, check=False
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"intersector {' '.join(args)}: {done.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, load


def run() -> list[Row]:
    records = real_publications_path()
    if not records.is_file():
        return []
    out: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "registry.db"
        steps = [
            ("import-relaton (21,506 records)", ["import-relaton", str(records)]),
            ("first overlaps run", ["overlaps", "--format", "json", "--limit", "5"]),
            (
                "second overlaps run (vectors stored)",
                ["overlaps", "--format", "json", "--limit", "5"],
            ),
        ]
        for label, args in steps:
            wall, cpu, peak, load = _command(args, database)
            first = label == "first overlaps run"
            goal = f"< {GOAL_S:.0f}" if first else ""
            out.append(
                _row(f"{label}: wall", round(wall, 1), "s", goal, wall < GOAL_S if first else None)
            )
            out.append(_row(f"{label}: CPU (user + system)", round(cpu, 1), "s"))
            out.append(_row(f"{label}: load average at start", round(load, 1), ""))
        out.append(_row("peak RSS of the largest step", round(peak, 0), "MiB"))
    return out


if __name__ == "__main__":  # pragma: no cover - a quick look without the runner
    for found in run():
        print(found)
