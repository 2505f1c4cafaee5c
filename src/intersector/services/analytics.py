"""Coordination analytics (issue 4): duplicated-work candidates and their reviews, subjects and
their corrections, the Sector-to-Sector mappings, language versions and revision diffs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from intersector.coordination import subjects as subject_analysis
from intersector.coordination.embeddings import (
    Embedder,
    FloatArray,
    UniversalSentenceEncoder,
    content_hash,
    embed_versions,
)
from intersector.coordination.mapping import MAPPINGS, MappingRow, mapping_table
from intersector.coordination.overlap import (
    MIN_SCORE,
    Candidate,
    OverlapIndex,
    SentenceMean,
    WorkText,
)
from intersector.coordination.review import DECISIONS, Review, is_current
from intersector.coordination.subjects import Assignment, Correction, SubjectClassifier
from intersector.domain.documents import Change, Divergence, Document
from intersector.domain.errors import NotFoundError, ValidationError
from intersector.domain.lookup import lookup
from intersector.domain.registry import Subject
from intersector.reports.diff_html import diff_html
from intersector.reports.mapping_html import mapping_html
from intersector.reports.mapping_xlsx import mapping_xlsx
from intersector.reports.overlap_json import candidate_to_dict, review_to_dict
from intersector.services import lookups
from intersector.services.registry import open_registry
from intersector.settings import Settings
from intersector.store import Store
from intersector.store.analytics import (
    StoreVectorCache,
    candidate_data,
    candidate_keys,
    replace_candidates,
    replace_candidates_of,
    stored_candidates,
)
from intersector.texts.align import (
    align_versions,
    divergences,
    format_diff,
    revision_diff,
    word_diff,
)

OVERLAP_FORMATS = ("table", "json", "csv", "html")
SUBJECT_FORMATS = ("table", "json", "csv")
MAPPING_FORMATS = ("xlsx", "html")


def analytics_embedder() -> Embedder:
    """The multilingual embedder of the analytics (tests may replace this function on the
    `intersector.services` package: the analytics below look it up there, see `_embedder`)."""
    return UniversalSentenceEncoder()


def _embedder() -> Embedder:
    """`services.analytics_embedder()`, looked up on the package at call time so that replacing
    it there (as the CLI tests do) replaces it for every analytics service."""
    from intersector import services  # the package imports this module: resolved at call time

    embedder: Embedder = services.analytics_embedder()
    return embedder


def analytics_works(store: Store) -> list[WorkText]:
    """Every active registry activity, and every stored document (its English version when
    there is one), as comparable texts."""
    works = {a.id: WorkText.from_activity(a) for a in store.iter("activity")}
    for doc in _one_version_per_document(store):
        works.setdefault(doc.id, WorkText.from_document(doc))
    return list(works.values())


def _one_version_per_document(store: Store) -> list[Document]:
    chosen: dict[str, Document] = {}
    for doc in store.iter_documents():
        if doc.id not in chosen or doc.language == "en":
            chosen[doc.id] = doc
    return list(chosen.values())


def text_embedder(embedder: Embedder, store: Store) -> Embedder:
    """How the analytics embed a whole text: the mean of its sentences' vectors
    (`overlap.SentenceMean`), the sentence vectors kept in the store, where the evidence of the
    candidates finds them (a first run embeds each sentence once)."""
    return SentenceMean(sentence_cache(embedder, store))


def overlap_index(store: Store, embedder: Embedder | None = None) -> OverlapIndex:
    """The overlap index of the registry, embeddings read from / added to the store."""
    texts = text_embedder(embedder or _embedder(), store)
    return OverlapIndex.build(analytics_works(store), texts, StoreVectorCache(store))


def _subject_list(store: Store) -> list[Subject]:
    return [s for s in lookups.known_subjects(store) if not s.withdrawn]


def work_subjects(
    store: Store, index: OverlapIndex, embedder: Embedder
) -> dict[str, list[Assignment]]:
    """Item id → its subjects: classifier, registry declarations, coordinators' corrections."""
    classifier = SubjectClassifier.build(_subject_list(store), text_embedder(embedder, store))
    classified = classifier.classify_embedded(index.works, index.vectors)
    declared = {w.id: list(w.subjects) for w in index.works if w.subjects}
    corrections = store.list("subject-correction")
    return subject_analysis.resolve(
        [a for found in classified for a in found], declared, corrections
    )


