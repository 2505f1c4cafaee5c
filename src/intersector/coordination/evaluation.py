"""Quality of the overlap finder on a labelled set: precision@k and recall@k of each query's
candidates, and the score threshold that best separates related from unrelated pairs (F1).

Promise: pure arithmetic on an `OverlapIndex` and labels handed in; no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from intersector.coordination.overlap import OverlapIndex, pair_scores


@dataclass(frozen=True)
class LabelledPair:
    query: str
    target: str
    related: bool


@dataclass(frozen=True)
class Quality:
    """Averages over queries; `best_threshold` maximises F1 over the labelled pairs."""

    queries: int
    pairs: int
    precision_at_k: float
    recall_at_k: float
    r_precision: float  # precision at k = number of relevant items of the query
    best_threshold: float
    best_f1: float
    k: int = 10


def ranking_quality(
    index: OverlapIndex, relevant: Mapping[str, set[str]], k: int = 10
) -> tuple[float, float, float]:
    """Mean precision@k, recall@k and R-precision of the queries in `relevant`."""
    precision = recall = r_precision = 0.0
    for query, wanted in relevant.items():
        found = [c.right.id for c in index.candidates_for(query, max(k, len(wanted)))]
        precision += len(set(found[:k]) & wanted) / k
        recall += len(set(found[:k]) & wanted) / len(wanted)
        r_precision += len(set(found[: len(wanted)]) & wanted) / len(wanted)
    n = max(len(relevant), 1)
    return precision / n, recall / n, r_precision / n


def best_threshold(scored: Sequence[tuple[float, bool]]) -> tuple[float, float]:
    """(threshold, F1) maximising F1 when pairs scoring >= threshold are called related."""
    best = (0.0, 0.0)
    positives = sum(related for _, related in scored)
    for threshold, _ in scored:
        hits = sum(related for s, related in scored if s >= threshold)
        called = sum(1 for s, _ in scored if s >= threshold)
        f1 = 2 * hits / (called + positives) if called + positives else 0.0
        if f1 > best[1]:
            best = (threshold, f1)
    return round(best[0], 4), round(best[1], 4)


def evaluate(index: OverlapIndex, pairs: Sequence[LabelledPair], k: int = 10) -> Quality:
    """Ranking and threshold quality of `index` on the labelled `pairs`."""
    relevant: dict[str, set[str]] = {}
    for pair in pairs:
        if pair.related:
            relevant.setdefault(pair.query, set()).add(pair.target)
    precision, recall, r_precision = ranking_quality(index, relevant, k)
    scored = [(pair_scores(index, p.query, p.target)[0], p.related) for p in pairs]
    threshold, f1 = best_threshold(scored)
    return Quality(
        len(relevant),
        len(pairs),
        round(precision, 4),
        round(recall, 4),
        round(r_precision, 4),
        threshold,
        f1,
        k,
    )
