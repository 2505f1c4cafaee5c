"""Cross-Sector overlap and subject quality on the real records (`python -m bench overlap_quality`).

On the TEST half of `bench/labels/` (dev figures beside them; choices were made on dev only):
- recall@10 and precision@10 of intersector's candidates (`OverlapIndex.candidates_for`, scope
  other Sectors) next to three baselines computed here: TF-IDF cosine on titles, plain
  multilingual USE cosine on titles, BM25 on title + abstract — each ranking exactly the other
  Sectors' works;
- cross-lingual recall@10: the French and Spanish renderings of the queries, in an index holding
  them beside the 9,978 English works;
- subject macro-F1 and per-subject F1 of the classifier next to English keyword rules (a
  subject whenever one of its English keywords appears), on `bench/labels/subjects.tsv`.

Needs the real records file (`INTERSECTOR_BENCH_PUBLICATIONS`, see bench/generate.py); skipped
when it is absent. Embeddings are cached in bench/.cache (see bench_overlap.embedded).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.bench_overlap import embedded
from bench.generate import load_real_publications
from bench.quality import (
    K,
    Labels,
    Ranker,
    bm25_texts,
    intersector_ranker,
    load_labels,
    pairs_found,
    question_works,
    scores,
    tfidf_titles,
    translated_relevant,
    translated_works,
    use_titles,
    without_source,
)
from bench.subject_quality import subject_rows
from intersector.coordination.embeddings import UniversalSentenceEncoder
from intersector.coordination.overlap import (
    OverlapIndex,
    SentenceMean,
    WorkText,
    compared_sentences,
)

Row = dict[str, Any]
RECALL_GOAL, MARGIN_GOAL, CROSS_LINGUAL_GOAL = 0.90, 0.20, 0.85


class Precomputed:
    """An Embedder answering from vectors computed (and cached) beforehand, by text; other
    texts (the subjects' descriptions) are embedded by `model`."""

    def __init__(
        self, texts: Sequence[str], vectors: np.ndarray, model: UniversalSentenceEncoder
    ) -> None:
        self.by_text = dict(zip(texts, vectors, strict=True))
        self.model = model

    @property
    def name(self) -> str:
        return "precomputed"

    @property
    def dimension(self) -> int:
        return 512

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = sorted(set(texts) - self.by_text.keys())
        if missing:
            self.by_text.update(zip(missing, self.model.embed(missing), strict=True))
        return np.vstack([self.by_text[t] for t in texts]).astype(np.float32)


def _row(metric: str, value: float, target: str = "", ok: bool | None = None) -> Row:
    row: Row = {"benchmark": "overlap_quality", "metric": metric, "value": value, "unit": ""}
    if target:
        row["target"], row["ok"] = target, ok
    return row


def corpus(labels: Labels) -> tuple[list[WorkText], list[WorkText]] | None:
    """The English works (real publications + the ITU-D Questions) and the translated queries."""
    activities = load_real_publications()
    if activities is None:
        return None
    works = [WorkText.from_activity(a) for a in activities] + question_works(labels)
    return works, translated_works(labels, {w.id: w for w in works})


def embedder_for(works: Sequence[WorkText], model: UniversalSentenceEncoder) -> Precomputed:
    """Vectors of every compared sentence and title of `works` (cached), as an Embedder: plain
    USE vectors; `SentenceMean(it)` gives the texts' vectors as the product computes them."""
    parts = sorted({s for w in works for s in compared_sentences(w.text)})
    titles = [w.title or w.text for w in works]
    vectors = embedded("quality-sentences", parts, model)
    title_vectors = embedded("quality-titles", titles, model)
    return Precomputed(parts + titles, np.vstack([vectors, title_vectors]), model)


def overlap_rows(labels: Labels, works: list[WorkText], embedder: Precomputed) -> list[Row]:
    index = OverlapIndex.build(works, SentenceMean(embedder))
    title_vectors = embedder.embed([w.title or w.text for w in works])
    systems = {
        "intersector": intersector_ranker(index),
        "TF-IDF titles": tfidf_titles(works),
        "USE cosine titles": use_titles(works, title_vectors),
        "BM25 title+abstract": bm25_texts(works),
    }
    out: list[Row] = []
    for half in ("test", "dev"):
        found = {name: scores(ranker, labels.related[half]) for name, ranker in systems.items()}
        n = len(labels.related[half])
        for name, (recall, precision) in found.items():
            out.append(_row(f"{half} ({n} queries): {name} recall@{K}", round(recall, 4)))
            out.append(_row(f"{half}: {name} precision@{K}", round(precision, 4)))
        out += _source_rows(half, labels, systems)
        if half == "test":
            best = max(r for name, (r, _) in found.items() if name != "intersector")
            ours = found["intersector"][0]
            out.append(
                _row("test: intersector recall@10", ours, f">= {RECALL_GOAL}", ours >= RECALL_GOAL)
            )
            out.append(
                _row(
                    "test: intersector recall@10 minus the best baseline's",
                    round(ours - best, 4),
                    f">= {MARGIN_GOAL}",
                    ours - best >= MARGIN_GOAL,
                )
            )
    return out


def _source_rows(half: str, labels: Labels, systems: dict[str, Ranker]) -> list[Row]:
    """Pairs found per label source, and recall@10 without the pairs labelled from citations
    (intersector reads citations, so on those its gain comes from how they were labelled)."""
    relevant = labels.related[half]
    out = []
    for name, ranker in systems.items():
        for source, (hit, total) in sorted(pairs_found(ranker, relevant, labels.sources).items()):
            metric = f"{half}: {name}, related pairs in the first 10, {source} ({total})"
            out.append(_row(metric, round(hit / total, 4)))
        kept = without_source(relevant, labels.sources, "citation")
        if len(kept) < len(relevant) or any(kept[q] != relevant[q] for q in kept):
            recall = round(scores(ranker, kept)[0], 4)
            out.append(_row(f"{half}: {name} recall@10 without citation pairs", recall))
    return out


def cross_lingual_rows(
    labels: Labels, works: list[WorkText], translated: list[WorkText], embedder: Precomputed
) -> list[Row]:
    index = OverlapIndex.build(works + translated, SentenceMean(embedder))
    ranker = intersector_ranker(index)
    title_vectors = embedder.embed([w.title or w.text for w in works + translated])
    baseline = use_titles(works + translated, title_vectors)
    out: list[Row] = []
    for half in ("test", "dev"):
        both: dict[str, set[str]] = {}
        for language in ("fr", "es"):
            wanted = translated_relevant(labels, half, language)
            both.update(wanted)
            recall = scores(ranker, wanted)[0]
            out.append(_row(f"{half}: cross-lingual recall@10, {language} ({len(wanted)})", recall))
        recall = round(scores(ranker, both)[0], 4)
        plain = round(scores(baseline, both)[0], 4)
        goal = f">= {CROSS_LINGUAL_GOAL}" if half == "test" else ""
        ok = recall >= CROSS_LINGUAL_GOAL if half == "test" else None
        out.append(_row(f"{half}: cross-lingual recall@10, fr + es", recall, goal, ok))
        out.append(_row(f"{half}: cross-lingual recall@10, fr + es, USE cosine titles", plain))
    return out


def run() -> list[Row]:
    labels = load_labels()
    found = corpus(labels)
    if found is None:
        return []
    works, translated = found
    model = UniversalSentenceEncoder(threads=2)
    embedder = embedder_for(works + translated, model)
    out = overlap_rows(labels, works, embedder)
    out += cross_lingual_rows(labels, works, translated, embedder)
    out += subject_rows({w.id: w for w in works}, SentenceMean(embedder))
    return out


if __name__ == "__main__":  # pragma: no cover - a quick look without the runner
    for row in run():
        print(row)
    print(Path(__file__).name)
