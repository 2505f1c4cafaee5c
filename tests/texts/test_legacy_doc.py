"""Legacy Word .doc through LibreOffice (texts/legacy_doc.py), on ITU's own .doc files."""

from __future__ import annotations

import difflib
import io
import os
import re
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

from intersector.domain.documents import Clause, Document
from intersector.domain.errors import InputError
from intersector.texts.legacy_doc import (
    OLE_MAGIC,
    WORD2_MAGICS,
    Office,
    doc_to_docx,
    strip_field_codes,
)
from intersector.texts.parse import parse_document
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
HEADINGS = {  # file → lines its text must hold as lines of their own (headings, clause labels)
    "R-REC-BO.600-1-198607-I__MSW-E.doc": ["1\tIntroduction", "2.1\tReference case conditions"],
    "R-REC-S.354-2-197407-I__MSW-E.doc": ["considering", "recommends"],
    "T-REC-P.862-200710-I_Cor1_MSW-E.doc": ["ITU-T P-SERIES RECOMMENDATIONS"],
    "T-REC-R.21-199608-I__MSW-E.doc": ["1\tScope", "3\tLine signal structure"],
    "T-REC-U.1-199303-I__MSW-E.doc": ["considering", "2\tFree line condition", "9.3\tGuard delay"],
    "T-REC-V.8-200011-I__MSW-E.doc": ["1\tScope", "2\tReferences"],
    "T-REC-X.ImpOSI-200612-I__MSW-E.doc": ["1\tIntroduction", "1.2\tScope of the Guide"],
}


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
    lines = {" ".join(line.split(" ")).strip() for line in result.text.splitlines()}
    lines = {" ".join(line.replace("\u2011", "-").split(" ")) for line in lines}
    assert [h for h in HEADINGS[name] if h not in {_spaces(line) for line in lines}] == []
    assert not re.search(r'\b(XE|TC) +"', result.text, re.I)  # no field code left as text


def _spaces(line: str) -> str:
    """A line with its runs of spaces made one (old ITU files space words twice)."""
    return re.sub(r" {2,}", " ", line)


def test_u1_doc_has_no_index_entries_and_its_title() -> None:
    """Word for Windows 2.0 index entries (XE fields) that LibreOffice leaves as text are
    gone, and the words around them are whole again (checked on the text, so without
    LibreOffice: the text of the U.1 .doc as LibreOffice 7.4 converts it, in part)."""
    converted = (
        "SIGNALLING  CONDITIONS  TO  BE  APPLIED\nIN  THE  INTERNATIONAL  TELEX  SERVICEXE "
        '"SIGNALLING  CONDITIONS  TO  BE  APPLIED\nIN  THE  INTERNATIONAL  TELEX  SERVICE"§\n'
        '3.1\tThe callXE "call"§ is characterized by an inversion to STOP polarity\n'
        '6.1\tThe selection signalsxe " selection signals"§ should be in conformity\n'
        '9.3\tGuard delayXE "Guard delay"§\n'
        'within the limits of § 2.1 XE "index" \\b \\f "a"§ and TC "Scope" \\l 1§.\n'
    )
    assert strip_field_codes(converted) == (  # the code's line break kept: lines stay put
        "SIGNALLING  CONDITIONS  TO  BE  APPLIED\nIN  THE  INTERNATIONAL  TELEX  SERVICE\n\n"
        "3.1\tThe call is characterized by an inversion to STOP polarity\n"
        "6.1\tThe selection signals should be in conformity\n"
        "9.3\tGuard delay\n"
        "within the limits of § 2.1  and .\n"
    )
    assert strip_field_codes("as given in § 2.1 of Annex 1") == "as given in § 2.1 of Annex 1"


def test_u1_doc_and_pdf_give_one_clause_tree(soffice: str) -> None:
    """ITU's .doc and PDF of U.1 (1993): the same id, and the same clause labels and texts
    under `considering` and `unanimously declares the view` (tables aside: the PDF has no
    table structure, so clauses found in table cells are left out of the comparison)."""
    from_doc = parse_document(read_file(ITU / "T-REC-U.1-199303-I__MSW-E.doc").text)
    from_pdf = parse_document(read_file(ITU / "T-REC-U.1-199303-I__PDF-E.pdf").text)
    assert from_doc.id == from_pdf.id == "itu-t-rec-u.1"
    assert from_doc.title.startswith("SIGNALLING CONDITIONS TO BE APPLIED IN THE INTERNATIONAL")
    assert "XE" not in from_doc.title
    doc, pdf = _numbered(from_doc), _numbered(from_pdf)
    assert [label for label, _ in doc] == [label for label, _ in pdf]
    assert len(doc) > 60
    # the PDF's italic font maps the quotes round a term to letters (`The f free line`)
    unlike = [(a, b) for (_, a), (_, b) in zip(doc, pdf, strict=True) if _ratio(a, b) < 0.85]
    assert unlike == []


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _numbered(document: Document) -> list[tuple[str, str]]:
    """Every clause numbered `1`, `1.2`, `a)`… with the start of its text, spacing aside."""
    found: list[tuple[str, str]] = []

    def walk(items: tuple[Clause, ...]) -> None:
        for clause in items:
            if re.fullmatch(r"\d+(\.\d+)*|[a-f]\)", clause.label):
                found.append((clause.label, " ".join(clause.text.split())[:40]))
            walk(clause.children)

    for section in document.preamble + document.operative:
        walk(section.clauses)
    return found


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
