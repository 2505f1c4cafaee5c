"""PDF through pypdfium2 (texts/pdf.py): ITU's own PDF, PDFs LibreOffice makes of the .docx
fixtures, and small PDFs made here for one layout each."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.texts.pdfs import encrypted, scanned_pdf, text_pdf

from intersector.domain.documents import Clause, Document
from intersector.domain.errors import InputError
from intersector.texts import pdf
from intersector.texts.parse import parse_document
from intersector.texts.readers import read_bytes, read_file

DATA = Path(__file__).resolve().parents[1] / "data"
U1 = DATA / "itu-documents" / "T-REC-U.1-199303-I__PDF-E.pdf"
U1_DOC = DATA / "itu-documents" / "T-REC-U.1-199303-I__MSW-E.doc"
ITU = DATA / "itu-documents"
PDFS = ITU / "pdf"
FOOTER = "Rec. ITU-T X.1 (01/2020)"
LEFT = [
    "1 The first column opens with a para-",
    "graph that goes on down the left column",
    "and is continued by the ITU-",
    "T Sector in this line.",
]
RIGHT = [
    "2 The second column holds another para-",
    "graph whose Telecom-",
    "munication words are joined again",
    "before the page ends.",
]


def lines_of(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def u1() -> str:
    result = read_file(U1)
    assert (result.format, result.encoding) == ("pdf", "pdf")
    return result.text


def test_itu_pdf_parses_like_its_doc(u1: str) -> None:
    document = parse_document(u1, source=str(U1))
    assert (document.id, document.number) == ("itu-t-rec-u.1", "U.1")
    preamble = document.preamble[0]
    assert [c.label for c in preamble.clauses] == ["a)", "b)", "c)", "d)", "e)", "f)"]
    (view,) = document.operative  # `unanimously declares the view`, the CCITT's operative part
    assert view.function == "declares"
    numbered = [c for c in view.clauses if c.label.isdigit()]
    assert [(c.label, c.text) for c in numbered][:3] == [
        ("1", "Signalling types"),
        ("2", "Free line condition"),
        ("3", "Call"),
    ]
    assert [c.label for c in numbered] == [str(n) for n in range(1, 14)]
    five = next(c for c in numbered if c.label == "5")
    assert [c.label for c in five.children] == ["5.1", "5.2"]
    assert [c.label for c in five.children[0].children] == [f"5.1.{n}" for n in range(1, 7)]


def test_itu_pdf_clause_headings_get_their_tab(u1: str) -> None:
    """`1 Signalling types` is printed with spaces after its number (one bold segment); a
    label in bold before the clause's text (`5.1.3 For type B`) without a gap too."""
    lines = lines_of(u1)
    assert "1\tSignalling types" in lines and "13\tTransit working" in lines
    assert any(line.startswith("5.1.3\tFor type B signalling") for line in lines)


def test_itu_pdf_running_footers_and_page_numbers_are_gone(u1: str) -> None:
    lines = lines_of(u1)
    assert not [line for line in lines if line.startswith("Recommendation U.1 (03/93)\t")]
    assert not [line for line in lines if line.strip().isdigit()]
    assert "Recommendation U.1" in lines  # the title itself stays


def test_itu_pdf_wrapped_lines_and_hyphenation_are_joined(u1: str) -> None:
    lines = lines_of(u1)
    assert (
        "The ITU Telecommunication Standardization Sector (ITU-T) is a permanent organ of the "
        "International Telecommunication Union. The ITU-T is responsible for studying technical, "
        "operating and tariff questions and issuing Recommendations on them with a view to "
        "standardizing telecommunications on a worldwide basis."
    ) in lines
    assert (
        "(e) that additional signalling standards (types C and D) have been defined for use on "
        "international telex networks. Details of these methods of signalling are laid down in "
        "Recommendations U.11 and U.12;"
    ) in lines
    assert "1.1\tIn general, as far as signalling over" in "\n".join(lines)


def page_with_columns(*, across: bool) -> list[tuple[float, float, str]]:
    """Two columns with a running header and a page number; `across` writes them as some
    producers do, a line of each column in turn."""
    left = [(60.0, 700.0 - 12 * i, text) for i, text in enumerate(LEFT)]
    right = [(310.0, 700.0 - 12 * i, text) for i, text in enumerate(RIGHT)]
    body = [x for pair in zip(left, right, strict=True) for x in pair] if across else left + right
    return [(60.0, 800.0, FOOTER), *body, (290.0, 40.0, "3")]


