"""PDF into text, through pypdfium2 (Google's PDFium; see docs/parsing.md for why this library).

`read_pdf_bytes(data, source=…)` returns the text of a PDF in the conventions of the .docx
reader: one line per paragraph, in reading order, so one pipeline serves every format.

Stages, each with its promise:
1. `_page_lines`: the page's text segments (PDFium's text rectangles, in content order) merged
   into lines with their boxes; a wide gap inside a line, or a bold clause number before
   text that is not bold, becomes a tab (label, table cell); a line is `bold` when all its
   segments are; a small raised number after a word is kept as a footnote mark.
2. `_drop_running_lines`: running headers, footers and page numbers are gone — lines near the
   top or bottom edge whose text, digits aside, comes back on several pages, or that are a bare
   page number; a footnote separator rule too.
3. `_reading_order`: a two-column block whose content order jumps between the columns is read
   left column first, then right; anything else keeps the content order (which is reading order
   in what Word, LibreOffice and Distiller write).
4. `_footnotes`: the footnote bodies at the foot of a page are out of its text, each carried
   by its mark.
5. `_paragraphs`: wrapped lines joined into paragraphs (a break at a tab, where bold starts or
   stops, after a line that left room for the next one's first word, at extra vertical space),
   hyphenation undone (`Telecom-`/`munication`), hyphens that belong to the word kept
   (`ITU-`/`T`); a numbered heading printed with spaces (`1 Signalling types`) given its tab;
   footnotes written as the .docx reader writes them (`[footnoteRef:1]1` … ` [1: 1\tText]`).

Raises `InputError` naming the file for a damaged or password-protected PDF, one with too many
pages, and one without any text (a scan, which needs OCR first).
"""

from __future__ import annotations

import ctypes
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from statistics import median
from typing import Any

from intersector.domain.errors import InputError
from intersector.texts.lexicon import LEXICONS

MAX_PAGES = 3000  # the longest ITU publications (the Radio Regulations) have about 2,000
_SOFT_HYPHEN = "\ufffe"  # PDFium's mark for a hyphen it found at a line end
_EDGE = 0.1  # running headers and footers sit in the top and bottom tenth of the page
_TAB_GAP = 1.5  # a gap wider than this many line heights inside a line is a tab
_SPLIT_GAP = 5.0  # … and wider than this, two separate lines (columns side by side)
# what opens a new paragraph after a sentence's end, in any script: `a)`, `(б)`, `（一）`, `ب)`,
# `1.2`, `А.1`, a dash, and the words of notes, tables, figures, annexes and appendices
_LABEL_WORDS = {"note", "table", "figure", *(w for lex in LEXICONS for w in lex.annex_words)}
_LABEL = re.compile(
    r"([(（]?[^\W_]{1,4}[)）]|\d+(\.\d+)*\.?\s|[^\W\d_](\.\d+)+\s|[•–—-]\s|"
    rf"({'|'.join(sorted(map(re.escape, _LABEL_WORDS), key=len, reverse=True))})\b)",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"[-–—\s]*(page\s+)?([0-9]+|[ivxlcdm]+)(\s*/\s*[0-9]+)?[-–—\s]*", re.I)
_ENDS = (".", ":", ";", "!", "?", ")")  # how a paragraph's last line ends
_SENTENCE_ENDS = ".;,:!?\u060c\u061b\uff0c\uff1a\uff1b\u3002"  # a heading never ends so
_HYPHENS = ("-", "\u2010", "\u2011")
_RULE = re.compile(r"[_\-–—.\s]{3,}")
_NOTE_LABEL = re.compile(r"\d{1,3}|\*{1,3}")
_MARK, _NOTE, _NO_NOTE = "\x01", "\x02", "\x03"  # a mark: MARK label [NOTE body] NO_NOTE
_MARKS = re.compile(r"\x01([^\x01-\x03]*)(?:\x02([^\x01-\x03]*))?\x03")
_NOTE_START = re.compile(r"(?P<label>\d{1,3}|\*{1,3})(?:[\t ]+|(?=[^\W\d_]))(?P<text>.*)")
# a clause label set in bold before the clause's text (`**5.1.3** For type B …`)
_BOLD_LABEL = re.compile(r"\d{1,3}(?:\.\d{1,3}){0,5}|[^\W\d_]\.\d{1,3}(?:\.\d{1,3}){0,4}")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
# a clause number opening a heading, then its words: `1 Signalling types`, `A.2 Scope`
_NUMBERED_HEADING = re.compile(
    r"(?P<label>\d{1,3}(?:\.\d{1,3}){0,5}|[^\W\d_]\.\d{1,3}(?:\.\d{1,3}){0,4})\s+(?P<heading>\S.*)"
)
_HINT = "give the .docx (or a plain-text export) instead"


