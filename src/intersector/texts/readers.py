"""Files into text: the first stage of the reader.

`read_file(path)` reads a plain-text file (UTF-8 with or without BOM, UTF-16 LE/BE with a BOM or
recognised by its pattern of NUL bytes, cp1252 as the last resort), a Word .docx (paragraphs,
tabs, tables, real footnotes), a legacy Word .doc (converted to .docx by LibreOffice in
`legacy_doc`, then read as one) or a PDF (`pdf`: paragraphs rebuilt from the page layout) and
returns a `ReadResult`.

Promise after this stage: the text is a `str` with `\\n` line ends and no BOM; a .docx gives one
line per paragraph, its footnotes rendered in the Word-export conventions the .txt samples use
(`[footnoteRef:N]N` at the anchor, ` [N: N\\tbody]` at the end of the paragraph), so one pipeline
serves both. Anything that is not such a file (empty, binary, a password-protected or damaged
.doc/.docx/PDF, a scanned PDF, a zip that is no .docx, a directory, an unreadable file) raises
`InputError` naming the file and what to do.

The work is bounded whatever the input: only regular files are read (never a FIFO, a device or a
directory), at most `MAX_BYTES` + 1 bytes of them; a .docx may unzip to at most `MAX_UNZIPPED`
bytes, each XML part read may hold at most `MAX_XML_TAGS` tags, the body at most
`MAX_PARAGRAPHS` paragraphs and the text made of it at most `MAX_TEXT_CHARS` characters; a damaged
zip, a corrupt deflate stream, a package whose parts or relationships are broken, numbering
values that are no small whole numbers, list levels beyond `MAX_LIST_LEVEL` and list labels
(or their `w:lvlText` patterns) longer than `MAX_LABEL_CHARS` are a damaged .docx. Only
`InputError` is raised.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from intersector.domain.errors import InputError
from intersector.texts.legacy_doc import Office, doc_to_docx, is_legacy_word, strip_field_codes
from intersector.texts.pdf import read_pdf_bytes

PDF_MAGIC = b"%PDF-"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
BOMS = (  # (BOM, codec that strips it, name reported)
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe", "utf-16", "utf-16-le"),
    (b"\xfe\xff", "utf-16", "utf-16-be"),
)
KNOWN_BINARIES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"{\\rtf", "an RTF document"),
)
# C0 controls but tab, line ends, \v and \f (counted with str.count: a regex is 20 times slower)
_CONTROLS = tuple(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20)))
_MAX_CONTROL_SHARE = 0.02
_SNIFF = 4096
MAX_BYTES = 64 * 2**20  # the longest ITU texts are a few MB, even as .docx with images
MAX_UNZIPPED = 256 * 2**20  # what a .docx may unzip to (a zip bomb is refused before reading)
# the longest real ITU .docx (Z.100, 6,400 paragraphs) has 170,000 tags in a 2.8 MB document.xml;
# 2 million tags cost at most ~300 MB as an lxml tree (12 MB of `<w:p/>`: 29 MB took 660 MB)
MAX_XML_TAGS = 2_000_000
MAX_PARAGRAPHS = 200_000
MAX_ZIP_ENTRIES = 10_000  # a .docx has tens of parts, a few hundred with many images
MAX_TEXT_CHARS = MAX_BYTES  # the text a .docx gives, footnote bodies repeated at each anchor
_CHUNK = 2**20
_TEXT_HINT = "give a plain-text (.txt) export or a .docx"


@dataclass(frozen=True)
class ReadResult:
    """What a file held: its text, the encoding it was decoded from (`utf-8`, `utf-8-sig`,
    `utf-16-le`, `utf-16-be`, `cp1252`, `docx`, `doc` or `pdf`) and its format
    (`text`, `docx`, `doc` or `pdf`). `styles` (Word files only, else empty) holds the Word
    paragraph style of each line of `text` (`text.split("\\n")`), normalised by `style_key`
    (`heading1`, `recno`, `rectitle`, `annexnotitle`; `table` for a row of a data table;
    "" for none): the evidence ITU's templates give."""

    text: str
    encoding: str
    format: str
    styles: tuple[str, ...] = ()


def read_text(path: Path) -> str:
    """The text of a .txt or .docx file (see `read_file`)."""
    return read_file(path).text


def read_file(path: Path, *, office: Office | None = None) -> ReadResult:
    """Read `path` by what its bytes are, whatever its name: .docx by its zip content, legacy
    .doc by its OLE header (through LibreOffice, `office`), PDF by its header, text by its
    encoding. Raises `InputError` naming the file for anything else."""
    data = _read_bytes(path)
    return read_bytes(data, source=str(path), office=office)


