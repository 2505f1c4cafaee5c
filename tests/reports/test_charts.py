"""The Gantt chart: geometry (lanes, bars, milestones, today, arrows) and its accessible SVG."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from xml.etree import ElementTree

from intersector.coordination.roadmap import JoinedRoadmap
from intersector.reports.charts import (
    LABEL_WIDTH,
    NO_DATES_ANCHOR,
    WIDTH,
    gantt_layout,
    gantt_svg,
)

SVG = "{http://www.w3.org/2000/svg}"


def test_layout_has_one_band_per_sector_and_one_bar_per_row(view: JoinedRoadmap) -> None:
    chart = gantt_layout(view)
    assert [lane.sector for lane in chart.lanes] == ["itu-r", "itu-t", "itu-d"]
    assert [len(lane.bars) for lane in chart.lanes] == [3, 1, 1]
    r = chart.lanes[0]
    assert r.title == "ITU-R — maintained roadmap"
    assert chart.lanes[1].title == "ITU-T — derived roadmap"
    m2160, q229, missing = r.bars
    assert (m2160.css, q229.css, missing.css) == ("done", "active", "missing")
    assert missing.width == 0  # no dates: no bar
    assert m2160.sublabel == "WP 5D"
    for lane in chart.lanes:
        for bar in lane.bars:
            assert LABEL_WIDTH <= bar.x <= WIDTH or bar.width == 0
            assert bar.x + bar.width <= WIDTH


def test_bars_run_from_start_to_target_in_date_order(view: JoinedRoadmap) -> None:
    chart = gantt_layout(view)
    m2160, q229, _ = chart.lanes[0].bars
    [y3101] = chart.lanes[1].bars
    assert m2160.x < y3101.x < q229.x  # starts 2021, 2022, 2023
    assert m2160.x + m2160.width < y3101.x + y3101.width < q229.x + q229.width
    assert y3101.css == "late"  # target 2024-06-30 passed, still active
    [q5_2] = chart.lanes[2].bars
    assert q5_2.css == "open-ended"  # start only: runs to today
    assert chart.today_x is not None
    assert abs(q5_2.x + q5_2.width - chart.today_x) < 1


def test_milestones_today_ticks_and_cross_sector_arrow(view: JoinedRoadmap) -> None:
    chart = gantt_layout(view)
    m2160, q229, _ = chart.lanes[0].bars
    [(x, text)] = m2160.milestones
    assert m2160.x < x < m2160.x + m2160.width
    assert text == "ITU-R M.2160: WP 5D agrees draft, 2023-06-21"
    assert [t.label for t in chart.ticks] == [str(y) for y in range(2021, 2029)]
    [arrow] = chart.arrows
    assert arrow.cross_sector
    assert arrow.text == "ITU-T Y.3101 depends on ITU-R 229/5 (IMT vision [and requirements])"
    assert arrow.path.startswith(f"M{q229.x + q229.width},")


def test_svg_is_well_formed_accessible_and_escaped(view: JoinedRoadmap) -> None:
    svg = gantt_svg(view)
    root = ElementTree.fromstring(svg)  # well-formed XML, titles escaped
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "gantt-title gantt-desc"
    assert root.find(f"{SVG}title").text == "Roadmap for IMT: ITU-R, ITU-T, ITU-D"
    assert "5 activities" in root.find(f"{SVG}desc").text
    bars = root.findall(f".//{SVG}rect[@class]")
    titled = [b for b in bars if b.get("class", "").startswith("bar ")]
    assert len(titled) == 4
    assert all(b.find(f"{SVG}title") is not None for b in titled)
    texts = [b.find(f"{SVG}title").text for b in titled]
    assert any('<& "quoted">' in t for t in texts)
    assert len(root.findall(f".//{SVG}path[@class='milestone']")) == 2
    assert root.find(f".//{SVG}g[@class='today']") is not None
    assert len(root.findall(f".//{SVG}path[@class='dep cross']")) == 1


def test_a_short_span_gets_quarter_ticks(view: JoinedRoadmap) -> None:
    short = replace(view, span=(date(2024, 1, 10), date(2025, 1, 15)))
    labels = [t.label for t in gantt_layout(short).ticks]
    assert labels == ["Jan 2024", "Apr 2024", "Jul 2024", "Oct 2024", "Jan 2025"]


def test_rows_known_only_by_milestones_get_a_line_and_carry_arrows(view: JoinedRoadmap) -> None:
    r, t, d = view.lanes
    undated = [replace(row, start=None, target=None) for row in r.rows]
    y3101 = replace(t.rows[0], start=None, target=None, milestones=(r.rows[0].milestones[0],))
    odd = replace(view, lanes=(replace(r, rows=tuple(undated)), replace(t, rows=(y3101,)), d))
    chart = gantt_layout(odd)
    m2160, q229, missing = chart.lanes[0].bars
    assert m2160.width == 0 and m2160.span == (m2160.milestones[0][0], m2160.milestones[0][0])
    assert q229.span is not None and q229.end == q229.span[1]  # one milestone: WRC-27
    # no date at all: its arrows attach beside its "no dates" note (drawn, not only hovered)
    assert missing.span is None and missing.end == LABEL_WIDTH + NO_DATES_ANCHOR
    [arrow] = chart.arrows  # Y.3101 (its one milestone) needs 229/5 (its milestone)
    assert arrow.path.startswith(f"M{q229.end},")
    svg = gantt_svg(odd)
    assert svg.count('class="span ') == 3 and "no dates" in svg


def test_today_label_stays_inside_the_chart(view: JoinedRoadmap) -> None:
    assert gantt_layout(view).today_anchor == "start"
    late = replace(view, today=date(2027, 12, 1))
    assert gantt_layout(late).today_anchor == "end"


def test_a_long_lane_is_cut_and_says_so(view: JoinedRoadmap) -> None:
    chart = gantt_layout(view, max_rows=2)
    assert [len(lane.bars) for lane in chart.lanes] == [2, 1, 1]
    assert chart.lanes[0].title == (
        "ITU-R — maintained roadmap (first 2 of 3 activities; all are in the tables)"
    )
    assert "first 2 of 3" in gantt_svg(view, max_rows=2)


def test_plan_against_actual_and_slips(planned: JoinedRoadmap) -> None:
    """Question 229/5 slipped from its baseline (2026-06-30) to 2027-12-31 at 40%: a plan bar
    from start to baseline, the slip hatched from baseline to target, a 40% stripe, "+549 d" in
    red after the bar. M.2160 finished 153 days after its plan: the bar ends at the finish."""
    chart = gantt_layout(planned)
    m2160, q229, _ = chart.lanes[0].bars
    assert q229.plan is not None and q229.baseline_x is not None and q229.slip is not None
    assert q229.plan == (q229.x, q229.baseline_x)
    assert q229.slip == (q229.baseline_x, q229.x + q229.width)
    assert q229.progress == round(q229.width * 0.4, 1)
    assert (q229.note, q229.note_css) == ("40% · +549 d", "late")
    assert "baseline target 2026-06-30; slip +549 days; 40% complete" in q229.text
    assert m2160.finish_x == m2160.x + m2160.width and m2160.progress == 0
    assert (m2160.note, m2160.note_css) == ("+153 d", "late")
    root = ElementTree.fromstring(gantt_svg(planned))
    classes = {e.get("class") for e in root.iter()}
    assert {"plan", "slip", "progress", "baseline", "finish", "note late"} <= classes


def test_the_words_come_from_a_catalogue(planned: JoinedRoadmap) -> None:
    from intersector.reports.charts import GanttWords

    french = {"gantt.today": "aujourd'hui {date}", "gantt.days": "{days} j", "gantt.title": ""}
    words = GanttWords.from_catalogue(lambda key: french.get(key, key))
    assert words.title == GanttWords().title  # an empty or absent message keeps English
    chart = gantt_layout(planned, words=words)
    assert chart.today == "aujourd'hui 2025-01-15"
    assert chart.lanes[0].bars[1].note == "40% · +549 j"
