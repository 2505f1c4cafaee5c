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
from dataclasses import dataclass

from intersector.domain.documents import Document, Edition, Event, Metadata, Table
from intersector.domain.ids import part_id, text_id
from intersector.texts.boilerplate import boilerplate_blocks
from intersector.texts.cover import Cover, read_cover
from intersector.texts.lexicon import sector_of_token
from intersector.texts.resolution import footnotes_of, is_intro, resolution_body
from intersector.texts.segment import SENTENCE_ENDS, Context, Line, matchers

_APPROVED = re.compile(r"^\((?P<month>\d{2})/(?P<year>\d{4})\)$")
_YEARS = re.compile(r"^\((?:\d{4})(?:-\d{4})*\)$")
_QUESTION = re.compile(r"^\((?P<question>[^()]*\d+/\d+[A-Z]?[^()]*)\)$")
_ADOPTED = re.compile(r"^\((?P<place>[A-Z][^(),\d]{1,40}),\s*(?P<year>\d{4})\)$")  # (Geneva, 1996)
_VERSION = re.compile(r"^(?P<number>.+?)-(?P<version>\d{1,3})$")


def build_recommendation(ctx: Context, at: int) -> Document:
    """The Recommendation (or the publication belonging to one, or the supplement) whose
    identity line, or title-block line, is `ctx.lines[at]` (module promise)."""
    first = ctx.lines[at]
    cover = read_cover(ctx)
    last = max((i for i, line in enumerate(ctx.lines) if _same(line, first)), default=at)
    sector, number, version, approved = _identity(ctx, first, cover)
    start = (
        next((i for i, line in enumerate(ctx.lines) if line.number > cover.end), 0) if cover else 0
    )
    front_meta, foreword, boilerplate = _front(ctx, ctx.lines[start:last])
    front = dict(front_meta)
    editions = editions_of(front.get("history", ""))
    approved = _approval(cover.approved if cover and cover.approved else approved
                         or front.get("approved", ""), editions, _agreed(ctx, front))  # fmt: skip
    title, rest, body_meta = _title_and_facts(ctx, ctx.lines[last + 1 :])
    approved = _years_approved(approved, body_meta)
    base = first.function if first.kind == "identity" else "recommendation"  # or `report`
    publication = _publication(sector, number, cover, title or _own_title(first, cover), base)
    rest, back = _back_cover(rest)
    preamble, operative, annexes, parts = resolution_body(ctx, rest, sector)
    facts = dict(body_meta)
    meta = [
        ("version", version or _guide_version(cover)),
        ("parent_title", publication.parent_title),
        ("parent_edition", cover.parent_year if cover and publication.parent else ""),
        ("status", "prepublished" if cover and cover.prepublished else ""),
        ("series", cover.series_line if cover else ""),
        *[(k, v) for k, v in front_meta if k not in _FIELDS],
        *[(k, v) for k, v in body_meta if k not in _FIELDS],
    ]
    return Document(
        id=publication.id,
        kind=publication.kind,
        body=sector,
        number=publication.number,
        language=ctx.lex.code,
        title=publication.title,
        parent=publication.parent,
        approved=approved,
        summary=facts.get("summary") or front.get("summary", ""),
        keywords=keywords_of(facts.get("keywords") or front.get("keywords", "")),
        editions=editions,
        cover=cover.text if cover else "",
        revision=_revision(approved, body_meta),
        foreword=foreword,
        preamble=preamble,
        operative=operative,
        parts=parts,
        annexes=annexes,
        footnotes=footnotes_of(ctx),
        metadata=Metadata(tuple((k, v) for k, v in meta if v)),
        boilerplate=boilerplate + back,
        tables=tables_of(rest),
        source=ctx.source,
    )


_CAPTION = re.compile(r"^(?:Table|Tableau|Cuadro)\s+[A-Z]?[.\d-]*\d\b")


def tables_of(lines: list[Line]) -> tuple[Table, ...]:
    """Each run of table rows (`row` lines: known from a Word file's tables) as a `Table`,
    captioned by the line before it when that reads `Table 2 – …`, placed after the latest
    clause label."""
    tables: list[Table] = []
    rows: list[tuple[str, ...]] = []
    caption = after = before = ""
    for line in [*lines, Line(0, "end", "")]:
        if line.kind == "row":
            if not rows:
                caption = before if _CAPTION.match(before) else ""
            rows.append(tuple(cell.strip() for cell in line.text.split("\t")))
            continue
        if rows:
            tables.append(Table(tuple(rows), caption, after))
            rows = []
        if line.kind == "clause":
            after = line.label
        elif line.kind == "annex":
            after = f"{line.function} {line.label}".strip()
        before = line.text
    return tuple(tables)


def _after_cover(ctx: Context, cover: Cover | None) -> int:
    """The index of the first line after the cover page (0 without one)."""
    if cover is None:
        return 0
    return next((i for i, line in enumerate(ctx.lines) if line.number > cover.end), 0)


