"""Roadmaps: a Sector's lane maintained or derived, and the joined view of the three Sectors."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.builders import activity, group, mechanism, roadmap, subject

from intersector.coordination.roadmap import (
    DERIVED,
    MAINTAINED,
    activity_label,
    derive_roadmap,
    group_label,
    join_roadmaps,
    sector_label,
    sector_of_group,
)
from intersector.domain.registry import (
    Dependency,
    Group,
    Liaison,
    Mechanism,
    Milestone,
    RoadmapEntry,
)

TODAY = date(2025, 1, 15)

M2083 = activity("itu-r-rec-m.2083")
M2160 = activity("itu-r-rec-m.2160")
Y3101 = activity(
    "itu-t-rec-y.3101",
    start=date(2016, 5, 1),
    target=date(2018, 1, 1),
    dependencies=(
        Dependency("itu-r-rec-m.2083", "IMT-2020 vision"),
        Dependency("itu-t-rec-y.3100", "terms"),
    ),
)
Y3100 = activity(
    "itu-t-rec-y.3101",
    id="itu-t-rec-y.3100",
    identifier="Y.3100",
    title="Terms and definitions for IMT-2020",
    start=date(2016, 5, 1),
    target=date(2017, 9, 1),
    dependencies=(),
)
Q1_1 = activity("itu-d-q1-1", title="Broadband")
WITHDRAWN = replace(Y3100, id="itu-t-old", identifier="Y.old", withdrawn=True)
ACTIVITIES = (M2160, Y3101, M2083, Y3100, Q1_1, WITHDRAWN)

IMT = subject("imt")
ROADMAP_R = roadmap(
    "itu-r-imt",
    RoadmapEntry("itu-r-rec-m.2160", (Milestone("Approval", date(2023, 11, 30)),), "IMT-2030"),
    "itu-r-rec-m.2083",
    "itu-r-rec-m.2160",  # a duplicate entry shows once
    RoadmapEntry("itu-r-rec-m.9999", note="planned"),
)
LS = Liaison(
    "itu-t-sg13-ls-1",
    "itu-t-sg13",
    "IMT-2020 network",
    for_action=("itu-r-wp5d",),
    sent=date(2017, 3, 1),
    activities=("itu-t-rec-y.3101",),
)
LS_OTHER = replace(LS, id="itu-d-ls", activities=("itu-d-q1-1",))
JTG = mechanism("jtg-4-5-6-7", members=())
OTHER_MECHANISM = Mechanism("ietf", "rapporteur-group", "Other", subjects=("emc",))


def test_derived_lane_takes_the_sectors_tagged_activities_in_date_order() -> None:
    lane = derive_roadmap("itu-t", "imt", ACTIVITIES)
    assert lane.origin == DERIVED
    assert [r.identifier for r in lane.rows] == ["Y.3100", "Y.3101"]  # same start, earlier target
    assert lane.rows[1].label == "ITU-T Y.3101"


def test_joined_view_uses_the_maintained_roadmap_and_derives_the_others() -> None:
    view = join_roadmaps(IMT, [ROADMAP_R], ACTIVITIES, [LS], [JTG], TODAY)
    assert [lane.sector for lane in view.lanes] == ["itu-r", "itu-t", "itu-d"]
    r, t, d = view.lanes
    assert (r.origin, t.origin, d.origin) == (MAINTAINED, DERIVED, DERIVED)
    assert r.roadmap_id == "itu-r-imt"
    assert [row.activity for row in r.rows] == [
        "itu-r-rec-m.2160",
        "itu-r-rec-m.2083",
        "itu-r-rec-m.9999",
    ]
    first = r.rows[0]
    assert first.note == "IMT-2030"
    assert [m.name for m in first.milestones] == ["WP 5D agrees draft", "Approval"]
    assert r.rows[2].missing and r.rows[2].note == "planned"
    assert d.rows == ()
    assert view.subject == "imt" and view.subject_label == "IMT"


def test_joined_view_has_dependencies_liaisons_mechanisms_and_span() -> None:
    view = join_roadmaps(
        IMT, [ROADMAP_R], ACTIVITIES, [LS, LS_OTHER], [JTG, OTHER_MECHANISM], TODAY
    )
    edges = {(e.activity, e.on): e for e in view.dependencies}
    cross = edges[("itu-t-rec-y.3101", "itu-r-rec-m.2083")]
    assert cross.cross_sector and cross.shown and cross.on_sector == "itu-r"
    same = edges[("itu-t-rec-y.3101", "itu-t-rec-y.3100")]
    assert not same.cross_sector and same.shown
    assert [li.id for li in view.liaisons] == ["itu-t-sg13-ls-1"]
    assert [m.id for m in view.mechanisms] == ["jtg-4-5-6-7"]
    assert view.span == (date(2012, 2, 1), TODAY)


def test_joined_view_for_one_sector_and_a_subject_without_work() -> None:
    view = join_roadmaps("imt", [], ACTIVITIES, [], [], TODAY, sectors=["itu-t"])
    assert [lane.sector for lane in view.lanes] == ["itu-t"]
    assert view.lane("itu-r") is None
    empty = join_roadmaps("emc", [], ACTIVITIES, [], [], TODAY)
    assert empty.rows() == () and empty.span == (TODAY, TODAY)


def test_a_withdrawn_roadmap_gives_way_to_the_derived_lane() -> None:
    view = join_roadmaps("imt", [replace(ROADMAP_R, withdrawn=True)], ACTIVITIES, [], [], TODAY)
    lane = view.lane("itu-r")
    assert lane is not None and lane.origin == DERIVED
    assert [row.identifier for row in lane.rows] == ["M.2083", "M.2160"]


def test_labels_of_sectors_and_groups() -> None:
    groups = {"itu-r-wp5d": Group("itu-r-wp5d", "itu-r", "working-party", "WP 5D", "WP 5D")}
    assert sector_label("itu-d") == "ITU-D"
    assert activity_label("itu-t", "Y.3101") == "ITU-T Y.3101"
    assert activity_label("itu-r", "Question ITU-R 229/5") == "Question ITU-R 229/5"
    assert group_label("itu-r-wp5d", groups) == "WP 5D"
    assert group_label("itu-t-sg13") == "SG13"
    assert group_label("tsag") == "TSAG"
    assert sector_of_group("tdag") == "itu-d"
    assert sector_of_group("itu-r-sg5") == "itu-r"
    assert sector_of_group("3gpp") == ""


def test_replies_to_shown_liaisons_join_the_view_and_groups_get_their_labels() -> None:
    reply = Liaison("itu-r-wp5d-ls-7", "itu-r-wp5d", "Reply", replies_to=LS.id, sent=TODAY)
    reply_of_reply = replace(reply, id="itu-t-sg13-ls-8", replies_to=reply.id)
    unrelated = replace(reply, id="x", replies_to="nothing")
    wp5d = group("itu-r-wp5d")
    liaisons = [reply_of_reply, unrelated, reply, LS]
    view = join_roadmaps(IMT, [], ACTIVITIES, liaisons, [], TODAY, groups=[wp5d])
    assert [li.id for li in view.liaisons] == [LS.id, reply.id, reply_of_reply.id]
    assert view.group_label("itu-r-wp5d") == "WP 5D"
    assert view.group_label("itu-t-sg13") == "SG13"
    assert view.group_labels["itu-r-wp5d"] == "WP 5D"
