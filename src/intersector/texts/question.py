"""Stage 3, build a Question (ITU-R, ITU-T or ITU-D): classified lines into a `Document`.

Promise of `build_question(ctx, at)`: the id is `question_id(sector, number, study group)`
(`QUESTION ITU-R 229-5/5` → `itu-r-q229-5`, edition `5` in metadata; `Question 6/13 – …` →
`itu-t-q6-13`); `number` is `229/5`, `body` the study group (`itu-r-sg5`); the sector is the
identity line's, else the Sector the text names most (ITU-T when none). After the title, lines
in parentheses are facts (`(2000-2003-2019)` → `years` and the revision; others → `status`);
an ITU-R Question's Assembly sections are sections (`decides that the following Question
should be studied` addressed to the study group), the numbered clauses of ITU-T and ITU-D
Questions (motivation, question, tasks, relationships) are parts, each also recorded in
metadata under its language-independent name.
"""

from __future__ import annotations

import dataclasses
import re

from intersector.domain.documents import Document, Metadata, Part, Section
from intersector.domain.ids import group_id, question_id
from intersector.texts.boilerplate import split_front
from intersector.texts.lexicon import sector_of_token
from intersector.texts.references import parse_events
from intersector.texts.resolution import footnotes_of, is_intro, resolution_body
from intersector.texts.segment import Context, Line, matchers

_NUMBER = re.compile(r"^(?P<q>\d{1,4})(?:-(?P<edition>\d{1,3}))?/(?P<group>\d{1,2}[A-Z]?)$")
_PAREN = re.compile(r"^\((?P<inner>.*)\)\.?$")
_SECTORS = re.compile(r"\b(?:ITU|UIT)-([RTD])\b")


def build_question(ctx: Context, at: int) -> Document:
    """The Question whose identity line is `ctx.lines[at]` (see the module promise)."""
    head = ctx.lines[at]
    foreword, boilerplate = split_front(ctx.lines[:at])
    m = matchers(ctx.lex.code).identity.match(head.text)
    sector = sector_of_token(m["sector"], ctx.lex) if m and m["sector"] else _named_sector(ctx)
    q, edition, group = _number(head.label)
    study_group = group_id(sector, "sg", group)
    title, rest, meta = _title_and_facts(ctx, ctx.lines[at + 1 :], m["title"] if m else "")
    preamble, operative, annexes, parts = resolution_body(ctx, rest, sector)
    years = dict(meta).get("years", "")
    history = parse_events(years, ctx.lex) if years else ()
    meta = [("study_group", study_group), ("sector", sector), ("edition", edition), *meta]
    return Document(
        id=question_id(sector, q, group),
        kind="question",
        body=study_group,
        number=f"{q}/{group}",
        language=ctx.lex.code,
        title=title,
        revision=history[-1] if history else None,
        history=history,
        foreword=foreword,
        preamble=preamble,
        operative=tuple(_addressed(s, study_group) for s in operative),
        parts=parts,
        annexes=annexes,
        footnotes=footnotes_of(ctx),
        metadata=Metadata(tuple((k, v) for k, v in meta + _part_facts(ctx, parts) if v)),
        boilerplate=boilerplate,
        source=ctx.source,
    )


def _number(label: str) -> tuple[str, str, str]:
    """`229-5/5` → (`229`, `5`, `5`); `6/13` → (`6`, ``, `13`)."""
    m = _NUMBER.match(label.replace(" ", ""))
    if m is None:
        return label, "", ""
    return m["q"], m["edition"] or "", m["group"]


def _named_sector(ctx: Context) -> str:
    """The Sector written most often (`ITU-D` in an ITU-D Question), ITU-T when none is."""
    counts = {"T": 0, "R": 0, "D": 0}
    for letter in _SECTORS.findall("\n".join(ctx.cleaned)):
        counts[letter] += 1
    best = max(counts, key=lambda k: (counts[k], k == "T"))
    return f"itu-{best.lower()}"


def _title_and_facts(
    ctx: Context, lines: list[Line], title: str
) -> tuple[str, list[Line], list[tuple[str, str]]]:
    """Title lines (after the one on the identity line), facts in parentheses, fields
    (`Category: S2`) and the Assembly line; returns the lines that follow."""
    titles = [title] if title else []
    meta: list[tuple[str, str]] = []
    i = 0
    while i < len(lines) and lines[i].kind in ("text", "field"):
        line = lines[i]
        if line.kind == "field":
            meta.append((line.function, line.text))
        elif (p := _PAREN.match(line.text)) is not None:
            meta.append(_paren_fact(p["inner"]))
        elif is_intro(line.text, ctx):
            meta.append(("intro", line.text))
        elif meta:
            break
        else:
            titles.append(line.text)
        i += 1
    fields = [(line.function, line.text) for line in lines[i:] if line.kind == "field"]
    body = [line for line in lines[i:] if line.kind != "field"]
    return " ".join(titles), body, meta + fields


def _paren_fact(inner: str) -> tuple[str, str]:
    if re.fullmatch(r"\d{4}(?:-\d{4})*", inner.strip()):
        return ("years", inner.strip())
    return ("status", inner.strip())


def _addressed(section: Section, study_group: str) -> Section:
    """`decides that the following Question should be studied`: by the study group."""
    if section.function == "decides-question" and not section.addressees:
        return dataclasses.replace(section, addressees=(study_group,))
    return section


def _part_facts(ctx: Context, parts: tuple[Part, ...]) -> list[tuple[str, str]]:
    """Each top-level part whose heading is a Question heading (`Motivation`, `Tasks`, …),
    under its language-independent name, with its text and nested items."""
    facts: list[tuple[str, str]] = []
    for part in parts:
        function = ctx.lex.question_headings.get(part.heading.lower().rstrip(" .:"))
        if function:
            facts.append((function, _text(part)))
    return facts


def _text(part: Part) -> str:
    lines = [part.text] if part.text else []
    lines.extend(f"{c.label} {_text(c)}".strip() for c in part.children)
    return "\n".join(lines)