def _back_cover(lines: list[Line]) -> tuple[list[Line], tuple[str, ...]]:
    """The body, and the back cover's list of series (`SERIES OF ITU-T RECOMMENDATIONS`) as
    one boilerplate block."""
    end = next((i for i, line in enumerate(lines) if line.function == "series"), len(lines))
    if end == len(lines):
        return lines, ()
    back = "\n".join(line.text for line in lines[end:])
    return lines[:end], (back,)


_FIELDS = ("approved", "summary", "keywords", "history")  # facts with a Document field


@dataclass(frozen=True)
class _Publication:
    id: str
    kind: str
    number: str
    title: str
    parent: str = ""
    parent_title: str = ""


_DESIGNATIONS = {  # how ITU writes the number of a part: `P.340 Amd. 1`, `Z.100 Annex F1`
    "amendment": "{number} Amd. {label}",
    "corrigendum": "{number} Cor. {label}",
    "erratum": "{number} Err. {label}",
    "addendum": "{number} Add. {label}",
    "annex": "{number} Annex {label}",
}


def _publication(
    sector: str, number: str, cover: Cover | None, title: str, kind: str
) -> _Publication:
    """The id, kind, number and title of the publication: a Recommendation or Report, or a
    part of one (its own id, linked to it), or a supplement to a series."""
    rec_id = text_id(sector, kind, number)
    if cover is None or not cover.part:
        return _Publication(rec_id, kind, number, title)
    if cover.part == "supplement":
        designation = f"{cover.series} Suppl. {cover.label}"
        sup_id = text_id(sector, "supplement", f"{cover.series}-{cover.label}")
        return _Publication(sup_id, "supplement", designation, title)
    if cover.series_guide:  # `X.ImpOSI`: a guide of its own, to a set of Recommendations
        letter, _, name = number.partition(".")
        guide_title = _VERSION_SUFFIX.sub("", cover.title) or title
        return _Publication(
            text_id(sector, "implementers-guide", number), cover.part, f"{letter}.Imp{name}",
            guide_title,
        )  # fmt: skip
    parent_title, own_title = _split_title(title, cover)
    if cover.part == "implementers-guide":
        letter, _, digits = number.partition(".")
        designation = f"{letter}.Imp{digits}"
    else:
        designation = _DESIGNATIONS[cover.part].format(number=number, label=cover.label)
    return _Publication(
        part_id(rec_id, cover.part, cover.label),
        cover.part,
        designation,
        own_title or parent_title,
        rec_id,
        parent_title if own_title else "",
    )


_VERSION_SUFFIX = re.compile(r"\s*[-–]\s*Version\s+(?P<version>[\d.]+)$", re.IGNORECASE)


def _guide_version(cover: Cover | None) -> str:
    """`1.1` of a guide's cover title `OSI Implementers' Guide – Version 1.1`."""
    m = _VERSION_SUFFIX.search(cover.title) if cover and cover.series_guide else None
    return m["version"] if m else ""


def _split_title(title: str, cover: Cover) -> tuple[str, str]:
    """(the Recommendation's title, the part's own title) from a title block that names the
    part between them: `Transmission characteristics … terminals Amendment 1 New Annex B: …`."""
    marker = re.search(rf"\s*\b\w+\s+{re.escape(cover.label)}\b\s*[:–-]?\s*", title)
    if not cover.label or marker is None or marker.start() == 0:
        return title, ""
    return title[: marker.start()].strip(), title[marker.end() :].strip()


def _own_title(line: Line, cover: Cover | None) -> str:
    """The title when no lines follow the identity: the cover's (a covering note's subject),
    else the title-block line itself (`Implementers' guide for Recommendation …`)."""
    if cover is not None and cover.title and cover.part == "erratum":
        return cover.title
    return line.text if line.kind != "identity" else (cover.title if cover else "")


def _agreed(ctx: Context, front: dict[str, str]) -> str:
    """The day a Source note says the text was approved (`… was agreed on 11 October 2007 by
    ITU-T Study Group 12`), ISO, or ""."""
    words = ctx.lex.cover_words.get("approved", "")
    source = front.get("source", "")
    if not words or not source:
        return ""
    m = re.search(rf"\b(?:{words})\b[^.]{{0,80}}?\bon (\d{{1,2}}) (\w+) (\d{{4}})", source)
    if m is None:
        return ""
    number = next((n for name, n in ctx.lex.months.items() if name == m[2].lower()), 0)
    return f"{m[3]}-{number:02d}-{int(m[1]):02d}" if number else ""


def _approval(approved: str, editions: tuple[Edition, ...], agreed: str) -> str:
    """The approval date as precisely as the text gives it: the History row of the same month
    gives the day (`2014-10` → `2014-10-29`), or the Source note (`… was agreed on 11 October
    2007 by ITU-T Study Group 12`)."""
    if len(approved) == 7:
        for edition in reversed(editions):
            if edition.approved.startswith(approved):
                return edition.approved
        if agreed.startswith(approved):
            return agreed
    return approved


_ISO_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


