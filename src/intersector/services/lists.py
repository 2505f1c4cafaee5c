"""The registry and the stored documents as lists to browse (issue 12): each filtered by its own
service as the API filters it (`list_items`, `list_documents`), then faceted, sorted and paged
by `services.browse`, for the page, its `.csv`/`.json` and `/api/v1/browse/…` alike."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from intersector.domain.codec import to_dict
from intersector.domain.lookup import FILTER_FIELDS, lookup
from intersector.reports.roadmap_json import finding_to_dict
from intersector.services import lookups
from intersector.services.browse import Table, browse
from intersector.services.overlaps import duplicate_candidates
from intersector.services.web import alignment_findings, list_documents, list_items
from intersector.store import Store

# The columns of each registry type's list, and the facets (each a filter of the type: a
# facet value clicked is that filter in the URL).
REGISTRY_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "activity": (
        "id",
        "identifier",
        "title",
        "sector",
        "group",
        "kind",
        "status",
        "subjects",
        "target",
    ),
    "group": ("id", "acronym", "name", "sector", "kind", "parent"),
    "subject": ("id", "label"),
    "mechanism": ("id", "name", "kind", "members", "subjects"),
    "roadmap": ("id", "title", "sector", "subject"),
    "sector": ("id", "name", "bureau", "advisory_group"),
    "liaison": ("id", "reference", "title", "from_group", "sent", "deadline", "state"),
}
FACET_OF_FILTER = {"subject": "subjects"}  # filter → the column its values are counted in
DOCUMENT_COLUMNS = ("id", "title", "kind", "body", "number", "year", "revision", "language")
DOCUMENT_FILTERS = ("kind", "body", "language")


@dataclass(frozen=True)
class Paging:
    """How a browsed list is ordered and cut: as typed in the URL."""

    sort: str = ""
    order: str = ""
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True)
class RegistryQuery:
    type_name: str
    q: str = ""
    filters: Mapping[str, str] = field(default_factory=dict)
    include_withdrawn: bool = False
    language: str = "en"


def registry_facets(type_name: str) -> dict[str, str]:
    """Facet column → the filter it sets, for the facets of a type's list."""
    columns = REGISTRY_COLUMNS[type_name]
    facets = {}
    for name in FILTER_FIELDS.get(type_name, {}):
        column = name if name in columns else FACET_OF_FILTER.get(name, name)
        if column in columns:
            facets[column] = name
    return facets


def registry_table(store: Store, query: RegistryQuery, paging: Paging) -> Table:
    """One type of registry item filtered as `/api/v1/{plural}` filters it (values in any case;
    an unknown one is an UnknownValueError), with facets, natural sort and a page."""
    found = list_items(
        store,
        query.type_name,
        q=query.q,
        include_withdrawn=query.include_withdrawn,
        **dict(query.filters),
    )
    columns = REGISTRY_COLUMNS[query.type_name]
    rows = [_registry_row(item, query.language) for item in found]
    sort = paging.sort or ("identifier" if "identifier" in columns else "id")
    return browse(
        rows,
        columns,
        facets=tuple(registry_facets(query.type_name)),
        sort=sort,
        order=paging.order,
        offset=paging.offset,
        limit=paging.limit,
    )


def _registry_row(item: Any, language: str) -> dict[str, Any]:
    row: dict[str, Any] = dict(to_dict(item))
    labels = row.get("labels")
    if isinstance(labels, dict):
        row["label"] = labels.get(language) or labels.get("en") or item.id
    return row


def document_table(store: Store, filters: Mapping[str, str], q: str, paging: Paging) -> Table:
    """The stored documents (one row per language and revision) filtered by kind, body and
    language (any case; a value no stored document has is an UnknownValueError naming the
    known ones) and words of the id or title, faceted, in natural id order by default."""
    stored = list_documents(store)
    wanted: dict[str, str | None] = {"q": q}
    for name, typed in filters.items():
        if typed.strip():
            known = sorted({str(getattr(d, name)) for d in stored})
            wanted[name] = lookup(typed, known, field=name)
    found = list_documents(store, **wanted)
    rows = [{c: getattr(d, c) for c in DOCUMENT_COLUMNS} for d in found]
    return browse(
        rows,
        DOCUMENT_COLUMNS,
        facets=DOCUMENT_FILTERS,
        sort=paging.sort or "id",
        order=paging.order,
        offset=paging.offset,
        limit=paging.limit,
    )


def registry_type(typed: str) -> str:
    """A registry type typed in any case, singular or plural."""
    return lookups.item_type(typed)


FINDING_COLUMNS = ("severity", "check", "sectors", "subject", "items", "explanation")
FINDING_FACETS = ("severity", "check", "sectors", "subject")
SEVERITIES = ("high", "medium", "low")


@dataclass(frozen=True)
class FindingQuery:
    subject: str = ""
    check: str = ""
    sector: str = ""
    severity: str = ""


def finding_table(store: Store, today: date, wanted: FindingQuery, paging: Paging) -> Table:
    """The alignment findings as `/api/v1/findings` filters them (subject, check, Sector in any
    case) and by severity, most severe first unless sorted, faceted and paged."""
    found = alignment_findings(
        store, today, wanted.subject or None, check=wanted.check or None, sector=wanted.sector
    )
    severity = lookup(wanted.severity, SEVERITIES, field="severity") if wanted.severity else ""
    rows = [finding_to_dict(f) for f in found if not severity or f.severity == severity]
    for number, row in enumerate(rows):
        row["id"] = f"{row['check']}:{'~'.join(row['items'])}:{number}"
    return browse(
        rows,
        FINDING_COLUMNS,
        facets=FINDING_FACETS,
        sort=paging.sort,
        order=paging.order,
        offset=paging.offset,
        limit=paging.limit,
    )


CANDIDATE_COLUMNS = (
    "id",
    "score",
    "relation",
    "left_id",
    "left_sector",
    "right_id",
    "right_sector",
    "reviewed",
    "decision",
)
CANDIDATE_FACETS = ("reviewed", "decision", "relation", "sectors")
ALL = 10**9


def candidate_table(store: Store, filters: Mapping[str, Any], paging: Paging) -> Table:
    """The stored duplicate candidates as `/api/v1/duplicates` filters them (reviewed, Sector,
    relation, item, decision: `services.duplicate_candidates`), best first unless sorted, with
    facets; each row the candidate's JSON (evidence and review included) and flat columns."""
    found = duplicate_candidates(store, limit=ALL, offset=0, **filters)
    rows = [_candidate_row(c) for c in found.rows]
    sort, order = (paging.sort, paging.order) if paging.sort.strip() else ("score", "desc")
    return browse(
        rows,
        CANDIDATE_COLUMNS,
        facets=CANDIDATE_FACETS,
        sort=sort,
        order=order,
        offset=paging.offset,
        limit=paging.limit,
    )


def _candidate_row(candidate: Mapping[str, Any]) -> dict[str, Any]:
    left, right = candidate["left"], candidate["right"]
    review = candidate.get("review") or {}
    return {
        **candidate,
        "left_id": left["id"],
        "left_sector": left.get("sector", ""),
        "right_id": right["id"],
        "right_sector": right.get("sector", ""),
        "sectors": sorted({left.get("sector", ""), right.get("sector", "")} - {""}),
        "reviewed": "true" if review else "false",
        "decision": review.get("decision", ""),
    }
