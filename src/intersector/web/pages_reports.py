"""The action-plan page (every tracked action of the ingested resolutions, filtered, with its
XLSX) and the coordinators' report page (the cooperation report to RAG, TSAG or TDAG, to read
and to download). Each reads the same service as its API twin."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from intersector import services
from intersector.domain.actions import ACTION_STATUSES
from intersector.web.api.reports import check_can_report, download
from intersector.web.deps import Reader, context
from intersector.web.render import page

router = APIRouter(include_in_schema=False)


@router.get("/actions")
def actions(
    request: Request, who: Reader, addressee: str = "", status: str = "", document: str = ""
) -> HTMLResponse:
    """The action plan, filtered as the URL says (the data of `/api/v1/actions`)."""
    store = context(request).store
    plan = services.action_plan_in(store, addressee=addressee, status=status, document=document)
    everything = services.action_plan_in(store).actions
    return page(
        request,
        "actions.html.j2",
        plan=plan,
        addressees=sorted({a for action in everything for a in action.addressees}),
        documents=sorted({a.document for a in everything}),
        statuses=ACTION_STATUSES,
    )


@router.get("/actions.xlsx")
def actions_xlsx(
    request: Request, who: Reader, addressee: str = "", status: str = "", document: str = ""
) -> Response:
    """The filtered action plan in the secretariats' XLSX layout."""
    store = context(request).store
    plan = services.action_plan_in(store, addressee=addressee, status=status, document=document)
    return download(services.action_plan_file(plan, "xlsx"), "xlsx", "action-plan.xlsx")


@router.get("/reports")
def reports(
    request: Request, who: Reader, to: str = "", period: str = "", language: str = "en"
) -> HTMLResponse:
    """The report form; with `to` and `period`, the report's summary and its downloads."""
    check_can_report(who)
    report = None
    if to and period:
        ctx = context(request)
        asked = services.report_request(to, period, language=language, today=ctx.today())
        report = services.cooperation_report_in(ctx.store, asked, record=False)
    chosen = {"to": to, "period": period or "", "language": language}
    return page(request, "reports.html.j2", report=report, chosen=chosen)
