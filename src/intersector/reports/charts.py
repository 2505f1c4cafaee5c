"""The Gantt chart of a joined roadmap, as inline SVG (no script, no external file).

Two stages:

- `gantt_layout(view)` computes the geometry: one band per Sector lane, one line per activity,
  a bar from start to target (to the finish, when the work finished), the plan against it (a
  thin plan bar from start to the baseline target, a baseline mark, the slip beyond the baseline
  hatched red, % complete as a darker stripe, the days late or early written after the bar), a
  diamond per milestone, the today line, year (or month) ticks, and an arrow per dependency
  whose two ends are shown (a row with no date anchors its arrows beside its "no dates" note).
  After it every coordinate is a number inside the chart's viewBox and every mark carries its
  text alternative.
- `gantt_svg(view, words)` renders that layout with the `gantt.svg.j2` template: `role="img"`, a
  `<title>` and `<desc>`, and a `<title>` on every bar, milestone and arrow; its words (English
  by default) come from `GanttWords`, which the web pages fill from their message catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
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
class GanttWords:
    """Every word the chart shows, as `str.format` templates (English by default). The web pages
    give their catalogue's `gantt.<field>` messages instead (`GanttWords.from_catalogue`)."""

    title: str = "Roadmap for {subject}: {sectors}"
    description: str = (
        "Gantt chart of {count} activities from {first} to {last}, one band per Sector, bars "
        "from start to target date (to the finish when finished), a thin grey bar for the plan "
        "(start to baseline target), the slip beyond the baseline hatched red, diamonds for "
        "milestones, a vertical line for today ({today}) and arrows for dependencies. The same "
        "facts are listed in the tables below the chart."
    )
    lane: str = "{sector} — {origin} roadmap"
    lane_empty: str = "{lane} (no activity on this subject)"
    lane_cut: str = "{lane} (first {shown} of {total} activities; all are in the tables)"
    maintained: str = "maintained"
    derived: str = "derived"
    today: str = "today {date}"
    no_dates: str = "no dates"
    missing: str = "missing"
    not_in_registry: str = "not in the registry"
    status: str = "status {status}"
    dates: str = "{start} to {end}"
    baseline: str = "baseline target {date}"
    slip: str = "slip {days} days"
    finished: str = "finished {date}"
    late_by: str = "{days} days against plan"
    percent: str = "{percent}% complete"
    days: str = "{days} d"
    milestone: str = "{label}: {name}, {date}"
    depends: str = "{activity} depends on {on}"

    @classmethod
    def from_catalogue(cls, translate: Callable[[str], str]) -> GanttWords:
        """The words of a message catalogue: `translate("gantt.title")`…; a key the catalogue
        lacks keeps its English default."""
        found = {}
        for f in fields(cls):
            key = f"gantt.{f.name}"
            text = translate(key)
            if text and text != key:
                found[f.name] = text
        return cls(**found)


ENGLISH = GanttWords()


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
    plan: tuple[float, float] | None = None  # start to baseline target: the plan bar
    baseline_x: float | None = None  # the baseline target's mark
    slip: tuple[float, float] | None = None  # baseline to the later target or finish
    progress: float = 0.0  # width of the % complete stripe
    finish_x: float | None = None  # the finish's mark
    note: str = ""  # written after the bar: "40% · +549 d"
    note_css: str = ""  # late | early | ""


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
    no_dates: str = "no dates"


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


NOTE_ROOM = 70  # right of the last date, for the "80% · +365 d" written after a bar


