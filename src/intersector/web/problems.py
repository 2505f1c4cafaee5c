"""RFC 9457 problem details: every error a user can cause, from one exception handler.

`IntersectorError` subclasses map to a status; a `ConflictError` becomes 412 when the request
carried `If-Match` (the store's optimistic lock lost) and 409 otherwise. API requests get
`application/problem+json`; page requests get the error page (or the sign-in page for 401).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from intersector.auth.errors import (
    AuthenticationError,
    PreconditionRequiredError,
    RateLimitedError,
)
from intersector.domain.errors import (
    ConflictError,
    InputError,
    IntersectorError,
    NotFoundError,
    PermissionDeniedError,
    UnknownValueError,
    ValidationError,
)

PROBLEM_TYPE = "https://intersector.invalid/problems/"
_STATUS: tuple[tuple[type[IntersectorError], int, str], ...] = (
    (AuthenticationError, 401, "unauthenticated"),
    (PermissionDeniedError, 403, "forbidden"),
    (NotFoundError, 404, "not-found"),
    (PreconditionRequiredError, 428, "precondition-required"),
    (RateLimitedError, 429, "too-many-requests"),
    (ValidationError, 422, "invalid"),
    (InputError, 400, "bad-input"),
    (IntersectorError, 400, "bad-request"),
)
_TITLES = {
    400: "Bad request",
    401: "Authentication required",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    412: "Precondition failed",
    413: "Content too large",
    422: "Invalid input",
    428: "Precondition required",
    429: "Too many requests",
    500: "Internal error",
}


def status_of(error: IntersectorError, request: Request) -> tuple[int, str]:
    """The HTTP status and problem type slug of a user error."""
    if isinstance(error, ConflictError):
        if request.headers.get("if-match"):
            return 412, "precondition-failed"
        return 409, "conflict"
    for cls, status, slug in _STATUS:
        if isinstance(error, cls):
            return status, slug
    return 400, "bad-request"


def problem(status: int, slug: str, detail: str, instance: str, **extra: Any) -> JSONResponse:
    body = {
        "type": PROBLEM_TYPE + slug,
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "instance": instance,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type="application/problem+json")


def is_api(request: Request) -> bool:
    """The API, and the `.json`/`.csv` twins of list pages: answered for programs."""
    path = request.url.path
    return path.startswith("/api/") or path.endswith((".json", ".csv"))


async def handle_user_error(request: Request, error: Exception) -> Response:
    """The one handler for IntersectorError: problem+json for the API, a page for people."""
    if not isinstance(error, IntersectorError):  # pragma: no cover - registered for the class
        raise error
    status, slug = status_of(error, request)
    headers = _headers(error, status)
    if not is_api(request):
        if status == 401:
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        from intersector.web.pages import render_error

        return render_error(request, status, error.message, headers)
    extra: dict[str, Any] = {"field": error.field} if error.field else {}
    if isinstance(error, UnknownValueError):
        extra["known"] = list(error.known)
    response = problem(status, slug, str(error), request.url.path, **extra)
    response.headers.update(headers)
    return response


def _headers(error: IntersectorError, status: int) -> dict[str, str]:
    if isinstance(error, RateLimitedError):
        return {"Retry-After": str(error.retry_after)}
    if status == 401:
        return {"WWW-Authenticate": 'Bearer realm="intersector"'}
    return {}


async def handle_request_validation(request: Request, error: Exception) -> Response:
    """FastAPI's own 422 (a body or parameter of the wrong shape) as a problem."""
    errors = error.errors() if isinstance(error, RequestValidationError) else []
    details = [
        {"field": ".".join(str(p) for p in e.get("loc", ())), "message": str(e.get("msg", ""))}
        for e in errors
    ]
    first = details[0] if details else {"field": "", "message": "invalid request"}
    detail = f"{first['field']}: {first['message']}"
    if not is_api(request):
        from intersector.web.pages import render_error

        return render_error(request, 422, detail, {})
    return problem(422, "invalid", detail, request.url.path, errors=details)


async def handle_http_error(request: Request, error: Exception) -> Response:
    """Routing errors (unknown path, wrong method) as problems too."""
    status = error.status_code if isinstance(error, HTTPException) else 500
    detail = str(error.detail) if isinstance(error, HTTPException) else "error"
    if status == 413:
        limit = request.app.state.ctx.settings.max_body_bytes
        detail = f"the request body is larger than {limit} bytes (INTERSECTOR_MAX_BODY_BYTES)"
    headers = dict(error.headers or {}) if isinstance(error, HTTPException) else {}
    if not is_api(request):
        from intersector.web.pages import render_error

        return render_error(request, status, detail, headers)
    response = problem(
        status, _TITLES.get(status, "error").lower().replace(" ", "-"), detail, request.url.path
    )
    response.headers.update(headers)
    return response


async def handle_server_error(request: Request, error: Exception) -> Response:
    """A bug, not a user error: a bare 500 problem (the traceback goes to the server's log,
    never to the client)."""
    if not is_api(request):
        from fastapi.responses import HTMLResponse

        return HTMLResponse("<h1>500</h1><p>Internal error: it has been logged.</p>", 500)
    return problem(500, "internal-error", "internal error: it has been logged", request.url.path)
