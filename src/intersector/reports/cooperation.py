"""The cooperation report to an advisory group (RAG, TSAG, TDAG) under Resolution 57, as a model:
`cooperation_report(inputs)` arranges what the services computed into an ITU contribution — a
header block (meeting, document, date, source, title, purpose, summary, action required,
references), six sections, and an annex listing the registry items behind every figure — with
every label in the report's language. Pure: the figures come from the one-definition functions
(`coordination.work` through the matrix handed in, `coordination.liaisons.across_sectors`,
`effective_state` and `overdue`, the alignment findings, `coordination.actions.status_counts`);
nothing here counts anything another way. The renderers (JSON, HTML, DOCX) only lay it out."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from intersector.coordination.actions import status_counts
from intersector.coordination.alignment import CHECKS, Finding
from intersector.coordination.liaisons import (
    PURPOSES,
    across_sectors,
    effective_state,
    overdue,
    replies_index,
)
from intersector.coordination.roadmap import group_label, sector_label, sector_of_group
from intersector.coordination.work import CommonSubject, Matrix
from intersector.domain.actions import ACTION_STATUSES, TrackedAction
from intersector.domain.registry import SECTORS, Group, Liaison, Subject
from intersector.reports.cooperation_labels import LABELS

ADVISORY_GROUPS: Mapping[str, tuple[str, str]] = {  # group → (Sector, bureau)
    "rag": ("itu-r", "br"),
    "tsag": ("itu-t", "tsb"),
    "tdag": ("itu-d", "bdt"),
}
STATES = ("draft", "sent", "answered", "closed", "overdue")
TOP = 15  # rows of the longer lists in the body; the annex keeps every item


@dataclass(frozen=True)
class Figure:
    """A number of the report and the registry items it counts (`items`); `previous` is its
    value in the previous report to the same group (None: no previous report)."""

    key: str
    label: str
    value: int
    items: tuple[str, ...]
    previous: int | None = None


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chart:
    """A chart's data: `kind` matrix (a heat map, rows × columns) or bars (grouped bars, one
    group per row, one bar per column)."""

    key: str
    title: str
    kind: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    values: tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class Section:
    key: str
    number: int
    title: str
    paragraphs: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()
    charts: tuple[Chart, ...] = ()


@dataclass(frozen=True)
class Header:
    meeting: str
    document: str
    date: str
    source: str
    title: str
    purpose: str
    summary: str
    action_required: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class Duplicates:
    """The stored duplicate-work candidates as `services.overlaps` reads them: every candidate
    id, the reviewed ones by decision (reviews that still hold), and the best open ones as
    (id, left, right, score)."""

    candidates: tuple[str, ...] = ()
    reviewed: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    open: tuple[str, ...] = ()
    top_open: tuple[tuple[str, str, str, float], ...] = ()


@dataclass(frozen=True)
class PreviousReport:
    """What a previous report to the same group recorded: its date, document number and each
    figure's value and items."""

    issued: date
    document: str
    figures: Mapping[str, tuple[int, tuple[str, ...]]]


@dataclass(frozen=True)
class ReportInputs:
    """What the services hand in (see the module)."""

    to: str
    period: tuple[date, date]
    today: date
    language: str
    subjects: tuple[Subject, ...]
    matrix: Matrix
    common: tuple[CommonSubject, ...]
    groups: Mapping[str, Group]
    liaisons: tuple[Liaison, ...]
    findings: tuple[Finding, ...]
    actions: tuple[TrackedAction, ...]
    duplicates: Duplicates
    references: tuple[str, ...] = ()
    document: str = ""
    meeting: str = ""
    purpose: str = ""  # information | action; "" = action when something is open or overdue
    previous: PreviousReport | None = None


@dataclass(frozen=True)
class CooperationReport:
    to: str
    period: str
    language: str
    today: date
    labels: Mapping[str, str]
    header: Header
    sections: tuple[Section, ...]

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(f for s in self.sections for f in s.figures)


class _Builder:
    """The figures of one report, with their previous values and the labels of its language."""

    def __init__(self, inputs: ReportInputs) -> None:
        self.inputs = inputs
        self.labels = LABELS[inputs.language]
        self.previous = inputs.previous.figures if inputs.previous else None

    def t(self, key: str, **fields: object) -> str:
        return self.labels[key].format(**fields) if fields else self.labels[key]

    def figure(self, key: str, label: str, items: Sequence[str]) -> Figure:
        ordered = tuple(dict.fromkeys(items))
        before = self.previous.get(key, (0, ()))[0] if self.previous is not None else None
        return Figure(key, label, len(ordered), ordered, before)

    def group(self, group: str) -> str:
        return group_label(group, self.inputs.groups)


