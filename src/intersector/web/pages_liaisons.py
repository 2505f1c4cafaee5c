"""The liaison workspace's pages: the list (as `.csv` and `.json` too), one liaison with its
thread, attachments, contacts and history, and the forms of the receiving groups' editors —
reply, mark answered, close. Each calls the service its API twin calls."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from intersector.domain.errors import ConflictError, ValidationError
from intersector.services.liaison_work import (
    LiaisonFilter,
    liaison_table,
    liaison_view,
    mark_liaison,
    reply_to_liaison,
)
from intersector.web.browse_views import table_response
from intersector.web.deps import Reader, context
from intersector.web.pages import check_form
from intersector.web.render import page, redirect

router = APIRouter(include_in_schema=False)


@router.get("/liaisons")
@router.get("/liaisons.{fmt}")
def liaisons(
    request: Request,
    who: Reader,
    fmt: str = "html",
    q: str = "",
    state: str = "",
    sector: str = "",
    group: str = "",
    overdue: str = "",
    mine: str = "",
    purpose: str = "",
    sort: str = "",
    order: str = "",
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    """Every liaison, filtered, faceted, sorted and paged as the URL says."""
    ctx = context(request)
    wanted = LiaisonFilter(q, state, sector, group, overdue, mine, purpose)
    table = liaison_table(
        ctx.store, who, ctx.today(), wanted, sort=sort, order=order, offset=offset, limit=limit
    )
    return table_response(request, table, fmt, "liaisons.html.j2", "liaisons")


@router.get("/liaisons/{liaison_id}")
def liaison(request: Request, liaison_id: str, who: Reader) -> HTMLResponse:
    ctx = context(request)
    view = liaison_view(ctx.store, who, liaison_id, ctx.today())
    return page(
        request, "liaison.html.j2", view=view, error="", done=request.query_params.get("done", "")
    )


@router.post("/liaisons/{liaison_id}/state")
def change_state(
    request: Request,
    liaison_id: str,
    who: Reader,
    state: Annotated[str, Form()] = "",
    reason: Annotated[str, Form(max_length=500)] = "",
    version: Annotated[int | None, Form()] = None,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    """Mark answered or close (editors of a receiving group); a refusal shows on the page."""
    check_form(request, csrf)
    ctx = context(request)
    try:
        mark_liaison(ctx.store, who, liaison_id, state, reason, version)
    except (ValidationError, ConflictError) as error:
        return _again(request, liaison_id, who, error)
    ctx.cache.clear()
    return redirect(f"/liaisons/{liaison_id}?done={state}")


@router.post("/liaisons/{liaison_id}/reply")
def reply(
    request: Request,
    liaison_id: str,
    who: Reader,
    title: Annotated[str, Form(max_length=500)] = "",
    body: Annotated[str, Form(max_length=20000)] = "",
    from_group: Annotated[str, Form(max_length=200)] = "",
    reason: Annotated[str, Form(max_length=500)] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_form(request, csrf)
    ctx = context(request)
    try:
        sent = reply_to_liaison(
            ctx.store,
            who,
            liaison_id,
            from_group=from_group,
            title=title,
            body=body,
            reason=reason,
            today=ctx.today(),
        )
    except (ValidationError, ConflictError) as error:
        return _again(request, liaison_id, who, error)
    ctx.cache.clear()
    return redirect(f"/liaisons/{sent.id}?done=reply")


def _again(
    request: Request, liaison_id: str, who: Reader, error: ValidationError | ConflictError
) -> HTMLResponse:
    ctx = context(request)
    view = liaison_view(ctx.store, who, liaison_id, ctx.today())
    status = 409 if isinstance(error, ConflictError) else 422
    return page(
        request, "liaison.html.j2", http_status=status, view=view, error=error.message, done=""
    )
