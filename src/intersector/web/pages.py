"""Server-rendered pages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


def render_error(
    request: Request, status: int, message: str, headers: dict[str, str]
) -> HTMLResponse:
    return HTMLResponse(f"<h1>{status}</h1><p>{message}</p>", status_code=status, headers=headers)
