"""Login throttling: at most `limit` failed attempts per key (user name, client address) in a
sliding window of `window` seconds. In memory, per process; the clock is handed in."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from intersector.auth.errors import RateLimitedError


@dataclass
class LoginLimiter:
    limit: int = 5
    window: float = 300.0
    _failures: dict[str, deque[float]] = field(default_factory=dict)

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def check(self, keys: tuple[str, ...], now: float) -> None:
        """Raise RateLimitedError when any key has used up its attempts."""
        for key in keys:
            times = self._recent(key, now)
            if len(times) >= self.limit:
                wait = int(times[0] + self.window - now) + 1
                raise RateLimitedError(
                    f"too many failed sign-ins; try again in {wait} seconds", retry_after=wait
                )

    def failed(self, keys: tuple[str, ...], now: float) -> None:
        for key in keys:
            self._recent(key, now).append(now)

    def succeeded(self, keys: tuple[str, ...]) -> None:
        for key in keys:
            self._failures.pop(key, None)
