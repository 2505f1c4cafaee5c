"""Request dependencies: who is asking (session cookie or bearer token), whether they may read,
and the CSRF check for changes made with a session cookie."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Header, Request

from intersector import services
from intersector.auth.errors import AuthenticationError, PreconditionRequiredError
from intersector.auth.roles import ANONYMOUS, Principal, check_can_read
from intersector.domain.errors import ConflictError, IntersectorError, UnknownValueError
from intersector.web.context import WebContext
from intersector.web.sessions import COOKIE, Session, check_csrf

CSRF_HEADER = "x-csrf-token"


def context(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.ctx
    return ctx


def session_of(request: Request) -> Session | None:
    """The signed session of the request, if any (read once per request)."""
    if not hasattr(request.state, "session"):
        request.state.session = context(request).sessions.load(request.cookies.get(COOKIE))
    found: Session | None = request.state.session
    return found


def principal(request: Request) -> Principal:
    """Who the request acts for: a bearer token wins, then the session cookie, else anonymous."""
    if not hasattr(request.state, "principal"):
        request.state.principal = _resolve(request)
    found: Principal = request.state.principal
    return found


def _resolve(request: Request) -> Principal:
    ctx = context(request)
    authorization = request.headers.get("authorization", "")
    if authorization:
        scheme, _, credential = authorization.partition(" ")
        if scheme.lower() != "bearer" or not credential.strip():
            raise AuthenticationError("use `Authorization: Bearer <API token>`")
        key = "token:" + hashlib.sha256(credential.strip().encode()).hexdigest()
        return _remembered(
            ctx, key, lambda: services.principal_for_token(ctx.store, credential.strip())
        )
    session = session_of(request)
    if session and session.username:
        key = "session:" + hashlib.sha256(session.session_id.encode()).hexdigest()
        return _remembered(
            ctx,
            key,
            lambda: services.principal_for_session(ctx.store, session.username, session.session_id),
        )
    return ANONYMOUS


def _remembered(ctx: WebContext, key: str, resolve: Callable[[], Principal]) -> Principal:
    now = time.monotonic()
    found: Principal | None = ctx.credentials.get(key, now)
    if found is None:
        found = resolve()
        ctx.credentials.put(key, found, now)
    return found


def reader(request: Request) -> Principal:
    """The principal, if it may read (signed in, or anonymous reading switched on)."""
    who = principal(request)
    check_can_read(who, context(request).settings.anonymous_read)
    return who


def writer(request: Request) -> Principal:
    """The principal of an API change: signed in; a session cookie must come with its CSRF
    token in `X-CSRF-Token` (a bearer token needs none: browsers never send it by themselves)."""
    who = principal(request)
    if who.user is None:
        raise AuthenticationError("sign in or send an API token to change anything")
    if who.via == "session":
        check_csrf(session_of(request), request.headers.get(CSRF_HEADER))
    return who


def expected_version(
    if_match: Annotated[str | None, Header(description='The ETag read, e.g. "3", or *')] = None,
) -> frozenset[int] | None:
    """The versions an update may be based on, from `If-Match` (RFC 9110 §13.1.1): missing →
    428; `*` → None (any current version); one entity-tag or a comma-separated list of them →
    the versions they name (the update goes ahead if the current version is any of them); not a
    list of entity-tags → 400; tags that name no version (weak ones never match: the comparison
    is strong) → ConflictError, a 412."""
    if not if_match:
        raise PreconditionRequiredError(
            "send If-Match with the ETag of the version you read (GET the item first)"
        )
    value = if_match.strip()
    if value == "*":
        return None
    tags = _entity_tags(value)
    if tags is None:
        raise IntersectorError(
            f"If-Match {value[:40]!r} is not an entity-tag or a list of them: send the ETag you "
            'read, e.g. "3" (with the quotes), or *',
            field="If-Match",
        )
    versions = frozenset(
        int(tag["tag"]) for tag in tags if not tag["weak"] and _VERSION.fullmatch(tag["tag"])
    )
    if not versions:
        raise ConflictError(f"If-Match {value[:80]!r} matches no version; send the ETag you read")
    return versions


def _entity_tags(value: str) -> list[re.Match[str]] | None:
    """The entity-tags of an `If-Match` list (`"3", W/"2"`: commas between them, blank space
    and empty elements allowed around them), or None if `value` is anything else. A tag may
    hold a comma (`"a,b"`), so the list is split by matching tags, not at commas."""
    tags: list[re.Match[str]] = []
    end = 0
    for tag in _ENTITY_TAG.finditer(value):
        gap = value[end : tag.start()]
        if gap.strip(" \t,") or (tags and "," not in gap):
            return None
        tags.append(tag)
        end = tag.end()
    if not tags or value[end:].strip(" \t,"):
        return None
    return tags


# One entity-tag (RFC 9110 §8.8.3), ASCII only: `"3"`, `W/"3"`; `If-Match` holds a list of them.
_ENTITY_TAG = re.compile(r'(?P<weak>W/)?"(?P<tag>[\x21\x23-\x7e]*)"', re.ASCII)
_VERSION = re.compile(r"[1-9][0-9]{0,8}", re.ASCII)  # a version number, at most 999,999,999


def etag(number: int) -> str:
    return f'"{number}"'


# The dependencies run in the event loop (async wrappers): they only read the request and, for
# credentials, make one or two indexed lookups; a hop to the thread pool would cost more.


async def _context(request: Request) -> WebContext:
    return context(request)


async def _reader(request: Request) -> Principal:
    return reader(request)


async def _writer(request: Request) -> Principal:
    return writer(request)


async def _expected(
    request: Request,
    if_match: Annotated[str | None, Header(description='The ETag read, e.g. "3", or *')] = None,
) -> frozenset[int] | None:
    # every If-Match field line, combined as RFC 9110 §5.3 says (one list, commas between)
    lines = request.headers.getlist("if-match")
    return expected_version(", ".join(lines) if lines else if_match)


Reader = Annotated[Principal, Depends(_reader)]
Writer = Annotated[Principal, Depends(_writer)]
Ctx = Annotated[WebContext, Depends(_context)]
Expected = Annotated[frozenset[int] | None, Depends(_expected)]


def known_query(request: Request) -> None:
    """Refuse a query parameter the route does not take (`?sectr=itu-t`) with a 422 naming it
    and the parameters it takes: an ignored filter would answer as if there were no filter."""
    taken = _query_names(request.scope.get("route"))
    if taken is None:
        return
    unknown = sorted(set(request.query_params) - taken)
    if unknown:
        known = tuple(sorted(taken))
        use = f"use {', '.join(known)}" if known else "it takes none"
        raise UnknownValueError(
            f"unknown query parameter {unknown[0]!r}: {use}", field=unknown[0], known=known
        )


def _query_names(route: object) -> frozenset[str] | None:
    """The query parameters a route declares (None: not a FastAPI route)."""
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return None
    names: set[str] = set()
    pending = [dependant]
    while pending:  # the route's own parameters and those of its dependencies
        current = pending.pop()
        names.update(str(p.alias) for p in current.query_params)
        pending.extend(current.dependencies)
    return frozenset(names)
