"""Pages for people: sign-in, language, dashboard, and the error page. The registry and
coordination pages live in `pages_registry` and `pages_coordination`; each page calls the same
service function as its JSON twin in the API."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from intersector import services
from intersector.auth.errors import AuthenticationError, RateLimitedError
from intersector.web import i18n, views
from intersector.web.deps import Reader, context, session_of
from intersector.web.render import language_of, local, page, redirect, set_session_cookie
from intersector.web.sessions import LANG_COOKIE, check_csrf, new_session

router = APIRouter(include_in_schema=False)
PageReader = Reader


def render_error(
    request: Request, status: int, message: str, headers: dict[str, str]
) -> HTMLResponse:
    return page(
        request,
        "error.html.j2",
        http_status=status,
        headers=headers,
        status_code=status,
        message=message,
    )


def check_form(request: Request, csrf: str) -> None:
    """Every form carries the CSRF token of its session."""
    check_csrf(session_of(request), csrf)


@router.get("/login")
def login_form(request: Request, next: str = "/") -> HTMLResponse:
    return page(request, "login.html.j2", next=local(next), error="")


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    csrf: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Sign in: CSRF-checked, limited per account and client address (with back-off), then a
    new server-side session."""
    check_form(request, csrf)
    ctx = context(request)
    client = request.client.host if request.client else "?"
    try:
        signed_in = services.sign_in(ctx.store, username, password, client)
    except RateLimitedError as error:
        wait = {"Retry-After": str(error.retry_after)}
        message = _t(request, "login.too_many").format(seconds=error.retry_after)
        return _sign_in_again(request, next, message, 429, wait)
    except AuthenticationError:
        return _sign_in_again(request, next, _t(request, "login.failed"), 401, {})
    response = redirect(local(next))
    set_session_cookie(request, response, new_session(signed_in.user.id, signed_in.session_id))
    return response


def _t(request: Request, key: str) -> str:
    return i18n.translate(language_of(request), key)


def _sign_in_again(
    request: Request, next: str, message: str, status: int, headers: dict[str, str]
) -> HTMLResponse:
    return page(
        request,
        "login.html.j2",
        http_status=status,
        headers=headers,
        next=local(next),
        error=message,
    )


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
    """Sign out: the session ends on the server (every copy of its cookie stops working)."""
    check_form(request, csrf)
    ctx = context(request)
    session = session_of(request)
    services.sign_out(ctx.store, session.session_id if session else "")
    ctx.credentials.clear()
    response = redirect("/login")
    set_session_cookie(request, response, new_session())
    return response


@router.get("/lang/{language}")
def switch_language(language: str, next: str = "/") -> Response:
    """Choose the interface language (kept in a cookie for a year)."""
    response = redirect(local(next))
    if language in i18n.LANGUAGES:
        response.set_cookie(LANG_COOKIE, language, max_age=365 * 86400, samesite="lax")
    return response


@router.get("/")
def dashboard(request: Request, who: PageReader) -> HTMLResponse:
    return page(request, "dashboard.html.j2", data=views.dashboard_data(context(request)))
