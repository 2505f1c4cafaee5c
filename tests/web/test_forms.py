"""The edit form's text forms of lists and nested lists: what is shown reads back the same."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intersector.domain.errors import ValidationError
from intersector.domain.registry import Milestone, Roadmap, RoadmapEntry
from intersector.web import i18n
from intersector.web.forms import _line, _rows, form_fields, item_from_form

TEXT = (
    st.text(
        st.characters(blacklist_characters="|;=\n\r", blacklist_categories=("Cs", "Cc")),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)
ENTRIES = st.lists(
    st.builds(
        RoadmapEntry,
        activity=TEXT,
        milestones=st.lists(
            st.builds(Milestone, name=TEXT, date=st.dates(date(2000, 1, 1))), max_size=3
        ).map(tuple),
        note=st.one_of(st.just(""), TEXT),
    ),
    max_size=4,
).map(tuple)


@given(ENTRIES)
def test_roadmap_entries_read_back_from_their_lines(entries: tuple[RoadmapEntry, ...]) -> None:
    roadmap = Roadmap("itu-t-imt", "itu-t", "imt", entries=entries)
    shown = {f.name: f.value for f in form_fields(roadmap)}
    assert item_from_form(roadmap, shown) == roadmap


@given(st.text(max_size=80))
def test_any_text_is_rows_or_an_error_naming_the_field(text: str) -> None:
    try:
        rows = _rows(text, ("activity", "note", "milestones"), "entries")
    except ValidationError as error:
        assert error.field == "entries" and error.message.startswith("line ")
    else:
        assert all(set(row) <= {"activity", "note", "milestones"} for row in rows)


def test_a_line_with_too_many_parts_is_refused() -> None:
    with pytest.raises(ValidationError, match="line 2: 3 parts"):
        _rows("a | b\nc | d | e", ("on", "reason"), "dependencies")
    assert _line({"on": "a", "reason": ""}, ("on", "reason")) == "a"


@given(st.text(max_size=60), st.one_of(st.none(), st.text(max_size=5)))
def test_language_negotiation_never_fails(header: str, cookie: str | None) -> None:
    assert i18n.negotiate(cookie, header) in i18n.LANGUAGES


def test_the_plan_of_a_work_item_reads_back_from_the_form() -> None:
    """Stage is a choice that may stay empty, % complete a bounded number, the plan's dates are
    dates: what the form shows reads back the same, and an emptied field is "not recorded"."""
    from intersector.domain.registry import ACTIVITY_STAGES, Activity

    item = Activity(
        "itu-r-imt-2030-req",
        "itu-r",
        "report",
        "M.[IMT-2030.TECH PERF REQ]",
        "Minimum requirements",
        start=date(2023, 6, 1),
        target=date(2026, 6, 1),
        baseline_target=date(2025, 12, 1),
        percent_complete=40,
        stage="draft",
        period="IMT-2030",
    )
    fields = {f.name: f for f in form_fields(item)}
    assert fields["stage"].widget == "select" and fields["stage"].choices == ("", *ACTIVITY_STAGES)
    assert (fields["percent_complete"].widget, fields["percent_complete"].choices) == (
        "number",
        ("0", "100"),
    )
    assert fields["baseline_target"].widget == fields["finished"].widget == "date"
    shown = {name: f.value for name, f in fields.items()}
    assert item_from_form(item, shown) == item
    cleared = item_from_form(item, shown | {"stage": "", "percent_complete": "", "finished": ""})
    assert (cleared.stage, cleared.percent_complete, cleared.finished) == ("", None, None)
    assert item_from_form(item, shown | {"percent_complete": "65"}).percent_complete == 65
