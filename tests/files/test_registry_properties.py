"""Property tests of the registry file formats: whatever the text in the fields (separators,
quotes, new lines, accents, YAML-looking words), export then load gives the same items back."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intersector.domain.ids import make_id
from intersector.domain.registry import (
    ACTIVITY_KINDS,
    ACTIVITY_STATUSES,
    Activity,
    Milestone,
    Subject,
)
from intersector.files.registry import export_registry, load_paths

# Any printable text plus tabs and new lines; separators and YAML words made likely.
characters = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029"
)
free = st.text(characters | st.sampled_from(list('\t\n; [",')), max_size=12)
tricky = st.sampled_from(
    ["a; b", "; ", "on", "yes", "no", "null", "~", "2024-01-01", "12", "1.5", "[x]", " "]
)
text = free | tricky
required = text.filter(lambda t: t != "")
texts = st.lists(text, max_size=3).map(tuple)
# Ids follow the id rules (domain/ids.py): the registry rules refuse any other.
ids = st.from_regex(r"[a-z0-9]([a-z0-9.-]{0,10}[a-z0-9])?", fullmatch=True).filter(
    lambda t: make_id(t) == t
)
dates = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))

activities = st.builds(
    Activity,
    id=ids,
    sector=st.sampled_from(["itu-r", "itu-t", "itu-d"]),
    kind=st.sampled_from(ACTIVITY_KINDS),
    identifier=required,
    title=required,
    summary=text,
    language=text,
    status=st.sampled_from(ACTIVITY_STATUSES),
    start=dates,
    target=dates,
    editors=texts,
    equivalents=texts,
    documents=texts,
    milestones=st.lists(st.builds(Milestone, name=text, date=st.dates()), max_size=2).map(tuple),
    source=text,
    withdrawn=st.booleans(),
).filter(lambda a: not (a.start and a.target and a.target < a.start))
subjects = st.builds(
    Subject,
    id=ids,
    labels=st.dictionaries(st.sampled_from(["en", "fr", "es"]), text, max_size=3),
    keywords=st.dictionaries(st.sampled_from(["en", "fr", "es"]), texts, max_size=3),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(activities, max_size=4, unique_by=lambda a: a.id),
    st.lists(subjects, max_size=2, unique_by=lambda s: s.id),
    st.sampled_from(["yaml", "json", "csv"]),
)
def test_export_then_load_is_exact(acts: list[Activity], subs: list[Subject], fmt: str) -> None:
    registry: dict[str, list[object]] = {"activity": list(acts), "subject": list(subs)}
    with tempfile.TemporaryDirectory() as folder:
        export_registry(registry, fmt, Path(folder))
        result = load_paths([folder])
    assert result.errors == []
    loaded: dict[str, list[object]] = {"activity": [], "subject": []}
    for item in result.items:
        loaded["activity" if isinstance(item, Activity) else "subject"].append(item)
    assert loaded == registry
