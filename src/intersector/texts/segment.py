"""Stage 2, segment: cleaned lines into classified `Line`s, the dumpable middle form.

After `segment(text, lexicon)` every non-blank line of the cleaned text is one `Line` with its
source line number and one `kind`:
- `boilerplate`: a boilerplate heading (`FOREWORD`, `AVANT-PROPOS`, `© ITU 2012`), `function`
  telling which (`foreword`, `note`, `ipr`, `copyright`, `contents`, `series`);
- `identity`: the line naming the text (`RESOLUTION 57 (Rev. Dubai, 2012)`,
  `Recommendation ITU-T E.119`, `Question 6/13 – …`), `function` its kind, `label` its number;
- `heading`: a preamble or operative heading, `function` language-independent, `part`
  `preamble` or `operative`, `addressee` the rest of the line as written (`the Director of …`);
- `subheading`: a Recommendation or Question heading (`Summary`, `Keywords`, `Motivation`);
- `annex`: `Annex A`, `Appendix I (to …)`: `function` the kind of annex, `label` its label;
- `field`: a header field (`For action to: SG 13`): `function` its name, `text` its value;
- `clause`: a labelled line (`a)\\tthat …`, `1.1\\tScope`): `label` and `text` after the label;
- `row`: a row of a table of data, cells joined by tabs (known from Word's table structure);
- `text`: anything else (titles, unlabelled paragraphs, continuation lines).
Word paragraph styles, when the text came from a Word file (`styles`, one per line), are
evidence used before the plain-text heuristics: a table of contents line or a title line
(`TOC 1`, `Rec_title`) is text, never a clause, heading or annex; an annex title style
(`Annex_NoTitle`: `Annex B<tab>Title`) or a heading style holding `Annex B` opens an annex; a row
of a data table is a `row`. Texts without styles (exports) are read by the heuristics alone.
Segmenting never fails: deciding what a line means in context is the builders' job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import NamedTuple

from intersector.texts.clean import FootnoteMark
from intersector.texts.lexicon import BY_CODE, LATIN, Lexicon, sector_tokens

_SUFFIX = r"(?:\s?(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)\b)?"
COMMAS = (",", "\u060c", "\uff0c")  # , ، ，: a line ending with one continues (assembly line)
_TRAILING = " ,:;.\u060c\u061b\uff0c\uff1a\uff1b\u3002"  # and the Arabic and Chinese ones
SENTENCE_ENDS = ".;,:\u060c\u061b\uff0c\uff1a\uff1b\u3002"  # a heading never ends with one
_NUMBER = (
    r"(?P<number>(?:[A-Z]{1,3}\.)?\d{1,4}(?:\.\d{1,4})*(?:-\d{1,3})?(?:/\d{1,2}[A-Z]?)?"
    r"(?:\s*\(?(?:bis|ter|quater)\)?)?)"
)


class Line(NamedTuple):
    """One classified line of the cleaned text (see the module docstring for the kinds).
    A named tuple: cheap to make (one per line of every text read) and easy to dump."""

    number: int
    kind: str
    text: str
    label: str = ""
    function: str = ""
    part: str = ""
    addressee: str = ""


class AnyOf:
    """Several identity patterns tried in turn (a language may print the number before the
    kind word: `第57号决议`, `ITU-T E.119建议书`); `match` as `re.Pattern.match`."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.patterns = patterns

    def match(self, text: str) -> re.Match[str] | None:
        for pattern in self.patterns:
            if (found := pattern.match(text)) is not None:
                return found
        return None


