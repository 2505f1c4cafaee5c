"""The resolution action plan and the cooperation report in the REST API: the same services as
`intersector actions` and `intersector report cooperation` (the action-plan and report pages
read them too)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from intersector import services
from intersector.auth.roles import Principal
from intersector.domain.errors import PermissionDeniedError
from intersector.reports.actions_file import action_to_dict
from intersector.web.deps import Ctx, Reader

router = APIRouter(tags=["reports"])

MEDIA_TYPES = {
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def check_can_report(who: Principal) -> None:
    """Only coordinators (and admins) produce the reports to the advisory groups."""
    if not who.at_least("coordinator"):
        raise PermissionDeniedError("only coordinators produce the reports to the advisory groups")


def download(data: bytes, fmt: str, name: str) -> Response:
    """`data` as a file to save as `name` (JSON and HTML shown inline)."""
    how = "inline" if fmt in ("json", "html") else "attachment"
    headers = {"Content-Disposition": f'{how}; filename="{name}"'}
    return Response(data, media_type=MEDIA_TYPES[fmt], headers=headers)


@router.get("/actions", summary="The resolution action plan, filtered")
def actions(
    ctx: Ctx,
    who: Reader,
    addressee: str = "",
    status: str = "",
    document: str = "",
) -> dict[str, Any]:
    """Every tracked action of the ingested resolutions (addressed to `addressee`, with
    `status`, of `document`), with the status counts of those listed."""
    plan = services.action_plan_in(ctx.store, addressee=addressee, status=status, document=document)
    return {"counts": plan.counts, "actions": [action_to_dict(a) for a in plan.actions]}


@router.get(
    "/reports/cooperation",
    summary="The cooperation report to an advisory group (coordinators)",
    response_class=Response,
)
def cooperation(
    ctx: Ctx,
    who: Reader,
    to: str,
    period: str,
    language: str = "en",
    format: Annotated[str, Query(pattern="^(json|html|docx|pdf)$")] = "json",
) -> Response:
    """The report (see `intersector report cooperation`) as json, html, docx or pdf, dated
    today. Reading it records nothing: the CLI records the reports sent."""
    check_can_report(who)
    request = services.report_request(to, period, language=language, today=ctx.today())
    report = services.cooperation_report_in(ctx.store, request, record=False)
    data = services.render_report(report, format, soffice=ctx.settings.soffice)
    return download(data, format, services.report_file_name(report, format))
