"""Stage 3, build a Recommendation (ITU-T or ITU-R): classified lines into a `Document`.

Promise of `build_recommendation(ctx, at)`: the id comes from the identity line
(`Recommendation ITU-T E.119` → `itu-t-rec-e.119`; `RECOMMENDATION ITU-R M.2150-1` →
`itu-r-rec-m.2150`, the edition `1` kept as metadata `version`); everything before the last
identity line of the same number (front page, series list, Summary, History, Keywords,
foreword, notes, intellectual property, copyright, contents) is front matter: metadata
(`approved`, `series`, `summary`, `keywords`, `history`) or boilerplate, never structure.
After it: the title, an ITU-R Recommendation's Question and years, Scope and Keywords
(metadata), the Assembly's `considering … recommends` sections, the numbered clause tree
(`1 Scope`, `1.1`, … with headings) as parts, then annexes, appendices and the bibliography.
"""

from __future__ import annotations

import re

from intersector.domain.documents import Document, Event, Metadata
from intersector.domain.ids import text_id
from intersector.texts.boilerplate import boilerplate_blocks
from intersector.texts.lexicon import sector_of_token
from intersector.texts.resolution import footnotes_of, is_intro, resolution_body
from intersector.texts.segment import Context, Line, matchers

_APPROVED = re.compile(r"^\((?P<month>\d{2})/(?P<year>\d{4})\)$")
_YEARS = re.compile(r"^\((?:\d{4})(?:-\d{4})*\)$")
_QUESTION = re.compile(r"^\((?P<question>[^()]*\d+/\d+[A-Z]?[^()]*)\)$")
_VERSION = re.compile(r"^(?P<number>.+?)-(?P<version>\d{1,3})$")


def build_recommendation(ctx: Context, at: int) -> Document:
    """The Recommendation whose first identity line is `ctx.lines[at]` (module promise)."""
    first = ctx.lines[at]
    last = max(i for i, line in enumerate(ctx.lines) if _same(line, first))
    sector, number, version, approved = _identity(ctx, first)
    front_meta, foreword, boilerplate = _front(ctx, ctx.lines[:last])
    approved = approved or dict(front_meta).get("approved", "")
    front_meta = [(k, v) for k, v in front_meta if k != "approved"]
    title, rest, body_meta = _title_and_facts(ctx, ctx.lines[last + 1 :])
    preamble, operative, annexes, parts = resolution_body(ctx, rest, sector)
    meta = [("approved", approved), ("version", version), *front_meta, *body_meta]
    return Document(
        id=text_id(sector, "recommendation", number),
        kind="recommendation",
        body=sector,
        number=number,
        language=ctx.lex.code,
        title=title,
        revision=_revision(approved, body_meta),
        foreword=foreword,
        preamble=preamble,
        operative=operative,
        parts=parts,
        annexes=annexes,
        footnotes=footnotes_of(ctx),
        metadata=Metadata(tuple((k, v) for k, v in meta if v)),
        boilerplate=boilerplate,
        source=ctx.source,
    )


def _same(line: Line, first: Line) -> bool:
    return line.kind == "identity" and line.function == first.function and line.label == first.label


def _identity(ctx: Context, line: Line) -> tuple[str, str, str, str]:
    """Sector, number without edition, edition, approval (`2016-03`) from the identity line."""
    m = matchers(ctx.lex.code).identity.match(line.text)
    sector = sector_of_token(m["sector"], ctx.lex) if m and m["sector"] else "itu-t"
    number, version = line.label, ""
    if (v := _VERSION.match(number)) is not None:
        number, version = v["number"], v["version"]
    approved = ""
    if m and m["paren"] and (a := _APPROVED.match(f"({m['paren']})")) is not None:
        approved = f"{a['year']}-{a['month']}"
    return sector, number, version, approved


def _front(ctx: Context, lines: list[Line]) -> tuple[list[tuple[str, str]], str, tuple[str, ...]]:
    """Front matter: metadata (approval, series, Summary, History, Keywords), the foreword,
    and the other boilerplate blocks."""
    meta: list[tuple[str, str]] = []
    kept: list[Line] = []
    current: tuple[str, list[str]] | None = None
    for line in lines:
        if line.kind == "subheading":
            current = (line.function, [])
            meta.append((line.function, ""))
            continue
        if line.kind == "boilerplate" or line.kind == "identity":
            current = None
        if current is not None:
            current[1].append(_as_written(line))
            meta[-1] = (current[0], "\n".join(current[1]))
        elif (fact := _front_fact(line, ctx)) is not None:
            meta.append(fact)
        elif line.kind != "identity":
            kept.append(line)
    blocks = boilerplate_blocks(kept)
    foreword = "\n".join(text for kind, text in blocks if kind == "foreword")
    others = tuple(text for kind, text in blocks if kind != "foreword")
    return meta, foreword, others


def _front_fact(line: Line, ctx: Context) -> tuple[str, str] | None:
    if (a := _APPROVED.match(line.text)) is not None:
        return ("approved", f"{a['year']}-{a['month']}")
    if line.kind == "text" and matchers(ctx.lex.code).cover_series.match(line.text):
        return ("series", line.text)
    return None


def _as_written(line: Line) -> str:
    return f"{line.label}\t{line.text}" if line.kind == "clause" else line.text


def _title_and_facts(
    ctx: Context, lines: list[Line]
) -> tuple[str, list[Line], list[tuple[str, str]]]:
    """The title lines, then an ITU-R Question `(Question ITU-R 263/5)`, years `(2021-2022)`,
    `Scope` and `Keywords` blocks and the Assembly line; returns the lines that follow."""
    title: list[str] = []
    meta: list[tuple[str, str]] = []
    i = 0
    while i < len(lines) and lines[i].kind == "text" and not _is_fact(lines[i].text, ctx):
        title.append(lines[i].text)
        i += 1
    while i < len(lines) and (lines[i].kind == "text" or _is_front_heading(lines[i])):
        line = lines[i]
        if line.kind == "subheading":
            i, text = _block(ctx, lines, i + 1)
            meta.append((line.function, text))
            continue
        if not _fact(line.text, meta):
            meta.append(("intro", line.text))
        i += 1
    return " ".join(title), lines[i:], meta


def _is_front_heading(line: Line) -> bool:
    return line.kind == "subheading" and line.function in ("summary", "keywords", "scope")


def _block(ctx: Context, lines: list[Line], i: int) -> tuple[int, str]:
    texts: list[str] = []
    while i < len(lines) and lines[i].kind == "text" and not is_intro(lines[i].text, ctx):
        texts.append(lines[i].text)
        i += 1
    return i, "\n".join(texts)


def _is_fact(text: str, ctx: Context) -> bool:
    return bool(_YEARS.match(text) or _QUESTION.match(text) or is_intro(text, ctx))


def _fact(text: str, meta: list[tuple[str, str]]) -> bool:
    """Record `(2021-2022)` as `years` and `(Question ITU-R 263/5)` as `question`."""
    if _YEARS.match(text):
        meta.append(("years", text.strip("()")))
        return True
    if (q := _QUESTION.match(text)) is not None:
        meta.append(("question", q["question"]))
        return True
    return False


def _revision(approved: str, meta: list[tuple[str, str]]) -> Event | None:
    """The year of this edition: the approval date, else the last of the years line."""
    if approved:
        return Event("", int(approved[:4]))
    years = dict(meta).get("years", "")
    return Event("", int(years[-4:])) if years[-4:].isdigit() else None
