"""Candidates that cannot be lost: the other Sectors searched directly (never a pool cut before
the scope), exact paging of one item's candidates, and a French query meeting its English
partner before French texts on other ground."""

from __future__ import annotations

import pytest

from intersector.coordination import overlap as ov
from intersector.coordination.embeddings import HashingEmbedder, UniversalSentenceEncoder
from intersector.coordination.scope import check_scope
from intersector.domain.errors import ValidationError

QUERY = "Optical transport network interfaces for synchronous digital hierarchy equipment"


def work(id_: str, sector: str, text: str, language: str = "en", group: str = "") -> ov.WorkText:
    return ov.WorkText(id_, sector, text, text.split(".")[0], group or f"{sector}-sg1", language)


@pytest.fixture(scope="module")
def crowded() -> list[ov.WorkText]:
    """One ITU-T text, ten ITU-T texts closer to it than anything else, one ITU-R partner
    (11th overall, 1st of ITU-R) and six ITU-R texts on other ground."""
    same = [
        work(f"itu-t-rec-g.{700 + n}", "itu-t", f"{QUERY} part {n}", group="itu-t-sg13")
        for n in range(10)
    ]
    others = [
        work(f"itu-r-rec-bt.{n}", "itu-r", text)
        for n, text in enumerate(
            (
                "Subjective assessment of the quality of television pictures",
                "Propagation data for terrestrial broadcasting services",
                "Maritime mobile radio beacons for distress and safety",
                "Frequency sharing between fixed satellite and radar services",
                "Loudness of sound programmes for broadcasting",
                "Antenna patterns of earth stations",
            )
        )
    ]
    partner = work("itu-r-rec-f.750", "itu-r", "Synchronous digital hierarchy over radio relay")
    query = work("itu-t-rec-g.783", "itu-t", QUERY, group="itu-t-sg15")
    return [query, *same, partner, *others]


def test_partner_ranked_eleventh_overall_is_first_of_the_other_sector(
    crowded: list[ov.WorkText],
) -> None:
    index = ov.OverlapIndex.build(crowded, HashingEmbedder())
    everything = index.candidates_for("itu-t-rec-g.783", 20, scope="other-groups")
    assert [c.right.id for c in everything].index("itu-r-rec-f.750") == 10
    assert index.candidates_for("itu-t-rec-g.783")[0].right.id == "itu-r-rec-f.750"


def test_partitioned_search_finds_it_with_a_shallow_pool(crowded: list[ov.WorkText]) -> None:
    """Through the per-Sector indexes (set above `ann_threshold`), a pool of 3 per partition:
    a pool of the 3 nearest overall would hold only ITU-T texts."""
    index = ov.OverlapIndex.build(crowded, HashingEmbedder(), ann_threshold=4)
    found = list(index.iter_candidates(1, only=["itu-t-rec-g.783"], depth=3))
    assert [c.right.id for c in found] == ["itu-r-rec-f.750"]
    assert all(c.right.sector != c.left.sector for c in index.iter_candidates(10, depth=3))


def test_paging_one_item_is_exact_and_counts_its_scope(crowded: list[ov.WorkText]) -> None:
    index = ov.OverlapIndex.build(crowded, HashingEmbedder())
    whole = index.candidates_for("itu-t-rec-g.783", 100)
    assert len(whole) == index.count_for("itu-t-rec-g.783") == 7
    page = index.candidates_for("itu-t-rec-g.783", 3, offset=3)
    assert [c.id for c in page] == [c.id for c in whole[3:6]]
    assert index.candidates_for("itu-t-rec-g.783", 5, offset=7) == []
    assert index.count_for("itu-r-rec-f.750", "other-groups") == 11  # its own group left out


def test_a_sector_as_scope_and_unknown_scopes(crowded: list[ov.WorkText]) -> None:
    index = ov.OverlapIndex.build(crowded, HashingEmbedder())
    found = index.candidates_for("itu-r-rec-f.750", 20, scope="itu-t")
    assert len(found) == 11 and {c.right.sector for c in found} == {"itu-t"}
    with pytest.raises(ValidationError, match="unknown scope 'itu-x'"):
        check_scope("itu-x")
    with pytest.raises(KeyError):
        index.candidates_for("itu-t-rec-nowhere")


@pytest.fixture(scope="module")
def use_model() -> UniversalSentenceEncoder:
    return UniversalSentenceEncoder()


def test_french_query_finds_its_english_partner_before_french_distractors(
    use_model: UniversalSentenceEncoder,
) -> None:
    works = [
        work(
            "itu-d-q5-2",
            "itu-d",
            "Utilisation des télécommunications pour l'alerte précoce et la gestion des "
            "catastrophes naturelles dans les pays en développement",
            "fr",
        ),
        work(
            "itu-t-rec-x.1303",
            "itu-t",
            "Common alerting protocol for early warning of natural disasters and emergencies",
        ),
        work(
            "itu-t-rec-d.50",
            "itu-t",
            "Principes de tarification des télécommunications internationales dans les pays "
            "en développement",
            "fr",
        ),
        work(
            "itu-r-rec-bt.500",
            "itu-r",
            "Méthodes d'évaluation subjective de la qualité des images de télévision pour "
            "l'utilisation des pays",
            "fr",
        ),
        work(
            "itu-r-rec-sm.1",
            "itu-r",
            "Gestion nationale du spectre des fréquences radioélectriques dans les pays en "
            "développement",
            "fr",
        ),
    ]
    index = ov.OverlapIndex.build(works, use_model)
    assert index.candidates_for("itu-d-q5-2")[0].right.id == "itu-t-rec-x.1303"
