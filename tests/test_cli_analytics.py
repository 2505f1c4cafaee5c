"""The analytics commands end to end on a small registry in a temporary SQLite store (the hashing
embedder stands in for the model: the commands' plumbing is the point here)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from intersector import services
from intersector.cli import run
from intersector.coordination.embeddings import HashingEmbedder
from intersector.domain.registry import Activity
from intersector.store import open_store

TEXTS = Path(__file__).parent / "data" / "texts"


def activity(id_: str, sector: str, group: str, title: str, kind: str = "question") -> Activity:
    return Activity(id=id_, sector=sector, kind=kind, identifier=id_, title=title, group=group)


@pytest.fixture
def registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    monkeypatch.setenv("INTERSECTOR_DATABASE_URL", url)
    monkeypatch.setenv("INTERSECTOR_AUTHOR", "tester")
    monkeypatch.setattr(services, "analytics_embedder", HashingEmbedder)
    with open_store(url) as store:
        store.save_many(
            [
                activity(
                    "itu-d-q3-1",
                    "itu-d",
                    "itu-d-sg1",
                    "Telecommunications for disaster relief and emergency",
                ),
                activity(
                    "itu-t-q3-2",
                    "itu-t",
                    "itu-t-sg2",
                    "Emergency telecommunications for disaster relief",
                ),
                activity(
                    "itu-r-q209",
                    "itu-r",
                    "itu-r-wp5a",
                    "Radiocommunications for disaster relief and emergency",
                ),
                activity(
                    "itu-t-q7-5", "itu-t", "itu-t-sg5", "Human exposure to electromagnetic fields"
                ),
            ],
            author="tester",
            reason="test",
        )
    return url


def test_overlaps_json_then_review_is_remembered(
    registry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["overlaps", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    first = rows[0]
    assert {first["left"]["sector"], first["right"]["sector"]} <= {"itu-d", "itu-t", "itu-r"}
    assert first["left"]["sector"] != first["right"]["sector"]
    assert run(["review", first["id"], "confirmed", "--note", "same ground"]) == 0
    assert "confirmed" in capsys.readouterr().out
    with open_store(registry) as store:
        web = services.overlap_candidates_for_web(store)
        assert next(r for r in web if r["id"] == first["id"])["review"]["decision"] == "confirmed"
        assert store.history("overlap-review", first["id"])[0].author == "tester"
    run(["overlaps", "--format", "json"])
    again = json.loads(capsys.readouterr().out)
    assert next(r for r in again if r["id"] == first["id"])["review"]["note"] == "same ground"


def test_review_of_unknown_candidate_exits_2(
    registry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["review", "a~b", "confirmed"]) == 2
    assert "no candidate" in capsys.readouterr().err


def test_overlaps_html_and_sector_filter(registry: str, tmp_path: Path) -> None:
    out = tmp_path / "o.html"
    assert run(["overlaps", "--format", "html", "--sector", "itu-r", "--output", str(out)]) == 0
    page = out.read_text()
    assert "itu-r-q209" in page and "<!doctype html>" in page


def test_subjects_matrix_and_common(registry: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Who works on what is the registry's answer (the subjects its activities are filed under),
    not the classifier's suggestions: nothing is filed yet, then three Sectors are."""
    assert run(["subjects", "--common", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["common"] == []
    with open_store(registry) as store:
        filed = [
            replace(store.get("activity", i), subjects=("emergency-telecommunications",))
            for i in ("itu-d-q3-1", "itu-t-q3-2", "itu-r-q209")
        ]
        store.save_many(filed, author="tester", reason="filed")
    assert run(["subjects", "--matrix", "--common"]) == 0
    out = capsys.readouterr().out
    assert "Emergency communications" in out and "itu-d-sg1" in out
    assert run(["subjects", "--common", "--format", "json"]) == 0
    [common] = json.loads(capsys.readouterr().out)["common"]
    assert common["subject"] == "emergency-telecommunications"
    assert common["groups"] == {
        "itu-r": ["itu-r-wp5a"],
        "itu-t": ["itu-t-sg2"],
        "itu-d": ["itu-d-sg1"],
    }


def test_mapping_xlsx(registry: str, tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    assert run(["mapping", "itu-d:itu-r", "--format", "xlsx", "--output", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK"
    assert run(["mapping", "ITU-D:ITU-R", "--format", "xlsx", "--output", str(out)]) == 0
    assert run(["mapping", "itu-r:itu-d"]) == 2


def test_versions_and_diff(
    registry: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    en = (TEXTS / "wtsa-res-57-en.txt").read_text(encoding="utf-8")
    old = (
        en.replace("Dubai, 2012", "Johannesburg, 2008")
        .replace("(Johannesburg, 2008; Johannesburg, 2008)", "(Johannesburg, 2008)")
        .replace("to ensure that close coordination is maximized", "for close coordination")
    )
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    assert (
        run(
            [
                "ingest",
                str(TEXTS / "wtsa-res-57-en.txt"),
                str(TEXTS / "wtsa-res-57-fr.txt"),
                str(tmp_path / "old.txt"),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert run(["versions", "wtsa-res-57"]) == 0
    assert "0 divergence" in capsys.readouterr().out
    assert run(["diff", "wtsa-res-57", "--from", "2008", "--to", "2012"]) == 0
    out = capsys.readouterr().out
    assert "REWORDED" in out and "resolves 2" in out
    page = tmp_path / "d.html"
    assert (
        run(
            [
                "diff",
                "wtsa-res-57",
                "--from",
                "2008",
                "--to",
                "2012",
                "--format",
                "html",
                "--output",
                str(page),
            ]
        )
        == 0
    )
    assert "<ins>" in page.read_text()


def test_changed_only_compares_only_new_or_changed_texts(
    registry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["overlaps", "--format", "json"]) == 0
    capsys.readouterr()
    assert run(["overlaps", "--format", "json", "--changed-only"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # nothing changed
    with open_store(registry) as store:
        store.save(
            activity(
                "itu-r-q7-1",
                "itu-r",
                "itu-r-wp1c",
                "Measurement of human exposure to electromagnetic fields",
            ),
            author="tester",
            reason="test",
        )
    assert run(["overlaps", "--format", "json", "--changed-only"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all("itu-r-q7-1" in r["id"] for r in rows)
    with open_store(registry) as store:
        stored = {r["id"] for r in services.overlap_candidates_for_web(store)}
    assert {r["id"] for r in rows} <= stored and len(stored) > len(rows)
