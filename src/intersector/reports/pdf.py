"""PDF through a real engine: LibreOffice headless converts a DOCX we wrote (the cooperation
report) to PDF. Without LibreOffice the error says what to install; a conversion that hangs is
stopped (its whole process group) after `timeout` seconds."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from intersector.domain.errors import InputError

DEFAULT_TIMEOUT = 180.0
_INSTALL = (
    "install LibreOffice (Debian: apt-get install libreoffice-writer-nogui), name it with "
    "INTERSECTOR_SOFFICE, or ask for --format docx and print that to PDF"
)


def docx_to_pdf(
    data: bytes, *, command: str = "soffice", timeout: float = DEFAULT_TIMEOUT
) -> bytes:
    """The PDF LibreOffice prints of the .docx `data`; InputError when it cannot."""
    found = shutil.which(command)
    if found is None:
        raise InputError(f"a PDF needs LibreOffice ({command!r} was not found): {_INSTALL}")
    with tempfile.TemporaryDirectory(prefix="intersector-pdf-") as tmp:
        folder = Path(tmp)
        given = folder / "report.docx"
        given.write_bytes(data)
        argv = [found, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir",
                str(folder / "out"), str(given)]  # fmt: skip
        stderr = _run(argv, timeout, home=folder)
        made = folder / "out" / "report.pdf"
        if not made.is_file():
            reason = stderr.strip().splitlines()[-1] if stderr.strip() else "no output"
            raise InputError(f"LibreOffice could not make the PDF ({reason})")
        return made.read_bytes()


def _run(argv: list[str], timeout: float, *, home: Path) -> str:
    env = {**os.environ, "HOME": str(home)}
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
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise InputError(
            f"LibreOffice was still making the PDF after {timeout:g} s and was stopped "
            "(raise INTERSECTOR_CONVERT_TIMEOUT)"
        ) from None
    return stderr.decode("utf-8", "replace")
