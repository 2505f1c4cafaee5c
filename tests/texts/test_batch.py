from __future__ import annotations

from pathlib import Path

from intersector.domain.errors import InputError, UnknownTextError
from intersector.texts.batch import parse_file, parse_files

SEED = Path(__file__).resolve().parents[1] / "data" / "texts" / "wtsa-res-57-en.txt"


def test_files_keep_their_order_and_their_own_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    unknown = tmp_path / "list.txt"
    unknown.write_text("milk\nbread\n", encoding="utf-8")
    results = parse_files([empty, SEED, unknown])
    assert [r.path for r in results] == [str(empty), str(SEED), str(unknown)]
    assert [r.ok for r in results] == [False, True, False]
    assert isinstance(results[0].error, InputError)
    assert isinstance(results[2].error, UnknownTextError)
    assert results[1].document is not None
    assert results[1].document.id == "wtsa-res-57"
    assert results[1].segments == ()


def test_segments_are_kept_when_asked_even_for_unknown_texts(tmp_path: Path) -> None:
    unknown = tmp_path / "list.txt"
    unknown.write_text("milk\nbread\n", encoding="utf-8")
    result = parse_file(unknown, segments=True)
    assert result.error is not None
    assert [line.text for line in result.segments] == ["milk", "bread"]
    assert parse_file(SEED, segments=True).segments[0].number == 1


def test_lenient_gives_a_document_with_warnings(tmp_path: Path) -> None:
    unknown = tmp_path / "list.txt"
    unknown.write_text("milk\nbread\n", encoding="utf-8")
    result = parse_file(unknown, lenient=True)
    assert result.ok
    assert result.document is not None
    assert result.document.warnings
