"""Ranking quality on the labelled cross-Sector set (`bench/labels/`), for intersector and for
the baselines the bench computes itself: TF-IDF cosine on titles, plain multilingual USE cosine
on titles, BM25 on title + abstract. Every system ranks, for one query, the works of the OTHER
Sectors only (exactly, over all of them), so that the systems differ only by their score.

recall@10 of a query = related works in its first 10 / min(10, its related works); precision@10 =
related works in its first 10 / 10; both averaged over the queries of one half.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from intersector.coordination.lexical import BM25Index, analyse
from intersector.coordination.overlap import OverlapIndex, WorkText

LABELS = Path(__file__).parent / "labels"
QUESTIONS = Path(__file__).parents[1] / "tests" / "data" / "overlap" / "questions.yaml"
K = 10
Ranker = Callable[[str], list[str]]


@dataclass(frozen=True)
class Labels:
    """Related targets of each query, per half; the hard negatives; the translations."""

    related: dict[str, dict[str, set[str]]]  # half → query → related targets
    negatives: dict[str, dict[str, set[str]]]
    translations: dict[str, dict[str, str]]  # query → language → text
    questions: list[dict[str, str]]  # the ITU-D Questions (id, group, en, fr, es)
    sources: dict[tuple[str, str], str]  # (query, related target) → how the label was made


def load_labels() -> Labels:
    data = json.loads((LABELS / "overlap.json").read_text(encoding="utf-8"))
    related: dict[str, dict[str, set[str]]] = {"dev": {}, "test": {}}
    negatives: dict[str, dict[str, set[str]]] = {"dev": {}, "test": {}}
    sources: dict[tuple[str, str], str] = {}
    for p in data["pairs"]:
        chosen = related if p["label"] == "related" else negatives
        chosen[p["half"]].setdefault(p["query"], set()).add(p["target"])
        if p["label"] == "related":
            sources[(p["query"], p["target"])] = p["source"]
    translations = yaml.safe_load((LABELS / "translations.yaml").read_text(encoding="utf-8"))
    for q in data["itu_d_questions"]:
        translations[q["id"]] = {"fr": q["fr"], "es": q["es"]}
    return Labels(related, negatives, translations, data["itu_d_questions"], sources)


def question_works(labels: Labels) -> list[WorkText]:
    """The ITU-D Questions of the set as works (English)."""
    return [
        WorkText(q["id"], "itu-d", q["en"], q["en"].split(". ")[0], q["group"], "en", "question")
        for q in labels.questions
    ]


def translated_works(labels: Labels, works: dict[str, WorkText]) -> list[WorkText]:
    """Each translated query as a work of its own (`id@fr`), in its original's Sector."""
    out = []
    for query, texts in sorted(labels.translations.items()):
        if query not in works:
            continue
        base = works[query]
        for language, text in sorted(texts.items()):
            out.append(
                WorkText(
                    f"{query}@{language}",
                    base.sector,
                    text,
                    text.split(". ")[0],
                    base.group,
                    language,
                    base.kind,
                )
            )
    return out


def base_id(work_id: str) -> str:
    """`itu-r-rec-m.1457@fr` → `itu-r-rec-m.1457`: a translation found counts as its work."""
    return work_id.split("@", 1)[0]


def scores(ranker: Ranker, relevant: dict[str, set[str]], k: int = K) -> tuple[float, float]:
    """Mean recall@k and precision@k of `ranker` over the queries of `relevant`."""
    recall = precision = 0.0
    for query, wanted in relevant.items():
        found = list(dict.fromkeys(base_id(w) for w in ranker(query)))[:k]
        hits = len(set(found) & wanted)
        recall += hits / min(k, len(wanted))
        precision += hits / k
    n = max(len(relevant), 1)
    return recall / n, precision / n


def pairs_found(
    ranker: Ranker, relevant: dict[str, set[str]], sources: dict[tuple[str, str], str], k: int = K
) -> dict[str, tuple[int, int]]:
    """Per label source: (related pairs whose target is in the query's first k, related pairs)."""
    out: dict[str, tuple[int, int]] = {}
    for query, wanted in relevant.items():
        found = set(list(dict.fromkeys(base_id(w) for w in ranker(query)))[:k])
        for target in wanted:
            hit, total = out.get(sources[(query, target)], (0, 0))
            out[sources[(query, target)]] = (hit + (target in found), total + 1)
    return out


def without_source(
    relevant: dict[str, set[str]], sources: dict[tuple[str, str], str], source: str
) -> dict[str, set[str]]:
    """`relevant` without the pairs labelled from `source` (queries left with none dropped)."""
    kept = {q: {t for t in ts if sources[(q, t)] != source} for q, ts in relevant.items()}
    return {q: ts for q, ts in kept.items() if ts}


def intersector_ranker(index: OverlapIndex) -> Ranker:
    return lambda query: [c.right.id for c in index.candidates_for(query, K)]


@dataclass
class MatrixRanker:
    """Ranks the other Sectors' works by a dense similarity (rows: works)."""

    works: list[WorkText]
    similarity: Callable[[int], np.ndarray]

    def __post_init__(self) -> None:
        self.position = {w.id: i for i, w in enumerate(self.works)}
        self.sectors = np.array([w.sector for w in self.works])

    def __call__(self, query: str) -> list[str]:
        i = self.position[query]
        sims = np.where(self.sectors != self.sectors[i], self.similarity(i), -np.inf)
        top = np.argpartition(-sims, K)[:K]
        top = top[np.argsort(-sims[top], kind="stable")]
        return [self.works[j].id for j in top]


def tfidf_titles(works: Sequence[WorkText]) -> MatrixRanker:
    """TF-IDF cosine on titles (analysed words: folded, stop words out, light stemming)."""
    terms = [Counter(analyse(w.title or w.text, w.language, concepts=False)) for w in works]
    df = Counter(t for c in terms for t in c)
    idf = {t: math.log(len(works) / n) + 1.0 for t, n in df.items()}
    vocab = {t: n for n, t in enumerate(df)}
    rows = np.zeros((len(works), len(vocab)), dtype=np.float32)
    for i, c in enumerate(terms):
        for t, tf in c.items():
            rows[i, vocab[t]] = (1 + math.log(tf)) * idf[t]
    rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
    return MatrixRanker(list(works), lambda i: rows @ rows[i])


def use_titles(works: Sequence[WorkText], vectors: np.ndarray) -> MatrixRanker:
    """Plain multilingual USE cosine on titles (`vectors`: the titles' unit vectors)."""
    return MatrixRanker(list(works), lambda i: vectors @ vectors[i])


def bm25_texts(works: Sequence[WorkText]) -> MatrixRanker:
    """BM25 of each work's title + abstract against the others (no key-term concepts)."""
    terms = [analyse(w.text, w.language, concepts=False) for w in works]
    index = BM25Index.build(terms)
    return MatrixRanker(list(works), lambda i: index.scores(terms[i]))


def translated_relevant(labels: Labels, half: str, language: str) -> dict[str, set[str]]:
    """The translated queries of one half and language, with their original's partners."""
    return {
        f"{q}@{language}": wanted
        for q, wanted in labels.related[half].items()
        if language in labels.translations.get(q, {})
    }
