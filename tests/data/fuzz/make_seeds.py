"""Build the fuzzing seeds in tests/data/fuzz/ from the real fixtures in tests/data/.

Run from the project root: `.venv/bin/python tests/data/fuzz/make_seeds.py`. The output is
committed; this script documents how it was made and remakes it byte for byte (fixed zip dates).

Seeds are small so that a mutation lands in what the reader reads:
- `features.docx`, `wtsa-res-57-en.docx`: the fixtures of tests/data/docx/ reduced to the parts
  the reader opens (content types, relationships, the document, its numbering, footnotes and
  styles); the theme, fonts, thumbnail and all styles but Normal, Heading 1, Heading 2 and
  Title (97% of the bytes) are left out with their relationships and content types, so each
  seed still reads as its fixture does. The two headings are numbered by the seed's first list
  through their style, as ITU's templates number theirs.
- `wtsa-res-57-en.txt`, `wtsa-res-57-fr-utf16.txt`: the head of the plain-text seeds, the
  French one in UTF-16 LE with a BOM.
- `u1-page1.pdf`: the first page of the real ITU-T U.1 PDF (tests/data/itu-documents/).
The legacy .doc seed is the smallest real .doc of tests/data/itu-documents/, read in place.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent
KEPT = (
    "[Content_Types].xml",
    "_rels/.rels",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/numbering.xml",
    "word/footnotes.xml",
    "word/styles.xml",
)
STYLES = ("Normal", "Heading1", "Heading2", "Title")  # kept of the 300 in the fixtures' part
# ITU's templates number their headings through the style: so do the seeds' headings
STYLE_NUMBERING = {"Heading1": "0", "Heading2": "1"}
_RELATIONSHIP = re.compile(rb'<Relationship [^>]*Target="([^"]+)"[^>]*/>')
_OVERRIDE = re.compile(rb'<Override PartName="/([^"]+)"[^>]*/>')


def _kept_target(folder: str, target: bytes) -> bool:
    path = (Path(folder) / target.decode()).as_posix()
    parts: list[str] = []
    for piece in path.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts) in KEPT


def _trim(name: str, content: bytes) -> bytes:
    """Relationships and content-type overrides of the parts left out are dropped too."""
    if name.endswith(".rels"):
        folder = "" if name == "_rels/.rels" else name.split("/_rels/")[0]
        return _RELATIONSHIP.sub(
            lambda m: m.group(0) if _kept_target(folder, m.group(1)) else b"", content
        )
    if name == "[Content_Types].xml":
        return _OVERRIDE.sub(lambda m: m.group(0) if m.group(1).decode() in KEPT else b"", content)
    return content


def small_styles(content: bytes, num_id: bytes) -> bytes:
    """The styles part with only `STYLES`, the headings numbered by list `num_id`."""
    from lxml import etree

    root = etree.fromstring(content)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for style in list(root.iterchildren(w + "style")):
        sid = style.get(w + "styleId")
        if sid not in STYLES:
            root.remove(style)
        elif sid in STYLE_NUMBERING:
            p_pr = style.find(w + "pPr")
            num_pr = etree.SubElement(p_pr, w + "numPr")
            etree.SubElement(num_pr, w + "ilvl").set(w + "val", STYLE_NUMBERING[sid])
            etree.SubElement(num_pr, w + "numId").set(w + "val", num_id.decode())
    for other in list(root.iterchildren(w + "latentStyles")):
        root.remove(other)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def small_docx(source: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in KEPT:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            content = _trim(name, src.read(name))
            if name == "word/styles.xml":
                numbering = src.read("word/numbering.xml")
                found = re.search(rb'<w:num w:numId="([0-9]+)"', numbering)
                content = small_styles(content, found.group(1) if found else b"1")
            dst.writestr(info, content)
    return out.getvalue()


def head(path: Path, lines: int) -> str:
    return "".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:lines])


def first_page(path: Path) -> bytes:
    import pypdf

    reader = pypdf.PdfReader(path)
    writer = pypdf.PdfWriter()
    writer.add_page(reader.pages[0])
    writer.add_metadata({"/Producer": "tests/data/fuzz/make_seeds.py"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main() -> None:
    for name in ("features", "wtsa-res-57-en"):
        (OUT / f"{name}.docx").write_bytes(small_docx(DATA / "docx" / f"{name}.docx"))
    texts = DATA / "texts"
    (OUT / "wtsa-res-57-en.txt").write_text(head(texts / "wtsa-res-57-en.txt", 30), "utf-8")
    french = head(texts / "wtsa-res-57-fr.txt", 30)
    (OUT / "wtsa-res-57-fr-utf16.txt").write_bytes(b"\xff\xfe" + french.encode("utf-16-le"))
    pdf = DATA / "itu-documents" / "T-REC-U.1-199303-I__PDF-E.pdf"
    (OUT / "u1-page1.pdf").write_bytes(first_page(pdf))


if __name__ == "__main__":
    main()
