"""Stage 3, build a liaison statement: the ITU header into metadata, the rest into parts.

`liaison_start(ctx)` promises: the index of the `LIAISON STATEMENT` line, or of the first header
field when at least three liaison fields (`Source:`, `Title:`, `For action to:`, …) occur in the
first lines; None otherwise.

Promise of `build_liaison(ctx, at)`: every header field becomes metadata under its
language-independent name (`source`, `for_action`, `for_comment`, `for_information`,
`deadline`, `contact`, `approval`, `questions`, `keywords`, …), as written; the groups named in
`source` and `for_*` fields also as ids (`for_action_ids`: `itu-r-wp5d; tsag`); a deadline also
as an ISO date (`deadline_iso`); the lines after `Contact:` that continue it (short lines: role,
telephone, e-mail) join it. The title is the `Title:` field; the body is the issuing group
(`itu-t-sg13`); the id is `text_id(body, "liaison", n)` from a reference such as `SG13-LS123`
(else from the title). Each addressed field gives an action: `for action` → `act`,
`for comment` → `comment`, `for information` → `note`. The text after the header is parts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from intersector.domain.documents import Action, Document, Metadata
from intersector.domain.ids import make_id, question_id, text_id
from intersector.texts.actions import addressee_ids
from intersector.texts.lexicon import Lexicon
from intersector.texts.resolution import footnotes_of, sectioned_parts
from intersector.texts.segment import Context, Line

_FIELDS = frozenset({"source", "title", "for_action", "for_comment", "for_information", "deadline"})
_REFERENCE = re.compile(r"^(?P<ref>(?:[A-Z]{2,5}\d{0,3}(?:-[A-Z0-9]+)?-)?LS\s?(?P<n>\d{1,5}))\b")
_PERIOD = re.compile(r"^[^\d]{0,40}(?P<years>(?:19|20)\d{2}-(?:19|20)\d{2})$")
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
_DMY = re.compile(
    r"\b(?P<d>\d{1,2})(?:er)?\s+(?:de\s+)?(?P<month>[^\W\d_]+)\s+(?:de\s+)?(?P<y>(?:19|20)\d{2})\b"
)
_ACTIONS = (("for_action", "act"), ("for_comment", "comment"), ("for_information", "note"))
LOOKAHEAD = 60


class LiaisonEvidence:
    """What tells a liaison statement, gathered line by line (see `liaison_start`)."""

    def __init__(self, lex: Lexicon) -> None:
        self.markers = lex.liaison_markers
        self.marker: int | None = None
        self.fields: list[int] = []

    def see(self, i: int, line: Line) -> None:
        if line.kind == "field":
            if line.function in _FIELDS:
                self.fields.append(i)
        elif self.marker is None and len(line.text) < 40 and self._is_marker(line):
            self.marker = i

    def _is_marker(self, line: Line) -> bool:
        return line.kind == "text" and line.text.lower().rstrip(" .:") in self.markers

    def start(self) -> int | None:
        if self.marker is not None:
            return self.marker
        return self.fields[0] if len(self.fields) >= 3 else None


def liaison_start(ctx: Context) -> int | None:
    """Where the liaison header starts (see the module promise), or None."""
    evidence = LiaisonEvidence(ctx.lex)
    for i, line in enumerate(ctx.lines[:LOOKAHEAD]):
        evidence.see(i, line)
    return evidence.start()


def build_liaison(ctx: Context, at: int) -> Document:
    """The liaison statement whose header starts at `ctx.lines[at]` (module promise)."""
    prelude = _prelude(ctx.lines[:at], ctx)
    fields, body_start = _header(ctx.lines, at)
    sector = dict(prelude).get("sector", "")
    source = dict(fields).get("source", "")
    issuer = _first_group(source, ctx, sector) or sector or "itu"
    meta = _with_ids([f for f in prelude if f[0] != "number"] + fields, ctx, issuer)
    title = dict(fields).get("title", "")
    number = dict(prelude).get("number", "") or make_id(title)[:60]
    return Document(
        id=text_id(issuer, "liaison", number),
        kind="liaison",
        body=issuer,
        number=number,
        language=ctx.lex.code,
        title=title,
        parts=sectioned_parts(ctx.lines[body_start:], ctx),
        footnotes=footnotes_of(ctx),
        actions=_actions(meta, title),
        metadata=Metadata(tuple((k, v) for k, v in meta if v)),
        boilerplate=tuple(line.text for line in ctx.lines[:at] if not _is_fact(line)),
        source=ctx.source,
    )


def _prelude(lines: list[Line], ctx: Context) -> list[tuple[str, str]]:
    """Facts of the lines above the header: sector (a line naming it, from the lexicon), study
    period (`STUDY PERIOD 2017-2020`), reference (`SG13-LS123`), fields (`Original: English`)."""
    facts: list[tuple[str, str]] = []
    for line in lines:
        if (ref := _REFERENCE.match(line.text)) is not None:
            facts += [("reference", ref["ref"]), ("number", ref["n"])]
        elif (period := _PERIOD.match(line.text)) is not None:
            facts.append(("study_period", period["years"]))
        elif line.kind == "field":
            facts.extend(_field(line))
        elif (sector := _sector_line(line.text, ctx)) is not None:
            facts.append(("sector", sector))
    return facts


def _sector_line(text: str, ctx: Context) -> str | None:
    """`TELECOMMUNICATION STANDARDIZATION SECTOR` (of ITU): a Sector named by the lexicon."""
    key = " ".join(text.lower().split())
    for phrase, sector in ctx.lex.sectors.items():
        if len(phrase) > 6 and key.startswith(phrase) and len(key) < len(phrase) + 12:
            return sector
    return None


def _is_fact(line: Line) -> bool:
    return bool(_REFERENCE.match(line.text)) or line.kind == "field"


def _header(lines: list[Line], at: int) -> tuple[list[tuple[str, str]], int]:
    """The fields from `at` on, `Contact:` continued by the short lines after it; returns the
    fields and the index where the body starts."""
    fields: list[tuple[str, str]] = []
    i = at
    continued = 0
    while i < len(lines):
        line = lines[i]
        if line.kind == "field":
            fields.extend(_field(line))
            continued = 0
        elif fields and fields[-1][0] == "contact" and continued < 6 and len(line.text) < 80:
            name, value = fields[-1]
            fields[-1] = (name, f"{value}\n{_as_written(line)}")
            continued += 1
        elif line.kind != "text" or fields:
            break
        i += 1
    return fields, i


def _field(line: Line) -> list[tuple[str, str]]:
    """A field's value; after a tab, a place and date is the `meeting`
    (`Question(s): 6/13<tab>Geneva, 2-13 March 2020`)."""
    value, _, rest = line.text.partition("\t")
    if rest and re.search(r"(?:19|20)\d{2}", rest):
        return [(line.function, value.strip()), ("meeting", rest.replace("\t", " ").strip())]
    return [(line.function, line.text.replace("\t", " ").strip())]


def _as_written(line: Line) -> str:
    return f"{line.label} {line.text}" if line.kind == "clause" else line.text


def _first_group(text: str, ctx: Context, sector: str) -> str:
    ids = addressee_ids(text, ctx.lex, sector)
    return ids[0] if ids else ""


def _with_ids(facts: list[tuple[str, str]], ctx: Context, issuer: str) -> list[tuple[str, str]]:
    """Add `<field>_ids` after each addressed field and `deadline_iso` after the deadline."""
    out: list[tuple[str, str]] = []
    for name, value in facts:
        out.append((name, value))
        if name in ("source", "for_action", "for_comment", "for_information"):
            out.append((f"{name}_ids", "; ".join(addressee_ids(value, ctx.lex, issuer))))
        elif name == "deadline":
            out.append(("deadline_iso", iso_date(value, ctx.lex.months)))
        elif name == "questions":
            out.append(("questions_ids", "; ".join(_questions(value, issuer))))
    return out


_QUESTION = re.compile(r"\bQ?(?P<q>\d{1,3})/(?P<sg>\d{1,2})\b")


def _questions(text: str, issuer: str) -> list[str]:
    """`6/13, 21/13` → `itu-t-q6-13`, `itu-t-q21-13` (the issuer's Sector)."""
    sector = issuer[:5] if issuer.startswith("itu-") else "itu-t"
    return [question_id(sector, m["q"], m["sg"]) for m in _QUESTION.finditer(text)]


def iso_date(text: str, months: Mapping[str, int]) -> str:
    """`15 September 2020`, `15 septembre 2020`, `15 de septiembre de 2020` or `2020-09-15` →
    `2020-09-15`; "" when no date is found."""
    if (m := _ISO.search(text)) is not None:
        return f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}"
    for m in _DMY.finditer(text):
        month = months.get(m["month"].lower())
        if month:
            return f"{m['y']}-{month:02d}-{int(m['d']):02d}"
    return ""


def _actions(meta: list[tuple[str, str]], title: str) -> tuple[Action, ...]:
    found = dict(meta)
    actions = []
    for name, verb in _ACTIONS:
        ids = tuple(i for i in found.get(f"{name}_ids", "").split("; ") if i)
        if found.get(name):
            actions.append(Action(name.replace("_", " "), verb, ids, title))
    return tuple(actions)