def period_label(period: tuple[date, date]) -> str:
    start, end = period
    return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"


def _subject_label(subject: Subject, language: str) -> str:
    return subject.labels.get(language) or subject.labels.get("en") or subject.id


# --- 1. subjects --------------------------------------------------------------------------------


def _subjects(b: _Builder) -> Section:
    matrix, names = b.inputs.matrix, {s.id: s for s in b.inputs.subjects}
    shown = [s for s in b.inputs.subjects if s.id in matrix]
    common = [c.subject for c in b.inputs.common]
    figures = [
        b.figure("subjects.with-work", b.t("fig.subjects.with-work"), [s.id for s in shown]),
        b.figure("subjects.common", b.t("fig.subjects.common"), common),
    ]
    rows, values = [], []
    for subject in shown:
        label = _subject_label(names[subject.id], b.inputs.language)
        cells, counts = [label], []
        for sector in SECTORS:
            by_group = matrix[subject.id].get(sector, {})
            ids = sorted(i for found in by_group.values() for i in found)
            cell_label = b.t("fig.subject.cell", subject=label, sector=sector_label(sector))
            figures.append(b.figure(f"subject.{subject.id}.{sector}", cell_label, ids))
            groups = sorted(b.group(g) for g in by_group if g)
            cells.append(", ".join(groups) + (f" ({len(ids)})" if ids else "") or "-")
            counts.append(len(ids))
        cells.append(b.t("yes") if subject.id in common else b.t("no"))
        rows.append(tuple(cells))
        values.append(tuple(counts))
    headers = (b.t("col.subject"), *(sector_label(s) for s in SECTORS), b.t("col.common"))
    chart = Chart(
        "matrix",
        b.t("chart.matrix"),
        "matrix",
        tuple(r[0] for r in rows),
        tuple(sector_label(s) for s in SECTORS),
        tuple(values),
    )
    return Section(
        "subjects",
        1,
        b.t("section.subjects"),
        (b.t("subjects.intro"),),
        tuple(figures),
        (Table(headers, tuple(rows)),),
        (chart,),
    )


# --- 2. duplicates ------------------------------------------------------------------------------


def _duplicates(b: _Builder) -> Section:
    d = b.inputs.duplicates
    reviewed = sorted(i for ids in d.reviewed.values() for i in ids)
    figures = [
        b.figure("duplicates.candidates", b.t("fig.duplicates.candidates"), d.candidates),
        b.figure("duplicates.reviewed", b.t("fig.duplicates.reviewed"), reviewed),
        b.figure("duplicates.open", b.t("fig.duplicates.open"), d.open),
    ]
    for decision, ids in sorted(d.reviewed.items()):
        label = b.t("fig.duplicates.decision", decision=decision)
        figures.append(b.figure(f"duplicates.decision.{decision}", label, ids))
    rows = tuple((i, f"{left} ~ {right}", f"{score:.3f}") for i, left, right, score in d.top_open)
    table = Table((b.t("col.candidate"), b.t("col.items"), b.t("col.score")), rows[:TOP])
    return Section(
        "duplicates",
        2,
        b.t("section.duplicates"),
        (b.t("duplicates.intro"),),
        tuple(figures),
        (table,) if rows else (),
    )


# --- 3. liaisons --------------------------------------------------------------------------------