@dataclass(frozen=True)
class Matchers:
    """The compiled patterns of one lexicon, built once per language."""

    identity: AnyOf
    label: re.Pattern[str]
    prefixes: tuple[str, ...]
    annex: re.Pattern[str]
    field: re.Pattern[str]
    operative_first: frozenset[str]
    series: re.Pattern[str] | None
    parts: re.Pattern[str]
    cover_series: re.Pattern[str]
    first_words: frozenset[str]


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@cache
def matchers(code: str) -> Matchers:
    """The patterns of the lexicon `code`, compiled on first use and kept."""
    lex = BY_CODE[code]
    identity = re.compile(
        rf"^(?P<word>{_alternation(lex.kinds)})\s+(?:(?P<sector>{sector_tokens(lex)})\s+)?"
        rf"{_NUMBER}\s*(?:\((?P<paren>[^()]*(?:\([^()]*\)[^()]*)?)\))?\s*"
        r"(?:[-–:]\s*(?P<title>.+))?$",
        re.IGNORECASE,
    )
    own = [re.compile(p, re.IGNORECASE) for p in lex.identity]
    gap = r"\s+" if lex.spaced else r"\s*"  # 附件A: no space after the word in Chinese
    annex = re.compile(
        rf"^(?P<word>{_alternation(lex.annex_words)})(?:{gap}(?P<label>{_capitals(lex)}{{1,2}}"
        r"|[IVX]{1,5}|\d{1,2}))?(?P<rest>\s*(?:[(（].*[)）]|[-–:：].*)?)$",
        re.IGNORECASE,
    )
    field = re.compile(
        rf"^(?P<name>{_alternation(lex.liaison_fields)})\s*[:：]\s*(?P<value>.*)$", re.IGNORECASE
    )  # `Source:`, and the full-width colon of Chinese: `来源：`
    first = frozenset(h.split(" ")[0] for h in lex.operative_headings)
    series = re.compile(lex.series) if lex.series else None
    parts = re.compile(
        rf"^(?P<word>{_alternation(lex.part_words) or '(?!)'})\s+(?P<label>[0-9IVX]{{1,5}})"
        r"(?:\s*[-–:.]\s*|\s+|$)(?P<heading>.*)$",
        re.IGNORECASE,
    )
    cover = re.compile(rf"^(?:{_alternation(lex.series_words) or '(?!)'})\s+[A-Z]{{1,3}}\s*:", re.I)
    tables = (
        lex.boilerplate_headings, lex.copyright, lex.preamble_headings, lex.operative_headings,
        lex.recommendation_headings, lex.question_headings, lex.kinds, lex.annex_words,
        lex.liaison_fields,
    )  # fmt: skip
    words = frozenset(key.split(" ")[0].rstrip(":,;.") for table in tables for key in table)
    run_on = () if lex.spaced else tuple(key for t in (*tables[2:5], lex.annex_words) for key in t)
    prefixes = (*lex.identity_prefixes, *run_on)
    return Matchers(
        AnyOf([*own, identity]), _label_pattern(lex), prefixes, annex, field, first, series,
        parts, cover, words,
    )  # fmt: skip


def _label_pattern(lex: Lexicon) -> re.Pattern[str]:
    """Clause labels: `a)`, `(a)`, a letter of the lexicon's other alphabets (`б)`, `(ج)`,
    `（一）`), `i)`, `1`, `1.2.3`, `1)`, `A.1`, each perhaps with `bis`, then a tab or spaces."""
    others = "".join(sorted(set("".join(lex.label_alphabets)) - set(LATIN)))
    letters = rf"[a-z{re.escape(others)}]" if others else "[a-z]"
    return re.compile(
        rf"^(?P<label>(?:[(（]?{letters}{{1,2}}[)）]|\(?[ivxlc]{{1,6}}\)"
        r"|\d{1,3}(?:\.\d{1,3}){0,5}(?:\)|\.(?=\t))?"
        rf"|{_capitals(lex)}\d?\.\d{{1,3}}(?:\.\d{{1,3}}){{0,4}})"
        + _SUFFIX
        + r")(?P<sep>\t|\s+)(?P<text>\S.*)$"
    )


def _capitals(lex: Lexicon) -> str:
    """The letters that label annexes and their clauses (`A`, `A.1`): A-Z and the lexicon's
    own (`Б`, `Б.1` in Russian; `ب` in Arabic)."""
    return f"[A-Z{re.escape(lex.annex_letters)}]"


