"""A mapping table (ITU-D Questions → ITU-R Working Parties, …) as a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Sequence

from intersector.coordination.mapping import MappingRow
from intersector.reports.overlap_html import environment

TITLES = {
    "itu-d:itu-r": "ITU-D Questions and the ITU-R groups working on the same ground",
    "itu-t:itu-r": "ITU-T Questions and the ITU-R groups working on the same ground",
    "itu-d:itu-t": "ITU-D Questions and the ITU-T Questions working on the same ground",
}


def mapping_html(name: str, rows: Sequence[MappingRow]) -> str:
    """The page of mapping `name` with its `rows`."""
    return (
        environment()
        .get_template("mapping.html.j2")
        .render(title=TITLES.get(name, name), name=name, rows=rows)
    )
