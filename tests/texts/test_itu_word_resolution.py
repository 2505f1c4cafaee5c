"""A WTSA Resolution as ITU publishes it in Word: a cover page, the publication's foreword and
copyright, then the title block in a table (`Res_No`, `Res_title` styles) whose history is a
footnote, `Call` headings, a `b)bis` clause and footnotes. The .docx is made here with Word's
structures; its words are the project's own short text in ITU's layout, NOT ITU's official
text of Resolution 1."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from intersector.domain.documents import Document, Event
from intersector.texts.parse import parse_document
from intersector.texts.readers import read_bytes

_SPEC = importlib.util.spec_from_file_location(
    "make_docx", Path(__file__).parent.parent / "data" / "make_docx.py"
)
assert _SPEC is not None and _SPEC.loader is not None
make_docx: Any = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(make_docx)

HISTORY = (
    "(Helsinki, 1993; Geneva, 1996; Montreal, 2000; Florianópolis, 2004; Johannesburg, 2008; "
    "Dubai, 2012; Hammamet, 2016)"
)
COVER = [
    "International Telecommunication Union",
    "ITU-T",
    "WORLD TELECOMMUNICATION STANDARDIZATION ASSEMBLY",
    "Hammamet, 25 October – 3 November 2016",
    "Resolution 1 – Rules of procedure of the ITU Telecommunication Standardization Sector",
]
FRONT = [
    ("", "FOREWORD"),
    ("", "The International Telecommunication Union (ITU) is the United Nations specialized "
     "agency in the field of telecommunications."),
    ("", "© ITU 2016"),
    ("", "All rights reserved."),
]  # fmt: skip
BODY = [
    ("Normalaftertitle", "The World Telecommunication Standardization Assembly (Hammamet, 2016),"),
    ("Call", "considering"),
    ("", "a)\tthat the rules of procedure should be clear;"),
    ("", "b)\tthat they should be simple;"),
    ("", "b)bis\tthat they should be read in every Sector[footnoteRef:2]2;"),
    ("", "c)\tthat they should be kept up to date,"),
    ("Call", "resolves"),
    ("", "1\tto adopt these rules;"),
    ("", "2\tto review them at each assembly."),
]  # fmt: skip
NOTES = {
    "1": "1\tEarlier versions: " + HISTORY,
    "2": "2\tThe three Sectors: ITU-R, ITU-T and ITU-D.",
}


def _style(document: Any, name: str) -> Any:
    if name not in [s.name for s in document.styles]:
        document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    return document.styles[name]


def _paragraph(container: Any, document: Any, style: str, text: str) -> None:
    paragraph = container.add_paragraph(style=_style(document, style) if style else None)
    _fill(paragraph, text)


def _fill(paragraph: Any, text: str) -> None:
    for match_start, piece in _pieces(text):
        if match_start:
            make_docx.add_reference(paragraph, piece)
        else:
            make_docx.add_text(paragraph, piece)


def _pieces(text: str) -> list[tuple[bool, str]]:
    out: list[tuple[bool, str]] = []
    rest = text
    while "[footnoteRef:" in rest:
        before, _, after = rest.partition("[footnoteRef:")
        number, _, after = after.partition("]")
        out += [(False, before), (True, number)]
        rest = after.removeprefix(number)
    return [*out, (False, rest)]


def word_resolution(*, text_box: bool = False) -> bytes:
    """The Resolution as Word holds it; `text_box`: its title block in a text box (VML)
    anchored in an empty paragraph, instead of a table."""
    document = docx.Document()
    for text in COVER:  # the cover page: paragraphs, the Resolution named on it
        _paragraph(document, document, "", text)
    for style, text in FRONT:
        _paragraph(document, document, style, text)
    if text_box:
        cell: Any = _text_box(document.add_paragraph())
        cell.add_paragraph()
    else:
        cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.paragraphs[0].style = _style(document, "Res_No")
    _fill(cell.paragraphs[0], "RESOLUTION 1 (Rev. Hammamet, 2016)[footnoteRef:1]1")
    title = "Rules of procedure of the ITU Telecommunication Standardization Sector"
    _paragraph(cell, document, "Res_title", title)
    for style, text in BODY:
        _paragraph(document, document, style, text)
    make_docx.attach_footnotes(document, NOTES)
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


class _Box:
    """A text box's content as python-docx's block container (`add_paragraph`)."""

    def __init__(self, element: Any, parent: Any) -> None:
        from docx.text.paragraph import Paragraph

        self.element, self.parent, self._paragraph = element, parent, Paragraph

    def add_paragraph(self, style: Any = None) -> Any:
        p = etree.SubElement(self.element, make_docx.w("p"))
        paragraph = self._paragraph(p, self.parent)
        if style is not None:
            paragraph.style = style
        return paragraph

    @property
    def paragraphs(self) -> list[Any]:
        return [
            self._paragraph(p, self.parent) for p in self.element.iterchildren(make_docx.w("p"))
        ]


def _text_box(anchor: Any) -> _Box:
    vml = "urn:schemas-microsoft-com:vml"
    run = etree.SubElement(anchor._p, make_docx.w("r"))
    shape = etree.SubElement(etree.SubElement(run, make_docx.w("pict")), f"{{{vml}}}shape")
    box = etree.SubElement(etree.SubElement(shape, f"{{{vml}}}textbox"), make_docx.w("txbxContent"))
    return _Box(box, anchor._parent)


def _parse(data: bytes) -> Document:
    read = read_bytes(data, source="wtsa-res-1-own.docx")
    return parse_document(read.text, source="wtsa-res-1-own.docx", styles=read.styles)


@pytest.fixture(scope="module", params=["table", "text box"])
def resolution(request: pytest.FixtureRequest) -> Document:
    return _parse(word_resolution(text_box=request.param == "text box"))


def test_identity_from_the_title_block_after_the_cover(resolution: Document) -> None:
    assert (resolution.id, resolution.kind, resolution.body, resolution.number) == (
        "wtsa-res-1", "resolution", "wtsa", "1"
    )  # fmt: skip
    assert resolution.title == (
        "Rules of procedure of the ITU Telecommunication Standardization Sector"
    )
    assert resolution.revision == Event("Hammamet", 2016, "Hammamet")


def test_history_from_its_footnote(resolution: Document) -> None:
    assert [e.year for e in resolution.history] == [1993, 1996, 2000, 2004, 2008, 2012, 2016]


def test_cover_foreword_and_copyright_kept_apart(resolution: Document) -> None:
    assert resolution.foreword.startswith("The International Telecommunication Union")
    kept = "\n".join(resolution.boilerplate)
    assert "WORLD TELECOMMUNICATION STANDARDIZATION ASSEMBLY" in kept
    assert "© ITU 2016" in kept


def test_bis_is_a_sibling_and_every_footnote_is_kept(resolution: Document) -> None:
    (considering,) = resolution.preamble
    assert [(c.label, c.children) for c in considering.clauses] == [
        ("a)", ()), ("b)", ()), ("b)bis", ()), ("c)", ())
    ]  # fmt: skip
    assert considering.clauses[2].footnotes == ("2",)
    assert [n.label for n in resolution.footnotes] == ["1", "2"]
    assert [c.label for c in resolution.operative[0].clauses] == ["1", "2"]
    assert resolution.warnings == ()
