"""A revision diff (`texts.align.revision_diff`) or a divergence report as an HTML page: each
changed clause with removed words struck through and added words underlined."""

from __future__ import annotations

from collections.abc import Sequence

from intersector.reports.overlap_html import environment
from intersector.texts.align import Change, Divergence, word_diff


def diff_html(title: str, changes: Sequence[Change], *, unchanged: bool = False) -> str:
    """The page of `changes` (unchanged clauses listed only on request)."""
    shown = [c for c in changes if unchanged or c.kind != "unchanged"]
    runs = [word_diff(c.old_text, c.new_text) for c in shown]
    return (
        environment()
        .get_template("diff.html.j2")
        .render(title=title, changes=list(zip(shown, runs, strict=True)))
    )


def divergences_html(title: str, found: Sequence[Divergence]) -> str:
    """The page of a divergence report between two language versions."""
    return environment().get_template("divergences.html.j2").render(title=title, found=found)
