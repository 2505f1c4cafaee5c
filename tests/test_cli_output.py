"""How the CLI speaks (issue 12): `--help` with plain types and examples, wide tables when piped
(no word broken, no id cut) or `--width`, JSON beside each table, `parse --format akn` of several
texts one file each, `demo`'s sample found from any directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from intersector import cli, cli_help
from intersector.reports.terminal import WIDE, Terminal

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "data" / "sample" / "texts"


def _commands(app: object, prefix: str = "") -> list[str]:
    import typer

    assert isinstance(app, typer.Typer)
    names = [
        f"{prefix}{(c.name or c.callback.__name__).replace('_', '-')}"
        for c in app.registered_commands
        if c.callback
    ]
    for group in app.registered_groups:
        names += _commands(group.typer_instance, f"{prefix}{group.name} ")
    return names


def test_every_command_has_examples_and_plain_types(capsys: pytest.CaptureFixture[str]) -> None:
    commands = _commands(cli.app)
    assert len(commands) >= 24
    for command in commands:
        assert cli_help.EXAMPLES.get(command), f"no examples for {command}"
        assert cli.run([*command.split(), "--help"]) == 0
        out = capsys.readouterr().out
        assert "Examples" in out and f"intersector {command}" in out, command
        assert "<list[" not in out and "<str>" not in out and "<bool>" not in out, command


def test_help_shows_value_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["roadmap", "--help"]) == 0
    out = capsys.readouterr().out
    assert "YYYY-MM-DD" in out and "TEXT" in out and "PATH" in out


def test_a_piped_console_is_wide_and_columns_or_width_win(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    with Path(os.devnull).open("w") as pipe:
        assert Terminal(file=pipe).width == WIDE
        monkeypatch.setenv("COLUMNS", "90")
        assert Terminal(file=pipe).width == 90
    assert Terminal(width=50).width == 50


def test_piped_tables_keep_words_and_ids_whole(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env |= {
        "PYTHONPATH": str(ROOT / "src"),
        "INTERSECTOR_DATABASE_URL": f"sqlite:///{tmp_path / 'd.db'}",
    }
    run = [sys.executable, "-m", "intersector.cli"]
    subprocess.run(
        [*run, "load", str(ROOT / "data" / "sample" / "registry")],
        env=env,
        check=True,
        capture_output=True,
    )
    out = subprocess.run(
        [*run, "roadmap", "imt", "--today", "2025-06-01"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Milestones" in out and "Detailed specifications of the terrestrial radio" in out
    assert max(len(line) for line in out.splitlines()) > 100  # not folded at 80 columns
    narrow = subprocess.run(
        [*run, "--width", "60", "roadmap", "imt"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert max(len(line) for line in narrow.splitlines()) <= 60


def test_parse_akn_of_several_texts_needs_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(TEXTS / "wtsa-res-57-en.txt"), str(TEXTS / "wtsa-res-57-fr.txt")]
    assert cli.run(["parse", *files, "--format", "akn"]) == 2
    assert "give --output FOLDER" in " ".join(capsys.readouterr().err.split())
    assert cli.run(["parse", *files, "--format", "akn", "--output", str(tmp_path / "akn")]) == 0
    written = sorted(p.name for p in (tmp_path / "akn").iterdir())
    assert written == ["wtsa-res-57-en.xml", "wtsa-res-57-fr.xml"]
    from lxml import etree

    for name in written:  # each a whole XML document
        assert etree.parse(str(tmp_path / "akn" / name)).getroot().tag.endswith("akomaNtoso")
    assert cli.run(["parse", files[0], "--format", "json", "--output", str(tmp_path)]) == 2


def test_demo_finds_the_sample_from_elsewhere_or_says_where_it_looked(
    cli_database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from intersector import services
    from intersector.settings import Settings

    monkeypatch.chdir(tmp_path)
    assert services.sample_folder(Settings()) == ROOT / "data" / "sample"
    assert services.sample_folder(Settings(sample=str(ROOT / "data" / "sample"))).is_dir()
    monkeypatch.setenv("INTERSECTOR_SAMPLE", str(tmp_path / "nowhere"))
    assert cli.run(["demo"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "no sample corpus" in err and "nowhere" in err and "INTERSECTOR_SAMPLE" in err


def test_versions_and_history_as_json(
    cli_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run(["ingest", str(TEXTS)]) == 0
    assert cli.run(["load", str(ROOT / "data" / "sample" / "registry")]) == 0
    capsys.readouterr()
    assert cli.run(["versions", "wtsa-res-57", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {v["language"] for v in found["versions"]} == {"en", "fr"}
    assert cli.run(["history", "activity", "itu-r-rec-m.2150", "--format", "json"]) == 0
    [first] = json.loads(capsys.readouterr().out)
    assert first["version"] == 1 and first["data"]["id"] == "itu-r-rec-m.2150"
    assert cli.run(["mapping", "itu-d:itu-r", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["mapping"] == "itu-d:itu-r"
