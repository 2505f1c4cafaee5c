"""Hostile input files for the reader, built from the real .docx fixtures the way the adversarial
campaign of issue 8 built them: damaged numbering, a corrupt deflate stream, paragraph bombs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
FEATURES = DATA / "docx" / "features.docx"
W_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_parts(path: Path = FEATURES) -> dict[str, bytes]:
    """The parts of a .docx by name, in zip order."""
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zip_parts(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def with_part(name: str, old: bytes, new: bytes) -> bytes:
    """features.docx with `old` replaced by `new` in part `name` (which must hold `old`)."""
    parts = docx_parts()
    if old not in parts[name]:
        raise ValueError(f"{old!r} is not in {name}")
    parts[name] = parts[name].replace(old, new)
    return zip_parts(parts)


def non_integer_ilvl() -> bytes:
    return with_part("word/numbering.xml", b'w:ilvl="0"', b'w:ilvl="x"')


def non_integer_paragraph_ilvl() -> bytes:
    return with_part("word/document.xml", b'<w:ilvl w:val="1"/>', b'<w:ilvl w:val="one"/>')


def enormous_start() -> bytes:
    return with_part(
        "word/numbering.xml", b'<w:start w:val="1"/>', b'<w:start w:val="9' + b"9" * 5000 + b'"/>'
    )


def corrupt_deflate() -> bytes:
    """features.docx whose document.xml has its deflate stream overwritten in the middle."""
    data = bytearray(zip_parts(docx_parts()))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    # local header: 30 bytes + name + extra; the compressed stream follows
    name_length = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_length = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    middle = start + info.compress_size // 3
    data[middle : middle + 64] = b"\xff" * 64
    return bytes(data)


def paragraph_bomb(paragraphs: int) -> bytes:
    """A small .docx whose body is `paragraphs` empty paragraphs (6 bytes each unzipped)."""
    parts = docx_parts()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in parts.items():
            if name != "word/document.xml":
                archive.writestr(name, content)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b"<w:document " + W_NS + b"><w:body>")
            block = b"<w:p/>" * 100_000
            for _ in range(paragraphs // 100_000):
                member.write(block)
            member.write(b"</w:body></w:document>")
    return out.getvalue()


# --- texts that took quadratic time (issue 8, item 8) ---------------------------------------------

_HEAD = (
    "RESOLUTION 57 (Rev. Dubai, 2012)\nStrengthening coordination\n"
    "The World Telecommunication Standardization Assembly (Dubai, 2012),\nconsidering\n"
)


def one_line(text: str, size: int) -> str:
    """A real text with its line ends taken out, repeated to `size` characters: one line."""
    line = text.replace("\n", " ")
    return line * (size // len(line) + 1)


def repeated_headings(count: int) -> str:
    """`resolves` / `1 to …` again and again: every action path probed the ones before."""
    return _HEAD + "a)\tthat x;\n" + "resolves\n1\tto invite the Directors;\n" * count


def anchors_on_one_line(count: int) -> str:
    """A clause holding `count` footnote anchors: each anchor re-cleaned the line before it."""
    return _HEAD + "a)\tthat " + "x[footnoteRef:1]1 " * count + "\n"


def footnoted_clauses(count: int) -> str:
    """`count` clauses, each with its own footnote: each clause scanned every footnote."""
    return _HEAD + "".join(
        f"a)\tthat x[footnoteRef:{i}]{i} [{i}: {i}\tA note.]\n" for i in range(1, count)
    )


def nested_bookmarks(depth: int) -> str:
    """Bookmarks nested `depth` deep: the cleaner took one pass over the line per level."""
    return _HEAD + "a)\tthat " + "[bookmark: " * depth + "]" * depth + "\n"
