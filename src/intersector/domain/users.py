"""People who sign in and the API tokens they use. Standard library only, no I/O.

Stored as versioned items like the registry (types `user` and `token`), so every change of a
role or a revocation keeps its author."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class User:
    """`id` is the user name. `sectors` (and optionally `groups`) bound what an editor changes;
    `password_hash` is an Argon2id hash string, never a password."""

    id: str
    role: str = "reader"  # reader | editor | coordinator | admin
    sectors: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    name: str = ""
    email: str = ""
    password_hash: str = ""
    disabled: bool = False
    withdrawn: bool = False

    @property
    def username(self) -> str:
        return self.id


@dataclass(frozen=True)
class Token:
    """An API token: `id` is its public key (`isk_<id>_<secret>`); only the SHA-256 digest of the
    secret is kept."""

    id: str
    username: str
    scopes: tuple[str, ...]
    digest: str
    created: datetime
    label: str = ""
    revoked: bool = False
    withdrawn: bool = False


@dataclass(frozen=True)
class Attempts:
    """What is kept of one sign-in key (`auth/ratelimit.py`): its failures, the last one, and
    until when it must wait."""

    failures: int
    last_failure: datetime
    blocked_until: datetime
