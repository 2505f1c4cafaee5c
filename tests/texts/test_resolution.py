"""texts/resolution.py: the resolution builder: front matter, sections, nesting, parts, annexes,
footnotes. Sectioned texts are pinned on an excerpt modelled on WTSA Resolution 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from intersector.domain.documents import Annex, Clause, Event, Part
from intersector.texts.parse import parse_document
from intersector.texts.resolution import is_heading_text, label_rank

DATA = Path(__file__).parent.parent / "data" / "texts"


def excerpt() -> str:
    return (DATA / "wtsa-res-1-en-excerpt.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("label", "previous", "rank"),
    [
        ("1", "", (0, 0)),
        ("1.1", "1", (0, 1)),
        ("1.2bis", "1.2", (0, 1)),
        ("a)", "", (1, 0)),
        ("i)", "b)", (2, 0)),
        ("i)", "h)", (1, 0)),
        ("ii)", "i)", (2, 0)),
        ("v)", "u)", (1, 0)),
        ("", "a)", (9, 9)),
    ],
)
def test_label_rank(label: str, previous: str, rank: tuple[int, int]) -> None:
    assert label_rank(label, previous) == rank


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Scope", True),
        ("Steering committee", True),
        ("The committee shall meet.", False),
        ("", False),
    ],
)
def test_is_heading_text(text: str, heading: bool) -> None:
    assert is_heading_text(text) is heading


def test_sectioned_resolution_identity() -> None:
    doc = parse_document(excerpt())
    assert (doc.id, doc.body, doc.number) == ("wtsa-res-1", "wtsa", "1")
    assert len(doc.history) == 7 and doc.history[0].place == "Helsinki"
    assert doc.revision is not None and doc.revision.place == "Hammamet"
    assert doc.warnings == ()


def test_sections_become_parts_with_nested_items() -> None:
    doc = parse_document(excerpt())
    assert [(p.label, p.heading) for p in doc.parts] == [
        ("SECTION 1", "General provisions"),
        ("SECTION 2", "Study groups"),
    ]
    section1 = doc.parts[0]
    assert [p.label for p in section1.children] == ["1.1", "1.2", "1.2bis"]
    one_one = section1.children[0]
    assert [p.label for p in one_one.children] == ["a)", "b)", "c)"]
    assert [p.label for p in one_one.children[1].children] == ["i)", "ii)"]
    assert doc.parts[1].children[1].text.endswith("of the other Sectors.")


def test_unlabelled_resolves_is_one_clause_and_one_action() -> None:
    doc = parse_document(excerpt())
    (resolves,) = doc.operative
    assert [c.label for c in resolves.clauses] == [""]
    assert [(a.clause, a.verb, a.addressees) for a in doc.actions] == [
        ("resolves", "resolve", ("itu-t",))
    ]


def test_appendix_to_the_resolution() -> None:
    doc = parse_document(excerpt())
    (appendix,) = doc.annexes
    assert appendix == Annex(
        "appendix",
        "I",
        "(to Resolution 1 (Rev. Hammamet, 2016)) Terms of reference of the committees",
        (
            Part("1", "Steering committee", appendix.parts[0].text),
            Part("2", "Budget control committee", appendix.parts[1].text),
        ),
    )


def test_references_in_parts_and_no_self_reference() -> None:
    doc = parse_document(excerpt())
    assert [r.id for r in doc.references] == ["pp-res-165", "itu-t-rec-a.1", "wtsa-res-2"]


def test_nested_operative_clauses() -> None:
    text = (
        "RESOLUTION 9 (Rev. Dubai, 2012)\nTitle\n"
        "The World Telecommunication Standardization Assembly (Dubai, 2012),\n"
        "resolves\n1\tto instruct ITU-T Study Group 13:\na)\tto study;\ni)\tcarefully;\n"
        "b)\tto report;\n1bis\tthat ITU-R Study Group 5 be informed;\n2\tto invite Member States"
        " to contribute.\n"
    )
    doc = parse_document(text)
    clauses = doc.operative[0].clauses
    assert [c.label for c in clauses] == ["1", "1bis", "2"]
    assert clauses[0].children == (
        Clause("a)", "to study;", children=(Clause("i)", "carefully;"),)),
        Clause("b)", "to report;"),
    )
    assert [(a.clause, a.verb, a.addressees) for a in doc.actions] == [
        ("resolves 1", "instruct", ("itu-t-sg13",)),
        ("resolves 1bis", "resolve", ("itu-r-sg5",)),
        ("resolves 2", "invite", ("member-states",)),
    ]
    assert doc.actions[0].text == (
        "to instruct ITU-T Study Group 13:\na) to study;\ni) carefully;\nb) to report;"
    )


def test_heading_without_clause_warns() -> None:
    text = (
        "RESOLUTION 9 (Dubai, 2012)\nTitle\n"
        "The World Telecommunication Standardization Assembly (Dubai, 2012),\n"
        "considering\nresolves\n1\tthat it be so.\n"
    )
    doc = parse_document(text)
    assert doc.warnings == ("line 4: heading 'considering' has no clause below it",)


def test_missing_assembly_line_warns_and_keeps_going() -> None:
    doc = parse_document("RESOLUTION 9 (Dubai, 2012)\nTitle\nresolves\n1\tthat it be so.\n")
    assert doc.body == "itu" and doc.id == "itu-res-9"
    assert any("no issuing body" in w for w in doc.warnings)


def test_ra_resolution_identity_from_sector() -> None:
    doc = parse_document(
        "RESOLUTION ITU-R 50-2\nRole of the Radiocommunication Sector in the development of IMT\n"
        "(2000-2007-2012)\nThe ITU Radiocommunication Assembly,\nconsidering\na)\tthat IMT grows,\n"
        "resolves\n1\tthat ITU-R Study Group 5 continue its work.\n"
    )
    assert (doc.id, doc.body) == ("itu-r-res-50-2", "itu-r")
    assert [(e.place, e.year) for e in doc.history] == [("", 2000), ("", 2007), ("", 2012)]
    assert doc.revision == Event("", 2012)
    assert doc.actions[0].addressees == ("itu-r-sg5",)


def test_french_parts_through_the_lexicon() -> None:
    doc = parse_document(
        "RÉSOLUTION 1 (Rév. Hammamet, 2016)\nRègles de procédure\n"
        "L'Assemblée mondiale de normalisation des télécommunications (Hammamet, 2016),\n"
        "décide\nque les règles de procédure de l'UIT-T sont les suivantes.\n"
        "PARTIE 1 – Dispositions générales\n1.1\tL'Assemblée crée des commissions.\n"
    )
    assert doc.language == "fr" and doc.body == "wtsa"
    assert [(p.label, p.heading, [c.label for c in p.children]) for p in doc.parts] == [
        ("PARTIE 1", "Dispositions générales", ["1.1"])
    ]


ASSEMBLY_LINES = [
    (
        "RESOLUTION 59 (Rev. Dubai, 2014)",
        "The World Telecommunication Development Conference (Dubai, 2014),",
        "wtdc-res-59",
        "Dubai",
    ),
    (
        "RESOLUTION 123 (Rev. Busan, 2014)",
        "The Plenipotentiary Conference of the International Telecommunication Union"
        " (Busan, 2014),",
        "pp-res-123",
        "Busan",
    ),
    (
        "RESOLUTION 238 (WRC-15)",
        "The World Radiocommunication Conference (Geneva, 2015),",
        "wrc-res-238",
        "Geneva",
    ),
    (
        "RÉSOLUTION 59 (Rév. Dubaï, 2014)",
        "La Conférence mondiale de développement des télécommunications (Dubaï, 2014),",
        "wtdc-res-59",
        "Dubai",
    ),
    (
        "RESOLUCIÓN 123 (Rev. Busán, 2014)",
        "La Conferencia de Plenipotenciarios de la Unión Internacional de Telecomunicaciones"
        " (Busán, 2014),",
        "pp-res-123",
        "Busan",
    ),
]


@pytest.mark.parametrize(("identity", "intro", "expected_id", "place"), ASSEMBLY_LINES)
def test_issuing_body_from_the_assembly_line(
    identity: str, intro: str, expected_id: str, place: str
) -> None:
    clause = (
        "1\tto invite the Council to report."
        if identity.startswith("RESOLUTION")
        else "1\td'inviter le Conseil à faire rapport."
    )
    heading = {"RESOLUTION": "resolves", "RÉSOLUTION": "décide", "RESOLUCIÓN": "resuelve"}[
        identity.split()[0]
    ]
    doc = parse_document(f"{identity}\nTitle of the text\n{intro}\n{heading}\n{clause}\n")
    assert doc.id == expected_id
    assert doc.history and doc.history[-1].place == place


def test_identity_found_when_the_language_detection_is_misled() -> None:
    doc = parse_document("RESOLUCIÓN 5 (Rev. Dubái, 2012)\nLe titre\nla et les de\n")
    assert (doc.id, doc.language) == ("itu-res-5", "es")
