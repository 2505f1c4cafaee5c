"""texts/references.py: citations → stable ids, in three languages; events from history lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intersector.domain.documents import Event
from intersector.texts.lexicon import BY_CODE
from intersector.texts.references import find_references, parse_events


def ids(text: str, code: str = "en", body: str = "wtsa") -> list[str]:
    return [r.id for r in find_references([text], BY_CODE[code], body)]


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        (
            "Resolution 123 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference",
            "en",
            ["pp-res-123"],
        ),
        ("Resolution 18 (Rev. Dubai, 2012) of this assembly", "en", ["wtsa-res-18"]),
        ("Resolution 18 of the present assembly", "en", ["wtsa-res-18"]),
        ("Resolution ITU-R 50-2 (Geneva, 2012)", "en", ["itu-r-res-50-2"]),
        ("Recommendation ITU-T A.4", "en", ["itu-t-rec-a.4"]),
        ("ITU-T Recommendation E.164", "en", ["itu-t-rec-e.164"]),
        (
            "Resolutions ITU-R 47-2, 50-2, 56-1 and 57-1",
            "en",
            ["itu-r-res-47-2", "itu-r-res-50-2", "itu-r-res-56-1", "itu-r-res-57-1"],
        ),
        ("Recommendations ITU-T Y.1540 and Y.1541", "en", ["itu-t-rec-y.1540", "itu-t-rec-y.1541"]),
        ("Recommendation ITU-R M.2083-0", "en", ["itu-r-rec-m.2083"]),
        ("Report ITU-R M.2410", "en", ["itu-r-rep-m.2410"]),
        ("Resolution 59 (Hyderabad, 2010) of WTDC", "en", ["wtdc-res-59"]),
        ("WTSA Resolution 1", "en", ["wtsa-res-1"]),
        ("PP Resolution 191", "en", ["pp-res-191"]),
        ("Resolution 238 (WRC-15)", "en", ["wrc-res-238"]),
        ("Resolutions 2 and 22 of this assembly", "en", ["wtsa-res-2", "wtsa-res-22"]),
        (
            "Résolution 5 (Rév. Hyderabad, 2010) de la Conférence mondiale de développement "
            "des télécommunications",
            "fr",
            ["wtdc-res-5"],
        ),
        (
            "Résolution 123 (Rév. Guadalajara, 2010) de la Conférence de plénipotentiaires",
            "fr",
            ["pp-res-123"],
        ),
        ("Résolutions UIT-R 47-2 et 50-2", "fr", ["itu-r-res-47-2", "itu-r-res-50-2"]),
        ("Recommandation UIT-T A.4", "fr", ["itu-t-rec-a.4"]),
        ("Résolution 18 (Rév. Dubaï, 2012) de la présente Assemblée", "fr", ["wtsa-res-18"]),
        (
            "Resolución 5 (Rev. Hyderabad, 2010) de la Conferencia Mundial de Desarrollo "
            "de las Telecomunicaciones",
            "es",
            ["wtdc-res-5"],
        ),
        ("Resoluciones UIT-R 47-2 y 50-2", "es", ["itu-r-res-47-2", "itu-r-res-50-2"]),
        ("Recomendación UIT-T A.4", "es", ["itu-t-rec-a.4"]),
        ("this resolution and the Recommendations on these topics", "en", []),
    ],
)
def test_citations(text: str, code: str, expected: list[str]) -> None:
    assert ids(text, code) == expected


def test_reference_fields() -> None:
    (ref,) = find_references(
        ["as outlined in Resolution 5 (Rev. Hyderabad, 2010) of the World Telecommunication "
         "Development Conference;"],
        BY_CODE["en"],
        "wtsa",
    )  # fmt: skip
    assert (ref.id, ref.kind, ref.body, ref.number) == ("wtdc-res-5", "resolution", "wtdc", "5")
    assert ref.text == (
        "Resolution 5 (Rev. Hyderabad, 2010) of the World Telecommunication Development Conference"
    )
    assert ref.revision == Event("Hyderabad", 2010, "Hyderabad")


def test_french_revision_place_is_canonical() -> None:
    (ref,) = find_references(["Résolution 18 (Rév. Dubaï, 2012)"], BY_CODE["fr"], "wtsa")
    assert ref.revision == Event("Dubai", 2012, "Dubaï")


def test_list_gives_each_number_the_citation_text() -> None:
    refs = find_references(
        ["Resolutions ITU-R 47-2, 50-2, 56-1 and 57-1, on"], BY_CODE["en"], "wtsa"
    )
    assert {r.text for r in refs} == {"Resolutions ITU-R 47-2, 50-2, 56-1 and 57-1"}
    assert [r.number for r in refs] == ["47-2", "50-2", "56-1", "57-1"]


def test_first_citation_of_each_id_wins_and_texts_do_not_join() -> None:
    refs = find_references(
        ["Resolution ITU-R 50-2 (Geneva, 2012) of RA", "Resolutions ITU-R", "50-2 and 57-1"],
        BY_CODE["en"],
        "wtsa",
    )
    assert [(r.id, r.text) for r in refs] == [
        ("itu-r-res-50-2", "Resolution ITU-R 50-2 (Geneva, 2012)")
    ]


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        (
            "(Montreal, 2000; Florianópolis 2004; Johannesburg, 2008, Dubai, 2012)",
            "en",
            [("Montreal", 2000), ("Florianópolis", 2004), ("Johannesburg", 2008), ("Dubai", 2012)],
        ),
        ("(Johannesburg, 2008; Dubaï, 2012)", "fr", [("Johannesburg", 2008), ("Dubai", 2012)]),
        ("(Johannesburgo, 2008; Dubái, 2012)", "es", [("Johannesburg", 2008), ("Dubai", 2012)]),
        ("Rev. Genève, 2016", "fr", [("Geneva", 2016)]),
        ("Ginebra, 2019", "es", [("Geneva", 2019)]),
        ("Montréal, 2000", "fr", [("Montreal", 2000)]),
        ("(2000-2007-2012)", "en", [("", 2000), ("", 2007), ("", 2012)]),
        ("no year here", "en", []),
    ],
)
def test_parse_events(text: str, code: str, expected: list[tuple[str, int]]) -> None:
    assert [(e.place, e.year) for e in parse_events(text, BY_CODE[code])] == expected


def test_place_as_written_is_kept() -> None:
    assert parse_events("Dubaï, 2012", BY_CODE["fr"]) == (Event("Dubai", 2012, "Dubaï"),)


@given(st.lists(st.text(max_size=80), max_size=5), st.sampled_from(sorted(BY_CODE)))
def test_never_fails(texts: list[str], code: str) -> None:
    for ref in find_references(texts, BY_CODE[code], "wtsa"):
        assert ref.id and ref.number and "\n" not in ref.text
