from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from intersector.domain.errors import InputError
from intersector.texts import legacy_doc, readers
from intersector.texts.readers import read_bytes, read_file, read_text

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = ("wtsa-res-57-en", "wtsa-res-57-fr", "wtsa-res-38-en")
SAMPLE = "Résolution 57 – «coopération» (UIT‑T)\n\ta)\tconsidérant\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def read_error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_file(path)
    assert str(path) in str(caught.value)
    return caught.value


# --- plain text ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SEEDS)
def test_seeds_read_as_utf8_unchanged(name: str) -> None:
    path = DATA / "texts" / f"{name}.txt"
    result = read_file(path)
    assert (result.encoding, result.format) == ("utf-8", "text")
    assert result.text == path.read_text(encoding="utf-8")
    assert read_text(path) == result.text


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_are_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    result = read_file(write(tmp_path, "res.txt", data))
    assert result.encoding == encoding
    assert result.text == SAMPLE


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_in_other_scripts(tmp_path: Path, encoding: str) -> None:
    text = (
        "РЕЗОЛЮЦИЯ 57 (Пересм. Дубай, 2012 г.)\nучитывая\na)\tчто существует необходимость;\n"
        "القرار 57 (المراجَع في دبي، 2012)\n"
    )
    result = read_file(write(tmp_path, "res.txt", text.encode(encoding)))
    assert (result.encoding, result.text) == (encoding, text)


def test_cp1252_is_the_fallback(tmp_path: Path) -> None:
    text = "Résolution 57 – «coopération» € œuvre\n"
    result = read_file(write(tmp_path, "res.txt", text.encode("cp1252")))
    assert (result.encoding, result.text) == ("cp1252", text)


def test_line_ends_are_normalised(tmp_path: Path) -> None:
    result = read_file(write(tmp_path, "res.txt", b"considering\r\na)\tthat\rb)\tthat\r\n"))
    assert result.text == "considering\na)\tthat\nb)\tthat\n"


# --- what is refused ----------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t \n"])
def test_empty_file_is_refused(tmp_path: Path, data: bytes) -> None:
    assert "empty" in read_error(write(tmp_path, "empty.txt", data)).message


def test_utf16_blank_file_is_refused(tmp_path: Path) -> None:
    error = read_error(write(tmp_path, "blank.txt", "\ufeff \n \n".encode("utf-16")))
    assert "blank" in error.message


def test_binary_file_is_refused_with_its_line(tmp_path: Path) -> None:
    data = b"first line\nsecond\n\x00\x01\x02\x03\xfe\x00garbage"
    error = read_error(write(tmp_path, "data.txt", data))
    assert "binary" in error.message
    assert error.line == 3


def test_control_characters_mean_binary(tmp_path: Path) -> None:
    data = bytes(range(1, 9)) * 20 + b"text"
    assert "binary" in read_error(write(tmp_path, "data.txt", data)).message


def test_undecodable_bytes_mean_binary(tmp_path: Path) -> None:
    # 0x81 and 0x9d are undefined in cp1252 and invalid in UTF-8
    error = read_error(write(tmp_path, "data.txt", b"text\n\x81\x9d\x81\x9d"))
    assert "binary" in error.message
    assert error.line == 2


def test_pdf_is_read_as_pdf_whatever_its_name(tmp_path: Path) -> None:
    error = read_error(write(tmp_path, "res57.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"))
    assert "a damaged PDF" in error.message  # read as a PDF, whatever its name


def test_pdf_with_junk_before_its_header_is_read_as_pdf(tmp_path: Path) -> None:
    data = b"junk\n%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
    assert "a damaged PDF" in read_error(write(tmp_path, "res.txt", data)).message


def test_text_mentioning_pdf_is_read(tmp_path: Path) -> None:
    text = "Files start with %PDF-1.7 and end with %%EOF.\nThat is all.\n"
    assert read_text(write(tmp_path, "note.txt", text.encode())) == text


