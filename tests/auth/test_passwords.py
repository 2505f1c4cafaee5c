from __future__ import annotations

import pytest

from intersector.auth import passwords
from intersector.domain.errors import ValidationError


def test_hash_and_verify() -> None:
    hashed = passwords.hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$") and "correct" not in hashed
    assert passwords.verify_password(hashed, "correct horse battery")
    assert not passwords.verify_password(hashed, "wrong horse battery")
    assert not passwords.verify_password("", "anything at all")
    assert not passwords.verify_password("not-a-hash", "anything at all")


def test_short_passwords_are_refused() -> None:
    with pytest.raises(ValidationError, match="at least 10"):
        passwords.hash_password("short")