def segment(text: str, lex: Lexicon, styles: tuple[str, ...] = ()) -> list[Line]:
    """Classify each non-blank line of the cleaned `text` (line numbers are 1-based); `styles`
    are the Word paragraph styles of the lines, when known (see the module docstring)."""
    m = matchers(lex.code)
    if not styles:
        return [
            classify(line, number, lex, m)
            for number, line in enumerate(text.split("\n"), 1)
            if line and not line.isspace()
        ]
    found: list[Line] = []
    raw: dict[int, str] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if line and not line.isspace():
            style = styles[number - 1] if number <= len(styles) else ""
            found.append(classify_styled(line, number, style, lex, m))
            if style.startswith("toc"):
                raw[len(found) - 1] = line
    for i, line in raw.items():
        found[i] = _heading_in_toc_style(line, found[i], found[i + 1 : i + 2], lex, m)
    return found


def _heading_in_toc_style(
    line: str, styled: Line, after: list[Line], lex: Lexicon, m: Matchers
) -> Line:
    """A clause heading Word styled as a table-of-contents entry (`1<tab>Introduction`, with
    no page number, followed by clause `1.1`): the clause, not a contents line."""
    plain = classify(line, styled.number, lex, m)
    if plain.kind != "clause" or not after or after[0].kind != "clause":
        return styled
    if not plain.label[:1].isdigit() or not after[0].label.startswith(plain.label + "."):
        return styled
    return styled if re.search(r"\t\s*\d+\s*$", line) else plain


TEXT_STYLES = ("toc", "tableoffigures", "rectitle", "restitle", "questiontitle", "reptitle")
# list items, table text, notes, figures, equations, code: never a numbered clause (`0 0 1<tab>…`
# bit values, `1<tab>last octet`), though a lettered item (`a)<tab>…`) stays one
BODY_STYLES = (
    "enumlev", "tabletext", "tablehead", "tablelegend", "note", "figure", "equation", "sdl",
    "code", "reftext", "normalbeforetable", "listparagraph", "caption",
)  # fmt: skip
ANNEX_STYLES = ("annexno", "appendixno", "annextitle", "appendixtitle", "heading")


def classify_styled(line: str, number: int, style: str, lex: Lexicon, m: Matchers) -> Line:
    """`classify`, with the Word style of the line as evidence first."""
    if style == "table":
        return Line(number, "row", line)
    if style.startswith(TEXT_STYLES):
        return Line(number, "text", line.replace("\t", " "))
    found = classify(line, number, lex, m)
    if found.kind == "clause" and not found.label.endswith(")") and _body_item(line, style):
        return Line(number, "text", line.strip("\t").replace("\t", " "))
    if found.kind in ("text", "clause") and style.startswith(ANNEX_STYLES):
        return _styled_annex(line, number, lex, m) or found
    return found


def _body_item(line: str, style: str) -> bool:
    """A numbered line that is an item of a list, a table or a note, not a clause: by its
    style, or a number with a full stop (`1.<tab>…`, a Word list) outside a heading style."""
    if style.startswith(BODY_STYLES):
        return True
    return line.partition("\t")[0].endswith(".") and not style.startswith("heading")


def _styled_annex(line: str, number: int, lex: Lexicon, m: Matchers) -> Line | None:
    """`Annex B<tab>Objective test methods`, `Appendix I – Title` in an annex or heading
    style: an annex line whose title follows the label."""
    head, _, title = line.partition("\t")
    annex = m.annex.match(head.strip())
    if annex is None or not annex["label"] or annex["word"].lower() not in lex.annex_words:
        return None
    if title and annex["rest"].strip():
        return None
    kind = lex.annex_words[annex["word"].lower()]
    text = f"{head.strip()} – {title.strip()}" if title.strip() else head.strip()
    return Line(number, "annex", text, label=annex["label"], function=kind)


