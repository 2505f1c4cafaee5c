"""`make bench`: run every `bench/bench_*.py` module's `run()`, print one table, write
`bench/results.json`.

Each module exposes `run() -> list[dict]`, one dict per measured figure with the keys
`benchmark`, `metric`, `value`, `unit`, and optionally `target` (text such as ">= 2000") and
`ok` (bool: was the target met). `python -m bench parse` runs only the modules whose name
contains `parse`.
"""

from __future__ import annotations

import importlib
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

HERE = Path(__file__).parent


def _machine() -> dict[str, Any]:
    import os

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


def main(argv: list[str]) -> int:
    wanted = argv[1:]
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if wanted:
        modules = [m for m in modules if any(w in m for w in wanted)]
    rows: list[dict[str, Any]] = []
    console = Console()
    for name in modules:
        console.print(f"[bold]running[/] {name} …")
        started = time.perf_counter()
        module = importlib.import_module(f"bench.{name}")
        rows.extend(module.run())
        console.print(f"  done in {time.perf_counter() - started:.1f} s")
    table = Table(title="intersector benchmarks")
    for column in ("benchmark", "metric", "value", "unit", "target", "ok"):
        table.add_column(column)
    for row in rows:
        value = row["value"]
        shown = f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"
        ok = row.get("ok")
        table.add_row(
            row["benchmark"],
            row["metric"],
            shown,
            row.get("unit", ""),
            row.get("target", ""),
            "" if ok is None else ("yes" if ok else "[red]NO[/]"),
        )
    console.print(table)
    results = {
        "machine": _machine(),
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "results": rows,
    }
    out = HERE / "results.json"
    if wanted and out.exists():  # a partial run updates only its own rows
        previous = json.loads(out.read_text())
        names = {r["benchmark"] for r in rows}
        kept = [r for r in previous.get("results", []) if r["benchmark"] not in names]
        results["results"] = kept + rows
    out.write_text(json.dumps(results, indent=2) + "\n")
    console.print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
