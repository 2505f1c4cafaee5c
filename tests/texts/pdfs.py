"""Small PDFs made for the tests: text placed where a layout puts it, in the order given (so a
test can write two columns read across, as some PDF producers do), in Helvetica; an image-only
PDF (a scan); a password-protected copy of a PDF."""

from __future__ import annotations

import io
from collections.abc import Sequence

Placed = tuple[float, float, str]  # x, y (from the bottom of an A4 page), text


def text_pdf(pages: Sequence[Sequence[Placed]]) -> bytes:
    """A PDF whose pages draw each text at its place, in the order given."""
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree (filled in below)
    font = _add(
        objects,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    )
    kids = []
    for placed in pages:
        stream = b"".join(
            b"BT /F1 10 Tf %.1f %.1f Td (%s) Tj ET\n" % (x, y, _escape(text))
            for x, y, text in placed
        )
        content = _add(objects, b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            _add(
                objects,
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, content),
            )
        )
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    refs = b" ".join(b"%d 0 R" % kid for kid in kids)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))
    return _serialise(objects)


def scanned_pdf() -> bytes:
    """A page that is only an image of text, as a scanner makes it."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (620, 877), 255)
    ImageDraw.Draw(image).text((60, 60), "RESOLUTION 57 (Rev. Dubai, 2012)", fill=0)
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=75)
    return out.getvalue()


def encrypted(pdf: bytes, password: str = "secret") -> bytes:
    """The same PDF, protected by a password (RC4, which pypdf writes without extra packages)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _add(objects: list[bytes], body: bytes) -> int:
    objects.append(body)
    return len(objects)


def _serialise(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
