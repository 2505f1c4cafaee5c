"""domain/document_json.py: the JSON contract round-trips exactly, refuses what is no document."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intersector.domain.document_json import FORMAT, document_from_dict, document_to_dict
from intersector.domain.documents import (
    Action,
    Annex,
    Clause,
    Document,
    Event,
    Footnote,
    Metadata,
    Part,
    Reference,
    Section,
)
from intersector.domain.errors import ValidationError

text = st.text(max_size=20)
texts = st.lists(text, max_size=3).map(tuple)
events = st.builds(Event, text, st.integers(min_value=-5, max_value=3000), text)
clauses = st.recursive(
    st.builds(Clause, text, text, texts),
    lambda kids: st.builds(Clause, text, text, texts, st.lists(kids, max_size=2).map(tuple)),
    max_leaves=6,
)
parts = st.recursive(
    st.builds(Part, text, text, text),
    lambda kids: st.builds(Part, text, text, text, st.lists(kids, max_size=2).map(tuple)),
    max_leaves=6,
)
sections = st.builds(Section, text, text, st.lists(clauses, max_size=3).map(tuple), text, texts)
documents = st.builds(
    Document,
    id=text,
    kind=text,
    body=text,
    number=text,
    language=text,
    title=text,
    revision=st.none() | events,
    history=st.lists(events, max_size=3).map(tuple),
    foreword=text,
    preamble=st.lists(sections, max_size=2).map(tuple),
    operative=st.lists(sections, max_size=2).map(tuple),
    parts=st.lists(parts, max_size=2).map(tuple),
    annexes=st.lists(
        st.builds(Annex, text, text, text, st.lists(parts, max_size=2).map(tuple)), max_size=2
    ).map(tuple),
    footnotes=st.lists(st.builds(Footnote, text, text, text), max_size=2).map(tuple),
    references=st.lists(
        st.builds(Reference, text, text, text, text, text, st.none() | events), max_size=2
    ).map(tuple),
    actions=st.lists(st.builds(Action, text, text, texts, text), max_size=2).map(tuple),
    metadata=st.builds(Metadata, st.lists(st.tuples(text, text), max_size=3).map(tuple)),
    boilerplate=texts,
    warnings=texts,
    source=text,
)


@settings(max_examples=150)
@given(documents)
def test_round_trip_is_exact(doc: Document) -> None:
    data = document_to_dict(doc)
    assert document_from_dict(data) == doc
    assert document_from_dict(json.loads(json.dumps(data))) == doc


def minimal() -> dict[str, Any]:
    return {
        "id": "wtsa-res-57",
        "kind": "resolution",
        "body": "wtsa",
        "number": "57",
        "language": "en",
    }


def test_keys_in_documented_order() -> None:
    data = document_to_dict(document_from_dict(minimal()))
    assert list(data) == [
        "format", "id", "kind", "body", "number", "language", "revision", "history", "title",
        "parent", "approved", "summary", "keywords", "editions", "cover",
        "foreword", "preamble", "operative", "parts", "annexes", "footnotes", "references",
        "actions", "metadata", "boilerplate", "tables", "warnings", "source",
    ]  # fmt: skip
    assert data["format"] == FORMAT and data["revision"] is None and data["preamble"] == []


def test_optional_keys_default() -> None:
    doc = document_from_dict(minimal())
    assert doc == Document("wtsa-res-57", "resolution", "wtsa", "57", "en")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": None}, "id"),
        ({"language": 3}, "language"),
        ({"history": {}}, "history"),
        ({"history": [{"place": "Dubai", "year": "2012"}]}, "history[0].year"),
        ({"revision": {"place": "Dubai", "year": True}}, "revision.year"),
        (
            {"preamble": [{"function": "considering", "clauses": [{"label": 1}]}]},
            "preamble[0].clauses[0].label",
        ),
        ({"operative": ["resolves"]}, "operative[0]"),
        ({"warnings": ["ok", 2]}, "warnings"),
        ({"metadata": [{"value": "x"}]}, "metadata[0].name"),
        ({"format": "other/9"}, "format"),
    ],
)
def test_bad_values_name_the_field(change: dict[str, Any], field: str) -> None:
    data = minimal() | change
    with pytest.raises(ValidationError) as caught:
        document_from_dict(data)
    assert caught.value.field == field
    assert repr(field) in str(caught.value)


def test_not_an_object() -> None:
    with pytest.raises(ValidationError):
        document_from_dict([])  # type: ignore[arg-type]
