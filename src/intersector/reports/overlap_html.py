"""Overlap candidates as one self-contained HTML page (no script, no outside resource): each
candidate with both sides' groups, dates and subjects, the shared key terms and the
best-matching sentences side by side. Reads the JSON shape of `overlap_json`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> Environment:
    """The autoescaped Jinja2 environment of the analytics templates (one, kept)."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


EVIDENCE_LABELS = {
    "title": "title",
    "sector_group": "Sector · group",
    "date": "date",
    "subjects": "subjects",
    "sentences": "matching sentences",
    "shared_terms": "Shared key terms",
    "shared_words": "shared words",
    "none": "none",
    "link_prefix": "",
}


def overlaps_html(
    candidates: Iterable[Mapping[str, Any]], *, title: str = "", total: int | None = None
) -> str:
    """The page listing `candidates` (dicts from `candidate_to_dict`), best first; `total`:
    how many there are in all when these are one page of them."""
    listed = list(candidates)
    return (
        environment()
        .get_template("overlaps.html.j2")
        .render(
            candidates=listed,
            total=total,
            labels=EVIDENCE_LABELS,
            title=title or "Duplicated and overlapping work across the Sectors",
        )
    )


def candidate_evidence_html(
    candidate: Mapping[str, Any], labels: Mapping[str, str] | None = None
) -> Markup:
    """The evidence of one candidate, both sides side by side (Sectors, groups, dates,
    subjects, matching sentences, shared key terms and words): the one formatter of the HTML
    export and the web's duplicates review. `labels` overrides `EVIDENCE_LABELS` (a
    translation; `link_prefix` makes the ids links, e.g. `/go/`). Autoescaped."""
    macro = environment().get_template("_evidence.html.j2").module.evidence  # type: ignore[attr-defined]
    return Markup(macro(candidate, {**EVIDENCE_LABELS, **(labels or {})}))