def read_bytes(data: bytes, *, source: str = "", office: Office | None = None) -> ReadResult:
    """Same as `read_file` on bytes already in memory; `source` names them in errors."""
    if not data.strip():
        raise InputError(f"the file is empty: {_TEXT_HINT}", source=source)
    if is_legacy_word(data):
        docx = doc_to_docx(data, source=source, office=office)
        return _docx_result(docx, source, "doc")
    if _is_pdf(data):
        return ReadResult(_pdf_text(data, source), "pdf", "pdf")
    _refuse_known_formats(data, source)
    if data.startswith(ZIP_MAGICS):
        return _docx_result(data, source, "docx")
    text, encoding = decode_text(data, source=source)
    if not text.strip():
        raise InputError(f"the file holds only blank space: {_TEXT_HINT}", source=source)
    return ReadResult(text, encoding, "text")


def _docx_result(data: bytes, source: str, kind: str) -> ReadResult:
    lines = read_docx_lines(data, source=source)
    text = "\n".join(text for text, _ in lines) + "\n"
    if kind == "doc":  # the field codes LibreOffice leaves as text in a Word 2.0 file
        text = strip_field_codes(text)
    if not text.strip():
        raise InputError("the .docx holds no text: check that it is the right file", source=source)
    return ReadResult(text, kind, kind, (*(style for _, style in lines), ""))


