"""What I follow (watch lists), and the subscribable feeds: iCalendar of deadlines and
milestones, Atom of changes, per group, subject, and my own watch list (a read-only API token in
the URL, `?token=isk_…`, for calendar and feed readers that cannot sign in)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field

from intersector import services
from intersector.auth.errors import AuthenticationError
from intersector.web.deps import Ctx, Reader, Writer, principal

router = APIRouter(tags=["watches and feeds"])
WatchType = Literal["group", "subject", "activity", "liaison"]
FeedScope = Literal["groups", "subjects"]
FeedFormat = Literal["ics", "atom"]
FEED_CONTENT: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/calendar": {}, "application/atom+xml": {}},
        "description": "the feed",
    }
}
Token = Annotated[
    str | None,
    Query(description="a read-only API token (scope read only), for readers that cannot sign in"),
]


class WatchIn(BaseModel):
    type: WatchType
    id: Annotated[str, Field(min_length=1, max_length=300)]


class WatchOut(BaseModel):
    type: str
    id: str
    created: str | None = None
    new: bool | None = Field(None, description="on POST: false if it was already followed")


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.get("/watches", summary="What I follow")
def my_watches(ctx: Ctx, who: Reader) -> list[WatchOut]:
    if who.user is None:
        raise AuthenticationError("sign in to see what you follow")
    return [
        WatchOut(type=w.item_type, id=w.item_id, created=_when(w.created), new=None)
        for w in services.following(ctx.store, who.name)
    ]


def _when(at: datetime | None) -> str | None:
    return at.isoformat() if at else None


@router.post("/watches", summary="Follow a group, subject, activity or liaison", status_code=201)
def follow(body: WatchIn, ctx: Ctx, who: Writer) -> WatchOut:
    watch, new = services.follow(ctx.store, who, body.type, body.id)
    return WatchOut(type=watch.item_type, id=watch.item_id, new=new)


@router.delete("/watches/{item_type}/{item_id}", summary="Stop following", status_code=204)
def unfollow(item_type: WatchType, item_id: str, ctx: Ctx, who: Writer) -> Response:
    services.unfollow(ctx.store, who, item_type, item_id)
    return Response(status_code=204)


@router.get(
    "/feeds/me.{fmt}",
    summary="My feed: deadlines (ics) or changes (atom) of what I follow; ?token= required",
    response_class=Response,
    responses=FEED_CONTENT,
)
def my_feed(request: Request, fmt: FeedFormat, ctx: Ctx, token: Token = None) -> Response:
    store = ctx.store
    reader = services.feed_reader(
        store, token, principal(request), ctx.settings.anonymous_read, personal=True
    )
    found = services.feed(
        store, reader, "user", "", fmt, base_url=_base(request), today=ctx.today()
    )
    return _response(found)


@router.get(
    "/feeds/{scope}/{item_id}.{fmt}",
    summary="A group's or subject's feed: deadlines and milestones (ics) or changes (atom)",
    response_class=Response,
    responses=FEED_CONTENT,
)
def item_feed(
    request: Request, scope: FeedScope, item_id: str, fmt: FeedFormat, ctx: Ctx, token: Token = None
) -> Response:
    who = None if token else principal(request)
    reader = services.feed_reader(
        ctx.store, token, who, ctx.settings.anonymous_read, personal=False
    )
    found = services.feed(
        ctx.store, reader, scope[:-1], item_id, fmt, base_url=_base(request), today=ctx.today()
    )
    return _response(found)


def _response(found: services.Feed) -> Response:
    headers = {"Content-Disposition": f'inline; filename="{found.filename}"'}
    return Response(found.body, media_type=found.media_type, headers=headers)
