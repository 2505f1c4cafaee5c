"""Registry pages: browse and search, one item (with its edit form and history), documents
side by side in their languages. Each page calls the service its API twin calls."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from intersector import services
from intersector.auth.roles import Principal
from intersector.domain.codec import ITEM_TYPES, from_dict, get_item_type, to_dict
from intersector.domain.errors import ConflictError, NotFoundError, ValidationError
from intersector.domain.lookup import FILTER_FIELDS
from intersector.services.lists import (
    FindingQuery,
    Paging,
    RegistryQuery,
    document_table,
    finding_table,
    registry_facets,
    registry_table,
    registry_type,
)
from intersector.web.api.items import REGISTRY_TYPES
from intersector.web.browse_views import table_response
from intersector.web.deps import Reader, context
from intersector.web.forms import (
    CREATABLE,
    FormField,
    blank,
    form_fields,
    item_from_form,
    new_item_from_form,
)
from intersector.web.pages import check_form
from intersector.web.render import language_of, page, redirect

router = APIRouter(include_in_schema=False)
PageReader = Reader


def _type(name: str) -> str:
    item_type = get_item_type(name)
    if item_type.name not in REGISTRY_TYPES:
        raise NotFoundError(f"no registry type {name!r}", field="type")
    return item_type.name


@router.get("/registry")
@router.get("/registry.{fmt}")
def browse(
    request: Request,
    who: PageReader,
    fmt: str = "html",
    type: str = "activities",
    q: str = "",
    sector: str = "",
    group: str = "",
    kind: str = "",
    status: str = "",
    subject: str = "",
    include_withdrawn: bool = False,
    sort: str = "",
    order: str = "",
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    """One type of registry item as `/api/v1/{plural}` filters it, faceted, sortable, paged."""
    name = _type(registry_type(type))
    if name == "liaison" and fmt == "html":  # the liaison workspace lists them
        query = {k: v for k, v in request.query_params.items() if k != "type"}
        return redirect(f"/liaisons?{urlencode(query)}" if query else "/liaisons")
    filters = {"sector": sector, "group": group, "kind": kind, "status": status}
    filters = {k: v for k, v in {**filters, "subject": subject}.items() if v.strip()}
    wanted = RegistryQuery(name, q, filters, include_withdrawn, language_of(request))
    paging = Paging(sort, order, offset, limit)
    ctx = context(request)
    key = ("registry-table", wanted.type_name, q, *sorted(filters.items()), include_withdrawn)
    table = ctx.cache.get(
        (*key, wanted.language, paging), lambda: registry_table(ctx.store, wanted, paging)
    )
    return table_response(
        request,
        table,
        fmt,
        "registry.html.j2",
        ITEM_TYPES[name].plural,
        type_name=name,
        plural=ITEM_TYPES[name].plural,
        types=[ITEM_TYPES[t] for t in REGISTRY_TYPES],
        filters=FILTER_FIELDS.get(name, {}),
        facet_params=registry_facets(name),
    )


@router.get("/search")
def search(request: Request, who: PageReader, q: str = "") -> HTMLResponse:
    hits = services.search_registry(context(request).store, q, 200) if q.strip() else []
    return page(request, "search.html.j2", q=q, hits=hits)


@router.get("/go/{item_id}")
def go(request: Request, item_id: str, who: PageReader) -> Response:
    """The page of whatever has this id (alignment findings name items of several types)."""
    types = [t for t in context(request).store.find(item_id) if t in REGISTRY_TYPES]
    if types:
        return redirect(item_url(types[0], item_id))
    return redirect(f"/documents/{item_id}")


def item_url(type_name: str, item_id: str) -> str:
    if type_name == "liaison":
        return f"/liaisons/{item_id}"
    return f"/items/{type_name}/{item_id}"


def _can_edit(store: Any, who: Principal, type_name: str, item: Any) -> bool:
    from intersector.auth.roles import check_can_edit
    from intersector.domain.errors import PermissionDeniedError

    sector, group = services.item_sector(store, item)
    try:
        check_can_edit(who, type_name, sector, group)
    except PermissionDeniedError:
        return False
    return True


@router.get("/items/{type_name}/new")
def new_form(request: Request, type_name: str, who: PageReader) -> HTMLResponse:
    """The creation form; whether the user may create it is checked on saving."""
    name = _creatable(type_name)
    item = blank(name, (who.user.sectors or ("",))[0] if who.user else "")
    return page(
        request, "new.html.j2", type_name=name, fields=form_fields(item), item_id="", error=""
    )


@router.post("/items/{type_name}/new")
async def create(request: Request, type_name: str, who: PageReader) -> Response:
    ctx = context(request)
    name = _creatable(type_name)
    form = {k: str(v) for k, v in (await request.form()).items()}
    check_form(request, form.get("csrf", ""))
    try:
        item = new_item_from_form(name, form)
        services.create_item(ctx.store, who, item, form.get("reason", "").strip()[:500])
    except (ValidationError, ConflictError) as error:
        status = 409 if isinstance(error, ConflictError) else 422
        shown = item_from_form(blank(name), form) if status == 409 else blank(name)
        return page(
            request,
            "new.html.j2",
            http_status=status,
            type_name=name,
            fields=form_fields(shown),
            item_id=form.get("id", ""),
            error=error.message,
        )
    ctx.cache.clear()
    return redirect(item_url(name, item.id))


def _creatable(type_name: str) -> str:
    name = _type(type_name)
    if name not in CREATABLE:
        raise NotFoundError(f"{name} items are not created from a page; use the API", field="type")
    return name


@router.get("/items/{type_name}/{item_id}")
def item_page(request: Request, type_name: str, item_id: str, who: PageReader) -> HTMLResponse:
    ctx = context(request)
    name = _type(type_name)
    version = services.get_item(ctx.store, name, item_id)
    item = from_dict(name, version.data)
    return page(
        request,
        "item.html.j2",
        type_name=name,
        item=item,
        data=to_dict(item),
        version=version,
        can_edit=_can_edit(ctx.store, who, name, item),
        plural=ITEM_TYPES[name].plural,
        duplicates=services.confirmed_duplicates(ctx.store, item.id) if name == "activity" else [],
        subject_id=item.id,
        saved=request.query_params.get("saved") == "1",
        text=item.id if ctx.store.document_versions(item.id) else "",
    )


@router.get("/items/{type_name}/{item_id}/edit")
def edit_form(request: Request, type_name: str, item_id: str, who: PageReader) -> HTMLResponse:
    ctx = context(request)
    name = _type(type_name)
    version = services.get_item(ctx.store, name, item_id)
    item = from_dict(name, version.data)
    if not _can_edit(ctx.store, who, name, item):
        services.update_item(ctx.store, who, item, version.number)  # raises the right refusal
    return page(
        request,
        "edit.html.j2",
        type_name=name,
        item=item,
        version=version,
        fields=form_fields(item),
        error="",
    )


@router.post("/items/{type_name}/{item_id}/edit")
async def edit(request: Request, type_name: str, item_id: str, who: PageReader) -> Response:
    """Save the edit form: CSRF-checked, as the signed-in user, at the version the form read.
    Refused (bad value, not allowed, changed meanwhile), the form comes back with what was typed
    in it; after a conflict it carries the current version, so saving again replaces it."""
    ctx = context(request)
    name = _type(type_name)
    form = await request.form()
    check_form(request, str(form.get("csrf", "")))
    typed = {k: str(v) for k, v in form.items()}
    version = services.get_item(ctx.store, name, item_id)
    current = from_dict(name, version.data)
    try:
        item = item_from_form(current, typed)
        expected = int(typed.get("version", "0"))
        services.update_item(ctx.store, who, item, expected, typed.get("reason", "").strip()[:500])
    except (ConflictError, ValidationError, ValueError) as error:  # changed meanwhile, refused
        conflict = isinstance(error, ConflictError)
        message = getattr(error, "message", str(error))
        return page(
            request,
            "edit.html.j2",
            http_status=412 if conflict else 422,
            type_name=name,
            item=current,
            version=version,
            fields=_as_typed(form_fields(current), typed),
            reason=typed.get("reason", ""),
            error="" if conflict else message,
            conflict=version if conflict else None,
        )
    ctx.cache.clear()
    return redirect(f"{item_url(name, item_id)}?saved=1")


def _as_typed(fields: list[FormField], typed: dict[str, str]) -> list[FormField]:
    """The form's fields holding what the user typed (the fields a form did not send as stored)."""
    return [dataclasses.replace(f, value=typed.get(f.name, f.value)) for f in fields]


