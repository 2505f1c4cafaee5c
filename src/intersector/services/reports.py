"""The cooperation report to an advisory group (issue 13) for every door: `intersector report
cooperation`, `/api/v1/reports/cooperation` and the coordinators' report page. Gathers what the
one-definition services compute (who works on what, the stored duplicate candidates and their
reviews, the liaisons, the alignment findings, the action plan), hands it to the pure model
(`reports.cooperation`), records the report's figures so that the next one can say what changed,
and renders it: JSON, HTML, DOCX, or PDF (LibreOffice from the DOCX)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from intersector.domain.errors import NotFoundError, ValidationError
from intersector.domain.lookup import lookup, lookup_optional
from intersector.domain.registry import Group
from intersector.reports import cooperation_docx, cooperation_html, pdf
from intersector.reports.cooperation import (
    ADVISORY_GROUPS,
    CooperationReport,
    Duplicates,
    PreviousReport,
    ReportInputs,
    cooperation_report,
    report_to_dict,
)
from intersector.reports.cooperation_labels import BODY_NAMES, LABELS, REPORT_LANGUAGES
from intersector.reports.json_text import dumps
from intersector.services import overlaps
from intersector.services.actions import action_plan_in
from intersector.services.registry import open_registry
from intersector.services.roadmaps import registry_findings
from intersector.services.work import subject_work_in
from intersector.settings import Settings
from intersector.store import Store
from intersector.store import reports as stored
from intersector.store.analytics import candidate_keys

REPORT_FORMATS = ("json", "html", "docx", "pdf")
REPORT_KINDS = ("cooperation",)
PURPOSES = ("information", "action")
RESOLUTIONS = ("wtsa-res-57", "wtsa-res-38")  # what the report refers to, when stored
_PERIOD = re.compile(r"^\s*(\d{4})\s*(?:[-–/]\s*(\d{4}))?\s*$")


@dataclass(frozen=True)
class ReportRequest:
    """What was asked for, resolved: advisory group, period, language, document number,
    meeting, purpose ("" = decided by the figures), the day the report is dated."""

    to: str
    period: tuple[date, date]
    language: str = "en"
    today: date | None = None
    document: str = ""
    meeting: str = ""
    purpose: str = ""


def parse_period(text: str) -> tuple[date, date]:
    """`2025-2026` → 1 January 2025 to 31 December 2026 (`2025` one year); ValidationError."""
    found = _PERIOD.match(text)
    first, last = (int(found[1]), int(found[2] or found[1])) if found else (0, 0)
    if not found or last < first or not 1900 < first < 2200:
        raise ValidationError(
            f"period {text!r}: write the years as 2025-2026 (or one year: 2025)", field="period"
        )
    return date(first, 1, 1), date(last, 12, 31)


def report_request(
    to: str,
    period: str,
    *,
    language: str = "en",
    today: date | None = None,
    document: str = "",
    meeting: str = "",
    purpose: str = "",
) -> ReportRequest:
    """The request as typed, every value checked (ValidationError naming the field)."""
    return ReportRequest(
        to=lookup(to, ADVISORY_GROUPS, field="to"),
        period=parse_period(period),
        language=lookup(language, REPORT_LANGUAGES, field="language"),
        today=today,
        document=document.strip(),
        meeting=meeting.strip(),
        purpose=lookup_optional(purpose, PURPOSES, field="purpose"),
    )


def _duplicates(store: Store) -> Duplicates:
    keys = candidate_keys(store)
    held = overlaps.held_reviews(store, keys)
    by_decision: dict[str, list[str]] = {}
    for key in keys:
        if key.id in held:
            by_decision.setdefault(held[key.id].decision, []).append(key.id)
    open_keys = [k for k in keys if k.id not in held]
    return Duplicates(
        candidates=tuple(k.id for k in keys),
        reviewed={d: tuple(ids) for d, ids in by_decision.items()},
        open=tuple(k.id for k in open_keys),
        top_open=tuple((k.id, k.left_id, k.right_id, k.score) for k in open_keys[:15]),
    )


def _references(store: Store, language: str) -> tuple[str, ...]:
    """The resolutions the report answers, as ITU cites them, with the revision stored."""
    labels, bodies = LABELS[language], BODY_NAMES[language]
    found = []
    for doc_id in RESOLUTIONS:
        try:
            doc = store.get_document(doc_id)
        except NotFoundError:
            continue
        name = labels["reference.resolution"].format(
            body=bodies.get(doc.body, doc.body.upper()), number=doc.number
        )
        if doc.revision is not None:
            revision = labels["reference.revision"].format(
                place=doc.revision.place_as_written or doc.revision.place, year=doc.revision.year
            )
            name = f"{name} {revision}"
        found.append(name)
    return tuple(found)


def _previous(store: Store, to: str, today: date) -> PreviousReport | None:
    found = stored.previous_report(store, to, today)
    return PreviousReport(*found) if found else None


def report_inputs(store: Store, request: ReportRequest) -> ReportInputs:
    """Everything the report model needs, read from `store` through the one-definition
    services."""
    today = request.today or date.today()
    work = subject_work_in(store)
    groups: dict[str, Group] = {g.id: g for g in store.list("group", include_withdrawn=True)}
    return ReportInputs(
        to=request.to,
        period=request.period,
        today=today,
        language=request.language,
        subjects=work.subjects,
        matrix=work.matrix,
        common=work.common,
        groups=groups,
        liaisons=tuple(store.list("liaison")),
        findings=registry_findings(store, today=today),
        actions=action_plan_in(store).actions,
        duplicates=_duplicates(store),
        references=_references(store, request.language),
        document=request.document,
        meeting=request.meeting,
        purpose=request.purpose,
        previous=_previous(store, request.to, today),
    )


def cooperation_report_in(
    store: Store, request: ReportRequest, *, record: bool = True, author: str = ""
) -> CooperationReport:
    """The report of `request`; with `record`, its figures are kept for the next report."""
    report = cooperation_report(report_inputs(store, request))
    if record:
        stored.record_report(
            store,
            report.to,
            report.today,
            period=report.period,
            document=report.header.document,
            figures={f.key: (f.value, f.items) for f in report.figures},
            author=author or "intersector",
        )
    return report


def render_report(
    report: CooperationReport, fmt: str, *, soffice: str = "soffice", timeout: float = 180.0
) -> bytes:
    """The report as a file: json, html, docx or pdf (LibreOffice converts the DOCX)."""
    if fmt == "json":
        return (dumps(report_to_dict(report), indent=2) + "\n").encode()
    if fmt == "html":
        return cooperation_html.report_html(report).encode()
    if fmt == "docx":
        return cooperation_docx.report_docx(report)
    if fmt == "pdf":
        docx = cooperation_docx.report_docx(report)
        return pdf.docx_to_pdf(docx, command=soffice, timeout=timeout)
    raise ValidationError(
        f"unknown report format {fmt!r}: use one of {', '.join(REPORT_FORMATS)}", field="format"
    )


def report_file_name(report: CooperationReport, fmt: str) -> str:
    """`cooperation-tsag-2025-2026-en.docx`."""
    return f"cooperation-{report.to}-{report.period}-{report.language}.{fmt}"


def cooperation_report_file(
    settings: Settings, request: ReportRequest, fmt: str
) -> tuple[CooperationReport, bytes]:
    """`intersector report cooperation`: the report, recorded, and its file in `fmt`."""
    if fmt not in REPORT_FORMATS:
        raise ValidationError(
            f"unknown report format {fmt!r}: use one of {', '.join(REPORT_FORMATS)}",
            field="format",
        )
    with open_registry(settings) as store:
        report = cooperation_report_in(store, request, author=settings.author)
    data = render_report(report, fmt, soffice=settings.soffice, timeout=settings.convert_timeout)
    return report, data
