"""Domain objects ↔ dicts: exact round trips (hypothesis) and problems named by field."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intersector.domain import codec
from intersector.domain.errors import ValidationError
from intersector.domain.registry import (
    Activity,
    Dependency,
    Liaison,
    Milestone,
    Roadmap,
    RoadmapEntry,
    Subject,
)

text = st.text(max_size=20)
texts = st.lists(text, max_size=3).map(tuple)
dates = st.none() | st.dates(min_value=date(1865, 1, 1), max_value=date(2100, 12, 31))
milestones = st.builds(Milestone, name=text, date=st.dates())
activities = st.builds(
    Activity,
    id=text,
    sector=text,
    kind=text,
    identifier=text,
    title=text,
    subjects=texts,
    start=dates,
    target=dates,
    editors=texts,
    dependencies=st.lists(st.builds(Dependency, on=text, reason=text), max_size=2).map(tuple),
    milestones=st.lists(milestones, max_size=2).map(tuple),
    withdrawn=st.booleans(),
)
subjects = st.builds(
    Subject,
    id=text,
    labels=st.dictionaries(st.sampled_from(["en", "fr", "es"]), text),
    keywords=st.dictionaries(st.sampled_from(["en", "fr"]), texts),
)
roadmaps = st.builds(
    Roadmap,
    id=text,
    sector=text,
    subject=text,
    entries=st.lists(
        st.builds(
            RoadmapEntry, activity=text, milestones=st.lists(milestones, max_size=2).map(tuple)
        ),
        max_size=2,
    ).map(tuple),
)


@given(st.one_of(activities, subjects, roadmaps))
def test_to_dict_is_json_and_from_dict_gives_it_back(item: object) -> None:
    name = codec.item_type_of(item).name
    data = codec.to_dict(item)
    assert codec.from_dict(name, json.loads(json.dumps(data))) == item
    assert codec.from_stored(name, json.loads(json.dumps(data))) == item
    assert codec.from_dict(name, codec.to_dict(item, omit_defaults=True)) == item


def test_dates_are_iso_and_nested_values_are_dicts() -> None:
    activity = Activity(
        id="a",
        sector="itu-t",
        kind="question",
        identifier="Q1/13",
        title="t",
        target=date(2025, 6, 30),
        dependencies=(Dependency("b", "needs"),),
    )
    data = codec.to_dict(activity, omit_defaults=True)
    assert data["target"] == "2025-06-30"
    assert data["dependencies"] == [{"on": "b", "reason": "needs"}]
    assert "summary" not in data


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"id": "x", "from_group": "g"}, "title", "missing required field 'title'"),
        ({"id": "x", "from_group": "g", "title": "t", "colour": 1}, "colour", "unknown field"),
        ({"id": "x", "from_group": "g", "title": "t", "sent": "2024-13-01"}, "sent", "YYYY-MM-DD"),
        ({"id": "x", "from_group": "g", "title": "t", "sent": "1/2/2024"}, "sent", "YYYY-MM-DD"),
        ({"id": "x", "from_group": "g", "title": "t", "for_action": "g2"}, "for_action", "list"),
        ({"id": "x", "from_group": "g", "title": "t", "withdrawn": "maybe"}, "withdrawn", "true"),
    ],
)
def test_problems_name_the_field(data: dict[str, object], field: str, message: str) -> None:
    _item, problems = codec.decode(Liaison, data)
    assert [p.field for p in problems] == [field]
    assert message in problems[0].message


def test_nested_problems_name_the_path() -> None:
    data = {
        "id": "r",
        "sector": "itu-t",
        "subject": "imt",
        "entries": [{"activity": "a", "milestones": [{"name": "m", "date": "soon"}]}],
    }
    with pytest.raises(ValidationError) as caught:
        codec.from_dict("roadmap", data)
    assert caught.value.field == "entries[0].milestones[0].date"


def test_yaml_values_are_accepted() -> None:
    data = {"id": "x", "from_group": "g", "title": 2083, "sent": date(2024, 1, 2)}
    liaison = codec.from_dict("liaison", data)
    assert (liaison.title, liaison.sent) == ("2083", date(2024, 1, 2))


def test_types_by_singular_or_plural_name() -> None:
    assert codec.get_item_type("activities").name == "activity"
    assert codec.item_type_of(Subject(id="imt", labels={})).plural == "subjects"
    with pytest.raises(ValidationError, match="unknown item type 'widget'"):
        codec.get_item_type("widget")


def test_from_stored_falls_back_to_precise_errors() -> None:
    with pytest.raises(ValidationError) as caught:
        codec.from_stored("liaison", {"id": "x", "from_group": "g", "title": "t", "sent": "soon"})
    assert caught.value.field == "sent"
