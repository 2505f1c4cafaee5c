"""Stage 3, build a resolution: classified lines into a `Document` (structure only).

Promise of `build_resolution(ctx, at)` (`at` is the index of the identity line): the lines before
it are foreword and boilerplate, never clauses; the text lines after it up to the history line,
the assembly line or the first heading are the title (joined by single spaces); the history line
gives every place/year pair; each heading opens a section holding the clauses below it, lettered
and numbered clauses nested (`1` › `a)` › `i)`), continuation lines joined to their clause with a
newline, an unlabelled line under a heading an unlabelled clause; annex lines open annexes; each
footnote is attached to the clause whose line held its anchor. References and actions are added
later (stage 4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from intersector.domain.documents import (
    Annex,
    Clause,
    Document,
    Event,
    Footnote,
    Metadata,
    Part,
    Section,
)
from intersector.domain.ids import text_id
from intersector.texts.actions import addressee_ids
from intersector.texts.boilerplate import split_front
from intersector.texts.lexicon import BY_CODE, sector_of_token
from intersector.texts.references import parse_events
from intersector.texts.segment import (
    COMMAS,
    SENTENCE_ENDS,
    Context,
    Line,
    is_capital,
    matchers,
)

_BIS = re.compile(r"(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)$")
_HISTORY = re.compile(r"^[(（](?=[^()（）]*\d{4})[^()（）]*[)）]\.?$")
_ROMAN = re.compile(r"^[ivxlc]+\)$")
_PREVIOUS_LETTER = {"i": "h", "v": "u", "x": "w", "l": "k", "c": "b"}
_SECTOR_BODY = {"itu-r": "ra", "itu-t": "wtsa", "itu-d": "wtdc"}


# --- clause trees (shared with the other builders) -------------------------------------------


class ClauseDraft:
    """A clause being built: its label, paragraphs, source lines and children (a plain class
    with slots: one is made per clause of every text read)."""

    __slots__ = ("children", "heading", "label", "lines", "paragraphs")

    def __init__(self, label: str, text: str, line: int, heading: bool = False) -> None:
        self.label = label
        self.paragraphs = [text]
        self.lines = [line]
        self.children: list[ClauseDraft] = []
        self.heading = heading

    def freeze(self, ctx: Context) -> Clause:
        notes = self._notes(ctx) if ctx.footnotes else ()
        kids = tuple([c.freeze(ctx) for c in self.children]) if self.children else ()
        text = self.paragraphs[0] if len(self.paragraphs) == 1 else "\n".join(self.paragraphs)
        return Clause(self.label, text, notes, kids)

    def _notes(self, ctx: Context) -> tuple[str, ...]:
        """The labels of the footnotes anchored on this clause's lines, in footnote order."""
        by_line = ctx.notes_by_line
        found = sorted(i for line in set(self.lines) for i in by_line.get(line, ()))
        return tuple(ctx.footnotes[i].label for i in found)


def label_rank(label: str, previous: str = "") -> tuple[int, int]:
    """How deep a label nests: `1` < `1.1` < `a)` < `i)`. A roman-looking letter that follows
    its alphabetic predecessor (`h)` then `i)`) is a letter. An unlabelled paragraph never
    holds children."""
    if not label:
        return (9, 9)
    label = _BIS.sub("", label)  # `b)bis`, `1bis` rank as `b)`, `1`: siblings, never parents
    if not label.endswith(")"):
        return (0, label.count("."))
    if _NUMBERED.match(label):  # `2.1)` under `2)`, as `2.1` under `2`; `1)` as `a)`
        return (1, label.count("."))
    if _ROMAN.match(label) and not _follows(label, previous):
        return (2, 0)
    return (1, 0)


def _follows(label: str, previous: str) -> bool:
    previous = _BIS.sub("", previous)  # `c)` after `b)bis` is a letter
    if len(label) != 2:
        return False
    return previous[:1] == _PREVIOUS_LETTER.get(label[0], "") and previous[1:] == ")"


