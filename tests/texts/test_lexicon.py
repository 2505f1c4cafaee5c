"""texts/lexicon: language is data: tables per language, detection, canonical places."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from intersector.texts.lexicon import (
    BY_CODE,
    FUNCTION_VERBS,
    LEXICONS,
    Lexicon,
    canonical_place,
    detect_language,
)

TEXTS = Path(__file__).parent.parent.parent / "src" / "intersector" / "texts"
READER_MODULES = [
    "clean", "segment", "resolution", "references", "actions", "parse", "cover",
    "recommendation", "question", "liaison", "boilerplate", "align", "readers", "batch",
    "../domain/document_json",
]  # fmt: skip


def test_the_six_itu_languages() -> None:
    assert sorted(BY_CODE) == ["ar", "en", "es", "fr", "ru", "zh"]


@pytest.mark.parametrize("lex", LEXICONS, ids=lambda lex: lex.code)
def test_keys_are_lower_case_and_plain(lex: Lexicon) -> None:
    for f in dataclasses.fields(lex):
        value = getattr(lex, f.name)
        if isinstance(value, dict):
            for key in value:
                assert key == key.lower() and "\u2011" not in key and "\u2019" not in key, (
                    f.name,
                    key,
                )


@pytest.mark.parametrize("lex", LEXICONS, ids=lambda lex: lex.code)
def test_every_operative_function_has_a_verb(lex: Lexicon) -> None:
    assert set(lex.operative_headings.values()) <= set(FUNCTION_VERBS)


@pytest.mark.parametrize("lex", LEXICONS, ids=lambda lex: lex.code)
def test_the_same_functions_in_every_language(lex: Lexicon) -> None:
    core = {
        "considering", "recognizing", "taking-into-account", "noting", "resolves", "instructs",
        "invites", "encourages", "requests",
    }  # fmt: skip
    assert core <= set(lex.preamble_headings.values()) | set(lex.operative_headings.values())
    assert {"rag", "tsag", "tdag", "secretary-general", "member-states"} <= {
        i for ids in lex.addressees.values() for i in ids
    }
    assert set(lex.bodies.values()) >= {"wtsa", "wtdc", "pp", "ra", "wrc"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "that the ITU-T study groups which, in turn, produce Recommendations on these topics",
            "en",
        ),
        ("que les sujets d'intérêt et de préoccupation mutuels pour tous les Secteurs sont", "fr"),
        ("que cada vez son más numerosos los asuntos de interés y preocupación mutuos para", "es"),
        ("что растет число вопросов, представляющих взаимный интерес для всех Секторов", "ru"),
        ("أن ثمة عدداً متزايداً من المسائل ذات الاهتمام المشترك لجميع القطاعات في الاتحاد", "ar"),
        ("所有部门共同关心的问题日益增多，其中包括电磁兼容性和国际移动通信", "zh"),
        ("", "en"),
    ],
)
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text).code == code


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Dubaï", "Dubai"),
        ("Dubái", "Dubai"),
        ("Genève", "Geneva"),
        ("Ginebra", "Geneva"),
        ("Montréal", "Montreal"),
        ("Johannesburgo", "Johannesburg"),
        ("Florianópolis", "Florianópolis"),
        ("  New   Delhi ", "New Delhi"),
        ("Atlantis", "Atlantis"),
    ],
)
def test_canonical_place(written: str, canonical: str) -> None:
    assert canonical_place(written) == canonical


@pytest.mark.parametrize("module", READER_MODULES)
def test_no_language_switch_in_code(module: str) -> None:
    """Adding a language is adding a table: no reader module asks which language it reads."""
    source = (TEXTS / f"{module}.py").read_text(encoding="utf-8")
    assert not re.search(
        r"""(?:code|language)\s*[!=]=|[!=]=\s*["'](?:en|fr|es|ar|zh|ru)["']"""
        r"""|(?:code|language)\s+(?:not\s+)?in\s|["'](?:ar|zh|ru)["']""",
        source,
    )
