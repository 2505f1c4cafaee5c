"""Stable opaque cursors for keyset pagination.

A cursor encodes the sort key and id of the last item of a page (base64url JSON), so the next
page starts strictly after it whatever was added or changed before it: no item is skipped or
repeated when the list is sorted by a stable key."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from intersector.domain.errors import ValidationError

T = TypeVar("T")
MAX_LIMIT = 500


@dataclass(frozen=True)
class Page:
    items: list[Any]
    next_cursor: str | None
    total: int


def encode(key: Sequence[Any]) -> str:
    raw = json.dumps(list(key), separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> list[Any]:
    """The key inside a cursor; ValidationError for anything not made by `encode`."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise ValidationError("the cursor is not one this API gave out", field="cursor") from error
    if not isinstance(key, list) or len(key) != 2:
        raise ValidationError("the cursor is not one this API gave out", field="cursor")
    return key


def _comparable(value: Any) -> tuple[int, str]:
    """Sort keys of mixed or missing values: missing last, everything compared as text."""
    return (1, "") if value is None or value == "" else (0, str(value))


def paginate(
    items: Sequence[T],
    sort_key: Callable[[T], Any],
    id_key: Callable[[T], str],
    *,
    limit: int,
    cursor: str | None,
    descending: bool = False,
) -> Page:
    """One page of `items` ordered by (sort key, id), starting after `cursor`."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(f"limit must be between 1 and {MAX_LIMIT}", field="limit")

    def order(item: T) -> tuple[tuple[int, str], str]:
        return _comparable(sort_key(item)), id_key(item)

    ordered = sorted(items, key=order, reverse=descending)
    start = 0
    if cursor:
        after = decode(cursor)
        mark = (
            tuple(after[0]) if isinstance(after[0], list) else _comparable(after[0]),
            str(after[1]),
        )
        start = _first_after(ordered, order, mark, descending)
    page = ordered[start : start + limit]
    more = start + limit < len(ordered)
    next_cursor = encode([list(order(page[-1])[0]), id_key(page[-1])]) if page and more else None
    return Page(list(page), next_cursor, len(ordered))


def _first_after(
    ordered: Sequence[T], order: Callable[[T], Any], mark: Any, descending: bool
) -> int:
    lo, hi = 0, len(ordered)
    while lo < hi:  # binary search for the first item strictly after the mark
        mid = (lo + hi) // 2
        key = order(ordered[mid])
        if (key < mark) if descending else (key > mark):
            hi = mid
        else:
            lo = mid + 1
    return lo
