"""The joined roadmap and the alignment findings as Rich tables for the terminal. Cells of user
data are plain strings (printed as themselves by `reports.terminal.Terminal`, which reads no
markup); the program's own styling is given as styled `Text`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from intersector.coordination.alignment import SEVERITIES, Finding
from intersector.coordination.liaisons import effective_state, replies_index
from intersector.coordination.roadmap import JoinedRoadmap, RoadmapRow, sector_label
from intersector.domain.registry import SECTORS

_SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}


def _target_cell(row: RoadmapRow, view: JoinedRoadmap) -> str | Text:
    if row.target is None:
        return ""
    late = row.is_past_target(view.today)
    return Text(row.target.isoformat(), style="red") if late else row.target.isoformat()


def plan_cell(row: RoadmapRow) -> Text:
    """The plan against what happened, in a few words: stage and % complete, the baseline
    target and the slip of the current one (red when late), the finish and how late it came,
    the release or study period. Empty when none is recorded."""
    parts: list[tuple[str, str]] = []
    stage = " ".join(p for p in (row.stage, _percent(row.percent_complete)) if p)
    if stage:
        parts.append((stage, ""))
    if row.baseline_target:
        slip = row.slip_days
        late = f" (slip {_days(slip)})" if slip else ""
        style = "red" if slip and slip > 0 else ""
        parts.append((f"baseline {row.baseline_target.isoformat()}{late}", style))
    if row.finished:
        late_by = row.finished_late
        extra = f" ({_days(late_by)} against plan)" if late_by else ""
        parts.append(
            (f"finished {row.finished.isoformat()}{extra}", "red" if (late_by or 0) > 0 else "")
        )
    if row.period:
        parts.append((row.period, "dim"))
    text = Text()
    for i, (words, style) in enumerate(parts):
        text.append(("\n" if i else "") + words, style=style)
    return text


def _percent(value: int | None) -> str:
    return "" if value is None else f"{value}%"


def _days(value: int | None) -> str:
    return f"{value:+d} days" if value else ""


def roadmap_table(view: JoinedRoadmap) -> Table:
    """One line per activity, lane after lane: Sector, activity, title, group, status, start,
    target (red when past and still open), the plan against what happened (`plan_cell`; the
    column is left out when no row records a plan), milestones."""
    table = Table(title=f"{view.subject_label} roadmap, as of {view.today.isoformat()}")
    planned = any(plan_cell(row).plain for row in view.rows())
    columns = ("Sector", "Activity", "Title", "Group", "Status", "Start", "Target")
    for name in (*columns, *(("Plan",) if planned else ()), "Milestones"):
        table.add_column(name, overflow="fold", no_wrap=name in ("Start", "Target"))
    for lane in view.lanes:
        if not lane.rows:
            table.add_row(
                sector_label(lane.sector), "", Text(f"no activity ({lane.origin})", style="dim")
            )
        for row in lane.rows:
            cells: list[str | Text] = [
                f"{sector_label(lane.sector)} ({lane.origin[0]})",
                row.identifier or row.activity,
                row.title if not row.missing else Text("not in the registry", style="red"),
                view.group_label(row.group) if row.group else "",
                row.status,
                row.start.isoformat() if row.start else "",
                _target_cell(row, view),
            ]
            if planned:
                cells.append(plan_cell(row))
            cells.append("\n".join(f"{m.date.isoformat()} {m.name}" for m in row.milestones))
            table.add_row(*cells)
        table.add_section()
    table.caption = "(m) maintained by the Sector, (d) derived from tagged activities"
    return table


def liaisons_table(view: JoinedRoadmap) -> Table:
    """The liaisons of the view with their effective state (overdue in red)."""
    table = Table(title="Liaison statements")
    for name in ("Reference", "Title", "From", "For action", "Deadline", "State"):
        table.add_column(name, overflow="fold")
    replies = replies_index(view.liaisons)
    for li in view.liaisons:
        state = effective_state(li, view.today, replies)
        table.add_row(
            li.reference or li.id,
            li.title,
            view.group_label(li.from_group),
            ", ".join(view.group_label(g) for g in li.for_action),
            li.deadline.isoformat() if li.deadline else "",
            Text(state, style="red") if state == "overdue" else state,
        )
    return table


def findings_table(findings: Sequence[Finding], limit: int = 0) -> Table:
    """One line per finding (the first `limit` ones when `limit` > 0): severity, check, Sectors,
    explanation. The title says how many there are and how many are shown."""
    shown = findings[:limit] if limit > 0 else findings
    title = f"Alignment findings ({len(findings)})"
    if len(shown) < len(findings):
        title = f"Alignment findings: the first {len(shown)} of {len(findings)}"
    table = Table(title=title)
    for name in ("Severity", "Check", "Sectors", "Explanation"):
        table.add_column(name, overflow="fold")
    for f in shown:
        style = _SEVERITY_STYLE.get(f.severity, "")
        table.add_row(
            Text(f.severity, style=style),
            f.check,
            ", ".join(sector_label(s) for s in f.sectors),
            f.explanation,
        )
    return table


def findings_summary(findings: Sequence[Finding]) -> Table:
    """How many findings of each check and severity, per Sector: the overview a coordinator
    reads first when there are thousands."""
    counts: Counter[tuple[str, str, str]] = Counter(
        (f.severity, f.check, sector) for f in findings for sector in f.sectors[:1]
    )
    table = Table(title=f"Alignment findings by check ({len(findings)} in all)")
    for name in ("Severity", "Check", *(sector_label(s) for s in SECTORS)):
        table.add_column(name, justify="right" if name.startswith("ITU") else "left")
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    kinds = sorted({(sev, check) for sev, check, _ in counts}, key=lambda k: (rank[k[0]], k[1]))
    for severity, check in kinds:
        cells = (f"{counts[(severity, check, s)]:,}" for s in SECTORS)
        table.add_row(severity, check, *cells)
    return table
