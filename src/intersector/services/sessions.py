"""Signing in and out, and the sessions that follow (issue 8): a session lives in the database
(`store/sessions.py`) and ends there — at sign-out, at a password or role change, at an admin's
revocation, or when it expires; failed sign-ins are limited per account and address with back-off
(`auth/ratelimit.py`), the counts kept in the database too."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial

from intersector.auth import ratelimit, roles
from intersector.auth import sessions as rules
from intersector.auth.errors import AuthenticationError
from intersector.auth.roles import ANONYMOUS, Principal
from intersector.domain.users import User
from intersector.services.users import authenticate
from intersector.store import Store
from intersector.store import sessions as session_store
from intersector.store import users as user_store


@dataclass(frozen=True)
class SignedIn:
    """A new session: its user, and its id (for the cookie only; the database keeps a digest)."""

    user: User
    session_id: str
    expires: datetime


def sign_in(
    store: Store, username: str, password: str, address: str, now: datetime | None = None
) -> SignedIn:
    """Check the limits, the password, then start a session. RateLimitedError while the
    account-at-address (or the address) must wait; AuthenticationError (counted) otherwise."""
    now = now or datetime.now(UTC)
    limited = ratelimit.keys(username, address)
    ratelimit.check(session_store.limit_records(store, [key for key, _ in limited]), now)
    try:
        user = authenticate(store, username, password)
    except AuthenticationError:
        _count_failure(store, limited, now)
        raise
    session_store.clear_limit(store, limited[0][0])  # the address's own count stays
    return start_session(store, user, now)


def _count_failure(
    store: Store, limited: tuple[tuple[str, ratelimit.Backoff], ...], now: datetime
) -> None:
    for key, policy in limited:
        update = partial(ratelimit.after_failure, now=now, policy=policy)
        session_store.record_failure(store, key, now, update)
    forget = max(policy.forget for _, policy in limited)
    session_store.purge_limits(store, now, timedelta(seconds=forget))


def start_session(store: Store, user: User, now: datetime) -> SignedIn:
    """A new session row for `user` (expired rows of anyone are purged first)."""
    session_store.purge_expired_sessions(store, now)
    session_id = rules.new_id()
    expires = now + rules.LIFETIME
    session_store.add_session(store, rules.digest(session_id), user.id, now, expires)
    return SignedIn(user, session_id, expires)


def principal_for_session(
    store: Store, username: str, session_id: str, now: datetime | None = None
) -> Principal:
    """Who a session cookie acts for: its user while the session row lives and the user is
    enabled; anonymous otherwise (signed out, revoked, expired, or a cookie from before)."""
    if not session_id or not username:
        return ANONYMOUS
    owner = session_store.session_user(store, rules.digest(session_id), now or datetime.now(UTC))
    user = user_store.find_user(store, username) if owner == username else None
    if user is None or user.disabled:
        return ANONYMOUS
    return Principal(user, via="session")


def sign_out(store: Store, session_id: str) -> None:
    """End one session (nothing happens for an unknown one)."""
    if session_id:
        session_store.delete_session(store, rules.digest(session_id))


def end_sessions(store: Store, username: str) -> int:
    """End every session of the user `username` (the CLI); how many there were."""
    user = user_store.require_user(store, username)
    return session_store.delete_sessions_of(store, user.id)


def revoke_sessions(store: Store, principal: Principal, username: str) -> int:
    """An admin ends every session of a user (a lost laptop, a departure)."""
    roles.check_can_administer(principal)
    return end_sessions(store, username)


def session_count(store: Store, username: str) -> int:
    return session_store.count_sessions(store, username)


def session_key(store: Store) -> str:
    """The key that signs the web's session cookies when the settings give none: generated once
    and kept in the database (`secrets`), the same for every worker and every restart."""
    return session_store.secret(store, "session-key", lambda: secrets.token_urlsafe(48))
