"""The liaison workspace in the API: the list as the page shows it (filters, facets, sort,
paging), one liaison with its thread, attachments, contacts and history, and the receiving
groups' actions — reply, mark answered, close — each a new version. The pages call the same
services."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from intersector.domain.codec import to_dict
from intersector.services.browse import table_dict
from intersector.services.liaison_work import (
    LiaisonFilter,
    liaison_table,
    liaison_view,
    mark_liaison,
    reply_to_liaison,
    view_dict,
)
from intersector.web.api.models import WRITE_RESPONSES
from intersector.web.deps import Ctx, Expected, Reader, Writer, etag

router = APIRouter(tags=["liaisons"])


@router.get("/liaison-list", summary="Liaisons as the workspace lists them, with facets")
def liaison_list(
    ctx: Ctx,
    who: Reader,
    q: str = "",
    state: Annotated[str, Query(description="draft, sent, answered, closed or overdue")] = "",
    sector: Annotated[str, Query(description="the Sector of the sender or an addressee")] = "",
    group: Annotated[str, Query(description="the sender or an addressee")] = "",
    overdue: Annotated[str, Query(description="true or false")] = "",
    mine: Annotated[str, Query(description="true: sent for action to my groups")] = "",
    purpose: Annotated[str, Query(description="action, comment, information, response")] = "",
    sort: str = "",
    order: str = "",
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    wanted = LiaisonFilter(q, state, sector, group, overdue, mine, purpose)
    table = liaison_table(
        ctx.store, who, ctx.today(), wanted, sort=sort, order=order, offset=offset, limit=limit
    )
    return table_dict(table)


@router.get("/liaisons/{liaison_id}/workspace", summary="A liaison, its thread and history")
def workspace(liaison_id: str, ctx: Ctx, who: Reader) -> dict[str, Any]:
    return view_dict(liaison_view(ctx.store, who, liaison_id, ctx.today()))


class Reason(BaseModel):
    reason: Annotated[str, Field(max_length=500)] = ""


class Reply(BaseModel):
    title: Annotated[str, Field(min_length=1, max_length=500)]
    body: Annotated[str, Field(max_length=20000)] = ""
    from_group: Annotated[str, Field(max_length=200, description="default: your first")] = ""
    reason: Annotated[str, Field(max_length=500)] = ""


def _state(
    state: str, liaison_id: str, body: Reason, ctx: Ctx, who: Writer, expected: Expected
) -> dict[str, Any]:
    version = mark_liaison(ctx.store, who, liaison_id, state, body.reason, expected)
    ctx.cache.clear()
    return {"id": version.item_id, "version": version.number, "state": version.data["state"]}


@router.post(
    "/liaisons/{liaison_id}/answered",
    summary="Mark a liaison answered (editors of a group it is addressed to)",
    responses=WRITE_RESPONSES,
)
def answered(
    liaison_id: str, body: Reason, response: Response, ctx: Ctx, who: Writer, expected: Expected
) -> dict[str, Any]:
    saved = _state("answered", liaison_id, body, ctx, who, expected)
    response.headers["ETag"] = etag(saved["version"])
    return saved


@router.post(
    "/liaisons/{liaison_id}/close",
    summary="Close a liaison (editors of a group it is addressed to)",
    responses=WRITE_RESPONSES,
)
def close(
    liaison_id: str, body: Reason, response: Response, ctx: Ctx, who: Writer, expected: Expected
) -> dict[str, Any]:
    saved = _state("closed", liaison_id, body, ctx, who, expected)
    response.headers["ETag"] = etag(saved["version"])
    return saved


@router.post(
    "/liaisons/{liaison_id}/reply",
    summary="Reply to a liaison from a group it is addressed to",
    status_code=201,
    responses=WRITE_RESPONSES,
)
def reply(liaison_id: str, body: Reply, ctx: Ctx, who: Writer) -> dict[str, Any]:
    sent = reply_to_liaison(
        ctx.store,
        who,
        liaison_id,
        from_group=body.from_group,
        title=body.title,
        body=body.body,
        reason=body.reason,
        today=ctx.today(),
    )
    ctx.cache.clear()
    return to_dict(sent)
