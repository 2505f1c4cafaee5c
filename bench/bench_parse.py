"""Parse throughput: documents/s and MB/s on one core, structure, references and actions all
extracted, over a corpus of resolution texts generated in memory from the fixture texts.

The corpus: each fixture resolution (English, French, Spanish) varied CORPUS_SIZE / n times with a
seeded random generator: another number, another revision place and year, clauses dropped or
repeated, other cited resolution numbers. Every generated text must parse with preamble,
operative sections, actions and references, or the benchmark fails. Throughput is the best of
REPEATS timed passes over each chunk of CHUNK documents, summed (one process, one core): on a
shared machine other processes only ever add time, so the fastest pass is the best estimate of
the parser's own cost, as `timeit` reports it.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path
from typing import Any

from intersector.texts.parse import parse_document

CORPUS_SIZE = 1200
REPEATS = 7
CHUNK = 100
TARGET = 2000.0
FIXTURES = Path(__file__).parent.parent / "tests" / "data" / "texts"
SEEDS = ("wtsa-res-57-en", "wtsa-res-57-fr", "wtsa-res-57-es", "wtsa-res-38-en")
PLACES = ("Dubai", "Geneva", "Hammamet", "Johannesburg", "Florianópolis", "Montreal", "New Delhi")

_IDENTITY = re.compile(
    r"(?im)^(\s*(?:\[bookmark: \w+\])?(?:resolution|résolution|resolución)\s+)\d+ \([^)]*\)"
)
_CLAUSE = re.compile(r"^[a-j]\)\t", re.MULTILINE)
_CITED = re.compile(r"(Resolu\w+|Résolu\w+)(\s|\u00a0)(\d+)")


def seeds() -> list[str]:
    paths = [FIXTURES / f"{name}.txt" for name in SEEDS]
    return [p.read_text(encoding="utf-8") for p in paths if p.exists()]


def vary(text: str, rng: random.Random) -> str:
    """One variation of a resolution text (see the module docstring)."""
    number = rng.randint(1, 999)
    place, year = rng.choice(PLACES), rng.randint(2000, 2024)
    text = _IDENTITY.sub(lambda m: f"{m.group(1)}{number} (Rev. {place}, {year})", text, count=1)
    text = _CITED.sub(lambda m: f"{m.group(1)}{m.group(2)}{rng.randint(1, 200)}", text)
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        roll = rng.random()
        if _CLAUSE.match(line) and roll < 0.1 and not _CITED.search(line):
            continue  # dropped (never a clause that cites: references must remain)
        out.append(line)
        if _CLAUSE.match(line) and roll > 0.9:
            out.append(line.split("\t", 1)[-1])  # a continuation paragraph
    return "\n".join(out)


def corpus(size: int = CORPUS_SIZE, seed: int = 57) -> list[str]:
    rng = random.Random(seed)
    bases = seeds()
    return [vary(bases[i % len(bases)], rng) for i in range(size)]


def check(texts: list[str]) -> None:
    """Every generated text parses fully: structure, references and actions."""
    for i, text in enumerate(texts):
        doc = parse_document(text, source=f"generated-{i}")
        if not (doc.preamble and doc.operative and doc.actions and doc.references):
            raise RuntimeError(f"generated text {i} parsed incompletely: {doc.id}")


def timed_pass(texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        parse_document(text)
    return time.process_time() - started


def best_time(texts: list[str]) -> float:
    """CPU time to parse the corpus: each chunk of CHUNK documents timed REPEATS times, its
    fastest pass kept (as `timeit` does: other processes only ever add time), chunks summed."""
    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    return sum(min(timed_pass(chunk) for _ in range(REPEATS)) for chunk in chunks)


def run() -> list[dict[str, Any]]:
    texts = corpus()
    check(texts)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = best_time(texts)
    docs_per_s = len(texts) / best
    return [
        {"benchmark": "parse", "metric": "corpus", "value": len(texts), "unit": "documents"},
        {
            "benchmark": "parse",
            "metric": "throughput",
            "value": docs_per_s,
            "unit": "documents/s",
            "target": f">= {TARGET:,.0f}",
            "ok": docs_per_s >= TARGET,
        },
        {
            "benchmark": "parse",
            "metric": "throughput (bytes)",
            "value": megabytes / best,
            "unit": "MB/s",
        },
        {
            "benchmark": "parse",
            "metric": "mean time",
            "value": best / len(texts) * 1e6,
            "unit": "µs/document",
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
