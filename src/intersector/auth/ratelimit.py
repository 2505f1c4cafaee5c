"""Sign-in limiting, the pure part: failed attempts counted per account AND client address (and,
more loosely, per address alone), each key with exponential back-off. The counts live in the
database (`store/sessions.py`), so every worker process sees the same; the clock is handed in.

An attacker guessing from one address delays only the attempts on that account from that
address: the account's owner signing in from anywhere else is never locked out."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from intersector.auth.errors import RateLimitedError
from intersector.domain.users import Attempts as Attempts


@dataclass(frozen=True)
class Backoff:
    """`free` failures cost nothing; each further one makes the key wait `base` seconds, doubled
    at every failure up to `cap`. Failures older than `forget` seconds are forgotten."""

    free: int
    base: float = 30.0
    cap: float = 3600.0
    forget: float = 86400.0

    def wait_after(self, failures: int) -> float:
        if failures < self.free:
            return 0.0
        return min(self.cap, self.base * 2.0 ** min(failures - self.free, 32))


ACCOUNT_AT_ADDRESS = Backoff(free=5)
ADDRESS = Backoff(free=50)  # one address trying many accounts (password spraying)


def keys(username: str, address: str) -> tuple[tuple[str, Backoff], ...]:
    """The limited keys of a sign-in attempt, as digests (fixed size, no names kept)."""
    return (
        (_digest("account", username.strip().casefold(), address), ACCOUNT_AT_ADDRESS),
        (_digest("address", address), ADDRESS),
    )


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def after_failure(record: Attempts | None, now: datetime, policy: Backoff) -> Attempts:
    """The record of a key after one more failure at `now`."""
    fresh = record is None or (now - record.last_failure).total_seconds() > policy.forget
    failures = 1 if fresh or record is None else record.failures + 1
    wait = timedelta(seconds=policy.wait_after(failures))
    return Attempts(failures, now, now + wait)


def check(records: list[Attempts], now: datetime) -> None:
    """RateLimitedError (with the seconds to wait) while any record is blocked."""
    waits = [(r.blocked_until - now).total_seconds() for r in records]
    wait = max(waits, default=0.0)
    if wait > 0:
        seconds = math.ceil(wait)
        raise RateLimitedError(
            f"too many failed sign-ins; try again in {seconds} seconds", retry_after=seconds
        )
