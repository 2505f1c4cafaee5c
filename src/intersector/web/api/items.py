"""Registry items (sectors, groups, activities, liaisons, subjects, mechanisms, roadmaps): list
with filters, sorting and cursors; read with an ETag; create; update and withdraw with If-Match;
history. One router per type, built from the type's dataclass so OpenAPI shows its real shape."""

from __future__ import annotations

import dataclasses
import enum
from functools import cache
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response

from intersector import services
from intersector.domain.codec import ITEM_TYPES, ItemType
from intersector.domain.errors import ValidationError
from intersector.web.api.models import (
    WRITE_RESPONSES,
    ItemPage,
    Saved,
    VersionOut,
    saved,
    version_out,
)
from intersector.web.deps import Ctx, Expected, Reader, Writer, etag
from intersector.web.pagination import paginate

REGISTRY_TYPES = ("sector", "group", "activity", "liaison", "subject", "mechanism", "roadmap")
SCALARS = (str, int, bool)


def _sortable(cls: type[Any]) -> list[str]:
    hints = dataclasses.fields(cls)
    return [f.name for f in hints if f.type in ("str", "int", "bool", "date | None")]


def sort_enum(item_type: ItemType) -> type[enum.Enum]:
    names = _sortable(item_type.cls)
    return enum.Enum(f"{item_type.cls.__name__}Sort", {n: n for n in names})  # type: ignore[return-value]


class Order(enum.StrEnum):
    asc = "asc"
    desc = "desc"


def build_router(item_type: ItemType) -> APIRouter:
    """The routes of one item type under `/{plural}`."""
    router = APIRouter(prefix=f"/{item_type.plural}", tags=[item_type.plural])
    _add_list(router, item_type)
    _add_read(router, item_type)
    _add_writes(router, item_type)
    return router


def _add_list(router: APIRouter, item_type: ItemType) -> None:
    sort_type = sort_enum(item_type)
    page_model: Any = ItemPage[item_type.cls]  # type: ignore[name-defined]
    default_sort = next(iter(sort_type))

    def list_items(
        ctx: Ctx,
        who: Reader,
        sector: str | None = None,
        group: str | None = None,
        kind: str | None = None,
        status: str | None = None,
        subject: str | None = None,
        q: Annotated[str | None, Query(description="words that must all appear")] = None,
        include_withdrawn: bool = False,
        sort: Any = default_sort,
        order: Order = Order.asc,
        cursor: str | None = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> Any:
        filters = {
            "sector": sector,
            "group": group,
            "kind": kind,
            "status": status,
            "subject": subject,
        }
        key = (item_type.name, q, include_withdrawn, *sorted(filters.items()))
        found = ctx.cache.get(
            key,
            lambda: services.list_items(
                ctx.store, item_type.name, q=q, include_withdrawn=include_withdrawn, **filters
            ),
        )
        field = sort.value
        page = paginate(
            found,
            lambda i: getattr(i, field),
            lambda i: i.id,
            limit=limit,
            cursor=cursor,
            descending=order is Order.desc,
        )
        return page_model(items=page.items, next_cursor=page.next_cursor, total=page.total)

    list_items.__annotations__["sort"] = sort_type
    list_items.__annotations__["return"] = page_model
    router.get(
        "",
        summary=f"List {item_type.plural}",
        response_model=page_model,
        name=f"list_{item_type.plural}",
    )(list_items)


def _add_read(router: APIRouter, item_type: ItemType) -> None:
    def read_item(item_id: str, request: Request, response: Response, ctx: Ctx, who: Reader) -> Any:
        version = services.get_item(ctx.store, item_type.name, item_id)
        tag = etag(version.number)
        if request.headers.get("if-none-match") == tag:
            return Response(status_code=304, headers={"ETag": tag})
        response.headers["ETag"] = tag
        return dict(version.data)

    def history(item_id: str, ctx: Ctx, who: Reader) -> list[VersionOut]:
        return [version_out(v) for v in services.item_history(ctx.store, item_type.name, item_id)]

    router.get(
        "/{item_id}",
        summary=f"Read one {item_type.name}",
        response_model=item_type.cls,
        name=f"read_{item_type.name}",
        responses={304: {"description": "not modified since the ETag sent"}},
    )(read_item)
    router.get(
        "/{item_id}/history",
        summary=f"Every version of one {item_type.name}",
        name=f"history_{item_type.name}",
    )(history)


def _add_writes(router: APIRouter, item_type: ItemType) -> None:
    def create(item: Any, response: Response, ctx: Ctx, who: Writer) -> Saved:
        version = services.create_item(ctx.store, who, item)
        ctx.cache.clear()
        response.status_code = 201
        response.headers["ETag"] = etag(version.number)
        response.headers["Location"] = f"/api/v1/{item_type.plural}/{quote(item.id, safe='')}"
        return saved(version)

    def update(
        item_id: str, item: Any, response: Response, ctx: Ctx, who: Writer, expected: Expected
    ) -> Saved:
        if item.id != item_id:
            raise ValidationError(f"the body's id {item.id!r} is not {item_id!r}", field="id")
        version = services.update_item(ctx.store, who, item, expected)
        ctx.cache.clear()
        response.headers["ETag"] = etag(version.number)
        return saved(version)

    def withdraw(
        item_id: str, response: Response, ctx: Ctx, who: Writer, expected: Expected
    ) -> Saved:
        version = services.withdraw_item(ctx.store, who, item_type.name, item_id, expected)
        ctx.cache.clear()
        response.headers["ETag"] = etag(version.number)
        return saved(version)

    create.__annotations__["item"] = item_type.cls
    update.__annotations__["item"] = item_type.cls
    router.post(
        "",
        summary=f"Create a {item_type.name}",
        status_code=201,
        name=f"create_{item_type.name}",
        responses={409: WRITE_RESPONSES[409]},
    )(create)
    router.put(
        "/{item_id}",
        summary=f"Update a {item_type.name} (If-Match required)",
        name=f"update_{item_type.name}",
        responses=WRITE_RESPONSES,
    )(update)
    router.delete(
        "/{item_id}",
        summary=f"Withdraw a {item_type.name} (never deleted)",
        name=f"withdraw_{item_type.name}",
        responses=WRITE_RESPONSES,
    )(withdraw)


@cache
def routers() -> tuple[APIRouter, ...]:
    """The routers of every registry type (built once per process: they hold no state)."""
    return tuple(build_router(ITEM_TYPES[name]) for name in REGISTRY_TYPES)
