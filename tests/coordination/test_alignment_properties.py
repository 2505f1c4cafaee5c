"""Property tests: the indexed checks agree with plain pairwise definitions on random small
registries, and the liaison threads partition the liaisons that have a root."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from intersector.coordination.alignment import (
    Registry,
    check_alignment,
    late_dependencies,
    past_targets,
)
from intersector.coordination.liaisons import threads
from intersector.domain.registry import (
    ACTIVITY_STATUSES,
    CLOSED_STATUSES,
    SECTORS,
    Activity,
    Dependency,
    Liaison,
)

TODAY = date(2025, 1, 15)
days = st.one_of(st.none(), st.integers(-800, 800).map(lambda n: TODAY + timedelta(days=n)))


@st.composite
def registries(draw: st.DrawFn) -> list[Activity]:
    n = draw(st.integers(1, 12))
    ids = [f"a{i}" for i in range(n)]
    return [
        Activity(
            id=ids[i],
            sector=draw(st.sampled_from(SECTORS)),
            kind="work-item",
            identifier=f"X.{i}",
            title=f"work {i}",
            subjects=tuple(draw(st.sets(st.sampled_from(["imt", "emc"]), max_size=2))),
            status=draw(st.sampled_from(ACTIVITY_STATUSES)),
            target=draw(days),
            withdrawn=draw(st.booleans()),
            dependencies=tuple(
                Dependency(on) for on in draw(st.sets(st.sampled_from([*ids, "unknown"])))
            ),
        )
        for i in range(n)
    ]


def _open(a: Activity) -> bool:
    return not a.withdrawn and a.status not in CLOSED_STATUSES


def _naive_late(activities: list[Activity]) -> set[tuple[str, str]]:
    return {
        (a.id, b.id)
        for a in activities
        for b in activities
        if any(d.on == b.id for d in a.dependencies)
        and a.sector != b.sector
        and _open(a)
        and _open(b)
        and a.target is not None
        and b.target is not None
        and b.target > a.target
    }


@settings(max_examples=100, deadline=None)
@given(registries())
def test_late_dependencies_agree_with_the_pairwise_definition(activities: list[Activity]) -> None:
    found = late_dependencies(Registry.of(activities))
    assert {(f.items[0], f.items[1]) for f in found} == _naive_late(activities)
    assert len(found) == len({f.items for f in found})


@settings(max_examples=100, deadline=None)
@given(registries())
def test_past_targets_and_sorting(activities: list[Activity]) -> None:
    late = {f.items[0] for f in past_targets(Registry.of(activities), TODAY)}
    assert late == {a.id for a in activities if _open(a) and a.target and a.target < TODAY}
    findings = check_alignment(Registry.of(activities), TODAY)
    ranks = [("high", "medium", "low").index(f.severity) for f in findings]
    assert ranks == sorted(ranks)
    for subject in ("imt", "emc"):
        assert set(check_alignment(Registry.of(activities), TODAY, subject)) <= set(findings)


@st.composite
def liaison_sets(draw: st.DrawFn) -> list[Liaison]:
    n = draw(st.integers(0, 10))
    ids = [f"ls{i}" for i in range(n)]
    return [
        Liaison(
            id=ids[i],
            from_group="itu-t-sg13",
            title=f"liaison {i}",
            replies_to=draw(st.sampled_from(["", "gone", *ids])),
            sent=draw(days),
        )
        for i in range(n)
    ]


@settings(max_examples=100, deadline=None)
@given(liaison_sets())
def test_threads_hold_each_liaison_at_most_once_and_follow_replies(
    liaisons: list[Liaison],
) -> None:
    found = threads(liaisons)
    seen = [li.id for t in found for li in t.liaisons]
    assert len(seen) == len(set(seen))
    by_id = {li.id: li for li in liaisons}
    for thread in found:
        assert thread.liaisons[0].id == thread.root
        assert by_id[thread.root].replies_to not in by_id
        for reply in thread.liaisons[1:]:
            assert reply.replies_to in {li.id for li in thread.liaisons}
    in_cycles = {
        li.id for li in liaisons if li.id not in seen
    }  # only liaisons whose reply chain loops without a root are left out
    for liaison_id in in_cycles:
        walked, current = set(), liaison_id
        while current in by_id and current not in walked:
            walked.add(current)
            current = by_id[current].replies_to
        assert current in walked
