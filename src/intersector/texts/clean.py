"""Stage 1, clean: remove what Word exports leave in ITU texts, keep every line where it was.

After `clean_text(text)`:
- no `[bookmark: …]` markers, no inline footnote bodies `[1: 1 \\tThese include …]` and no
  anchors `[footnoteRef:1]1`: each footnote is returned apart (`FootnoteMark`) with its label,
  its text, and the line and column where its anchor stood;
- no index-entry field codes left as text by old Word converters (`SERVICEXE "SIGNALLING …"§`:
  Word for Windows 2.0 files read by LibreOffice), their line breaks kept;
- non-breaking hyphens (U+2011) are `-`, non-breaking and odd spaces are ` `, curly apostrophes
  are `'`, soft hyphens, zero-width characters, bidirectional marks and the Arabic tatweel are gone;
- Arabic-Indic, Eastern Arabic-Indic and full-width digits are the digits 0-9 (`١.٢` is `1.2`);
- each line has no leading or trailing white space, no runs of spaces, and at most one tab
  between words (the tab that follows a clause label); blank lines are empty;
- line `i` of the result is line `i` of the input (line numbers in errors name the source); a
  footnote body of several paragraphs leaves its line breaks behind;
- cleaning is idempotent: `clean_text(clean_text(t).text) == CleanText(clean_text(t).text, ())`
  (for artifacts nested at most `_MAX_PASSES` deep, as Word never nests them further);
- the time taken is linear in the length of the text, whatever it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOOKMARK = re.compile(r"\[bookmark:[^\[\]\n]*\]")
_ANCHOR = re.compile(r"\[footnoteRef:\s*(?P<label>[^\]\s]{1,8})\s*\](?:(?P=label)(?![\d]))?")
_BODY = re.compile(
    r"\[(?P<label>\d{1,3}|\*{1,3}):[ \t]*(?:(?P=label)(?!\d))?[ \t]*(?P<text>[^\[\]]*)\]"
)
_CHARS: dict[str, str] = {
    "\u2011": "-",
    "\u2010": "-",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "\u2019": "'",
    "\u2018": "'",
    "\u00ad": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\u0640": "",  # Arabic tatweel (kashida): stretches a word, is no letter
    "\u200e": "",  # bidirectional marks Word leaves in Arabic texts
    "\u200f": "",
    "\u061c": "",
    "\u202a": "",
    "\u202b": "",
    "\u202c": "",
    "\u202d": "",
    "\u202e": "",
    "\ufeff": "",
    "\r": "",
    "\x0b": "\n",
    "\x0c": "\n",
}
# Arabic-Indic (٠-٩), Eastern Arabic-Indic (۰-۹) and full-width (０-９) digits read as the
# digits they are, so `القرار ٥٧` is Resolution 57 and `١.٢` clause 1.2
_DIGITS = str.maketrans(
    {chr(base + n): str(n) for base in (0x0660, 0x06F0, 0xFF10) for n in range(10)}
)
_OTHER_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]")
_SPACES = re.compile(r" {2,}")
_TABS = re.compile(r" *\t[\t ]*")
_MULTI_BODY = re.compile(
    r"\[(?P<label>\d{1,3}|\*{1,3}):[ \t]*(?:(?P=label)(?!\d))?[ \t]*"
    r"(?P<text>[^\[\]\n]{0,1000}\n[^\[\]]{0,1000})\]"
)
_OPEN_BODY = re.compile(r"\[(?:\d{1,3}|\*{1,3}):[^\]]*$")
_MAX_PASSES = 8
_INDEX_ENTRY = re.compile(r'(?<=[A-Za-z])XE ?"[^"]{0,300}"§?|(?<=[a-z])xe ?" [^"]{0,300}"§?')
_ARTIFACT_HINT = re.compile(r"\[(?:bookmark:|footnoteRef:|\d{1,3}:|\*{1,3}:)")


@dataclass(frozen=True)
class FootnoteMark:
    """A footnote taken out of the text: `line` (1-based) and `column` (0-based, in the cleaned
    line) say where its anchor stood; both are 0 when the body had no anchor."""

    label: str
    text: str
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class CleanText:
    """The cleaned text and the footnotes taken out of it."""

    text: str
    footnotes: tuple[FootnoteMark, ...] = ()

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def clean_text(text: str) -> CleanText:
    """Clean `text` (see the module docstring for what is guaranteed)."""
    if not text.isascii():
        for odd, plain in _CHARS.items():
            if odd in text:
                text = text.replace(odd, plain)
        if _OTHER_DIGITS.search(text):
            text = text.translate(_DIGITS)
    elif "\r" in text or "\x0b" in text or "\x0c" in text:
        text = text.replace("\r", "").replace("\x0b", "\n").replace("\x0c", "\n")
    if "XE" in text or "xe " in text:
        text = _INDEX_ENTRY.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    bodies: dict[str, str] = {}
    anchors: list[tuple[str, int, int]] = []
    if "[" in text:
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if "[" in line:
                lines[i] = _artifacts(line, i + 1, bodies, anchors)
                if _OPEN_BODY.search(lines[i]):
                    _multi_line_body(lines, i, bodies)
        text = "\n".join(lines)
    return CleanText(_white_space(text), _footnotes(bodies, anchors))


def _white_space(text: str) -> str:
    """Runs of spaces to one, tabs with the spaces around them to one tab, lines stripped
    (string methods only: the regex engine is slow on white space, which is everywhere)."""
    while "  " in text:
        text = text.replace("  ", " ")
    lines = text.split("\n")
    if " \t" in text or "\t " in text or "\t\t" in text:
        lines = [_tabs(line) if "\t" in line else line for line in lines]
    return "\n".join([line.strip(" \t") for line in lines])


def _tabs(line: str) -> str:
    """`a) \t\t that` → `a)\tthat`: one tab, no spaces around it."""
    return "\t".join([part.strip(" ") for part in line.split("\t") if part.strip(" ")])


def _artifacts(
    line: str, number: int, bodies: dict[str, str], anchors: list[tuple[str, int, int]]
) -> str:
    """One line's artifacts out, repeatedly, until none is left: a footnote body holding a
    bookmark or an anchor comes out on the second pass. Passes are capped (`_MAX_PASSES`): a
    line of artifacts nested a thousand deep would otherwise take a pass per level."""
    for _ in range(_MAX_PASSES):
        if not _ARTIFACT_HINT.search(line):
            break
        before = line
        line = _BOOKMARK.sub("", line)
        line = _BODY.sub(lambda m: _keep_body(m, bodies), line)
        line = _take_anchors(line, number, anchors)
        if line == before:
            break
    return line


def _multi_line_body(lines: list[str], i: int, bodies: dict[str, str]) -> None:
    """A footnote body left open on line `i` may close on one of the next three lines."""
    chunk = "\n".join(lines[i : i + 4])
    replaced = _MULTI_BODY.sub(lambda m: _keep_multi_body(m, bodies), chunk, count=1)
    if replaced != chunk:
        lines[i : i + 4] = replaced.split("\n")


def _keep_multi_body(match: re.Match[str], bodies: dict[str, str]) -> str:
    """A footnote body of several paragraphs (up to four lines): kept, its line breaks left in
    place so that every later line keeps its number."""
    body = match["text"]
    if body.count("\n") > 3:
        return match.group(0)
    bodies.setdefault(match["label"], " ".join(_spaces(p) for p in body.split("\n") if p.strip()))
    return "\n" * body.count("\n")


def _keep_body(match: re.Match[str], bodies: dict[str, str]) -> str:
    bodies.setdefault(match["label"], _spaces(match["text"]).replace("\t", " "))
    return ""


def _take_anchors(line: str, number: int, anchors: list[tuple[str, int, int]]) -> str:
    """Remove the anchors, remembering each one's column in the line as it will be cleaned."""
    out: list[str] = []
    found: list[tuple[str, int]] = []  # (label, offset in the line without anchors)
    last = length = 0
    for match in _ANCHOR.finditer(line):
        out.append(line[last : match.start()])
        length += match.start() - last
        found.append((match["label"], length))
        last = match.end()
    out.append(line[last:])
    text = "".join(out)
    columns = _cleaned_columns(text, [offset for _, offset in found])
    anchors.extend(
        (label, number, column) for (label, _), column in zip(found, columns, strict=True)
    )
    return text


