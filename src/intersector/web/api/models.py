"""Response shapes of the API that are not domain objects (the domain dataclasses serve as
models directly: OpenAPI comes from them)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class ItemPage(BaseModel, Generic[T]):
    """One page of a list: pass `next_cursor` back as `cursor` for the next one."""

    items: list[T]
    next_cursor: str | None = Field(None, description="opaque; absent on the last page")
    total: int = Field(description="items matching the filters, all pages together")


class VersionOut(BaseModel):
    """One stored version of an item: who changed it, when and why, and the data it had."""

    item_type: str
    item_id: str
    number: int
    author: str
    at: datetime
    reason: str
    data: dict[str, Any]


class Saved(BaseModel):
    """The version a change produced; its number is the new ETag."""

    item_type: str
    item_id: str
    number: int
    author: str
    at: datetime
    reason: str


def version_out(version: Any) -> VersionOut:
    return VersionOut(
        item_type=version.item_type,
        item_id=version.item_id,
        number=version.number,
        author=version.author,
        at=version.at,
        reason=version.reason,
        data=dict(version.data),
    )


def saved(version: Any) -> Saved:
    return Saved(
        item_type=version.item_type,
        item_id=version.item_id,
        number=version.number,
        author=version.author,
        at=version.at,
        reason=version.reason,
    )


class Problem(BaseModel):
    """An error, as RFC 9457 problem details (`application/problem+json`)."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    field: str | None = Field(None, description="the input field at fault, when one is")


def _problem(description: str) -> dict[str, Any]:
    return {
        "model": Problem,
        "description": description,
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        },
    }


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: _problem("no or bad credentials: sign in, or send `Authorization: Bearer <token>`"),
    403: _problem(
        "not allowed: another Sector's item, a role or token scope that does not allow it"
    ),
    404: _problem("no item with that id"),
    422: _problem("a body or parameter of the wrong shape or value"),
}
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    409: _problem("the id is taken"),
    412: _problem("the item changed since the version in If-Match"),
    428: _problem("If-Match missing: GET the item and send its ETag back"),
}
