"""The JSON outputs (`parse`, `check`, `overlaps`, `subjects`, `roadmap`) stay valid JSON
whatever the text holds (issue 8): control characters, C1 controls, bidi overrides, line and
paragraph separators and lone surrogates all come back from `json.loads` as they went in, and
the text encodes to UTF-8 (a lone surrogate made `print` fail midway)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from intersector.coordination.alignment import Finding
from intersector.reports import json_text
from intersector.reports.outline import documents_json
from intersector.reports.roadmap_json import findings_json
from intersector.texts.parse import parse_document
from intersector.texts.readers import read_text

HOSTILE = ["\ud800", "\udfff", "\ud83d", "\x00", "\x1b[2J", "\x7f", "\x85", "\x9b", "\u202e"]
HOSTILE += ["\u2028", "\u2029", '"', "\\", "\ufeff", "\U0001f600"]
TEXT = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=5)).map("".join)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)


def joined(value: Any) -> Any:
    """`value` as JSON reads it back: a high surrogate followed by a low one, two code points in
    a Python string, are one character once escaped (`\\ud83d\\ude00` is 😀), as with
    `json.dumps`'s own ASCII escapes."""
    if isinstance(value, str):
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    if isinstance(value, list):
        return [joined(v) for v in value]
    if isinstance(value, dict):
        return {joined(k): joined(v) for k, v in value.items()}
    return value


def valid(text: str) -> Any:
    text.encode("utf-8")  # writable to any UTF-8 output
    return json.loads(text)


@given(VALUES, st.sampled_from([None, 1, 2]))
def test_any_value_round_trips(value: Any, indent: int | None) -> None:
    assert valid(json_text.dumps(value, indent=indent)) == joined(value)


@given(TEXT)
def test_findings_json_is_valid_whatever_the_explanation(text: str) -> None:
    finding = Finding("no-counterpart", "warning", (text,), ("itu-t",), text, subject=text)
    data = valid(findings_json([finding], date(2025, 1, 15)))
    assert data["findings"][0]["explanation"] == joined(text)
    assert data["findings"][0]["items"] == [joined(text)]


RES57 = Path(__file__).resolve().parents[1] / "data" / "texts" / "wtsa-res-57-en.txt"


@given(TEXT)
def test_parse_json_is_valid_whatever_the_title(text: str) -> None:
    """orjson (the fast path) refuses lone surrogates: the output falls back, still valid."""
    document = parse_document(read_text(RES57), source=str(RES57))
    changed = dataclasses.replace(document, title=text)
    assert valid(documents_json([changed], as_list=False))["title"] == joined(text)
    assert valid(documents_json([changed, document], as_list=True))[0]["title"] == joined(text)
