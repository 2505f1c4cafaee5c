"""Review memory for overlap candidates: a coordinator's decision holds while both sides'
texts are unchanged.

Promise: `Review` is the stored decision (a registry item of type `overlap-review`, versioned by
the store, id = the candidate's pair id); `needs_review` is False only when a review exists
whose recorded content hashes are both still current, so a decided pair is never asked again
unless either side changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from intersector.coordination.overlap import Candidate, pair_id
from intersector.domain.decisions import Review as Review
from intersector.domain.errors import ValidationError

DECISIONS = ("confirmed", "complementary", "unrelated")


def make_review(candidate: Candidate, decision: str, note: str = "", reviewer: str = "") -> Review:
    """A review of `candidate`, recording both sides' current content hashes."""
    if decision not in DECISIONS:
        raise ValidationError(
            f"unknown decision {decision!r}: use one of {', '.join(DECISIONS)}", field="decision"
        )
    left, right = sorted((candidate.left, candidate.right), key=lambda side: side.id)
    return Review(
        id=pair_id(left.id, right.id),
        decision=decision,
        left=left.id,
        left_version=left.version,
        right=right.id,
        right_version=right.version,
        note=note,
        reviewer=reviewer,
    )


def is_current(review: Review, candidate: Candidate) -> bool:
    """True when neither side changed since `review`."""
    versions = {
        candidate.left.id: candidate.left.version,
        candidate.right.id: candidate.right.version,
    }
    return (
        versions.get(review.left) == review.left_version
        and versions.get(review.right) == review.right_version
    )


def needs_review(candidate: Candidate, reviews: Mapping[str, Review]) -> bool:
    """False when a current review of this pair exists."""
    review = reviews.get(candidate.id)
    return review is None or review.withdrawn or not is_current(review, candidate)


def pending(candidates: Iterable[Candidate], reviews: Mapping[str, Review]) -> list[Candidate]:
    """The candidates still to review, in the given order."""
    return [c for c in candidates if needs_review(c, reviews)]
