"""Each ITU publication kind gets an id of its own (texts/cover.py, recommendation.py,
resolution.py). The texts below are the project's own short texts in ITU's layout (the
cover page, title block and headings ITU prints), NOT ITU's official wording: where no real
file of a kind is in tests/data/itu-documents/."""

from __future__ import annotations

import pytest

from intersector.domain.documents import Document
from intersector.texts.parse import parse_document


def parse(text: str) -> Document:
    return parse_document(text, source="own-test-text")


@pytest.mark.parametrize(
    ("head", "intro", "expected"),
    [
        ("RESOLUTION 57 (Rev. Dubai, 2012)",
         "The World Telecommunication Standardization Assembly (Dubai, 2012),", "wtsa-res-57"),
        ("RESOLUTION 37 (Rev. Buenos Aires, 2017)",
         "The World Telecommunication Development Conference (Buenos Aires, 2017),",
         "wtdc-res-37"),
        ("RESOLUTION 71 (Rev. Dubai, 2018)",
         "The Plenipotentiary Conference of the International Telecommunication Union "
         "(Dubai, 2018),", "pp-res-71"),
        ("RESOLUTION 238 (WRC-15)",
         "The World Radiocommunication Conference (Geneva, 2015),", "wrc-res-238"),
        ("RESOLUTION ITU-R 1-8",
         "The ITU Radiocommunication Assembly,", "itu-r-res-1-8"),
        ("OPINION 1 (Dubai, 2012)",
         "The World Telecommunication Standardization Assembly (Dubai, 2012),", "wtsa-op-1"),
    ],
)  # fmt: skip
def test_resolutions_and_opinions_of_every_body(head: str, intro: str, expected: str) -> None:
    doc = parse(f"{head}\nA title\n{intro}\nconsidering\na)\tthat one,\nresolves\n1\tto act.\n")
    assert doc.id == expected
    assert doc.kind == ("opinion" if head.startswith("OPINION") else "resolution")
    assert doc.parent == ""


def test_bis_clauses_are_siblings_not_parents() -> None:
    """`b)bis` comes between `b)` and `c)`; `c)` is a letter, not the roman numeral 100."""
    doc = parse(
        "RESOLUTION 1 (Rev. Hammamet, 2016)\nRules of procedure\n"
        "The World Telecommunication Standardization Assembly (Hammamet, 2016),\n"
        "considering\na)\tthat one;\nb)\tthat two;\nb)bis\tthat two more;\nc)\tthat three,\n"
        "resolves\n1\tto do;\n1bis\tto do more;\n2\tto do again.\n"
    )
    assert [(c.label, c.children) for c in doc.preamble[0].clauses] == [
        ("a)", ()),
        ("b)", ()),
        ("b)bis", ()),
        ("c)", ()),
    ]
    assert [c.label for c in doc.operative[0].clauses] == ["1", "1bis", "2"]


def test_report_itu_r() -> None:
    doc = parse(
        "REPORT ITU-R M.2410-0\nMinimum requirements related to technical performance for "
        "IMT-2020 radio interface(s)\n(2017)\n1\tIntroduction\nThis Report describes them.\n"
    )
    assert (doc.id, doc.kind, doc.number, doc.body) == (
        "itu-r-rep-m.2410",
        "report",
        "M.2410",
        "itu-r",
    )
    assert doc.metadata.get("version") == "0"
    assert [(p.label, p.heading) for p in doc.parts] == [("1", "Introduction")]


COVER = """\
International Telecommunication Union
ITU-T\tE.119
TELECOMMUNICATION
STANDARDIZATION SECTOR
OF ITU\tAmendment 2 (05/2020)
SERIES E: OVERALL NETWORK OPERATION, TELEPHONE SERVICE, SERVICE OPERATION AND HUMAN FACTORS
Requirements for provision of information to roaming users
Recommendation ITU-T E.119 (2016) – Amendment 2
FOREWORD
The International Telecommunication Union (ITU) is the United Nations specialized agency.
Recommendation ITU-T E.119
Requirements for provision of information to roaming users
Amendment 2
Modifications to clause 4
1\tScope
This amendment changes clause 4.
"""


def test_amendment_from_its_cover_and_title_block() -> None:
    doc = parse(COVER)
    assert (doc.id, doc.kind, doc.number, doc.parent) == (
        "itu-t-rec-e.119-amd2",
        "amendment",
        "E.119 Amd. 2",
        "itu-t-rec-e.119",
    )
    assert doc.title == "Modifications to clause 4"
    assert doc.metadata.get("parent_title") == (
        "Requirements for provision of information to roaming users"
    )
    assert (doc.approved, doc.metadata.get("parent_edition")) == ("2020-05", "2016")
    assert doc.cover.startswith("International Telecommunication Union")
    assert [(p.label, p.heading) for p in doc.parts] == [("1", "Scope")]


def test_prepublished_recommendation() -> None:
    doc = parse(
        COVER.replace("Amendment 2 (05/2020)", "(05/2020)")
        .replace("Recommendation ITU-T E.119 (2016) – Amendment 2\n",
                 "CAUTION ! PREPUBLISHED RECOMMENDATION\n")
        .replace("Recommendation ITU-T E.119\n", "Draft Recommendation ITU-T E.119 (ex E.rr)\n")
        .replace("Amendment 2\nModifications to clause 4\n", "")
    )  # fmt: skip
    assert (doc.id, doc.kind, doc.parent, doc.metadata.get("status")) == (
        "itu-t-rec-e.119",
        "recommendation",
        "",
        "prepublished",
    )
    assert doc.title == "Requirements for provision of information to roaming users"
