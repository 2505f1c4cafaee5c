"""Files into documents, one at a time, a bad file never stopping the others.

`parse_files(paths)` reads each file (`readers.read_file`) and parses it (`parse.parse_document`).
Promise: one `ParsedFile` per path, in the order given; each holds either the document or the
`IntersectorError` that names what was wrong with it, and, if asked, the segmenter's middle form
of every file that could be read (parsed or not: that is when it helps most).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from intersector.domain.documents import Document
from intersector.domain.errors import IntersectorError
from intersector.texts.legacy_doc import Office
from intersector.texts.parse import debug_segments, parse_document
from intersector.texts.readers import read_file
from intersector.texts.segment import Line


@dataclass(frozen=True)
class ParsedFile:
    """The outcome for one file: `document` (with `segments` when asked) or `error`."""

    path: str
    document: Document | None = None
    segments: tuple[Line, ...] = ()
    error: IntersectorError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def parse_file(
    path: Path, *, lenient: bool = False, segments: bool = False, office: Office | None = None
) -> ParsedFile:
    """Read and parse one file (a legacy .doc through LibreOffice, `office`); its user errors
    are kept in the result, not raised."""
    source = str(path)
    lines: tuple[Line, ...] = ()
    try:
        read = read_file(path, office=office)
        if segments:  # first, so a text the reader does not know can still be looked at
            lines = tuple(debug_segments(read.text, source=source, styles=read.styles))
        document = parse_document(read.text, source=source, lenient=lenient, styles=read.styles)
    except IntersectorError as error:
        return ParsedFile(source, segments=lines, error=error)
    return ParsedFile(source, document=document, segments=lines)


def parse_files(
    paths: Iterable[Path],
    *,
    lenient: bool = False,
    segments: bool = False,
    office: Office | None = None,
) -> list[ParsedFile]:
    """`parse_file` for each path, in order."""
    return [parse_file(path, lenient=lenient, segments=segments, office=office) for path in paths]