@dataclass(frozen=True)
class _Line:
    text: str
    left: float
    bottom: float
    right: float
    top: float
    bold: bool = False  # every segment of it in a bold face: a heading, or a clause label
    spaced: bool = False  # more space above it than between the lines of a paragraph
    room: float = 0.0  # the space left between its end and the right edge of its column

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


@dataclass(frozen=True)
class _Page:
    lines: list[_Line]
    height: float


def read_pdf_bytes(data: bytes, *, source: str = "") -> str:
    """The text of a PDF (see the module's stages and promises)."""
    pages = _load_pages(data, source)
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise InputError(
            "the PDF holds no text (a scanned image?): run OCR on it first, or " + _HINT,
            source=source,
        )
    pages = _drop_running_lines(pages)
    lines = [
        line
        for page in pages
        for line in _footnotes(_mark_room(_reading_order(page.lines)), page.height)
    ]
    return "\n".join(_paragraphs(lines)) + "\n"


def _load_pages(data: bytes, source: str) -> list[_Page]:
    import pypdfium2 as pdfium  # imported only for a PDF

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise _open_error(error, source) from None
    try:
        if len(document) > MAX_PAGES:
            raise InputError(
                f"has {len(document)} pages, more than any ITU text (at most {MAX_PAGES})",
                source=source,
            )
        return [_read_page(document[index]) for index in range(len(document))]
    except pdfium.PdfiumError as error:
        raise InputError(f"a damaged PDF ({error}): {_HINT}", source=source) from None
    finally:
        document.close()


def _open_error(error: Any, source: str) -> InputError:
    import pypdfium2.raw as pdfium_c

    if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
        return InputError(
            "a password-protected PDF: open it with its password and save a copy without one, "
            "or " + _HINT,
            source=source,
        )
    return InputError(f"a damaged PDF ({error}): {_HINT}", source=source)


def _read_page(page: Any) -> _Page:
    textpage = page.get_textpage()
    try:
        segments = [
            (text, rect, _is_bold(textpage, rect))
            for rect in (textpage.get_rect(i) for i in range(textpage.count_rects()))
            if (text := _clean(textpage.get_text_bounded(*rect))).strip()
        ]
        return _Page(_page_lines(segments), float(page.get_height()))
    finally:
        textpage.close()
        page.close()


def _is_bold(textpage: Any, rect: tuple[float, float, float, float]) -> bool:
    """Whether a segment is set in a bold face: the font of its first character is named so
    (`Times-Bold`, `LiberationSerif-Bold`, `Arial-BoldMT`) or weighs 600 or more. PDFium
    cuts a text rectangle where the font changes, so one character tells for the segment."""
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = rect
    index = pdfium_c.FPDFText_GetCharIndexAtPos(
        textpage.raw, min(left + 1.0, right), (bottom + top) / 2, 2.0, 2.0
    )
    if index < 0:
        return False
    if pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= 600:
        return True
    name = ctypes.create_string_buffer(128)
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, len(name), None)
    return _BOLD_NAME.search(name.value.decode("latin-1")) is not None


def _clean(text: str) -> str:
    """A segment's text without control characters (PDFium's `\\x02` is a soft hyphen)."""
    text = text.replace("\x02", _SOFT_HYPHEN)
    text = "".join(c if c >= " " else " " for c in text)
    return re.sub(r"^ +| +$", " ", text)  # a space at either end tells where a word ends


# --- 1. lines ------------------------------------------------------------------------------------


Segment = tuple[str, tuple[float, float, float, float], bool]  # text, box, bold


