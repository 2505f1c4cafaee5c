"""Typed response shapes of the duplicated-work and subject views (OpenAPI shows them): the
JSON of `reports.overlap_json`, validated on the way out."""

from __future__ import annotations

from pydantic import BaseModel, Field


class SideOut(BaseModel):
    """One side of a candidate: an activity or a document."""

    id: str
    sector: str
    group: str | None = None
    language: str
    title: str
    when: str | None = Field(None, description="ISO date: start of an activity, year of a text")
    subjects: list[str]
    version: str = Field(
        description="content hash of the compared text; a review holds while equal"
    )


class SentencePairOut(BaseModel):
    left: str
    right: str
    similarity: float


class EvidenceOut(BaseModel):
    """Why two texts look alike."""

    citations: list[str] = Field(
        default_factory=list, description="which side names the other (`A → B`: A names B)"
    )
    shared_concepts: list[str] = Field(description="ITU key terms, language-independent")
    shared_words: list[str]
    sentences: list[SentencePairOut] = Field(description="best-matching sentences, side by side")


class ReviewOut(BaseModel):
    decision: str = Field(description="confirmed, complementary or unrelated")
    note: str
    reviewer: str


class CandidateOut(BaseModel):
    """Two works that may cover the same ground, with the evidence and the review that holds."""

    id: str = Field(description="the two ids sorted, joined by `~`")
    left: SideOut
    right: SideOut
    score: float
    cosine: float
    lexical: float
    relation: str = Field(description="same-work, overlapping or complementary")
    evidence: EvidenceOut
    review: ReviewOut | None = None


class CandidatePage(BaseModel):
    """One page of candidates, best first: pass `next_cursor` back as `cursor` for the next."""

    items: list[CandidateOut]
    next_cursor: str | None = Field(None, description="opaque; absent on the last page")
    total: int = Field(description="candidates matching the filters, all pages together")


class SubjectOut(BaseModel):
    subject: str
    confidence: float
    reason: str
    origin: str = Field(description="classifier, registry or coordinator")


class ItemSubjectsOut(BaseModel):
    """The subjects of one activity or document, most confident first."""

    item: str
    subjects: list[SubjectOut]
