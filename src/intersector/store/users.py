"""Users and API tokens, kept as versioned items (types `user` and `token`) through the generic
store: a role change or a revocation is a new version with its author, like any registry change.
Importing this module registers the two types with the codec."""

from __future__ import annotations

from intersector.domain.errors import NotFoundError
from intersector.domain.users import Token, User
from intersector.store.codec import ITEM_TYPES, register_type
from intersector.store.db import Store

if "user" not in ITEM_TYPES:
    register_type("user", User)
if "token" not in ITEM_TYPES:
    register_type("token", Token)


def find_user(store: Store, username: str) -> User | None:
    """The user named `username`, or None (withdrawn users are treated as unknown)."""
    try:
        user: User = store.get("user", username)
    except NotFoundError:
        return None
    return None if user.withdrawn else user


def require_user(store: Store, username: str) -> User:
    user = find_user(store, username)
    if user is None:
        raise NotFoundError(
            f"no user {username!r}; add one with `intersector user add {username}`",
            field="username",
        )
    return user


def find_token(store: Store, key: str) -> Token | None:
    try:
        token: Token = store.get("token", key)
    except NotFoundError:
        return None
    return token


def tokens_of(store: Store, username: str) -> list[Token]:
    """Every token of a user, revoked ones included, newest first."""
    tokens = [t for t in store.list("token", include_withdrawn=True) if t.username == username]
    return sorted(tokens, key=lambda t: t.created, reverse=True)
