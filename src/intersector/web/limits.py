"""A cap on request bodies (`Settings.max_body_bytes`): a plain ASGI middleware.

- a request that declares a larger `Content-Length` is refused before any of it is read;
- a body without one (chunked) is counted as it arrives, and reading stops at the first chunk
  past the limit: at most the limit plus one chunk is ever held in memory;
- either way the answer is a 413 problem (or the error page), whatever the application had
  started to make of the cut body.

(FastAPI's own `max_body_size` is not used: on a declared length it replaces any response, the
problem details included, with a plain-text one.)
"""

from __future__ import annotations

import contextlib
import re

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from intersector.web.problems import handle_http_error

_DIGITS = re.compile(r"[0-9]{1,18}", re.ASCII)


class BodyTooLargeError(Exception):
    """Raised from `receive` when the counted body passes the limit (never reaches a client)."""


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if declared_length(scope) > self.max_bytes:
            await refuse(scope, receive, send)
            return
        await _Counted(self.app, self.max_bytes, scope, receive, send).run()


class _Counted:
    """One request whose body is counted; the application's answer is dropped if it passed."""

    def __init__(
        self, app: ASGIApp, max_bytes: int, scope: Scope, receive: Receive, send: Send
    ) -> None:
        self.app, self.max_bytes = app, max_bytes
        self.scope, self.receive, self.send = scope, receive, send
        self.received = 0
        self.exceeded = False
        self.started = False

    async def run(self) -> None:
        with contextlib.suppress(BodyTooLargeError):  # the app may also have caught it
            await self.app(self.scope, self.counting_receive, self.guarded_send)
        if self.exceeded and not self.started:
            await refuse(self.scope, self.receive, self.send)

    async def counting_receive(self) -> Message:
        message = await self.receive()
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.max_bytes:
                self.exceeded = True
                raise BodyTooLargeError
        return message

    async def guarded_send(self, message: Message) -> None:
        if self.exceeded:
            return  # whatever the application made of a cut body: the 413 is the answer
        if message["type"] == "http.response.start":
            self.started = True
        await self.send(message)


def declared_length(scope: Scope) -> int:
    """The `Content-Length` a request declares (0 when absent or not a number: the body is
    then counted as it comes)."""
    value = Headers(scope=scope).get("content-length", "").strip()
    return int(value) if _DIGITS.fullmatch(value) else 0


async def refuse(scope: Scope, receive: Receive, send: Send) -> None:
    """The 413 problem (or error page) of the application's one error handler."""
    response = await handle_http_error(Request(scope, receive), HTTPException(413))
    await response(scope, receive, send)