def classify(line: str, number: int, lex: Lexicon, m: Matchers) -> Line:
    """The kind of one cleaned line, looked up in the lexicon tables (no context used).
    A tab near the start is the mark of a labelled clause, the commonest line: tried first."""
    if "\t" in line[:14] and (labelled := m.label.match(line)) is not None:
        return Line(number, "clause", labelled["text"].strip(), _label(labelled["label"]))
    if len(line) < 130 and _may_be_short(line, m):
        found = _short_line(line, _key(line), number, lex, m)
        if found is not None:
            return found
    labelled = m.label.match(line)
    if labelled and _is_label(labelled):
        return Line(number, "clause", labelled["text"].strip(), label=_label(labelled["label"]))
    return Line(number, "text", line.replace("\t", " "))


def _may_be_short(line: str, m: Matchers) -> bool:
    """Whether a short line can be a heading, identity, annex, field or boilerplate line at
    all: its first word opens one in some table, or it is all capitals, or a copyright."""
    first = line[:24].split(None, 1)[0].lower().rstrip(":,;.：，")
    if first in m.first_words or line.isupper() or line.startswith(("©", "(c)")):
        return True
    return bool(m.prefixes) and line.lower().startswith(m.prefixes)


def _short_line(line: str, key: str, number: int, lex: Lexicon, m: Matchers) -> Line | None:
    """Headings, identity lines, annex lines and fields: short lines found by table look-up."""
    if key in lex.boilerplate_headings:
        return Line(number, "boilerplate", line, function=lex.boilerplate_headings[key])
    if key.startswith(("©", *lex.copyright)) or _COPYRIGHT.match(key):
        return Line(number, "boilerplate", line, function="copyright")
    if m.series is not None and line.isupper() and m.series.match(line):
        return Line(number, "boilerplate", line, function="series")
    heading = _heading(line, key, number, lex, m)
    if heading is not None:
        return heading
    sub = lex.recommendation_headings.get(key) or lex.question_headings.get(key)
    if sub:
        return Line(number, "subheading", line, function=sub)
    return _numbered_or_field(line, key.partition(" ")[0].rstrip(":："), number, lex, m)


_COPYRIGHT = re.compile(r"^\(c\)\s*(?:itu|\d{4})")  # `(c) ITU 2016`, not the clause `(c) the …`


def _numbered_or_field(
    line: str, first: str, number: int, lex: Lexicon, m: Matchers
) -> Line | None:
    """Identity and annex lines (tried only when the first word can open one) and fields
    (only with a colon)."""
    may_be_identity = first in lex.kinds or (
        bool(lex.identity_prefixes) and line.lower().startswith(lex.identity_prefixes)
    )
    if may_be_identity and (ident := m.identity.match(line)) is not None:
        kind = lex.kinds[ident["word"].lower()]
        return Line(number, "identity", line, label=ident["number"], function=kind)
    may_be_annex = first in lex.annex_words or (
        not lex.spaced and line.lower().startswith(tuple(lex.annex_words))
    )
    annex = m.annex.match(line) if may_be_annex else None
    if annex is not None and (annex["label"] or annex["rest"]):
        kind = lex.annex_words[annex["word"].lower()]
        return Line(number, "annex", line, label=annex["label"] or "", function=kind)
    if (":" in line or "：" in line) and (fld := m.field.match(line)) is not None:
        name = lex.liaison_fields[fld["name"].lower()]
        return Line(number, "field", fld["value"].strip(), function=name)
    return None


def _heading(line: str, key: str, number: int, lex: Lexicon, m: Matchers) -> Line | None:
    if key in lex.preamble_headings:
        return Line(number, "heading", line, function=lex.preamble_headings[key], part="preamble")
    if key in lex.operative_headings:
        return Line(number, "heading", line, function=lex.operative_headings[key], part="operative")
    if not lex.spaced:
        return _run_on_heading(line, key, number, lex)
    if key.split(" ", 1)[0] not in m.operative_first:
        return None
    words = key.split(" ")
    for n in range(min(4, len(words)), 0, -1):
        function = lex.operative_headings.get(" ".join(words[:n]))
        if function:
            addressee = " ".join(line.split()[n:]).rstrip(" ,:;")
            return Line(
                number, "heading", line, function=function, part="operative", addressee=addressee
            )
    return None


