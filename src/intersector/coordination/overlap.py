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
  `score = COSINE_WEIGHT * cosine + (1 - COSINE_WEIGHT) * bm25_normalised`, where cosine is the
  best of text against text and title against the other's text, either way (a title-only
  record meets a long abstract on its title's ground: dev recall@10 0.755 → 0.78,
  docs/benchmarks.md; the title's vector is made of the text's first sentences, so it costs no
  embedding), plus CITATION_BONUS
  when either text names the other (`Recommendation ITU-R M.1457` in an ITU-T abstract, read
  by `texts.references`: the one reference parser), and ranked. A cited work is always in the
  pool of the work citing it and of the work it cites.
- `explain`: the evidence a coordinator needs — which side names the other, shared key terms
  (across languages: `réseau` and `network` share `network`), shared words, the best-matching
  sentences side by side, both sides' groups, dates and subjects — and a relation guess:

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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from intersector.coordination.embeddings import (
    MAX_CHARS,
    Embedder,
    FloatArray,
    VectorCache,
    content_hash,
    embed_versions,
    normalise_rows,
)
from intersector.coordination.lexical import BM25Index, analyse, key_terms
from intersector.coordination.scope import BoolArray, IntArray, Scopes, check_scope
from intersector.coordination.search import VectorSearch, make_search
from intersector.coordination.vocabulary import GENERIC_CONCEPTS
from intersector.domain.documents import Document
from intersector.domain.registry import SECTORS, Activity
from intersector.texts.lexicon import BY_CODE
from intersector.texts.references import find_references

COSINE_WEIGHT = 0.4
CENTRE_MIN_TEXTS = 50
SAME_WORK = 0.4
OVERLAPPING = 0.2
MIN_SCORE = 0.09
CITATION_BONUS = OVERLAPPING  # a text naming another is at least on overlapping ground
RELATIONS = ("same-work", "overlapping", "complementary")
POOL_DEPTH = 50  # per partition and by BM25, before exact scoring (large sets only)
SEARCH_BLOCK = 512  # queries searched at once in a partition's index
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
        summary = document.summary or document.metadata.get("summary") or _first_clauses(document)
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

    citations: tuple[str, ...] = ()  # `A → B`: text A names text B
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


def combine_arrays(cosine: FloatArray, lexical: FloatArray) -> FloatArray:
    """`combine` of many pairs at once."""
    combined: FloatArray = COSINE_WEIGHT * np.maximum(cosine, 0.0) + (1 - COSINE_WEIGHT) * lexical
    return combined.astype(np.float32)


