"""The back-off policy of sign-in limiting (the counts themselves live in the database:
tests/web/test_sign_in.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intersector.auth.errors import RateLimitedError
from intersector.auth.ratelimit import ACCOUNT_AT_ADDRESS, Backoff, after_failure, check, keys

T0 = datetime(2025, 1, 1, tzinfo=UTC)


def test_free_failures_then_doubling_waits_up_to_the_cap() -> None:
    policy = Backoff(free=3, base=30, cap=200)
    assert [policy.wait_after(n) for n in range(1, 8)] == [0, 0, 30, 60, 120, 200, 200]


def test_failures_accumulate_and_block() -> None:
    record = None
    for second in range(5):
        record = after_failure(record, T0 + timedelta(seconds=second), ACCOUNT_AT_ADDRESS)
    assert record is not None and record.failures == 5
    with pytest.raises(RateLimitedError) as refused:
        check([record], T0 + timedelta(seconds=10))
    assert refused.value.retry_after == 24  # 30 s after the fifth failure, at second 4
    check([record], T0 + timedelta(seconds=34))  # the wait is over


def test_old_failures_are_forgotten() -> None:
    record = after_failure(None, T0, ACCOUNT_AT_ADDRESS)
    later = T0 + timedelta(seconds=ACCOUNT_AT_ADDRESS.forget + 1)
    assert after_failure(record, later, ACCOUNT_AT_ADDRESS).failures == 1


def test_keys_separate_accounts_and_addresses() -> None:
    (rita_a, _), (address_a, _) = keys("Rita", "10.0.0.1")
    (rita_b, _), (address_b, _) = keys("rita ", "10.0.0.2")
    assert rita_a != rita_b and address_a != address_b
    assert keys("RITA", "10.0.0.1")[0][0] == rita_a  # names match case-insensitively
    assert len(rita_a) == 64  # a digest: fixed size, no name kept


@given(st.integers(min_value=0, max_value=10**9))
def test_waits_stay_bounded(failures: int) -> None:
    assert 0 <= ACCOUNT_AT_ADDRESS.wait_after(failures) <= ACCOUNT_AT_ADDRESS.cap
