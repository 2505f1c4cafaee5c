"""Users, API tokens and authentication (issue 5): users and tokens are versioned items of the
store (`store/users.py`), their rules live in `auth/`."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

from intersector.auth import passwords, roles, tokens
from intersector.auth.errors import AuthenticationError
from intersector.auth.roles import Principal
from intersector.domain.errors import NotFoundError, ValidationError
from intersector.domain.users import Token, User
from intersector.store import Store
from intersector.store import sessions as session_store
from intersector.store import users as user_store


def add_user(
    store: Store,
    username: str,
    password: str,
    *,
    role: str = "reader",
    sectors: tuple[str, ...] = (),
    name: str = "",
    author: str,
) -> User:
    """A new user with an Argon2 password hash; ConflictError if the name is taken."""
    user = User(
        id=_username(username),
        role=roles.check_role(role),
        name=name,
        sectors=roles.check_sectors(sectors),
        password_hash=passwords.hash_password(password),
    )
    store.save(user, author=author, reason="user added", expected_version=0)
    return user


def _username(username: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,79}", username):
        raise ValidationError(
            f"user name {username!r}: use letters, digits, '.', '_', '@', '-'", field="username"
        )
    return username


def set_role(
    store: Store,
    username: str,
    role: str,
    *,
    sectors: tuple[str, ...] | None = None,
    groups: tuple[str, ...] | None = None,
    author: str,
) -> User:
    """Change a user's role (and the Sectors/groups an editor may change): a new version; every
    session of the user ends (the next request signs in again, under the new role)."""
    user = user_store.require_user(store, username)
    changed = replace(
        user,
        role=roles.check_role(role),
        sectors=user.sectors if sectors is None else roles.check_sectors(sectors),
        groups=user.groups if groups is None else _groups(groups),
    )
    store.save(changed, author=author, reason=f"role {role}")
    session_store.delete_sessions_of(store, user.id)
    return changed


def _groups(groups: tuple[str, ...]) -> tuple[str, ...]:
    """Group ids as typed, trimmed and lower-cased, each once, in order."""
    return tuple(dict.fromkeys(g.strip().lower() for g in groups if g.strip()))


def set_password(store: Store, username: str, password: str, *, author: str) -> None:
    """A new password hash; every session of the user ends (a thief's included)."""
    user = user_store.require_user(store, username)
    hashed = passwords.hash_password(password)
    store.save(replace(user, password_hash=hashed), author=author, reason="password changed")
    session_store.delete_sessions_of(store, user.id)


def find_user(store: Store, username: str) -> User | None:
    """The user named `username`, or None."""
    return user_store.find_user(store, username)


def list_users(store: Store) -> list[User]:
    return list(store.list("user"))


def issue_token(
    store: Store, username: str, scopes: tuple[str, ...], *, label: str = "", author: str
) -> tuple[str, Token]:
    """A new API token for `username` (the CLI: whoever runs it holds the database), within
    what the user's role allows: (plain text to show ONCE, stored record)."""
    return issue_own_token(store, principal_for_user(store, username), scopes, label, author)


def issue_own_token(
    store: Store,
    principal: Principal,
    scopes: tuple[str, ...],
    label: str = "",
    author: str = "",
) -> tuple[str, Token]:
    """A new API token for the user `principal` acts for (the API, the account page): only
    with a session or a `write` token, never with more scopes than the credential holds."""
    granted = roles.check_can_grant(principal, scopes)
    plain, record = tokens.issue(principal.name, granted, datetime.now(UTC), label)
    store.save(record, author=author or principal.name, reason=f"token {label or record.id} issued")
    return plain, record


def principal_for_user(store: Store, username: str) -> Principal:
    """Who the CLI acts for when it names a user: the whole role, as a session would."""
    return Principal(user_store.require_user(store, username), via="cli")


def revoke_token(store: Store, principal: Principal, key: str) -> Token:
    """Revoke a token: its owner (with a session or a `write` token) or an admin may; a new
    version, the token stays listed."""
    token = user_store.find_token(store, key)
    if token is None:
        raise NotFoundError(f"no API token {key!r}", field="token")
    if token.username == principal.name:
        roles.check_can_manage_tokens(principal)
    else:
        roles.check_can_administer(principal)
    store.save(tokens.revoked(token), author=principal.name, reason="token revoked")
    return tokens.revoked(token)


def user_tokens(store: Store, username: str) -> list[Token]:
    return user_store.tokens_of(store, username)


def authenticate(store: Store, username: str, password: str) -> User:
    """The user whose password this is; AuthenticationError otherwise (same message and about
    the same time whether the name is unknown or the password wrong)."""
    user = user_store.find_user(store, username)
    if user is None or user.disabled:
        passwords.dummy_verify(password)
    elif passwords.verify_password(user.password_hash, password):
        return user
    raise AuthenticationError("unknown user name or wrong password")


def principal_for_token(store: Store, plain: str) -> Principal:
    """The Principal an `Authorization: Bearer` token acts for; AuthenticationError if the token
    is unknown, revoked, or its user gone."""
    key, secret = tokens.parse(plain)
    record = user_store.find_token(store, key)
    user = user_store.find_user(store, record.username) if record else None
    if record is None or user is None or user.disabled or not tokens.matches(record, secret):
        raise AuthenticationError("unknown or revoked API token")
    return Principal(user, tokens.held(record.scopes), "token")