def _pdf_text(data: bytes, source: str) -> str:
    start = data.find(PDF_MAGIC)  # junk before the header, as PDF readers tolerate
    return read_pdf_bytes(data[start:] if start > 0 else data, source=source)


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, at most `MAX_BYTES` of them: what is read is counted, not
    what `stat` says (a FIFO, a device or /proc file would say 0), and nothing else is opened
    for reading (opening a FIFO without O_NONBLOCK waits for a writer)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError("no such file: check the path", source=str(path)) from None
    except IsADirectoryError:
        raise _directory_error(path) from None
    except OSError as error:
        raise _unreadable(path, error) from None
    try:
        _refuse_special_file(os.fstat(fd).st_mode, path)
        data = _read_at_most(fd, MAX_BYTES + 1)
    except OSError as error:
        raise _unreadable(path, error) from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise InputError(
            f"is too large for an ITU text (more than {MAX_BYTES // 2**20} MiB): give the text "
            "itself, not an archive or a scan",
            source=str(path),
        )
    return data


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(fd, min(_CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _refuse_special_file(mode: int, path: Path) -> None:
    if stat.S_ISDIR(mode):
        raise _directory_error(path)
    if stat.S_ISREG(mode):
        return
    what = next((name for test, name in _SPECIAL_FILES if test(mode)), "no regular file")
    raise InputError(
        f"is {what}, not a regular file: give the file itself (a link to one is fine)",
        source=str(path),
    )


def _directory_error(path: Path) -> InputError:
    return InputError(
        "is a directory, not a file: give the files in it (or use `ingest`, which walks folders)",
        source=str(path),
    )


def _unreadable(path: Path, error: OSError) -> InputError:
    reason = error.strerror or str(error)
    return InputError(
        f"cannot be read ({reason}): check the path and its permissions", source=str(path)
    )


def _refuse_known_formats(data: bytes, source: str) -> None:
    """Name the formats people give by mistake, by their magic bytes."""
    for magic, what in KNOWN_BINARIES:
        if data.startswith(magic):
            raise InputError(f"this is {what}, not a text: {_TEXT_HINT}", source=source)


def _is_pdf(data: bytes) -> bool:
    """A PDF starts with `%PDF-`; PDF readers tolerate junk before it within the first KB, so
    that counts too when the file also has objects and ends like a PDF. A text that merely
    mentions `%PDF-` is no PDF."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(PDF_MAGIC):
        return True
    head, tail = data[:1024], data[-1024:]
    return PDF_MAGIC in head and b"endobj" in data and b"%%EOF" in tail


# --- plain text -------------------------------------------------------------------------------


def decode_text(data: bytes, *, source: str = "") -> tuple[str, str]:
    """Decode text bytes: BOM first, then UTF-16 by its NUL pattern, then UTF-8, then cp1252.
    Returns the text with `\\n` line ends and no BOM, and the encoding used. Raises `InputError`
    (with the line of the first offending byte) for binary data."""
    codec, name = _sniff_encoding(data)
    if not codec:
        if b"\x00" in data:
            raise _binary_error(data, data.find(b"\x00"), source, "holds NUL bytes")
        codec = name = _utf8_or_cp1252(data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise _binary_error(data, error.start, source, f"is not valid {name}") from None
    text = _normalise_newlines(text.removeprefix("\ufeff"))
    _refuse_control_characters(text, source)
    return text, name


def _sniff_encoding(data: bytes) -> tuple[str, str]:
    """(codec, name) a BOM or a UTF-16 NUL pattern announces, or ("", "") for byte-wide text."""
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            return codec, name
    head = data[:_SNIFF]
    pairs = len(head) // 2
    if pairs == 0:
        return "", ""
    nul_even = head[0::2].count(0) / pairs
    nul_odd = head[1::2].count(0) / pairs
    # in UTF-16 every ASCII character (spaces, digits, line ends: still 5-20% of a Cyrillic or
    # Arabic text) has a NUL byte on the same side; binary data has them on both sides
    if nul_odd > 0.05 and nul_even < nul_odd / 10:
        return "utf-16-le", "utf-16-le"
    if nul_even > 0.05 and nul_odd < nul_even / 10:
        return "utf-16-be", "utf-16-be"
    return "", ""


def _utf8_or_cp1252(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _binary_error(data: bytes, position: int, source: str, why: str) -> InputError:
    line = data.count(b"\n", 0, position) + 1
    return InputError(
        f"looks like a binary file (it {why}, first at byte {position}): {_TEXT_HINT}",
        source=source,
        line=line,
    )


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _refuse_control_characters(text: str, source: str) -> None:
    found = [c for c in _CONTROLS if c in text]
    count = sum(text.count(c) for c in found)
    if count and count > _MAX_CONTROL_SHARE * len(text):
        first = min(text.find(c) for c in found)
        line = text.count("\n", 0, first) + 1
        raise InputError(
            f"looks like a binary file ({count} control characters): {_TEXT_HINT}",
            source=source,
            line=line,
        )


# --- .docx --------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RELTYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
FOOTNOTES = RELTYPES + "footnotes"
NUMBERING = RELTYPES + "numbering"
STYLES = RELTYPES + "styles"
OFFICE_DOCUMENT = RELTYPES + "officeDocument"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


_SKIPPED = frozenset(
    {
        _w("pPr"),
        _w("rPr"),
        _w("del"),
        _w("moveFrom"),
        _w("instrText"),
        _w("delText"),
        _w("txbxContent"),
        f"{{{MC_NS}}}Fallback",
    }
)
_CHARS = {
    _w("tab"): "\t",
    _w("br"): "\n",
    _w("cr"): "\n",
    _w("noBreakHyphen"): "\u2011",
    _w("softHyphen"): "",
}


def read_docx_bytes(data: bytes, *, source: str = "") -> str:
    """The text of a .docx: one line per paragraph (rows of data tables as cells joined by
    tabs), in document order; footnote references as `[footnoteRef:N]N` and their bodies as
    ` [N: …]` at the end of the paragraph. Raises `InputError` for a zip that is no Word
    document."""
    return "\n".join(text for text, _ in read_docx_lines(data, source=source)) + "\n"


def read_docx_lines(data: bytes, *, source: str = "") -> list[tuple[str, str]]:
    """The lines of a .docx, each with its paragraph style (`style_key`): what
    `read_docx_bytes` joins. A paragraph holding line breaks gives several lines of one style."""
    parts = _docx_parts(data, source)
    main = parts.get(OFFICE_DOCUMENT)
    if main is None or "wordprocessingml" not in main[0]:
        raise InputError(
            f"a zip file that is no Word .docx (no Word document part): {_TEXT_HINT}", source=source
        )
    document = _parse_part(main[1], source)
    body = document.find(_w("body")) if document is not None else None
    footnotes = _parse_part(parts.get(FOOTNOTES, ("", b""))[1], source)
    numbering = _parse_part(parts.get(NUMBERING, ("", b""))[1], source)
    styles = _Styles(_parse_part(parts.get(STYLES, ("", b""))[1], source))
    _check_paragraphs(body, source)
    lists = _ListNumbering(numbering, source, styles)
    state = _DocxState(_footnote_bodies(footnotes), lists, styles, source)
    lines: list[tuple[str, str]] = []
    for block in body if body is not None else ():
        for text, style in _block_lines(block, state):
            state.spend(len(text))
            lines.extend((piece, style) for piece in text.split("\n"))
    return lines


def style_key(name: str) -> str:
    """A Word style name as a key: lower case, without spaces, underscores, hyphens or `&`
    (`heading 1` → `heading1`, `Rec_No` → `recno`, `Annex_No & title` → `annexnotitle`)."""
    return re.sub(r"[\s_&\-]+", "", name.lower())


class _Styles:
    """The paragraph styles of the styles part: each style id's name (`style_key`) and the
    list numbering it carries, through the styles it is based on."""

    def __init__(self, root: Any) -> None:
        self.names: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.num_ids: dict[str, str] = {}
        self.levels: dict[str, str] = {}
        self.capitals: set[str] = set()
        for style in root.iterchildren(_w("style")) if root is not None else ():
            if style.get(_w("type"), "paragraph") != "paragraph":
                continue
            sid = style.get(_w("styleId"), "")
            self.names[sid] = style_key(_val(style.find(_w("name"))) or sid)
            self.based_on[sid] = _val(style.find(_w("basedOn")))
            if _all_caps(style):
                self.capitals.add(sid)
            num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
            if num_pr is not None:
                self.num_ids[sid] = _val(num_pr.find(_w("numId")))
                self.levels[sid] = _val(num_pr.find(_w("ilvl")))

    def name(self, paragraph: Any) -> str:
        sid = _val(paragraph.find(f"{_w('pPr')}/{_w('pStyle')}"))
        return self.names.get(sid, style_key(sid)) if sid else ""

    def caps(self, paragraph: Any) -> bool:
        """Whether the paragraph's style shows its text in capitals."""
        return _val(paragraph.find(f"{_w('pPr')}/{_w('pStyle')}")) in self.capitals

    def numbering(self, style_id: str) -> tuple[str, str]:
        """(numId, ilvl) the style (or a style it is based on) gives its paragraphs."""
        num_id = level = ""
        for _ in range(_MAX_STYLE_DEPTH):
            if not style_id:
                break
            num_id = num_id or self.num_ids.get(style_id, "")
            level = level or self.levels.get(style_id, "")
            style_id = self.based_on.get(style_id, "")
        return num_id, level


_MAX_STYLE_DEPTH = 16  # a chain of `basedOn` longer than Word allows (or a loop) stops here


@dataclass
class _DocxState:
    """What reading the paragraphs in order needs: the footnote bodies by id, the numbers given
    to the footnotes met so far, the automatic list numbering, and the characters still allowed
    (`MAX_TEXT_CHARS`: a footnote anchored a million times must not make a text of gigabytes)."""

    footnotes: dict[str, Any]
    lists: _ListNumbering
    styles: _Styles
    source: str = ""
    numbers: dict[str, int] = field(default_factory=dict)
    spent: int = 0

    def spend(self, chars: int) -> None:
        self.spent += chars
        if self.spent > MAX_TEXT_CHARS:
            raise InputError(
                f"the .docx makes a text of more than {MAX_TEXT_CHARS // 2**20} M characters, "
                "more than any ITU text: check that it is the right file",
                source=self.source,
            )


def _check_paragraphs(body: Any, source: str) -> None:
    count = sum(1 for _ in body.iter(_w("p"))) if body is not None else 0
    if count > MAX_PARAGRAPHS:
        raise InputError(
            f"the .docx has {count:,} paragraphs, more than any ITU text (at most "
            f"{MAX_PARAGRAPHS:,}): check that it is the right file",
            source=source,
        )


# what python-docx raises on a package it cannot make sense of (lxml's XMLSyntaxError is a
# SyntaxError); caught only around opening the package
_DOCX_FAILURES = (
    KeyError,
    ValueError,
    AttributeError,
    TypeError,
    SyntaxError,
    zipfile.BadZipFile,
    zlib.error,  # a corrupt deflate stream
    EOFError,  # a member cut short
    NotImplementedError,  # a compression method zipfile does not know
    RuntimeError,  # an encrypted member
    OverflowError,
)


_DAMAGED_ZIP = (zipfile.BadZipFile, zlib.error, EOFError)


def _docx_parts(data: bytes, source: str) -> dict[str, tuple[str, bytes]]:
    """(content type, bytes) of the package's parts by the relationship type that reaches them,
    through python-docx's OPC reader; only the parts read here are ever parsed, so that large
    style parts cost nothing."""
    from docx.opc.exceptions import OpcError
    from docx.opc.pkgreader import PackageReader  # python-docx: imported only for a .docx

    names = _check_zip(data, source)
    try:
        package = PackageReader.from_file(io.BytesIO(data))  # type: ignore[no-untyped-call]
        return {reltype: (ctype, blob) for _, ctype, reltype, blob in package.iter_sparts()}
    except _DAMAGED_ZIP as error:
        raise InputError(
            f"a damaged .docx (its zip data is corrupt: {error}): save it again in Word",
            source=source,
        ) from None
    except (OpcError, *_DOCX_FAILURES) as error:
        if "word/document.xml" not in names:
            raise InputError(
                f"a zip file that is no Word .docx (no Word document part): {_TEXT_HINT}",
                source=source,
            ) from None
        raise InputError(
            f"a damaged .docx ({_package_fault(error)}): save it again in Word", source=source
        ) from None


def _package_fault(error: Exception) -> str:
    """What is wrong with a package that has the parts of a .docx but that python-docx cannot
    open, in words (its own messages name its internals)."""
    if isinstance(error, KeyError):  # zipfile: "There is no item named 'word/x.xml' …"
        missing = re.search(r"named '([^']{1,200})'", str(error))
        return (
            f"the part {missing.group(1)!r} it names is missing" if missing else "a part is missing"
        )
    if isinstance(error, etree.XMLSyntaxError):
        return f"its content types or relationships are not well-formed XML: {_one_line(error.msg)}"
    return "its parts and relationships are broken"


def _parse_part(blob: bytes, source: str) -> Any:
    """A part's XML (None for no part); entities are never resolved, nothing is fetched."""
    if not blob:
        return None
    tags = blob.count(b"<")  # every element costs at least one `<`: bounds the tree first
    if tags > MAX_XML_TAGS:
        raise InputError(
            f"the .docx holds {tags:,} XML tags in one part, more than any ITU text (at most "
            f"{MAX_XML_TAGS:,}): check that it is the right file",
            source=source,
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    try:
        return etree.fromstring(blob, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(
            f"a damaged .docx (a part is not well-formed XML: {_one_line(error.msg)}): "
            "save it again in Word",
            source=source,
        ) from None


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _check_zip(data: bytes, source: str) -> set[str]:
    """The names in a zip that may be a .docx; refuses one with too many entries (counted before
    the zip is opened), one that unzips to too much (as its headers say; what is actually read
    is no more, zipfile checks it), an .odt and a zip with no Word parts."""
    entries = data.count(b"PK\x01\x02")  # central directory headers, counted before parsing them
    if entries > MAX_ZIP_ENTRIES:
        raise InputError(
            f"a zip of {entries:,} files, more than any Word .docx (at most "
            f"{MAX_ZIP_ENTRIES:,}): {_TEXT_HINT}",
            source=source,
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
            outside = [
                i.filename for i in archive.infolist() if not 0 <= i.header_offset < len(data)
            ]
            mimetype = (
                _mimetype(archive) if "mimetype" in names and unzipped <= MAX_UNZIPPED else b""
            )
    except (OSError, *_DOCX_FAILURES) as error:
        raise InputError(f"a damaged zip file ({error}): {_TEXT_HINT}", source=source) from None
    if outside:
        raise InputError(
            f"a damaged zip file (the data of {outside[0][:80]!r} would lie outside the file): "
            "save it again in Word",
            source=source,
        )
    if unzipped > MAX_UNZIPPED:
        raise InputError(
            f"unzips to {unzipped / 2**20:.0f} MiB, more than any Word text: give the text itself",
            source=source,
        )
    if b"opendocument" in mimetype:
        raise InputError("an OpenDocument (.odt) file is not read: save it as .docx", source=source)
    if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
        raise InputError(
            f"a zip file that is no Word .docx (no word/ part inside): {_TEXT_HINT}",
            source=source,
        )
    return names


def _mimetype(archive: zipfile.ZipFile) -> bytes:
    with archive.open("mimetype") as member:
        return member.read(80)


def _footnote_bodies(root: Any) -> dict[str, Any]:
    """The footnotes part, by footnote id (separators left out)."""
    if root is None:
        return {}
    return {
        note.get(_w("id")): note
        for note in root.iterchildren(_w("footnote"))
        if note.get(_w("type")) in (None, "normal")
    }


# the styles ITU's templates give a title block, a heading or a table of contents: a table
# holding one is laid out for the page, not a table of data (its paragraphs are read as such)
LAYOUT_STYLES = frozenset(
    {
        "recno", "rectitle", "resno", "restitle", "questionno", "questiontitle", "repno",
        "reptitle", "headingb", "annexnotitle", "appendixnotitle", "annexno", "appendixno",
        "annextitle", "appendixtitle", "annexref", "appendixref", "call", "toc0", "toc1",
        "toc2", "toc3", "heading1", "heading2", "title",
    }
)  # fmt: skip


def _block_lines(block: Any, state: _DocxState, depth: int = 0) -> list[tuple[str, str]]:
    if block.tag == _w("p"):
        lines = [(_paragraph_text(block, state), state.styles.name(block))]
        if depth < _MAX_BOX_DEPTH:  # a text box's paragraphs follow the one anchoring it
            for box in _text_boxes(block):
                lines += [line for b in box for line in _block_lines(b, state, depth + 1)]
        return lines
    if block.tag == _w("tbl"):
        if _is_layout_table(block, state.styles):
            return [
                line
                for row in block.iterchildren(_w("tr"))
                for cell in row.iterchildren(_w("tc"))
                for child in cell
                for line in _block_lines(child, state)
            ]
        return [
            (
                "\t".join(
                    " ".join(_paragraph_text(p, state) for p in cell.iter(_w("p"))).strip()
                    for cell in row.iterchildren(_w("tc"))
                ),
                "table",
            )
            for row in block.iterchildren(_w("tr"))
        ]
    if block.tag == _w("sdt"):
        content = block.find(_w("sdtContent"))
        if content is not None:
            return [line for b in content for line in _block_lines(b, state)]
    return []


def _is_layout_table(table: Any, styles: _Styles) -> bool:
    """A table that lays out paragraphs (a title block, a Summary box, a table of contents, a
    table holding another table, or a single column) rather than holding data in rows."""
    rows = list(table.iterchildren(_w("tr")))
    if rows and all(len(row.findall(_w("tc"))) == 1 for row in rows):
        return True
    for cell in (c for row in rows for c in row.iterchildren(_w("tc"))):
        for child in cell:
            if child.tag == _w("tbl") or (
                child.tag == _w("p") and styles.name(child) in LAYOUT_STYLES
            ):
                return True
    return False


def _paragraph_text(paragraph: Any, state: _DocxState) -> str:
    """A paragraph's text, after its automatic list label if it has one; the bodies of the
    footnotes anchored in it are appended at its end."""
    pieces: list[str] = [state.lists.label(paragraph)]
    bodies: list[str] = []
    caps = state.styles.caps(paragraph)
    for element in _walk(paragraph):
        if element.tag == _w("footnoteReference"):
            anchor, body = _footnote(element, state)
            pieces.append(anchor)
            bodies.append(body)
        else:
            pieces.append(_element_text(element, caps))
    return "".join(pieces) + "".join(bodies)


def _footnote(reference: Any, state: _DocxState) -> tuple[str, str]:
    """(anchor, body) of a footnote reference: `[footnoteRef:3]3` and ` [3: 3\tText]`. A
    custom mark (`*`, typed in the run after the reference) is the label and takes no number;
    its text follows the anchor in the run, so the anchor is `[footnoteRef:*]` alone."""
    note_id = reference.get(_w("id"), "")
    if reference.get(_w("customMarkFollows")) in ("1", "true", "on"):
        label = _custom_mark(reference) or note_id
        anchor = f"[footnoteRef:{label}]"
    else:
        label = str(state.numbers.setdefault(note_id, len(state.numbers) + 1))
        anchor = f"[footnoteRef:{label}]{label}"
    note = state.footnotes.get(note_id)
    body = f" [{label}: {_note_text(note, label)}]" if note is not None else ""
    state.spend(len(body))
    return anchor, body


def _custom_mark(reference: Any) -> str:
    """The text typed after a custom-mark reference, in its run, and in the runs right after
    it that hold only more of the mark (`**` split in two runs by a converter)."""
    mark = "".join(t.text or "" for t in reference.itersiblings() if t.tag == _w("t")).strip()
    run = reference.getparent()
    for _ in range(3):
        run = run.getnext() if run is not None else None
        text = "".join(t.text or "" for t in run.iter(_w("t"))) if run is not None else ""
        if not mark or not text or text.strip(mark[0]):
            break
        mark += text
    return mark


def _note_text(note: Any, label: str) -> str:
    """A footnote's paragraphs joined by spaces, its own mark (`w:footnoteRef`) as `label`."""
    texts = []
    for paragraph in note.iterchildren(_w("p")):
        parts = [
            label if el.tag == _w("footnoteRef") else _element_text(el) for el in _walk(paragraph)
        ]
        texts.append("".join(parts))
    return " ".join(t for t in texts if t)


def _element_text(element: Any, caps: bool = False) -> str:
    """A text element's text (upper case when its run, or its paragraph's style, is formatted
    as capitals: Word shows `tdm` as `TDM`), a tab, a line break…"""
    if element.tag == _w("t"):
        text = str(element.text or "")
        shown = _all_caps(element.getparent())
        return text.upper() if (caps if shown is None else shown) else text
    return _CHARS.get(element.tag, "")


_MAX_BOX_DEPTH = 3  # text boxes inside text boxes: Word allows none, a damaged file may nest


def _text_boxes(element: Any) -> Iterator[Any]:
    """The text boxes (`w:txbxContent`) anchored in a paragraph, each once: the copy in a
    compatibility fallback (`mc:Fallback`, VML for older Word) is left out."""
    for child in element:
        if child.tag == f"{{{MC_NS}}}Fallback":
            continue
        if child.tag == _w("txbxContent"):
            yield child
        else:
            yield from _text_boxes(child)


def _walk(element: Any) -> Iterator[Any]:
    """Descendants in document order, leaving out properties, deletions, text boxes and hidden
    runs (what Word itself leaves out when it saves as plain text)."""
    for child in element:
        if child.tag in _SKIPPED or (child.tag == _w("r") and _hidden(child)):
            continue
        yield child
        yield from _walk(child)


def _all_caps(run: Any) -> bool | None:
    """Whether a run is formatted as capitals (`w:caps`), None when it does not say."""
    caps = run.find(f"{_w('rPr')}/{_w('caps')}") if run is not None else None
    return None if caps is None else caps.get(_w("val"), "true") not in ("0", "false", "off")


def _hidden(run: Any) -> bool:
    vanish = run.find(f"{_w('rPr')}/{_w('vanish')}")
    return vanish is not None and vanish.get(_w("val"), "true") not in ("0", "false", "off")


# --- automatic list numbering -------------------------------------------------------------------


_MAX_LETTERS = 26 * 100  # beyond a hundred Zs the number is given in digits
_MAX_ROMAN = 3999  # MMMCMXCIX; beyond it, in digits


def _letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA (Word repeats the letter: 27 → AA, 28 → BB)."""
    if n > _MAX_LETTERS:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


_ROMAN = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"),
        strict=True,
    )
)


def _roman(n: int) -> str:
    if n > _MAX_ROMAN:
        return str(n)
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


_NUMBER_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperLetter": _letters,
    "lowerLetter": lambda n: _letters(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
}
_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}


@dataclass(frozen=True)
class _Level:
    format: str
    text: str
    start: int
    suffix: str


class _ListNumbering:
    """Word's automatic numbering (`w:numPr` on a paragraph, levels from the numbering part),
    rendered as the label Word shows: `1`, `a)`, `1.2`, followed by its tab. Bullets and
    numbering that comes from a paragraph style are left out."""

    def __init__(self, root: Any, source: str = "", styles: _Styles | None = None) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.abstract_of: dict[str, str] = {}
        self.source = source
        self.styles = styles
        if root is not None:
            self._load(root)

    def _load(self, root: Any) -> None:
        abstract = {
            a.get(_w("abstractNumId")): _levels(a, self.source)
            for a in root.iterchildren(_w("abstractNum"))
        }
        for num in root.iterchildren(_w("num")):
            ref = num.find(_w("abstractNumId"))
            if ref is not None and ref.get(_w("val")) in abstract:
                self.levels[num.get(_w("numId"))] = abstract[ref.get(_w("val"))]
                if num.find(_w("lvlOverride")) is None:  # an override restarts: its own count
                    self.abstract_of[num.get(_w("numId"))] = ref.get(_w("val"))

    def label(self, paragraph: Any) -> str:
        """The label Word shows before `paragraph`: from its own numbering, else its style's
        (ITU's `Heading 1`, `Heading 2` number their headings so). Lists of one abstract
        numbering share their counters, as Word counts them; a level shown before its parent
        counts the parent at its start (`3.1` then `4`, not `3`)."""
        num_id, level = self._numbering(paragraph)
        levels = self.levels.get(num_id, {})
        depth = _list_level(level or "0", self.source)
        if not num_id or depth not in levels or levels[depth].format not in _NUMBER_FORMATS:
            return ""
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        for parent in range(depth):
            if parent in levels and parent not in counters:
                counters[parent] = levels[parent].start
        counters[depth] = counters.get(depth, levels[depth].start - 1) + 1
        for deeper in [d for d in counters if d > depth]:
            del counters[deeper]
        label = _render(levels, counters, depth)
        if len(label) > MAX_LABEL_CHARS:
            raise InputError(
                f"a damaged .docx (list numbering: a label of {len(label):,} characters, more "
                f"than {MAX_LABEL_CHARS:,}; its w:lvlText begins {levels[depth].text[:40]!r}): "
                "save it again in Word",
                source=self.source,
            )
        return label

    def _numbering(self, paragraph: Any) -> tuple[str, str]:
        """(numId, ilvl) of a paragraph: its own `w:numPr`, completed by its style's."""
        num_pr = paragraph.find(f"{_w('pPr')}/{_w('numPr')}")
        num_id = _val(num_pr.find(_w("numId"))) if num_pr is not None else ""
        level = _val(num_pr.find(_w("ilvl"))) if num_pr is not None else ""
        if (not num_id or not level) and self.styles is not None:
            sid = _val(paragraph.find(f"{_w('pPr')}/{_w('pStyle')}"))
            style_num, style_level = self.styles.numbering(sid)
            num_id, level = num_id or style_num, level or style_level
        return ("" if num_id == "0" else num_id), level


def _val(element: Any) -> str:
    return str(element.get(_w("val"), "")) if element is not None else ""


_WHOLE = re.compile(r"[0-9]{1,9}")  # ASCII digits only: int() also takes '²' and '1_000'
MAX_LIST_LEVEL = 9  # Word numbers list levels 0 to 8, LibreOffice 0 to 9
MAX_LABEL_CHARS = 1_000  # a list label Word shows (`1.2.3.4.5.6.7.8.9`) has a few dozen


def _whole(value: str, what: str, source: str) -> int:
    """A numbering value (`w:ilvl`, `w:start`) as the small whole number it must be."""
    if not _WHOLE.fullmatch(value.strip()):
        raise InputError(
            f"a damaged .docx (list numbering: {what} {value[:40]!r} is not a whole number "
            "below 1,000,000,000): save it again in Word",
            source=source,
        )
    return int(value)


def _list_level(value: str, source: str) -> int:
    """A `w:ilvl`: a list level from 0 to `MAX_LIST_LEVEL` (each level rendered walks the
    levels above it: a level of a billion would take minutes)."""
    level = _whole(value, "w:ilvl", source)
    if level > MAX_LIST_LEVEL:
        raise InputError(
            f"a damaged .docx (list numbering: w:ilvl {level} is no list level, which go from 0 "
            f"to {MAX_LIST_LEVEL}): save it again in Word",
            source=source,
        )
    return level


def _levels(abstract: Any, source: str = "") -> dict[int, _Level]:
    levels = {}
    for lvl in abstract.iterchildren(_w("lvl")):
        start = _val(lvl.find(_w("start")))
        levels[_list_level(lvl.get(_w("ilvl"), "0"), source)] = _Level(
            format=_val(lvl.find(_w("numFmt"))) or "decimal",
            text=_label_pattern(_val(lvl.find(_w("lvlText"))), source),
            start=_whole(start, "w:start", source) if start else 1,
            suffix=_SUFFIXES.get(_val(lvl.find(_w("suff"))), "\t"),
        )
    return levels


def _label_pattern(text: str, source: str) -> str:
    """A `w:lvlText` (`%1.%2)`), at most `MAX_LABEL_CHARS` long: each `%N` may become a hundred
    letters, so a long pattern would make labels of gigabytes."""
    if len(text) > MAX_LABEL_CHARS:
        raise InputError(
            f"a damaged .docx (list numbering: a w:lvlText of {len(text):,} characters, more "
            f"than {MAX_LABEL_CHARS:,}): save it again in Word",
            source=source,
        )
    return text


def _render(levels: dict[int, _Level], counters: dict[int, int], depth: int) -> str:
    """`%1.%2)` with each `%N` the counter of level N-1 in that level's format."""
    text = levels[depth].text
    for level in range(depth, -1, -1):
        info = levels.get(level)
        if info is None or info.format not in _NUMBER_FORMATS:
            continue
        value = counters.get(level, info.start)
        text = text.replace(f"%{level + 1}", _NUMBER_FORMATS[info.format](value))
    return text + levels[depth].suffix if text else ""
