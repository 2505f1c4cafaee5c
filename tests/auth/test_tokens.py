from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intersector.auth import tokens
from intersector.auth.errors import AuthenticationError
from intersector.domain.errors import ValidationError

NOW = datetime(2025, 1, 1, tzinfo=UTC)


def test_issue_parse_match() -> None:
    plain, record = tokens.issue("tom", ("write",), NOW, "ci")
    key, secret = tokens.parse(plain)
    assert key == record.id and record.scopes == ("read", "write")
    assert secret not in record.digest and tokens.matches(record, secret)
    assert not tokens.matches(record, secret + "x")
    assert not tokens.matches(tokens.revoked(record), secret)


def test_two_tokens_differ() -> None:
    assert tokens.issue("tom", ("read",), NOW)[0] != tokens.issue("tom", ("read",), NOW)[0]


@pytest.mark.parametrize("scopes", [(), ("root",), ("read", "delete")])
def test_bad_scopes(scopes: tuple[str, ...]) -> None:
    with pytest.raises(ValidationError, match="scope"):
        tokens.check_scopes(scopes)


def test_scopes_imply_the_lower_ones() -> None:
    assert tokens.check_scopes(("admin",)) == ("read", "write", "admin")
    assert tokens.check_scopes(("read", "write")) == ("read", "write")
    assert tokens.held(("write",)) == {"read", "write"}
    assert tokens.held(("root",)) == frozenset()


@given(st.text(max_size=60))
def test_parse_never_crashes(text: str) -> None:
    try:
        key, secret = tokens.parse(text)
    except AuthenticationError:
        return
    assert key and secret and text.startswith("isk_")
