"""Bad input through the doors (issue 11): password-protected or corrupt .docx/.doc/.pdf, a
scanned PDF, an .odt, a 200 MB file — each a clear message naming the file, exit 2, nothing
stored (`parse`, `ingest`).
The bad files are made here from real ITU files; the 200 MB one is sparse."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import olefile
import pytest
from msoffcrypto.format.ooxml import OOXMLFile  # dev dependency: encrypts as Word does
from tests.texts.pdfs import encrypted, scanned_pdf

from intersector import cli
from intersector.store import open_store

DATA = Path(__file__).resolve().parent / "data"
DOCX = DATA / "docx" / "wtsa-res-57-en.docx"
DOC = DATA / "itu-documents" / "T-REC-R.21-199608-I__MSW-E.doc"
PDF = DATA / "itu-documents" / "T-REC-U.1-199303-I__PDF-E.pdf"


def encrypted_docx(path: Path) -> str:
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(DOCX.read_bytes())).encrypt("secret", out)
    path.write_bytes(out.getvalue())
    return "password-protected"


def corrupt_docx(path: Path) -> str:
    data = DOCX.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # cut in half: no central directory
    return "damaged"


def encrypted_doc(path: Path) -> str:
    buffer = io.BytesIO(DOC.read_bytes())
    with olefile.OleFileIO(buffer, write_mode=True) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        (flags,) = struct.unpack_from("<H", stream, 10)
        struct.pack_into("<H", stream, 10, flags | 0x0100)  # fEncrypted
        ole.write_stream("WordDocument", bytes(stream))
    path.write_bytes(buffer.getvalue())
    return "password-protected"


def corrupt_doc(path: Path) -> str:
    path.write_bytes(DOC.read_bytes()[:8192])
    return "damaged"


def odt(path: Path) -> str:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    path.write_bytes(out.getvalue())
    return "OpenDocument"


def scanned(path: Path) -> str:
    path.write_bytes(scanned_pdf())
    return "no text"


def encrypted_pdf(path: Path) -> str:
    path.write_bytes(encrypted(PDF.read_bytes()))
    return "password-protected"


def corrupt_pdf(path: Path) -> str:
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    return "damaged PDF"


def huge(path: Path) -> str:
    with path.open("wb") as file:  # sparse: 200 MB on paper, a few blocks on disk
        file.write(DOCX.read_bytes()[:4096])
        file.truncate(200 * 10**6)
    return "too large"


BAD: dict[str, Callable[[Path], str]] = {
    "secret.docx": encrypted_docx,
    "broken.docx": corrupt_docx,
    "secret.doc": encrypted_doc,
    "broken.doc": corrupt_doc,
    "text.odt": odt,
    "scan.pdf": scanned,
    "secret.pdf": encrypted_pdf,
    "broken.pdf": corrupt_pdf,
    "huge.docx": huge,
}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # short names, so Rich tables need no wrapping
    return tmp_path


@pytest.mark.parametrize("name", sorted(BAD))
def test_parse_names_the_bad_file(
    workdir: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    reason = BAD[name](workdir / name)
    assert cli.run(["parse", name]) == 2
    out, err = capsys.readouterr()
    err = " ".join(err.split())
    assert (out, name in err, reason in err, "Traceback" in err) == ("", True, True, False)


@pytest.mark.parametrize("name", sorted(BAD))
def test_ingest_names_the_bad_file_and_stores_nothing(
    cli_database: str, workdir: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    reason = BAD[name](workdir / name)
    assert cli.run(["ingest", name]) == 2
    out, err = capsys.readouterr()
    err = " ".join(err.split())
    assert (name in err, reason in err, "Traceback" in err) == (True, True, False)
    assert "stored 0 new or changed, 0 unchanged" in out
    with open_store(cli_database) as store:
        assert store.documents() == []


def test_a_hanging_doc_conversion_is_stopped_after_the_configured_timeout(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """INTERSECTOR_CONVERT_TIMEOUT reaches the conversion: a LibreOffice that never ends
    (INTERSECTOR_SOFFICE, a script that sleeps) is stopped after it, exit 2, the file named."""
    fake = workdir / "hanging-soffice"
    fake.write_text("#!/bin/sh\nsleep 60\n")
    fake.chmod(0o755)
    (workdir / "hang.doc").write_bytes(DOC.read_bytes())
    monkeypatch.setenv("INTERSECTOR_SOFFICE", str(fake))
    monkeypatch.setenv("INTERSECTOR_CONVERT_TIMEOUT", "1")
    started = time.monotonic()
    assert cli.run(["parse", "hang.doc"]) == 2
    assert time.monotonic() - started < 20
    err = " ".join(capsys.readouterr().err.split())
    assert "hang.doc" in err and "still converting" in err and "after 1 s" in err
    assert "Traceback" not in err
