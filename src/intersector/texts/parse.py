"""The reader's entry point: text in, `Document` out, through named stages.

`clean` (texts/clean.py) → `segment` (texts/segment.py) → build (resolution, recommendation,
question or liaison, chosen from the identity line) → enrich (references, actions).

Promise of `parse_document(text, source=…, lenient=…)`: a `Document` whose `language` is detected
from the lexicons, with structure, footnotes, references and actions; a text that is no ITU text
the reader knows raises `UnknownTextError` naming the source and line, unless `lenient`, which
gives a best-effort document whose `warnings` say what was not understood. Only
`IntersectorError`s are raised.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from intersector.domain.documents import Clause, Document, Part
from intersector.domain.errors import UnknownTextError
from intersector.domain.ids import make_id
from intersector.texts.actions import extract_actions
from intersector.texts.boilerplate import split_front
from intersector.texts.clean import clean_text
from intersector.texts.cover import read_cover
from intersector.texts.lexicon import LEXICONS, detect_language
from intersector.texts.liaison import LOOKAHEAD, LiaisonEvidence, build_liaison
from intersector.texts.question import build_question
from intersector.texts.recommendation import build_recommendation
from intersector.texts.references import find_references
from intersector.texts.resolution import build_resolution, footnotes_of, sectioned_parts
from intersector.texts.segment import Context, Line, segment

Builder = Callable[[Context, int], Document]


BUILDERS: dict[str, Builder] = {
    "resolution": build_resolution,
    "opinion": build_resolution,
    "decision": build_resolution,
    "recommendation": build_recommendation,
    "report": build_recommendation,
    "question": build_question,
    "liaison": build_liaison,
}


def context(
    text: str, *, source: str = "", lenient: bool = False, styles: tuple[str, ...] = ()
) -> Context:
    """Stages 1 and 2: the cleaned text, its language and its classified lines (`styles`: the
    Word paragraph style of each line of `text`, when it came from a Word file)."""
    cleaned = clean_text(text)
    lex = detect_language(cleaned.text)
    return Context(
        lex=lex,
        source=source,
        cleaned=cleaned.lines,
        lines=segment(cleaned.text, lex, styles),
        footnotes=cleaned.footnotes,
        lenient=lenient,
        styles=styles,
    )


def debug_segments(text: str, *, source: str = "", styles: tuple[str, ...] = ()) -> list[Line]:
    """The middle form (`--format debug`): every classified line with its number and kind."""
    return context(text, source=source, styles=styles).lines


def parse_document(
    text: str, *, source: str = "", lenient: bool = False, styles: tuple[str, ...] = ()
) -> Document:
    """Read one ITU text (see the module promise); `styles` are the Word paragraph styles of
    its lines (`readers.ReadResult.styles`), evidence where present."""
    ctx = context(text, source=source, lenient=lenient, styles=styles)
    found = _identify(ctx)
    if found is None:
        ctx, found = _other_languages(ctx)
    if found is None or found[0] in ("recommendation", "report"):
        found = _covered(ctx, found) or found
    if found is None:
        return _unknown(ctx)
    kind, at = found
    doc = BUILDERS[kind](ctx, at)
    return enrich(doc, ctx)


def _other_languages(ctx: Context) -> tuple[Context, tuple[str, int] | None]:
    """When the detected language's tables find no identity line (a short text whose few
    words mislead the detection), the first other lexicon that finds one."""
    text = "\n".join(ctx.cleaned)
    for lex in LEXICONS:
        if lex is not ctx.lex:
            lines = segment(text, lex, ctx.styles)
            other = dataclasses.replace(ctx, lex=lex, lines=lines, warnings=[])
            if (found := _identify(other)) is not None:
                return other, found
    return ctx, None


def _covered(ctx: Context, found: tuple[str, int] | None) -> tuple[str, int] | None:
    """A publication its cover or title block names (a supplement, an implementers' guide, an
    erratum's covering note), when no identity line comes before that title-block line (a
    guide cites its Recommendation by a line like an identity line): built from there."""
    cover = read_cover(ctx)
    if cover is None or not cover.at:
        return None
    if found is not None and ctx.lines[found[1]].number < cover.at:
        return None
    at = next((i for i, line in enumerate(ctx.lines) if line.number >= cover.at), None)
    return ("recommendation", at) if at is not None else None


def _identify(ctx: Context) -> tuple[str, int] | None:
    """The kind of text and the index of its identity line, in one pass: a liaison header
    (see `liaison.liaison_start`) seen before any identity line makes a liaison statement."""
    liaison = LiaisonEvidence(ctx.lex)
    for i, line in enumerate(ctx.lines):
        if line.kind == "identity":
            start = liaison.start()
            return ("liaison", start) if start is not None else (line.function, i)
        if i < LOOKAHEAD:
            liaison.see(i, line)
    start = liaison.start()
    return ("liaison", start) if start is not None else None


def enrich(doc: Document, ctx: Context) -> Document:
    """Stage 4: references (from clauses, parts, annexes, footnotes; never the document
    itself, as in `Appendix I (to Resolution 1 …)`) and actions; warnings gathered."""
    found = find_references(_cited_texts(doc), ctx.lex, doc.body)
    references = tuple(r for r in found if r.id != doc.id)
    actions = doc.actions + extract_actions(doc.operative, ctx.lex, doc.body)
    warnings = doc.warnings + tuple(ctx.warnings)
    return dataclasses.replace(doc, references=references, actions=actions, warnings=warnings)


def _cited_texts(doc: Document) -> list[str]:
    """Every text where a citation may stand: headings, clauses, parts, annexes, footnotes."""
    texts: list[str] = []
    for section in doc.preamble + doc.operative:
        texts.append(section.heading)
        _clause_texts(section.clauses, texts)
    _part_texts(doc.parts, texts)
    for annex in doc.annexes:
        texts.append(annex.title)
        _part_texts(annex.parts, texts)
    texts.extend(note.text for note in doc.footnotes)
    return texts


def _clause_texts(clauses: tuple[Clause, ...], texts: list[str]) -> None:
    for clause in clauses:
        texts.append(clause.text)
        if clause.children:
            _clause_texts(clause.children, texts)


def _part_texts(parts: tuple[Part, ...], texts: list[str]) -> None:
    for part in parts:
        texts.append(part.heading)
        texts.append(part.text)
        if part.children:
            _part_texts(part.children, texts)


def _unknown(ctx: Context) -> Document:
    """No identity line: an error naming the first line, or a best-effort document."""
    first = ctx.lines[0] if ctx.lines else None
    if not ctx.lenient:
        raise UnknownTextError(
            "no ITU text the reader knows: expected an identity line such as "
            "'RESOLUTION 57 (Rev. Dubai, 2012)', 'Recommendation ITU-T E.119', 'Question 6/13' "
            "or a liaison statement header (use --lenient for a best-effort document)",
            source=ctx.source,
            line=first.number if first else None,
            excerpt=first.text[:120] if first else "",
        )
    foreword, boilerplate = split_front([line for line in ctx.lines if line.kind == "boilerplate"])
    ctx.warn(first.number if first else None, "no identity line found; best-effort document")
    doc = Document(
        id=make_id("unknown", ctx.source.rsplit("/", 1)[-1]) or "unknown",
        kind="unknown",
        body="",
        number="",
        language=ctx.lex.code,
        foreword=foreword,
        parts=sectioned_parts([line for line in ctx.lines if line.kind != "boilerplate"], ctx),
        footnotes=footnotes_of(ctx),
        boilerplate=boilerplate,
        source=ctx.source,
    )
    return enrich(doc, ctx)