@dataclass(frozen=True)
class OverlapPage:
    """One page of candidates (dicts of `reports.overlap_json`), and where it sits in all."""

    rows: list[dict[str, Any]]
    total: int
    offset: int
    limit: int | None  # None: everything from `offset` on

    @property
    def next_offset(self) -> int | None:
        """The offset of the next page, None on the last one."""
        after = self.offset + len(self.rows)
        return after if after < self.total else None

    @property
    def previous_offset(self) -> int | None:
        """The offset of the previous page, None on the first one."""
        if self.offset <= 0:
            return None
        return max(self.offset - (self.limit or self.offset), 0)


def find_overlaps(
    settings: Settings,
    *,
    sector: str = "",
    subject: str = "",
    min_score: float | None = None,
    scope: str = "other-sectors",
    limit: int | None = None,
    offset: int = 0,
    changed_only: bool = False,
) -> OverlapPage:
    """Duplicated-work candidates across Sectors, best first, with their evidence and current
    review: the page `offset`, `limit` (None: all) of every candidate found, no cap. A full
    unfiltered run is stored whole, evidence included (the web's duplicates review pages
    through it); `changed_only` compares only the texts new or changed since they were last
    embedded and updates their stored candidates. `sector` and `subject` may be typed in any
    case (ValidationError naming the known values when unknown)."""
    embedder = _embedder()
    with open_registry(settings) as store:
        sector, subject = _typed_filters(store, sector, subject)
        works = analytics_works(store)
        texts = text_embedder(embedder, store)
        changed = _changed_works(store, works, texts) if changed_only else None
        index = OverlapIndex.build(works, texts, StoreVectorCache(store))
        floor = MIN_SCORE if min_score is None else min_score
        found = index.all_candidates(10, floor, scope, only=changed)
        subjects = work_subjects(store, index, embedder) if subject else {}
        kept = [c for c in found if _wanted(c, sector, subject, subjects)]
        full_run = not (sector or subject) and min_score is None and scope == "other-sectors"
        end = None if limit is None else offset + limit
        shown = kept if full_run else kept[offset:end]
        explained = index.explain_many(shown, sentence_cache(embedder, store))
        rows = _with_reviews(store, explained)
        if full_run:
            if changed is None:
                replace_candidates(store, rows)
            else:
                replace_candidates_of(store, changed, rows)
            rows = rows[offset:end]
    return OverlapPage(rows, len(kept), offset, limit)


@dataclass(frozen=True)
class SentenceCache:
    """`embedder`, its vectors kept in the store's `embeddings` table (item id `sentence:HASH`):
    the sentences of the evidence are embedded once, not at every run (a full run explains
    every candidate; embedding their sentences was most of its time), and the texts' vectors are
    made of them (`text_embedder`)."""

    embedder: Embedder
    cache: StoreVectorCache

    @property
    def name(self) -> str:
        return self.embedder.name

    @property
    def dimension(self) -> int:
        return self.embedder.dimension

    def embed(self, texts: Sequence[str]) -> FloatArray:
        keyed = ((f"sentence:{content_hash(text)}", text) for text in texts)
        return embed_versions(keyed, self.embedder, self.cache)


def sentence_cache(embedder: Embedder, store: Store) -> Embedder:
    """`embedder` with its sentence vectors kept in `store` (see SentenceCache)."""
    return SentenceCache(embedder, StoreVectorCache(store))


