"""Session cookies (itsdangerous) with a CSRF token bound to each session.

The cookie holds `{"u": user name or "", "s": session id or "", "c": csrf token}`, signed with
the secret key and timestamped; it expires after `MAX_AGE`. A signed-in cookie is worth something
only while its session row lives in the database (`services/sessions.py`): signing out, a
password or role change and an admin's revocation delete it. Forms carry the CSRF token in a
hidden `csrf` field, and API requests authenticated by the cookie carry it in `X-CSRF-Token`."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer

from intersector.auth.sessions import LIFETIME
from intersector.domain.errors import PermissionDeniedError

COOKIE = "intersector_session"
LANG_COOKIE = "intersector_lang"
MAX_AGE = int(LIFETIME.total_seconds())


@dataclass(frozen=True)
class Session:
    username: str
    csrf: str
    session_id: str = ""  # the server-side session of a signed-in user ("" when anonymous)


class SessionCodec:
    """Sign and read session cookies with one secret key."""

    def __init__(self, secret_key: str) -> None:
        self._serializer = URLSafeTimedSerializer(secret_key, salt="intersector-session")

    def dump(self, session: Session) -> str:
        return self._serializer.dumps(
            {"u": session.username, "s": session.session_id, "c": session.csrf}
        )

    def load(self, cookie: str | None) -> Session | None:
        """The session in `cookie`, or None when absent, forged, or expired."""
        if not cookie:
            return None
        try:
            data = self._serializer.loads(cookie, max_age=MAX_AGE)
        except BadSignature:
            return None
        if not isinstance(data, dict):
            return None
        return Session(str(data.get("u", "")), str(data.get("c", "")), str(data.get("s", "")))


def new_session(username: str = "", session_id: str = "") -> Session:
    """A fresh session with a fresh CSRF token (a new one at each sign-in: no fixation)."""
    return Session(username, secrets.token_urlsafe(24), session_id)


def check_csrf(session: Session | None, presented: str | None) -> None:
    """Refuse a state-changing request whose CSRF token does not match its session's."""
    if session is None or not presented or not hmac.compare_digest(session.csrf, presented):
        raise PermissionDeniedError(
            "the form has expired or did not come from this site; reload the page and try again",
            field="csrf",
        )
