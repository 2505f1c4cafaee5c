"""A revision diff (`texts.align.revision_diff`) or a divergence report as an HTML page: each
changed clause with removed words struck through and added words underlined (the word runs
`texts.align.word_diff` gives, handed in)."""

from __future__ import annotations

from collections.abc import Sequence

from intersector.domain.documents import Change, Divergence
from intersector.reports.overlap_html import environment


def diff_html(
    title: str,
    changes: Sequence[Change],
    runs: Sequence[Sequence[tuple[str, str]]],
    *,
    unchanged: bool = False,
) -> str:
    """The page of `changes`, each with its word runs (`equal` | `delete` | `insert`, words),
    unchanged clauses listed only on request."""
    pairs = [
        (c, r) for c, r in zip(changes, runs, strict=True) if unchanged or c.kind != "unchanged"
    ]
    return environment().get_template("diff.html.j2").render(title=title, changes=pairs)


def divergences_html(title: str, found: Sequence[Divergence]) -> str:
    """The page of a divergence report between two language versions."""
    return environment().get_template("divergences.html.j2").render(title=title, found=found)
