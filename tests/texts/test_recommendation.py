"""texts/recommendation.py: ITU-T and ITU-R Recommendations through the same reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from intersector.domain.documents import Document, Event
from intersector.texts.parse import parse_document

DATA = Path(__file__).parent.parent / "data" / "texts"


def parse(name: str) -> Document:
    return parse_document((DATA / f"{name}.txt").read_text(encoding="utf-8"), source=name)


@pytest.fixture(scope="module")
def e119() -> Document:
    return parse("itu-t-rec-e.119-en-excerpt")


@pytest.fixture(scope="module")
def m2150() -> Document:
    return parse("itu-r-rec-m.2150-en-excerpt")


def test_itu_t_identity(e119: Document) -> None:
    assert (e119.id, e119.kind, e119.body, e119.number) == (
        "itu-t-rec-e.119",
        "recommendation",
        "itu-t",
        "E.119",
    )
    assert e119.title.startswith("Requirements for provision of information")
    assert e119.revision == Event("", 2016)
    assert e119.approved == "2016-03-08"  # the cover's month, the day from the History table
    assert e119.keywords == ("Consumer information", "international mobile roaming", "tariffs")
    assert e119.summary.startswith("Recommendation ITU-T E.119 sets out")
    assert e119.metadata.get("series").startswith("SERIES E:")
    assert [(e.edition, e.designation, e.approved, e.study_group) for e in e119.editions] == [
        ("1.0", "ITU-T E.119", "2016-03-08", "2")
    ]
    assert (e119.parent, e119.metadata.get("status")) == ("", "")
    assert e119.warnings == ()


def test_itu_t_front_matter_kept_apart(e119: Document) -> None:
    assert e119.foreword.startswith("The International Telecommunication Union (ITU)")
    assert e119.cover.split("\n")[1:4] == [
        "International Telecommunication Union",
        "ITU-T E.119",
        "TELECOMMUNICATION",
    ]
    heads = [block.split("\n", 1)[0] for block in e119.boilerplate]
    assert heads == [
        "ITU-T E-SERIES RECOMMENDATIONS",
        "NOTE",
        "INTELLECTUAL PROPERTY RIGHTS",
        "© ITU 2016",
        "Table of Contents",
    ]
    assert e119.preamble == e119.operative == ()


def test_itu_t_clause_tree(e119: Document) -> None:
    assert [(p.label, p.heading) for p in e119.parts] == [
        ("1", "Scope"),
        ("2", "References"),
        ("3", "Definitions"),
        ("4", "Requirements"),
    ]
    definitions = e119.parts[2]
    assert [(p.label, p.heading) for p in definitions.children] == [
        ("3.1", "Terms defined elsewhere"),
        ("3.2", "Terms defined in this Recommendation"),
    ]
    assert definitions.children[0].children[0].label == "3.1.1"
    assert [p.label for p in e119.parts[3].children[0].children] == ["a)", "b)"]


def test_itu_t_annexes_appendix_bibliography(e119: Document) -> None:
    assert [(a.kind, a.label, a.title) for a in e119.annexes] == [
        ("annex", "A", "Minimum information"),
        ("appendix", "I", "Examples of messages"),
        ("bibliography", "", "Bibliography"),
    ]
    assert [p.label for p in e119.annexes[0].parts] == ["", "A.1", "A.2"]
    assert e119.annexes[2].parts[0].label == "[b-ITU-T E.212]"


def test_itu_t_references(e119: Document) -> None:
    assert [r.id for r in e119.references] == [
        "itu-t-rec-e.164",
        "itu-t-rec-d.98",
        "pp-res-176",
        "itu-t-rec-e.212",
        "itu-t-rec-y.1541",
    ]
    assert e119.references[0].revision == Event("", 2010)


def test_itu_r_identity_and_facts(m2150: Document) -> None:
    assert (m2150.id, m2150.body, m2150.number) == ("itu-r-rec-m.2150", "itu-r", "M.2150")
    assert m2150.metadata.get("version") == "1"
    assert m2150.metadata.get("question") == "Question ITU-R 263/5"
    assert m2150.metadata.get("years") == "2021-2022"
    assert m2150.metadata.get("scope").startswith("This Recommendation identifies")
    assert m2150.keywords == ("IMT-2020", "terrestrial radio interface", "specifications")
    assert m2150.metadata.get("intro") == "The ITU Radiocommunication Assembly,"
    assert m2150.revision == Event("", 2022)
    assert m2150.title.endswith("(IMT-2020)")


def test_itu_r_assembly_structure(m2150: Document) -> None:
    assert [(s.function, len(s.clauses)) for s in m2150.preamble] == [
        ("considering", 2),
        ("recognizing", 1),
        ("noting", 2),
    ]
    assert [(s.function, [c.label for c in s.clauses]) for s in m2150.operative] == [
        ("recommends", ["1", "2"])
    ]
    assert [(a.clause, a.verb) for a in m2150.actions] == [
        ("recommends 1", "recommend"),
        ("recommends 2", "recommend"),
    ]
    (annex,) = m2150.annexes
    assert (annex.label, annex.title, len(annex.parts)) == (
        "1",
        "Specifications of the 3GPP 5G-SRIT",
        2,
    )


def test_itu_r_references(m2150: Document) -> None:
    assert [r.id for r in m2150.references] == [
        "itu-r-res-65",
        "wrc-res-238",
        "itu-r-rec-m.2083",
        "itu-r-rep-m.2410",
    ]
    wrc = m2150.references[1]
    assert (wrc.text, wrc.revision) == ("Resolution 238 (WRC-15)", Event("", 2015))


def test_french_identity_line() -> None:
    doc = parse_document(
        "Recommandation UIT-T E.119 (03/2016)\nExigences relatives aux informations\n"
        "1\tDomaine d'application\nLa présente Recommandation énonce les exigences.\n"
    )
    assert (doc.id, doc.language, doc.approved) == (
        "itu-t-rec-e.119",
        "fr",
        "2016-03",
    )
    assert [(p.label, p.heading) for p in doc.parts] == [("1", "Domaine d'application")]


def test_french_recommendation_front_matter_kept_apart() -> None:
    doc = parse("itu-t-rec-e.119-fr-excerpt")
    assert (doc.id, doc.language, doc.approved) == (
        "itu-t-rec-e.119",
        "fr",
        "2016-03",
    )
    assert doc.keywords[0] == "Information des consommateurs"
    assert doc.foreword.startswith("L'Union internationale des télécommunications")
    # the cover page is read in French as in English: kept apart, its series line kept
    assert doc.cover.split("\n")[1:3] == [
        "Union internationale des télécommunications",
        "UIT-T E.119",
    ]
    assert doc.metadata.get("series").startswith("SÉRIE E:")
    assert [block.split("\n", 1)[0] for block in doc.boilerplate] == [
        "RECOMMANDATIONS UIT-T DE LA SÉRIE E",
        "NOTE",
        "DROITS DE PROPRIÉTÉ INTELLECTUELLE",
        "© UIT 2016",
        "TABLE DES MATIÈRES",
    ]
    assert [(p.label, p.heading) for p in doc.parts] == [
        ("1", "Domaine d'application"),
        ("2", "Références"),
        ("3", "Exigences"),
    ]
    assert [(a.kind, a.label) for a in doc.annexes] == [("annex", "A"), ("bibliography", "")]
    assert [r.id for r in doc.references] == ["itu-t-rec-e.164", "itu-t-rec-e.212"]
    assert doc.warnings == ()


@pytest.mark.parametrize(
    ("code", "keywords", "blocks", "headings"),
    [
        (
            "ru",
            "Информирование потребителей",
            ["ПРИМЕЧАНИЕ", "ПРАВА ИНТЕЛЛЕКТУАЛЬНОЙ СОБСТВЕННОСТИ", "© МСЭ 2016", "СОДЕРЖАНИЕ"],
            ["Сфера применения", "Справочные документы", "Требования"],
        ),
        (
            "zh",
            "消费者信息",
            ["注", "知识产权", "© 国际电联 2016", "目录"],
            ["范围", "参考文献", "要求"],
        ),
    ],
)
def test_russian_and_chinese_recommendations_read_as_the_french(
    code: str, keywords: str, blocks: list[str], headings: list[str]
) -> None:
    """`Рекомендация МСЭ-Т E.119` and `ITU-T E.119建议书` (own renderings in ITU's layout):
    the same id, approval, front matter kept apart, parts, annexes and references."""
    doc = parse(f"itu-t-rec-e.119-{code}-excerpt")
    assert (doc.id, doc.language, doc.approved) == (
        "itu-t-rec-e.119",
        code,
        "2016-03",
    )
    assert doc.keywords[0] == keywords
    assert doc.foreword
    assert [block.split("\n", 1)[0] for block in doc.boilerplate[1:]] == blocks
    assert [(p.label, p.heading) for p in doc.parts] == list(
        zip(["1", "2", "3"], headings, strict=True)
    )
    assert [(a.kind, a.label) for a in doc.annexes] == [("annex", "A"), ("bibliography", "")]
    assert [r.id for r in doc.references] == ["itu-t-rec-e.164", "itu-t-rec-e.212"]
    assert doc.warnings == ()
