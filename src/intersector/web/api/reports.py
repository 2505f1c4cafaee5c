"""The resolution action plan and the cooperation report in the REST API: the same services as
`intersector actions` and `intersector report cooperation` (the action-plan and report pages
read them too)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from intersector import services
from intersector.auth.roles import Principal
from intersector.domain.errors import PermissionDeniedError
from intersector.reports.actions_file import action_to_dict
from intersector.web.deps import Ctx, Reader, Writer

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


def check_can_follow_up(who: Principal) -> None:
    """Only coordinators (and admins) record the follow-up of actions; a token needs `write`."""
    if "write" not in who.scopes:
        raise PermissionDeniedError("this API token is read-only; issue one with scope 'write'")
    if not who.at_least("coordinator"):
        raise PermissionDeniedError("only coordinators record the follow-up of actions")


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


class ActionChange(BaseModel):
    """A change of an action's follow-up; what is left out stays as it is."""

    status: Annotated[str | None, Field(max_length=40)] = None
    owner: Annotated[str | None, Field(max_length=300)] = None
    due: date | None = None
    evidence: Annotated[list[Annotated[str, Field(max_length=400)]], Field(max_length=50)] = []


@router.patch("/actions/{action_id}", summary="Record an action's status, owner, due, evidence")
def change_action(action_id: str, body: ActionChange, ctx: Ctx, who: Writer) -> dict[str, Any]:
    """What `intersector action` records, for coordinators (evidence as `KIND:REF`, added)."""
    check_can_follow_up(who)
    changed = services.update_action_in(
        ctx.store,
        action_id,
        author=who.name,
        status=body.status,
        owner=body.owner,
        due=body.due,
        evidence=body.evidence,
    )
    return action_to_dict(changed)


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