class ClauseTree:
    """Nests labelled clauses by rank; unlabelled lines continue the latest clause."""

    def __init__(self) -> None:
        self.roots: list[ClauseDraft] = []
        self._stack: list[tuple[tuple[int, int], ClauseDraft]] = []

    def add(self, label: str, text: str, line: int, *, heading: bool = False) -> None:
        """A labelled clause; or (`heading`) an unnumbered heading (`Introduction`), above
        every label but a numbered clause, which closes it."""
        previous = self._stack[-1][1].label if self._stack else ""
        rank = (0, 99) if heading else label_rank(label, self._sibling_label(label, previous))
        while self._stack and self._stack[-1][0] >= rank:
            self._stack.pop()
        draft = ClauseDraft(label, text, line, heading)
        (self._stack[-1][1].children if self._stack else self.roots).append(draft)
        self._stack.append((rank, draft))

    def _sibling_label(self, label: str, previous: str) -> str:
        if not label.endswith(")"):
            return previous
        for rank, draft in reversed(self._stack):
            if rank[0] == 1:
                return draft.label
        return previous

    def continue_with(self, text: str, line: int) -> None:
        if not self._stack:
            self.add("", text, line)
            return
        draft = self._stack[-1][1]
        draft.paragraphs.append(text)
        draft.lines.append(line)

    def freeze(self, ctx: Context) -> tuple[Clause, ...]:
        return tuple([d.freeze(ctx) for d in self.roots])


def parts_of(lines: list[Line], ctx: Context) -> tuple[Part, ...]:
    """Lines into a tree of parts: labelled lines nest by rank, short unlabelled capitalised
    lines without final punctuation are headings of the part before, other lines its text."""
    tree = ClauseTree()
    for line in lines:
        if line.kind == "clause":
            tree.add(line.label, line.text, line.number)
        elif line.kind == "subheading" and line.function in _UNNUMBERED_HEADINGS:
            tree.add("", line.text, line.number, heading=True)
        else:
            tree.continue_with(line.text, line.number)
    return tuple(_to_part(d) for d in tree.roots)


_UNNUMBERED_HEADINGS = frozenset({"introduction"})  # a Recommendation's unnumbered clause


_NUMBERED = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\)$")  # `1)`, `2.1)`: an amendment's clauses


def _to_part(draft: ClauseDraft) -> Part:
    first = draft.paragraphs[0] if draft.paragraphs else ""
    rest = draft.paragraphs[1:]
    numbered = not draft.label.endswith(")") or _NUMBERED.match(draft.label)
    if (draft.label or draft.heading) and numbered and is_heading_text(first):
        return Part(draft.label, first, "\n".join(rest), tuple(_to_part(c) for c in draft.children))
    return Part(
        draft.label, "", "\n".join(draft.paragraphs), tuple(_to_part(c) for c in draft.children)
    )


def is_heading_text(text: str) -> bool:
    """A heading: short, starts with a capital, no final punctuation."""
    return 0 < len(text) < 100 and is_capital(text[:1]) and text[-1] not in SENTENCE_ENDS


# --- the resolution ------------------------------------------------------------------------


@dataclass
class _Identity:
    body: str = ""
    number: str = ""
    revision: Event | None = None
    title: list[str] = field(default_factory=list)
    history: tuple[Event, ...] = ()
    intro: str = ""


def build_resolution(ctx: Context, at: int) -> Document:
    """The resolution whose identity line is `ctx.lines[at]` (see the module promise)."""
    at = _title_block(ctx, at)
    foreword, boilerplate = split_front(ctx.lines[:at])
    ident = _identity(ctx, ctx.lines[at])
    body_start = _front_matter(ctx, at + 1, ident)
    preamble, operative, annexes, parts = resolution_body(ctx, ctx.lines[body_start:], ident.body)
    kind = ctx.lines[at].function or "resolution"  # resolution, opinion, decision
    return Document(
        id=text_id(ident.body, kind, ident.number),
        kind=kind,
        body=ident.body,
        number=ident.number,
        language=ctx.lex.code,
        title=" ".join(ident.title),
        revision=ident.revision,
        history=ident.history,
        foreword=foreword,
        preamble=preamble,
        operative=operative,
        parts=parts,
        annexes=annexes,
        footnotes=footnotes_of(ctx),
        metadata=Metadata((("intro", ident.intro),) if ident.intro else ()),
        boilerplate=boilerplate,
        source=ctx.source,
    )


