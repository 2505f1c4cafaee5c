"""API tokens for scripts: `isk_<key>_<secret>`. Only a SHA-256 digest of the secret is kept
(the secret has 256 bits of entropy, so a slow hash adds nothing); `key` finds the record."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import replace
from datetime import datetime

from intersector.auth.errors import AuthenticationError
from intersector.domain.errors import ValidationError
from intersector.domain.users import Token

SCOPES = ("read", "write", "admin")  # each implies the ones before it
PREFIX = "isk"


def check_scopes(scopes: tuple[str, ...]) -> tuple[str, ...]:
    """Scopes in canonical order, with what they imply: `write` → `read`; `admin` → both."""
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown or not scopes:
        raise ValidationError(
            f"unknown or missing scope {unknown or scopes!r}; use read, write or admin",
            field="scopes",
        )
    highest = max(SCOPES.index(s) for s in scopes)
    return SCOPES[: highest + 1]


def held(scopes: tuple[str, ...]) -> frozenset[str]:
    """What a stored token's scopes let it do (with the scopes they imply; unknown ones none)."""
    known = [SCOPES.index(s) for s in scopes if s in SCOPES]
    return frozenset(SCOPES[: max(known) + 1]) if known else frozenset()


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(
    username: str, scopes: tuple[str, ...], now: datetime, label: str = ""
) -> tuple[str, Token]:
    """A new token: the plain text (shown once) and the record to store."""
    key = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    record = Token(key, username, check_scopes(scopes), _digest(secret), now, label)
    return f"{PREFIX}_{key}_{secret}", record


def parse(plain: str) -> tuple[str, str]:
    """Split `isk_<key>_<secret>` into key and secret, or refuse it."""
    prefix, _, rest = plain.partition("_")
    key, _, secret = rest.partition("_")
    if prefix != PREFIX or not key or not secret:
        raise AuthenticationError("malformed API token: expected isk_<key>_<secret>")
    return key, secret


def matches(record: Token, secret: str) -> bool:
    """Constant-time comparison of a presented secret with the stored digest."""
    return not record.revoked and hmac.compare_digest(record.digest, _digest(secret))


def revoked(record: Token) -> Token:
    return replace(record, revoked=True)
