"""Stage 3, build a recommendation: classified lines into a `Document`."""

from __future__ import annotations

from intersector.domain.documents import Document
from intersector.texts.resolution import build_resolution
from intersector.texts.segment import Context


def build_recommendation(ctx: Context, at: int) -> Document:
    """The recommendation whose identity line is `ctx.lines[at]`."""
    return build_resolution(ctx, at)
