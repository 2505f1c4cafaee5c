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
- `text`: anything else (titles, unlabelled paragraphs, continuation lines).
Segmenting never fails: deciding what a line means in context is the builders' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from intersector.texts.clean import FootnoteMark
from intersector.texts.lexicon import BY_CODE, Lexicon

_SUFFIX = r"(?:\s?(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)\b)?"
_LABEL = re.compile(
    r"^(?P<label>(?:\(?[a-z]{1,2}\)|\(?[ivxlc]{1,6}\)|\d{1,3}(?:\.\d{1,3}){0,5}\)?"
    r"|[A-Z]\.\d{1,3}(?:\.\d{1,3}){0,4})" + _SUFFIX + r")(?P<sep>\t|\s+)(?P<text>\S.*)$"
)
_SECTOR = r"(?:ITU|UIT)-[RTD]"
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


@dataclass(frozen=True)
class Matchers:
    """The compiled patterns of one lexicon, built once per language."""

    identity: re.Pattern[str]
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
        rf"^(?P<word>{_alternation(lex.kinds)})\s+(?:(?P<sector>{_SECTOR})\s+)?{_NUMBER}"
        r"\s*(?:\((?P<paren>[^()]*(?:\([^()]*\)[^()]*)?)\))?\s*(?:[-–:]\s*(?P<title>.+))?$",
        re.IGNORECASE,
    )
    annex = re.compile(
        rf"^(?P<word>{_alternation(lex.annex_words)})(?:\s+(?P<label>[A-Z]{{1,2}}|[IVX]{{1,5}}|\d{{1,2}}))?"
        r"(?P<rest>\s*(?:\(.*\)|[-–:].*)?)$",
        re.IGNORECASE,
    )
    field = re.compile(rf"^(?P<name>{_alternation(lex.liaison_fields)})\s*:\s*(?P<value>.*)$", re.I)
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
    return Matchers(identity, annex, field, first, series, parts, cover, words)


def segment(text: str, lex: Lexicon) -> list[Line]:
    """Classify each non-blank line of the cleaned `text` (line numbers are 1-based)."""
    m = matchers(lex.code)
    return [
        classify(line, number, lex, m)
        for number, line in enumerate(text.split("\n"), 1)
        if line and not line.isspace()
    ]


def classify(line: str, number: int, lex: Lexicon, m: Matchers) -> Line:
    """The kind of one cleaned line, looked up in the lexicon tables (no context used).
    A tab near the start is the mark of a labelled clause, the commonest line: tried first."""
    if "\t" in line[:14] and (labelled := _LABEL.match(line)) is not None:
        return Line(number, "clause", labelled["text"].strip(), _label(labelled["label"]))
    if len(line) < 130 and _may_be_short(line, m):
        found = _short_line(line, _key(line), number, lex, m)
        if found is not None:
            return found
    labelled = _LABEL.match(line)
    if labelled and _is_label(labelled):
        return Line(number, "clause", labelled["text"].strip(), label=_label(labelled["label"]))
    return Line(number, "text", line.replace("\t", " "))


def _may_be_short(line: str, m: Matchers) -> bool:
    """Whether a short line can be a heading, identity, annex, field or boilerplate line at
    all: its first word opens one in some table, or it is all capitals, or a copyright."""
    first = line[:24].split(None, 1)[0].lower().rstrip(":,;.")
    return first in m.first_words or line.isupper() or line.startswith(("©", "(c)"))


def _short_line(line: str, key: str, number: int, lex: Lexicon, m: Matchers) -> Line | None:
    """Headings, identity lines, annex lines and fields: short lines found by table look-up."""
    if key in lex.boilerplate_headings:
        return Line(number, "boilerplate", line, function=lex.boilerplate_headings[key])
    if key.startswith(("©", "(c) ", *lex.copyright)):
        return Line(number, "boilerplate", line, function="copyright")
    if m.series is not None and line.isupper() and m.series.match(line):
        return Line(number, "boilerplate", line, function="series")
    heading = _heading(line, key, number, lex, m)
    if heading is not None:
        return heading
    sub = lex.recommendation_headings.get(key) or lex.question_headings.get(key)
    if sub:
        return Line(number, "subheading", line, function=sub)
    return _numbered_or_field(line, key.partition(" ")[0], number, lex, m)


def _numbered_or_field(
    line: str, first: str, number: int, lex: Lexicon, m: Matchers
) -> Line | None:
    """Identity and annex lines (tried only when the first word can open one) and fields
    (only with a colon)."""
    if first in lex.kinds and (ident := m.identity.match(line)) is not None:
        kind = lex.kinds[ident["word"].lower()]
        return Line(number, "identity", line, label=ident["number"], function=kind)
    annex = m.annex.match(line) if first in lex.annex_words else None
    if annex is not None and (annex["label"] or annex["rest"]):
        kind = lex.annex_words[annex["word"].lower()]
        return Line(number, "annex", line, label=annex["label"] or "", function=kind)
    if ":" in line and (fld := m.field.match(line)) is not None:
        name = lex.liaison_fields[fld["name"].lower()]
        return Line(number, "field", fld["value"].strip(), function=name)
    return None


def _heading(line: str, key: str, number: int, lex: Lexicon, m: Matchers) -> Line | None:
    if key in lex.preamble_headings:
        return Line(number, "heading", line, function=lex.preamble_headings[key], part="preamble")
    if key in lex.operative_headings:
        return Line(number, "heading", line, function=lex.operative_headings[key], part="operative")
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


def _key(line: str) -> str:
    """A line as a table key: lower case, single spaces, no trailing punctuation."""
    return " ".join(line.lower().split()).rstrip(" ,:;.")


def _is_label(match: re.Match[str]) -> bool:
    """A tab always makes a label; after a space only `a)`-style labels or a short heading."""
    if match["sep"] == "\t" or match["label"].endswith(")"):
        return True
    text = match["text"]
    return (
        "." in match["label"] and len(text) < 80 and text[:1].isupper() and text[-1] not in ".;,:"
    )


def _label(raw: str) -> str:
    """`(a)` and `a)` are both `a)`; `1 bis` is `1bis`."""
    label = raw.replace(" ", "")
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

    def warn(self, line: int | None, message: str) -> None:
        where = f"line {line}: " if line else ""
        self.warnings.append(f"{where}{message}")
