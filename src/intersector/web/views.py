"""The data functions a page and its JSON twin share, kept in the view cache: computed once per
process for both (the dashboard page and `/api/v1/dashboard`, the roadmap page and
`/api/v1/joined-roadmaps/{subject}`)."""

from __future__ import annotations

from typing import Any

from intersector import services
from intersector.reports.charts import GanttWords
from intersector.reports.roadmap_json import roadmap_to_dict
from intersector.web import i18n
from intersector.web.context import WebContext


def dashboard_data(ctx: WebContext) -> dict[str, Any]:
    today = ctx.today()
    found: dict[str, Any] = ctx.cache.get(
        ("dashboard", today), lambda: services.dashboard(ctx.store, today)
    )
    return found


def roadmap_data(
    ctx: WebContext, subject: str, language: str = i18n.DEFAULT
) -> tuple[dict[str, Any], str]:
    """The joined roadmap of `subject` as JSON-ready data, and its Gantt chart as SVG in
    `language` (its words from the message catalogue)."""
    today = ctx.today()

    def build() -> tuple[dict[str, Any], str]:
        view, findings = services.roadmap_view(ctx.store, subject, today)
        words = GanttWords.from_catalogue(lambda key: i18n.translate(language, key))
        return roadmap_to_dict(view, findings), services.roadmap_svg(view, words)

    found: tuple[dict[str, Any], str] = ctx.cache.get(("roadmap", subject, today, language), build)
    return found


def roadmap_download(ctx: WebContext, subject: str, fmt: str) -> tuple[bytes, str]:
    """The roadmap of `subject` as the CLI writes it (`services.roadmap_file`: the same report
    functions, one computation): its bytes and its file name."""
    view, findings = services.roadmap_view(ctx.store, subject, ctx.today())
    return services.roadmap_file(view, findings, fmt), f"roadmap-{view.subject}.{fmt}"