def _typed_filters(store: Store, sector: str, subject: str) -> tuple[str, str]:
    """The Sector and subject ids that were typed (any case, subjects also by alias)."""
    return lookups.sector(sector), lookups.subject(store, subject)


def _changed_works(store: Store, works: list[WorkText], embedder: Embedder) -> list[str]:
    """Ids of the works whose current text has no stored embedding yet."""
    keys = [(w.id, content_hash(w.text)) for w in works]
    known = StoreVectorCache(store).get_vectors(embedder.name, keys)
    return [w.id for w, key in zip(works, keys, strict=True) if key not in known]


def _wanted(
    candidate: Candidate, sector: str, subject: str, subjects: dict[str, list[Assignment]]
) -> bool:
    sides = (candidate.left, candidate.right)
    if sector and all(side.sector != sector for side in sides):
        return False
    if subject:
        ids = {a.subject for side in sides for a in subjects.get(side.id, ())}
        return subject in ids
    return True


def _current_reviews(store: Store) -> dict[str, Review]:
    return {r.id: r for r in store.list("overlap-review")}


def _review_holds(review: Review, data: dict[str, Any]) -> bool:
    versions = {
        data["left"]["id"]: data["left"]["version"],
        data["right"]["id"]: data["right"]["version"],
    }
    return bool(
        versions.get(review.left) == review.left_version
        and versions.get(review.right) == review.right_version
    )


def _with_reviews(store: Store, candidates: list[Candidate]) -> list[dict[str, Any]]:
    reviews = _current_reviews(store)
    rows = []
    for cand in candidates:
        review = reviews.get(cand.id)
        rows.append(
            candidate_to_dict(cand, review if review and is_current(review, cand) else None)
        )
    return rows


def overlap_candidates_for_web(store: Store) -> list[dict[str, Any]]:
    """The stored candidates of the last full `overlaps` run, each with its review when it
    still holds (neither side changed since)."""
    reviews = _current_reviews(store)
    rows = stored_candidates(store)
    for row in rows:
        review = reviews.get(row["id"])
        row["review"] = review_to_dict(review) if review and _review_holds(review, row) else None
    return rows


def review_candidate(
    store: Store, author: str, candidate_id: str, decision: str, note: str = ""
) -> Review:
    """Record a coordinator's decision on a stored candidate (a new version if it was already
    reviewed); NotFoundError if the candidate is not in the last run."""
    decision = lookup(decision, DECISIONS, field="decision")
    ids = {key.id.casefold(): key.id for key in candidate_keys(store)}
    if candidate_id.strip().casefold() not in ids:
        raise NotFoundError(
            f"no candidate {candidate_id!r} in the last overlap run: run "
            "`intersector overlaps` and use an id it lists",
            field="id",
        )
    candidate_id = ids[candidate_id.strip().casefold()]
    row = candidate_data(store, [candidate_id])[candidate_id]
    left, right = sorted((row["left"], row["right"]), key=lambda side: side["id"])
    review = Review(
        candidate_id,
        decision,
        left["id"],
        left["version"],
        right["id"],
        right["version"],
        note,
        author,
    )
    store.save(review, author=author, reason=f"overlap review: {decision}")
    return review


def review_candidate_for_web(
    store: Store, author: str, candidate_id: str, decision: str, note: str = ""
) -> dict[str, Any]:
    review = review_candidate(store, author, candidate_id, decision, note)
    return {"id": candidate_id, "review": review_to_dict(review)}


def review_overlap(settings: Settings, candidate_id: str, decision: str, note: str = "") -> Review:
    """`intersector review`: record a decision as the settings' author."""
    with open_registry(settings) as store:
        return review_candidate(store, settings.author, candidate_id, decision, note)


def correct_subject(
    store: Store, author: str, item: str, subject: str, action: str, note: str = ""
) -> Correction:
    """A coordinator adds (`add`) or removes (`remove`) a subject of an item; it wins over the
    classifier from then on."""
    if action not in ("add", "remove"):
        raise ValidationError(f"unknown action {action!r}: use add or remove", field="action")
    correction = Correction(item, subject, action, author, note)
    store.save(correction, author=author, reason=f"subject {action}: {subject}")
    return correction


