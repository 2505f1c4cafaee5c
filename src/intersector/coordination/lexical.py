"""Lexical similarity: per-language analysis and a BM25 index.

Stages, each with its promise:
- `fold`: lower case, accents removed, apostrophes and punctuation become spaces.
- `analyse`: a list of index terms; ITU key terms found in the text's language become concept
  terms (`~network`, the same for `réseau` and `red`), the other words lose stop words and are
  lightly stemmed. Language tables live in `vocabulary`; an unknown language gets no stemming.
- `BM25Index`: scores a query against every indexed text; `normalised` divides by the query's
  score against itself, so a text scores 1.0 against a copy of itself and 0.0 with no term in
  common.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from intersector.coordination.vocabulary import KEY_TERMS, MIN_STEM, STOP_WORDS, SUFFIXES

CONCEPT_PREFIX = "~"
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MAX_PHRASE = 4

FloatArray = npt.NDArray[np.float32]
_FOLD_PUNCTUATION = str.maketrans({"'": " ", "’": " ", "\u2010": "-", "\u2011": "-"})


def fold(text: str) -> str:
    """Lower case, without accents; apostrophes become spaces (`d'urgence` → `d urgence`),
    Unicode hyphens ASCII ones (`e‑waste` → `e-waste`)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.translate(_FOLD_PUNCTUATION)


def words(text: str) -> list[str]:
    """The folded words of `text`, in order (hyphenated words kept whole: `imt-2020`)."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=16)
def _phrases(language: str) -> dict[tuple[str, ...], str]:
    """Folded key-term forms of `language` (all languages when unknown) → concept id."""
    table: dict[tuple[str, ...], str] = {}
    for concept, forms in KEY_TERMS.items():
        for lang, variants in forms.items():
            if language in KEY_TERMS[concept] and lang != language:
                continue
            for variant in variants:
                table[tuple(_WORD.findall(fold(variant)))] = concept
    return table


def stem(word: str, language: str) -> str:
    """Remove the longest listed suffix that leaves at least MIN_STEM letters."""
    for suffix in SUFFIXES.get(language, ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def _match_phrase(
    tokens: Sequence[str], start: int, table: dict[tuple[str, ...], str]
) -> tuple[str, int]:
    """The concept of the longest key-term form starting at `start`, and its length in words."""
    for size in range(min(_MAX_PHRASE, len(tokens) - start), 0, -1):
        concept = table.get(tuple(tokens[start : start + size]))
        if concept:
            return concept, size
    return "", 1


def _scan(text: str, language: str, concepts: bool = True) -> list[tuple[str, bool]]:
    """(term, is_concept) for each index term of `text`, in order."""
    tokens = words(text)
    table = _phrases(language) if concepts else {}
    stops = STOP_WORDS.get(language, frozenset())
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(tokens):
        concept, size = _match_phrase(tokens, i, table)
        if concept:
            out.append((concept, True))
        elif tokens[i] not in stops and len(tokens[i]) > 1:
            out.append((stem(tokens[i], language), False))
        i += size
    return out


def analyse(text: str, language: str, concepts: bool = True) -> list[str]:
    """Index terms of `text`: concept terms prefixed with `~`, other words stemmed; with
    `concepts=False`, every word stemmed (for matching exact keywords)."""
    scanned = _scan(text, language, concepts)
    return [CONCEPT_PREFIX + t if is_concept else t for t, is_concept in scanned]


def key_terms(text: str, language: str) -> frozenset[str]:
    """The ITU key-term concepts (`network`, `emergency`, …) found in `text`."""
    return frozenset(t for t, is_concept in _scan(text, language) if is_concept)


@dataclass
class BM25Index:
    """Okapi BM25 over analysed texts, as an inverted index of precomputed term weights."""

    k1: float = 1.2
    b: float = 0.75
    postings: dict[str, tuple[npt.NDArray[np.int64], FloatArray]] = field(default_factory=dict)
    size: int = 0

    @classmethod
    def build(cls, texts: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> BM25Index:
        """Index the analysed `texts` (position i is document i)."""
        index = cls(k1=k1, b=b, size=len(texts))
        lengths = np.array([len(t) for t in texts], dtype=np.float32)
        average = float(lengths.mean()) if len(texts) and lengths.sum() else 1.0
        raw: dict[str, tuple[list[int], list[float]]] = {}
        for doc, terms in enumerate(texts):
            norm = k1 * (1 - b + b * lengths[doc] / average)
            for term, tf in Counter(terms).items():
                docs, weights = raw.setdefault(term, ([], []))
                docs.append(doc)
                weights.append(tf * (k1 + 1) / (tf + norm))
        for term, (docs, weights) in raw.items():
            idf = math.log(1 + (len(texts) - len(docs) + 0.5) / (len(docs) + 0.5))
            index.postings[term] = (
                np.array(docs, dtype=np.int64),
                np.array(weights, dtype=np.float32) * np.float32(idf),
            )
        return index

    def scores(self, query: Sequence[str]) -> FloatArray:
        """BM25 score of `query` against every indexed text (unknown terms count for nothing)."""
        out = np.zeros(self.size, dtype=np.float32)
        for term in set(query):
            posting = self.postings.get(term)
            if posting is not None:  # a posting lists each text once: plain indexing adds
                out[posting[0]] += posting[1]
        return out

    def normalised(self, query: Sequence[str], self_doc: int) -> FloatArray:
        """Scores divided by the query text's own score (`self_doc` is its position), in [0, 1]."""
        raw = self.scores(query)
        top = float(raw[self_doc]) if 0 <= self_doc < self.size else float(raw.max(initial=0.0))
        if top <= 0:
            return np.zeros_like(raw)
        clipped: FloatArray = np.minimum(raw / np.float32(top), np.float32(1.0))
        return clipped
