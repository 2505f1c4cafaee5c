"""Subjects of mutual interest: classification, the subject × Sector × group matrix, and the
subjects common to all three Sectors (Resolution 57, resolves 1).

Stages, each with its promise:
- `SubjectClassifier.build`: each subject's keywords analysed per language (the same analysis
  as BM25: folded, stemmed, key terms as concepts) and its descriptions embedded, once.
- `classify`: for one text in any language, every subject scoring at least `threshold`, with a
  confidence in [0, 1] and a reason (the keywords matched, the nearest description and its
  cosine). `confidence = KEYWORD_WEIGHT * keyword_part + (1 - KEYWORD_WEIGHT) * semantic_part`,
  where keyword_part is 0, 0.7, 0.85 or 1 for 0, 1, 2, 3+ keywords matched and semantic_part is
  the description cosine rescaled from [0.2, 0.6] to [0, 1]; a work published in a series
  whose mandate is the subject (`coordination/series.py`: ITU-R BT → audiovisual delivery,
  ITU-T K → EMC…) gains SERIES_BONUS (strong rule) or half of it (weak rule), so that a
  title-only record is classified by where it is published as well as by its words.
- `resolve`: coordinators' corrections win over the classifier, and subjects declared on the
  registry item win too; the result says where each subject came from.
- `subject_matrix`: subject → Sector → group → items as the classifier sees the texts (its
  suggestions); who works on what in the registry is `coordination/work.py`, whose
  `common_subjects` is the one definition of the subjects common to the three Sectors.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from intersector.coordination.embeddings import Embedder, FloatArray
from intersector.coordination.lexical import analyse
from intersector.coordination.overlap import WorkText
from intersector.coordination.series import STRONG, series_subjects
from intersector.coordination.taxonomy import OTHER_SENSES
from intersector.coordination.work import Matrix, sort_matrix
from intersector.domain.decisions import Correction as Correction
from intersector.domain.registry import Subject

KEYWORD_WEIGHT = 0.6
THRESHOLD = 0.475  # best macro-F1 on the dev half of bench/labels/subjects.tsv
SERIES_BONUS = 0.7  # chosen with THRESHOLD on the dev half (docs/benchmarks.md)
_KEYWORD_PART = (0.0, 0.7, 0.85, 1.0)
_COSINE_LOW, _COSINE_HIGH = 0.2, 0.6


@dataclass(frozen=True)
class Assignment:
    """One subject given to one item: how sure, why, and by whom (`classifier`, `registry`
    or `coordinator`)."""

    item: str
    subject: str
    confidence: float
    reason: str
    origin: str = "classifier"


@dataclass
class SubjectClassifier:
    subjects: list[Subject]
    keywords: list[list[tuple[str, tuple[str, ...]]]]  # per subject: (keyword, its terms)
    descriptions: list[list[tuple[str, str]]]  # per subject: (language, description)
    vectors: list[FloatArray]
    embedder: Embedder
    threshold: float = THRESHOLD
    other_senses: list[list[frozenset[str]]] = field(default_factory=list)  # per subject

    @classmethod
    def build(cls, subjects: Iterable[Subject], embedder: Embedder) -> SubjectClassifier:
        listed = [s for s in subjects if not s.withdrawn]
        keywords = [_analysed_keywords(s) for s in listed]
        descriptions = [
            [(lang, text) for lang, text in s.description.items()]
            or [(lang, text) for lang, text in s.labels.items()]
            for s in listed
        ]
        vectors = [embedder.embed([text for _, text in d]) for d in descriptions]
        senses = [_analysed_senses(s.id) for s in listed]
        return cls(listed, keywords, descriptions, vectors, embedder, other_senses=senses)

    def classify(self, work: WorkText) -> list[Assignment]:
        """The subjects of `work`, most confident first."""
        return self.classify_many([work])[0]

    def classify_many(self, works: Sequence[WorkText]) -> list[list[Assignment]]:
        """`classify` for many works, embedding them in one batch."""
        if not works:
            return []
        vectors = self.embedder.embed([w.text for w in works])
        return [self._assign(w, vectors[n]) for n, w in enumerate(works)]

    def classify_embedded(
        self, works: Sequence[WorkText], vectors: FloatArray
    ) -> list[list[Assignment]]:
        """`classify_many` for works whose vectors (same embedder) are already known."""
        return [self._assign(w, vectors[n]) for n, w in enumerate(works)]

    def _assign(self, work: WorkText, vector: FloatArray) -> list[Assignment]:
        terms = set(analyse(work.text, work.language, concepts=False))
        series = dict(series_subjects(work.id, work.group))
        found = []
        for s, subject in enumerate(self.subjects):
            blocked = [p for p in self._senses(s) if p <= terms]
            matched = [
                kw
                for kw, kw_terms in self.keywords[s]
                if set(kw_terms) <= terms and not any(set(kw_terms) <= p for p in blocked)
            ]
            sims = self.vectors[s] @ vector
            best = int(np.argmax(sims))
            bonus = _series_bonus(series.get(subject.id, ""))
            confidence = min(_confidence(len(matched), float(sims[best])) + bonus, 1.0)
            if confidence >= self.threshold:
                reason = _reason(matched, self.descriptions[s][best], float(sims[best]))
                if bonus:
                    reason += f"; published in a series working on it ({series[subject.id]})"
                found.append(Assignment(work.id, subject.id, round(confidence, 3), reason))
        return sorted(found, key=lambda a: (-a.confidence, a.subject))

    def _senses(self, s: int) -> list[frozenset[str]]:
        return self.other_senses[s] if s < len(self.other_senses) else []


def _analysed_senses(subject: str) -> list[frozenset[str]]:
    """The analysed terms of each phrase using `subject`'s keywords in another sense."""
    phrases = OTHER_SENSES.get(subject, {})
    found = [
        frozenset(analyse(phrase, lang, concepts=False))
        for lang, listed in phrases.items()
        for phrase in listed
    ]
    return [terms for terms in found if terms]