def _title_block(ctx: Context, at: int) -> int:
    """The identity line that opens the text: a publication names its Resolution on its cover
    (`Resolution 1 – Rules of procedure …`), then prints the foreword and the title block; the
    last line naming the same text before the first heading is the title block's."""
    first = ctx.lines[at]
    last = at
    for i in range(at + 1, len(ctx.lines)):
        line = ctx.lines[i]
        if line.kind == "heading":
            break
        if line.kind == "identity" and (line.function, line.label) == (first.function, first.label):
            last = i
    return last


def _identity(ctx: Context, line: Line) -> _Identity:
    m = matchers(ctx.lex.code).identity.match(line.text)
    ident = _Identity(number=line.label.replace(" ", ""))
    if m is None:
        return ident
    if m["sector"]:
        ident.body = sector_of_token(m["sector"], ctx.lex)
    events = parse_events(m["paren"] or "", ctx.lex)
    ident.revision = events[-1] if events else None
    return ident


def _front_matter(ctx: Context, start: int, ident: _Identity) -> int:
    """Title, history and the assembly line; returns the index of the first body line."""
    i = start
    lines = ctx.lines
    while i < len(lines) and lines[i].kind in ("text", "subheading", "field"):
        text = lines[i].text
        if _HISTORY.match(text):
            ident.history = parse_events(text, ctx.lex)
        elif ident.history or is_intro(text, ctx) or (ident.title and text.endswith(COMMAS)):
            ident.intro = f"{ident.intro} {text}".strip()
        else:
            ident.title.append(text)
        i += 1
    if not ident.history and start > 0:
        end = lines[i].number if i < len(lines) else len(ctx.cleaned) + 1
        ident.history = _footnote_history(ctx, lines[start - 1].number, end)
    _settle_body(ctx, ident, lines[start].number if start < len(lines) else 0)
    return i


def _footnote_history(ctx: Context, first: int, end: int) -> tuple[Event, ...]:
    """The history printed in a footnote of the title block (`RESOLUTION 1 (Rev. Hammamet,
    2016)¹` — `¹ (Helsinki, 1993; …; Hammamet, 2016)`): the footnote anchored on the identity
    or title lines that names two places and years or more."""
    for note in ctx.footnotes:
        if first <= note.line < end:
            events = parse_events(note.text, ctx.lex)
            if len(events) >= 2:
                return events
    return ()


def is_intro(text: str, ctx: Context) -> bool:
    """The assembly line: `The World Telecommunication Standardization Assembly (Dubai, 2012),`."""
    if not text.endswith(COMMAS):
        return False
    key = text.lower()
    return any(b in key for b in _long_body_names(ctx.lex.code))


@cache
def _long_body_names(code: str) -> tuple[str, ...]:
    """The lexicon's body names spelled out (not abbreviations), longest first."""
    names = [b for b in BY_CODE[code].bodies if len(b) > 5]
    return tuple(sorted(names, key=len, reverse=True))


def _settle_body(ctx: Context, ident: _Identity, line: int) -> None:
    """The issuing body from the assembly line (`The World Telecommunication Standardization
    Assembly (Dubai, 2012),`), else the sector of the number, else a warning."""
    key = " ".join(ident.intro.lower().split())
    for phrase in _long_body_names(ctx.lex.code):
        if phrase in key:
            ident.body = ident.body or ctx.lex.bodies[phrase]
            if ident.body.startswith("itu-") and ctx.lex.bodies[phrase] == "ra":
                ident.body = "itu-r"
            break
    if not ident.body:
        ident.body = "itu"
        ctx.warn(
            line,
            "no issuing body found (expected a line like 'The World "
            "Telecommunication Standardization Assembly (Dubai, 2012),'); body set to 'itu'",
        )
    if not ident.revision and not ident.history:
        found = parse_events(ident.intro, ctx.lex)  # `RESOLUTION 238 (WRC-15)`: from the intro
        ident.revision = found[-1] if found else None
    if not ident.history and ident.revision:
        ident.history = (ident.revision,)
    if not ident.revision and ident.history:
        ident.revision = ident.history[-1]


