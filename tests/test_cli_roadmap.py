"""`intersector roadmap` and `intersector check` on a store loaded from small fixtures (runs on
SQLite and PostgreSQL through the shared `store` fixture)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from tests.builders import activity, group, liaison, mechanism, roadmap, subject

from intersector import cli
from intersector.domain.registry import Activity
from intersector.store import Store

TODAY = "2025-01-15"

ITEMS = (
    subject("imt"),
    subject("broadband"),
    group("itu-r-wp5d"),
    group("itu-t-sg13"),
    group("itu-d-sg1"),
    activity("itu-r-rec-m.2160", status="approved"),
    activity("itu-r-q229-5"),
    Activity(
        "itu-r-rec-m.1036",
        "itu-r",
        "recommendation",
        "M.1036",
        "Frequency arrangements",
        group="itu-r-wp5d",
        subjects=("imt",),
        status="suppressed",
    ),
    activity("itu-t-rec-y.3101"),
    activity("itu-d-q1-1"),
    roadmap("itu-r-imt", "itu-r-rec-m.2160", "itu-r-q229-5", "itu-r-rec-m.1036"),
    liaison("itu-r-wp5d-ls-1"),
    mechanism("jtg-4-5-6-7"),
)


@pytest.fixture
def loaded(store: Store, cli_database: str) -> str:
    store.save_many(ITEMS, author="test", reason="fixture")
    return cli_database


def test_roadmap_table(loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["roadmap", "imt", "--today", TODAY]) == 0
    out = capsys.readouterr().out
    for text in ("IMT roadmap, as of 2025-01-15", "M.2160", "229/5", "Y.3101", "5D/TEMP/123"):
        assert text in out
    assert "late-dependency" in out and "stale-roadmap-entry" in out


def test_roadmap_json_to_stdout(loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["roadmap", "imt", "--format", "json", "--today", TODAY]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(lane["sector"], lane["origin"]) for lane in data["lanes"]] == [
        ("itu-r", "maintained"),
        ("itu-t", "derived"),
        ("itu-d", "derived"),
    ]
    r_rows = data["lanes"][0]["rows"]
    assert [r["identifier"] for r in r_rows] == ["M.2160", "229/5", "M.1036"]
    assert r_rows[2]["withdrawn"] is False and r_rows[2]["status"] == "suppressed"
    checks = {f["check"] for f in data["findings"]}
    assert checks == {"late-dependency", "liaison-overdue", "past-target", "stale-roadmap-entry"}


def test_roadmap_files(loaded: str, tmp_path: Path) -> None:
    html, xlsx, ics = (tmp_path / f"imt.{ext}" for ext in ("html", "xlsx", "ics"))
    for fmt, path in (("html", html), ("xlsx", xlsx), ("ics", ics)):
        args = ["roadmap", "imt", "--format", fmt, "--output", str(path), "--today", TODAY]
        assert cli.run(args) == 0
    assert "<svg" in html.read_text() and 'class="bar late"' in html.read_text()
    assert load_workbook(xlsx).sheetnames[:4] == ["Joined", "ITU-R", "ITU-T", "ITU-D"]
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert any(str(e["SUMMARY"]).startswith("Reply due from SG13") for e in events)


def test_roadmap_default_file_name_and_one_sector(
    loaded: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["roadmap", "imt", "--sector", "itu-t", "--format", "html", "--today", TODAY]
    assert cli.run(args) == 0
    page = (tmp_path / "roadmap-imt.html").read_text()
    assert "ITU-T Y.3101" in page and "ITU-R roadmap" not in page


def test_check_table_and_json(loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["check", "--today", TODAY]) == 0
    out = capsys.readouterr().out
    assert "no-counterpart" in out  # broadband: ITU-D only
    assert "Alignment findings by check (5 in all)" in out
    assert cli.run(["check", "--today", TODAY, "--limit", "2"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "the first 2 of 5" in out and "3 more: --limit 0 shows all" in out
    assert cli.run(["check", "--subject", "broadband", "--format", "json", "--today", TODAY]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["count"] == 1 and data["findings"][0]["items"] == ["itu-d-q1-1"]


def test_user_errors_exit_2_without_traceback(
    loaded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run(["roadmap", "nothing", "--today", TODAY]) == 2
    err = capsys.readouterr().err
    assert "no subject 'nothing'" in err and "known subjects: broadband, imt" in err
    assert "Traceback" not in err
    assert cli.run(["roadmap", "imt", "--sector", "itu-x"]) == 2
    assert "unknown value 'itu-x': known values are itu-d, itu-r, itu-t" in capsys.readouterr().err
    assert cli.run(["roadmap", "imt", "--format", "pdf"]) == 2
    assert cli.run(["check", "--format", "xml"]) == 2
    assert cli.run(["check", "--today", "15/01/2025"]) == 2


def test_commands_have_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("roadmap", "check"):
        assert cli.run([command, "--help"]) == 0
        assert "--format" in capsys.readouterr().out


SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


def test_demo_loads_the_sample_and_writes_the_imt_roadmap(
    cli_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "imt.html"
    args = ["demo", "--sample", str(SAMPLE), "--output", str(page), "--today", TODAY]
    assert cli.run(args) == 0
    out = "".join(capsys.readouterr().out.split())  # Rich wraps at the terminal's width
    assert "0row(s)refused" in out and "0failed" in out
    assert "InternationalMobileTelecommunications(IMT)roadmap" in out
    assert "Alignmentfindings" in out and f"wrotetheHTMLroadmapto{page}" in out
    html = page.read_text()
    assert "<svg" in html and "ITU-R M.2150" in html and "ITU-T Y.3101" in html
    assert cli.run(args) == 0  # a second run changes nothing
    assert "registry: 0 new" in capsys.readouterr().out


def test_demo_without_a_sample_folder_is_a_user_error(
    cli_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run(["demo", "--sample", str(tmp_path)]) == 2
    assert "no sample corpus" in " ".join(capsys.readouterr().err.split())
