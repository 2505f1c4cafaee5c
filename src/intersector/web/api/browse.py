"""Lists as the pages browse them (issue 12): the registry and the documents with facets and
counts, natural sort and a page, as `/registry.json` and `/documents.json` give them; the
liaison list is `/api/v1/liaison-list`. The same services as the pages."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from intersector.services.browse import table_dict
from intersector.services.lists import (
    Paging,
    RegistryQuery,
    document_table,
    registry_table,
    registry_type,
)
from intersector.web.deps import Ctx, Reader

router = APIRouter(prefix="/browse", tags=["browse"])
Offset = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=500)]


@router.get("/registry", summary="Registry items of one type with facets, sorted, a page")
def registry(
    ctx: Ctx,
    who: Reader,
    type: Annotated[str, Query(description="activities, groups, liaisons…")] = "activities",
    q: str = "",
    sector: str = "",
    group: str = "",
    kind: str = "",
    status: str = "",
    subject: str = "",
    include_withdrawn: bool = False,
    sort: str = "",
    order: str = "",
    offset: Offset = 0,
    limit: Limit = 50,
) -> dict[str, Any]:
    filters = {"sector": sector, "group": group, "kind": kind, "status": status}
    filters = {k: v for k, v in {**filters, "subject": subject}.items() if v.strip()}
    wanted = RegistryQuery(registry_type(type), q, filters, include_withdrawn)
    return table_dict(registry_table(ctx.store, wanted, Paging(sort, order, offset, limit)))


@router.get("/documents", summary="Stored documents with facets, sorted, a page")
def documents(
    ctx: Ctx,
    who: Reader,
    q: str = "",
    kind: str = "",
    body: str = "",
    language: str = "",
    sort: str = "",
    order: str = "",
    offset: Offset = 0,
    limit: Limit = 50,
) -> dict[str, Any]:
    filters = {"kind": kind, "body": body, "language": language}
    paging = Paging(sort, order, offset, limit)
    return table_dict(document_table(ctx.store, filters, q, paging))
