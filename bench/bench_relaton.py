"""Relaton import and the registry generator: how fast the real publication metadata becomes
activities, and how fast `bench.generate` makes synthetic registries for the other benchmarks.

- the FULL real file of 21,506 ITU publication records (INTERSECTOR_BENCH_PUBLICATIONS, default
  ../shared/data/itu-registry/itu_publications.jsonl; skipped when absent), read into activities;
- the shipped extract (data/sample/registry/publications.jsonl);
- `generate.iter_activities` for 100k activities, and `write_registry` of 10k as YAML;
- the round trip of each file: `import-relaton` into an empty SQLite store, `export` as YAML,
  `load` of that export into another empty store: the problems `load` reports (target 0) and
  whether the groups and activities read back are exactly those imported.
"""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bench import generate
from intersector import services
from intersector.files.relaton import load_publications
from intersector.settings import Settings
from intersector.store import open_store

NAME = "relaton import and generator"


def _timed_import(path: Path, label: str) -> list[dict[str, Any]]:
    started = time.perf_counter()
    result = load_publications(path)
    seconds = time.perf_counter() - started
    tracemalloc.start()  # a second pass for memory: tracemalloc slows the code it watches
    load_publications(path)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    rate = result.records / seconds
    return [
        {
            "benchmark": NAME,
            "metric": f"{label}: records read",
            "value": result.records,
            "unit": "records",
        },
        {
            "benchmark": NAME,
            "metric": f"{label}: works (activities)",
            "value": len(result.activities),
            "unit": "activities",
        },
        {"benchmark": NAME, "metric": f"{label}: import time", "value": seconds, "unit": "s"},
        {
            "benchmark": NAME,
            "metric": f"{label}: import rate",
            "value": rate,
            "unit": "records/s",
            "target": ">= 10000",
            "ok": rate >= 10_000,
        },
        {
            "benchmark": NAME,
            "metric": f"{label}: peak memory (tracemalloc)",
            "value": peak,
            "unit": "MiB",
        },
    ]


def _round_trip(path: Path, label: str) -> list[dict[str, Any]]:
    """import-relaton → export (YAML) → load into an empty store: problems, and exactness."""
    with tempfile.TemporaryDirectory() as folder:
        first = Settings(database_url=f"sqlite:///{folder}/imported.db", author="bench")
        second = Settings(database_url=f"sqlite:///{folder}/loaded.db", author="bench")
        services.import_relaton(first, path)
        written = services.export_registry(first, "yaml", Path(folder) / "export")
        started = time.perf_counter()
        result, _ = services.load_registry(second, written)
        seconds = time.perf_counter() - started
        with open_store(first.database_url) as a, open_store(second.database_url) as b:
            same = all(
                a.list(kind, include_withdrawn=True) == b.list(kind, include_withdrawn=True)
                for kind in ("group", "activity")
            )
            groups = a.count("group", include_withdrawn=True)
    row = {"benchmark": NAME}
    return [
        {**row, "metric": f"{label}: groups created by the import", "value": groups, "unit": ""},
        {
            **row,
            "metric": f"{label}: export loaded back, problems",
            "value": len(result.errors),
            "unit": "problems",
            "target": "0",
            "ok": not result.errors,
        },
        {
            **row,
            "metric": f"{label}: export loaded back, items identical",
            "value": int(same),
            "unit": "1 = yes",
            "target": "1",
            "ok": same,
        },
        {**row, "metric": f"{label}: load of the export", "value": seconds, "unit": "s"},
    ]


def _generator() -> list[dict[str, Any]]:
    started = time.perf_counter()
    count = sum(1 for _ in generate.iter_activities(100_000))
    stream = count / (time.perf_counter() - started)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        path = generate.write_registry(Path(folder) / "r.yaml", 10_000)
        write_seconds = time.perf_counter() - started
        size = path.stat().st_size / 2**20
    return [
        {
            "benchmark": NAME,
            "metric": "generate 100k activities (streamed)",
            "value": stream,
            "unit": "activities/s",
        },
        {
            "benchmark": NAME,
            "metric": "write 10k-activity registry as YAML",
            "value": write_seconds,
            "unit": "s",
        },
        {"benchmark": NAME, "metric": "10k-activity YAML size", "value": size, "unit": "MiB"},
    ]


def run() -> list[dict[str, Any]]:
    rows = _timed_import(generate.SAMPLE_PUBLICATIONS, "sample extract")
    rows += _round_trip(generate.SAMPLE_PUBLICATIONS, "sample extract")
    real = generate.real_publications_path()
    if real.is_file():
        rows += _timed_import(real, "full real file")
        rows += _round_trip(real, "full real file")
    else:
        rows.append(
            {
                "benchmark": NAME,
                "metric": f"full real file: absent ({real})",
                "value": 0,
                "unit": "",
            }
        )
    return rows + _generator()
