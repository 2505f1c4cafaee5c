from __future__ import annotations

import pytest

from intersector.auth.errors import RateLimitedError
from intersector.auth.ratelimit import LoginLimiter


def test_limit_then_window_passes() -> None:
    limiter = LoginLimiter(limit=3, window=60)
    keys = ("user:rita", "ip:1.2.3.4")
    for second in range(3):
        limiter.check(keys, second)
        limiter.failed(keys, second)
    with pytest.raises(RateLimitedError) as refused:
        limiter.check(keys, 10)
    assert refused.value.retry_after == 51
    limiter.check(keys, 61)  # the first failures have left the window


def test_other_users_are_not_blocked_by_one() -> None:
    limiter = LoginLimiter(limit=1, window=60)
    limiter.failed(("user:rita", "ip:a"), 0)
    limiter.check(("user:tom", "ip:b"), 1)
    with pytest.raises(RateLimitedError):
        limiter.check(("user:tom", "ip:a"), 1)


def test_success_clears_the_user() -> None:
    limiter = LoginLimiter(limit=1, window=60)
    limiter.failed(("user:rita",), 0)
    limiter.succeeded(("user:rita",))
    limiter.check(("user:rita",), 1)
