"""The Gantt chart of a joined roadmap, as inline SVG (no script, no external file).

Two stages:

- `gantt_layout(view)` computes the geometry: one band per Sector lane, one line per activity,
  a bar from start to target, a diamond per milestone, the today line, year (or month) ticks,
  and an arrow per dependency whose two ends are shown. After it every coordinate is a number
  inside the chart's viewBox and every mark carries its text alternative.
- `gantt_svg(view)` renders that layout with the `gantt.svg.j2` template: `role="img"`, a
  `<title>` and `<desc>`, and a `<title>` on every bar, milestone and arrow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from intersector.coordination.roadmap import JoinedRoadmap, RoadmapRow, sector_label
from intersector.domain.registry import CLOSED_STATUSES

TEMPLATES = Path(__file__).parent / "templates"

WIDTH = 1100
LABEL_WIDTH = 250
RIGHT_MARGIN = 30
AXIS_HEIGHT = 44
LANE_HEADER = 30
ROW_HEIGHT = 28
BAR_HEIGHT = 14
MIN_BAR = 6.0
MAX_ROWS = 250  # bars per lane; the tables keep every row
LABEL_CHARS = 31  # label and group that fit the label column


@dataclass(frozen=True)
class Bar:
    """One activity's line: its label, its bar (x, width; width 0 when it has no dates), its
    style class (done, active, late, open-ended, missing) and its text alternative."""

    activity: str
    y: float
    label: str
    sublabel: str
    x: float
    width: float
    css: str
    text: str
    milestones: tuple[tuple[float, str], ...] = ()  # (x, text alternative)
    end: float | None = None  # x of the row's last date: where dependency arrows attach
    span: tuple[float, float] | None = None  # first to last milestone, for rows without dates


@dataclass(frozen=True)
class Lane:
    sector: str
    title: str
    y: float
    height: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Arrow:
    path: str
    text: str
    cross_sector: bool


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class GanttLayout:
    width: int
    height: int
    chart_left: float
    chart_right: float
    lanes: tuple[Lane, ...]
    ticks: tuple[Tick, ...]
    arrows: tuple[Arrow, ...]
    today_x: float | None
    today: str
    today_anchor: str  # "start" (label right of the line) or "end" (left, near the edge)
    title: str
    description: str


@dataclass(frozen=True)
class _Scale:
    """Dates to x coordinates over the chart area."""

    first: date
    last: date
    left: float
    right: float

    def x(self, day: date) -> float:
        days = max((self.last - self.first).days, 1)
        return round(self.left + (day - self.first).days / days * (self.right - self.left), 1)


def _scale(view: JoinedRoadmap) -> _Scale:
    first, last = view.span or (view.today, view.today)
    pad = max((last - first).days // 40, 15)  # a little air at both ends
    return _Scale(
        first - timedelta(days=pad), last + timedelta(days=pad), LABEL_WIDTH, WIDTH - RIGHT_MARGIN
    )


def _ticks(scale: _Scale) -> tuple[Tick, ...]:
    """January 1st of each year, or the first of each quarter's month for spans under 3 years."""
    years = range(scale.first.year, scale.last.year + 2)
    if (scale.last - scale.first).days > 3 * 365:
        days = [date(y, 1, 1) for y in years]
        step = max(1, len(days) // 12)  # at most about a dozen labels
        days = days[::step]
        return tuple(Tick(scale.x(d), str(d.year)) for d in days if scale.first <= d <= scale.last)
    days = [date(y, m, 1) for y in years for m in (1, 4, 7, 10)]
    return tuple(
        Tick(scale.x(d), d.strftime("%b %Y")) for d in days if scale.first <= d <= scale.last
    )


def _css(row: RoadmapRow, today: date) -> str:
    if row.missing:
        return "missing"
    if row.withdrawn or row.status in CLOSED_STATUSES:
        return "done"
    if row.is_past_target(today):
        return "late"
    return "active" if row.target else "open-ended"


def _extent(row: RoadmapRow, scale: _Scale, today: date) -> tuple[float, float]:
    """x and width of the bar: start→target; target only: a short bar ending at the target;
    start only: start→today (open-ended); no date: width 0."""
    if row.start and row.target:
        x = scale.x(row.start)
        return x, max(scale.x(row.target) - x, MIN_BAR)
    if row.target:
        return scale.x(row.target) - MIN_BAR, MIN_BAR
    if row.start:
        x = scale.x(row.start)
        return x, max(scale.x(max(today, row.start)) - x, MIN_BAR)
    return 0.0, 0.0


def _bar_text(row: RoadmapRow, view: JoinedRoadmap) -> str:
    when = " to ".join(d.isoformat() if d else "?" for d in (row.start, row.target))
    group = f" ({view.group_label(row.group)})" if row.group else ""
    status = "not in the registry" if row.missing else f"status {row.status}"
    dates = f"{when}" if row.start or row.target else "no dates"
    return f"{row.label}{group}: {row.title or row.note}. {dates}; {status}."


def _short(text: str, room: int) -> str:
    """`text` cut to `room` characters with an ellipsis (the full text stays in the title)."""
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


def _bar(row: RoadmapRow, y: float, view: JoinedRoadmap, scale: _Scale) -> Bar:
    x, width = _extent(row, scale, view.today)
    marks = tuple(scale.x(m.date) for m in row.milestones)
    milestones = tuple(
        (scale.x(m.date), f"{row.label}: {m.name}, {m.date.isoformat()}") for m in row.milestones
    )
    sublabel = view.group_label(row.group) if row.group else ("missing" if row.missing else "")
    span = (min(marks), max(marks)) if marks and not width else None
    end = x + width if width else (max(marks) if marks else None)
    return Bar(
        activity=row.activity,
        y=y,
        label=_short(row.label, LABEL_CHARS - len(sublabel)),
        sublabel=sublabel,
        x=x,
        width=width,
        css=_css(row, view.today),
        text=_bar_text(row, view),
        milestones=milestones,
        end=end,
        span=span,
    )


def _lane_title(sector: str, origin: str, shown: int, total: int) -> str:
    title = f"{sector_label(sector)} — {origin} roadmap"
    if not total:
        return title + " (no activity on this subject)"
    if shown < total:
        return title + f" (first {shown} of {total} activities; all are in the tables)"
    return title


def _lanes(view: JoinedRoadmap, scale: _Scale, max_rows: int) -> tuple[Lane, ...]:
    """One band per lane, at most `max_rows` bars each (a chart of thousands of bars helps
    nobody: the tables and exports keep every row)."""
    lanes: list[Lane] = []
    y = float(AXIS_HEIGHT)
    for lane in view.lanes:
        rows = lane.rows[:max_rows]
        title = _lane_title(lane.sector, lane.origin, len(rows), len(lane.rows))
        bars = tuple(
            _bar(row, y + LANE_HEADER + i * ROW_HEIGHT, view, scale) for i, row in enumerate(rows)
        )
        height = LANE_HEADER + max(len(rows), 1) * ROW_HEIGHT
        lanes.append(Lane(lane.sector, title, y, height, bars))
        y += height
    return tuple(lanes)


def _arrows(view: JoinedRoadmap, lanes: tuple[Lane, ...]) -> tuple[Arrow, ...]:
    """End-to-end arrows: from the last date of the row depended on (its target, else its last
    milestone) to the last date of the row that needs it, through an elbow right of both. An
    arrow that comes back leftwards shows that the work needed finishes after the work that
    needs it."""
    bars = {bar.activity: bar for lane in lanes for bar in lane.bars}
    arrows: list[Arrow] = []
    for edge in view.dependencies:
        a, b = bars.get(edge.on), bars.get(edge.activity)
        if not edge.shown or a is None or b is None or a.end is None or b.end is None:
            continue
        y1, y2 = a.y + BAR_HEIGHT / 2, b.y + BAR_HEIGHT / 2
        elbow = round(max(a.end, b.end) + 10, 1)
        path = f"M{a.end},{y1} H{elbow} V{y2} H{b.end + 2}"
        why = f" ({edge.reason})" if edge.reason else ""
        arrows.append(Arrow(path, f"{b.label} depends on {a.label}{why}", edge.cross_sector))
    return tuple(arrows)


def gantt_layout(view: JoinedRoadmap, max_rows: int = MAX_ROWS) -> GanttLayout:
    """The geometry of the chart of `view` (see the module docstring for its promise)."""
    scale = _scale(view)
    lanes = _lanes(view, scale, max_rows)
    height = int((lanes[-1].y + lanes[-1].height) if lanes else AXIS_HEIGHT) + 8
    count = sum(len(lane.bars) for lane in lanes)
    sectors = ", ".join(sector_label(lane.sector) for lane in view.lanes)
    first, last = scale.first, scale.last
    today_x = scale.x(view.today) if first <= view.today <= last else None
    return GanttLayout(
        width=WIDTH,
        height=height,
        chart_left=LABEL_WIDTH,
        chart_right=WIDTH - RIGHT_MARGIN,
        lanes=lanes,
        ticks=_ticks(scale),
        arrows=_arrows(view, lanes),
        today_x=today_x,
        today=view.today.isoformat(),
        today_anchor="end" if today_x is not None and today_x > WIDTH - 140 else "start",
        title=f"Roadmap for {view.subject_label}: {sectors}",
        description=(
            f"Gantt chart of {count} activities from {first.isoformat()} to {last.isoformat()}, "
            f"one band per Sector, bars from start to target date, diamonds for milestones, a "
            f"vertical line for today ({view.today.isoformat()}) and arrows for dependencies. "
            f"The same facts are listed in the tables below the chart."
        ),
    )


def environment() -> Environment:
    """The Jinja2 environment of the report templates (autoescaped)."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2", "svg"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def gantt_svg(view: JoinedRoadmap, max_rows: int = MAX_ROWS) -> str:
    """The chart of `view` as one `<svg>` element, ready to inline in a page."""
    chart = gantt_layout(view, max_rows)
    return environment().get_template("gantt.svg.j2").render(chart=chart)
