"""PDF into text, through pypdfium2 (Google's PDFium; see docs/parsing.md for why this library).

`read_pdf_bytes(data, source=…)` returns the text of a PDF in the conventions of the .docx
reader: one line per paragraph, in reading order, so one pipeline serves every format.

Stages, each with its promise:
1. `_page_lines`: the page's text segments (PDFium's text rectangles, in content order) merged
   into lines with their boxes; a wide gap inside a line becomes a tab (label, table cell).
2. `_drop_running_lines`: running headers, footers and page numbers are gone — lines near the
   top or bottom edge whose text, digits aside, comes back on several pages, or that are a bare
   page number; a footnote separator rule too.
3. `_reading_order`: a two-column block whose content order jumps between the columns is read
   left column first, then right; anything else keeps the content order (which is reading order
   in what Word, LibreOffice and Distiller write).
4. `_paragraphs`: wrapped lines joined into paragraphs (a break at extra vertical space, a clause
   label or a short line that ends a sentence), hyphenation undone (`Telecom-`/`munication`),
   hyphens that belong to the word kept (`ITU-`/`T`).

Raises `InputError` naming the file for a damaged or password-protected PDF, one with too many
pages, and one without any text (a scan, which needs OCR first).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from statistics import median
from typing import Any

from intersector.domain.errors import InputError

MAX_PAGES = 3000  # the longest ITU publications (the Radio Regulations) have about 2,000
_SOFT_HYPHEN = "\ufffe"  # PDFium's mark for a hyphen it found at a line end
_EDGE = 0.1  # running headers and footers sit in the top and bottom tenth of the page
_TAB_GAP = 1.5  # a gap wider than this many line heights inside a line is a tab
_SPLIT_GAP = 5.0  # … and wider than this, two separate lines (columns side by side)
_LABEL = re.compile(
    r"(\(?[a-zA-Z0-9]{1,4}\)|\d+(\.\d+)*\.?\s|[A-Z](\.\d+)+\s|[•–—-]\s|"
    r"(NOTE|Note|ANNEX|Annex|APPENDIX|Appendix|TABLE|Table|FIGURE|Figure)\b)"
)
_PAGE_NUMBER = re.compile(r"[-–—\s]*(page\s+)?([0-9]+|[ivxlcdm]+)(\s*/\s*[0-9]+)?[-–—\s]*", re.I)
_ENDS = (".", ":", ";", "!", "?", ")")  # how a paragraph's last line ends
_RULE = re.compile(r"[_\-–—.\s]{3,}")
_HINT = "give the .docx (or a plain-text export) instead"


@dataclass(frozen=True)
class _Line:
    text: str
    left: float
    bottom: float
    right: float
    top: float
    short: bool = False  # ends before the right edge of its column: the end of a paragraph
    spaced: bool = False  # more space above it than between the lines of a paragraph

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
    lines = [line for page in pages for line in _mark_short(_reading_order(page.lines))]
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
            (text, rect)
            for rect in (textpage.get_rect(i) for i in range(textpage.count_rects()))
            if (text := _clean(textpage.get_text_bounded(*rect)))
        ]
        return _Page(_page_lines(segments), float(page.get_height()))
    finally:
        textpage.close()
        page.close()


def _clean(text: str) -> str:
    """A segment's text without control characters (PDFium's `\\x02` is a soft hyphen)."""
    text = text.replace("\x02", _SOFT_HYPHEN)
    return "".join(c if c >= " " else " " for c in text).strip()


# --- 1. lines ------------------------------------------------------------------------------------


def _page_lines(segments: list[tuple[str, tuple[float, float, float, float]]]) -> list[_Line]:
    """Segments in content order merged into lines: a segment continues the line before it when
    it sits on the same baseline, to its right, not too far."""
    lines: list[_Line] = []
    for text, (left, bottom, right, top) in segments:
        segment = _Line(text, left, bottom, right, top)
        last = lines[-1] if lines else None
        if last is not None and _same_line(last, segment):
            gap = segment.left - last.right
            glue = "\t" if gap > _TAB_GAP * last.height else " " if gap > 0.15 * last.height else ""
            lines[-1] = _Line(
                last.text.rstrip() + glue + text.lstrip(),
                last.left,
                min(last.bottom, bottom),
                right,
                max(last.top, top),
            )
        else:
            lines.append(segment)
    return lines


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


# --- 4. paragraphs ---------------------------------------------------------------------------


def _mark_short(lines: list[_Line]) -> list[_Line]:
    """Each line of a page marked `short` when it ends well before the right edge of its column
    (the edge most lines of that column reach), and `spaced` when the space above it is wider
    than the page's usual space between lines."""
    if not lines:
        return lines
    middle = (min(line.left for line in lines) + max(line.right for line in lines)) / 2
    left = [line.right for line in lines if line.right <= middle + 2]
    other = [line.right for line in lines if line.right > middle + 2]
    edges = (_edge(left), _edge(other))
    gaps = [a.bottom - b.top for a, b in itertools.pairwise(lines)]
    usual = median([gap for gap in gaps if gap > 0] or [0.0])
    marked = []
    for line, gap in zip(lines, [0.0, *gaps], strict=True):
        edge = edges[0] if line.right <= middle + 2 and len(left) > len(lines) // 3 else edges[1]
        short = line.right < edge - 0.12 * max(edge - line.left, 1.0)
        marked.append(replace(line, short=short, spaced=gap > 1.4 * usual + 1.0))
    return marked


def _edge(rights: list[float]) -> float:
    """The right edge most lines reach: the upper quartile of their right ends."""
    return sorted(rights)[(3 * len(rights)) // 4] if rights else 0.0


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Wrapped lines joined into paragraphs, hyphenation undone."""
    if not lines:
        return []
    paragraphs = [lines[0].text]
    for previous, line in itertools.pairwise(lines):
        if _breaks(previous, line):
            paragraphs.append(line.text)
        else:
            paragraphs[-1] = _join(paragraphs[-1], line.text)
    return [p.replace(_SOFT_HYPHEN, "-").strip() for p in paragraphs if p.strip()]


def _breaks(previous: _Line, line: _Line) -> bool:
    """Whether `line` starts a new paragraph after `previous`: after a short line that ends a
    sentence or comes before a clause label, at a table row (tabs), at extra vertical space;
    at the top of the next column or page only a sentence that carries on is joined."""
    if previous.short and (previous.text.endswith(_ENDS) or _LABEL.match(line.text)):
        return True
    if "\t" in line.text:
        return True  # a table row, a labelled line
    if line.top > previous.bottom:  # a new column or page: only a sentence carries on
        return not (line.text[:1].islower() or previous.text.endswith((",", "-", _SOFT_HYPHEN)))
    return line.spaced or (previous.text.endswith(_ENDS) and bool(_LABEL.match(line.text)))


def _join(paragraph: str, text: str) -> str:
    if paragraph.endswith((_SOFT_HYPHEN, "-")):
        head = paragraph[:-1]
        if head[-1:].islower() and text[:1].islower():
            return head + text  # hyphenation: Telecom- munication
        return head + "-" + text  # a hyphen of the word: ITU- T
    return paragraph.rstrip() + " " + text.lstrip()
