"""Ingesting a part of a publication (an amendment, an erratum) stores it under its own id,
linked to its parent, never as the Recommendation itself (issue 11) — SQLite and PostgreSQL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from intersector import cli

DOCUMENTS = Path(__file__).parent / "data" / "itu-documents"
PARTS = ("T-REC-P.340-201410-I_Amd1_MSW-E.docx", "T-REC-T.832-201703-I_Err1_MSW-E.docx")


def test_parts_are_stored_under_their_own_ids(
    cli_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in PARTS:
        shutil.copy(DOCUMENTS / name, tmp_path)
    assert cli.run(["ingest", str(tmp_path)]) == 0
    assert "stored 2 new or changed" in capsys.readouterr().out
    for part, parent in (
        ("itu-t-rec-p.340-amd1", "itu-t-rec-p.340"),
        ("itu-t-rec-t.832-err1", "itu-t-rec-t.832"),
    ):
        assert cli.run(["show", part, "--format", "json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert (shown["document"]["id"], shown["document"]["parent"]) == (part, parent)
        assert cli.run(["show", parent]) == 2  # the Recommendation itself was not stored
        assert "nothing stored" in capsys.readouterr().err
