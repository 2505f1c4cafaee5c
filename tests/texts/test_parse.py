"""texts/parse.py: the reader end to end, pinned on the three seed texts (issue 2, "Done when")
and on the golden files `tests/data/texts/*.expected.json`.

Set INTERSECTOR_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change (then
review the diff)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intersector.domain.document_json import document_from_dict, document_to_dict
from intersector.domain.documents import Document, Event
from intersector.domain.errors import IntersectorError, UnknownTextError
from intersector.texts.parse import debug_segments, parse_document

DATA = Path(__file__).parent.parent / "data" / "texts"
GOLDEN = sorted(p.with_suffix("").name for p in DATA.glob("*.txt"))


def parse(name: str) -> Document:
    return parse_document((DATA / f"{name}.txt").read_text(encoding="utf-8"), source=f"{name}.txt")


@pytest.fixture(scope="module")
def res57en() -> Document:
    return parse("wtsa-res-57-en")


@pytest.fixture(scope="module")
def res57fr() -> Document:
    return parse("wtsa-res-57-fr")


@pytest.fixture(scope="module")
def res57es() -> Document:
    return parse("wtsa-res-57-es")


@pytest.fixture(scope="module")
def res57ru() -> Document:
    return parse("wtsa-res-57-ru")  # own renderings in ITU's layout (tests/data/texts/README.md)


@pytest.fixture(scope="module")
def res57ar() -> Document:
    return parse("wtsa-res-57-ar")


@pytest.fixture(scope="module")
def res57zh() -> Document:
    return parse("wtsa-res-57-zh")


@pytest.fixture(scope="module")
def res38() -> Document:
    return parse("wtsa-res-38-en")


@pytest.mark.parametrize("name", GOLDEN)
def test_golden(name: str) -> None:
    """The parse of each fixture text equals its golden JSON, which reads back to it."""
    doc = parse(name)
    golden = DATA / f"{name}.expected.json"
    produced = document_to_dict(doc)
    if os.environ.get("INTERSECTOR_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(produced, ensure_ascii=False, indent=2) + "\n", "utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert produced == expected
    assert document_from_dict(expected) == doc


@pytest.mark.parametrize(
    "fixture", ["res57en", "res57fr", "res57es", "res57ru", "res57ar", "res57zh"]
)
def test_res57_identity(fixture: str, request: pytest.FixtureRequest) -> None:
    doc: Document = request.getfixturevalue(fixture)
    assert (doc.id, doc.kind, doc.body, doc.number) == ("wtsa-res-57", "resolution", "wtsa", "57")
    assert (doc.revision.place, doc.revision.year) == ("Dubai", 2012)  # type: ignore[union-attr]
    assert [(e.place, e.year) for e in doc.history] == [("Johannesburg", 2008), ("Dubai", 2012)]
    assert "\n" not in doc.title and len(doc.title) > 25  # (en, fr, es, ru, ar: two lines joined)


def test_res57_titles_and_languages(
    res57en: Document, res57fr: Document, res57es: Document
) -> None:
    assert (res57en.language, res57fr.language, res57es.language) == ("en", "fr", "es")
    assert res57es.revision == Event("Dubai", 2012, "Dubái")
    assert res57es.history[0] == Event("Johannesburg", 2008, "Johannesburgo")
    assert res57es.boilerplate[0].startswith("# Test transcription")
    assert res57en.title == (
        "Strengthening coordination and cooperation among the three ITU Sectors"
        " on matters of mutual interest"
    )
    assert res57fr.title.endswith("de l'UIT sur des questions d'intérêt mutuel")
    assert res57fr.revision == Event("Dubai", 2012, "Dubaï")


@pytest.mark.parametrize("fixture", ["res57en", "res57fr", "res57es"])
def test_res57_foreword_kept_apart(fixture: str, request: pytest.FixtureRequest) -> None:
    doc: Document = request.getfixturevalue(fixture)
    assert "ITU-T" in doc.foreword or "UIT-T" in doc.foreword
    assert not any(h in doc.foreword for h in ("FOREWORD", "AVANT-PROPOS", "PREFACIO"))
    texts = [c.text for s in doc.preamble + doc.operative for c in s.clauses]
    assert not any(w in t for t in texts for w in ("four years", "quatre ans", "cuatro años"))


@pytest.mark.parametrize("fixture", ["res57en", "res57fr", "res57es"])
def test_res57_structure(fixture: str, request: pytest.FixtureRequest) -> None:
    doc: Document = request.getfixturevalue(fixture)
    assert [s.function for s in doc.preamble] == [
        "considering",
        "recognizing",
        "taking-into-account",
    ]
    assert [len(s.clauses) for s in doc.preamble] == [2, 3, 2]
    assert [[c.label for c in s.clauses] for s in doc.preamble] == [
        ["a)", "b)"],
        ["a)", "b)", "c)"],
        ["a)", "b)"],
    ]
    assert [s.function for s in doc.operative] == ["resolves"]
    assert [c.label for c in doc.operative[0].clauses] == ["1", "2"]


@pytest.mark.parametrize(
    ("fixture", "anchor"),
    [
        ("res57en", "developing countries"),
        ("res57fr", "pays en développement"),
        ("res57es", "países en desarrollo"),
    ],
)
def test_res57_footnote_attached(fixture: str, anchor: str, request: pytest.FixtureRequest) -> None:
    doc: Document = request.getfixturevalue(fixture)
    recognizing_a = doc.preamble[1].clauses[0]
    assert recognizing_a.footnotes == ("1",)
    assert [f.label for f in doc.footnotes] == ["1"]
    assert doc.footnotes[0].anchor == anchor
    assert doc.footnotes[0].text.split()[-1] in ("transition.", "transición.")
    assert "[" not in recognizing_a.text and "footnote" not in recognizing_a.text
    assert all(
        not c.footnotes for s in doc.preamble[1:] for c in s.clauses if c is not recognizing_a
    )


@pytest.mark.parametrize("fixture", ["res57en", "res57fr", "res57es"])
def test_res57_actions(fixture: str, request: pytest.FixtureRequest) -> None:
    doc: Document = request.getfixturevalue(fixture)
    assert [(a.clause, a.verb, a.addressees) for a in doc.actions] == [
        ("resolves 1", "invite", ("rag", "tsag", "tdag")),
        ("resolves 2", "invite", ("br-director", "tsb-director", "bdt-director")),
    ]


@pytest.mark.parametrize("fixture", ["res57en", "res57fr", "res57es"])
def test_res57_references(fixture: str, request: pytest.FixtureRequest) -> None:
    doc: Document = request.getfixturevalue(fixture)
    assert [r.id for r in doc.references] == ["wtdc-res-5", "pp-res-123"]
    wtdc, pp = doc.references
    assert wtdc.revision == Event("Hyderabad", 2010, "Hyderabad")
    assert pp.revision is not None and pp.revision.place == "Guadalajara"
    assert wtdc.text.startswith(
        ("Resolution 5 (Rev. Hyderabad, 2010) of the World", "Résolution 5", "Resolución 5")
    )


def test_res38_identity(res38: Document) -> None:
    assert (res38.id, res38.body, res38.language) == ("wtsa-res-38", "wtsa", "en")
    assert [(e.place, e.year) for e in res38.history] == [
        ("Montreal", 2000),
        ("Florianópolis", 2004),
        ("Johannesburg", 2008),
        ("Dubai", 2012),
    ]
    assert res38.title.startswith("Coordination among the three ITU Sectors")


def test_res38_structure(res38: Document) -> None:
    considering, noting = res38.preamble
    assert [c.label for c in considering.clauses] == [f"{x})" for x in "abcdefghij"]
    assert [c.label for c in noting.clauses] == [f"{x})" for x in "abcdef"]
    assert considering.clauses[5].footnotes == ("1",)
    resolves, instructs, encourages = res38.operative
    assert [c.label for c in resolves.clauses] == ["1", "2"]
    assert (instructs.function, len(instructs.clauses), instructs.addressees) == (
        "instructs",
        1,
        ("tsb-director",),
    )
    assert instructs.addressee == "the Director of the Telecommunication Standardization Bureau"
    assert (encourages.function, len(encourages.clauses)) == ("encourages", 1)
    assert encourages.addressees == ("br-director", "tsb-director", "bdt-director")


def test_res38_references(res38: Document) -> None:
    ids = {r.id for r in res38.references}
    expected = {
        "itu-r-res-47-2",
        "itu-r-res-50-2",
        "itu-r-res-56-1",
        "itu-r-res-57-1",
        "itu-r-res-17-4",
        "wtdc-res-43",
        "wtdc-res-59",
        "wtsa-res-18",
        "itu-t-rec-a.4",
        "itu-t-rec-a.5",
        "itu-t-rec-a.6",
    }
    assert expected <= ids
    assert len(ids) == len(res38.references)
    wtsa18 = next(r for r in res38.references if r.id == "wtsa-res-18")
    assert wtsa18.text == "Resolution 18 (Rev. Dubai, 2012) of this assembly"


def test_res38_actions(res38: Document) -> None:
    by_clause = {a.clause: a for a in res38.actions}
    assert list(by_clause) == ["resolves 1", "resolves 2", "instructs", "encourages"]
    assert by_clause["instructs"].addressees == ("tsb-director",)
    assert by_clause["instructs"].verb == "instruct"
    assert by_clause["encourages"].addressees == ("br-director", "tsb-director", "bdt-director")
    assert by_clause["resolves 1"].addressees == ("itu-t",)


def test_no_warnings_on_seeds(
    res57en: Document, res57fr: Document, res57es: Document, res38: Document
) -> None:
    assert res57en.warnings == res57fr.warnings == res57es.warnings == res38.warnings == ()


def test_unknown_text_names_source_and_line() -> None:
    with pytest.raises(UnknownTextError) as caught:
        parse_document("\n\nJust some words.\nNothing more.", source="notes.txt")
    assert caught.value.source == "notes.txt" and caught.value.line == 3
    assert "notes.txt, line 3" in str(caught.value)


def test_lenient_gives_best_effort_with_warnings() -> None:
    doc = parse_document("Just some words.\na)\tthat Resolution 5 of WTDC applies;", lenient=True)
    assert doc.kind == "unknown"
    assert doc.warnings == ("line 1: no identity line found; best-effort document",)
    assert [(p.label, p.text) for p in doc.parts] == [
        ("", "Just some words."),
        ("a)", "that Resolution 5 of WTDC applies;"),
    ]
    assert [r.id for r in doc.references] == ["wtdc-res-5"]


def test_empty_text_is_an_intersector_error() -> None:
    with pytest.raises(IntersectorError):
        parse_document("")


def test_debug_segments_dump_every_line() -> None:
    lines = debug_segments((DATA / "wtsa-res-38-en.txt").read_text(encoding="utf-8"))
    kinds = [line.kind for line in lines]
    assert kinds.count("heading") == 5 and kinds.count("identity") == 1
    assert lines[0].kind == "boilerplate" and lines[0].function == "foreword"


SEED_LINES = [
    line
    for path in sorted(DATA.glob("wtsa-*.txt"))
    for line in path.read_text(encoding="utf-8").split("\n")
]
pieces = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(
        ["RESOLUTION 1 (Rev. X, 2000)", "Annex A", "SECTION 1", "1.1\tScope", "i)\tx", "(, 2012)",
         "Source: ITU-T SG 13", "For action to: TSAG", "Question 6/13 – X",
         "Recommendation ITU-T E.1",
         "resolves", "instructs the", "Resolutions ITU-R 1, 2 and", "[footnoteRef:1]1", "[1: 1 x]",
         "РЕЗОЛЮЦИЯ 1 (Пересм. X, 2000 г.)", "Рекомендация МСЭ-Т E.1", "б)\tчто", "поручает",
         "القرار 1 (المراجَع في X، 2000)", "(ب)\tأن", "تكلف مدير", "إن الجمعية (X، 2000)،",
         "第1号决议（2012年，迪拜）", "ITU-T E.1建议书", "（2008年，）", "责成", "（二）\t请",
         "附件 A", "第号决议", "ITU-R 第 号决议"]
    ),
    st.text(max_size=40),
)  # fmt: skip
noisy_texts = st.lists(pieces, max_size=25).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(noisy_texts)
def test_lenient_never_crashes(text: str) -> None:
    doc = parse_document(text, lenient=True)
    assert document_from_dict(document_to_dict(doc)) == doc


@settings(max_examples=300, deadline=None)
@given(noisy_texts)
def test_strict_raises_only_intersector_errors(text: str) -> None:
    try:
        parse_document(text)
    except IntersectorError as error:
        assert str(error)


@pytest.mark.parametrize("fixture", ["res57ru", "res57ar", "res57zh"])
def test_res57_in_russian_arabic_chinese_has_the_english_structure(
    res57en: Document, fixture: str, request: pytest.FixtureRequest
) -> None:
    """Same sections (functions), clause counts, footnote and actions as the English; the
    language is told from the text."""
    doc: Document = request.getfixturevalue(fixture)
    assert doc.language == fixture[-2:]
    shape = [(s.function, len(s.clauses)) for s in doc.preamble + doc.operative]
    assert shape == [(s.function, len(s.clauses)) for s in res57en.preamble + res57en.operative]
    assert [(a.clause, a.verb, a.addressees) for a in doc.actions] == [
        (a.clause, a.verb, a.addressees) for a in res57en.actions
    ]
    assert [f.label for f in doc.footnotes] == ["1"] and doc.footnotes[0].text
    assert doc.preamble[1].clauses[0].footnotes == ("1",)
    assert doc.metadata.get("intro").endswith((",", "،", "，"))
