"""Server-side sessions, the pure part: a session id is 256 random bits, shown only to the
browser (inside the signed cookie); the database keeps its SHA-256 digest, the user and the
expiry, so a session ends when its row is deleted (sign-out, password or role change, an admin's
revocation) whatever copies of the cookie are left."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

LIFETIME = timedelta(hours=12)


def new_id() -> str:
    return secrets.token_urlsafe(32)


def digest(session_id: str) -> str:
    """What the database keeps of a session id (a stolen table opens no session)."""
    return hashlib.sha256(session_id.encode()).hexdigest()