def editions_of(history: str) -> tuple[Edition, ...]:
    """The rows of a History table (`1.0<tab>ITU-T E.119<tab>2016-03-08<tab>2<tab>11.1002/…`);
    the header row and rows that are no edition are left out."""
    editions: list[Edition] = []
    for row in history.split("\n"):
        cells = [c.strip() for c in row.split("\t")]
        if (
            len(cells) >= 3
            and re.fullmatch(r"\d{1,2}\.\d{1,2}", cells[0])
            and _ISO_DATE.match(cells[2])
        ):
            cells += [""] * (5 - len(cells))
            editions.append(Edition(cells[0], cells[1], cells[2], cells[3], cells[4]))
    return tuple(editions)


def keywords_of(text: str) -> tuple[str, ...]:
    """`Consumer information, international mobile roaming, tariffs.` → the three keywords."""
    words = re.split(r"\s*[,;，；、]\s*", " ".join(text.split()).strip(" .<>。"))
    return tuple(w for w in words if w)


def _same(line: Line, first: Line) -> bool:
    """The title block repeated (on the cover page, then before the body): the same identity,
    or for a publication named by its title-block line, the same line."""
    if first.kind != "identity":
        return line.text == first.text
    return line.kind == "identity" and line.function == first.function and line.label == first.label


def _identity(ctx: Context, line: Line, cover: Cover | None) -> tuple[str, str, str, str]:
    """Sector, number without edition, edition, approval (`2016-03`) from the identity line,
    else from the cover."""
    m = matchers(ctx.lex.code).identity.match(line.text) if line.kind == "identity" else None
    token = m["sector"] if m and m["sector"] else (cover.sector if cover else "")
    sector = sector_of_token(token, ctx.lex) if token else "itu-t"
    number, version = (line.label if m else (cover.number if cover else "")), ""
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
        if _is_sentence(lines[i], ctx):  # `This Corrigendum relates to …`
            break
        title.append(lines[i].text)
        i += 1
    while i < len(lines) and (lines[i].kind == "text" or _is_front_heading(lines[i])):
        line = lines[i]
        if line.kind == "subheading":
            i, text = _block(ctx, lines, i + 1)
            meta.append((line.function, text))
            continue
        if ctx.style(line.number).startswith("recref"):  # (Former CCITT Recommendation …)
            meta.append(("former", line.text))
        elif not _fact(line.text, meta):
            if not (is_intro(line.text, ctx) or _before_heading(lines, i)):
                break  # the text of the body (a corrigendum's instructions)
            meta.append(("intro", line.text))
        i += 1
    return " ".join(title), lines[i:], meta


def _is_sentence(line: Line, ctx: Context) -> bool:
    """A line of running text, never a title line: styled as none, or ending a sentence."""
    style = ctx.style(line.number)
    if style.startswith(("rectitle", "annexnotitle", "appendixnotitle", "restitle")):
        return False
    return line.text[-1:] in SENTENCE_ENDS or len(line.text) > 250


def _before_heading(lines: list[Line], i: int) -> bool:
    """`The CCITT,` or `The ITU-T,` right before `considering`: the body adopting the text."""
    after = lines[i + 1] if i + 1 < len(lines) else None
    return after is not None and after.kind == "heading" and lines[i].text.endswith(",")


def _is_front_heading(line: Line) -> bool:
    return line.kind == "subheading" and line.function in ("summary", "keywords", "scope")


def _block(ctx: Context, lines: list[Line], i: int) -> tuple[int, str]:
    texts: list[str] = []
    while i < len(lines) and lines[i].kind == "text" and not is_intro(lines[i].text, ctx):
        texts.append(lines[i].text)
        i += 1
    return i, "\n".join(texts)


def _is_fact(text: str, ctx: Context) -> bool:
    return bool(
        _YEARS.match(text) or _QUESTION.match(text) or _ADOPTED.match(text) or is_intro(text, ctx)
    )


def _fact(text: str, meta: list[tuple[str, str]]) -> bool:
    """Record `(2021-2022)` as `years` and `(Question ITU-R 263/5)` as `question`."""
    if _YEARS.match(text):
        meta.append(("years", text.strip("()")))
        return True
    if (q := _QUESTION.match(text)) is not None:
        meta.append(("question", q["question"]))
        return True
    if _ADOPTED.match(text):
        meta.append(("adopted", text.strip("()")))
        return True
    return False


def _years_approved(approved: str, meta: list[tuple[str, str]]) -> str:
    """An ITU-R text's approval: the last of its years (`(1963-1970-1974)` → `1974`)."""
    years = dict(meta).get("years", "")
    return approved or (years[-4:] if years[-4:].isdigit() else "")


def _revision(approved: str, meta: list[tuple[str, str]]) -> Event | None:
    """The year of this edition: the approval date, else the last of the years line."""
    if approved:
        return Event("", int(approved[:4]))
    years = dict(meta).get("years", "")
    return Event("", int(years[-4:])) if years[-4:].isdigit() else None
