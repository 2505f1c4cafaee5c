"""Duplicated work and subjects through every door (issue 9): the candidates of one item, the
stored last run paged and filtered (the review page, `/api/v1/duplicates`), a confirmed duplicate
on both items' pages, and the subjects of one item with confidence and reason.

What people type — Sectors (`ITU-D`), relations, decisions, item ids — is resolved by
`domain.lookup`: any case; an unknown value is a ValidationError naming the known values (exit 2
in the CLI, 422 in the API), never an empty answer. Pages are (offset, limit) slices of one
order, best first: score descending, then candidate id."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from intersector.coordination.embeddings import Embedder
from intersector.coordination.overlap import (
    MIN_SCORE,
    RELATIONS,
    Candidate,
    OverlapIndex,
    WorkText,
)
from intersector.coordination.review import DECISIONS, Review
from intersector.coordination.scope import check_scope
from intersector.coordination.subjects import Assignment as Assignment  # the doors name it
from intersector.domain.errors import ValidationError
from intersector.domain.lookup import lookup, lookup_optional
from intersector.domain.registry import Activity
from intersector.reports.overlap_json import review_to_dict
from intersector.services import analytics, lookups
from intersector.services.analytics import OverlapPage
from intersector.services.registry import open_registry
from intersector.settings import Settings
from intersector.store import Store
from intersector.store.analytics import CandidateKey, candidate_data, candidate_keys

DEFAULT_PAGE = 50
OVERLAP_RELATIONS = RELATIONS  # what a candidate's `relation` may be
REVIEW_DECISIONS = DECISIONS  # what a coordinator may decide


@dataclass(frozen=True)
class DuplicateFilter:
    """Filters of the stored candidates, resolved (`resolve_filter`): "" or None = any."""

    reviewed: bool | None = None
    sector: str = ""
    relation: str = ""
    item: str = ""
    decision: str = ""


@dataclass(frozen=True)
class ConfirmedDuplicate:
    """A coordinator's `confirmed` decision on a pair, seen from one of its items."""

    candidate: str  # the pair id
    other: str  # the other item's id
    note: str
    reviewer: str


@dataclass(frozen=True)
class ItemSubjects:
    """The subjects of one item: the classifier's (confidence, reason), the registry's and the
    coordinators' corrections, most confident first."""

    item: str
    assignments: list[Assignment]


def check_page(limit: int, offset: int) -> None:
    """ValidationError for a limit below 1 or a negative offset."""
    if limit < 1:
        raise ValidationError(f"limit must be 1 or more, not {limit}", field="limit")
    if offset < 0:
        raise ValidationError(f"offset must be 0 or more, not {offset}", field="offset")


def known_items(store: Store) -> set[str]:
    """Ids of every activity and stored document: what `--item` may name."""
    return store.ids("activity") | {d.id for d in store.documents()}


def resolve_item(store: Store, item: str) -> str:
    """The stored activity or document id that `item` names (any case); ValidationError."""
    if store.exists("activity", item):
        return item
    return lookup(item, known_items(store), field="item")


def resolve_filter(
    store: Store,
    *,
    reviewed: bool | None = None,
    sector: str | None = None,
    relation: str | None = None,
    item: str | None = None,
    decision: str | None = None,
) -> DuplicateFilter:
    """The filter of what was typed, every value looked up (ValidationError when unknown)."""
    return DuplicateFilter(
        reviewed=reviewed,
        sector=lookups.sector(sector or ""),
        relation=lookup_optional(relation, RELATIONS, field="relation"),
        item=resolve_item(store, item.strip()) if item and item.strip() else "",
        decision=lookup_optional(decision, DECISIONS, field="decision"),
    )


# The stored last run, paged and filtered


def current_reviews(store: Store) -> dict[str, Review]:
    """Every stored review, by candidate id."""
    return {r.id: r for r in store.list("overlap-review")}


def review_holds(review: Review, key: CandidateKey) -> bool:
    """True when neither side of the stored candidate changed since the review."""
    return _holds_now(review, {key.left_id: key.left_version, key.right_id: key.right_version})


def held_reviews(store: Store, keys: Iterable[CandidateKey]) -> dict[str, Review]:
    """Candidate id → its review, for the candidates of `keys` whose review still holds
    ("reviewed"; the others are open)."""
    reviews = current_reviews(store)
    return {k.id: reviews[k.id] for k in keys if k.id in reviews and review_holds(reviews[k.id], k)}


def duplicate_candidates(
    store: Store,
    *,
    reviewed: bool | None = None,
    sector: str | None = None,
    relation: str | None = None,
    item: str | None = None,
    decision: str | None = None,
    limit: int = DEFAULT_PAGE,
    offset: int = 0,
    after: tuple[float, str] | None = None,
) -> OverlapPage:
    """One page of the stored candidates of the last full `overlaps` run, best first, each
    with its review when it still holds; the filters as typed (`resolve_filter`). `after`
    (score, id) starts the page after that candidate (a cursor) instead of at `offset`."""
    check_page(limit, offset)
    wanted = resolve_filter(
        store, reviewed=reviewed, sector=sector, relation=relation, item=item, decision=decision
    )
    keys = candidate_keys(store, sector=wanted.sector, relation=wanted.relation, item=wanted.item)
    held = held_reviews(store, keys)
    kept = [k for k in keys if _wanted(k, held, wanted)]
    start = offset if after is None else start_after([(k.score, k.id) for k in kept], after)
    page = kept[start : start + limit]
    data = candidate_data(store, [k.id for k in page])
    rows = []
    for key in page:
        row = dict(data[key.id])
        row["review"] = review_to_dict(held[key.id]) if key.id in held else None
        rows.append(row)
    return OverlapPage(rows, len(kept), start, limit)


