"""Parse (issue 2): ITU text files into structured documents, and what `parse` prints of them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.table import Table
from rich.tree import Tree

from intersector.domain.documents import Document
from intersector.domain.errors import ValidationError
from intersector.reports import outline
from intersector.settings import Settings
from intersector.texts.batch import ParsedFile, parse_files
from intersector.texts.legacy_doc import Office
from intersector.texts.segment import segments_dump

PARSE_FORMATS = ("json", "akn", "text", "debug")


def parse_paths(
    paths: list[Path],
    *,
    fmt: str = "json",
    lenient: bool = False,
    settings: Settings | None = None,
) -> list[ParsedFile]:
    """Read and parse each file (.txt, .docx, .doc, .pdf) for `parse --format fmt`: one
    `ParsedFile` per path, holding its document or the error that names what was wrong; a bad
    file never stops the others. An unknown `fmt` raises `ValidationError` before any file is
    read. `settings` says how to reach LibreOffice (for .doc)."""
    if fmt not in PARSE_FORMATS:
        raise ValidationError(
            f"unknown format {fmt!r}: use one of {', '.join(PARSE_FORMATS)}", field="format"
        )
    return parse_files(
        paths, lenient=lenient, segments=fmt == "debug", office=office_of(settings or Settings())
    )


def office_of(settings: Settings) -> Office:
    """How the readers reach LibreOffice (legacy .doc), from the settings."""
    return Office(command=settings.soffice, timeout=settings.convert_timeout)


def parsed_output(parsed: list[ParsedFile], fmt: str, *, as_list: bool) -> list[str | Tree]:
    """What `parse` prints for the files that were read: JSON (a list when `as_list`), Akoma
    Ntoso XML, Rich outlines (`text`) or the segmenter's middle form (`debug`)."""
    if fmt == "debug":  # also for the files the reader did not understand
        return [segments_dump(p.path, p.segments) for p in parsed if p.segments]
    documents = [p.document for p in parsed if p.ok and p.document is not None]
    if fmt == "json":
        return [outline.documents_json(documents, as_list=as_list)] if documents or as_list else []
    if not documents:
        return []
    if fmt == "akn":
        return [documents_akn(documents)]
    return [outline.document_outline(doc) for doc in documents]


def parse_failures(failed: list[ParsedFile]) -> Table:
    """The table of files that could not be read, and why (a Rich table)."""
    return outline.failure_table(failed)


def write_akn_files(parsed: list[ParsedFile], folder: Path) -> list[Path]:
    """`parse --format akn --output DIR`: one Akoma Ntoso file per text read, named after its
    input (`res57.docx` → `DIR/res57.xml`; a second input of the same name gets `-2`); the
    folder is made if missing. Returns the files written."""
    from intersector.texts.akoma import to_akoma

    if folder.exists() and not folder.is_dir():
        raise ValidationError(
            f"{folder} is a file: give --output a folder to write one .xml per text", field="output"
        )
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for p in parsed:
        if not (p.ok and p.document is not None):
            continue
        target, n = folder / f"{Path(p.path).stem}.xml", 1
        while target in written:
            n += 1
            target = folder / f"{Path(p.path).stem}-{n}.xml"
        target.write_bytes(to_akoma(p.document))
        written.append(target)
    return written


def documents_akn(documents: Sequence[Document]) -> str:
    """Akoma Ntoso XML, one document after the other."""
    from intersector.texts.akoma import to_akoma  # lxml and the schema tables: only when asked

    return "\n".join(to_akoma(doc).decode("utf-8") for doc in documents)
