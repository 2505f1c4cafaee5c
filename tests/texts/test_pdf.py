"""PDF through pypdfium2 (texts/pdf.py): ITU's own PDF, PDFs LibreOffice makes of the .docx
fixtures, and small PDFs made here for one layout each."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.texts.pdfs import encrypted, scanned_pdf, text_pdf

from intersector.domain.errors import InputError
from intersector.texts import pdf
from intersector.texts.parse import parse_document
from intersector.texts.readers import read_bytes, read_file

DATA = Path(__file__).resolve().parents[1] / "data"
U1 = DATA / "itu-documents" / "T-REC-U.1-199303-I__PDF-E.pdf"
U1_DOC = DATA / "itu-documents" / "T-REC-U.1-199303-I__MSW-E.doc"
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
    assert [c.label for c in preamble.clauses][:6] == ["a)", "b)", "c)", "d)", "e)", "f)"]


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


def letters(text: str) -> str:
    """Letters only: footnote marks glued to a word and spacing aside."""
    return re.sub(r"[\W\d_]+", "", text)


@pytest.mark.parametrize("name", ["wtsa-res-57-en", "wtsa-res-38-en"])
def test_a_pdf_of_a_docx_parses_like_the_docx(libreoffice_pdfs: Path, name: str) -> None:
    """Same identity, title and section headings; every clause of the .docx whole in the PDF's
    text (the footnote bodies stay at the foot of their page, so clause counts may differ)."""
    pdf_text = read_file(libreoffice_pdfs / f"{name}.pdf").text
    from_pdf = parse_document(pdf_text)
    from_docx = parse_document(read_file(DATA / "docx" / f"{name}.docx").text)
    assert (from_pdf.id, from_pdf.title) == (from_docx.id, from_docx.title)
    headings = [s.heading for s in from_docx.preamble + from_docx.operative]
    assert [s.heading for s in from_pdf.preamble + from_pdf.operative] == headings
    whole = letters(pdf_text)
    clauses = [c.text for s in from_docx.preamble + from_docx.operative for c in s.clauses]
    assert [c for c in clauses if letters(c) not in whole] == []
