"""The cooperation report as one self-contained HTML page: the ITU header block, the six sections
with their charts as inline SVG, and the annex (every figure with the registry items behind it,
each figure linked to its annex row). No script, nothing fetched from elsewhere."""

from __future__ import annotations

from markupsafe import Markup

from intersector.reports.charts import environment
from intersector.reports.cooperation import CooperationReport
from intersector.reports.report_charts import chart_svg


def report_html(report: CooperationReport) -> str:
    """The HTML page of `report`."""
    # The SVGs are built by report_charts with every text escaped: safe to inline as markup.
    svgs = {c.key: Markup(chart_svg(c)) for s in report.sections for c in s.charts}
    template = environment().get_template("cooperation.html.j2")
    return template.render(report=report, h=report.header, labels=report.labels, svgs=svgs)
