"""Subjects: classification in any language with reasons, corrections, matrix, common subjects."""

from __future__ import annotations

import pytest

from intersector.coordination.embeddings import HashingEmbedder, UniversalSentenceEncoder
from intersector.coordination.overlap import WorkText
from intersector.coordination.subjects import (
    Assignment,
    Correction,
    SubjectClassifier,
    resolve,
    subject_matrix,
)
from intersector.coordination.taxonomy import RESOLUTION_57_SUBJECTS
from intersector.coordination.work import common_subjects
from intersector.domain.registry import Subject


@pytest.fixture(scope="module")
def classifier() -> SubjectClassifier:
    return SubjectClassifier.build(RESOLUTION_57_SUBJECTS, UniversalSentenceEncoder())


def test_taxonomy_is_resolution_57_in_three_languages() -> None:
    assert len(RESOLUTION_57_SUBJECTS) == 8
    for subject in RESOLUTION_57_SUBJECTS:
        assert set(subject.labels) == set(subject.description) == {"en", "fr", "es"}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Accessible telecommunication services for persons with disabilities",
            "accessibility",
        ),
        ("fr", "Accessibilité des services pour les personnes handicapées", "accessibility"),
        (
            "es",
            "Telecomunicaciones de emergencia para el socorro en caso de catástrofe",
            "emergency-telecommunications",
        ),
        ("fr", "Exposition des personnes aux champs électromagnétiques", "emc"),
        ("en", "Countering spam and malware in IP networks", "cybersecurity"),
    ],
)
def test_classify_in_any_language(
    classifier: SubjectClassifier, language: str, text: str, expected: str
) -> None:
    found = classifier.classify(WorkText(id="x", sector="itu-t", text=text, language=language))
    assert found[0].subject == expected
    assert 0 < found[0].confidence <= 1
    assert "terms matched" in found[0].reason and "nearest description" in found[0].reason


def test_text_on_no_subject_gets_none(classifier: SubjectClassifier) -> None:
    text = "Signalling protocols for the charging of international leased circuits"
    assert classifier.classify(WorkText(id="x", sector="itu-t", text=text)) == []


def test_withdrawn_subjects_are_not_used() -> None:
    gone = Subject(id="old", labels={"en": "Telex"}, keywords={"en": ("telex",)}, withdrawn=True)
    classifier = SubjectClassifier.build([gone], HashingEmbedder())
    assert classifier.subjects == []


def test_corrections_win_over_the_classifier() -> None:
    classified = [Assignment("a", "emc", 0.6, "terms"), Assignment("a", "imt", 0.5, "terms")]
    resolved = resolve(
        classified,
        declared={"b": ["imt"]},
        corrections=[
            Correction("a", "emc", "remove"),
            Correction("a", "cybersecurity", "add", "ana", "see Q3/2"),
        ],
    )
    assert [(x.subject, x.origin) for x in resolved["a"]] == [
        ("cybersecurity", "coordinator"),
        ("imt", "classifier"),
    ]
    assert "see Q3/2" in resolved["a"][0].reason
    assert resolved["b"][0].origin == "registry"


def test_matrix_and_subjects_common_to_three_sectors() -> None:
    works = [
        WorkText("t1", "itu-t", "x", group="itu-t-sg16"),
        WorkText("r1", "itu-r", "x", group="itu-r-wp6b"),
        WorkText("d1", "itu-d", "x", group="itu-d-sg1"),
        WorkText("t2", "itu-t", "x", group="itu-t-sg5"),
    ]
    subjects = {
        "t1": [Assignment("t1", "accessibility", 1, "")],
        "r1": [Assignment("r1", "accessibility", 1, "")],
        "d1": [Assignment("d1", "accessibility", 1, ""), Assignment("d1", "emc", 1, "")],
        "t2": [Assignment("t2", "emc", 1, "")],
    }
    matrix = subject_matrix(works, subjects)
    assert matrix["emc"] == {"itu-d": {"itu-d-sg1": ["d1"]}, "itu-t": {"itu-t-sg5": ["t2"]}}
    common = common_subjects(matrix)
    assert [c.subject for c in common] == ["accessibility"]
    assert common[0].groups["itu-r"] == ("itu-r-wp6b",)


def test_title_only_bt_record_gets_audiovisual_from_its_series(
    classifier: SubjectClassifier,
) -> None:
    """ITU-R BT.1361 (title only): no audiovisual keyword, but BT is the broadcasting series."""
    title = "Worldwide unified colorimetry and related characteristics of future imaging systems"
    bt = classifier.classify(WorkText("itu-r-rec-bt.1361", "itu-r", title, title))
    assert "audiovisual-delivery" in [a.subject for a in bt]
    assert "series" in next(a.reason for a in bt if a.subject == "audiovisual-delivery")
    elsewhere = classifier.classify(WorkText("itu-t-rec-t.1361", "itu-t", title, title))
    assert "audiovisual-delivery" not in [a.subject for a in elsewhere]


def test_series_rules_read_the_work_id() -> None:
    from intersector.coordination.series import series_of, series_subjects

    assert series_of("itu-t-rec-x.1205") == ("itu-t", "x", 1205)
    assert series_of("itu-t-sup-k-13") == ("itu-t", "k", 13)
    assert series_of("itu-r-q107-6") is None
    assert ("cybersecurity", "strong") in series_subjects("itu-t-rec-x.1205")
    assert series_subjects("itu-t-rec-l.125") == []  # L below 1000: outside plant, no subject
    assert ("climate-change", "strong") in series_subjects("itu-t-rec-l.1310")


def test_group_mandates_speak_for_records_without_a_series() -> None:
    from intersector.coordination.series import series_subjects

    assert series_subjects("itu-r-q139-6") == []
    assert series_subjects("itu-r-q139-6", "itu-r-sg6") == [("audiovisual-delivery", "strong")]
    assert series_subjects("itu-t-sup-l-60", "itu-t-sg5") == [("climate-change", "weak")]
    # a series rule and a group rule for one subject: once, at its strongest
    assert series_subjects("itu-t-rec-l.1410", "itu-t-sg5") == [("climate-change", "strong")]


def test_an_itu_r_sg6_question_gets_audiovisual(classifier: SubjectClassifier) -> None:
    title = "Methods for rendering of advanced audio formats"
    found = classifier.classify(WorkText("itu-r-q139-6", "itu-r", title, title, "itu-r-sg6"))
    assert "audiovisual-delivery" in [a.subject for a in found]
    alone = classifier.classify(WorkText("itu-r-q139-6", "itu-r", title, title))
    assert "audiovisual-delivery" not in [a.subject for a in alone]


def test_connection_accessibility_is_not_accessibility(classifier: SubjectClassifier) -> None:
    """E.845: accessibility as a quality-of-service measure, not for persons with disabilities."""
    title = "Connection accessibility objective for the international telephone service"
    found = classifier.classify(WorkText("itu-t-rec-e.845", "itu-t", title, title, "itu-t-sg12"))
    assert "accessibility" not in [a.subject for a in found]
    title = "Accessibility of telephone services for persons with disabilities"
    found = classifier.classify(WorkText("itu-t-rec-e.999", "itu-t", title, title))
    assert "accessibility" in [a.subject for a in found]


def test_application_frameworks_of_interactive_tv_are_middleware(
    classifier: SubjectClassifier,
) -> None:
    title = "Harmonization of procedural content formats for interactive TV applications"
    found = classifier.classify(WorkText("itu-t-rec-x.9202", "itu-t", title, title))
    assert "middleware" in [a.subject for a in found]
