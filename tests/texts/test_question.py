"""texts/question.py: ITU-R, ITU-T and ITU-D Questions through the same reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from intersector.domain.documents import Document, Event
from intersector.texts.parse import parse_document
from intersector.texts.question import _number

DATA = Path(__file__).parent.parent / "data" / "texts"


def parse(name: str) -> Document:
    return parse_document((DATA / f"{name}.txt").read_text(encoding="utf-8"), source=name)


@pytest.mark.parametrize(
    ("label", "parts"),
    [
        ("229-5/5", ("229", "5", "5")),
        ("6/13", ("6", "", "13")),
        ("1/1", ("1", "", "1")),
        ("x", ("x", "", "")),
    ],
)
def test_number(label: str, parts: tuple[str, str, str]) -> None:
    assert _number(label) == parts


def test_itu_r_question() -> None:
    doc = parse("itu-r-q229-5-en-excerpt")
    assert (doc.id, doc.kind, doc.body, doc.number) == (
        "itu-r-q229-5",
        "question",
        "itu-r-sg5",
        "229/5",
    )
    assert doc.title == "Further development of the terrestrial component of IMT"
    assert [e.year for e in doc.history] == [2000, 2003, 2007, 2012, 2015, 2019]
    assert doc.revision == Event("", 2019)
    assert doc.metadata.get("edition") == "5" and doc.metadata.get("category") == "S2"
    assert [(s.function, len(s.clauses)) for s in doc.operative] == [
        ("decides-question", 2),
        ("further-decides", 2),
    ]
    assert doc.operative[0].addressees == ("itu-r-sg5",)
    assert [(a.clause, a.verb, a.addressees) for a in doc.actions[:2]] == [
        ("decides-question 1", "study", ("itu-r-sg5",)),
        ("decides-question 2", "study", ("itu-r-sg5",)),
    ]
    assert [r.id for r in doc.references] == ["itu-r-res-65", "itu-r-rec-m.1457"]
    assert doc.warnings == ()


def test_itu_t_question() -> None:
    doc = parse("itu-t-q6-13-en-excerpt")
    assert (doc.id, doc.body, doc.number) == ("itu-t-q6-13", "itu-t-sg13", "6/13")
    assert doc.title == "Quality of service (QoS) aspects including IMT-2020 networks"
    assert doc.metadata.get("status") == "Continuation of Question 6/13"
    assert [(p.label, p.heading) for p in doc.parts] == [
        ("1", "Motivation"),
        ("2", "Question"),
        ("3", "Tasks"),
        ("4", "Relationships"),
    ]
    assert doc.metadata.get("question").endswith("coordinated with ITU-R Working Party 5D?")
    assert "Y.1540" in doc.metadata.get("tasks")
    assert [r.id for r in doc.references] == ["wtsa-res-38", "itu-t-rec-y.1540", "itu-t-rec-y.1541"]


def test_itu_d_question_sector_from_the_text() -> None:
    doc = parse("itu-d-q1-1-en-excerpt")
    assert (doc.id, doc.body, doc.metadata.get("sector")) == ("itu-d-q1-1", "itu-d-sg1", "itu-d")
    assert doc.metadata.get("motivation").startswith("Broadband is essential")
    assert doc.metadata.get("question").startswith("a) Identify policies")
    assert doc.metadata.get("tasks") and doc.metadata.get("relationships")
    assert [r.id for r in doc.references] == ["pp-res-77"]


@pytest.mark.parametrize(
    ("text", "language", "headings"),
    [
        (
            "Вопрос 6/13 – Аспекты качества обслуживания\n(Продолжение Вопроса 6/13)\n"
            "1\tМотивы\nТекст.\n2\tВопрос\nКакие улучшения необходимы?",
            "ru",
            ["Мотивы", "Вопрос"],
        ),
        (
            "المسألة 6/13 – جوانب جودة الخدمة\n1\tالدافع\nنص المسألة.\n"
            "2\tالمسألة\nما التحسينات اللازمة؟",
            "ar",
            ["الدافع", "المسألة"],
        ),
        (
            "第6/13号课题 – 服务质量方面\n1\t动机\n课题的文本。\n2\t课题\n需要哪些改进？",
            "zh",
            ["动机", "课题"],
        ),
    ],
)
def test_a_question_in_russian_arabic_chinese_is_the_same_work(
    text: str, language: str, headings: list[str]
) -> None:
    """Short test texts in ITU's layout (not ITU's wording): `Вопрос 6/13`, `المسألة 6/13`
    and `第6/13号课题` are Question 6/13 of ITU-T, with its numbered parts."""
    doc = parse_document(text)
    assert (doc.id, doc.kind, doc.language) == ("itu-t-q6-13", "question", language)
    assert [p.heading for p in doc.parts] == headings and doc.title and doc.warnings == ()