def subjects_report(settings: Settings) -> dict[str, Any]:
    """Each item's subjects (with confidence, reason and origin: the classifier's suggestions,
    the registry's and coordinators' corrections). Who works on what — the matrix and the
    subjects common to the three Sectors — is `services.work`, from the registry."""
    embedder = _embedder()
    with open_registry(settings) as store:
        index = overlap_index(store, embedder)
        subjects = work_subjects(store, index, embedder)
        labels = {s.id: s.labels.get("en", s.id) for s in _subject_list(store)}
    return {"items": subjects, "labels": labels, "works": {w.id: w for w in index.works}}


def mapping_rows(settings: Settings, name: str) -> list[MappingRow]:
    """The rows of mapping `name` (itu-d:itu-r, itu-t:itu-r, itu-d:itu-t; any case)."""
    name = lookup(name, MAPPINGS, field="mapping")
    with open_registry(settings) as store:
        index = overlap_index(store)
    return mapping_table(index, name)


def mapping_file(name: str, rows: list[MappingRow], fmt: str) -> bytes:
    """A mapping table as XLSX or HTML bytes."""
    if fmt == "xlsx":
        return mapping_xlsx(name, rows)
    if fmt == "html":
        return mapping_html(name, rows).encode()
    raise ValidationError(f"unknown format {fmt!r}: use xlsx or html", field="format")


def document_versions_report(settings: Settings, doc_id: str) -> dict[str, Any]:
    """The stored language versions and revisions of a work, and for each revision stored in
    several languages, the divergences of each language against the English (or first)."""
    with open_registry(settings) as store:
        versions = store.document_versions(doc_id)
        if not versions:
            raise NotFoundError(
                f"no stored document {doc_id!r}: ingest it first (`intersector ingest FILE`)",
                field="id",
            )
        docs = {v.key: store.get_document(v.key) for v in versions}
    report: dict[str, list[Divergence]] = {}
    for revision in dict.fromkeys(v.revision for v in versions):
        keys = sorted(
            (v for v in versions if v.revision == revision),
            key=lambda v: (v.language != "en", v.language),
        )
        base = docs[keys[0].key]
        for other in keys[1:]:
            doc = docs[other.key]
            found = divergences(base, doc, align_versions(base, doc, _embedder().embed))
            report[f"{revision}: {base.language} ↔ {doc.language}"] = found
    return {"versions": versions, "divergences": report}


def revision_changes(
    settings: Settings, doc_id: str, old: str, new: str, language: str = "en"
) -> tuple[Document, Document, list[Change]]:
    """The two stored revisions of `doc_id` in `language` and their clause-by-clause diff."""
    with open_registry(settings) as store:
        before = store.get_document(doc_id, language=language, revision=old)
        after = store.get_document(doc_id, language=language, revision=new)
    return before, after, revision_diff(before, after)


# Public names of the helpers above, for the other analytics services (services/overlaps.py)


def analytics_embedder_now() -> Embedder:
    """The embedder the analytics use now (`services.analytics_embedder`, replaceable)."""
    return _embedder()


def with_reviews(store: Store, candidates: list[Candidate]) -> list[dict[str, Any]]:
    """The candidates as JSON-ready dicts, each with its stored review when it still holds."""
    return _with_reviews(store, candidates)


def revision_diff_text(changes: Sequence[Change], fmt: str, title: str) -> str:
    """`intersector diff` output: plain text (changed words as `[-old-]{+new+}`) or an HTML page
    (removed words struck through, added ones underlined)."""
    if fmt == "html":
        return diff_html(title, changes, [word_diff(c.old_text, c.new_text) for c in changes])
    if fmt == "text":
        return format_diff(changes) or "no change"
    raise ValidationError(f"unknown format {fmt!r}: use text or html", field="format")
