"""Storage of the coordination analytics' derived data (migration 0002):

- `embeddings`: one vector per (model, item id, content hash), float32 bytes. `StoreVectorCache`
  is the `VectorCache` the overlap finder asks before embedding: a text version is embedded once.
- `overlap_candidates`: the candidates of the last overlap run, as JSON, replaced by each run
  (`replace_candidates`) or per item for an incremental run (`replace_candidates_of`); read back
  whole (`stored_candidates`), or as keys filtered and ordered by the database (`candidate_keys`)
  and the JSON of one page of them (`candidate_data`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa

from intersector.store.db import Store
from intersector.store.tables import JSONData, metadata

FloatArray = npt.NDArray[np.float32]

embeddings = sa.Table(
    "embeddings",
    metadata,
    sa.Column("model", sa.String(80), primary_key=True),
    sa.Column("item_id", sa.String(300), primary_key=True),
    sa.Column("content_hash", sa.String(64), primary_key=True),
    sa.Column("vector", sa.LargeBinary, nullable=False),
)

overlap_candidates = sa.Table(
    "overlap_candidates",
    metadata,
    sa.Column("id", sa.String(620), primary_key=True),
    sa.Column("left_id", sa.String(300), nullable=False),
    sa.Column("right_id", sa.String(300), nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("relation", sa.String(40), nullable=False),
    sa.Column("data", JSONData, nullable=False),
    sa.Index("ix_overlap_candidates_score", "score"),
)

_CHUNK = 500


class StoreVectorCache:
    """A VectorCache on the store's `embeddings` table."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get_vectors(
        self, model: str, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], FloatArray]:
        wanted = set(keys)
        found: dict[tuple[str, str], FloatArray] = {}
        ids = sorted({item_id for item_id, _ in keys})
        with self.store.read() as conn:
            for start in range(0, len(ids), _CHUNK):
                query = sa.select(embeddings).where(
                    embeddings.c.model == model,
                    embeddings.c.item_id.in_(ids[start : start + _CHUNK]),
                )
                for row in conn.execute(query):
                    key = (row.item_id, row.content_hash)
                    if key in wanted:
                        found[key] = np.frombuffer(row.vector, dtype=np.float32).copy()
        return found

    def put_vectors(self, model: str, vectors: Mapping[tuple[str, str], FloatArray]) -> None:
        rows = [
            {
                "model": model,
                "item_id": item_id,
                "content_hash": digest,
                "vector": np.asarray(vector, dtype=np.float32).tobytes(),
            }
            for (item_id, digest), vector in vectors.items()
        ]
        with self.store.write() as conn:
            for start in range(0, len(rows), _CHUNK):
                chunk = rows[start : start + _CHUNK]
                conn.execute(
                    sa.delete(embeddings).where(
                        embeddings.c.model == model,
                        sa.tuple_(embeddings.c.item_id, embeddings.c.content_hash).in_(
                            [(r["item_id"], r["content_hash"]) for r in chunk]
                        ),
                    )
                )
                conn.execute(sa.insert(embeddings), chunk)

    def count(self) -> int:
        with self.store.read() as conn:
            return int(
                conn.execute(sa.select(sa.func.count()).select_from(embeddings)).scalar_one()
            )


def replace_candidates(store: Store, rows: Iterable[Mapping[str, Any]]) -> int:
    """Replace every stored candidate by `rows` (dicts with id, left, right, score, relation)."""
    listed = [_row(r) for r in rows]
    with store.write() as conn:
        conn.execute(sa.delete(overlap_candidates))
        for start in range(0, len(listed), _CHUNK):
            conn.execute(sa.insert(overlap_candidates), listed[start : start + _CHUNK])
    return len(listed)


def replace_candidates_of(
    store: Store, item_ids: Iterable[str], rows: Iterable[Mapping[str, Any]]
) -> int:
    """Replace the stored candidates involving `item_ids` by `rows` (an incremental run)."""
    ids = sorted(set(item_ids))
    listed = [_row(r) for r in rows]
    with store.write() as conn:
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            conn.execute(
                sa.delete(overlap_candidates).where(
                    sa.or_(
                        overlap_candidates.c.left_id.in_(part),
                        overlap_candidates.c.right_id.in_(part),
                    )
                )
            )
        known = {r[0] for r in conn.execute(sa.select(overlap_candidates.c.id))}
        fresh = [r for r in listed if r["id"] not in known]
        for start in range(0, len(fresh), _CHUNK):
            conn.execute(sa.insert(overlap_candidates), fresh[start : start + _CHUNK])
    return len(fresh)


def _row(candidate: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": candidate["id"],
        "left_id": candidate["left"]["id"],
        "right_id": candidate["right"]["id"],
        "score": float(candidate["score"]),
        "relation": candidate["relation"],
        "data": dict(candidate),
    }


def stored_candidates(store: Store, min_score: float = 0.0) -> list[dict[str, Any]]:
    """The stored candidates (their JSON), best first."""
    query = (
        sa.select(overlap_candidates.c.data)
        .where(overlap_candidates.c.score >= min_score)
        .order_by(overlap_candidates.c.score.desc(), overlap_candidates.c.id)
    )
    with store.read() as conn:
        return [dict(row.data) for row in conn.execute(query)]


@dataclass(frozen=True)
class CandidateKey:
    """What filtering and paging a stored candidate needs, without its evidence."""

    id: str
    score: float
    relation: str
    left_id: str
    right_id: str
    left_version: str
    right_version: str


def _side(name: str, field: str) -> sa.ColumnElement[str]:
    """`data.left.sector` and the like, as text, in SQL (SQLite json_extract, PostgreSQL #>>)."""
    element: sa.ColumnElement[str] = overlap_candidates.c.data[(name, field)].as_string()
    return element


def candidate_keys(
    store: Store, *, sector: str = "", relation: str = "", item: str = ""
) -> list[CandidateKey]:
    """The stored candidates' keys, best first (score descending, then id): those with a side
    in `sector`, of `relation`, involving `item` ("" = any), filtered by the database."""
    c = overlap_candidates.c
    query = sa.select(
        c.id,
        c.score,
        c.relation,
        c.left_id,
        c.right_id,
        _side("left", "version").label("left_version"),
        _side("right", "version").label("right_version"),
    ).order_by(c.score.desc(), c.id)
    if sector:
        query = query.where(
            sa.or_(_side("left", "sector") == sector, _side("right", "sector") == sector)
        )
    if relation:
        query = query.where(c.relation == relation)
    if item:
        query = query.where(sa.or_(c.left_id == item, c.right_id == item))
    with store.read() as conn:
        return [CandidateKey(*row) for row in conn.execute(query)]


def candidate_data(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The stored JSON of the candidates `ids`, by id."""
    found: dict[str, dict[str, Any]] = {}
    with store.read() as conn:
        for start in range(0, len(ids), _CHUNK):
            query = sa.select(overlap_candidates.c.id, overlap_candidates.c.data).where(
                overlap_candidates.c.id.in_(ids[start : start + _CHUNK])
            )
            found.update({row.id: dict(row.data) for row in conn.execute(query)})
    return found
