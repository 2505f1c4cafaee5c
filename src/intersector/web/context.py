"""What every request of one application shares: settings, the open store, the session codec,
the login limiter and a small cache of computed views."""

from __future__ import annotations

import contextlib
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from intersector.auth.ratelimit import LoginLimiter
from intersector.domain.errors import ConflictError, NotFoundError
from intersector.settings import Settings
from intersector.web.sessions import SessionCodec

SECRET_TYPE = "secret"  # an unregistered store type: never served by the API
SECRET_ID = "session-key"
CACHE_SECONDS = 5.0


def utc_today() -> date:
    return datetime.now(UTC).date()


@dataclass
class ViewCache:
    """Computed views (joined roadmaps, dashboards) kept a few seconds, and dropped at once on
    every write through this process. Other processes' writes show after `ttl` seconds at most."""

    ttl: float = CACHE_SECONDS
    _entries: dict[tuple[Any, ...], tuple[float, Any]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        now = time.monotonic()
        hit = self._entries.get(key)
        if hit and now - hit[0] < self.ttl:
            return hit[1]
        value = compute()
        with self._lock:
            self._entries[key] = (now, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


@dataclass
class WebContext:
    settings: Settings
    store: Any
    sessions: SessionCodec
    limiter: LoginLimiter = field(default_factory=LoginLimiter)
    cache: ViewCache = field(default_factory=ViewCache)
    today: Callable[[], date] = utc_today
    secure_cookies: bool = False


def secret_key(settings: Settings, store: Any) -> str:
    """The key that signs sessions: from the settings, else generated once and kept in the
    database, so every worker process and every restart uses the same one."""
    if settings.secret_key:
        return settings.secret_key
    try:
        return str(store.current(SECRET_TYPE, SECRET_ID).data["value"])
    except NotFoundError:
        pass
    data = {"id": SECRET_ID, "value": secrets.token_urlsafe(48)}
    with contextlib.suppress(ConflictError):  # another worker made it first
        store.save_data(
            SECRET_TYPE,
            data,
            author="intersector",
            reason="session key generated",
            expected_version=0,
        )
    return str(store.current(SECRET_TYPE, SECRET_ID).data["value"])
