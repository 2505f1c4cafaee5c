"""Embeddings kept per text version, and the last overlap run's candidates (SQLite, PostgreSQL)."""

from __future__ import annotations

import numpy as np

from intersector.coordination.embeddings import HashingEmbedder, embed_versions
from intersector.store import Store
from intersector.store.analytics import (
    StoreVectorCache,
    replace_candidates,
    replace_candidates_of,
    stored_candidates,
)


def test_vectors_round_trip_and_are_embedded_once(store: Store) -> None:
    cache = StoreVectorCache(store)
    embedder = HashingEmbedder(dimension=16)
    first = embed_versions([("a", "disaster relief"), ("b", "spectrum")], embedder, cache)
    assert cache.count() == 2
    again = embed_versions([("a", "disaster relief"), ("b", "spectrum sharing")], embedder, cache)
    assert cache.count() == 3  # b's new version added beside the old one
    assert np.array_equal(first[0], again[0])
    found = cache.get_vectors(embedder.name, [("a", "nope")])
    assert found == {}


def _cand(a: str, b: str, score: float) -> dict[str, object]:
    return {
        "id": f"{a}~{b}",
        "left": {"id": a},
        "right": {"id": b},
        "score": score,
        "relation": "overlapping",
    }


def test_candidates_replaced_whole_or_per_item(store: Store) -> None:
    assert replace_candidates(store, [_cand("a", "b", 0.5), _cand("c", "d", 0.9)]) == 2
    assert [c["id"] for c in stored_candidates(store)] == ["c~d", "a~b"]
    replace_candidates_of(store, ["a"], [_cand("a", "e", 0.7)])
    assert [c["id"] for c in stored_candidates(store)] == ["c~d", "a~e"]
    assert [c["id"] for c in stored_candidates(store, min_score=0.8)] == ["c~d"]