def _page_lines(segments: list[Segment]) -> list[_Line]:
    """Segments in content order merged into lines: a segment continues the line before it when
    it sits on the same baseline, to its right, not too far. A line is bold when all its
    segments are."""
    lines: list[_Line] = []
    for text, (left, bottom, right, top), bold in segments:
        segment = _Line(text, left, bottom, right, top, bold=bold)
        last = lines[-1] if lines else None
        if last is not None and _same_line(last, segment) and _is_mark(last, segment):
            lines[-1] = replace(
                last, text=f"{last.text}{_MARK}{segment.text}{_NO_NOTE}", right=right
            )
        elif last is not None and _same_line(last, segment):
            gap = segment.left - last.right
            spaced = gap > 0.15 * last.height or text[:1] == " " or last.text[-1:] == " "
            if text in _HYPHENS or last.text.endswith(_HYPHENS):
                spaced = False  # a hyphen drawn apart, with its own bearings: `ITU` `-` `T`
            label = last.bold and not bold and _BOLD_LABEL.fullmatch(last.text.strip()) is not None
            glue = "\t" if gap > _TAB_GAP * last.height or label else " " if spaced else ""
            lines[-1] = _Line(
                last.text.rstrip() + glue + text.lstrip(),
                last.left,
                min(last.bottom, bottom),
                right,
                max(last.top, top),
                bold=last.bold and bold,
            )
        else:
            lines.append(segment)
    return [replace(line, text=line.text.strip()) for line in lines]


def _is_mark(line: _Line, segment: _Line) -> bool:
    """A footnote mark: a number or asterisks set smaller and raised after a word."""
    return (
        segment.height < 0.75 * line.height
        and segment.bottom > line.bottom + 0.2 * line.height
        and _NOTE_LABEL.fullmatch(segment.text.strip()) is not None
        and line.text[-1:].isalpha()
    )


def _same_line(last: _Line, segment: _Line) -> bool:
    overlap = min(last.top, segment.top) - max(last.bottom, segment.bottom)
    if overlap < 0.5 * min(last.height, segment.height):
        return False
    gap = segment.left - last.right
    return -1.0 <= gap <= _SPLIT_GAP * last.height


# --- 2. running headers and footers ----------------------------------------------------------


def _drop_running_lines(pages: list[_Page]) -> list[_Page]:
    edges = [list(_edge_lines(page)) for page in pages]
    seen = Counter(key for lines in edges for key in {_shape(line.text) for line in lines})
    needed = max(2, round(0.3 * len(pages)))
    running = {key for key, count in seen.items() if count >= needed}
    kept = []
    for page, edge in zip(pages, edges, strict=True):
        dropped = {
            id(line)
            for line in edge
            if _shape(line.text) in running or _PAGE_NUMBER.fullmatch(line.text)
        }
        lines = [
            line
            for line in page.lines
            if id(line) not in dropped and not _RULE.fullmatch(line.text)
        ]
        kept.append(_Page(lines, page.height))
    return kept


def _edge_lines(page: _Page) -> Iterator[_Line]:
    """The lines in the top and bottom tenth of the page."""
    for line in page.lines:
        if line.bottom > (1 - _EDGE) * page.height or line.top < _EDGE * page.height:
            yield line


def _shape(text: str) -> str:
    """A line's text with its digits and spacing made alike: `Rec. ITU-T Q.850 (10/2018) 3`
    and `… 4` are the same running header."""
    shape = " ".join(re.sub(r"\d+", "#", text).lower().split())
    return re.sub(r"^(# )+|( #)+$", "", shape)  # the page number beside it, left or right


# --- 3. reading order ------------------------------------------------------------------------


def _reading_order(lines: list[_Line]) -> list[_Line]:
    """Lines in reading order: content order, except that a block of two columns read across
    (left, right, left, …) is read down the left column first."""
    if len(lines) < 8:
        return lines
    left_edge = min(line.left for line in lines)
    right_edge = max(line.right for line in lines)
    middle = (left_edge + right_edge) / 2
    ordered: list[_Line] = []
    block: list[_Line] = []
    for line in sorted(lines, key=lambda line: -line.top):
        if line.right <= middle + 2 or line.left >= middle - 2:
            block.append(line)
            continue
        ordered.extend(_columns(block, middle, lines))
        ordered.append(line)
        block = []
    ordered.extend(_columns(block, middle, lines))
    return ordered if len(ordered) == len(lines) and _interleaved(lines, middle) else lines


def _columns(block: list[_Line], middle: float, content: list[_Line]) -> list[_Line]:
    left = [line for line in block if line.right <= middle + 2]
    right = [line for line in block if line not in left]
    if len(left) < 3 or len(right) < 3:
        position = {id(line): index for index, line in enumerate(content)}
        return sorted(block, key=lambda line: position[id(line)])
    return left + right