@pytest.mark.parametrize("across", [True, False], ids=["read-across", "column-by-column"])
def test_two_columns_are_read_in_reading_order(across: bool) -> None:
    pages = [page_with_columns(across=across) for _ in range(3)]
    text = read_bytes(text_pdf(pages), source="columns.pdf").text
    first = lines_of(text)[:2]
    assert first == [
        "1 The first column opens with a paragraph that goes on down the left column and is "
        "continued by the ITU-T Sector in this line.",
        "2 The second column holds another paragraph whose Telecommunication words are joined "
        "again before the page ends.",
    ]
    assert FOOTER not in text and "\n3\n" not in text
    assert len(lines_of(text)) == 6  # two paragraphs a page, nothing else


def test_a_scanned_pdf_is_named() -> None:
    with pytest.raises(InputError, match="no text") as caught:
        read_bytes(scanned_pdf(), source="scan.pdf")
    assert "scan.pdf" in str(caught.value) and "OCR" in str(caught.value)


def test_a_password_protected_pdf_is_named() -> None:
    with pytest.raises(InputError, match="password-protected") as caught:
        read_bytes(encrypted(U1.read_bytes()), source="secret.pdf")
    assert "secret.pdf" in str(caught.value)


@pytest.mark.parametrize(
    "data", [b"%PDF-1.4\n" + bytes(range(256)) * 4, b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"]
)
def test_a_damaged_pdf_is_named(data: bytes) -> None:
    with pytest.raises(InputError, match=r"damaged PDF|no text") as caught:
        read_bytes(data, source="broken.pdf")
    assert "broken.pdf" in str(caught.value)


def test_a_pdf_of_too_many_pages_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages are counted before any is read (`MAX_PAGES`, issue 8)."""
    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    three = text_pdf([[(72, 700, f"Page {n} text")] for n in range(3)])
    with pytest.raises(InputError, match=r"has 3 pages, more than any ITU text \(at most 2\)"):
        read_bytes(three, source="long.pdf")
    assert read_bytes(text_pdf([[(72, 700, "Page text")]] * 2), source="two.pdf").text


@given(st.binary(max_size=2048))
def test_random_bytes_as_pdf_never_crash(tail: bytes) -> None:
    try:
        read_bytes(b"%PDF-1.4\n" + tail, source="fuzz.pdf")
    except InputError as error:
        assert "fuzz.pdf" in str(error)


@settings(max_examples=20)  # a whole 15-page PDF each time
@given(st.integers(min_value=200, max_value=100_000), st.integers(0, 255))
def test_mutated_itu_pdf_never_crashes(offset: int, value: int) -> None:
    data = bytearray(U1.read_bytes())
    data[offset % len(data)] = value
    try:
        read_bytes(bytes(data), source="mutated.pdf")
    except InputError as error:
        assert "mutated.pdf" in str(error)


# --- PDFs LibreOffice makes of the .docx fixtures ---------------------------------------------


@pytest.fixture(scope="module")
def libreoffice_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .docx fixtures printed to PDF by LibreOffice (skipped without it, except in CI)."""
    if shutil.which("soffice") is None:
        reason = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI is set, so the PDF tests must run")
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("pdf")
    profile = (out / "profile").as_uri()
    sources = [str(DATA / "docx" / f"{name}.docx") for name in ("wtsa-res-57-en", "wtsa-res-38-en")]
    subprocess.run(
        [
            *("soffice", f"-env:UserInstallation={profile}", "--headless"),
            *("--convert-to", "pdf", "--outdir", str(out), *sources),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out


def clauses(document: Document) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """Every clause of the preamble and operative part: section, label, text, footnotes."""
    found = []

    def walk(section: str, items: tuple[Clause, ...]) -> None:
        for clause in items:
            found.append((section, clause.label, clause.text, clause.footnotes))
            walk(section, clause.children)

    for section in document.preamble + document.operative:
        walk(section.heading, section.clauses)
    return found


@pytest.mark.parametrize("name", ["wtsa-res-57-en", "wtsa-res-38-en"])
def test_a_pdf_of_a_docx_parses_like_the_docx(libreoffice_pdfs: Path, name: str) -> None:
    """Same identity, title and sections; every clause whole and the same, its footnotes taken
    from the foot of the page and anchored where the .docx anchors them."""
    from_pdf = parse_document(read_file(libreoffice_pdfs / f"{name}.pdf").text)
    from_docx = parse_document(read_file(DATA / "docx" / f"{name}.docx").text)
    assert (from_pdf.id, from_pdf.title) == (from_docx.id, from_docx.title)
    assert clauses(from_pdf) == clauses(from_docx)
    assert from_pdf.footnotes == from_docx.footnotes


def test_two_columns_made_by_libreoffice_read_like_the_docx() -> None:
    """Resolution 57 in a two-column section, printed by LibreOffice 7.4: each column read down,
    the paragraph that goes on in the next column joined, the footnote at the foot of the
    column taken out and anchored in its clause."""
    from_pdf = parse_document(read_file(PDFS / "wtsa-res-57-en-two-columns.pdf").text)
    from_docx = parse_document(read_file(DATA / "docx" / "wtsa-res-57-en.docx").text)
    assert from_pdf.id == from_docx.id == "wtsa-res-57"
    assert clauses(from_pdf) == clauses(from_docx)
    assert from_pdf.footnotes == from_docx.footnotes
    assert [note.label for note in from_pdf.footnotes] == ["1"]


def top_headings(document: Document) -> list[tuple[str, str]]:
    """The numbered top-level clauses with their headings (`1 Scope`, `2 References`, …), as
    long as they run 1, 2, 3 …: on main the .docx reader still takes the rows of some data
    tables for clauses (Q.850's code tables), which the comparison leaves aside."""
    found: list[tuple[str, str]] = []
    for part in document.parts:
        if part.label != str(len(found) + 1) or not part.heading:
            break
        found.append((part.label, part.heading))
    return found


# ITU's .docx printed to PDF by LibreOffice 7.4 (tests/data/itu-documents/pdf/)
ITU_PDFS = {
    "T-REC-D.000-201005-I__MSW-E": "Terms and definitions for the D-series Recommendations",
    "T-REC-F.921-201808-I__MSW-E": "Audio-based indoor and outdoor network navigation system",
    "T-REC-Q.850-201810-I__MSW-E": "Usage of cause and location in the Digital Subscriber",
    "T-REC-P.862.2-201710-I_Cor1_MSW-E": "Wideband extension to Recommendation P.862",
}


@pytest.mark.parametrize("name", sorted(ITU_PDFS))
def test_an_itu_docx_and_its_pdf_give_the_same_document(name: str) -> None:
    """Id, title, top-level headings, annexes and appendices the same from the PDF as from the
    .docx. The title is compared where the .docx reader gets it right: for the Corrigendum
    (P.862.2) it runs on into the corrigendum's text on main, so only its start is checked."""
    from_pdf = parse_document(read_file(PDFS / f"{name}.pdf").text, lenient=True)
    from_docx = parse_document(read_file(ITU / f"{name}.docx").text, lenient=True)
    assert from_pdf.id == from_docx.id
    assert from_pdf.title.startswith(ITU_PDFS[name])
    if "Cor" not in name:
        assert from_pdf.title == from_docx.title
    assert top_headings(from_pdf) == top_headings(from_docx)
    assert len(top_headings(from_docx)) >= (0 if "Cor" in name else 3)
    assert [(a.kind, a.label, a.title) for a in from_pdf.annexes] == [
        (a.kind, a.label, a.title) for a in from_docx.annexes
    ]
    if name.startswith("T-REC-F.921"):
        assert top_headings(from_pdf)[-3:] == [
            ("10", "Specific features, landmarks and objects"),
            ("11", "Railway stations"),
            ("12", "Mobile app features"),
        ]


def test_a_corrigendum_pdf_keeps_its_own_id() -> None:
    name = "T-REC-P.862.2-201710-I_Cor1_MSW-E"
    from_pdf = parse_document(read_file(PDFS / f"{name}.pdf").text, lenient=True)
    assert from_pdf.id == "itu-t-rec-p.862.2-cor1"


def test_cells_side_by_side_are_one_row() -> None:
    """A cover's `ITU-T` and `P.862.2`, far apart on one baseline, are one line with a tab
    between them, as the .docx reader writes a table row."""
    text = read_file(PDFS / "T-REC-P.862.2-201710-I_Cor1_MSW-E.pdf").text
    assert "ITU-T\tP.862.2" in lines_of(text)
    assert "Recommendation ITU-T P.862.2 (2007) – Corrigendum 1" in lines_of(text)


def test_a_bold_heading_ends_its_paragraph() -> None:
    """A heading set in bold is a paragraph of its own even when the text under it follows
    at the usual spacing, and its number gets the tab of a clause label."""
    lines = lines_of(read_file(PDFS / "T-REC-F.921-201808-I__MSW-E.pdf").text)
    assert "10\tSpecific features, landmarks and objects" in lines
    assert "10.4.1\tWarning walking surface indicators" in lines
    assert "These indicators are used to warn of pedestrian hazards." in lines
