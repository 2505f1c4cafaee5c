"""Build the .docx fixtures in tests/data/docx/ from the plain-text seeds, the way Word holds them.

Run from the project root: `.venv/bin/python tests/data/make_docx.py`. The output is committed;
this script documents how it was made and remakes it byte for byte (fixed zip dates and core
properties).

Each line of a seed becomes a paragraph. The Word-export artifacts of the seeds become real Word
structure: `[bookmark: x]` a bookmark, `[footnoteRef:N]N` a `w:footnoteReference` run, and the
inline body `[N: N\\tThese include …]` a footnote in a real footnotes part (`word/footnotes.xml`,
with Word's separator footnotes); tabs become `w:tab`, U+2011 a `w:noBreakHyphen`.

`features.docx` holds what the seeds lack: a table, two footnotes in one paragraph, a tracked
deletion, a hidden run, a manual line break, tab stops in the paragraph properties, a list
numbered by Word, a footnote with a custom mark (`*`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "texts"
OUT = HERE / "docx"
NAMES = ("wtsa-res-57-en", "wtsa-res-57-fr", "wtsa-res-38-en")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXED_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
TOKEN = re.compile(
    r"\[bookmark: (?P<bookmark>[^\]]*)\]"
    r"|\[footnoteRef:(?P<ref>\d+)\](?P=ref)"
    r"|\s*\[(?P<note>\d+): (?P<body>[^\]]*)\]\s*"
)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def add_text(paragraph: Any, text: str) -> None:
    """Runs for `text`: tabs become w:tab (python-docx does it), U+2011 w:noBreakHyphen."""
    for chunk in re.split("(\u2011)", text):
        if chunk == "\u2011":
            paragraph.add_run()._r.append(etree.Element(w("noBreakHyphen")))
        elif chunk:
            paragraph.add_run(chunk)


def add_line(document: Any, line: str, notes: dict[str, str], bookmarks: list[int]) -> None:
    paragraph = document.add_paragraph()
    position = 0
    for match in TOKEN.finditer(line):
        add_text(paragraph, line[position : match.start()])
        position = match.end()
        if match["bookmark"] is not None:
            add_bookmark(paragraph, match["bookmark"], bookmarks)
        elif match["ref"] is not None:
            add_reference(paragraph, match["ref"])
        else:
            notes[match["note"]] = match["body"]
    add_text(paragraph, line[position:])


def add_bookmark(paragraph: Any, name: str, bookmarks: list[int]) -> None:
    bookmarks.append(len(bookmarks))
    start = etree.SubElement(paragraph._p, w("bookmarkStart"))
    start.set(w("id"), str(bookmarks[-1]))
    start.set(w("name"), name)
    etree.SubElement(paragraph._p, w("bookmarkEnd")).set(w("id"), str(bookmarks[-1]))


def add_reference(paragraph: Any, number: str) -> None:
    run = paragraph.add_run()
    run.font.superscript = True
    etree.SubElement(run._r, w("footnoteReference")).set(w("id"), number)


def footnotes_xml(notes: dict[str, str], custom: dict[str, str] | None = None) -> bytes:
    """The footnotes part: Word's two separator notes, then one note per body; `custom` notes
    (custom mark) have their mark typed as text instead of a `w:footnoteRef`."""
    root = etree.Element(w("footnotes"), nsmap={"w": W})
    for note_id, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        note = etree.SubElement(root, w("footnote"))
        note.set(w("type"), kind)
        note.set(w("id"), note_id)
        run = etree.SubElement(etree.SubElement(note, w("p")), w("r"))
        etree.SubElement(run, w(kind))
    for note_id, body in notes.items():
        note = etree.SubElement(root, w("footnote"))
        note.set(w("id"), note_id)
        fill_note(etree.SubElement(note, w("p")), body.removeprefix(note_id))
    for note_id, body in (custom or {}).items():
        note = etree.SubElement(root, w("footnote"))
        note.set(w("id"), note_id)
        add_runs(etree.SubElement(note, w("p")), body)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def fill_note(paragraph: Any, text: str) -> None:
    mark = etree.SubElement(paragraph, w("r"))
    etree.SubElement(etree.SubElement(mark, w("rPr")), w("vertAlign")).set(w("val"), "superscript")
    etree.SubElement(mark, w("footnoteRef"))
    add_runs(paragraph, text)


def add_runs(paragraph: Any, text: str) -> None:
    """Runs of `text` in a raw w:p, tabs as w:tab."""
    for chunk in re.split("(\t)", text):
        run = etree.SubElement(paragraph, w("r"))
        if chunk == "\t":
            etree.SubElement(run, w("tab"))
        elif chunk:
            t = etree.SubElement(run, w("t"))
            t.text = chunk
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def attach_footnotes(
    document: Any, notes: dict[str, str], custom: dict[str, str] | None = None
) -> None:
    package = document.part.package
    blob = footnotes_xml(notes, custom)
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, package)
    document.part.relate_to(part, RT.FOOTNOTES)


def fixed(document: Any) -> bytes:
    """The .docx bytes with fixed dates, so that remaking the fixtures changes nothing."""
    props = document.core_properties
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.author = props.last_modified_by = "intersector tests"
    props.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, (2024, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info))
    return out.getvalue()


def seed_docx(text: str) -> bytes:
    document = docx.Document()
    notes: dict[str, str] = {}
    bookmarks: list[int] = []
    for line in text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"):
        add_line(document, line, notes, bookmarks)
    if notes:
        attach_footnotes(document, notes)
    return fixed(document)


FEATURE_LINES = (
    "Line with a\ttab and a non\u2011breaking hyphen (ITU\u2011T)",
    "Two notes[footnoteRef:1]1 in one[footnoteRef:2]2 paragraph "
    "[1: 1\tFirst note.] [2: 2\tSecond note.]",
)


NUMBERING = f"""<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/>
  </w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%3)"/>
    <w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>"""
LIST_ITEMS = (  # (level, text) of an automatically numbered list
    (0, "to invite"),
    (1, "first item"),
    (2, "roman item"),
    (1, "second item"),
    (3, "bullet item"),
    (0, "to report"),
    (1, "numbering restarts"),
)


def add_numbered_list(document: Any) -> None:
    """A list numbered by Word (w:numPr), its labels not in the text: 1, a), i), b), 2, a)."""
    numbering = document.part.numbering_part.element
    first_num = numbering.find(w("num"))
    abstract = etree.fromstring(NUMBERING)
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    num = etree.SubElement(numbering, w("num"))
    num.set(w("numId"), "90")
    etree.SubElement(num, w("abstractNumId")).set(w("val"), "90")
    for level, text in LIST_ITEMS:
        paragraph = document.add_paragraph(text)
        num_pr = etree.SubElement(paragraph._p.get_or_add_pPr(), w("numPr"))
        etree.SubElement(num_pr, w("ilvl")).set(w("val"), str(level))
        etree.SubElement(num_pr, w("numId")).set(w("val"), "90")


def features_docx() -> bytes:
    """A small document with what the seeds lack (see the module docstring)."""
    document = docx.Document()
    notes: dict[str, str] = {}
    for line in FEATURE_LINES:
        add_line(document, line, notes, [])
    para = document.add_paragraph("Kept ")
    deleted = etree.SubElement(para._p, w("del"))
    deleted_run = etree.SubElement(deleted, w("r"))
    etree.SubElement(deleted_run, w("delText")).text = "REMOVED "
    para.add_run("text")
    para.add_run(" HIDDEN").font.hidden = True
    tabbed = document.add_paragraph("first line")
    tabs = etree.SubElement(tabbed._p.get_or_add_pPr(), w("tabs"))
    etree.SubElement(tabs, w("tab")).set(w("pos"), "720")
    tabbed.runs[0].add_break()
    tabbed.add_run("second line")
    add_numbered_list(document)
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"r{r}c{c}"
    document.add_paragraph("After the table")
    add_custom_mark(document)
    attach_footnotes(document, notes, custom={"3": "*\tThis Resolution is brought to RAG."})
    return fixed(document)


def add_custom_mark(document: Any) -> None:
    """A footnote with a custom mark (`*`), as ITU titles have: the mark is typed after the
    reference, which has `w:customMarkFollows`."""
    paragraph = document.add_paragraph("Resolution 1")
    run = paragraph.add_run()
    reference = etree.SubElement(run._r, w("footnoteReference"))
    reference.set(w("customMarkFollows"), "1")
    reference.set(w("id"), "3")
    etree.SubElement(run._r, w("t")).text = "*"


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for name in NAMES:
        seed = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
        (OUT / f"{name}.docx").write_bytes(seed_docx(seed))
    (OUT / "features.docx").write_bytes(features_docx())
    print(f"wrote {len(NAMES) + 1} files to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