def _run_on_heading(line: str, key: str, number: int, lex: Lexicon) -> Line | None:
    """In a language written without spaces an operative heading runs into its addressee
    (`责成电信标准化局主任`, instructs the Director of TSB): the longest heading the line
    starts with, unless the rest reads as a sentence (ends with a full stop or semicolon)."""
    if line.endswith(("\u3002", "\uff1b", ";", ".")):
        return None
    for heading in sorted(lex.operative_headings, key=len, reverse=True):
        if key.startswith(heading):
            addressee = line[len(heading) :].strip(_TRAILING)
            function = lex.operative_headings[heading]
            return Line(number, "heading", line, function=function, part="operative",
                        addressee=addressee)  # fmt: skip
    return None


def _key(line: str) -> str:
    """A line as a table key: lower case, single spaces, no trailing punctuation (Latin,
    Arabic or Chinese)."""
    return " ".join(line.lower().split()).rstrip(_TRAILING)


def is_capital(char: str) -> bool:
    """A letter that may open a heading: upper case, or of a script without case (Arabic,
    Chinese); not a lower-case letter, a digit or punctuation."""
    return char.isalpha() and not char.islower()


def _is_label(match: re.Match[str]) -> bool:
    """A tab always makes a label; after a space only `a)`-style labels or a short heading."""
    if match["sep"] == "\t" or match["label"].endswith(")"):
        return True
    text = match["text"]
    return (
        "." in match["label"]
        and len(text) < 80
        and is_capital(text[:1])
        and text[-1] not in SENTENCE_ENDS
    )


def _label(raw: str) -> str:
    """`(a)`, `a)` and `（a）` are all `a)`; `1 bis` is `1bis`."""
    label = raw.replace(" ", "").replace("（", "(").replace("）", ")").rstrip(".")
    if label.startswith("(") and label.endswith(")"):
        label = label[1:]
    return label


@dataclass
class Context:
    """What every builder is handed: the lexicon, the cleaned text and its lines, where the text
    came from, and the warnings gathered so far (lenient parsing turns errors into warnings)."""

    lex: Lexicon
    source: str
    cleaned: list[str]
    lines: list[Line]
    footnotes: tuple[FootnoteMark, ...] = ()
    lenient: bool = False
    warnings: list[str] = field(default_factory=list)
    styles: tuple[str, ...] = ()

    def style(self, line: int) -> str:
        """The Word style of source line `line` (1-based), "" when unknown."""
        return self.styles[line - 1] if 0 < line <= len(self.styles) else ""

    def warn(self, line: int | None, message: str) -> None:
        where = f"line {line}: " if line else ""
        self.warnings.append(f"{where}{message}")

    @cached_property
    def notes_by_line(self) -> dict[int, list[int]]:
        """The index in `footnotes` of each footnote anchored on a line, by line number: each
        clause looks its own lines up instead of scanning every footnote."""
        found: dict[int, list[int]] = {}
        for index, note in enumerate(self.footnotes):
            found.setdefault(note.line, []).append(index)
        return found


def segments_dump(path: str, lines: Sequence[Line]) -> str:
    """The middle form: one line per classified line, `number kind label function text`."""
    rows = [f"# {path}"]
    for line in lines:
        tags = " ".join(
            f"{k}={v}"
            for k, v in (
                ("label", line.label),
                ("function", line.function),
                ("part", line.part),
                ("addressee", line.addressee),
            )
            if v
        )
        rows.append(f"{line.number:>5}  {line.kind:<12} {tags}{' | ' if tags else ''}{line.text}")
    return "\n".join(rows)
