"""`intersector ingest` stores only text every database keeps the same (issue 8 item 9): a NUL
character in a text (here from a UTF-16 export, which the reader decodes) crashed PostgreSQL with
UntranslatableCharacter where SQLite stored it; now the file is refused on both, named with where
in the document the character is, and the other files are still stored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from intersector import cli
from intersector.reports.terminal import Terminal
from intersector.store import open_store

TEXTS = Path(__file__).parent / "data" / "texts"


def test_a_nul_in_an_ingested_text_is_refused_alike(
    cli_database: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the CLI's consoles, wide enough for one line per table row whatever the test terminal
    monkeypatch.setattr(cli, "console", Terminal(width=400))
    monkeypatch.setattr(cli, "err_console", Terminal(stderr=True, width=400))
    text = (TEXTS / "wtsa-res-57-en.txt").read_text(encoding="utf-8")
    at = text.index("considering") + 200
    bad = tmp_path / "res57-nul.txt"
    bad.write_text(text[:at] + "\x00" + text[at:], encoding="utf-16")
    shutil.copy(TEXTS / "wtsa-res-38-en.txt", tmp_path)
    assert cli.run(["ingest", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    err = " ".join(captured.err.split())
    assert "res57-nul.txt" in err and "NUL character" in err and "Traceback" not in err
    assert "stored 1 new or changed" in captured.out
    with open_store(cli_database) as store:
        assert [d.id for d in store.documents()] == ["wtsa-res-38"]
