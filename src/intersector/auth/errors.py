"""Errors a request can cause while proving who it comes from."""

from __future__ import annotations

from intersector.domain.errors import IntersectorError


class AuthenticationError(IntersectorError):
    """No valid credentials: sign in, or send `Authorization: Bearer <token>`."""


class RateLimitedError(IntersectorError):
    """Too many attempts in a short time: wait `retry_after` seconds."""

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PreconditionRequiredError(IntersectorError):
    """An update without `If-Match`: read the item first and send its ETag back."""
