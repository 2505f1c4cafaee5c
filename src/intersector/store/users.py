"""Users and API tokens, outside the registry: each in its own table (`users`, `api_tokens`, a
token's user by foreign key), written through the store's versioning all the same (types `user`
and `token`), so a role change or a revocation is a new version in `item_versions` with its
author. The API's registry routes never serve them. Sessions: `store/sessions.py`."""

from __future__ import annotations

import sqlalchemy as sa

from intersector.domain import codec
from intersector.domain.errors import NotFoundError
from intersector.domain.users import Token, User
from intersector.store.db import Store
from intersector.store.repository import iter_data
from intersector.store.tables import api_tokens


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
    query = (
        sa.select(api_tokens)
        .where(api_tokens.c.username == username)
        .order_by(api_tokens.c.created.desc(), api_tokens.c.id)
    )
    with store.read() as conn:
        return [codec.from_stored("token", data) for data in iter_data(conn, "token", query)]
