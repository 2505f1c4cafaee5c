"""Parsed ITU texts: list, read one (with its language versions), its clauses, references and
actions, and the stored versions of the work."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from intersector import services
from intersector.web.api.models import ItemPage
from intersector.web.deps import Ctx, Reader
from intersector.web.pagination import paginate

router = APIRouter(prefix="/documents", tags=["documents"])


class DocumentSummary(BaseModel):
    """One stored version of a work (`key` = `wtsa-res-57@dubai-2012/en`), without its text."""

    key: str
    id: str
    language: str
    revision: str
    year: int | None
    version: int
    kind: str
    body: str
    number: str
    title: str


def _summary(stored: Any) -> DocumentSummary:
    return DocumentSummary(
        key=stored.key,
        id=stored.id,
        language=stored.language,
        revision=stored.revision,
        year=stored.year,
        version=stored.version,
        kind=stored.kind,
        body=stored.body,
        number=stored.number,
        title=stored.title,
    )


@router.get("", summary="List stored documents", response_model=ItemPage[DocumentSummary])
def list_documents(
    ctx: Ctx,
    who: Reader,
    kind: str | None = None,
    body: str | None = None,
    language: str | None = None,
    q: Annotated[str | None, Query(description="words of the title or id")] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Any:
    found = services.list_documents(ctx.store, kind=kind, body=body, language=language, q=q)
    page = paginate(found, lambda d: d.id, lambda d: d.key, limit=limit, cursor=cursor)
    return ItemPage[DocumentSummary](
        items=[_summary(d) for d in page.items], next_cursor=page.next_cursor, total=page.total
    )


@router.get("/{doc_id}", summary="A document as its JSON (see docs/document-json.md)")
def read_document(
    doc_id: str, ctx: Ctx, who: Reader, language: str | None = None, revision: str | None = None
) -> dict[str, Any]:
    return services.document_view(ctx.store, doc_id, language=language, revision=revision)


@router.get("/{doc_id}/versions", summary="Every stored revision and language of the work")
def document_versions(doc_id: str, ctx: Ctx, who: Reader) -> list[DocumentSummary]:
    return [_summary(d) for d in services.document_versions_of(ctx.store, doc_id)]


def _part(name: str) -> Any:
    def read_part(
        doc_id: str,
        ctx: Ctx,
        who: Reader,
        language: str | None = None,
        revision: str | None = None,
    ) -> list[dict[str, Any]]:
        view = services.document_view(ctx.store, doc_id, language=language, revision=revision)
        found: list[dict[str, Any]] = (
            view["document"][name]
            if name != "clauses"
            else [
                {"section": s["heading"], "function": s["function"], **c}
                for part in ("preamble", "operative")
                for s in view["document"][part]
                for c in s["clauses"]
            ]
        )
        return found

    read_part.__name__ = f"document_{name}"
    return read_part


for _name in ("clauses", "references", "actions"):
    router.get(f"/{{doc_id}}/{_name}", summary=f"The {_name} of a document")(_part(_name))