_BLANK_RUN = re.compile(r"[ \t]+")


def _cleaned_columns(text: str, offsets: list[int]) -> list[int]:
    """For each offset (ascending), `len(_spaces(text[:offset], strip_end=False))` in one pass
    over `text`, not one per offset (a line of ten thousand anchors would be quadratic): each
    run of spaces and tabs becomes one character, the run that opens the line none."""
    if not offsets:
        return []
    runs = [(m.start(), m.end()) for m in _BLANK_RUN.finditer(text)]
    columns: list[int] = []
    i = blank = 0  # runs wholly before the offset, and their characters
    for offset in offsets:
        while i < len(runs) and runs[i][1] <= offset:
            blank += runs[i][1] - runs[i][0]
            i += 1
        inside = max(0, offset - runs[i][0]) if i < len(runs) else 0  # a run the offset cuts
        started = i + (inside > 0)  # runs that start before the offset: one character each,
        if started and runs[0][0] == 0:
            started -= 1  # but the run that opens the line is stripped
        columns.append(offset - blank - inside + started)
    return columns


def _spaces(line: str, *, strip_end: bool = True) -> str:
    line = _TABS.sub("\t", _SPACES.sub(" ", line)) if "  " in line or "\t" in line else line
    line = line.lstrip(" \t")
    return line.rstrip(" \t") if strip_end else line


def _footnotes(
    bodies: dict[str, str], anchors: list[tuple[str, int, int]]
) -> tuple[FootnoteMark, ...]:
    marks: list[FootnoteMark] = []
    seen: set[str] = set()
    for label, line, column in anchors:
        if label not in seen:
            seen.add(label)
            marks.append(FootnoteMark(label, bodies.get(label, ""), line, column))
    marks.extend(FootnoteMark(label, text) for label, text in bodies.items() if label not in seen)
    return tuple(marks)
