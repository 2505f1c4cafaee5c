"""Passwords hashed with Argon2id (argon2-cffi defaults: RFC 9106 low-memory profile)."""

from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from intersector.domain.errors import ValidationError

MIN_LENGTH = 10
_HASHER = PasswordHasher()


def check_strength(password: str) -> None:
    """Refuse passwords too short to resist guessing (length is what matters most)."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            f"the password has {len(password)} characters; use at least {MIN_LENGTH}",
            field="password",
        )


def hash_password(password: str) -> str:
    """An Argon2id hash string (salt and parameters inside) for `password`."""
    check_strength(password)
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when `password` matches `stored_hash`; False for a mismatch or an unusable hash."""
    if not stored_hash:
        return False
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def dummy_verify(password: str) -> None:
    """Spend the time of one verification, so unknown user names cannot be told apart by timing."""
    verify_password(_dummy_hash(), password)


@functools.cache
def _dummy_hash() -> str:
    """Made on first use, not at import: hashing costs a third of a second."""
    return _HASHER.hash("not-a-real-password-just-for-timing")