def _liaisons(b: _Builder) -> Section:
    start, end = b.inputs.period
    groups = b.inputs.groups

    def sector_of(group: str) -> str:
        return sector_of_group(group, groups)

    between = [li for li in b.inputs.liaisons if across_sectors(li, sector_of)]
    in_period = [li for li in between if li.sent is not None and start <= li.sent <= end]
    replies = replies_index(b.inputs.liaisons)
    state = {li.id: effective_state(li, b.inputs.today, replies) for li in in_period}
    late = overdue(between, b.inputs.today)
    figures = [b.figure("liaisons.across", b.t("fig.liaisons.across"), [li.id for li in in_period])]
    values = []
    for purpose in PURPOSES:
        with_it = [li for li in in_period if getattr(li, purpose)]
        label = b.t("fig.liaisons.purpose", purpose=b.t(f"purpose.{purpose}"))
        figures.append(b.figure(f"liaisons.purpose.{purpose}", label, [li.id for li in with_it]))
        values.append(tuple(sum(1 for li in with_it if state[li.id] == s) for s in STATES))
    for name in STATES:
        label = b.t("fig.liaisons.state", state=b.t(f"state.{name}"))
        ids = [li.id for li in in_period if state[li.id] == name]
        figures.append(b.figure(f"liaisons.state.{name}", label, ids))
    figures.append(
        b.figure("liaisons.overdue", b.t("fig.liaisons.overdue"), [li.id for li in late])
    )
    rows = tuple(
        (
            li.reference or li.id,
            b.group(li.from_group),
            ", ".join(b.group(g) for g in li.for_action),
            li.deadline.isoformat() if li.deadline else "",
        )
        for li in late
    )
    headers = (b.t("col.liaison"), b.t("col.from"), b.t("col.to"), b.t("col.deadline"))
    chart = Chart(
        "liaisons",
        b.t("chart.liaisons"),
        "bars",
        tuple(b.t(f"purpose.{p}") for p in PURPOSES),
        tuple(b.t(f"state.{s}") for s in STATES),
        tuple(values),
    )
    intro = b.t("liaisons.intro", start=start.isoformat(), end=end.isoformat())
    return Section(
        "liaisons",
        3,
        b.t("section.liaisons"),
        (intro,),
        tuple(figures),
        (Table(headers, rows[:TOP]),) if rows else (),
        (chart,),
    )


# --- 4. alignment -------------------------------------------------------------------------------


def _alignment(b: _Builder) -> Section:
    found = b.inputs.findings
    figures = [b.figure("findings.total", b.t("fig.findings.total"), _finding_items(found))]
    for check in CHECKS:
        these = [f for f in found if f.check == check]
        label = b.t("fig.findings.check", check=b.t(f"check.{check}"))
        figures.append(b.figure(f"findings.{check}", label, _finding_items(these)))
    rows = tuple(
        (b.t(f"check.{f.check}"), f.severity, ", ".join(f.items[:3]), f.explanation)
        for f in found[:TOP]
    )
    headers = (b.t("col.check"), b.t("col.severity"), b.t("col.items"), b.t("col.finding"))
    return Section(
        "alignment",
        4,
        b.t("section.alignment"),
        (b.t("alignment.intro", today=b.inputs.today.isoformat()),),
        tuple(figures),
        (Table(headers, rows),) if rows else (),
    )


def _finding_items(findings: Sequence[Finding]) -> list[str]:
    """The item each finding is about (its first: the one to act on), once each."""
    return [f.items[0] for f in findings if f.items]


# --- 5. actions ---------------------------------------------------------------------------------


def _actions(b: _Builder) -> Section:
    actions = b.inputs.actions
    _, bureau = ADVISORY_GROUPS[b.inputs.to]
    own = (b.inputs.to, f"{bureau}-director")
    to_us = [a for a in actions if set(a.addressees) & set(own)]
    figures = [b.figure("actions.total", b.t("fig.actions.total"), [a.id for a in actions])]
    counts = status_counts(actions)
    for status in ACTION_STATUSES:
        label = b.t("fig.actions.status", status=b.t(f"status.{status}"))
        ids = [a.id for a in actions if a.status == status]
        figures.append(b.figure(f"actions.status.{status}", label, ids))
    label = b.t("fig.actions.addressed", group=b.inputs.to.upper())
    figures.append(b.figure("actions.addressed", label, [a.id for a in to_us]))
    rows = tuple(
        (
            a.id,
            a.text.splitlines()[0] if a.text else "",
            ", ".join(a.addressees),
            b.t(f"status.{a.status}"),
            a.due.isoformat() if a.due else "",
        )
        for a in to_us
    )
    headers = (
        b.t("col.action"),
        b.t("col.finding"),
        b.t("col.addressees"),
        b.t("col.status"),
        b.t("col.due"),
    )
    chart = Chart(
        "actions",
        b.t("chart.actions"),
        "bars",
        (b.t("fig.actions.total"),),
        tuple(b.t(f"status.{s}") for s in ACTION_STATUSES),
        (tuple(counts[s] for s in ACTION_STATUSES),),
    )
    return Section(
        "actions",
        5,
        b.t("section.actions"),
        (b.t("actions.intro"),),
        tuple(figures),
        (Table(headers, rows),) if rows else (),
        (chart,),
    )


# --- 6. changes ---------------------------------------------------------------------------------


