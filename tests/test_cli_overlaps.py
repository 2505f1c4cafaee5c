"""`overlaps` and `subjects` without caps (issue 9): one item's candidates, pages (--limit,
--offset), JSON and CSV, typed values in any case and unknown ones named (exit 2). On a registry
of 180 activities in a temporary SQLite store; the hashing embedder stands in for the model."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from intersector import services
from intersector.cli import run
from intersector.coordination.embeddings import FloatArray, HashingEmbedder
from intersector.domain.registry import Activity
from intersector.services.analytics import sentence_cache
from intersector.store import open_store

TOPICS = [
    "disaster relief and emergency telecommunications",
    "human exposure to electromagnetic fields",
    "terrestrial component of IMT-2020 networks",
    "accessibility of telecommunications for persons with disabilities",
    "smart sustainable cities and the Internet of things",
    "spectrum management and monitoring",
    "broadband access in rural and remote areas",
    "cybersecurity and trust in digital services",
    "climate change and energy efficiency of networks",
    "digital broadcasting of television and sound",
]
SECTOR_WORDS = {"itu-t": "protocols for", "itu-r": "radio systems for", "itu-d": "capacity for"}


def _activities() -> list[Activity]:
    made = []
    for sector, words in SECTOR_WORDS.items():
        for n in range(60):
            topic = TOPICS[n % len(TOPICS)]
            made.append(
                Activity(
                    id=f"{sector}-q{n + 1}-1",
                    sector=sector,
                    kind="question",
                    identifier=f"Q{n + 1}/1",
                    title=f"{words} {topic} (part {n // len(TOPICS) + 1})",
                    group=f"{sector}-sg1",
                )
            )
    return made


@pytest.fixture
def registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    monkeypatch.setenv("INTERSECTOR_DATABASE_URL", url)
    monkeypatch.setattr(services, "analytics_embedder", HashingEmbedder)
    with open_store(url) as store:
        store.save_many(_activities(), author="tester", reason="test")
    return url


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[dict[str, object]]:
    assert run(argv) == 0
    rows: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return rows


def test_every_candidate_no_cap_of_200(registry: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["overlaps", "--format", "json", "--min-score", "0"])
    assert len(rows) > 200
    assert len({r["id"] for r in rows}) == len(rows)


def test_pages_of_all_candidates_join_up(registry: str, capsys: pytest.CaptureFixture[str]) -> None:
    everything = _json(capsys, ["overlaps", "--format", "json"])
    first = _json(capsys, ["overlaps", "--format", "json", "--limit", "7"])
    assert run(["overlaps", "--format", "json", "--limit", "7", "--offset", "7"]) == 0
    captured = capsys.readouterr()
    second = json.loads(captured.out)
    assert [r["id"] for r in first + second] == [r["id"] for r in everything[:14]]
    assert "--offset 14" in captured.err
    with open_store(registry) as store:  # a full run is stored whole, whatever page is shown
        stored = services.duplicate_candidates(store, limit=1).total
    assert stored == len(everything)


def test_one_items_candidates_typed_in_any_case(
    registry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _json(capsys, ["overlaps", "--item", "ITU-T-Q3-1", "--format", "json", "--limit", "500"])
    assert rows and all("itu-t-q3-1" in (r["left"]["id"], r["right"]["id"]) for r in rows)
    assert all(r["left"]["sector"] != r["right"]["sector"] for r in rows)
    assert rows[0]["evidence"]["shared_words"]  # the evidence of each candidate shown
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    second = _json(
        capsys,
        ["overlaps", "--item", "itu-t-q3-1", "--format", "json", "--offset", "1", "--limit", "2"],
    )
    assert [r["id"] for r in second] == [r["id"] for r in rows[1:3]]


def test_table_shows_a_page_and_says_where_the_next_starts(
    registry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["overlaps", "--item", "itu-d-q1-1", "--limit", "3"]) == 0
    captured = capsys.readouterr()
    assert "1–3 of" in captured.out and "--offset 3" in captured.err


def test_csv_of_candidates(registry: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["overlaps", "--format", "csv", "--sector", "ITU-D", "--limit", "5"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 5
    assert all("itu-d" in (r["left_sector"], r["right_sector"]) for r in rows)
    assert rows[0]["score"] and rows[0]["left_title"]


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["overlaps", "--sector", "ITU-X"], "itu-d, itu-r, itu-t"),
        (["overlaps", "--item", "itu-t-q3-11"], "itu-t-q3-1"),
        (["overlaps", "--subject", "quantum"], "known values"),
        (["subjects", "--item", "nothing-like-it"], "known values"),
        (["overlaps", "--format", "xml"], "--format"),
    ],
)
def test_unknown_values_exit_2_naming_known_ones(
    registry: str, capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    assert run(argv) == 2
    assert named in " ".join(capsys.readouterr().err.split())  # the console folds long lines


def test_subjects_of_one_item_as_json_and_csv(
    registry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _json(capsys, ["subjects", "--item", "ITU-R-Q1-1", "--format", "json"])
    assert [f["item"] for f in found] == ["itu-r-q1-1"]
    subjects = found[0]["subjects"]
    assert isinstance(subjects, list) and subjects
    first = subjects[0]
    assert (
        first["subject"] == "emergency-telecommunications"
        and first["reason"]
        and 0 < first["confidence"] <= 1
    )
    assert run(["subjects", "--item", "itu-r-q1-1", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["subject"] for r in rows] == [s["subject"] for s in subjects]


def test_subjects_of_every_item_no_cap_of_100(
    registry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _json(capsys, ["subjects", "--format", "json"])
    assert len(found) == 180  # every work, those with no subject too
    assert any(f["subjects"] for f in found)
    assert [f["item"] for f in found] == sorted(f["item"] for f in found)


def test_review_takes_the_id_and_decision_in_any_case(
    registry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _json(capsys, ["overlaps", "--format", "json", "--limit", "1"])[0]
    assert run(["review", str(first["id"]).upper(), "Confirmed", "--note", "same"]) == 0
    assert f"{first['id']}: confirmed" in capsys.readouterr().out
    assert run(["review", str(first["id"]), "maybe"]) == 2
    assert "complementary" in capsys.readouterr().err


def test_one_items_candidates_show_their_reviews(
    registry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _json(capsys, ["overlaps", "--item", "itu-t-q3-1", "--format", "json", "--limit", "1"])
    assert run(["overlaps", "--format", "json", "--limit", "1"]) == 0  # stores the full run
    capsys.readouterr()
    assert run(["review", str(first[0]["id"]), "unrelated", "--note", "other angle"]) == 0
    capsys.readouterr()
    again = _json(capsys, ["overlaps", "--item", "itu-t-q3-1", "--format", "json", "--limit", "1"])
    review = again[0]["review"]
    assert (review["decision"], review["note"]) == ("unrelated", "other angle")


class CountingEmbedder(HashingEmbedder):
    """The hashing embedder, counting the texts it is asked to embed."""

    def __init__(self) -> None:
        self.texts = 0

    def embed(self, texts: Sequence[str]) -> FloatArray:
        self.texts += len(texts)
        return super().embed(texts)


def test_the_evidence_sentences_are_embedded_once(registry: str) -> None:
    """The texts' vectors are made of their sentences' (SentenceMean): building the index
    embeds each sentence once, and explaining the candidates embeds nothing more."""
    counting = CountingEmbedder()
    with open_store(registry) as store:
        index = services.overlap_index(store, counting)
        built = counting.texts
        found = index.all_candidates(10, 0.0)[:30]
        plain = index.explain_many(found, HashingEmbedder())
        first = index.explain_many(found, sentence_cache(counting, store))
        second = index.explain_many(found, sentence_cache(counting, store))
        again = services.overlap_index(store, counting)
    assert built > 0 and counting.texts == built  # neither explaining nor a rebuild embeds
    assert np.array_equal(again.vectors, index.vectors)
    assert (
        [c.evidence for c in first] == [c.evidence for c in second] == [c.evidence for c in plain]
    )
    assert any(c.evidence.sentences for c in first)