def _scale(view: JoinedRoadmap, room: int = 0) -> _Scale:
    first, last = view.span or (view.today, view.today)
    pad = max((last - first).days // 40, 15)  # a little air at both ends
    right = WIDTH - RIGHT_MARGIN - room
    return _Scale(first - timedelta(days=pad), last + timedelta(days=pad), LABEL_WIDTH, right)


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
    """x and width of the bar: start→target (→finish when finished); an end only: a short bar
    ending there; start only: start→today (open-ended); no date: width 0."""
    end = row.finished or row.target
    if row.start and end:
        x = scale.x(row.start)
        return x, max(scale.x(end) - x, MIN_BAR)
    if end:
        return scale.x(end) - MIN_BAR, MIN_BAR
    if row.start:
        x = scale.x(row.start)
        return x, max(scale.x(max(today, row.start)) - x, MIN_BAR)
    return 0.0, 0.0


def _iso(day: date | None) -> str:
    return day.isoformat() if day else "?"


def _bar_text(row: RoadmapRow, view: JoinedRoadmap, words: GanttWords) -> str:
    group = f" ({view.group_label(row.group)})" if row.group else ""
    status = words.not_in_registry if row.missing else words.status.format(status=row.status)
    dates = (
        words.dates.format(start=_iso(row.start), end=_iso(row.target))
        if row.start or row.target
        else words.no_dates
    )
    said = "; ".join([dates, *_plan_words(row, words), status])
    return f"{row.label}{group}: {row.title or row.note}. {said}."


def _plan_words(row: RoadmapRow, words: GanttWords) -> list[str]:
    """The plan against what happened, in words (the bar's text alternative)."""
    said = []
    if row.baseline_target:
        said.append(words.baseline.format(date=row.baseline_target.isoformat()))
    if row.slip_days:
        said.append(words.slip.format(days=f"{row.slip_days:+d}"))
    if row.finished:
        said.append(words.finished.format(date=row.finished.isoformat()))
        if row.finished_late:
            said.append(words.late_by.format(days=f"{row.finished_late:+d}"))
    if row.percent_complete is not None:
        said.append(words.percent.format(percent=row.percent_complete))
    return said


@dataclass(frozen=True)
class _PlanMarks:
    plan: tuple[float, float] | None = None
    baseline_x: float | None = None
    slip: tuple[float, float] | None = None
    finish_x: float | None = None
    progress: float = 0.0


def _plan_marks(row: RoadmapRow, scale: _Scale, width: float) -> _PlanMarks:
    """The plan bar (start to baseline), the baseline's mark, the slip (baseline to a later
    end), the finish's mark and the % complete stripe of a row's bar."""
    baseline = scale.x(row.baseline_target) if row.baseline_target else None
    end = row.finished or row.target
    late = row.baseline_target is not None and end is not None and end > row.baseline_target
    return _PlanMarks(
        plan=(scale.x(row.start), baseline) if row.start and baseline is not None else None,
        baseline_x=baseline,
        slip=(baseline, scale.x(end)) if late and baseline is not None and end else None,
        finish_x=scale.x(row.finished) if row.finished else None,
        progress=round(width * (row.percent_complete or 0) / 100, 1) if not row.finished else 0.0,
    )


def _note(row: RoadmapRow, words: GanttWords) -> tuple[str, str]:
    """What is written after the bar: % complete of open work, days late (or early) against the
    plan, and its style."""
    parts = []
    if row.percent_complete is not None and not row.finished:
        parts.append(f"{row.percent_complete}%")
    days = row.finished_late if row.finished else row.slip_days
    if days:
        parts.append(words.days.format(days=f"{days:+d}"))
    css = "" if not days else ("late" if days > 0 else "early")
    return " · ".join(parts), css


def _short(text: str, room: int) -> str:
    """`text` cut to `room` characters with an ellipsis (the full text stays in the title)."""
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


NO_DATES_ANCHOR = 64.0  # right of the "no dates" note: where a dateless row's arrows attach


def _bar(row: RoadmapRow, y: float, view: JoinedRoadmap, scale: _Scale, words: GanttWords) -> Bar:
    x, width = _extent(row, scale, view.today)
    marks = tuple(scale.x(m.date) for m in row.milestones)
    milestones = tuple(
        (
            scale.x(m.date),
            words.milestone.format(label=row.label, name=m.name, date=m.date.isoformat()),
        )
        for m in row.milestones
    )
    sublabel = view.group_label(row.group) if row.group else (words.missing if row.missing else "")
    span = (min(marks), max(marks)) if marks and not width else None
    plan = _plan_marks(row, scale, width)
    mark = plan.finish_x or plan.baseline_x  # a row known only by its plan's dates
    end = x + width if width else (max(marks) if marks else mark or scale.left + NO_DATES_ANCHOR)
    note, note_css = _note(row, words)
    return Bar(
        activity=row.activity,
        y=y,
        label=_short(row.label, LABEL_CHARS - len(sublabel)),
        sublabel=sublabel,
        x=x,
        width=width,
        css=_css(row, view.today),
        text=_bar_text(row, view, words),
        milestones=milestones,
        end=end,
        span=span,
        note=note,
        note_css=note_css,
        plan=plan.plan,
        baseline_x=plan.baseline_x,
        slip=plan.slip,
        progress=plan.progress,
        finish_x=plan.finish_x,
    )


def _lane_title(sector: str, origin: str, shown: int, total: int, words: GanttWords) -> str:
    origin_words = {"maintained": words.maintained, "derived": words.derived}.get(origin, origin)
    title = words.lane.format(sector=sector_label(sector), origin=origin_words)
    if not total:
        return words.lane_empty.format(lane=title)
    if shown < total:
        return words.lane_cut.format(lane=title, shown=shown, total=total)
    return title


def _lanes(
    view: JoinedRoadmap, scale: _Scale, max_rows: int, words: GanttWords
) -> tuple[Lane, ...]:
    """One band per lane, at most `max_rows` bars each (a chart of thousands of bars helps
    nobody: the tables and exports keep every row)."""
    lanes: list[Lane] = []
    y = float(AXIS_HEIGHT)
    for lane in view.lanes:
        rows = lane.rows[:max_rows]
        title = _lane_title(lane.sector, lane.origin, len(rows), len(lane.rows), words)
        bars = tuple(
            _bar(row, y + LANE_HEADER + i * ROW_HEIGHT, view, scale, words)
            for i, row in enumerate(rows)
        )
        height = LANE_HEADER + max(len(rows), 1) * ROW_HEIGHT
        lanes.append(Lane(lane.sector, title, y, height, bars))
        y += height
    return tuple(lanes)


def _arrows(view: JoinedRoadmap, lanes: tuple[Lane, ...], words: GanttWords) -> tuple[Arrow, ...]:
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
        text = words.depends.format(activity=b.label, on=a.label) + why
        arrows.append(Arrow(path, text, edge.cross_sector))
    return tuple(arrows)


def gantt_layout(
    view: JoinedRoadmap, max_rows: int = MAX_ROWS, words: GanttWords = ENGLISH
) -> GanttLayout:
    """The geometry of the chart of `view` (see the module docstring for its promise)."""
    noted = any(_note(row, words)[0] for lane in view.lanes for row in lane.rows[:max_rows])
    scale = _scale(view, NOTE_ROOM if noted else 0)
    lanes = _lanes(view, scale, max_rows, words)
    height = int((lanes[-1].y + lanes[-1].height) if lanes else AXIS_HEIGHT) + 8
    count = sum(len(lane.bars) for lane in lanes)
    sectors = ", ".join(sector_label(lane.sector) for lane in view.lanes)
    first, last = scale.first, scale.last
    today_x = scale.x(view.today) if first <= view.today <= last else None
    return GanttLayout(
        width=WIDTH,
        height=height,
        chart_left=LABEL_WIDTH,
        chart_right=scale.right,
        lanes=lanes,
        ticks=_ticks(scale),
        arrows=_arrows(view, lanes, words),
        today_x=today_x,
        today=words.today.format(date=view.today.isoformat()),
        today_anchor="end" if today_x is not None and today_x > WIDTH - 140 else "start",
        title=words.title.format(subject=view.subject_label, sectors=sectors),
        description=words.description.format(
            count=count,
            first=first.isoformat(),
            last=last.isoformat(),
            today=view.today.isoformat(),
        ),
        no_dates=words.no_dates,
    )


def environment() -> Environment:
    """The Jinja2 environment of the report templates (autoescaped)."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2", "svg"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def gantt_svg(view: JoinedRoadmap, max_rows: int = MAX_ROWS, words: GanttWords = ENGLISH) -> str:
    """The chart of `view` as one `<svg>` element, ready to inline in a page."""
    chart = gantt_layout(view, max_rows, words)
    return environment().get_template("gantt.svg.j2").render(chart=chart)
