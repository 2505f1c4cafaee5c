"""Language versions and revisions: alignment, divergences, revision diff (on the seed texts)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intersector.domain.documents import Clause, Document, Section
from intersector.domain.errors import ValidationError
from intersector.texts import align
from intersector.texts.lexicon import BY_CODE, Lexicon, label_key
from intersector.texts.parse import parse_document

TEXTS = Path(__file__).parents[1] / "data" / "texts"


def seed(name: str, edit: tuple[str, str] | None = None) -> Document:
    text = (TEXTS / name).read_text(encoding="utf-8")
    if edit is not None:
        assert edit[0] in text, "the edit must apply to the seed"
        text = text.replace(*edit)
    return parse_document(text, source=name)


@pytest.fixture(scope="module")
def en() -> Document:
    return seed("wtsa-res-57-en.txt")


@pytest.fixture(scope="module")
def fr() -> Document:
    return seed("wtsa-res-57-fr.txt")


def _line(name: str, start: str) -> str:
    """The whole line of a seed that starts with `start`."""
    text = (TEXTS / name).read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(start)}.*\n", text, re.MULTILINE)
    assert found is not None
    return found.group(0)


def test_units_have_language_independent_paths(en: Document, fr: Document) -> None:
    assert [u.path for u in align.units(en)] == [u.path for u in align.units(fr)]
    assert "resolves 2" in {u.path for u in align.units(en)}


def test_seed_versions_align_by_structure_without_divergence(en: Document, fr: Document) -> None:
    aligned = align.align_versions(en, fr)
    assert all(p.how == "structure" for p in aligned)
    assert align.divergences(en, fr, aligned) == []


def test_french_version_with_a_clause_removed_is_reported(en: Document) -> None:
    removed = _line("wtsa-res-57-fr.txt", "b)\tqu'un mécanisme")
    fr = seed("wtsa-res-57-fr.txt", (removed, ""))
    found = align.divergences(en, fr, align.align_versions(en, fr))
    assert [(d.kind, d.path) for d in found] == [("clause-missing", "recognizing b)")]
    assert "fr version" in found[0].detail


def test_differing_year_and_missing_footnote_are_reported(en: Document) -> None:
    fr = seed("wtsa-res-57-fr.txt", ("(Rév. Hyderabad, 2010)", "(Rév. Hyderabad, 2014)"))
    kinds = {d.kind for d in align.divergences(en, fr, align.align_versions(en, fr))}
    assert "numbers-differ" in kinds
    no_note = Document(
        id=en.id,
        kind=en.kind,
        body=en.body,
        number=en.number,
        language="fr",
        preamble=en.preamble,
        operative=en.operative,
    )
    found = align.divergences(en, no_note, align.align_versions(en, no_note))
    assert ("footnote-missing", "footnote 1") in {(d.kind, d.path) for d in found}


def test_different_works_are_refused(en: Document) -> None:
    other = Document(id="wtsa-res-38", kind="resolution", body="wtsa", number="38", language="en")
    with pytest.raises(ValidationError, match="different works"):
        align.align_versions(en, other)


def _doc(language: str, paragraphs: list[str]) -> Document:
    section = Section(
        heading="noting",
        function="noting",
        clauses=tuple(Clause(label="", text=t) for t in paragraphs),
    )
    return Document(
        id="x-res-1",
        kind="resolution",
        body="x",
        number="1",
        language=language,
        preamble=(section,),
    )


def test_unlabelled_paragraphs_align_by_content_with_a_gap() -> None:
    a = _doc(
        "en", ["Resolution 5 (2010) asks for help.", "Report in 2012.", "Budget of 300 000 francs."]
    )
    b = _doc("fr", ["La Résolution 5 (2010) demande de l'aide.", "Budget de 300 000 francs."])
    aligned = align.align_versions(a, b)
    pairs = [
        (p.left.text[:6] if p.left else None, p.right.text[:6] if p.right else None)
        for p in aligned
    ]
    assert pairs == [("Resolu", "La Rés"), ("Report", None), ("Budget", "Budget")]


def test_content_alignment_with_the_real_model() -> None:
    from intersector.coordination.embeddings import UniversalSentenceEncoder

    model = UniversalSentenceEncoder()
    a = _doc(
        "en",
        [
            "The Director shall report to the Council.",
            "Cooperation among the three Sectors is essential.",
            "Accessibility for persons with disabilities.",
        ],
    )
    b = _doc(
        "fr",
        [
            "La coopération entre les trois Secteurs est essentielle.",
            "L'accessibilité pour les personnes handicapées.",
        ],
    )
    aligned = align.align_versions(a, b, embed=model.embed)
    assert [(p.left is not None, p.right is not None) for p in aligned] == [
        (True, False),
        (True, True),
        (True, True),
    ]


@given(st.lists(st.lists(st.floats(0, 1), min_size=4, max_size=4), min_size=0, max_size=6))
def test_monotone_alignment_uses_every_unit_once_in_order(rows: list[list[float]]) -> None:
    import numpy as np

    sims = np.array(rows, dtype=np.float32).reshape(len(rows), 4)
    path = align.monotone_alignment(sims)
    lefts = [i for i, _ in path if i is not None]
    rights = [j for _, j in path if j is not None]
    assert lefts == list(range(len(rows))) and rights == list(range(4))


def test_numbers_read_digit_groups_and_decimal_commas() -> None:
    assert align.numbers("4 940-4 990 MHz, 2,5 dB") == {"4940", "4990", "2.5"}


# --- revisions: a clearly SYNTHETIC revision derived from the Dubai 2012 seed -----------------
# Edits: resolves 1 reworded, taking into account b) removed, a new resolves 3 added.


@pytest.fixture(scope="module")
def revised() -> Document:
    text = (TEXTS / "wtsa-res-57-en.txt").read_text(encoding="utf-8")
    text = text.replace(_line("wtsa-res-57-en.txt", "b)\tthe ongoing consultation"), "")
    text = text.replace(
        "to assist in the identification of subjects", "to continue to identify subjects"
    )
    old_two = _line("wtsa-res-57-en.txt", "2\tto invite the Directors")
    new_three = "3\tto review the implementation of this resolution at the next assembly.\n"
    text = text.replace(old_two, old_two.rstrip("\n") + "\n" + new_three)
    return parse_document(text, source="synthetic revision")


def test_revision_diff_reports_added_removed_reworded(en: Document, revised: Document) -> None:
    changes = align.revision_diff(en, revised)
    kinds = {(c.kind, c.old_path or c.new_path) for c in changes if c.kind != "unchanged"}
    assert kinds == {
        ("removed", "taking-into-account b)"),
        ("reworded", "resolves 1"),
        ("added", "resolves 3"),
    }
    reworded = next(c for c in changes if c.kind == "reworded")
    assert "[-assist in the identification of-]" in reworded.marked
    assert "{+continue to identify+}" in reworded.marked
    order = [c.old_path or c.new_path for c in changes]
    assert order.index("taking-into-account b)") == order.index("taking-into-account a)") + 1


def test_revision_diff_finds_a_moved_clause(en: Document) -> None:
    one = _line("wtsa-res-57-en.txt", "1\tto invite the Radio")
    two = _line("wtsa-res-57-en.txt", "2\tto invite the Directors")
    swapped = (
        (TEXTS / "wtsa-res-57-en.txt")
        .read_text(encoding="utf-8")
        .replace(one + two, "1" + two[1:] + "2" + one[1:])
    )
    changes = align.revision_diff(en, parse_document(swapped, source="swapped"))
    moved = {(c.old_path, c.new_path) for c in changes if c.kind == "moved"}
    assert moved == {("resolves 1", "resolves 2"), ("resolves 2", "resolves 1")}
    assert "MOVED" in align.format_diff(changes)


def test_mark_words() -> None:
    assert align.mark_words("a b c", "a x c") == "a [-b-] {+x+} c"


def test_html_reports_escape_and_mark(en: Document, revised: Document) -> None:
    from intersector.reports.diff_html import diff_html, divergences_html

    changes = align.revision_diff(en, revised)
    runs = [align.word_diff(c.old_text, c.new_text) for c in changes]
    page = diff_html("Res 57 <synthetic>", changes, runs)
    assert "&lt;synthetic&gt;" in page
    assert "<del>assist in the identification of</del>" in page
    assert "<ins>continue to identify</ins>" in page
    found = [align.Divergence("clause-missing", "recognizing b)", "en", "fr", "missing in fr")]
    assert "clause-missing" in divergences_html("EN/FR", found)


@pytest.mark.parametrize("code", ["ru", "ar", "zh"])
def test_versions_in_the_new_languages_align_clause_by_clause(en: Document, code: str) -> None:
    """Russian (а) б) в)), Arabic (أ) ب) ج)) and Chinese versions are the same work and pair
    with the English clause by clause, by structure alone; cited texts and footnotes agree."""
    other = seed(f"wtsa-res-57-{code}.txt")
    assert other.id == en.id and other.language == code
    assert [u.path for u in align.units(other)] == [u.path for u in align.units(en)]
    aligned = align.align_versions(en, other)
    assert all(p.how == "structure" for p in aligned) and len(aligned) == len(align.units(en))
    kinds = {d.kind for d in align.divergences(en, other, aligned)}
    assert kinds == set(), kinds


def test_a_clause_missing_from_the_arabic_version_is_reported(en: Document) -> None:
    removed = _line("wtsa-res-57-ar.txt", "ب)\tأن إحدى هذه الآليات")
    ar = seed("wtsa-res-57-ar.txt", (removed, ""))
    found = align.divergences(en, ar, align.align_versions(en, ar))
    assert [(d.kind, d.path) for d in found] == [("clause-missing", "recognizing b)")]


@pytest.mark.parametrize("code", ["ru", "zh"])
def test_recommendation_versions_align_part_by_part(code: str) -> None:
    """Recommendation ITU-T E.119 in French and in Russian (`а) б)`) or Chinese: one work, the
    numbered parts and lettered items paired by structure, nothing missing."""
    fr = seed("itu-t-rec-e.119-fr-excerpt.txt")
    other = seed(f"itu-t-rec-e.119-{code}-excerpt.txt")
    assert (other.id, other.language) == ("itu-t-rec-e.119", code)
    aligned = align.align_versions(fr, other)
    by_structure = [p.left.path for p in aligned if p.how == "structure" and p.left]
    assert by_structure[:6] == ["part 1", "part 2", "part 3", "part 3.1", "part a)", "part b)"]
    assert align.divergences(fr, other, aligned) == []


def _arabic_indic(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def test_arabic_indic_digits_give_the_same_work_and_clauses(en: Document) -> None:
    """Resolution 57 in Arabic with its numbers in Arabic-Indic digits (`القرار ٥٧`, `١`,
    `(جوهانسبرغ، ٢٠٠٨؛ دبي، ٢٠١٢)`): the same id, history and clause paths as the English."""
    text = (TEXTS / "wtsa-res-57-ar.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[1:] = [_arabic_indic(line) for line in lines[1:]]  # all but the note on line 1
    ar = parse_document("\n".join(lines), source="ar-digits.txt")
    assert (ar.id, ar.language) == (en.id, "ar") == ("wtsa-res-57", "ar")
    assert [e.year for e in ar.history] == [e.year for e in en.history]
    assert [u.path for u in align.units(ar)] == [u.path for u in align.units(en)]
    assert align.divergences(en, ar, align.align_versions(en, ar)) == []


@pytest.mark.parametrize(
    ("code", "edits"),
    [
        ("zh", [("附件 A\n", "附件A\n")]),  # as ITU's Chinese texts print it: no space
        ("ru", [("Приложение A\n", "Приложение А\n"), ("A.1\t", "А.1\t")]),  # Cyrillic А
    ],
    ids=["zh-annex-without-space", "ru-cyrillic-annex-letter"],
)
def test_annexes_in_other_scripts_align_with_the_french(
    code: str, edits: list[tuple[str, str]]
) -> None:
    """`附件A` and `Приложение А` (Cyrillic А, its clause `А.1`) are Annex A: read as an annex
    and paired with the French `Annexe A` and its clause A.1."""
    text = (TEXTS / f"itu-t-rec-e.119-{code}-excerpt.txt").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    other = parse_document(text, source=f"{code}.txt")
    fr = seed("itu-t-rec-e.119-fr-excerpt.txt")
    assert [(a.kind, label_key(a.label, other_lex(code))) for a in other.annexes][:1] == [
        ("annex", "A")
    ]
    annex_paths = [u.path for u in align.units(other) if u.path.startswith("annex")]
    assert annex_paths and annex_paths == [
        u.path for u in align.units(fr) if u.path.startswith("annex")
    ]
    assert align.divergences(fr, other, align.align_versions(fr, other)) == []


def other_lex(code: str) -> Lexicon:
    return BY_CODE[code]