def resolution_body(
    ctx: Context, lines: list[Line], body: str
) -> tuple[tuple[Section, ...], tuple[Section, ...], tuple[Annex, ...], tuple[Part, ...]]:
    """Sections until the first `SECTION n` line or numbered heading (parts from there) or
    annex line (annexes)."""
    end = next((i for i, line in enumerate(lines) if opens_annex(line)), len(lines))
    split = next((i for i, line in enumerate(lines[:end]) if _opens_parts(line, ctx)), end)
    sections, loose = _sections(ctx, lines[:split], body)
    parts = loose + sectioned_parts(lines[split:end], ctx)
    preamble = tuple(s for s, part in sections if part == "preamble")
    operative = tuple(s for s, part in sections if part == "operative")
    return preamble, operative, annexes_of(ctx, lines[end:]), parts


def _opens_parts(line: Line, ctx: Context) -> bool:
    """A `SECTION 1` line, or a numbered clause in a Word heading style (`1<tab>Signalling
    types` after `unanimously declares the view`; a heading Word styled as a contents entry,
    see `segment`): the numbered tree starts there."""
    if line.kind == "clause" and ctx.style(line.number).startswith(("heading", "toc")):
        return True
    return is_part_line(line, ctx)


def is_part_line(line: Line, ctx: Context) -> bool:
    """`SECTION 1 – General`, `PART 2`, `CHAPITRE 3`: a line that opens a part (the words
    are the lexicon's `part_words`)."""
    return line.kind == "text" and matchers(ctx.lex.code).parts.match(line.text) is not None


def _sections(
    ctx: Context, lines: list[Line], body: str
) -> tuple[list[tuple[Section, str]], tuple[Part, ...]]:
    """Each heading opens a section; lines before the first heading are loose parts."""
    sections: list[tuple[Section, str]] = []
    current: tuple[Line, ClauseTree] | None = None
    loose: list[Line] = []
    for line in lines:
        if line.kind == "heading":
            if current:
                sections.append(_section(ctx, *current, body))
            current = (line, ClauseTree())
        elif current is None:
            loose.append(line)
        elif line.kind == "clause":
            current[1].add(line.label, line.text, line.number)
        else:
            current[1].continue_with(line.text, line.number)
    if current:
        sections.append(_section(ctx, *current, body))
    return sections, _loose(ctx, loose)


def _loose(ctx: Context, lines: list[Line]) -> tuple[Part, ...]:
    """Lines before the first heading: the parts of a sectioned text, or a warning."""
    if not lines:
        return ()
    if not any(line.kind == "clause" for line in lines):
        ctx.warn(
            lines[0].number, f"text before the first heading kept as a part: {lines[0].text[:60]!r}"
        )
    return sectioned_parts(lines, ctx)


def sectioned_parts(lines: list[Line], ctx: Context) -> tuple[Part, ...]:
    """`SECTION 1 – heading` lines each open a part holding the numbered tree below them."""
    groups: list[tuple[Line | None, list[Line]]] = [(None, [])]
    for line in lines:
        if is_part_line(line, ctx):
            groups.append((line, []))
        else:
            groups[-1][1].append(line)
    result: list[Part] = list(parts_of(groups[0][1], ctx))
    for head, members in groups[1:]:
        m = matchers(ctx.lex.code).parts.match(head.text) if head else None
        if m is not None:
            result.append(
                Part(f"{m['word']} {m['label']}", m["heading"].strip(), "", parts_of(members, ctx))
            )
    return tuple(result)


