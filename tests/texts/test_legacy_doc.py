"""Legacy Word .doc through LibreOffice (texts/legacy_doc.py), on ITU's own .doc files."""

from __future__ import annotations

import io
import os
import shutil
import stat
import struct
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import olefile
import pytest
from hypothesis import given
from hypothesis import strategies as st
from msoffcrypto.format.ooxml import OOXMLFile  # dev dependency: encrypts as Word does

from intersector.domain.errors import InputError
from intersector.texts.legacy_doc import OLE_MAGIC, WORD2_MAGICS, Office, doc_to_docx
from intersector.texts.readers import read_bytes, read_file

ITU = Path(__file__).resolve().parents[1] / "data" / "itu-documents"
DOCS = {  # file → words its text must hold (the title, as ITU wrote it)
    "R-REC-BO.600-1-198607-I__MSW-E.doc": "determination of protection ratios for television",
    "R-REC-S.354-2-197407-I__MSW-E.doc": "Video bandwidth and permissible noise level",
    "T-REC-P.862-200710-I_Cor1_MSW-E.doc": "Perceptual evaluation of speech quality",
    "T-REC-R.21-199608-I__MSW-E.doc": "9600 bit/s modem standardized for use",
    "T-REC-U.1-199303-I__MSW-E.doc": "SIGNALLING CONDITIONS TO BE APPLIED",
    "T-REC-V.8-200011-I__MSW-E.doc": "Procedures for starting sessions of data transmission",
    "T-REC-X.ImpOSI-200612-I__MSW-E.doc": "Implementer",
}
MISSING = Office(command="no-such-soffice-here")


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice's `soffice`: these tests skip without it, except under CI (env CI set)."""
    found = shutil.which("soffice")
    if found is None:
        reason = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI is set, so the .doc tests must run")
        pytest.skip(reason)
    return found


def doc_bytes(name: str = "T-REC-R.21-199608-I__MSW-E.doc") -> bytes:
    return (ITU / name).read_bytes()


def with_fib_flag(data: bytes, flag: int) -> bytes:
    """A real .doc with `flag` set in its FIB flags (offset 10 of the WordDocument stream)."""
    buffer = io.BytesIO(data)
    with olefile.OleFileIO(buffer, write_mode=True) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        (flags,) = struct.unpack_from("<H", stream, 10)
        struct.pack_into("<H", stream, 10, flags | flag)
        ole.write_stream("WordDocument", bytes(stream))
    return buffer.getvalue()


@pytest.mark.parametrize("name", sorted(DOCS))
def test_each_itu_doc_is_read(soffice: str, name: str) -> None:
    result = read_file(ITU / name)
    assert (result.format, result.encoding) == ("doc", "doc")
    assert DOCS[name] in " ".join(result.text.split())
    assert result.text.count("\n") > 20


def test_conversions_in_parallel_do_not_collide(soffice: str) -> None:
    names = ["R-REC-S.354-2-197407-I__MSW-E.doc", "T-REC-R.21-199608-I__MSW-E.doc"]
    with ThreadPoolExecutor(2) as pool:
        texts = list(pool.map(lambda n: read_file(ITU / n).text, names))
    assert [DOCS[n] in " ".join(t.split()) for n, t in zip(names, texts, strict=True)] == [
        True,
        True,
    ]


def test_the_doc_path_reuses_the_docx_reader(soffice: str) -> None:
    docx = doc_to_docx(doc_bytes(), source="r21.doc")
    assert docx.startswith(b"PK")
    assert read_bytes(docx).text == read_bytes(doc_bytes()).text


def test_missing_libreoffice_is_named(tmp_path: Path) -> None:
    path = tmp_path / "r21.doc"
    path.write_bytes(doc_bytes())
    with pytest.raises(InputError) as caught:
        read_file(path, office=MISSING)
    message = str(caught.value)
    assert str(path) in message
    assert "LibreOffice" in message and "libreoffice-writer-nogui" in message


def test_a_hanging_conversion_is_killed_and_reported(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    fake = tmp_path / "fake-soffice"
    fake.write_text(f"#!/bin/sh\necho $$ >> {pids}\nsleep 60 &\necho $! >> {pids}\nwait\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        read_bytes(doc_bytes(), source="r21.doc", office=Office(command=str(fake), timeout=1))
    assert time.monotonic() - started < 20
    assert "r21.doc" in str(caught.value) and "stopped" in str(caught.value)
    assert not [pid for pid in map(int, pids.read_text().split()) if running(pid)]


def running(pid: int) -> bool:
    """Whether `pid` still runs (a zombie waiting for its reaper does not)."""
    for _ in range(50):
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return False
        if state == "Z":
            return False
        time.sleep(0.05)
    return True


def test_a_password_protected_doc_is_refused_before_libreoffice() -> None:
    data = with_fib_flag(doc_bytes(), 0x0100)  # fEncrypted, what Word sets with a password
    with pytest.raises(InputError, match="password-protected") as caught:
        read_bytes(data, source="secret.doc", office=MISSING)
    assert "secret.doc" in str(caught.value)


def test_a_password_protected_docx_is_named() -> None:
    plain = (ITU.parent / "docx" / "wtsa-res-57-en.docx").read_bytes()
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt("secret", encrypted)
    with pytest.raises(InputError, match="password-protected") as caught:
        read_bytes(encrypted.getvalue(), source="secret.docx", office=MISSING)
    assert "secret.docx" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (doc_bytes()[:4096], "damaged"),  # cut short: the OLE directory is gone
        (OLE_MAGIC + bytes(600), "damaged"),
        (WORD2_MAGICS[0] + bytes(4), "damaged"),
    ],
)
def test_a_corrupt_doc_is_named(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason) as caught:
        read_bytes(data, source="broken.doc", office=MISSING)
    assert "broken.doc" in str(caught.value)


def test_a_doc_libreoffice_cannot_convert_is_named(tmp_path: Path) -> None:
    fake = tmp_path / "fake-soffice"  # what LibreOffice does with a .doc it cannot load
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    with pytest.raises(InputError, match="source file could not be loaded") as caught:
        read_bytes(doc_bytes(), source="unloadable.doc", office=Office(command=str(fake)))
    assert "unloadable.doc" in str(caught.value)


@given(st.binary(max_size=4096), st.sampled_from([OLE_MAGIC, *WORD2_MAGICS]))
def test_random_bytes_as_doc_never_crash(tail: bytes, magic: bytes) -> None:
    try:
        read_bytes(magic + tail, source="fuzz.doc", office=MISSING)
    except InputError as error:
        assert "fuzz.doc" in str(error)
