"""texts/actions.py: addressee ids and one action per operative clause, in three languages."""

from __future__ import annotations

import pytest

from intersector.domain.documents import Clause, Section
from intersector.texts.actions import addressee_ids, extract_actions
from intersector.texts.lexicon import BY_CODE


@pytest.mark.parametrize(
    ("text", "code", "body", "expected"),
    [
        (
            "the Radiocommunication (RAG), Telecommunication Standardization (TSAG) and "
            "Telecommunication Development (TDAG) advisory groups",
            "en",
            "wtsa",
            ("rag", "tsag", "tdag"),
        ),
        (
            "the Directors of the Radiocommunication (BR), Telecommunication Standardization (TSB) "
            "and Telecommunication Development (BDT) Bureaux",
            "en",
            "wtsa",
            ("br-director", "tsb-director", "bdt-director"),
        ),
        (
            "the Director of the Telecommunication Standardization Bureau",
            "en",
            "wtsa",
            ("tsb-director",),
        ),
        (
            "the Directors of the three Bureaux",
            "en",
            "wtsa",
            ("br-director", "tsb-director", "bdt-director"),
        ),
        ("the Telecommunication Standardization Bureau", "en", "wtsa", ("tsb",)),
        (
            "the Secretary-General and Member States",
            "en",
            "wtsa",
            ("secretary-general", "member-states"),
        ),
        ("ITU-R Study Group 5", "en", "wtsa", ("itu-r-sg5",)),
        ("Study Group 13", "en", "wtsa", ("itu-t-sg13",)),
        ("Study Group 1", "en", "wtdc", ("itu-d-sg1",)),
        ("ITU-R WP 5D and TSAG", "en", "wtsa", ("itu-r-wp5d", "tsag")),
        ("ITU-T, ITU-R and ITU-D", "en", "wtsa", ("itu-t", "itu-r", "itu-d")),
        (
            "les Groupes consultatifs des radiocommunications (GCR), de la normalisation des "
            "télécommunications (GCNT) et du développement des télécommunications (GCDT)",
            "fr",
            "wtsa",
            ("rag", "tsag", "tdag"),
        ),
        (
            "les Directeurs du Bureau des radiocommunications (BR), du Bureau de la "
            "normalisation des télécommunications (TSB) et du Bureau de développement des "
            "télécommunications (BDT)",
            "fr",
            "wtsa",
            ("br-director", "tsb-director", "bdt-director"),
        ),
        (
            "le Directeur du Bureau de la normalisation des télécommunications",
            "fr",
            "wtsa",
            ("tsb-director",),
        ),
        ("a los Grupos Asesores (GAR), (GANT) y (GADT)", "es", "wtsa", ("rag", "tsag", "tdag")),
        (
            "al Secretario General y a los Estados Miembros",
            "es",
            "wtsa",
            ("secretary-general", "member-states"),
        ),
        ("nobody in particular", "en", "wtsa", ()),
    ],
)
def test_addressee_ids(text: str, code: str, body: str, expected: tuple[str, ...]) -> None:
    assert addressee_ids(text, BY_CODE[code], body) == expected


def resolves(*texts: str, function: str = "resolves") -> Section:
    return Section(function, function, tuple(Clause(str(i), t) for i, t in enumerate(texts, 1)))


@pytest.mark.parametrize(
    ("text", "code", "verb", "addressees"),
    [
        (
            "to invite Member States to contribute to the studies of ITU-T",
            "en",
            "invite",
            ("member-states",),
        ),
        ("to instruct Study Group 13 to report", "en", "instruct", ("itu-t-sg13",)),
        ("to maintain the roadmap", "en", "maintain", ()),
        (
            "d'inviter les Etats Membres à participer aux travaux de l'UIT-T",
            "fr",
            "invite",
            ("member-states",),
        ),
        ("de charger le Directeur du TSB de faire rapport", "fr", "instruct", ("tsb-director",)),
        (
            "invitar a los Estados Miembros a participar en el UIT-T",
            "es",
            "invite",
            ("member-states",),
        ),
        ("encargar al Secretario General que informe", "es", "instruct", ("secretary-general",)),
        ("that ITU-T maintain a roadmap", "en", "resolve", ("itu-t",)),
    ],
)
def test_verb_and_addressees_from_the_clause(
    text: str, code: str, verb: str, addressees: tuple[str, ...]
) -> None:
    (action,) = extract_actions((resolves(text),), BY_CODE[code], "wtsa")
    assert (action.clause, action.verb, action.addressees, action.text) == (
        "resolves 1",
        verb,
        addressees,
        text,
    )


def test_heading_addressee_wins() -> None:
    section = Section(
        "instructs the Director of the Telecommunication Standardization Bureau",
        "instructs",
        (Clause("", "to invite Member States to report"),),
        "the Director of the Telecommunication Standardization Bureau",
        ("tsb-director",),
    )
    (action,) = extract_actions((section,), BY_CODE["en"], "wtsa")
    assert (action.clause, action.verb, action.addressees) == (
        "instructs",
        "instruct",
        ("tsb-director",),
    )


def test_clause_paths_are_unique() -> None:
    sections = (
        resolves("a", "b"),
        resolves("c", function="instructs"),
        resolves("d", function="instructs"),
    )
    paths = [a.clause for a in extract_actions(sections, BY_CODE["en"], "wtsa")]
    assert paths == ["resolves 1", "resolves 2", "instructs 1", "instructs 1 (2)"]


def test_every_operative_clause_gives_one_action() -> None:
    sections = (
        resolves("to invite TSAG", "to invite RAG", "that it be so"),
        resolves(function="urges"),
    )
    actions = extract_actions(sections, BY_CODE["en"], "wtsa")
    assert [a.verb for a in actions] == ["invite", "invite", "resolve"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("wtsa", "itu-t-sg5"),
        ("ra", "itu-r-sg5"),
        ("itu-r", "itu-r-sg5"),
        ("itu-d-sg1", "itu-d-sg5"),
        ("pp", "itu-t-sg5"),
    ],
)
def test_study_group_takes_the_issuing_sector(body: str, expected: str) -> None:
    assert addressee_ids("Study Group 5", BY_CODE["en"], body) == (expected,)


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("Grupo de Trabajo 5D del UIT-R", "es", ("itu-r-wp5d",)),
        ("Comisión de Estudio 2 del UIT-D", "es", ("itu-d-sg2",)),
        ("Commission d'études 13 de l'UIT-T", "fr", ("itu-t-sg13",)),
        ("Study Group 5 of the ITU-R and TSAG", "en", ("itu-r-sg5", "tsag")),
    ],
)
def test_sector_written_after_the_group(text: str, code: str, expected: tuple[str, ...]) -> None:
    assert addressee_ids(text, BY_CODE[code], "wtsa") == expected


def test_a_sector_after_a_conjunction_is_not_the_group_s() -> None:
    assert addressee_ids("Study Group 13 and ITU-R WP 5D", BY_CODE["en"], "wtsa") == (
        "itu-t-sg13",
        "itu-r-wp5d",
    )