def _interleaved(lines: list[_Line], middle: float) -> bool:
    """Whether content order goes back and forth between the columns (more than twice per
    ten lines): only then is geometry a better guide than the order the PDF was written in."""
    sides = [line.right <= middle + 2 for line in lines if not line.left < middle - 2 < line.right]
    switches = sum(1 for a, b in itertools.pairwise(sides) if a != b)
    return switches > max(4, len(sides) // 5)


# --- 3b. footnotes -------------------------------------------------------------------------


def _footnotes(lines: list[_Line], height: float) -> list[_Line]:
    """A page's footnote bodies taken out of its text and carried by their marks: the block at
    the foot of the page whose first line starts with the label of a mark on the page and is
    set apart (more space above, or a smaller font); each body runs to the next label."""
    labels = [m for line in lines for m, _ in _MARKS.findall(line.text)]
    if not labels:
        return lines
    start = _notes_start(lines, labels, height)
    if start is None:
        return lines
    bottom = lines[start].top + 1.0
    notes_at = [i for i in range(start, len(lines)) if lines[i].top <= bottom]
    bodies: dict[str, str] = {}
    label = ""
    for i in notes_at:
        found = _NOTE_START.fullmatch(lines[i].text)
        if found is not None and found["label"] in labels and found["label"] not in bodies:
            label = found["label"]
            bodies[label] = found["text"].strip()
        elif label:
            bodies[label] = _join(bodies[label], lines[i].text)
    kept = [line for i, line in enumerate(lines) if i not in set(notes_at)]
    return [replace(line, text=_carry(line.text, bodies)) for line in kept]


def _notes_start(lines: list[_Line], labels: list[str], height: float) -> int | None:
    """Where the footnotes of a page start: the first line in the lower part of the page that
    opens with a mark's label and is set apart, such that the labels opening lines from there
    on are marks of the page, each once, in the order of the marks."""
    body_height = median(line.height for line in lines)
    starts = [_note_label(line, labels) for line in lines]
    for i, line in enumerate(lines):
        if not starts[i] or i == 0 or line.top > 0.45 * height:
            continue
        if not (line.spaced or line.height < 0.92 * body_height):
            continue
        found = [label for label in starts[i:] if label]
        if len(set(found)) == len(found) and found == sorted(found, key=labels.index):
            return i
    return None


def _note_label(line: _Line, labels: list[str]) -> str:
    found = _NOTE_START.fullmatch(line.text)
    return found["label"] if found is not None and found["label"] in labels else ""


def _carry(text: str, bodies: dict[str, str]) -> str:
    """Each mark whose body was found given it: MARK label NOTE body NO_NOTE."""

    def carry(found: re.Match[str]) -> str:
        label = found[1]
        body = bodies.get(label)
        if body is None:
            return found[0]
        return f"{_MARK}{label}{_NOTE}{body.replace('[', '(').replace(']', ')')}{_NO_NOTE}"

    return _MARKS.sub(carry, text)


# --- 4. paragraphs ---------------------------------------------------------------------------


def _mark_room(lines: list[_Line]) -> list[_Line]:
    """Each line of a page given the `room` left before the right edge of its column (the edge
    most lines of that column reach), and marked `spaced` when the space above it is wider
    than the page's usual space between lines. A page is of
    two columns only when several lines start in its right half."""
    if not lines:
        return lines
    middle = (min(line.left for line in lines) + max(line.right for line in lines)) / 2
    in_right = [line for line in lines if line.left >= middle - 2]
    columns = len(in_right) >= max(3, len(lines) // 5)
    left = [line.right for line in lines if not columns or line.right <= middle + 2]
    other = [line.right for line in in_right]
    edges = (_edge(left), _edge(other))
    gaps = [a.bottom - b.top for a, b in itertools.pairwise(lines)]
    usual = median([gap for gap in gaps if gap > 0] or [0.0])
    marked = []
    for line, gap in zip(lines, [0.0, *gaps], strict=True):
        edge = edges[1] if columns and line.left >= middle - 2 else edges[0]
        room = max(edge - line.right, 0.0)
        marked.append(replace(line, spaced=gap > 1.4 * usual + 1.0, room=room))
    return marked


def _edge(rights: list[float]) -> float:
    """The right edge most lines reach: the upper quartile of their right ends."""
    return sorted(rights)[(3 * len(rights)) // 4] if rights else 0.0


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Wrapped lines joined into paragraphs, hyphenation undone; a numbered heading written
    with spaces after its number (`1 Signalling types`) given the tab of a clause label."""
    if not lines:
        return []
    paragraphs = [[lines[0]]]
    for previous, line in itertools.pairwise(lines):
        if _same_row(previous, line):  # cells side by side: one row, as the .docx reader has it
            paragraphs[-1].append(replace(line, text="\t" + line.text))
        elif _breaks(previous, line):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    texts = (_heading_tab(paragraph, _text(paragraph)) for paragraph in paragraphs)
    return [_with_notes(text.replace(_SOFT_HYPHEN, "-").strip()) for text in texts if text.strip()]


def _with_notes(text: str) -> str:
    """Footnote marks written as the .docx reader writes them: `[footnoteRef:1]1` at the mark
    and ` [1: 1\tbody]` at the end of the paragraph; a mark without a body is its label."""
    if _MARK not in text:
        return text
    bodies: list[str] = []

    def anchor(found: re.Match[str]) -> str:
        label, body = found[1], found[2]
        if body is None:
            return label
        bodies.append(f" [{label}: {label}\t{body}]")
        return f"[footnoteRef:{label}]{label}"

    return _MARKS.sub(anchor, text) + "".join(bodies)


def _same_row(previous: _Line, line: _Line) -> bool:
    """Whether `line` stands to the right of `previous` on the same baseline (a table's cells,
    a cover's `ITU-T` and `P.862.2`), too far from it to be one line."""
    overlap = min(previous.top, line.top) - max(previous.bottom, line.bottom)
    return line.left > previous.right and overlap >= 0.5 * min(previous.height, line.height)


def _text(paragraph: list[_Line]) -> str:
    text = paragraph[0].text
    for line in paragraph[1:]:
        text = _join(text, line.text)
    return text


def _heading_tab(paragraph: list[_Line], text: str) -> str:
    """`1 Signalling types` as `1\tSignalling types` when it reads as a heading: set in bold, or
    one short line that opens with a capital (or a letter without case) and ends without
    punctuation. A tab already there is kept."""
    found = _NUMBERED_HEADING.fullmatch(text)
    if found is None or "\t" in text[: len(found["label"]) + 1]:
        return text
    heading = found["heading"]
    looks = (
        len(heading) < 100
        and heading[-1] not in _SENTENCE_ENDS
        and heading[:1].isalpha()
        and not heading[:1].islower()
    )
    if looks and (all(line.bold for line in paragraph) or len(paragraph) == 1):
        return f"{found['label']}\t{heading}"
    return text


def _breaks(previous: _Line, line: _Line) -> bool:
    """Whether `line` starts a new paragraph after `previous`: at a table row or labelled line
    (tabs), where bold starts or stops (a heading) or the size of type changes by half, after
    a line that left room for the first
    word of `line` (so the break was made on purpose), at extra vertical space, at a clause
    label after a sentence's end; at the top of the next column or page only a sentence that
    carries on is joined."""
    if "\t" in line.text or previous.bold != line.bold:
        return True  # a table row, a labelled line; a heading's first or last line
    if max(previous.height, line.height) > 1.5 * min(previous.height, line.height):
        return True  # another size of type: a title, a cover line, a note
    hyphen = previous.text.endswith(("-", _SOFT_HYPHEN))
    if previous.room > _first_word_width(line) and not hyphen:
        return True
    ends = previous.text.endswith(_ENDS)
    if line.top > previous.bottom:  # a new column or page: a sentence that carries on is joined
        return ends or bool(_LABEL.match(line.text))
    return line.spaced or (ends and bool(_LABEL.match(line.text)))


def _first_word_width(line: _Line) -> float:
    """How wide the first word of a line is, with the space before it, from the line's mean
    character width, and some margin (a proportional font's letters differ)."""
    text = _MARKS.sub(lambda found: found[1], line.text)
    word = text.split(None, 1)[0] if text.strip() else ""
    per_char = (line.right - line.left) / max(len(text), 1)
    return 1.5 * per_char * (len(word) + 1) + 2.0


def _join(paragraph: str, text: str) -> str:
    if text.startswith("\t"):
        return paragraph.rstrip() + text
    if paragraph.endswith((_SOFT_HYPHEN, "-")):
        head = paragraph[:-1]
        if head[-1:].islower() and text[:1].islower():
            return head + text  # hyphenation: Telecom- munication
        return head + "-" + text  # a hyphen of the word: ITU- T
    return paragraph.rstrip() + " " + text.lstrip()
