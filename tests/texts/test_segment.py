"""texts/segment.py: every cleaned line classified by table look-up, never failing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intersector.texts.clean import clean_text
from intersector.texts.lexicon import BY_CODE, label_key, latin_lookalikes
from intersector.texts.segment import Line, segment


def one(text: str, code: str = "en") -> Line:
    (line,) = segment(text, BY_CODE[code])
    return line


@pytest.mark.parametrize(
    ("text", "code", "function", "part"),
    [
        ("considering", "en", "considering", "preamble"),
        ("further considering,", "en", "further-considering", "preamble"),
        ("taking into account", "en", "taking-into-account", "preamble"),
        ("bearing in mind", "en", "bearing-in-mind", "preamble"),
        ("considérant", "fr", "considering", "preamble"),
        ("tenant compte", "fr", "taking-into-account", "preamble"),
        ("teniendo en cuenta", "es", "taking-into-account", "preamble"),
        ("reconociendo", "es", "recognizing", "preamble"),
        ("resolves", "en", "resolves", "operative"),
        ("further resolves", "en", "further-resolves", "operative"),
        ("décide", "fr", "resolves", "operative"),
        ("resuelve", "es", "resolves", "operative"),
        ("recommends", "en", "recommends", "operative"),
        (
            "decides that the following Question should be studied",
            "en",
            "decides-question",
            "operative",
        ),
    ],
)
def test_headings(text: str, code: str, function: str, part: str) -> None:
    line = one(text, code)
    assert (line.kind, line.function, line.part, line.addressee) == ("heading", function, part, "")


@pytest.mark.parametrize(
    ("text", "code", "function", "addressee"),
    [
        (
            "instructs the Director of the Telecommunication Standardization Bureau",
            "en",
            "instructs",
            "the Director of the Telecommunication Standardization Bureau",
        ),
        ("invites Member States,", "en", "invites", "Member States"),
        ("calls upon Sector Members", "en", "calls-upon", "Sector Members"),
        (
            "charge le Directeur du Bureau de la normalisation",
            "fr",
            "instructs",
            "le Directeur du Bureau de la normalisation",
        ),
        ("encarga al Secretario General", "es", "instructs", "al Secretario General"),
    ],
)
def test_headings_with_addressee(text: str, code: str, function: str, addressee: str) -> None:
    line = one(text, code)
    assert (line.kind, line.function, line.part, line.addressee) == (
        "heading",
        function,
        "operative",
        addressee,
    )


@pytest.mark.parametrize(
    ("text", "label", "body"),
    [
        ("a)\tthat a basic principle", "a)", "that a basic principle"),
        ("(b) that", "b)", "that"),
        ("1\tto invite", "1", "to invite"),
        ("1.2.3\tText", "1.2.3", "Text"),
        ("1bis\tto note", "1bis", "to note"),
        ("2 ter\tto note", "2ter", "to note"),
        ("iv)\tfourth", "iv)", "fourth"),
        ("A.1\tVoice services", "A.1", "Voice services"),
        ("6.2 Transmission aspects", "6.2", "Transmission aspects"),
    ],
)
def test_clause_labels(text: str, label: str, body: str) -> None:
    line = one(text)
    assert (line.kind, line.label, line.text) == ("clause", label, body)


@pytest.mark.parametrize(
    "text",
    [
        "2012 was a good year.",
        "1 to invite without a tab",
        "Strengthening coordination among",
        "ITU-T\tE.119",
    ],
)
def test_plain_text(text: str) -> None:
    assert one(text).kind == "text"


@pytest.mark.parametrize(
    ("text", "code", "kind", "label"),
    [
        ("resolution 57 (Rev. Dubai, 2012)", "en", "resolution", "57"),
        ("RÉSOLUTION 57 (Rév. Dubaï, 2012)", "fr", "resolution", "57"),
        ("RESOLUCIÓN 57 (Rev. Dubái, 2012)", "es", "resolution", "57"),
        ("RESOLUTION ITU-R 50-2", "en", "resolution", "50-2"),
        ("Recommendation ITU-T E.119", "en", "recommendation", "E.119"),
        ("RECOMMENDATION ITU-R M.2150-1", "en", "recommendation", "M.2150-1"),
        ("Recommandation UIT-T E.119 (03/2016)", "fr", "recommendation", "E.119"),
        ("QUESTION ITU-R 229-5/5", "en", "question", "229-5/5"),
        ("Question 6/13 – Quality of service", "en", "question", "6/13"),
    ],
)
def test_identity_lines(text: str, code: str, kind: str, label: str) -> None:
    line = one(text, code)
    assert (line.kind, line.function, line.label) == ("identity", kind, label)


def test_citing_sentence_is_no_identity() -> None:
    assert one("Resolution 18 (Rev. Dubai, 2012) of this assembly, on principles").kind == "text"


@pytest.mark.parametrize(
    ("text", "function", "label"),
    [
        ("Annex A", "annex", "A"),
        ("Appendix I (to Resolution 1 (Rev. Hammamet, 2016))", "appendix", "I"),
        ("ANNEX (to Resolution 57)", "annex", ""),
        ("Annex 1 – Specifications", "annex", "1"),
    ],
)
def test_annex_lines(text: str, function: str, label: str) -> None:
    line = one(text)
    assert (line.kind, line.function, line.label) == ("annex", function, label)


def test_annex_word_in_a_sentence_is_text() -> None:
    assert one("Annexes 1 to 3 describe the interfaces").kind == "text"


@pytest.mark.parametrize(
    ("text", "code", "function"),
    [
        ("FOREWORD", "en", "foreword"),
        ("AVANT-PROPOS", "fr", "foreword"),
        ("PREFACIO", "es", "foreword"),
        ("INTELLECTUAL PROPERTY RIGHTS", "en", "ipr"),
        ("DROITS DE PROPRIÉTÉ INTELLECTUELLE", "fr", "ipr"),
        ("DERECHOS DE PROPIEDAD INTELECTUAL", "es", "ipr"),
        ("© ITU 2016", "en", "copyright"),
        ("© UIT 2016", "fr", "copyright"),
        ("Table of Contents", "en", "contents"),
        ("TABLE DES MATIÈRES", "fr", "contents"),
        ("ÍNDICE", "es", "contents"),
        ("ITU-T E-SERIES RECOMMENDATIONS", "en", "series"),
        ("RECOMMANDATIONS UIT-T DE LA SÉRIE E", "fr", "series"),
        ("RECOMENDACIONES UIT-T DE LA SERIE E", "es", "series"),
    ],
)
def test_boilerplate_headings(text: str, code: str, function: str) -> None:
    line = one(text, code)
    assert (line.kind, line.function) == ("boilerplate", function)


@pytest.mark.parametrize(
    ("text", "code", "function", "value"),
    [
        ("For action to:\tITU-R WP 5D", "en", "for_action", "ITU-R WP 5D"),
        ("Deadline: 15 September 2020", "en", "deadline", "15 September 2020"),
        ("Pour information à: GCNT", "fr", "for_information", "GCNT"),
        ("Plazo: 1 de marzo de 2021", "es", "deadline", "1 de marzo de 2021"),
    ],
)
def test_fields(text: str, code: str, function: str, value: str) -> None:
    line = one(text, code)
    assert (line.kind, line.function, line.text) == ("field", function, value)


def test_line_numbers_and_blank_lines() -> None:
    lines = segment("considering\n\n\na)\tthat\n", BY_CODE["en"])
    assert [(line.number, line.kind) for line in lines] == [(1, "heading"), (4, "clause")]


@given(st.text(), st.sampled_from(sorted(BY_CODE)))
def test_segment_never_fails(text: str, code: str) -> None:
    lines = segment(text, BY_CODE[code])
    numbers = [line.number for line in lines]
    assert numbers == sorted(set(numbers))
    assert all(
        line.kind
        in {"boilerplate", "identity", "heading", "subheading", "annex", "field", "clause", "text"}
        for line in lines
    )


@pytest.mark.parametrize(
    ("code", "line", "kind", "label", "function"),
    [
        ("ru", "б)\tчто растет число вопросов", "clause", "б)", ""),
        ("ru", "b)\tчто растет число вопросов", "clause", "b)", ""),  # ITU's Latin letters
        ("ru", "учитывая,", "heading", "", "considering"),
        ("ru", "РЕЗОЛЮЦИЯ 57 (Пересм. Дубай, 2012 г.)", "identity", "57", "resolution"),
        ("ru", "Рекомендация МСЭ-Т E.119", "identity", "E.119", "recommendation"),
        ("ar", "ج)\tأن جميع الأفرقة", "clause", "ج)", ""),
        ("ar", "(ب)\tأن ثمة", "clause", "ب)", ""),
        ("ar", "وإذ تدرك", "heading", "", "recognizing"),
        ("ar", "القرار 57 (المراجَع في دبي، 2012)", "identity", "57", "resolution"),
        ("ar", "التوصية ITU-T E.119", "identity", "E.119", "recommendation"),
        ("zh", "（二）\t所有部门", "clause", "二)", ""),
        ("zh", "考虑到", "heading", "", "considering"),
        ("zh", "第57号决议（2012年，迪拜，修订版）", "identity", "57", "resolution"),
        ("zh", "ITU-T E.119建议书", "identity", "E.119", "recommendation"),
        ("zh", "ITU-R 第 34-2 号决议", "identity", "34-2", "resolution"),
        ("zh", "附件A", "annex", "A", "annex"),  # no space between word and label
        ("zh", "附件 B", "annex", "B", "annex"),
        ("zh", "附录I", "appendix", "I", "appendix"),
        ("zh", "附录II（本附录不构成本建议书不可或缺的组成部分）", "annex", "II", "appendix"),
        ("zh", "附件是本建议书的组成部分。", "text", "", ""),  # a sentence that opens so
        ("ru", "Приложение А", "annex", "А", "annex"),  # Cyrillic А
        ("ru", "Приложение Б", "annex", "Б", "annex"),
        ("ru", "Дополнение I", "appendix", "I", "appendix"),
        ("ru", "Б.1\tРечевые службы", "clause", "Б.1", ""),
        ("ar", "الملحق ب", "annex", "ب", "annex"),  # abjad order: أ ب ج
        ("ar", "الملحق A", "annex", "A", "annex"),
        ("ar", "التذييل I", "appendix", "I", "appendix"),
    ],
)
def test_lines_of_the_new_languages(
    code: str, line: str, kind: str, label: str, function: str
) -> None:
    [found] = segment(line, BY_CODE[code])
    if kind == "annex" or function == "appendix":
        kind = "annex"
    assert (found.kind, found.label, found.function) == (kind, label, function)


def test_arabic_indic_clause_numbers_after_clean() -> None:
    """`١.٢` is clause 1.2 once cleaned (Arabic-Indic digits are digits); segment sees `1.2`."""
    [found] = segment(clean_text("١.٢\tمجال التطبيق").text, BY_CODE["ar"])
    assert (found.kind, found.label, found.text) == ("clause", "1.2", "مجال التطبيق")


def test_a_chinese_heading_runs_into_its_addressee() -> None:
    [found] = segment("责成电信标准化局主任", BY_CODE["zh"])
    assert (found.kind, found.function, found.addressee) == (
        "heading",
        "instructs",
        "电信标准化局主任",
    )
    [sentence] = segment("请成员国积极参与。", BY_CODE["zh"])
    assert sentence.kind == "text"


@pytest.mark.parametrize(
    ("code", "label", "key"),
    [("ru", "в)", "c)"), ("ru", "c)", "c)"), ("ar", "ج)", "c)"),
     ("ar", "ه)", "e)"), ("zh", "二)", "b)"), ("en", "1.2", "1.2"),
     ("ru", "Б", "B"), ("ru", "В.2", "C.2"), ("ru", "A.1", "A.1"), ("ar", "ب", "B"),
     ("ar", "ج.1", "C.1"), ("zh", "A", "A"), ("en", "I", "I")],
)  # fmt: skip
def test_label_keys_are_latin_letters_of_the_same_rank(code: str, label: str, key: str) -> None:
    """Clause letters (with their parenthesis) by rank in the clause alphabets; annex letters
    (`Б`, `Б.1`) by rank in the annex letters: Russian annexes in the Cyrillic order."""
    assert label_key(label, BY_CODE[code]) == key


@pytest.mark.parametrize(
    ("labels", "lookalikes"),
    [(["А", "В", "С"], True), (["А", "Б", "В"], False), (["А"], False), (["A", "B"], False)],
)
def test_latin_letters_typed_in_cyrillic(labels: list[str], lookalikes: bool) -> None:
    """Annexes `А`, `В`, `С` in a Russian text are A, B, C typed in Cyrillic (`В` is B, not
    the third Cyrillic letter): `label_key` reads them so when told."""
    ru = BY_CODE["ru"]
    assert latin_lookalikes(labels, ru) is lookalikes
    keys = [label_key(label, ru, lookalikes=lookalikes) for label in labels]
    assert keys == ["A", "B", "C"][: len(labels)]
