"""Legacy Word .doc into .docx, through LibreOffice headless (an optional dependency).

`doc_to_docx(data, source=…, office=…)` checks that the OLE file is a Word document that is not
password-protected (olefile reads its directory and the FIB flags: a password-protected .docx is
an OLE file too, holding an `EncryptedPackage`), then has LibreOffice convert it in a private
temporary directory with a profile of its own (parallel conversions never share one), and
returns the .docx bytes for the .docx reader.

Promise: the .docx bytes LibreOffice wrote, or `InputError` naming the file: LibreOffice not
installed, not a Word document, password-protected, damaged (LibreOffice wrote nothing), or a
conversion still running after `office.timeout` seconds (it is killed, with its children).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import signal
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import olefile

from intersector.domain.errors import InputError

DEFAULT_TIMEOUT = 120.0  # seconds; the slowest ITU .doc converts in about 3 s on one core
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD2_MAGICS = (b"\xdb\xa5", b"\x9b\xa5")  # Word for Windows 2.0 and 1.x: no OLE container
# the Word file information block starts with wIdent, nFib, nProduct, lid, pnNext, then flags
_FIB = struct.Struct("<HHHHHH")
_F_ENCRYPTED = 0x0100  # the same bit from Word 1.x to Word 2019
_WORD_IDENTS = (0xA5EC, 0xA5DC, 0xA5DB, 0xA59B)  # Word 97+, Word 6/95, Word 2.0, Word 1.x
_FIELD_CODE = re.compile(
    r'(?:XE|TC|TA)[ \t]*"[^"§]{0,400}"'  # the code and its text
    r'(?:[ \t]*\\[a-z](?:[ \t]+(?:"[^"§]{0,80}"|[^\s"§\\]+))?)*'  # switches: \f "a", \l 1
    r"[ \t]*§",  # the field's end
    re.IGNORECASE,
)
_SAVE_HINT = "save it as .docx in Word (File > Save As > Word Document)"
_OTHER_OLE = (  # stream that names an OLE file which is no Word document
    ("workbook", "an Excel workbook"),
    ("book", "an Excel workbook"),
    ("powerpoint document", "a PowerPoint presentation"),
    ("__substg1.0_0037001f", "an Outlook message"),
)


@dataclass(frozen=True)
class Office:
    """How to reach LibreOffice: the `soffice` command and how long one conversion may take."""

    command: str = "soffice"
    timeout: float = DEFAULT_TIMEOUT


def doc_to_docx(data: bytes, *, source: str = "", office: Office | None = None) -> bytes:
    """The .docx LibreOffice makes of a legacy Word .doc (see the module's promise)."""
    office = office or Office()
    check_word_document(data, source)
    command = shutil.which(office.command)
    if command is None:
        raise InputError(
            f"reading a legacy Word .doc needs LibreOffice ({office.command!r} was not found): "
            "install it (Debian: apt-get install libreoffice-writer-nogui) or " + _SAVE_HINT,
            source=source,
        )
    with tempfile.TemporaryDirectory(prefix="intersector-doc-") as tmp:
        return _convert(Path(tmp), data, command, office.timeout, source)


def strip_field_codes(text: str) -> str:
    """The text of a converted .doc without the index and table-of-contents entries LibreOffice
    leaves as text when it cannot read a Word for Windows 2.0 field: `signalXE "call
    signal"§` is `signal` (XE an index entry, TC a contents entry, TA a table-of-authorities
    entry, each with its quoted text and switches, then the field's end mark `§`). The line
    breaks inside a code are kept, so every line stays where it was (and keeps its style)."""
    if "§" not in text:
        return text
    return _FIELD_CODE.sub(lambda found: "\n" * found[0].count("\n"), text)


def is_legacy_word(data: bytes) -> bool:
    """An OLE compound file (Word 6 to 2003, but also Excel, PowerPoint, an encrypted .docx)
    or a Word for Windows 1.x/2.0 file."""
    return data.startswith((OLE_MAGIC, *WORD2_MAGICS))


def check_word_document(data: bytes, source: str) -> None:
    """Refuse a legacy file that is damaged, no Word document, or password-protected."""
    if data.startswith(WORD2_MAGICS):
        _check_fib(data[: _FIB.size], source)
        return
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(entry).lower() for entry in ole.listdir()}
            word = "worddocument" in streams
            fib = ole.openstream("WordDocument").read(_FIB.size) if word else b""
    except (OSError, ValueError, IndexError, struct.error, RecursionError) as error:
        raise InputError(
            f"a damaged .doc (OLE file: {error}): {_SAVE_HINT}", source=source
        ) from None
    if "encryptedpackage" in streams:
        raise InputError(
            "a password-protected Word document: remove the password in Word "
            "(File > Info > Protect Document) and save it again",
            source=source,
        )
    if not fib:
        raise InputError(f"{_other_ole(streams)}, not a Word document: {_SAVE_HINT}", source=source)
    _check_fib(fib, source)


def _other_ole(streams: set[str]) -> str:
    for stream, what in _OTHER_OLE:
        if stream in streams:
            return f"this is {what}"
    return "an OLE file (no WordDocument stream)"


def _check_fib(fib: bytes, source: str) -> None:
    """The Word file information block: its magic number, and the flag Word sets when the
    document is encrypted with a password."""
    if len(fib) < _FIB.size or _FIB.unpack_from(fib)[0] not in _WORD_IDENTS:
        raise InputError(f"a damaged .doc (no Word header): {_SAVE_HINT}", source=source)
    if _FIB.unpack_from(fib)[5] & _F_ENCRYPTED:
        raise InputError(
            "a password-protected Word .doc: remove the password in Word "
            "(File > Info > Protect Document) and save it as .docx",
            source=source,
        )


def _convert(tmp: Path, data: bytes, command: str, timeout: float, source: str) -> bytes:
    given = tmp / "given.doc"
    given.write_bytes(data)
    argv = [
        command,
        f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(tmp / "out"),
        str(given),
    ]
    stderr = _run(argv, timeout, source, home=tmp)
    converted = tmp / "out" / "given.docx"
    if not converted.is_file():
        reason = stderr.strip().splitlines()[-1] if stderr.strip() else "no output"
        raise InputError(
            f"LibreOffice could not convert this .doc ({reason}): it may be damaged; {_SAVE_HINT}",
            source=source,
        )
    return converted.read_bytes()


def _run(argv: list[str], timeout: float, source: str, *, home: Path) -> str:
    """Run the conversion in a process group of its own, killed as a whole on timeout.
    Returns what LibreOffice wrote on stderr."""
    env = {**os.environ, "HOME": str(home)}  # nothing of LibreOffice's lands in the user's home
    process = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise InputError(
            f"LibreOffice was still converting this .doc after {timeout:g} s and was stopped: "
            f"the file may be damaged; {_SAVE_HINT} (or raise INTERSECTOR_CONVERT_TIMEOUT)",
            source=source,
        ) from None
    return stderr.decode("utf-8", "replace")


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
