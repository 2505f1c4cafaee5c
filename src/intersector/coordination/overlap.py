"""Duplicated and overlapping work across Sectors (and languages): Resolution 57's first worry.

Stages, each with its promise:
- `WorkText.from_activity` / `from_document`: one comparable view of an activity or a document
  (id, Sector, group, language, date, subjects, and the text compared: title plus summary).
- `OverlapIndex.build`: every text analysed for BM25 and embedded once (through the vector cache:
  an unchanged text version is never embedded again); the vectors compared are centred on the
  set's mean vector and renormalised (from CENTRE_MIN_TEXTS texts on: the mean of a handful of
  texts is no estimate), which removes the direction every ITU text shares and spreads the
  cosines (recall@10 0.890 → 0.912 on the labelled set, docs/benchmarks.md); the vector search
  is exact below `ann_threshold` texts and an approximate usearch HNSW index above.
- `OverlapIndex.candidates_for`: for one text, the union of its nearest neighbours by cosine and
  its best BM25 matches, restricted to the scope (other Sectors; or any other group), each scored
  `score = COSINE_WEIGHT * cosine + (1 - COSINE_WEIGHT) * bm25_normalised` and ranked.
- `explain`: the evidence a coordinator needs — shared key terms (across languages: `réseau`
  and `network` share `network`), shared words, the best-matching sentences side by side, both
  sides' groups, dates and subjects — and a relation guess:

  | relation       | rule                                                        |
  |----------------|-------------------------------------------------------------|
  | `same-work`    | score >= SAME_WORK (0.4)                                    |
  | `overlapping`  | score >= OVERLAPPING (0.2)                                  |
  | `complementary`| score >= MIN_SCORE (0.09): related ground, other angle      |

  MIN_SCORE is the best-F1 threshold between related and unrelated pairs of the labelled set
  in `tests/data/overlap/` (docs/benchmarks.md, "Coordination analytics"); OVERLAPPING is
  reached by the closest third of that set's related pairs (an ITU-D Question against the
  publications on its ground), SAME_WORK by a text against its own translation or near copy
  (every ITU-D Question of the set against its translations scores 0.39 or more). The three
  are on the centred scale (sets of CENTRE_MIN_TEXTS texts or more): on smaller sets, whose
  cosines are not centred, scores run higher.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from intersector.coordination.embeddings import (
    Embedder,
    FloatArray,
    VectorCache,
    content_hash,
    embed_versions,
)
from intersector.coordination.lexical import BM25Index, analyse, key_terms
from intersector.coordination.search import VectorSearch, make_search
from intersector.coordination.vocabulary import GENERIC_CONCEPTS
from intersector.domain.documents import Document
from intersector.domain.registry import SECTORS, Activity

COSINE_WEIGHT = 0.4
CENTRE_MIN_TEXTS = 50
SAME_WORK = 0.4
OVERLAPPING = 0.2
MIN_SCORE = 0.09
RELATIONS = ("same-work", "overlapping", "complementary")
SCOPES = ("other-sectors", "other-groups")
_SENTENCE = re.compile(r"(?<=[.;:!?])\s+|\n+")


@dataclass(frozen=True)
class WorkText:
    """One activity or document as compared for overlaps."""

    id: str
    sector: str
    text: str
    title: str = ""
    group: str = ""
    language: str = "en"
    kind: str = ""
    when: date | None = None
    subjects: tuple[str, ...] = ()

    @property
    def version(self) -> str:
        """Content hash of the compared text: a review holds while it is unchanged."""
        return content_hash(self.text)

    @classmethod
    def from_activity(cls, activity: Activity) -> WorkText:
        text = f"{activity.title}. {activity.summary}" if activity.summary else activity.title
        return cls(
            id=activity.id,
            sector=activity.sector,
            text=text,
            title=activity.title,
            group=activity.group,
            language=activity.language,
            kind=activity.kind,
            when=activity.start,
            subjects=activity.subjects,
        )

    @classmethod
    def from_document(cls, document: Document) -> WorkText:
        summary = document.metadata.get("summary") or _first_clauses(document)
        return cls(
            id=document.id,
            sector=sector_of(document.body),
            text=f"{document.title}. {summary}".strip(". "),
            title=document.title,
            group=document.metadata.get("study_group"),
            language=document.language,
            kind=document.kind,
            when=date(document.revision.year, 1, 1) if document.revision else None,
        )


def sector_of(body: str) -> str:
    """The Sector of a body or group id: `itu-t-sg13` → `itu-t`; `wtsa` → `itu-t`."""
    assemblies = {"wtsa": "itu-t", "ra": "itu-r", "wrc": "itu-r", "wtdc": "itu-d"}
    for sector in SECTORS:
        if body == sector or body.startswith(sector + "-"):
            return sector
    return assemblies.get(body, "itu")


def _first_clauses(document: Document, limit: int = 6) -> str:
    texts = [c.text for s in (*document.preamble, *document.operative) for c in s.clauses]
    return " ".join(texts[:limit])


@dataclass(frozen=True)
class Side:
    """One side of a candidate, with what a coordinator needs to see of it."""

    id: str
    sector: str
    group: str
    language: str
    title: str
    when: date | None
    subjects: tuple[str, ...]
    version: str

    @classmethod
    def of(cls, work: WorkText) -> Side:
        return cls(
            work.id,
            work.sector,
            work.group,
            work.language,
            work.title,
            work.when,
            work.subjects,
            work.version,
        )


@dataclass(frozen=True)
class SentencePair:
    left: str
    right: str
    similarity: float


@dataclass(frozen=True)
class Evidence:
    """Why two texts look alike."""

    shared_concepts: tuple[str, ...] = ()  # ITU key terms, language-independent
    shared_words: tuple[str, ...] = ()  # analysed words both texts use
    sentences: tuple[SentencePair, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """Two works that may cover the same ground; `id` is stable for the pair (order-free)."""

    left: Side
    right: Side
    score: float
    cosine: float
    lexical: float
    relation: str
    evidence: Evidence = field(default_factory=Evidence)

    @property
    def id(self) -> str:
        return pair_id(self.left.id, self.right.id)


def pair_id(a: str, b: str) -> str:
    """`itu-d-q5-2~itu-t-q6-13`: the two ids sorted, joined by `~`."""
    first, second = sorted((a, b))
    return f"{first}~{second}"


def relation_for(score: float) -> str:
    """The relation guess for a combined score (thresholds in the module docstring)."""
    if score >= SAME_WORK:
        return "same-work"
    if score >= OVERLAPPING:
        return "overlapping"
    return "complementary"


def combine(cosine: float, lexical: float) -> float:
    """The combined score of one pair."""
    return COSINE_WEIGHT * max(cosine, 0.0) + (1 - COSINE_WEIGHT) * lexical


@dataclass
class OverlapIndex:
    """The analysed, embedded and searchable form of a set of works."""

    works: list[WorkText]
    vectors: FloatArray
    bm25: BM25Index
    terms: list[list[str]]
    search: VectorSearch
    positions: dict[str, int]
    compared: FloatArray | None = None  # centred vectors (`centred`); None: `vectors` as they are

    @property
    def scored_vectors(self) -> FloatArray:
        """The vectors cosines are taken on (centred when the set is large enough)."""
        return self.vectors if self.compared is None else self.compared

    @classmethod
    def build(
        cls,
        works: Iterable[WorkText],
        embedder: Embedder,
        cache: VectorCache | None = None,
        ann_threshold: int = 5000,
    ) -> OverlapIndex:
        listed = list(works)
        terms = [analyse(w.text, w.language) for w in listed]
        vectors = embed_versions(((w.id, w.text) for w in listed), embedder, cache)
        compared = centred(vectors) if len(listed) >= CENTRE_MIN_TEXTS else None
        return cls(
            works=listed,
            vectors=vectors,
            bm25=BM25Index.build(terms),
            terms=terms,
            search=make_search(vectors if compared is None else compared, ann_threshold),
            positions={w.id: i for i, w in enumerate(listed)},
            compared=compared,
        )

    def _in_scope(self, i: int, j: int, scope: str) -> bool:
        a, b = self.works[i], self.works[j]
        if i == j or a.id == b.id:
            return False
        if scope == "other-groups":
            return a.sector != b.sector or not a.group or a.group != b.group
        return a.sector != b.sector

    def _pool(self, i: int, lexical: FloatArray, depth: int) -> set[int]:
        """Positions among the `depth` nearest by cosine and the `depth` best by BM25."""
        near, _ = self.search.search(self.scored_vectors[i : i + 1], depth)
        pool = {int(j) for j in near[0] if j >= 0}
        best = min(depth, len(lexical))
        if best:
            top = np.argpartition(-lexical, best - 1)[:best]
            pool.update(int(j) for j in top if lexical[j] > 0)
        return pool

    def candidates_for(
        self, work_id: str, k: int = 10, scope: str = "other-sectors", depth: int = 50
    ) -> list[Candidate]:
        """The `k` best candidates for one work, best first, without evidence (see `explain`)."""
        i = self.positions[work_id]
        lexical = self.bm25.normalised(self.terms[i], i)
        scored, vectors = [], self.scored_vectors
        for j in self._pool(i, lexical, max(depth, k)):
            if self._in_scope(i, j, scope):
                cosine = float(vectors[i] @ vectors[j])
                scored.append((combine(cosine, float(lexical[j])), cosine, float(lexical[j]), j))
        scored.sort(key=lambda row: (-row[0], self.works[row[3]].id))
        return [self._candidate(i, j, s, c, lx) for s, c, lx, j in scored[:k]]

    def _candidate(self, i: int, j: int, score: float, cosine: float, lex: float) -> Candidate:
        left, right = Side.of(self.works[i]), Side.of(self.works[j])
        return Candidate(
            left, right, round(score, 4), round(cosine, 4), round(lex, 4), relation_for(score)
        )

    def all_candidates(
        self,
        k: int = 10,
        min_score: float = 0.0,
        scope: str = "other-sectors",
        only: Iterable[str] | None = None,
    ) -> list[Candidate]:
        """Candidates of every work (or only of the works in `only`, for an incremental run),
        each pair once (its best direction), best first."""
        ids = list(only) if only is not None else [w.id for w in self.works]
        best: dict[str, Candidate] = {}
        for work_id in ids:
            for cand in self.candidates_for(work_id, k, scope):
                if cand.score >= min_score and cand.score > _score(best.get(cand.id)):
                    best[cand.id] = cand
        return sorted(best.values(), key=lambda c: (-c.score, c.id))

    def explain(self, candidate: Candidate, embedder: Embedder) -> Candidate:
        """The candidate with its evidence filled in."""
        return self.explain_many([candidate], embedder)[0]

    def explain_many(self, candidates: Sequence[Candidate], embedder: Embedder) -> list[Candidate]:
        """The candidates with their evidence, the sentences of all of them embedded at once."""
        ids = {side.id for c in candidates for side in (c.left, c.right)}
        split = {i: sentences(self.works[self.positions[i]].text) for i in ids}
        unique = sorted({s for parts in split.values() for s in parts})
        vectors = embedder.embed(unique) if unique else np.zeros((0, 1), dtype=np.float32)
        row = {s: n for n, s in enumerate(unique)}
        return [self._explained(c, split, vectors, row) for c in candidates]

    def _explained(
        self,
        candidate: Candidate,
        split: dict[str, list[str]],
        vectors: FloatArray,
        row: dict[str, int],
    ) -> Candidate:
        i, j = self.positions[candidate.left.id], self.positions[candidate.right.id]
        a, b = self.works[i], self.works[j]
        concepts = shared_concepts(a, b)
        left, right = split[a.id], split[b.id]
        sims = vectors[[row[s] for s in left]] @ vectors[[row[s] for s in right]].T
        evidence = Evidence(
            shared_concepts=tuple(sorted(concepts)),
            shared_words=_shared_words(self.terms[i], self.terms[j]),
            sentences=_best_pairs(left, right, sims) if left and right else (),
        )
        return Candidate(
            candidate.left,
            candidate.right,
            candidate.score,
            candidate.cosine,
            candidate.lexical,
            candidate.relation,
            evidence,
        )


def centred(vectors: FloatArray) -> FloatArray:
    """Unit vectors minus their mean, renormalised (a zero row stays zero)."""
    shifted = vectors - vectors.mean(axis=0, keepdims=True)
    norms = np.linalg.norm(shifted, axis=1, keepdims=True)
    result: FloatArray = (shifted / np.maximum(norms, 1e-12)).astype(np.float32)
    return result


def shared_concepts(a: WorkText, b: WorkText) -> frozenset[str]:
    """The key-term concepts both texts use, the generic ones (`telecommunication`) left out."""
    both = key_terms(a.text, a.language) & key_terms(b.text, b.language)
    return both - GENERIC_CONCEPTS


def _score(candidate: Candidate | None) -> float:
    return -1.0 if candidate is None else candidate.score


def _shared_words(a: Sequence[str], b: Sequence[str], limit: int = 12) -> tuple[str, ...]:
    common = {t for t in a if not t.startswith("~")} & set(b)
    return tuple(sorted(common))[:limit]


def sentences(text: str) -> list[str]:
    """The sentences of `text` (split after . ; : ! ? and at line breaks), non-empty."""
    return [s.strip() for s in _SENTENCE.split(text) if len(s.strip()) > 2]


def best_sentences(
    left: str, right: str, embedder: Embedder, limit: int = 3
) -> tuple[SentencePair, ...]:
    """The best-matching sentence pairs of two texts, side by side, most similar first; each
    sentence used at most once."""
    a, b = sentences(left), sentences(right)
    if not a or not b:
        return ()
    vectors = embedder.embed(a + b)
    return _best_pairs(a, b, vectors[: len(a)] @ vectors[len(a) :].T, limit)


def _best_pairs(
    a: Sequence[str], b: Sequence[str], sims: FloatArray, limit: int = 3
) -> tuple[SentencePair, ...]:
    pairs: list[SentencePair] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for flat in np.argsort(-sims, axis=None):
        i, j = divmod(int(flat), len(b))
        if i not in used_a and j not in used_b:
            pairs.append(SentencePair(a[i], b[j], round(float(sims[i, j]), 4)))
            used_a.add(i)
            used_b.add(j)
        if len(pairs) == limit:
            break
    return tuple(pairs)


def pair_scores(index: OverlapIndex, a: str, b: str) -> tuple[float, float, float]:
    """(score, cosine, lexical) of one pair, `a` taken as the query."""
    i, j = index.positions[a], index.positions[b]
    lexical = float(index.bm25.normalised(index.terms[i], i)[j])
    cosine = float(index.scored_vectors[i] @ index.scored_vectors[j])
    return combine(cosine, lexical), cosine, lexical
