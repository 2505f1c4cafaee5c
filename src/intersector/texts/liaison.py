"""Stage 3, build a liaison statement (first version: header detection only)."""

from __future__ import annotations

from intersector.domain.documents import Document
from intersector.texts.resolution import build_resolution
from intersector.texts.segment import Context


def liaison_start(ctx: Context) -> int | None:
    """The index of the first header field when the text is a liaison statement."""
    return None


def build_liaison(ctx: Context, at: int) -> Document:
    """The liaison statement whose header starts at `ctx.lines[at]`."""
    return build_resolution(ctx, at)
