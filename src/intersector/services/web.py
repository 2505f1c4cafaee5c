"""The web and API use cases (issue 5): registry items read and changed under the access rules,
documents, the joined roadmap's page, the dashboard, the subject matrix, liaison threads and the
search. Each takes the store a long-running server keeps open (`open_registry`)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Any, Protocol

from intersector.auth.roles import Principal, check_can_edit
from intersector.coordination.alignment import CHECKS, LIAISON_OVERDUE, Finding
from intersector.coordination.liaisons import (
    effective_state,
    replies_index,
    thread_of,
    transition,
)
from intersector.coordination.roadmap import JoinedRoadmap, sector_of_group
from intersector.domain.codec import from_dict, item_type_of, to_dict
from intersector.domain.document_json import document_to_dict
from intersector.domain.documents import Document
from intersector.domain.errors import NotFoundError
from intersector.domain.lookup import lookup_optional
from intersector.domain.registry import SECTORS, Group, Liaison, Version
from intersector.reports.charts import ENGLISH, GanttWords, gantt_svg
from intersector.reports.roadmap_json import finding_to_dict, roadmap_to_dict
from intersector.services import lookups
from intersector.services.checks import StoreView, check_item
from intersector.services.overlaps import duplicate_candidates
from intersector.services.roadmaps import joined_roadmap, registry_findings
from intersector.services.work import subject_work_in
from intersector.store import Store, StoredDocument


class RegistryItem(Protocol):
    """Any registry item the codec knows (activity, liaison, group…): it has a readable id."""

    @property
    def id(self) -> str: ...


def item_sector(store: Store, item: object) -> tuple[str, str]:
    """The Sector and group an item belongs to, for the access rules: an activity's and a
    roadmap's own Sector; a liaison's is the Sector of the group that sends it."""
    group = getattr(item, "group", "") or getattr(item, "from_group", "")
    sector = getattr(item, "sector", "")
    if not sector and group:
        known = {group: store.get(Group, group)} if store.exists("group", group) else {}
        sector = sector_of_group(group, known)
    return str(sector), str(group)


def _check_edit(store: Store, principal: Principal, type_name: str, item: object) -> None:
    sector, group = item_sector(store, item)
    check_can_edit(principal, type_name, sector, group)


def get_item(store: Store, type_name: str, item_id: str) -> Version:
    """The current version of a registry item (`.data`, `.number` = its ETag), its id typed in
    any case; NotFoundError naming the closest ids."""
    try:
        return store.current(type_name, item_id)
    except NotFoundError:
        return store.current(type_name, lookups.item_id(store, type_name, item_id))


def list_items(
    store: Store,
    type_name: str,
    *,
    q: str | None = None,
    include_withdrawn: bool = False,
    **filters: str | None,
) -> list[Any]:
    """Registry items of one type, filtered by the store's indexed fields (sector, group, kind,
    status, subject: typed in any case, subjects also by alias, resolved by `lookups`; an
    unknown value or a filter the type lacks is an UnknownValueError) and, with `q`, by words
    anywhere in their text."""
    words = str(q or "").lower().split()
    wanted = lookups.registry_filters(store, type_name, filters)
    found = store.list(type_name, include_withdrawn=include_withdrawn, **wanted)
    return [item for item in found if not words or _matches(item, words)]


def _matches(item: object, words: list[str]) -> bool:
    text = " ".join(str(v) for v in to_dict(item).values()).lower()
    return all(word in text for word in words)


def create_item(
    store: Store, principal: Principal, item: RegistryItem, reason: str = ""
) -> Version:
    """Store a new registry item as `principal`; ConflictError if the id is taken."""
    type_name = item_type_of(item).name
    _check_edit(store, principal, type_name, item)
    check_item(StoreView(store), item, principal=principal)
    return store.save(item, author=principal.name, reason=reason or "created", expected_version=0)


def update_item(
    store: Store,
    principal: Principal,
    item: RegistryItem,
    expected: int | frozenset[int] | None,
    reason: str = "",
) -> Version:
    """Save a new version of an item read at version `expected` (None: any; several: any of
    them, as an `If-Match` list allows), if `principal` may change it as stored AND as
    submitted (no moving an item into or out of another Sector)."""
    type_name = item_type_of(item).name
    current = store.current(type_name, item.id)
    expected = _based_on(current.number, expected)
    stored = from_dict(type_name, current.data)
    _check_edit(store, principal, type_name, stored)
    _check_edit(store, principal, type_name, item)
    check_item(StoreView(store), item, principal=principal, stored=stored)
    if isinstance(item, Liaison) and item.state != stored.state:
        transition(stored, item.state)  # the workflow: draft → sent → answered → closed
    return store.save(
        item, author=principal.name, reason=reason or "edited", expected_version=expected
    )


def withdraw_item(
    store: Store,
    principal: Principal,
    type_name: str,
    item_id: str,
    expected: int | frozenset[int] | None,
    reason: str = "",
) -> Version:
    """Mark an item withdrawn (never deleted): a new version by `principal`; `expected` as for
    `update_item`."""
    current = store.current(type_name, item_id)
    expected = _based_on(current.number, expected)
    _check_edit(store, principal, current.item_type, from_dict(current.item_type, current.data))
    why = reason or "withdrawn"
    return store.withdraw(
        type_name, item_id, author=principal.name, reason=why, expected_version=expected
    )


def _based_on(current: int, expected: int | frozenset[int] | None) -> int | None:
    """The one version a save must find: `expected` itself, or, of several, the current one
    when it is among them (the store still refuses if it moves meanwhile), else the lowest of
    them (the store refuses, naming who made the current one)."""
    if isinstance(expected, frozenset):
        return current if current in expected else min(expected)
    return expected


def item_history(store: Store, type_name: str, item_id: str) -> list[Version]:
    """Every version of an item, oldest first, with who changed it, when and why."""
    return list(store.history(type_name, lookups.item_id(store, type_name, item_id)))


def list_documents(store: Store, **filters: str | None) -> list[StoredDocument]:
    """Stored document versions (summaries), filtered by kind, body, language and words `q`."""
    words = str(filters.pop("q", "") or "").lower().split()
    wanted = {k: v for k, v in filters.items() if v}
    return [
        d
        for d in store.documents()
        if all(getattr(d, k) == v for k, v in wanted.items())
        and all(w in f"{d.id} {d.title}".lower() for w in words)
    ]


def document_versions_of(store: Store, doc_id: str) -> list[StoredDocument]:
    """Every stored revision/language of a work; NotFoundError when there is none."""
    found = list(store.document_versions(doc_id))
    if not found:
        raise NotFoundError(f"no document {doc_id!r}; ingest it first", field="id")
    return found


def document_view(
    store: Store, doc_id: str, *, language: str | None = None, revision: str | None = None
) -> dict[str, Any]:
    """One document as JSON with its stored versions and the other language versions of the
    same revision (for side-by-side reading): what the document page and API both show."""
    versions = document_versions_of(store, doc_id)
    doc = store.get_document(doc_id, language=language, revision=revision)
    key = doc.version_key.split("@", 1)[1].rsplit("/", 1)[0]
    others = {
        v.language: document_to_dict(store.get_document(doc_id, language=v.language, revision=key))
        for v in versions
        if v.revision == key and v.language != doc.language
    }
    return {
        "document": document_to_dict(doc),
        "versions": [
            {"key": v.key, "language": v.language, "revision": v.revision} for v in versions
        ],
        "languages": others,
    }


def roadmap_view(
    store: Store, subject: str, today: date | None
) -> tuple[JoinedRoadmap, tuple[Finding, ...]]:
    """The joined roadmap of `subject` (three Sector lanes on one timeline) and the alignment
    findings about it: what the roadmap page and `/api/v1/joined-roadmaps/…` show."""
    view, findings = joined_roadmap(store, subject, today=today)
    return view, findings


def roadmap_document(store: Store, subject: str, today: date | None) -> dict[str, Any]:
    """The joined roadmap as JSON (`reports.roadmap_json` shape), findings included."""
    view, findings = roadmap_view(store, subject, today)
    return roadmap_to_dict(view, findings)


def roadmap_svg(view: JoinedRoadmap, words: GanttWords = ENGLISH) -> str:
    """The Gantt chart of a joined roadmap as inline SVG, in `words`."""
    return gantt_svg(view, words=words)


def alignment_findings(
    store: Store,
    today: date | None,
    subject: str | None = None,
    *,
    check: str | None = None,
    sector: str | None = None,
) -> tuple[Finding, ...]:
    """Every alignment finding (or those about `subject`, of one `check`, involving one
    `sector`: each typed in any case), most severe first."""
    kind = lookup_optional(check, CHECKS, field="check")
    sector = lookups.sector(sector or "")
    found = registry_findings(store, subject=subject or "", today=today)
    return tuple(
        f for f in found if (not kind or f.check == kind) and (not sector or sector in f.sectors)
    )


def dashboard(store: Store, today: date, shown: int = 100) -> dict[str, Any]:
    """What needs attention: overdue liaisons, other alignment findings (the `shown` most
    severe of each, with their totals and the count per check), new duplicate candidates (not
    yet reviewed), and the registry's size. One data function for the dashboard page and
    `/api/v1/dashboard`."""
    findings = alignment_findings(store, today)
    overdue = [f for f in findings if f.check == LIAISON_OVERDUE]
    others = [f for f in findings if f.check != LIAISON_OVERDUE]
    fresh = duplicate_candidates(store, reviewed=False, limit=20)
    return {
        "today": today.isoformat(),
        "overdue_liaisons": [finding_to_dict(f) for f in overdue[:shown]],
        "overdue_total": len(overdue),
        "findings": [finding_to_dict(f) for f in others[:shown]],
        "findings_total": len(others),
        "findings_by_check": dict(Counter(f.check for f in findings)),
        "duplicates": fresh.rows,
        "duplicates_total": fresh.total,
        "counts": {
            t: store.count(t) for t in ("activity", "liaison", "group", "subject", "roadmap")
        },
        "subjects": [{"id": s.id, "label": dict(s.labels)} for s in store.list("subject")],
    }


def subject_matrix(store: Store) -> dict[str, Any]:
    """The subject × Sector matrix (Resolution 57): for each subject and Sector, the groups with
    current work on it and their activities; the subjects common to all three Sectors flagged.
    Who works on what is `services.work` (the CLI's `subjects --matrix --common` too)."""
    work = subject_work_in(store)
    common = {c.subject for c in work.common}
    rows = [
        {
            "subject": subject.id,
            "labels": dict(subject.labels),
            "sectors": {
                s: {
                    g or "-": ids
                    for g, ids in sorted(work.matrix.get(subject.id, {}).get(s, {}).items())
                }
                for s in SECTORS
            },
            "common": subject.id in common,
        }
        for subject in work.subjects
    ]
    return {"sectors": list(SECTORS), "rows": rows, "group_labels": dict(work.group_labels)}


def liaison_thread(store: Store, liaison_id: str, today: date) -> dict[str, Any]:
    """A liaison with its whole thread of replies, each with its effective state."""
    liaison = store.get(Liaison, lookups.item_id(store, "liaison", liaison_id))
    everything: list[Liaison] = store.list("liaison")
    replies = replies_index(everything)
    thread = thread_of(liaison_id, everything)
    chain = thread.liaisons if thread else (liaison,)
    return {
        "liaison": to_dict(liaison),
        "state": effective_state(liaison, today, replies),
        "thread": [{**to_dict(li), "state": effective_state(li, today, replies)} for li in chain],
    }


def search_registry(store: Store, q: str, limit: int = 50) -> list[dict[str, str]]:
    """Full-text search over activities, liaisons, groups, subjects and documents: every word
    of `q` must appear (case-insensitive) in the item's text."""
    words = q.lower().split()
    if not words:
        return []
    hits: list[dict[str, str]] = []
    for type_name in ("activity", "liaison", "group", "subject", "mechanism", "roadmap"):
        for item in list_items(store, type_name, q=q):
            title = getattr(item, "title", "") or getattr(item, "name", "") or item.id
            hits.append({"type": type_name, "id": item.id, "title": str(title)})
    for doc in store.iter_documents():
        if all(word in _document_text(doc) for word in words):
            hits.append(
                {"type": "document", "id": doc.id, "title": doc.title, "language": doc.language}
            )
    return hits[:limit]


def _document_text(doc: Document) -> str:
    """Everything a reader sees of a document (title, headings, clauses, footnotes, annexes),
    lower-cased, for the full-text search."""
    data = document_to_dict(doc)
    data.pop("source", None)
    return f"{doc.id} " + json.dumps(data, ensure_ascii=False).lower()