def _changes(b: _Builder, earlier: Sequence[Section]) -> Section:
    previous = b.inputs.previous
    title = b.t("section.changes")
    if previous is None:
        return Section("changes", 6, title, (b.t("changes.first", group=b.inputs.to.upper()),))
    rows = []
    for figure in (f for s in earlier for f in s.figures):
        _, before = previous.figures.get(figure.key, (0, ()))
        added = [i for i in figure.items if i not in set(before)]
        removed = [i for i in before if i not in set(figure.items)]
        if figure.value == figure.previous and not added and not removed:
            continue
        delta = figure.value - (figure.previous or 0)
        rows.append(
            (figure.label, str(figure.previous or 0), str(figure.value), f"{delta:+d}",
             ", ".join(added), ", ".join(removed))
        )  # fmt: skip
    intro = b.t("changes.intro", date=previous.issued.isoformat(), document=previous.document)
    headers = tuple(
        b.t(k) for k in ("col.figure", "col.previous", "col.now", "col.change", "col.added",
                         "col.removed")
    )  # fmt: skip
    paragraphs = (intro,) if rows else (intro, b.t("changes.none"))
    return Section(
        "changes", 6, title, paragraphs, (), (Table(headers, tuple(rows)),) if rows else ()
    )


# --- the whole report ---------------------------------------------------------------------------


def _value(sections: Sequence[Section], key: str) -> int:
    return next(f.value for s in sections for f in s.figures if f.key == key)


def _header(b: _Builder, sections: Sequence[Section]) -> Header:
    inputs = b.inputs
    group = inputs.to.upper()
    _, bureau = ADVISORY_GROUPS[inputs.to]
    v: Callable[[str], int] = lambda key: _value(sections, key)  # noqa: E731
    purpose = inputs.purpose or (
        "action" if v("duplicates.open") or v("liaisons.overdue") else "information"
    )
    period = period_label(inputs.period)
    summary = b.t(
        "report.summary",
        period=period,
        subjects=v("subjects.with-work"),
        common=v("subjects.common"),
        candidates=v("duplicates.candidates"),
        open=v("duplicates.open"),
        liaisons=v("liaisons.across"),
        overdue=v("liaisons.overdue"),
        findings=v("findings.total"),
        actions=v("actions.total"),
        done=v("actions.status.done"),
    )
    return Header(
        meeting=inputs.meeting or b.t("meeting.default", group=group),
        document=inputs.document or f"{group}/DRAFT",
        date=inputs.today.isoformat(),
        source=b.t(f"source.{bureau}"),
        title=b.t("report.title", period=period),
        purpose=b.t(f"purpose.{purpose}"),
        summary=summary,
        action_required=b.t(f"action.{purpose}", group=group),
        references=inputs.references,
    )


def cooperation_report(inputs: ReportInputs) -> CooperationReport:
    """The report model of `inputs` (see the module)."""
    b = _Builder(inputs)
    sections = [_subjects(b), _duplicates(b), _liaisons(b), _alignment(b), _actions(b)]
    sections.append(_changes(b, sections))
    return CooperationReport(
        to=inputs.to,
        period=period_label(inputs.period),
        language=inputs.language,
        today=inputs.today,
        labels=b.labels,
        header=_header(b, sections),
        sections=tuple(sections),
    )


def annex_rows(report: CooperationReport) -> list[tuple[str, str, int, tuple[str, ...]]]:
    """(key, label, value, items) of every figure: the annex."""
    return [(f.key, f.label, f.value, f.items) for f in report.figures]


def report_to_dict(report: CooperationReport) -> dict[str, object]:
    """The report as JSON-ready data (the golden file's shape)."""
    h = report.header
    return {
        "to": report.to,
        "period": report.period,
        "language": report.language,
        "date": report.today.isoformat(),
        "header": {
            "meeting": h.meeting,
            "document": h.document,
            "date": h.date,
            "source": h.source,
            "title": h.title,
            "purpose": h.purpose,
            "summary": h.summary,
            "action_required": h.action_required,
            "references": list(h.references),
        },
        "sections": [_section_dict(s) for s in report.sections],
        "annex": [
            {"key": key, "label": label, "value": value, "items": list(items)}
            for key, label, value, items in annex_rows(report)
        ],
    }


def _section_dict(section: Section) -> dict[str, object]:
    return {
        "key": section.key,
        "number": section.number,
        "title": section.title,
        "paragraphs": list(section.paragraphs),
        "figures": [
            {"key": f.key, "label": f.label, "value": f.value, "previous": f.previous}
            for f in section.figures
        ],
        "tables": [
            {"headers": list(t.headers), "rows": [list(r) for r in t.rows]} for t in section.tables
        ],
        "charts": [
            {
                "key": c.key,
                "title": c.title,
                "kind": c.kind,
                "rows": list(c.rows),
                "columns": list(c.columns),
                "values": [list(v) for v in c.values],
            }
            for c in section.charts
        ],
    }
