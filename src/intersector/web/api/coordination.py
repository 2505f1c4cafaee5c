"""Coordination views: joined roadmaps, alignment findings, duplicate candidates and their
review, the subject × Sector matrix, liaison threads, the dashboard and search. Each calls the
same service as its page."""

from __future__ import annotations

import json
import zlib
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from intersector import services
from intersector.auth.roles import check_can_review
from intersector.domain.errors import ValidationError
from intersector.reports.overlap_json import assignment_to_dict
from intersector.web import views
from intersector.web.api.overlap_models import (
    CandidateOut,
    CandidatePage,
    ItemSubjectsOut,
    SubjectOut,
)
from intersector.web.context import WebContext
from intersector.web.deps import Ctx, Reader, Writer
from intersector.web.pagination import decode, encode, paginate

router = APIRouter(tags=["coordination"])


async def cached_json(
    ctx: WebContext, key: tuple[Any, ...], compute: Any, request: Request
) -> Response:
    """A computed view as JSON bytes with a weak ETag of its content, from the view cache; only
    a missing view is computed (in the thread pool, never in the event loop)."""

    def render() -> tuple[bytes, str]:
        body = json.dumps(compute(), ensure_ascii=False, default=str).encode()
        return body, f'W/"{zlib.crc32(body):08x}"'

    kept = ctx.cache.peek(key, render)
    body, tag = kept if kept is not None else await run_in_threadpool(ctx.cache.get, key, render)
    if request.headers.get("if-none-match") == tag:
        return Response(status_code=304, headers={"ETag": tag})
    return Response(body, media_type="application/json", headers={"ETag": tag})


@router.get("/joined-roadmaps/{subject}", summary="The three Sectors' roadmaps of a subject")
async def joined_roadmap(subject: str, request: Request, ctx: Ctx, who: Reader) -> Any:
    key = ("roadmap-json", subject, ctx.today())
    return await cached_json(ctx, key, lambda: views.roadmap_data(ctx, subject)[0], request)


@router.get("/findings", summary="Alignment findings, most severe first (paginated)")
def findings(
    ctx: Ctx,
    who: Reader,
    subject: str | None = None,
    check: str | None = None,
    sector: str | None = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict[str, Any]:
    from intersector.reports.roadmap_json import finding_to_dict

    today = ctx.today()
    found = ctx.cache.get(
        ("findings", subject, check, sector, today),
        lambda: services.alignment_findings(ctx.store, today, subject, check=check, sector=sector),
    )
    kept = [(f"{n:09d}", f) for n, f in enumerate(found)]
    page = paginate(kept, lambda pair: "", lambda pair: pair[0], limit=limit, cursor=cursor)
    return {
        "items": [finding_to_dict(f) for _, f in page.items],
        "next_cursor": page.next_cursor,
        "total": page.total,
    }


@router.get("/dashboard", summary="What needs attention now")
async def dashboard(request: Request, ctx: Ctx, who: Reader) -> Any:
    key = ("dashboard-json", ctx.today())
    return await cached_json(ctx, key, lambda: views.dashboard_data(ctx), request)


@router.get("/subject-matrix", summary="Subjects × Sectors: the groups at work on each")
def subject_matrix(ctx: Ctx, who: Reader) -> dict[str, Any]:
    result: dict[str, Any] = ctx.cache.get(("matrix",), lambda: services.subject_matrix(ctx.store))
    return result


@router.get("/liaisons/{liaison_id}/thread", summary="A liaison and its thread of replies")
def liaison_thread(liaison_id: str, ctx: Ctx, who: Reader) -> dict[str, Any]:
    return services.liaison_thread(ctx.store, liaison_id, ctx.today())


@router.get("/search", summary="Full-text search over the registry and the documents")
def search(
    ctx: Ctx,
    who: Reader,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[dict[str, str]]:
    return services.search_registry(ctx.store, q, limit)


class Review(BaseModel):
    decision: Literal["confirmed", "complementary", "unrelated"]
    note: Annotated[str, Field(max_length=4000)] = ""


def candidate_page(found: services.OverlapPage) -> CandidatePage:
    """A page of candidates, its cursor the (score, id) of its last one."""
    last = found.rows[-1] if found.rows and found.next_offset is not None else None
    cursor = encode([last["score"], last["id"]]) if last else None
    return CandidatePage(
        items=[CandidateOut.model_validate(r) for r in found.rows],
        next_cursor=cursor,
        total=found.total,
    )


def after_cursor(cursor: str | None) -> tuple[float, str] | None:
    """The (score, id) a cursor of `candidate_page` carries; ValidationError otherwise."""
    if not cursor:
        return None
    score, last = decode(cursor)
    if not isinstance(score, int | float) or not isinstance(last, str):
        raise ValidationError("the cursor is not one this API gave out", field="cursor")
    return float(score), last


@router.get(
    "/duplicates",
    summary="Duplicated-work candidates of the last overlap run, filtered and paginated",
    response_model=CandidatePage,
)
def duplicates(
    ctx: Ctx,
    who: Reader,
    reviewed: bool | None = None,
    sector: Annotated[str | None, Query(description="a side in this Sector (any case)")] = None,
    relation: Annotated[str | None, Query(description="same-work, overlapping…")] = None,
    item: Annotated[str | None, Query(description="involving this activity or document")] = None,
    decision: Annotated[str | None, Query(description="reviewed with this decision")] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> CandidatePage:
    found = services.duplicate_candidates(
        ctx.store,
        reviewed=reviewed,
        sector=sector,
        relation=relation,
        item=item,
        decision=decision,
        limit=limit,
        after=after_cursor(cursor),
    )
    return candidate_page(found)


@router.get(
    "/works/{item_id}/overlaps",
    summary="The duplicated-work candidates of one activity or document (paginated)",
    response_model=CandidatePage,
)
def work_overlaps(
    item_id: str,
    ctx: Ctx,
    who: Reader,
    same_sector: Annotated[bool, Query(description="also other groups of its Sector")] = False,
    min_score: Annotated[float | None, Query(ge=0, le=1)] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> CandidatePage:
    scope = "other-groups" if same_sector else "other-sectors"
    found = services.item_overlaps_in(
        ctx.store,
        item_id,
        scope=scope,
        min_score=min_score,
        limit=limit,
        after=after_cursor(cursor),
        kept=analysed(ctx),
    )
    return candidate_page(found)


def analysed(ctx: WebContext) -> services.Analysed:
    """The registry analysed for overlaps, kept in the view cache until a write clears it."""
    kept: services.Analysed = ctx.cache.get(
        ("overlap-analysis",), lambda: services.analysed(ctx.store)
    )
    return kept


@router.get(
    "/works/{item_id}/subjects",
    summary="The subjects of one activity or document, with confidence and reason",
    response_model=ItemSubjectsOut,
)
def work_subjects(item_id: str, ctx: Ctx, who: Reader) -> ItemSubjectsOut:
    found = services.item_subjects_in(ctx.store, item_id, kept=analysed(ctx))
    return ItemSubjectsOut(
        item=found.item, subjects=[SubjectOut(**assignment_to_dict(a)) for a in found.assignments]
    )


@router.post("/duplicates/{candidate_id}/review", summary="Review a candidate (coordinators)")
def review(candidate_id: str, body: Review, ctx: Ctx, who: Writer) -> dict[str, Any]:
    check_can_review(who)
    result = services.review_candidate_for_web(
        ctx.store, who.name, candidate_id, body.decision, body.note
    )
    ctx.cache.clear()
    return result