def _analysed_keywords(subject: Subject) -> list[tuple[str, tuple[str, ...]]]:
    """Each keyword with its analysed terms, in its own language; labels count as keywords."""
    pairs = [(lang, kw) for lang, kws in subject.keywords.items() for kw in kws]
    pairs += [(lang, label) for lang, label in subject.labels.items()]
    out = []
    for lang, keyword in pairs:
        terms = tuple(analyse(keyword, lang, concepts=False))
        if terms and (keyword, terms) not in out:
            out.append((keyword, terms))
    return out


def _series_bonus(strength: str) -> float:
    if not strength:
        return 0.0
    return SERIES_BONUS if strength == STRONG else SERIES_BONUS / 2


def _confidence(matched: int, cosine: float) -> float:
    keyword_part = _KEYWORD_PART[min(matched, len(_KEYWORD_PART) - 1)]
    semantic = (cosine - _COSINE_LOW) / (_COSINE_HIGH - _COSINE_LOW)
    return KEYWORD_WEIGHT * keyword_part + (1 - KEYWORD_WEIGHT) * min(max(semantic, 0.0), 1.0)


def _reason(matched: Sequence[str], description: tuple[str, str], cosine: float) -> str:
    terms = f"terms matched: {', '.join(matched[:5])}" if matched else "no term matched"
    lang, text = description
    return f"{terms}; nearest description ({lang}, cosine {cosine:.2f}): {text[:70]}"


def resolve(
    classified: Iterable[Assignment],
    declared: Mapping[str, Sequence[str]] = {},
    corrections: Iterable[Correction] = (),
) -> dict[str, list[Assignment]]:
    """Item → its subjects: the classifier's, plus those declared on the registry item, plus
    coordinators' additions, minus their removals (the latest correction of a pair wins)."""
    out: dict[str, dict[str, Assignment]] = {}
    for a in classified:
        out.setdefault(a.item, {})[a.subject] = a
    for item, subjects in declared.items():
        for subject in subjects:
            out.setdefault(item, {})[subject] = Assignment(
                item, subject, 1.0, "declared in the registry", "registry"
            )
    for c in corrections:
        if c.action == "remove":
            out.get(c.item, {}).pop(c.subject, None)
        else:
            note = f"corrected by {c.author or 'a coordinator'}" + (f": {c.note}" if c.note else "")
            out.setdefault(c.item, {})[c.subject] = Assignment(
                c.item, c.subject, 1.0, note, "coordinator"
            )
    return {
        item: sorted(s.values(), key=lambda a: (-a.confidence, a.subject))
        for item, s in out.items()
    }


def subject_matrix(
    works: Iterable[WorkText], subjects: Mapping[str, Sequence[Assignment]]
) -> Matrix:
    """subject → Sector → group (`""` when unknown) → item ids, sorted: the classifier's
    reading of the texts, not the registry's answer (`coordination.work.subject_work`)."""
    matrix: Matrix = {}
    for work in works:
        for assignment in subjects.get(work.id, ()):
            cell = matrix.setdefault(assignment.subject, {}).setdefault(work.sector, {})
            cell.setdefault(work.group, []).append(work.id)
    return sort_matrix(matrix)
