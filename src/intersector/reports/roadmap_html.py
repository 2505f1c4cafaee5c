"""The joined roadmap as one self-contained HTML page: the Gantt chart (inline SVG), then the same
facts as tables (the chart's text alternative), the liaisons, the mechanisms and the alignment
findings. No script, no font or style sheet from elsewhere: the file opens anywhere, offline.
The page reads the same data as the JSON export (`roadmap_to_dict`)."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from intersector.coordination.alignment import Finding
from intersector.coordination.roadmap import JoinedRoadmap
from intersector.reports.charts import environment, gantt_svg
from intersector.reports.roadmap_json import roadmap_to_dict


def roadmap_html(
    view: JoinedRoadmap, findings: Iterable[Finding] = (), *, generated_by: str = "intersector"
) -> str:
    """The HTML page of `view`, with `findings` (alignment findings about the subject) listed."""
    data = roadmap_to_dict(view, findings)
    template = environment().get_template("roadmap.html.j2")
    # The SVG comes from our own template, escaped there: safe to inline as markup.
    return template.render(data=data, chart=Markup(gantt_svg(view)), generated_by=generated_by)
