"""Users and API tokens, kept as versioned items (types `user` and `token`) through the generic
store: a role change or a revocation is a new version with its author, like any registry change.
The codec (`domain/codec.py`) knows both types."""

from __future__ import annotations

from intersector.domain.errors import NotFoundError
from intersector.domain.users import Token, User
from intersector.store.db import Store


def find_user(store: Store, username: str) -> User | None:
    """The user named `username`, or None (withdrawn users are treated as unknown)."""
    try:
        user = store.get(User, username)
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
        token = store.get(Token, key)
    except NotFoundError:
        return None
    return token


def tokens_of(store: Store, username: str) -> list[Token]:
    """Every token of a user, revoked ones included, newest first."""
    tokens = [t for t in store.list("token", include_withdrawn=True) if t.username == username]
    return sorted(tokens, key=lambda t: t.created, reverse=True)
