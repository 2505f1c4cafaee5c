"""The store commands of the CLI: ingest, show, load, export, history, restore — on SQLite and
PostgreSQL (through the `database_url` fixture)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from intersector import cli

TESTS = Path(__file__).parent
TEXTS = TESTS / "data" / "texts"
REGISTRY = TESTS / "data" / "registry" / "imt.yaml"


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    """A folder with Resolution 57 (en, fr) and Resolution 38 (en)."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for name in ("wtsa-res-57-en.txt", "wtsa-res-57-fr.txt", "wtsa-res-38-en.txt"):
        shutil.copy(TEXTS / name, folder)
    return folder


@pytest.fixture
def db(cli_database: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("INTERSECTOR_AUTHOR", "tester")
    return cli_database


def test_ingest_then_reingest_changes_nothing(
    db: str, texts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run(["ingest", str(texts)]) == 0
    assert "stored 3 new or changed, 0 unchanged" in capsys.readouterr().out
    assert cli.run(["ingest", str(TEXTS / "wtsa-res-57-fr.txt")]) == 0
    assert "stored 0 new or changed, 1 unchanged" in capsys.readouterr().out


def test_ingest_stores_good_files_and_lists_bad_ones(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(TEXTS / "wtsa-res-38-en.txt", tmp_path)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "shopping.txt").write_text("eggs\nmilk\n")
    assert cli.run(["ingest", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert "stored 1 new or changed" in captured.out
    assert "2 file(s) not read" in captured.err
    assert "the file is empty" in captured.err and "no ITU text" in captured.err
    assert cli.run(["show", "wtsa-res-38"]) == 0
    assert '"id": "wtsa-res-38"' in capsys.readouterr().out


def test_ingest_lenient_keeps_unknown_texts(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("Some notes about IMT-2020.\n")
    assert cli.run(["ingest", "--lenient", str(tmp_path)]) == 0
    assert "stored 1 new or changed" in capsys.readouterr().out


def test_show_a_document_by_language(
    db: str, texts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.run(["ingest", str(texts)])
    capsys.readouterr()
    assert cli.run(["show", "wtsa-res-57", "--language", "fr"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["document"]["language"] == "fr"
    assert shown["versions"] == ["wtsa-res-57@dubai-2012/en", "wtsa-res-57@dubai-2012/fr"]
    assert cli.run(["show", "wtsa-res-57", "--language", "es"]) == 2
    assert "language=es" in capsys.readouterr().err


def test_load_show_history_restore(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run(["load", str(REGISTRY)]) == 0
    assert "12 new, 0 changed, 0 unchanged item(s) from 1 of 1 file(s)" in capsys.readouterr().out
    changed = tmp_path / "imt.yaml"
    changed.write_text(REGISTRY.read_text().replace("status: in-force", "status: superseded", 1))
    assert cli.run(["load", str(changed)]) == 0
    assert "0 new, 1 changed, 11 unchanged" in capsys.readouterr().out
    assert cli.run(["history", "activity", "itu-r-rec-m.2083"]) == 0
    out = capsys.readouterr().out
    assert "tester" in out and "status" in out and "(new)" in out
    assert cli.run(["restore", "activity", "itu-r-rec-m.2083", "1"]) == 0
    assert "version 3 (= version 1)" in capsys.readouterr().out
    assert cli.run(["show", "itu-r-rec-m.2083", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "status: in-force" in out and "version: 3" in out


def test_load_reports_each_problem_and_exits_2(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("groups:\n  - id: g\n    sector: itu-t\n    kind: club\n    name: n\n")
    assert cli.run(["load", str(REGISTRY), str(bad)]) == 2
    captured = capsys.readouterr()
    assert "12 new" in captured.out and "from 1 of 2 file(s)" in captured.out
    assert "bad.yaml" in captured.err and "kind" in captured.err and "club" in captured.err


@pytest.mark.parametrize(
    ("fmt", "output"), [("yaml", "r.yaml"), ("json", "r.json"), ("csv", "csv")]
)
def test_export_round_trips_through_load(
    db: str, tmp_path: Path, fmt: str, output: str, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.run(["load", str(REGISTRY)])
    cli.run(["restore", "activity", "itu-r-rec-m.2150", "1"])
    assert cli.run(["export", "--format", fmt, "--output", str(tmp_path / output)]) == 0
    capsys.readouterr()
    assert cli.run(["load", str(tmp_path / output)]) == 0
    assert "0 new, 0 changed, 12 unchanged" in capsys.readouterr().out


def test_unknown_ids_are_user_errors(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["show", "nothing-here"]) == 2
    assert "nothing stored with id 'nothing-here'" in capsys.readouterr().err
    assert cli.run(["history", "activity", "nope"]) == 2
    assert cli.run(["restore", "activity", "nope", "1"]) == 2
