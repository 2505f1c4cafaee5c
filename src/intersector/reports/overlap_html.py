"""Overlap candidates as one self-contained HTML page (no script, no outside resource): each
candidate with both sides' groups, dates and subjects, the shared key terms and the
best-matching sentences side by side. Reads the JSON shape of `overlap_json`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Environment:
    """The autoescaped Jinja2 environment of the analytics templates."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def overlaps_html(candidates: Iterable[Mapping[str, Any]], *, title: str = "") -> str:
    """The page listing `candidates` (dicts from `candidate_to_dict`), best first."""
    listed = list(candidates)
    return (
        environment()
        .get_template("overlaps.html.j2")
        .render(
            candidates=listed, title=title or "Duplicated and overlapping work across the Sectors"
        )
    )