@router.get("/items/{type_name}/{item_id}/history")
def history(request: Request, type_name: str, item_id: str, who: PageReader) -> HTMLResponse:
    name = _type(type_name)
    versions = services.item_history(context(request).store, name, item_id)
    changes = [
        _changes(before.data if before else {}, v.data)
        for before, v in zip([None, *versions[:-1]], versions, strict=True)
    ]
    return page(
        request,
        "history.html.j2",
        type_name=name,
        item_id=item_id,
        versions=list(zip(versions, changes, strict=True)),
    )


def _changes(before: Any, after: Any) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for every field that differs between two versions (for the first
    version, every field that has a value)."""
    empty: tuple[Any, ...] = ("", None, [], {}, False)
    keys = dict.fromkeys([*before, *after])
    return [
        (k, before.get(k), after.get(k))
        for k in keys
        if before.get(k) != after.get(k) and (before or after.get(k) not in empty)
    ]


@router.get("/documents")
@router.get("/documents.{fmt}")
def documents(
    request: Request,
    who: PageReader,
    fmt: str = "html",
    q: str = "",
    kind: str = "",
    body: str = "",
    language: str = "",
    sort: str = "",
    order: str = "",
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    """The stored documents as `/api/v1/documents` filters them, faceted, sortable, paged."""
    filters = {"kind": kind, "body": body, "language": language}
    paging = Paging(sort, order, offset, limit)
    table = document_table(context(request).store, filters, q, paging)
    return table_response(request, table, fmt, "documents.html.j2", "documents")


def _linkable(store: Any) -> set[str]:
    """The ids a page may link to through /go/: registry items and stored texts. A reference
    to a text not ingested, or an addressee that is a role (tsb-director), is shown unlinked."""
    ids = {d.id for d in store.documents()}
    for type_name in REGISTRY_TYPES:
        ids |= store.ids(type_name)
    return ids


@router.get("/documents/{doc_id}")
def document(
    request: Request,
    doc_id: str,
    who: PageReader,
    language: str | None = None,
    revision: str | None = None,
) -> HTMLResponse:
    ctx = context(request)
    view = services.document_view(ctx.store, doc_id, language=language, revision=revision)
    shown_in = language_of(request)  # the reader's language first, when the text has it
    if language is None and shown_in in view["languages"]:
        view = services.document_view(ctx.store, doc_id, language=shown_in, revision=revision)
    doc = view["document"]
    return page(
        request,
        "document.html.j2",
        view=view,
        doc=doc,
        others=view["languages"],
        known=_linkable(ctx.store),
        duplicates=services.confirmed_duplicates(ctx.store, doc["id"]),
        subject_id=doc["id"],
    )


def field_names(item: Any) -> list[str]:
    return [f.name for f in dataclasses.fields(item)]


@router.get("/findings")
@router.get("/findings.{fmt}")
def findings(
    request: Request,
    who: PageReader,
    fmt: str = "html",
    subject: str = "",
    check: str = "",
    sector: str = "",
    severity: str = "",
    sort: str = "",
    order: str = "",
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    """The alignment findings as `/api/v1/findings` filters them, faceted, sortable, paged."""
    ctx = context(request)
    wanted = FindingQuery(subject, check, sector, severity)
    table = finding_table(ctx.store, ctx.today(), wanted, Paging(sort, order, offset, limit))
    return table_response(request, table, fmt, "findings.html.j2", "findings")