def test_damaged_legacy_doc_is_refused(tmp_path: Path) -> None:
    data = legacy_doc.OLE_MAGIC + b"\x00" * 600
    error = read_error(write(tmp_path, "res57.doc", data))
    assert ".doc" in error.message
    assert "save it as .docx" in error.message


def test_known_binary_formats_are_named(tmp_path: Path) -> None:
    error = read_error(write(tmp_path, "scan.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20))
    assert "PNG image" in error.message


FEATURES = (Path(__file__).resolve().parents[1] / "data" / "docx" / "features.docx").read_bytes()


def damaged_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zip_bytes(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_zip_that_is_no_docx_is_refused(tmp_path: Path) -> None:
    data = zip_bytes({"notes.txt": b"hello"})
    error = read_error(write(tmp_path, "res57.docx", data))
    assert "no Word .docx" in error.message


def test_docx_without_main_part_is_refused(tmp_path: Path) -> None:
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/x.xml": b"<x/>"})
    assert "no Word .docx" in read_error(write(tmp_path, "res57.docx", data)).message


def test_other_office_files_are_refused(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "roadmap.xlsx"
    openpyxl.Workbook().save(path)
    assert "no Word .docx" in read_error(path).message


def test_damaged_docx_part_is_refused(tmp_path: Path) -> None:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(DATA / "docx" / "features.docx") as src,
        zipfile.ZipFile(out, "w") as dst,
    ):
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "word/document.xml":
                content = content[: len(content) // 2]
            dst.writestr(info.filename, content)
    error = read_error(write(tmp_path, "cut.docx", out.getvalue()))
    assert "damaged .docx" in error.message


def test_zip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_UNZIPPED", 10_000)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b" " * 100_000)
    error = read_error(write(tmp_path, "bomb.docx", out.getvalue()))
    assert "unzips to" in error.message


def test_odt_is_refused(tmp_path: Path) -> None:
    data = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text"})
    assert ".odt" in read_error(write(tmp_path, "res57.odt", data)).message


def test_damaged_zip_is_refused(tmp_path: Path) -> None:
    data = b"PK\x03\x04" + b"\x14\x00" * 40
    assert "zip" in read_error(write(tmp_path, "res57.docx", data)).message


def test_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    error = read_error(write(tmp_path, "big.txt", b"RESOLUTION 57\n" * 10))
    assert "too large" in error.message


def test_directory_is_refused(tmp_path: Path) -> None:
    assert "directory" in read_error(tmp_path).message


def test_missing_file_is_refused(tmp_path: Path) -> None:
    assert "no such file" in read_error(tmp_path / "nowhere.txt").message


def test_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", b"text")

    def refuse(fd: int, size: int) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(readers.os, "read", refuse)
    error = read_error(path)
    assert "Permission denied" in error.message
    assert "permissions" in error.message


# --- limits (issue 8): each test fails if its limit is taken out -------------------------------


def features_with(part: str, old: bytes, new: bytes) -> bytes:
    """features.docx with `old` replaced by `new` in `part` (which must hold it)."""
    parts = damaged_parts(FEATURES)
    assert old in parts[part]
    parts[part] = parts[part].replace(old, new)
    return zip_bytes(parts)


def test_too_many_zip_entries_are_refused_before_unzipping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_ZIP_ENTRIES", 17)  # features.docx has 18 parts
    opened: list[object] = []
    monkeypatch.setattr(readers.zipfile, "ZipFile", lambda *a, **k: opened.append(a))
    error = read_error(write(tmp_path, "many.docx", FEATURES))
    assert "a zip of 18 files, more than any Word .docx (at most 17)" in error.message
    assert not opened


def test_a_zip_of_ten_thousand_entries_is_refused(tmp_path: Path) -> None:
    parts = damaged_parts(FEATURES) | {f"word/media/{i}.bin": b"" for i in range(10_001)}
    error = read_error(write(tmp_path, "many.docx", zip_bytes(parts)))
    assert "a zip of 10,019 files" in error.message


def test_the_unzipped_size_is_summed_over_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many parts each under the limit, together over it (what the zip headers declare)."""
    monkeypatch.setattr(readers, "MAX_UNZIPPED", 900_000)  # features.docx: 830,561 bytes
    parts = damaged_parts(FEATURES) | {"word/media/a.bin": b"\0" * 100_000}
    assert "unzips to 1 MiB" in read_error(write(tmp_path, "a.docx", zip_bytes(parts))).message
    del parts["word/media/a.bin"]
    assert read_file(write(tmp_path, "b.docx", zip_bytes(parts))).format == "docx"


def test_too_many_xml_tags_in_a_part_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_XML_TAGS", 200)  # features' document.xml has 258
    error = read_error(write(tmp_path, "tags.docx", FEATURES))
    assert "holds 258 XML tags in one part, more than any ITU text (at most 200)" in error.message


@pytest.mark.parametrize(
    ("part", "old", "new", "expected"),
    [
        ("word/numbering.xml", b'w:ilvl="1"', b'w:ilvl="10"', "w:ilvl 10 is no list level"),
        (
            "word/document.xml",
            b'<w:ilvl w:val="1"/>',
            b'<w:ilvl w:val="999999999"/>',
            "w:ilvl 999999999 is no list level",
        ),
        ("word/numbering.xml", b'w:ilvl="0"', b'w:ilvl="\xc2\xb2"', "w:ilvl '²' is not a whole"),
        (
            "word/numbering.xml",
            b'<w:start w:val="1"/>',
            b'<w:start w:val="1000000000"/>',
            "w:start '1000000000' is not a whole number below 1,000,000,000",
        ),
        ("word/numbering.xml", b'<w:start w:val="1"/>', b'<w:start w:val="-1"/>', "w:start '-1'"),
    ],
)
def test_list_numbering_values_are_checked(
    tmp_path: Path, part: str, old: bytes, new: bytes, expected: str
) -> None:
    error = read_error(write(tmp_path, "numbering.docx", features_with(part, old, new)))
    assert error.message.startswith("a damaged .docx (list numbering: ")
    assert expected in error.message


def test_the_deepest_list_level_is_read(tmp_path: Path) -> None:
    """Levels up to `MAX_LIST_LEVEL` (LibreOffice's tenth) are numbers, not damage."""
    level = b'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    deepest = b'<w:lvl w:ilvl="9"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    parts = damaged_parts(features_with("word/numbering.xml", level, deepest))
    parts["word/numbering.xml"] = parts["word/numbering.xml"].replace(b'"%2)"', b'"%10)"')
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b'<w:ilvl w:val="1"/>', b'<w:ilvl w:val="9"/>'
    )
    text = read_file(write(tmp_path, "deep.docx", zip_bytes(parts))).text
    assert "a)\tfirst item" in text


def test_a_huge_list_level_is_refused_at_once(tmp_path: Path) -> None:
    """Rendering a label walks the levels above it: a level of 99,999,999 took 13 s."""
    parts = damaged_parts(features_with("word/numbering.xml", b'w:ilvl="0"', b'w:ilvl="99999999"'))
    error = read_error(write(tmp_path, "huge-level.docx", zip_bytes(parts)))
    assert "w:ilvl 99999999 is no list level, which go from 0 to 9" in error.message


def test_a_long_label_pattern_is_refused(tmp_path: Path) -> None:
    data = features_with("word/numbering.xml", b'w:val="%1."', b'w:val="' + b"%1" * 501 + b'"')
    error = read_error(write(tmp_path, "pattern.docx", data))
    assert "a w:lvlText of 1,002 characters, more than 1,000" in error.message


def test_a_label_that_grows_too_long_is_refused(tmp_path: Path) -> None:
    """A short pattern of letters numbers: each `%1` at 2,600 is a hundred Zs."""
    numbering = damaged_parts(FEATURES)["word/numbering.xml"]
    level = re.search(rb'w:abstractNumId="90".*?(<w:lvl w:ilvl="0">.*?</w:lvl>)', numbering, re.S)
    assert level is not None
    hostile = (
        b'<w:lvl w:ilvl="0"><w:start w:val="2600"/><w:numFmt w:val="upperLetter"/>'
        b'<w:lvlText w:val="' + b"%1" * 20 + b'"/></w:lvl>'
    )
    data = features_with("word/numbering.xml", level.group(1), hostile)
    error = read_error(write(tmp_path, "label.docx", data))
    assert "a label of 2,001 characters, more than 1,000" in error.message


@pytest.mark.parametrize(
    ("n", "expected"), [(2600, "Z" * 100), (2601, "2601"), (10**9 - 1, str(10**9 - 1))]
)
def test_letter_labels_are_capped(n: int, expected: str) -> None:
    assert readers._letters(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"), [(3999, "MMMCMXCIX"), (4000, "4000"), (10**8, "100000000")]
)
def test_roman_labels_are_capped(n: int, expected: str) -> None:
    assert readers._roman(n) == expected


def test_a_part_a_relationship_names_but_the_zip_lacks_is_named(tmp_path: Path) -> None:
    parts = damaged_parts(FEATURES)
    del parts["word/footnotes.xml"]
    error = read_error(write(tmp_path, "no-notes.docx", zip_bytes(parts)))
    assert error.message.startswith("a damaged .docx (the part 'word/footnotes.xml' it names")


def test_broken_relationships_are_a_damaged_docx(tmp_path: Path) -> None:
    """python-docx's own failures (here an AttributeError) are not shown as they are."""
    parts = damaged_parts(FEATURES)
    parts["_rels/.rels"] = b"<x/>"
    error = read_error(write(tmp_path, "rels.docx", zip_bytes(parts)))
    assert error.message == (
        "a damaged .docx (its parts and relationships are broken): save it again in Word"
    )


# --- .docx --------------------------------------------------------------------------------------


def test_docx_features_are_rendered() -> None:
    result = read_file(DATA / "docx" / "features.docx")
    assert (result.encoding, result.format) == ("docx", "docx")
    assert result.text.split("\n") == [
        "Line with a\ttab and a non\u2011breaking hyphen (ITU\u2011T)",
        "Two notes[footnoteRef:1]1 in one[footnoteRef:2]2 paragraph "
        "[1: 1\tFirst note.] [2: 2\tSecond note.]",
        "Kept text",
        "first line",
        "second line",
        "1\tto invite",
        "a)\tfirst item",
        "i) roman item",
        "b)\tsecond item",
        "bullet item",
        "2\tto report",
        "a)\tnumbering restarts",
        "r0c0\tr0c1",
        "r1c0\tr1c1",
        "After the table",
        "Resolution 1[footnoteRef:*]* [*: *\tThis Resolution is brought to RAG.]",
        "",
    ]


@pytest.mark.parametrize(
    ("n", "roman", "letters"),
    [
        (1, "I", "A"),
        (4, "IV", "D"),
        (9, "IX", "I"),
        (26, "XXVI", "Z"),
        (27, "XXVII", "AA"),
        (52, "LII", "ZZ"),
        (53, "LIII", "AAA"),
        (1994, "MCMXCIV", "R" * 77),
    ],
)
def test_list_number_formats(n: int, roman: str, letters: str) -> None:
    assert readers._roman(n) == roman
    assert readers._letters(n) == letters


def comparable(text: str) -> list[str]:
    """Lines without bookmarks (Word keeps them as structure) and trailing blanks."""
    lines = [re.sub(r"\[bookmark: [^\]]*\]", "", line).rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


@pytest.mark.parametrize("name", SEEDS)
def test_docx_of_a_seed_reads_as_the_seed(name: str) -> None:
    docx_text = read_text(DATA / "docx" / f"{name}.docx")
    seed = (DATA / "texts" / f"{name}.txt").read_text(encoding="utf-8")
    assert comparable(docx_text) == comparable(seed)
    assert "[footnoteRef:1]1" in docx_text


def test_docx_footnotes_come_from_the_footnotes_part() -> None:
    with zipfile.ZipFile(DATA / "docx" / "wtsa-res-57-en.docx") as archive:
        document = archive.read("word/document.xml").decode()
        footnotes = archive.read("word/footnotes.xml").decode()
    assert "footnoteReference" in document
    assert "These include" not in document
    assert "These include" in footnotes


def test_docx_without_text_is_refused(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    assert "holds no text" in read_error(path).message


def test_docx_is_known_by_content_not_name(tmp_path: Path) -> None:
    data = (DATA / "docx" / "features.docx").read_bytes()
    assert read_file(write(tmp_path, "really-a-docx.txt", data)).format == "docx"
    assert read_file(write(tmp_path, "really-text.docx", b"plain text\n")).format == "text"


@pytest.mark.parametrize("name", SEEDS)
def test_docx_of_a_seed_parses_as_the_seed(name: str) -> None:
    from intersector.texts.parse import parse_document

    docx_path = DATA / "docx" / f"{name}.docx"
    txt_path = DATA / "texts" / f"{name}.txt"
    from_docx = parse_document(read_text(docx_path), source=str(docx_path))
    from_txt = parse_document(read_text(txt_path), source=str(txt_path))
    assert from_docx.footnotes
    assert dataclasses.replace(from_docx, source="") == dataclasses.replace(from_txt, source="")


# --- properties ---------------------------------------------------------------------------------

TEXT_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")


MAGICS = st.sampled_from([b"", b"PK\x03\x04", b"%PDF-", b"\xff\xfe", b"\xef\xbb\xbf"])


@given(MAGICS, st.binary(max_size=300))
def test_any_bytes_give_text_or_an_input_error(magic: bytes, tail: bytes) -> None:
    data = magic + tail
    try:
        result = read_bytes(data, source="fuzz.txt")
    except InputError as error:
        assert error.source == "fuzz.txt"
    else:
        assert "\r" not in result.text
        assert result.text.strip()


PART_NAMES = st.sampled_from(
    ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
     "word/footnotes.xml", "word/numbering.xml", "mimetype"]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(PART_NAMES, st.binary(max_size=200) | st.sampled_from([b"<x/>", b"<w/>"])),
    st.booleans(),
)
def test_any_damaged_docx_gives_text_or_an_input_error(
    changes: dict[str, bytes], keep_the_rest: bool
) -> None:
    parts = damaged_parts(FEATURES) if keep_the_rest else {}
    parts.update(changes)
    try:
        result = read_bytes(zip_bytes(parts), source="fuzz.docx")
    except InputError as error:
        assert error.source == "fuzz.docx"
    else:
        assert result.format == "docx"


@given(st.text(TEXT_CHARS, min_size=1), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_any_text_reads_back(text: str, encoding: str) -> None:
    text = text.replace("\r", "")
    assume(text.strip() and not text.lstrip().startswith("%PDF-"))
    assume(not text.startswith(("GIF8", "Rar!", "{\\rtf", "PK")))
    result = read_bytes(text.encode(encoding), source="prop.txt")
    assert result.text == text


LINE_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff\u2028\u2029\x85"
) | st.just("\t")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(LINE_CHARS, max_size=30), min_size=1, max_size=6))
def test_any_paragraphs_read_back_from_docx(lines: list[str]) -> None:
    import docx

    assume(any(line.strip() for line in lines))
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    assert read_bytes(out.getvalue()).text == "\n".join(lines) + "\n"
