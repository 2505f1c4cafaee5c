"""One browsed list, three formats (as Datasette serves `/table`, `/table.csv`, `/table.json`):
the page, and the rows it shows as CSV or JSON. Every list page hands its `services.browse`
table here with the query it was asked for, so the links it draws keep every filter."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from intersector.domain.errors import NotFoundError
from intersector.services.browse import PAGE_SIZES, Table, table_csv, table_dict
from intersector.web.render import page

FORMATS = ("html", "csv", "json")


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise NotFoundError(f"no format {fmt!r}: use .csv or .json", field="format")
    return fmt


def params_of(request: Request) -> dict[str, str]:
    """The query as asked, empty values left out: what every link of the page keeps."""
    return {k: v for k, v in request.query_params.items() if v.strip()}


def table_response(
    request: Request, table: Table, fmt: str, template: str, name: str, **values: Any
) -> Response:
    """The page (`template`), or the rows it shows as `name`.csv / JSON."""
    if check_format(fmt) == "json":
        return JSONResponse(table_dict(table))
    if fmt == "csv":
        disposition = f'attachment; filename="{name}.csv"'
        return Response(
            table_csv(table),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": disposition},
        )
    params = params_of(request)
    base = request.url.path
    values.setdefault("sizes", PAGE_SIZES)
    return page(
        request,
        template,
        table=table,
        params=params,
        link=lambda **changes: link(base, params, changes),
        download=lambda suffix: link(f"{base}.{suffix}", params, {}),
        **values,
    )


def link(base: str, params: dict[str, str], changes: dict[str, Any]) -> str:
    """`base` with the page's query changed: a value of None or "" drops the parameter; any
    change but paging goes back to the first page."""
    query = dict(params)
    if set(changes) - {"offset"}:
        query.pop("offset", None)
    for name, value in changes.items():
        if value in (None, ""):
            query.pop(name, None)
        else:
            query[name] = str(value)
    return f"{base}?{urlencode(query)}" if query else base
