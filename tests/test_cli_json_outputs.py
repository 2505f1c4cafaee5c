"""`parse`, `check` and `overlaps` in JSON through the CLI (issue 8): whatever control
characters the texts and titles hold (ESC sequences, DEL, C1 controls, bidi overrides, line
separators), stdout is one valid JSON value that gives them back. Lone surrogates cannot reach
a store or a read text; the report functions' own tests give them
(tests/reports/test_json_text.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.builders import activity, group, subject

from intersector import cli, services
from intersector.coordination.embeddings import HashingEmbedder
from intersector.domain.registry import Activity
from intersector.store import Store

RES57 = Path(__file__).parent / "data" / "texts" / "wtsa-res-57-en.txt"
HOSTILE = '\x1b[2J\x7f\x85\x9b1m\u202eevil\u2028\u2029\t"\\'


def test_parse_json_holds_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = RES57.read_text(encoding="utf-8").replace(
        "Strengthening coordination", f"Strengthening{HOSTILE} coordination", 1
    )
    path = tmp_path / "res57.txt"
    path.write_text(text, encoding="utf-8")
    assert cli.run(["parse", str(path)]) == 0
    document = json.loads(capsys.readouterr().out)
    title = document["title"]  # the cleaner takes the bidi override out, a tab is a space
    assert title.startswith('Strengthening\x1b[2J\x7f\x85\x9b1mevil\u2028\u2029 "\\ coord')


@pytest.fixture
def hostile_registry(store: Store, cli_database: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(services, "analytics_embedder", HashingEmbedder)
    items = [subject("broadband"), group("itu-d-sg1"), group("itu-t-sg13")]
    items += [activity("itu-d-q1-1"), activity("itu-t-rec-y.3101")]
    items += [
        Activity(
            f"itu-{sector}-q{n}-1",
            f"itu-{sector}",
            "question",
            f"Q{n}/1",
            f"broadband access{HOSTILE} in rural areas, part {n}",
            group=f"itu-{sector}-sg1" if sector == "d" else "itu-t-sg13",
            subjects=("broadband",),
        )
        for sector in ("d", "t")
        for n in (7, 8)
    ]
    store.save_many(items, author="test", reason="fixture")
    return cli_database


def test_check_and_overlaps_json_hold_control_characters(
    hostile_registry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run(["check", "--format", "json", "--today", "2025-01-15"]) == 0
    findings = json.loads(capsys.readouterr().out)
    assert findings["count"] == len(findings["findings"])
    assert cli.run(["overlaps", "--format", "json", "--min-score", "0"]) == 0
    rows = json.loads(capsys.readouterr().out)
    titles = {side["title"] for row in rows for side in (row["left"], row["right"])}
    assert any(HOSTILE in title for title in titles), titles
