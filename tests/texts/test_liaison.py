"""texts/liaison.py: liaison statements: header facts into metadata, actions per addressed field."""

from __future__ import annotations

from pathlib import Path

import pytest

from intersector.domain.documents import Action, Document
from intersector.domain.errors import UnknownTextError
from intersector.texts.lexicon import BY_CODE
from intersector.texts.liaison import iso_date
from intersector.texts.parse import parse_document

DATA = Path(__file__).parent.parent / "data" / "texts"


@pytest.fixture(scope="module")
def ls() -> Document:
    text = (DATA / "itu-t-ls-sg13-en-excerpt.txt").read_text(encoding="utf-8")
    return parse_document(text, source="ls.txt")


def test_identity(ls: Document) -> None:
    assert (ls.id, ls.kind, ls.body, ls.number) == (
        "itu-t-sg13-ls-123",
        "liaison",
        "itu-t-sg13",
        "123",
    )
    assert ls.title == "LS on quality of service coordination for IMT-2020 networks"
    assert ls.warnings == ()


def test_header_facts(ls: Document) -> None:
    get = ls.metadata.get
    assert (get("sector"), get("study_period"), get("reference")) == (
        "itu-t",
        "2017-2020",
        "SG13-LS123",
    )
    assert (get("questions"), get("questions_ids"), get("meeting")) == (
        "6/13",
        "itu-t-q6-13",
        "Geneva, 2-13 March 2020",
    )
    assert (get("source"), get("source_ids")) == ("ITU-T Study Group 13", "itu-t-sg13")
    assert (get("for_action"), get("for_action_ids")) == ("ITU-R Working Party 5D", "itu-r-wp5d")
    assert get("for_comment_ids") == "itu-d-sg2"
    assert (get("for_information"), get("for_information_ids")) == ("TSAG, 3GPP TSG SA", "tsag")
    assert (get("deadline"), get("deadline_iso")) == ("15 September 2020", "2020-09-15")
    assert get("contact").split("\n") == [
        "Ana Example",
        "Rapporteur for Question 6/13",
        "Tel: +41 22 730 0000",
        "E-mail: ana.example@example.org",
    ]
    assert get("keywords") == "IMT-2020; quality of service; roadmap"


def test_actions_per_addressed_field(ls: Document) -> None:
    assert ls.actions == (
        Action("for action", "act", ("itu-r-wp5d",), ls.title),
        Action("for comment", "comment", ("itu-d-sg2",), ls.title),
        Action("for information", "note", ("tsag",), ls.title),
    )


def test_body_and_references(ls: Document) -> None:
    assert len(ls.parts) == 1 and ls.parts[0].text.startswith("ITU-T Study Group 13 thanks")
    assert "Deadline" not in ls.parts[0].text and "E-mail" not in ls.parts[0].text
    assert [r.id for r in ls.references] == ["wtsa-res-38", "itu-t-rec-y.3106"]
    assert "LIAISON STATEMENT" not in " ".join(ls.boilerplate)
    assert ls.boilerplate[1] == "INTERNATIONAL TELECOMMUNICATION UNION"


def test_french_header_without_marker() -> None:
    doc = parse_document(
        "Source:\tCommission d'études 13 de l'UIT-T\n"
        "Titre:\tDéclaration sur la feuille de route des IMT\n"
        "Pour action à:\tGroupe de travail 5D de l'UIT-R\n"
        "Date limite:\t1er mars 2021\n"
        "La Commission d'études 13 remercie le Groupe de travail 5D de sa déclaration de liaison.\n"
    )
    assert (doc.kind, doc.language, doc.title) == (
        "liaison",
        "fr",
        "Déclaration sur la feuille de route des IMT",
    )
    assert doc.metadata.get("deadline_iso") == "2021-03-01"
    assert doc.actions[0].verb == "act"


@pytest.mark.parametrize(
    ("text", "code", "iso"),
    [
        ("15 September 2020", "en", "2020-09-15"),
        ("2021-1-5", "en", "2021-01-05"),
        ("15 septembre 2020", "fr", "2020-09-15"),
        ("15 de septiembre de 2020", "es", "2020-09-15"),
        ("as soon as possible", "en", ""),
    ],
)
def test_iso_date(text: str, code: str, iso: str) -> None:
    assert iso_date(text, BY_CODE[code].months) == iso


def test_two_fields_are_no_liaison() -> None:
    with pytest.raises(UnknownTextError, match="no ITU text"):
        parse_document("Source: someone\nTitle: something\nJust text.")


def test_spanish_header() -> None:
    doc = parse_document(
        "DECLARACIÓN DE ENLACE\n"
        "Origen:\tComisión de Estudio 2 del UIT-D\n"
        "Título:\tDeclaración sobre la hoja de ruta de las IMT\n"
        "Para la acción a:\tGrupo de Trabajo 5D del UIT-R\n"
        "Plazo:\t1 de marzo de 2021\n"
        "La Comisión de Estudio 2 agradece al Grupo de Trabajo 5D su declaración de enlace.\n"
    )
    assert (doc.kind, doc.language) == ("liaison", "es")
    assert doc.title == "Declaración sobre la hoja de ruta de las IMT"
    assert doc.metadata.get("deadline_iso") == "2021-03-01"
    assert doc.metadata.get("for_action") == "Grupo de Trabajo 5D del UIT-R"


_RU_LS = """МЕЖДУНАРОДНЫЙ СОЮЗ ЭЛЕКТРОСВЯЗИ
SG13-LS123
ИССЛЕДОВАТЕЛЬСКАЯ КОМИССИЯ 13
Вопрос(ы):\t6/13\tЖенева, 2–13 марта 2020 г.
ЗАЯВЛЕНИЕ О ВЗАИМОДЕЙСТВИИ
Источник:\tИсследовательская комиссия 13 МСЭ-Т
Название:\tЗаявление о координации качества обслуживания для сетей IMT-2020
Для принятия мер:\tРабочая группа 5D МСЭ-R
Для информации:\tКГСЭ
Срок:\t15 сентября 2020 г.
Исследовательская комиссия 13 МСЭ-Т благодарит Рабочую группу 5D МСЭ-R."""

_ZH_LS = """国际电信联盟
SG13-LS123
第13研究组
课题：\t6/13\t日内瓦，2020年3月2-13日
联络声明
来源：\tITU-T第13研究组
标题：\t关于IMT-2020网络服务质量协调的联络声明
供采取行动：\tITU-R 5D工作组
供参考：\tTSAG
截止日期：\t2020年9月15日
ITU-T第13研究组感谢ITU-R 5D工作组的联络声明。"""


@pytest.mark.parametrize(("text", "language"), [(_RU_LS, "ru"), (_ZH_LS, "zh")])
def test_a_liaison_statement_in_russian_or_chinese(text: str, language: str) -> None:
    """Short test texts in the LS template (not ITU's wording): the header fields (`Источник:`,
    `来源：` with its full-width colon), the groups written number first (`ITU-R 5D工作组`) and
    the Sector tokens `МСЭ-Т`, `МСЭ-R` give the ids an English LS gives."""
    doc = parse_document(text)
    assert (doc.id, doc.kind, doc.language) == ("itu-t-sg13-ls-123", "liaison", language)
    meta = doc.metadata
    assert (meta.get("questions_ids"), meta.get("source_ids")) == ("itu-t-q6-13", "itu-t-sg13")
    assert (meta.get("for_action_ids"), meta.get("for_information_ids")) == ("itu-r-wp5d", "tsag")
