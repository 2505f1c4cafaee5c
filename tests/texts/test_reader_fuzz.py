"""Fuzzing the reader (issue 8): random bytes and mutated real files, written to disk and given to
`read_file`, the entry point `intersector parse` and `ingest` use (through `texts/batch.py`), must
give text or the project's `InputError` naming the file — never another exception, and never a
hang: each example's work is bounded by the reader's own limits (sizes, zip entries, XML tags,
paragraphs, characters made, LibreOffice's conversion timeout), not by a timer here. A text that
reads (text, .docx) is also parsed as `parse` does, which may refuse it only with an
`IntersectorError`.

The seeds are small files made from the real fixtures (tests/data/fuzz/make_seeds.py). Mutations
work at three depths: the bytes of the file (a damaged zip, a cut or corrupt deflate stream), the
members of the .docx (bytes flipped, cut or inserted inside a part, parts dropped, stored or
deflated) and the XML of the parts the reader reads (document, numbering, footnotes, styles:
attribute values such as `w:ilvl` and `w:start` replaced by hostile ones, elements repeated,
moved or added — list levels, numbered and styled paragraphs, layout tables —, markup inserted,
spans cut or repeated). About 3,200 examples in all (`INTERSECTOR_FUZZ_SCALE=4` for about
13,000); the legacy .doc ones, each a LibreOffice conversion, are three.
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import olefile
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from intersector.domain.errors import InputError, IntersectorError
from intersector.texts.legacy_doc import OLE_MAGIC, Office
from intersector.texts.parse import parse_document
from intersector.texts.readers import read_file

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = DATA / "fuzz"
DOCX_SEEDS = {
    name: (SEEDS / name).read_bytes() for name in ("features.docx", "wtsa-res-57-en.docx")
}
TEXT_SEEDS = [(SEEDS / n).read_bytes() for n in ("wtsa-res-57-en.txt", "wtsa-res-57-fr-utf16.txt")]
PDF_SEED = (SEEDS / "u1-page1.pdf").read_bytes()
DOC_SEED = DATA / "itu-documents" / "R-REC-S.354-2-197407-I__MSW-E.doc"  # the smallest real .doc
XML_PARTS = ("word/document.xml", "word/numbering.xml", "word/footnotes.xml", "word/styles.xml")
SCALE = float(os.environ.get("INTERSECTOR_FUZZ_SCALE", "1"))  # 4: about 13,000 examples


def examples(count: int) -> int:
    """`count` examples, times `INTERSECTOR_FUZZ_SCALE` for a longer campaign."""
    return max(1, round(count * SCALE))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def check(path: Path, data: bytes, *, office: Office | None = None) -> None:
    """`data` written to `path` reads as text or raises `InputError` naming `path`; a text that
    reads parses or fails with an `IntersectorError`, as `parse` does."""
    path.write_bytes(data)
    try:
        result = read_file(path, office=office)
    except InputError as error:
        assert error.source == str(path)
        assert str(error).startswith(f"{path}")
        assert error.message.strip()
        return
    assert result.text.strip()
    assert "\r" not in result.text
    if result.format in ("text", "docx"):  # as `parse` goes on; any other exception fails
        with contextlib.suppress(IntersectorError):
            parse_document(result.text, source=str(path), lenient=True)


# --- mutations ----------------------------------------------------------------------------------

HOSTILE_VALUES = [
    "", "0", "1", "8", "9", "10", "-1", "x", "one", "²", "١", "٣", " 2 ", "1.5", "1e3", "0x10",
    "\u00a0", "99999999", "999999999", "1000000000", "9" * 40, "%1%1%1%1%1", "decimal",
    "upperLetter", "lowerRoman", "bullet", "&#0;", "tab",
]  # fmt: skip
MARKUP = [
    b"<w:p>", b"</w:p>", b"<w:p/>", b"<w:t>", b"</w:t>", b"<w:tab/>", b"<w:br/>", b"&amp;", b"&a;",
    b"<w:footnoteReference w:id=\"1\"/>", b"<w:footnoteReference w:id=\"-1\"/>",
    b"<w:footnoteReference w:customMarkFollows=\"1\" w:id=\"2\"/><w:t>*</w:t>",
    b"<w:pPr><w:numPr><w:ilvl w:val=\"2\"/><w:numId w:val=\"90\"/></w:numPr></w:pPr>",
    b"<w:lvl w:ilvl=\"5\"><w:start w:val=\"7\"/><w:numFmt w:val=\"upperLetter\"/>"
    b"<w:lvlText w:val=\"%6%5%1\"/></w:lvl>",
    b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    b"<w:sdt><w:sdtContent><w:p><w:r><w:t>sdt</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    b"<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>",
    b"<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", b"&x;", b"<?pi x?>",
    b"<![CDATA[]]>", b"\x00", b"\xff\xfe", b"\xed\xa0\x80", b"<w:t>\x1b[2J\xe2\x80\xae</w:t>",
]  # fmt: skip
_ATTRIBUTE = re.compile(rb'w:(?:ilvl|val|id|start|numId|abstractNumId|type)="([^"]*)"')


@st.composite
def byte_mutations(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with one to four bytes flipped, spans cut or inserted, or its tail cut off."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(out) - 1, 0)))
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "overwrite"]))
        if kind == "flip" and out:
            out[at] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del out[at:]
        elif kind == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del out[at : at + draw(st.integers(1, 64))]
        else:
            chunk = draw(st.binary(min_size=1, max_size=64))
            out[at : at + len(chunk)] = chunk
    return bytes(out)


@st.composite
def xml_mutations(draw: st.DrawFn, xml: bytes) -> bytes:
    """`xml` with attribute values replaced by hostile ones, markup inserted at a tag boundary,
    a span cut out or repeated."""
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["value", "value", "markup", "cut", "repeat"]))
        if kind == "value" and (found := list(_ATTRIBUTE.finditer(xml))):
            match = draw(st.sampled_from(found))
            value = draw(st.sampled_from(HOSTILE_VALUES) | st.text(max_size=12))
            encoded = value.encode("utf-8", "surrogatepass").replace(b'"', b"&quot;")
            xml = xml[: match.start(1)] + encoded + xml[match.end(1) :]
            continue
        tags = [m.start() for m in re.finditer(rb"<", xml)] or [0]
        at = draw(st.sampled_from(tags))
        if kind == "markup":
            xml = xml[:at] + draw(st.sampled_from(MARKUP)) + xml[at:]
        elif kind == "cut":
            end = draw(st.sampled_from(tags))
            xml = xml[: min(at, end)] + xml[max(at, end) :]
        else:
            span = xml[at : at + draw(st.integers(1, 400))]
            xml = xml[:at] + span * draw(st.integers(2, 60)) + xml[at:]
    return xml


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SNIPPETS = (
    [
        f'<w:p xmlns:w="{W[1:-1]}"><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="90"/>'
        f"</w:numPr></w:pPr><w:r><w:t>item</w:t></w:r></w:p>"
        for level in ("0", "3", "8", "9", "99999999")
    ]
    + [
        f'<w:p xmlns:w="{W[1:-1]}"><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/>'
        f"</w:numPr></w:pPr><w:r><w:t>item</w:t></w:r></w:p>"
        for level in ("2", "99999999")
    ]
    + [
        f'<w:p xmlns:w="{W[1:-1]}"><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        f"<w:r><w:t>heading</w:t></w:r></w:p>"
        for style in ("Heading1", "Heading2", "Title", "RecNo", "nowhere")
    ]
    + [
        f'<w:tbl xmlns:w="{W[1:-1]}"><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="{style}"/>'
        f"</w:pPr><w:r><w:t>cell</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p/>"
        f"</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>"
        for style in ("Heading1", "Normal")
    ]
    + [
        f'<w:pPr xmlns:w="{W[1:-1]}"><w:numPr><w:ilvl w:val="{level}"/>'
        f'<w:numId w:val="{num}"/></w:numPr></w:pPr>'
        for level, num in (("1", "90"), ("", "1"), ("99", "90"))
    ]
    + [
        f'<w:r xmlns:w="{W[1:-1]}"><w:footnoteReference w:id="{i}"/></w:r>'
        for i in ("1", "2", "-1")
    ]
    + [
        f'<w:lvl xmlns:w="{W[1:-1]}" w:ilvl="{level}"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for level, start, fmt, text in (
            ("4", "0", "upperLetter", "%5%1%2%3%4."),
            ("9", "999999999", "upperRoman", "%10"),
            ("99999999", "1", "decimal", "%1" * 200),
            ("2", "99999999", "lowerLetter", "%3" * 50),
        )
    ]
)


HOMES = {
    W + "p": W + "body",
    W + "tbl": W + "body",
    W + "r": W + "p",
    W + "lvl": W + "abstractNum",
    W + "pPr": W + "style",  # a style numbered through its paragraph properties
}


@st.composite
def tree_mutations(draw: st.DrawFn, xml: bytes) -> bytes:
    """`xml` kept well-formed but made hostile: attribute values replaced, elements repeated up
    to 60 times, removed, moved under others, or given new children (list levels, numbered
    paragraphs, footnote references)."""
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError:
        return xml
    for _ in range(draw(st.integers(1, 4))):
        elements = list(root.iter(etree.Element))
        node = draw(st.sampled_from(elements))
        kind = draw(st.sampled_from(["value", "value", "repeat", "drop", "move", "add"]))
        parent = node.getparent()
        if kind == "value" and node.attrib:
            name = draw(st.sampled_from(sorted(node.attrib)))
            value = draw(st.sampled_from(HOSTILE_VALUES) | st.text(max_size=12))
            with contextlib.suppress(ValueError):  # lxml refuses control characters
                node.set(name, value)
        elif kind == "repeat" and parent is not None:
            at = parent.index(node)
            for _ in range(draw(st.integers(1, 60))):
                parent.insert(at, copy.deepcopy(node))
        elif kind == "drop" and parent is not None:
            parent.remove(node)
        elif kind == "move" and parent is not None:
            target = draw(st.sampled_from(elements))
            if target is not node and node not in target.iterancestors():
                target.append(node)
        elif kind == "add":
            snippet = etree.fromstring(draw(st.sampled_from(SNIPPETS)))
            homes = [e for e in elements if e.tag == HOMES[snippet.tag]]  # where Word puts it
            draw(st.sampled_from(homes or elements)).append(snippet)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def parts_of(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(parts: dict[str, bytes], method: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


@st.composite
def mutated_docx(draw: st.DrawFn) -> bytes:
    """A seed .docx whose parts were changed (XML or bytes), dropped or duplicated, zipped
    again stored or deflated."""
    parts = parts_of(DOCX_SEEDS[draw(st.sampled_from(sorted(DOCX_SEEDS)))])
    names = sorted(parts)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["tree", "tree", "tree", "xml", "bytes", "drop", "add"]))
        if kind == "tree":
            name = draw(st.sampled_from(XML_PARTS))
            parts[name] = draw(tree_mutations(parts.get(name, b"")))
        elif kind == "xml":
            name = draw(st.sampled_from(XML_PARTS))
            parts[name] = draw(xml_mutations(parts.get(name, b"")))
        elif kind == "bytes":
            name = draw(st.sampled_from(names))
            parts[name] = draw(byte_mutations(parts.get(name, b"")))
        elif kind == "drop":
            parts.pop(draw(st.sampled_from(names)), None)
        else:
            parts[draw(st.sampled_from(["word/x.xml", "mimetype", "../evil.xml"]))] = b"<x/>"
    return zipped(parts, draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])))


# --- the properties -----------------------------------------------------------------------------


@pytest.mark.slow
@settings(max_examples=examples(1200))
@given(mutated_docx())
def test_mutated_docx_members_give_text_or_an_input_error(folder: Path, data: bytes) -> None:
    check(folder / "members.docx", data)


@pytest.mark.slow
@settings(max_examples=examples(700))
@given(st.sampled_from(sorted(DOCX_SEEDS)).flatmap(lambda n: byte_mutations(DOCX_SEEDS[n])))
def test_mutated_docx_bytes_give_text_or_an_input_error(folder: Path, data: bytes) -> None:
    """The zip itself damaged: headers, central directory, deflate streams, CRCs."""
    check(folder / "bytes.docx", data)


@settings(max_examples=examples(500))
@given(st.sampled_from(TEXT_SEEDS).flatmap(byte_mutations))
def test_mutated_texts_give_text_or_an_input_error(folder: Path, data: bytes) -> None:
    check(folder / "text.txt", data)


MAGICS = [b"", b"PK\x03\x04", b"PK\x05\x06", b"%PDF-1.4\n", OLE_MAGIC, b"\xdb\xa5", b"\xff\xfe"]


@settings(max_examples=examples(500))
@given(
    st.sampled_from(MAGICS),
    st.binary(max_size=2000),
    st.sampled_from(["random.txt", "random.docx", "random.doc", "random.pdf", "random"]),
)
def test_random_bytes_give_text_or_an_input_error(
    folder: Path, magic: bytes, tail: bytes, name: str
) -> None:
    """Whatever the name says; a legacy .doc's bytes are refused before LibreOffice is run
    (no OLE directory, no Word header), so no `office` is needed."""
    check(folder / name, magic + tail, office=Office(command="no-such-soffice-here"))


@pytest.mark.slow
@settings(max_examples=examples(300))
@given(byte_mutations(PDF_SEED))
def test_mutated_pdf_gives_text_or_an_input_error(folder: Path, data: bytes) -> None:
    check(folder / "mutated.pdf", data)


@st.composite
def mutated_doc(draw: st.DrawFn) -> bytes:
    """The real .doc with bytes of its WordDocument stream overwritten in place (the OLE
    container stays sound, so LibreOffice is given the file)."""
    buffer = io.BytesIO(DOC_SEED.read_bytes())
    with olefile.OleFileIO(buffer, write_mode=True) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, len(stream) - 1))
            chunk = draw(st.binary(min_size=1, max_size=32))[: len(stream) - at]
            stream[at : at + len(chunk)] = chunk
        ole.write_stream("WordDocument", bytes(stream))
    return buffer.getvalue()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
@settings(max_examples=3)
@given(mutated_doc())
def test_mutated_legacy_doc_gives_text_or_an_input_error(folder: Path, data: bytes) -> None:
    """Each example is a LibreOffice conversion (about 2 s): few of them, bounded by the
    conversion timeout."""
    check(folder / "mutated.doc", data, office=Office(timeout=60))
