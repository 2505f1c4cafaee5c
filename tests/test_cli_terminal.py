"""The CLI prints what users wrote as itself (issue 8 item 14): file names and contents carrying
Rich markup (`[red]`), emoji codes (`:x:`), terminal escape sequences (`ESC[2J` clears the
screen), C1 controls, bidirectional overrides or lone surrogates are shown, never obeyed — in
errors, in the problems of `load`, in tables (`history`) and in `show`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from intersector import cli
from intersector.reports.terminal import Terminal, safe

CLEAR = "\x1b[2J"
HOSTILE = f"{CLEAR}:x:[red]boom[/red]\x9b\u202e"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text, é, 中文", "plain text, é, 中文"),
        ("tab\tand\nnew line", "tab\tand\nnew line"),
        (CLEAR, "\\x1b[2J"),
        ("bell\x07 nul\x00 del\x7f", "bell\\x07 nul\\x00 del\\x7f"),
        ("c1 \x9b csi", "c1 \\x9b csi"),
        ("right\u202eto left", "right\\u202eto left"),
        ("lone \ud800 surrogate", "lone \\ud800 surrogate"),
    ],
)
def test_safe_shows_controls_as_escapes(text: str, shown: str) -> None:
    assert safe(text) == shown


def test_the_terminal_obeys_no_markup_emoji_or_escape() -> None:
    console = Terminal(record=True, width=200, color_system="truecolor")
    console.print(f"title {HOSTILE}")
    out = console.export_text()  # what was printed, without the console's own styling
    assert ":x:" in out and "[red]boom[/red]" in out and "\\x1b[2J" in out
    assert "\x1b[2J" not in out and "\u274c" not in out and "\x9b" not in out


def _visible_only(out: str) -> None:
    assert CLEAR not in out and "\x9b" not in out and "\u202e" not in out
    assert "\u274c" not in out  # the emoji :x: would have become


def test_load_problems_show_hostile_names_and_contents(cli_database: str, tmp_path: Path) -> None:
    path = tmp_path / f"groups-{CLEAR}:x:[red]x.json"
    path.write_text(
        '{"groups": [\n {"id": "g1", "sector": "itu-t", "name": "n",\n'
        '  "kind": "club\\u001b[2J:x:[red]x[/red]"}]}',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli.app, ["load", str(path)])
    assert result.exit_code == 2
    _visible_only(result.output)
    assert "groups-\\x1b[2J:x:[red]x.json, line 3, field 'kind'" in result.output


def test_errors_show_hostile_file_names(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / f"res{CLEAR}:x:[bold]57[/bold]\u202e.txt"
    assert cli.run(["parse", str(missing)]) == 2
    err = capsys.readouterr().err
    _visible_only(err)
    assert "res\\x1b[2J:x:[bold]57[/bold]\\u202e.txt" in err


def test_tables_and_show_print_stored_text_as_itself(
    cli_database: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the CLI's consoles, wide enough for one line per table row whatever the test terminal
    monkeypatch.setattr(cli, "console", Terminal(width=400))
    monkeypatch.setattr(cli, "err_console", Terminal(stderr=True, width=400))
    registry = tmp_path / "groups.json"
    registry.write_text(
        '{"groups": [{"id": "g1", "sector": "itu-t", "kind": "study-group", "name": "SG"}]}',
        encoding="utf-8",
    )
    monkeypatch.setenv("INTERSECTOR_AUTHOR", f"mallory {HOSTILE}")  # kept as each version's author
    assert cli.run(["load", str(registry)]) == 0
    capsys.readouterr()
    assert cli.run(["history", "group", "g1"]) == 0
    out = capsys.readouterr().out
    _visible_only(out)
    assert ":x:" in out and "[red]boom[/red]" in out
    assert cli.run(["show", "g1", "--format", "text"]) == 0
    _visible_only(capsys.readouterr().out)


def test_show_as_json_escapes_what_a_terminal_would_obey(
    cli_database: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import json

    monkeypatch.setattr(cli, "console", Terminal(width=400))
    registry = tmp_path / "groups.json"
    name = f"SG {HOSTILE} é"
    registry.write_text(
        json.dumps(
            {"groups": [{"id": "g1", "sector": "itu-t", "kind": "study-group", "name": name}]}
        ),
        encoding="utf-8",
    )
    assert cli.run(["load", str(registry)]) == 0
    capsys.readouterr()
    assert cli.run(["show", "g1", "--format", "json"]) == 0
    out = capsys.readouterr().out
    _visible_only(out)
    assert "\\u009b" in out and "\\u202e" in out and "é" in out  # accents stay readable
    shown = json.loads(out)  # and the JSON reads back to the stored text
    assert shown.get("name", shown.get("data", {}).get("name")) == name, shown
