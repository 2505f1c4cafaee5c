"""Issue 8, items 7 and 8, through the doors the campaign used: `intersector parse` and
`intersector ingest` on malformed and hostile files give a clear error naming the file and exit 2,
never a traceback or a hang, and a bad file never stops a batch."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from tests import hostile_files

from intersector import cli
from intersector.texts import readers

TEXTS = Path(__file__).parent / "data" / "texts"
DOCX = Path(__file__).parent / "data" / "docx"

MALFORMED: dict[str, tuple[Callable[[], bytes], str]] = {
    "ilvl.docx": (hostile_files.non_integer_ilvl, "w:ilvl 'x' is not a whole number"),
    "para-ilvl.docx": (hostile_files.non_integer_paragraph_ilvl, "w:ilvl 'one'"),
    "start.docx": (hostile_files.enormous_start, "w:start '99999"),
    "deflate.docx": (hostile_files.corrupt_deflate, "zip data is corrupt"),
}


@pytest.fixture(autouse=True)
def short_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files named relative to a temporary folder: Rich folds long paths on stderr."""
    monkeypatch.chdir(tmp_path)


def parse(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.run(["parse", *args])
    return code, " ".join(capsys.readouterr().err.split())


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_docx_is_a_clear_error(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    build, expected = MALFORMED[name]
    path = Path(name)
    path.write_bytes(build())
    code, err = parse(capsys, str(path))
    assert code == 2
    assert f"error: {path}: a damaged .docx" in err
    assert expected in err
    assert "Traceback" not in err


def test_zip_bomb_of_paragraphs_is_refused_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    """The campaign's 1.2 MB .docx that unzips to 400 MB of paragraphs (7 GB RSS, 170 s)."""
    path = Path("bomb.docx")
    path.write_bytes(hostile_files.paragraph_bomb(70_000_000))
    assert path.stat().st_size < 2 * 2**20
    code, err = parse(capsys, str(path))
    assert code == 2
    assert f"{path}: unzips to 401 MiB" in err


def test_paragraph_bomb_within_the_zip_limit_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    path = Path("bomb.docx")
    path.write_bytes(hostile_files.paragraph_bomb(5_000_000))  # 29 MB unzipped
    code, err = parse(capsys, str(path))
    assert code == 2
    assert f"{path}: the .docx holds 5,000,004 XML tags in one part" in err


def test_too_many_paragraphs_are_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_PARAGRAPHS", 20)
    shutil.copy(DOCX / "wtsa-res-38-en.docx", "res38.docx")
    code, err = parse(capsys, "res38.docx")
    assert code == 2
    assert "error: res38.docx: the .docx has 38 paragraphs" in err


def test_repeated_footnote_cannot_blow_up_the_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each anchor repeats its footnote's body: the characters made are counted."""
    monkeypatch.setattr(readers, "MAX_TEXT_CHARS", 2_000)
    shutil.copy(DOCX / "wtsa-res-38-en.docx", "res38.docx")
    code, err = parse(capsys, "res38.docx")
    assert code == 2
    assert "error: res38.docx: the .docx makes a text of more than" in err


def test_fifo_is_refused_without_waiting() -> None:
    fifo = Path("res57.txt")
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "intersector.cli", "parse", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "200", "PYTHONPATH": str(Path(cli.__file__).parents[1])},
    )
    assert result.returncode == 2
    assert f"{fifo}: is a named pipe (FIFO), not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


def test_link_to_a_device_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    link = Path("zero.docx")
    link.symlink_to("/dev/zero")
    code, err = parse(capsys, str(link))
    assert code == 2
    assert f"{link}: is a character device, not a regular file" in err


def test_link_to_a_regular_file_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    link = Path("res57.txt")
    link.symlink_to(TEXTS / "wtsa-res-57-en.txt")
    assert cli.run(["parse", str(link)]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "wtsa-res-57"


def test_size_is_checked_on_what_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    """A sparse file one byte over the limit: refused after reading the limit + 1 bytes."""
    path = Path("huge.txt")
    with path.open("wb") as file:
        file.truncate(readers.MAX_BYTES + 1)
    code, err = parse(capsys, str(path))
    assert code == 2
    assert f"{path}: is too large for an ITU text" in err


@pytest.fixture
def db(cli_database: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("INTERSECTOR_AUTHOR", "tester")
    return cli_database


def test_ingest_goes_on_after_bad_files(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Bad files sorted before and after the good ones: every good one is stored, every bad
    one listed with its reason, exit 2."""
    folder = Path("in")
    folder.mkdir()
    for name, (build, _expected) in MALFORMED.items():
        (folder / name).write_bytes(build())
    shutil.copy(TEXTS / "wtsa-res-57-en.txt", folder / "b-res57.txt")
    shutil.copy(DOCX / "wtsa-res-38-en.docx", folder / "z-res38.docx")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    assert cli.run(["ingest", str(folder)]) == 2
    captured = capsys.readouterr()
    assert "stored 2 new or changed" in captured.out
    err = " ".join(captured.err.split())
    assert "6 file(s) not read" in err
    for name in (*MALFORMED, "pipe.txt", "zero.txt"):
        assert name in err
    assert "Traceback" not in err
    for stored in ("wtsa-res-57", "wtsa-res-38"):
        assert cli.run(["show", stored]) == 0


RES57 = (TEXTS / "wtsa-res-57-en.txt").read_text(encoding="utf-8")
LONG_TEXTS: dict[str, Callable[[], str]] = {
    # each took from 50 s to 5 min before (measured on 8,000-20,000 units); now 1-5 s
    "one-line.txt": lambda: hostile_files.one_line(RES57, 4_000_000),
    "headings.txt": lambda: hostile_files.repeated_headings(20_000),
    "anchors.txt": lambda: hostile_files.anchors_on_one_line(20_000),
    "footnotes.txt": lambda: hostile_files.footnoted_clauses(20_000),
    "bookmarks.txt": lambda: hostile_files.nested_bookmarks(20_000),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(LONG_TEXTS))
def test_long_texts_do_not_hang(name: str) -> None:
    """Whole `intersector parse` processes under a timeout many times what linear time takes
    (a hang guard, not a speed target: speeds are in bench/)."""
    Path(name).write_text(LONG_TEXTS[name](), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "intersector.cli", "parse", "--lenient", "--format", "text", name],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "PYTHONPATH": str(Path(cli.__file__).parents[1])},
    )
    assert result.returncode in (0, 2)
    assert "Traceback" not in result.stderr
