from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intersector.domain.errors import ValidationError
from intersector.web.pagination import decode, encode, paginate

ITEMS = st.lists(
    st.tuples(
        st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2030, 1, 1))),
        st.text("abcxyz-.", min_size=1, max_size=6),
    ),
    unique_by=lambda pair: pair[1],
    max_size=40,
)


def walk(items: list[tuple[date | None, str]], limit: int, descending: bool) -> list[str]:
    seen: list[str] = []
    cursor = None
    while True:
        page = paginate(
            items, lambda i: i[0], lambda i: i[1], limit=limit, cursor=cursor, descending=descending
        )
        seen += [i[1] for i in page.items]
        assert page.total == len(items)
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor


@given(ITEMS, st.integers(1, 7), st.booleans())
def test_cursors_visit_every_item_once_in_order(
    items: list[tuple[date | None, str]], limit: int, descending: bool
) -> None:
    seen = walk(items, limit, descending)
    assert sorted(seen) == sorted(i[1] for i in items)
    everything = paginate(
        items, lambda i: i[0], lambda i: i[1], limit=500, cursor=None, descending=descending
    )
    assert seen == [i[1] for i in everything.items]


def test_cursor_is_stable_when_items_are_added_before_it() -> None:
    items = [(None, f"id{n:02}") for n in range(10)]
    first = paginate(items, lambda i: i[0], lambda i: i[1], limit=4, cursor=None)
    grown = [(None, "id00a"), *items]  # an item inserted among those already seen
    second = paginate(grown, lambda i: i[0], lambda i: i[1], limit=4, cursor=first.next_cursor)
    assert [i[1] for i in second.items] == ["id04", "id05", "id06", "id07"]


@given(st.text(max_size=30))
def test_any_text_as_cursor_decodes_or_is_refused(text: str) -> None:
    try:
        key = decode(text)
    except ValidationError as error:
        assert error.field == "cursor"
    else:
        assert isinstance(key, list) and len(key) == 2


def test_round_trip_and_limits() -> None:
    assert decode(encode([[0, "2024-01-01"], "x"])) == [[0, "2024-01-01"], "x"]
    with pytest.raises(ValidationError, match="limit"):
        paginate([], lambda i: i, lambda i: i, limit=0, cursor=None)