def _wanted(key: CandidateKey, held: dict[str, Review], wanted: DuplicateFilter) -> bool:
    review = held.get(key.id)
    if wanted.reviewed is not None and (review is not None) is not wanted.reviewed:
        return False
    return not wanted.decision or (review is not None and review.decision == wanted.decision)


def start_after(keys: Sequence[tuple[float, str]], after: tuple[float, str]) -> int:
    """The position of the first (score, id) strictly after `after` in the order best first
    (score descending, then id): where the page after a cursor starts."""
    order = [(-score, key) for score, key in keys]
    return bisect_right(order, (-after[0], after[1]))


def confirmed_duplicates(store: Store, item_id: str) -> list[ConfirmedDuplicate]:
    """The pairs a coordinator confirmed as duplicated work that involve `item_id` and still
    hold (neither text changed since): what both items' pages show."""
    reviews = [
        r
        for r in current_reviews(store).values()
        if r.decision == "confirmed" and not r.withdrawn and item_id in (r.left, r.right)
    ]
    if not reviews:
        return []
    stored = {k.id: k for k in candidate_keys(store, item=item_id)}
    versions = work_versions(store, {i for r in reviews for i in (r.left, r.right)})
    return [
        ConfirmedDuplicate(r.id, r.right if r.left == item_id else r.left, r.note, r.reviewer)
        for r in sorted(reviews, key=lambda r: r.id)
        if (review_holds(r, stored[r.id]) if r.id in stored else _holds_now(r, versions))
    ]


def _holds_now(review: Review, versions: dict[str, str]) -> bool:
    return (
        versions.get(review.left) == review.left_version
        and versions.get(review.right) == review.right_version
    )


def work_versions(store: Store, ids: Iterable[str]) -> dict[str, str]:
    """The content hash of the compared text of each activity or document (English first)."""
    found: dict[str, str] = {}
    for item_id in ids:
        if store.exists("activity", item_id):
            found[item_id] = WorkText.from_activity(store.get(Activity, item_id)).version
        elif versions := store.document_versions(item_id):
            english = any(v.language == "en" for v in versions)
            doc = store.get_document(item_id, language="en" if english else None)
            found[item_id] = WorkText.from_document(doc).version
    return found


# One item's candidates and subjects, computed


def item_candidates(
    index: OverlapIndex,
    item_id: str,
    *,
    scope: str = "other-sectors",
    min_score: float | None = None,
) -> list[Candidate]:
    """Every candidate of one item in `scope`, best first, without evidence: the whole list,
    from which a door takes its page."""
    check_scope(scope)
    floor = MIN_SCORE if min_score is None else min_score
    everything = index.candidates_for(item_id, len(index.works), scope)
    return [c for c in everything if c.score >= floor]


@dataclass(frozen=True)
class Analysed:
    """The registry analysed for overlaps (index) and the embedder it was made with: what a
    long-running server keeps between requests until the registry changes."""

    index: OverlapIndex
    embedder: Embedder


def analysed(store: Store) -> Analysed:
    """The overlap index of the registry now, with its embedder."""
    embedder = analytics.analytics_embedder_now()
    return Analysed(analytics.overlap_index(store, embedder), embedder)


def item_overlaps_in(
    store: Store,
    item: str,
    *,
    scope: str = "other-sectors",
    min_score: float | None = None,
    limit: int = DEFAULT_PAGE,
    offset: int = 0,
    after: tuple[float, str] | None = None,
    kept: Analysed | None = None,
) -> OverlapPage:
    """One page of the candidates of one item (any case), with their evidence and reviews;
    `after` (score, id) starts after that candidate (a cursor) instead of at `offset`. `kept`:
    the registry as already analysed (else analysed now)."""
    check_page(limit, offset)
    item_id = resolve_item(store, item)
    state = kept or analysed(store)
    index, embedder = state.index, state.embedder
    found = item_candidates(index, item_id, scope=scope, min_score=min_score)
    if after is not None:
        offset = start_after([(c.score, c.id) for c in found], after)
    page = index.explain_many(
        found[offset : offset + limit], analytics.sentence_cache(embedder, store)
    )
    return OverlapPage(analytics.with_reviews(store, page), len(found), offset, limit)


def item_overlaps(
    settings: Settings,
    item: str,
    *,
    scope: str = "other-sectors",
    min_score: float | None = None,
    limit: int = DEFAULT_PAGE,
    offset: int = 0,
) -> OverlapPage:
    """`intersector overlaps --item ID`: `item_overlaps_in` on the settings' store."""
    with open_registry(settings) as store:
        return item_overlaps_in(
            store, item, scope=scope, min_score=min_score, limit=limit, offset=offset
        )


def item_subjects_in(store: Store, item: str, *, kept: Analysed | None = None) -> ItemSubjects:
    """The subjects of one activity or document (any case), most confident first. `kept`: the
    registry as already analysed (else analysed now)."""
    item_id = resolve_item(store, item)
    state = kept or analysed(store)
    found = analytics.work_subjects(store, state.index, state.embedder).get(item_id, [])
    return ItemSubjects(item_id, sorted(found, key=lambda a: (-a.confidence, a.subject)))


def item_subjects(settings: Settings, item: str) -> ItemSubjects:
    """`intersector subjects --item ID`: `item_subjects_in` on the settings' store."""
    with open_registry(settings) as store:
        return item_subjects_in(store, item)
