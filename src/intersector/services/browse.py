"""Browse any list as Datasette does: rows already filtered by their own service, then facets
with counts, a sort on any column (ITU numbers in natural order: K.52 before K.100), a page of
`limit` rows from `offset`. One function, `browse`, for every list page, its `.csv`/`.json` twin
and `/api/v1/browse/…`, so a page, its download and the API show the same rows in the same
order. (When the store computes facets and sorting in SQL, only this module changes.)"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from intersector.domain.cells import neutralise
from intersector.domain.errors import ValidationError
from intersector.domain.ids import natural_key
from intersector.domain.lookup import lookup

ORDERS = ("asc", "desc")
PAGE_SIZES = (10, 20, 50, 100, 500)
MAX_LIMIT = 500
FACET_VALUES = 30  # the most frequent values shown per facet


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int


@dataclass(frozen=True)
class Facet:
    """A column's values among the filtered rows, most frequent first, and how many rows have
    each (a list column counts each of its values)."""

    name: str
    values: tuple[FacetValue, ...]


@dataclass(frozen=True)
class Table:
    """One page of a browsed list: `rows` (each a mapping of `columns`), of `total` filtered
    rows, with the facets of all `total` rows."""

    columns: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...]
    total: int
    facets: tuple[Facet, ...]
    sort: str
    order: str
    offset: int
    limit: int

    @property
    def next_offset(self) -> int | None:
        after = self.offset + self.limit
        return after if after < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset else None


def browse(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    facets: Sequence[str] = (),
    sort: str = "",
    order: str = "asc",
    offset: int = 0,
    limit: int = 50,
) -> Table:
    """The page of `rows` sorted by `sort` (a column, typed in any case; "" keeps their order)
    in `order`, with the facets named. An unknown column or order, a negative offset or a
    limit out of 1..500 is a ValidationError naming the parameter."""
    listed = list(rows)
    column = lookup(sort, columns, field="sort") if sort.strip() else ""
    direction = lookup(order or "asc", ORDERS, field="order")
    _check_page(offset, limit)
    if column:
        present = [r for r in listed if _present(r.get(column))]
        absent = [r for r in listed if not _present(r.get(column))]
        present.sort(key=lambda r: sort_key(r.get(column)), reverse=direction == "desc")
        listed = present + absent  # rows without a value last, whatever the order
    return Table(
        columns=tuple(columns),
        rows=tuple(listed[offset : offset + limit]),
        total=len(listed),
        facets=tuple(facet(listed, name) for name in facets),
        sort=column,
        order=direction,
        offset=offset,
        limit=limit,
    )


def _check_page(offset: int, limit: int) -> None:
    if offset < 0:
        raise ValidationError(f"offset must be 0 or more, not {offset}", field="offset")
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(f"limit must be 1 to {MAX_LIMIT}, not {limit}", field="limit")


def _present(value: Any) -> bool:
    return value not in (None, "", [], ())


def sort_key(value: Any) -> tuple[tuple[int, float, str], ...]:
    """Numbers as numbers, dates by date, text and ids in natural order, lists by their text."""
    if isinstance(value, bool):
        return ((0, float(value), ""),)
    if isinstance(value, int | float):
        return ((0, float(value), ""),)
    if isinstance(value, date):
        return ((1, 0, value.isoformat()),)
    return tuple((k, float(n), s) for k, n, s in natural_key(cell(value)))


def facet(rows: Sequence[Mapping[str, Any]], name: str) -> Facet:
    counts: Counter[str] = Counter()
    for row in rows:
        value = row.get(name)
        values = value if isinstance(value, list | tuple) else [value]
        counts.update({cell(v) for v in values if _present(v)})
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], natural_key(kv[0])))
    return Facet(name, tuple(FacetValue(v, n) for v, n in ranked[:FACET_VALUES]))


def cell(value: Any) -> str:
    """A value as one CSV cell or facet value: lists joined by "; ", nothing for None."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def table_dict(table: Table) -> dict[str, Any]:
    """The page as JSON: the rows shown, their columns, total, facets, sort and paging."""
    return {
        "columns": list(table.columns),
        "rows": [{c: _json(row.get(c)) for c in table.columns} for row in table.rows],
        "total": table.total,
        "offset": table.offset,
        "limit": table.limit,
        "next_offset": table.next_offset,
        "sort": table.sort,
        "order": table.order,
        "facets": {
            f.name: [{"value": v.value, "count": v.count} for v in f.values] for f in table.facets
        },
    }


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    return value


def table_csv(table: Table) -> str:
    """The rows shown as CSV, a header of the columns; text that a spreadsheet would run as a
    formula is neutralised as in every other export."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_csv_cell(row.get(c)) for c in table.columns])
    return out.getvalue()


def _csv_cell(value: Any) -> object:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return neutralise(cell(value))


def dumps(table: Table) -> str:
    return json.dumps(table_dict(table), ensure_ascii=False, indent=1)