def _section(ctx: Context, heading: Line, tree: ClauseTree, body: str) -> tuple[Section, str]:
    addressees = addressee_ids(heading.addressee, ctx.lex, body) if heading.addressee else ()
    section = Section(
        heading.text.rstrip(" ,:;"),
        heading.function,
        tree.freeze(ctx),
        heading.addressee,
        addressees,
    )
    if not section.clauses:
        ctx.warn(heading.number, f"heading {heading.text!r} has no clause below it")
    return section, heading.part


def opens_annex(line: Line) -> bool:
    """An annex, appendix or attachment line, or the `Bibliography` heading."""
    return line.kind == "annex" or (line.kind == "subheading" and line.function == "bibliography")


def annexes_of(ctx: Context, lines: list[Line]) -> tuple[Annex, ...]:
    """Each annex line opens an annex whose parts are the lines up to the next one, except a
    line inside an annex that names one already opened (`Annex A - Incorrect ASN.1 module`,
    a defect's title in an implementers' guide) or reads as sentences (`Annex C - The second
    arc is wrong. Arc 3 …`): the content of the annex it is in."""
    annexes: list[Annex] = []
    current: tuple[Line, list[Line]] | None = None
    opened: set[tuple[str, str]] = set()
    for line in lines:
        if opens_annex(line) and not (current and _cites_annex(line, opened)):
            opened.add((line.function, line.label))
            if current:
                annexes.append(_annex(ctx, *current))
            current = (line, [])
        elif current:
            current[1].append(line)
    if current:
        annexes.append(_annex(ctx, *current))
    return tuple(annexes)


_SENTENCES = re.compile(r"\w{2}[.;]\s+[A-Z]")


def _cites_annex(line: Line, opened: set[tuple[str, str]]) -> bool:
    """Whether an annex line inside an annex is no annex of its own (see `annexes_of`)."""
    if line.kind != "annex" or not line.label:
        return False
    return (line.function, line.label) in opened or _SENTENCES.search(line.text) is not None


def _annex(ctx: Context, head: Line, lines: list[Line]) -> Annex:
    if head.kind == "subheading":
        return Annex("bibliography", "", head.text, tuple(_entry(line) for line in lines))
    m = matchers(ctx.lex.code).annex.match(head.text)
    rest = (m["rest"] if m else "").strip().lstrip("-–:").strip()
    title_lines: list[str] = [rest] if rest else []
    i = 0
    while i < len(lines) and lines[i].kind == "text" and is_heading_text(lines[i].text) and i < 2:
        title_lines.append(lines[i].text)
        i += 1
    return Annex(head.function, head.label, " ".join(title_lines), sectioned_parts(lines[i:], ctx))


_ENTRY = re.compile(r"^(?P<label>\[[^\]]{1,60}\])\s*(?P<text>.*)$")


def _entry(line: Line) -> Part:
    """A bibliography entry: `[b-ITU-T E.164]\tRecommendation ITU-T E.164 (2010), …`."""
    text = f"{line.label}\t{line.text}" if line.kind == "clause" else line.text
    m = _ENTRY.match(text)
    return Part(m["label"], "", m["text"].strip()) if m else Part("", "", text)


def footnotes_of(ctx: Context) -> tuple[Footnote, ...]:
    """The footnotes with the words each annotates (up to the anchor, back to a stop word)."""
    return tuple(
        Footnote(f.label, f.text, _anchor_words(ctx, f.line, f.column)) for f in ctx.footnotes
    )


_WORDS = re.compile(r"[\w'-]+")


def _anchor_words(ctx: Context, line: int, column: int) -> str:
    if not 0 < line <= len(ctx.cleaned):
        return ""
    before = ctx.cleaned[line - 1][max(0, column - 80) : column]
    words = _WORDS.findall(before)[-4:]
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in ctx.lex.anchor_stops or (kept and len(kept) >= 3):
            break
        kept.insert(0, word)
    return " ".join(kept)
