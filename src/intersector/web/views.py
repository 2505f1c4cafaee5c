"""The data functions a page and its JSON twin share, kept in the view cache: computed once per
process for both (the dashboard page and `/api/v1/dashboard`, the roadmap page and
`/api/v1/joined-roadmaps/{subject}`)."""

from __future__ import annotations

from typing import Any

from intersector import services
from intersector.reports.roadmap_json import roadmap_to_dict
from intersector.web.context import WebContext


def dashboard_data(ctx: WebContext) -> dict[str, Any]:
    today = ctx.today()
    found: dict[str, Any] = ctx.cache.get(
        ("dashboard", today), lambda: services.dashboard(ctx.store, today)
    )
    return found


def roadmap_data(ctx: WebContext, subject: str) -> tuple[dict[str, Any], str]:
    """The joined roadmap of `subject` as JSON-ready data, and its Gantt chart as SVG."""
    today = ctx.today()

    def build() -> tuple[dict[str, Any], str]:
        view, findings = services.roadmap_view(ctx.store, subject, today)
        return roadmap_to_dict(view, findings), services.roadmap_svg(view)

    found: tuple[dict[str, Any], str] = ctx.cache.get(("roadmap", subject, today), build)
    return found
