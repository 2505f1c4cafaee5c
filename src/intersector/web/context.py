"""What every request of one application shares: settings, the open store, the session codec
and small caches of computed views and credentials (sessions and sign-in limits live in the
database: `services/sessions.py`)."""

from __future__ import annotations

import hashlib
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from intersector import services
from intersector.settings import Settings
from intersector.web.sessions import SessionCodec

CACHE_SECONDS = 60.0
MAX_ENTRIES = 256
COST_FACTOR = 10.0
CREDENTIAL_SECONDS = 2.0


def utc_today() -> date:
    return datetime.now(UTC).date()


@dataclass
class ViewCache:
    """Computed views (joined roadmaps, dashboards, lists) shared by the requests of a process.

    - a fresh entry (younger than `ttl` seconds, or than ten times its computation time) is
      served as it is;
    - an older one is still served while ONE background thread recomputes it (so a view that
      takes seconds to build on a large registry never makes a reader wait after the first);
    - a missing one is computed by one request while the others asking for it wait;
    - every write through the web drops everything (`clear`), in this process and, through the
      `marker` file whose time it touches, in every other worker on this machine: the next
      reader sees the change.
    Writes that do not come through the web (the CLI, another machine) show within `ttl`
    seconds plus one computation."""

    ttl: float = CACHE_SECONDS
    _entries: dict[tuple[Any, ...], tuple[float, Any, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _key_locks: dict[tuple[Any, ...], threading.Lock] = field(default_factory=dict)
    _refreshing: set[tuple[Any, ...]] = field(default_factory=set)
    _generation: int = 0
    marker: Path | None = None
    _seen: float = 0.0

    def _follow_marker(self) -> None:
        """Drop everything when another process touched the marker since we last looked."""
        if self.marker is None:
            return
        try:
            changed = self.marker.stat().st_mtime_ns / 1e9
        except FileNotFoundError:
            return
        if changed != self._seen:
            with self._lock:
                self._seen = changed
                self._generation += 1
                self._entries.clear()

    def peek(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any | None:
        """The view if one is kept (old ones start their recomputation), else None: a fast
        path that never computes, for callers in the event loop."""
        self._follow_marker()
        hit = self._entries.get(key)
        if hit is None:
            return None
        if self._old(hit):
            self._refresh_later(key, compute)
        return hit[1]

    def get(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        self._follow_marker()
        hit = self._entries.get(key)
        if hit is not None:
            if self._old(hit):
                self._refresh_later(key, compute)
            return hit[1]
        with self._key_lock(key):
            hit = self._entries.get(key)
            if hit is not None:
                return hit[1]
            return self._store(key, compute, self._generation)

    def _old(self, hit: tuple[float, Any, float]) -> bool:
        """Older than `ttl`, or than ten times what it cost to compute: a view that takes
        seconds to build on a large registry is not rebuilt every minute."""
        return time.monotonic() - hit[0] >= max(self.ttl, COST_FACTOR * hit[2])

    def _key_lock(self, key: tuple[Any, ...]) -> threading.Lock:
        with self._lock:
            return self._key_locks.setdefault(key, threading.Lock())

    def _store(self, key: tuple[Any, ...], compute: Callable[[], Any], generation: int) -> Any:
        started = time.monotonic()
        value = compute()
        with self._lock:
            if generation == self._generation:  # no write happened meanwhile
                self._entries[key] = (started, value, time.monotonic() - started)
                self._trim()
        return value

    def _refresh_later(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> None:
        with self._lock:
            if key in self._refreshing:
                return
            self._refreshing.add(key)
        generation = self._generation
        threading.Thread(target=self._refresh, args=(key, compute, generation), daemon=True).start()

    def _refresh(self, key: tuple[Any, ...], compute: Callable[[], Any], generation: int) -> None:
        try:
            self._store(key, compute, generation)
        except Exception:  # the next reader recomputes and sees the error itself
            with self._lock:
                self._entries.pop(key, None)
        finally:
            with self._lock:
                self._refreshing.discard(key)

    def _trim(self) -> None:
        """Keep at most `MAX_ENTRIES` views (the oldest go first); lock held by the caller."""
        while len(self._entries) > MAX_ENTRIES:
            oldest = min(self._entries, key=lambda k: self._entries[k][0])
            del self._entries[oldest]
        if len(self._key_locks) > 4 * MAX_ENTRIES:
            self._key_locks = {k: v for k, v in self._key_locks.items() if k in self._entries}

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._entries.clear()
            if self.marker is not None:
                self.marker.touch()
                self._seen = self.marker.stat().st_mtime_ns / 1e9


def marker_for(database_url: str) -> Path:
    """The file whose modification time tells the workers serving one database that the web
    changed something (in the system's temporary folder, named after the database URL)."""
    digest = hashlib.sha256(database_url.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"intersector-{digest}.changed"


@dataclass
class CredentialCache:
    """Who a credential (token digest, session user) stood for, kept `ttl` seconds so a burst
    of requests does not look the same user up each time. Revoking a token or changing a user
    in this process clears it at once; in other processes it shows within `ttl` seconds."""

    ttl: float = CREDENTIAL_SECONDS
    _entries: dict[str, tuple[float, Any]] = field(default_factory=dict)

    def get(self, key: str, now: float) -> Any | None:
        hit = self._entries.get(key)
        return hit[1] if hit is not None and now - hit[0] < self.ttl else None

    def put(self, key: str, value: Any, now: float) -> None:
        if len(self._entries) > 4 * MAX_ENTRIES:
            self._entries.clear()
        self._entries[key] = (now, value)

    def clear(self) -> None:
        self._entries.clear()


@dataclass
class WebContext:
    settings: Settings
    store: Any
    sessions: SessionCodec
    cache: ViewCache = field(default_factory=ViewCache)
    credentials: CredentialCache = field(default_factory=CredentialCache)
    today: Callable[[], date] = utc_today
    secure_cookies: bool = False


def secret_key(settings: Settings, store: Any) -> str:
    """The key that signs sessions: from the settings, else generated once and kept in the
    database, so every worker process and every restart uses the same one."""
    if settings.secret_key:
        return settings.secret_key
    return services.session_key(store)