@dataclass
class OverlapIndex:
    """The analysed, embedded and searchable form of a set of works."""

    works: list[WorkText]
    vectors: FloatArray
    bm25: BM25Index
    terms: list[list[str]]
    positions: dict[str, int]
    scopes: Scopes
    compared: FloatArray | None = None  # centred vectors (`centred`); None: `vectors` as they are
    titles: FloatArray | None = None  # the titles' vectors, centred as `compared`
    citing: list[frozenset[int]] = field(default_factory=list)  # rows it cites or is cited by
    ann_threshold: int = 5000
    _searches: dict[tuple[str, int], tuple[IntArray, VectorSearch]] = field(
        default_factory=dict, repr=False
    )

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
        large = len(listed) >= CENTRE_MIN_TEXTS
        languages = [w.language for w in listed]
        titles = embedder.embed([title_part(w) for w in listed]) if listed else vectors
        positions = {w.id: i for i, w in enumerate(listed)}
        return cls(
            works=listed,
            vectors=vectors,
            bm25=BM25Index.build(terms),
            terms=terms,
            positions=positions,
            scopes=Scopes.of(
                [w.id for w in listed], [w.sector for w in listed], [w.group for w in listed]
            ),
            compared=centred(vectors, languages) if large else None,
            titles=centred(titles, languages) if large else titles,
            ann_threshold=ann_threshold,
            citing=citation_links(listed, positions),
        )

    def _scored(self, i: int, rows: IntArray) -> tuple[FloatArray, FloatArray, FloatArray]:
        """(score, cosine, lexical) of work `i` against the works at `rows`."""
        vectors = self.scored_vectors
        cosine: FloatArray = vectors[rows] @ vectors[i]
        if self.titles is not None:  # a title against the other's text, either way
            across = np.maximum(vectors[rows] @ self.titles[i], self.titles[rows] @ vectors[i])
            cosine = np.maximum(cosine, across)
        lexical = self.bm25.normalised(self.terms[i], i)[rows]
        score = combine_arrays(cosine, lexical)
        linked = self._citing(i)
        if linked:
            score[np.isin(rows, list(linked))] += np.float32(CITATION_BONUS)
        return score, cosine, lexical

    def _citing(self, i: int) -> frozenset[int]:
        return self.citing[i] if i < len(self.citing) else frozenset()

    def _ranked(self, i: int, rows: IntArray, stop: int) -> list[tuple[float, float, float, int]]:
        """The first `stop` of `rows` by score (ties by id): (score, cosine, lexical, row)."""
        score, cosine, lexical = self._scored(i, rows)
        if stop < len(rows):  # keep every row tying with the stop-th before the id tie-break
            kth = np.partition(-score, stop - 1)[stop - 1]
            keep = np.flatnonzero(-score <= kth)
            rows, score, cosine, lexical = rows[keep], score[keep], cosine[keep], lexical[keep]
        order = sorted(range(len(rows)), key=lambda n: (-score[n], self.works[rows[n]].id))
        return [
            (float(score[n]), float(cosine[n]), float(lexical[n]), int(rows[n]))
            for n in order[:stop]
        ]

    def count_for(self, work_id: str, scope: str = "other-sectors") -> int:
        """How many works `work_id` is compared with under `scope` (KeyError if unknown)."""
        return int(self.scopes.mask(self.positions[work_id], scope).sum())

    def candidates_for(
        self, work_id: str, k: int = 10, scope: str = "other-sectors", *, offset: int = 0
    ) -> list[Candidate]:
        """Ranks `offset` to `offset + k` of every work in scope for `work_id`, best first,
        scored exactly (no pool), without evidence (see `explain`). KeyError if unknown."""
        i = self.positions[work_id]
        rows = np.flatnonzero(self.scopes.mask(i, scope))
        ranked = self._ranked(i, rows, offset + k)[offset:]
        return [self._candidate(i, j, s, c, lx) for s, c, lx, j in ranked]

    def _candidate(self, i: int, j: int, score: float, cosine: float, lex: float) -> Candidate:
        left, right = Side.of(self.works[i]), Side.of(self.works[j])
        return Candidate(
            left, right, round(score, 4), round(cosine, 4), round(lex, 4), relation_for(score)
        )

    def _search(self, scope: str, part: int) -> tuple[IntArray, VectorSearch]:
        """The rows of one partition and a vector search over them (built once)."""
        kind = "group" if scope == "other-groups" else "sector"
        if (kind, part) not in self._searches:
            rows = np.flatnonzero(self.scopes.partition_key(scope) == part)
            search = make_search(self.scored_vectors[rows], self.ann_threshold)
            self._searches[(kind, part)] = (rows, search)
        return self._searches[(kind, part)]

    def _pools(
        self, block: IntArray, parts: Sequence[int], scope: str, depth: int
    ) -> list[set[int]]:
        """For each work of `block`, the `depth` nearest of every partition in `parts`."""
        pools: list[set[int]] = [set() for _ in block]
        for part in parts:
            rows, search = self._search(scope, part)
            near, _ = search.search(self.scored_vectors[block], min(depth, len(rows)))
            for n, found in enumerate(near):
                pools[n].update(int(rows[j]) for j in found if j >= 0)
        return pools

    def _best_lexical(self, i: int, mask: BoolArray, depth: int) -> set[int]:
        lexical = np.where(mask, self.bm25.normalised(self.terms[i], i), 0.0)
        best = min(depth, len(lexical))
        if not best:
            return set()
        top = np.argpartition(-lexical, best - 1)[:best]
        return {int(j) for j in top if lexical[j] > 0}

    def iter_candidates(
        self,
        k: int = 10,
        min_score: float = 0.0,
        scope: str = "other-sectors",
        only: Iterable[str] | None = None,
        depth: int = POOL_DEPTH,
    ) -> Iterator[Candidate]:
        """Each work's `k` best candidates (or only those of the works in `only`), work by
        work. Small sets are ranked exactly; above `ann_threshold` works, each work's pool is
        the `depth` nearest of every in-scope partition (one vector index per Sector, or per
        group) plus its `depth` best by BM25 within the scope, then scored exactly: a pool is
        never cut before the scope is applied."""
        check_scope(scope)
        ids = list(only) if only is not None else [w.id for w in self.works]
        positions = [self.positions[work_id] for work_id in ids]
        if len(self.works) <= self.ann_threshold:
            for i in positions:
                yield from self._kept(self.candidates_for(self.works[i].id, k, scope), min_score)
            return
        keys = self.scopes.partition_key(scope)
        for key in dict.fromkeys(int(keys[i]) for i in positions):
            group = np.array([i for i in positions if keys[i] == key], dtype=np.int64)
            parts = self.scopes.partitions(int(group[0]), scope)
            for start in range(0, len(group), SEARCH_BLOCK):
                yield from self._block(
                    group[start : start + SEARCH_BLOCK], parts, scope, k, depth, min_score
                )

    def _block(
        self, block: IntArray, parts: Sequence[int], scope: str, k: int, depth: int, floor: float
    ) -> Iterator[Candidate]:
        for i, pool in zip(block, self._pools(block, parts, scope, max(depth, k)), strict=True):
            mask = self.scopes.mask(int(i), scope)
            pool |= self._best_lexical(int(i), mask, max(depth, k)) | self._citing(int(i))
            rows = np.array(sorted(j for j in pool if mask[j]), dtype=np.int64)
            ranked = self._ranked(int(i), rows, k)
            yield from self._kept(
                [self._candidate(int(i), j, s, c, lx) for s, c, lx, j in ranked], floor
            )

    @staticmethod
    def _kept(candidates: Iterable[Candidate], min_score: float) -> Iterator[Candidate]:
        return (c for c in candidates if c.score >= min_score)

    def all_candidates(
        self,
        k: int = 10,
        min_score: float = 0.0,
        scope: str = "other-sectors",
        only: Iterable[str] | None = None,
    ) -> list[Candidate]:
        """Candidates of every work (or only of the works in `only`, for an incremental run),
        each pair once (its best direction), best first."""
        best: dict[str, Candidate] = {}
        for cand in self.iter_candidates(k, min_score, scope, only):
            if cand.score > _score(best.get(cand.id)):
                best[cand.id] = cand
        return sorted(best.values(), key=lambda c: (-c.score, c.id))

    def explain(self, candidate: Candidate, embedder: Embedder) -> Candidate:
        """The candidate with its evidence filled in."""
        return self.explain_many([candidate], embedder)[0]

    def explain_many(self, candidates: Sequence[Candidate], embedder: Embedder) -> list[Candidate]:
        """The candidates with their evidence, the sentences of all of them embedded at once
        and each work read once (its key terms and the texts it names), not once a pair."""
        ids = sorted({side.id for c in candidates for side in (c.left, c.right)})
        works = {i: self.works[self.positions[i]] for i in ids}
        split = {i: compared_sentences(w.text) for i, w in works.items()}
        unique = sorted({s for parts in split.values() for s in parts})
        vectors = embedder.embed(unique) if unique else np.zeros((0, 1), dtype=np.float32)
        row = {s: n for n, s in enumerate(unique)}
        read = {
            i: _Read(
                split[i],
                vectors[[row[s] for s in split[i]]],
                key_terms(w.text, w.language) - GENERIC_CONCEPTS,
                cited_ids(w),
            )
            for i, w in works.items()
        }
        return [self._explained(c, read) for c in candidates]

    def _explained(self, candidate: Candidate, read: dict[str, _Read]) -> Candidate:
        i, j = self.positions[candidate.left.id], self.positions[candidate.right.id]
        a, b = read[candidate.left.id], read[candidate.right.id]
        citations = []
        if candidate.right.id in a.cited:
            citations.append(f"{candidate.left.id} → {candidate.right.id}")
        if candidate.left.id in b.cited:
            citations.append(f"{candidate.right.id} → {candidate.left.id}")
        evidence = Evidence(
            citations=tuple(citations),
            shared_concepts=tuple(sorted(a.concepts & b.concepts)),
            shared_words=_shared_words(self.terms[i], self.terms[j]),
            sentences=_best_pairs(a.sentences, b.sentences, a.vectors @ b.vectors.T)
            if a.sentences and b.sentences
            else (),
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


@dataclass(frozen=True)
class _Read:
    """What the evidence needs of one work, read once for all its candidates."""

    sentences: list[str]
    vectors: FloatArray
    concepts: frozenset[str]
    cited: frozenset[str]


def cited_ids(work: WorkText) -> frozenset[str]:
    """The ids of the ITU texts `work` names (`Recommendation ITU-R M.1457` →
    `itu-r-rec-m.1457`), read in its language (English rules for a language without a table)."""
    lexicon = BY_CODE.get(work.language, BY_CODE["en"])
    return frozenset(r.id for r in find_references([work.text], lexicon, work.sector))


def citation_links(works: Sequence[WorkText], positions: dict[str, int]) -> list[frozenset[int]]:
    """For each work, the rows of the works it names or that name it (itself left out)."""
    links: list[set[int]] = [set() for _ in works]
    for i, work in enumerate(works):
        for cited in cited_ids(work):
            j = positions.get(cited, -1)
            if j >= 0 and j != i:
                links[i].add(j)
                links[j].add(i)
    return [frozenset(found) for found in links]


def centred(vectors: FloatArray, languages: Sequence[str] = ()) -> FloatArray:
    """Unit vectors minus their mean, renormalised (a zero row stays zero). With `languages`,
    each language with at least CENTRE_MIN_TEXTS texts is centred on its own mean, the others
    on the mean of all: what texts share because of their language goes, so that a French
    text meets the English texts on its ground before the French ones on another."""
    shifted = vectors - vectors.mean(axis=0, keepdims=True)
    for language in set(languages):
        rows = np.flatnonzero(np.asarray(languages) == language)
        if len(rows) >= CENTRE_MIN_TEXTS and len(rows) < len(vectors):
            shifted[rows] = vectors[rows] - vectors[rows].mean(axis=0, keepdims=True)
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


def title_part(work: WorkText) -> str:
    """The title as it opens the compared text (`Title.`, so that its sentences are the text's
    first ones and their vectors are shared), or the title alone, or the text."""
    title = work.title.strip()
    if not title:
        return work.text
    if work.text.startswith(title + "."):
        return work.text[: len(title) + 1]
    return title


def compared_sentences(text: str) -> list[str]:
    """The sentences of `text` that are compared (embedded, shown as evidence): those that
    start within its first MAX_CHARS characters; the whole text when it has none."""
    kept: list[str] = []
    used = 0
    for sentence in sentences(text):
        if kept and used >= MAX_CHARS:
            break
        kept.append(sentence[:MAX_CHARS])
        used += len(sentence)
    return kept or [text[:MAX_CHARS]]


@dataclass(frozen=True)
class SentenceMean:
    """An Embedder whose text vector is the normalised mean of the vectors of its compared
    sentences, embedded by `sentences` (so the sentence vectors the evidence needs are the
    ones the texts were made of: a first run embeds each sentence once, not the text and then
    its sentences; the title, the first sentence, weighs as much as any sentence of the
    abstract)."""

    sentences: Embedder

    @property
    def name(self) -> str:
        return f"{self.sentences.name}:sentence-mean"

    @property
    def dimension(self) -> int:
        return self.sentences.dimension

    def embed(self, texts: Sequence[str]) -> FloatArray:
        split = [compared_sentences(text) for text in texts]
        unique = sorted({s for parts in split for s in parts})
        if not unique:
            return np.zeros((len(texts), self.dimension), dtype=np.float32)
        vectors = self.sentences.embed(unique)
        row = {s: n for n, s in enumerate(unique)}
        means = np.vstack([vectors[[row[s] for s in parts]].mean(axis=0) for parts in split])
        return normalise_rows(means.astype(np.float32))


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
    score, cosine, lexical = index._scored(i, np.array([j], dtype=np.int64))
    return float(score[0]), float(cosine[0]), float(lexical[0])
