"""Coordination pages: roadmaps with the Gantt timeline of the three Sectors, the subject ×
Sector matrix, duplicate candidates and their review, and my API tokens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from intersector import services
from intersector.auth.errors import AuthenticationError
from intersector.auth.roles import ROLES, Principal, check_can_administer, check_can_review
from intersector.domain.lookup import lookup, lookup_optional
from intersector.domain.registry import Subject
from intersector.reports.overlap_html import EVIDENCE_LABELS, candidate_evidence_html
from intersector.services.lists import Paging, candidate_table
from intersector.web import views
from intersector.web.browse_views import table_response
from intersector.web.deps import Reader, context
from intersector.web.i18n import translate
from intersector.web.pages import check_form
from intersector.web.pages_watches import account_values
from intersector.web.render import language_of, page, redirect

router = APIRouter(include_in_schema=False)
PageReader = Reader


@router.get("/roadmaps")
def roadmaps(request: Request, who: PageReader) -> HTMLResponse:
    store = context(request).store
    return page(
        request, "roadmaps.html.j2", subjects=store.list("subject"), kept=store.list("roadmap")
    )


ROADMAP_DOWNLOADS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ics": "text/calendar; charset=utf-8",
    "json": "application/json",
}


@router.get("/roadmaps/{subject}.{fmt}")
def roadmap_download(request: Request, subject: str, fmt: str, who: PageReader) -> Response:
    """The roadmap as a file, made by the CLI's own report functions (`intersector roadmap
    --format xlsx|ics|json`)."""
    chosen = lookup(fmt, ROADMAP_DOWNLOADS, field="format")
    body, name = views.roadmap_download(context(request), subject, chosen)
    disposition = f'attachment; filename="{name}"'
    return Response(
        body, media_type=ROADMAP_DOWNLOADS[chosen], headers={"Content-Disposition": disposition}
    )


@router.get("/roadmaps/{subject}")
def roadmap(request: Request, subject: str, who: PageReader) -> HTMLResponse:
    """The joined roadmap: the data of `/api/v1/joined-roadmaps/{subject}`, and its chart."""
    ctx = context(request)
    data, svg = views.roadmap_data(ctx, subject, language_of(request))
    shown = data["subject"]  # the id the typed subject names (`IMT-2020` → `imt`)
    labels = ctx.store.get(Subject, shown).labels if ctx.store.exists("subject", shown) else {}
    # The SVG comes from the reports' own autoescaped template: safe to inline.
    return page(request, "roadmap.html.j2", data=data, chart=Markup(svg), labels=labels)


@router.get("/subjects")
def subjects(request: Request, who: PageReader) -> HTMLResponse:
    ctx = context(request)
    matrix = ctx.cache.get(("matrix",), lambda: services.subject_matrix(ctx.store))
    return page(request, "subjects.html.j2", matrix=matrix)


REVIEWED = {"true": True, "false": False}
PAGE_SIZES = (10, 20, 50, 100)


@router.get("/duplicates")
@router.get("/duplicates.{fmt}")
def duplicates(
    request: Request,
    who: PageReader,
    fmt: str = "html",
    reviewed: str = "",
    sector: str = "",
    relation: str = "",
    item: str = "",
    decision: str = "",
    sort: str = "",
    order: str = "",
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Response:
    """Every stored candidate, a page at a time, filtered as the URL says (the page of
    `/api/v1/duplicates`), faceted and sortable, each with its evidence side by side."""
    chosen = lookup_optional(reviewed, REVIEWED, field="reviewed")
    wanted = {"sector": sector, "relation": relation, "item": item, "decision": decision}
    table = candidate_table(
        context(request).store,
        {**wanted, "reviewed": REVIEWED[chosen] if chosen else None},
        Paging(sort, order, offset, limit),
    )
    filters = {"reviewed": chosen, "sector": sector, "relation": relation, "item": item}
    return table_response(
        request,
        table,
        fmt,
        "duplicates.html.j2",
        "duplicates",
        found=table,
        filters={**filters, "decision": decision, "limit": limit},
        sizes=PAGE_SIZES,
        relations=services.OVERLAP_RELATIONS,
        decisions=services.REVIEW_DECISIONS,
        evidence=evidence_formatter(request),
        can_review=who.at_least("coordinator"),
    )


def evidence_formatter(request: Request) -> Callable[[Any], Markup]:
    """`reports.overlap_html.candidate_evidence_html` in the page's language, ids linked."""
    language = language_of(request)
    labels = {
        key: translate(language, f"evidence.{key}")
        for key in EVIDENCE_LABELS
        if key != "link_prefix"
    }
    labels["link_prefix"] = "/go/"
    return lambda candidate: candidate_evidence_html(candidate, labels)


@router.post("/duplicates/{candidate_id}/review")
def review(
    request: Request,
    candidate_id: str,
    who: PageReader,
    decision: Annotated[str, Form()] = "",
    note: Annotated[str, Form(max_length=4000)] = "",
    csrf: Annotated[str, Form()] = "",
    back: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Record a decision (none is preselected: an empty one is refused), then back to the
    page and filters the coordinator was on (`back`: that page's query string)."""
    check_form(request, csrf)
    check_can_review(who)
    ctx = context(request)
    services.review_candidate_for_web(ctx.store, who.name, candidate_id, decision, note)
    ctx.cache.clear()
    query = urlencode(parse_qsl(back.lstrip("?")))
    return redirect(f"/duplicates?{query}#{quote(candidate_id)}")


@router.get("/account")
def account(request: Request, who: PageReader) -> HTMLResponse:
    if who.user is None:
        raise AuthenticationError("sign in to see your account")
    store = context(request).store
    tokens = services.user_tokens(store, who.name)
    return page(request, "account.html.j2", tokens=tokens, created="", **_watches(request, who))


@router.post("/account/tokens")
def new_token(
    request: Request,
    who: PageReader,
    csrf: Annotated[str, Form()] = "",
    label: Annotated[str, Form(max_length=200)] = "",
    write: Annotated[bool, Form()] = False,
) -> HTMLResponse:
    check_form(request, csrf)
    store = context(request).store
    scopes = ("read", "write") if write else ("read",)
    plain, _ = services.issue_own_token(store, who, scopes, label)
    return page(
        request,
        "account.html.j2",
        tokens=services.user_tokens(store, who.name),
        created=plain,
        **_watches(request, who, "" if write else plain),
    )


def _watches(request: Request, who: Principal, feed_token: str = "") -> dict[str, Any]:
    """The account page's watch list, e-mail address and feed links (a read token just issued
    fills them in)."""
    values = account_values(context(request).store, who)
    return {**values, "feed_token": feed_token, "base_url": str(request.base_url).rstrip("/")}


@router.post("/account/tokens/{token_id}/revoke")
def revoke(
    request: Request, token_id: str, who: PageReader, csrf: Annotated[str, Form()] = ""
) -> Response:
    check_form(request, csrf)
    ctx = context(request)
    services.revoke_token(ctx.store, who, token_id)
    ctx.credentials.clear()
    return redirect("/account")


@router.get("/admin/users")
def users_page(request: Request, who: PageReader) -> HTMLResponse:
    """Users and their roles (admins): the page of `/api/v1/users`."""
    check_can_administer(who)
    users = services.list_users(context(request).store)
    return page(request, "users.html.j2", users=users, roles=ROLES, error="")


@router.post("/admin/users/{username}/role")
def change_role(
    request: Request,
    username: str,
    who: PageReader,
    role: Annotated[str, Form()],
    sectors: Annotated[str, Form(max_length=200)] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_form(request, csrf)
    check_can_administer(who)
    ctx = context(request)
    chosen = tuple(s.strip() for s in sectors.replace(";", ",").split(",") if s.strip())
    services.set_role(ctx.store, username, role, sectors=chosen, author=who.name)
    ctx.credentials.clear()
    return redirect("/admin/users")
