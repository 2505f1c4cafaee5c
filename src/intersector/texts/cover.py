"""Stage 3a, the publication: what an ITU cover page and title block say a text is.

ITU publishes Recommendations, and the texts that belong to them, behind a cover page:

```
<tab>International Telecommunication Union
ITU-T<tab>P.340                                  ITU-T<tab>Series A
OF ITU<tab>Amendment 1 (10/2014)                 OF ITU<tab>Supplement 5 (07/2016)
<tab>SERIES P: TERMINALS AND …                   <tab>CAUTION ! PREPUBLISHED RECOMMENDATION …
<tab>Recommendation ITU-T P.340 (2000) – Amendment 1
```

and an erratum comes as a covering note (`Subject: Erratum (03/2017) to Recommendation ITU-T
T.832 (08/2016), Title`). Promise of `read_cover(ctx)`: a `Cover` holding what the first lines
say (Sector, number, the kind and label of the part — amendment, corrigendum, erratum, annex,
supplement, implementers' guide —, the approval date as precise as written, the series line,
the title, whether the text is prepublished) and which lines are the cover, or None when the
text has no such cover. The words are the lexicon's (`publication_parts`, `cover_words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from intersector.texts.lexicon import BY_CODE, sector_tokens
from intersector.texts.segment import Context, matchers

_COVER_LINES = 40  # a cover page is the first lines of the text: never looked for further
_TITLE_BLOCK_LINES = 800  # the title block follows the front matter (foreword, contents)
REC_NUMBER = r"[A-Z]{1,3}\.\d{1,4}(?:\.\d{1,4})*"


@dataclass(frozen=True)
class Cover:
    """What a cover page (or covering note) says: `part` is the kind of publication when it is
    not a Recommendation itself (`amendment`, `corrigendum`, `erratum`, `annex`, `supplement`,
    `implementers-guide`), `label` its number (`1`, `F1`); `series` the series a supplement
    belongs to (`A`), `series_line` the cover's `SERIES E: …` line; `parent_year` the year of the
    edition it belongs to (`2000` of `P.340 (2000) – Amendment 1`); `end` the number of the
    last cover line (0: no cover page, only facts of the title block); `at` the number of the
    line naming the publication when no identity line does (`Subject: Erratum …`);
    `series_guide` an implementers' guide of a set of Recommendations named on the cover
    (`ITU-T<tab>OSI` / `Implementers' Guide` / `SERIES X: …`: `number` is then `X.OSI`)."""

    sector: str = ""
    number: str = ""
    part: str = ""
    label: str = ""
    approved: str = ""
    parent_year: str = ""
    series: str = ""
    series_line: str = ""
    title: str = ""
    prepublished: bool = False
    series_guide: bool = False
    text: str = ""
    end: int = 0
    at: int = 0


@dataclass(frozen=True)
class _Patterns:
    sector_line: re.Pattern[str]
    date_line: re.Pattern[str]
    footer: re.Pattern[str]
    supplement: re.Pattern[str]
    subject: re.Pattern[str]
    guide: re.Pattern[str]
    prepublished: re.Pattern[str]
    part_alone: re.Pattern[str]


def _words(table: object) -> str:
    return "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))  # type: ignore[call-overload]


@cache
def _patterns(code: str) -> _Patterns | None:
    lex = BY_CODE[code]
    if not lex.publication_parts or not lex.cover_words:
        return None
    sectors, parts = sector_tokens(lex), _words(lex.publication_parts)
    rec = _words([k for k, v in lex.kinds.items() if v == "recommendation"])
    words = lex.cover_words
    label = r"(?P<label>[A-Z]?\d{1,3}(?:\.\d{1,2})?)"
    date = r"\((?P<date>\d{2}/\d{4}|\d{2}/\d{2}|\d{1,2} [A-Za-z]{3,9} \d{4})\)"
    flags = re.IGNORECASE
    return _Patterns(
        sector_line=re.compile(rf"^(?P<sector>{sectors})\t(?P<rest>.+)$", flags),
        date_line=re.compile(rf"(?:^|\t)(?:(?P<part>{parts})\s+{label}\s+)?{date}$", flags),
        footer=re.compile(
            rf"^\t?(?:(?:{rec})\s+)?(?P<sector>{sectors})\s+(?:(?:{rec})\s+)?(?P<number>{REC_NUMBER})"
            rf"(?:\s*\((?P<year>\d{{4}})\))?\s*[-–]\s*(?P<part>{parts})\s+{label}$",
            flags,
        ),
        supplement=re.compile(
            rf"^\t?(?:(?P<part>{parts})\s+{label}\s+(?:{words['to']})\s+)?(?P<sector>{sectors})\s+"
            rf"{words['series_recommendations']}(?:\s*[-–]\s*(?P<part2>{parts})\s+(?P<label2>\d+))?$",
            flags,
        ),
        subject=re.compile(
            rf"^(?:{words['subject']})\s*:\s*(?P<part>{parts})(?:\s+{label})?\s+{date}\s+"
            rf"(?:{words['to']})\s+(?:(?:{rec})\s+)?(?P<sector>{sectors})\s+(?P<number>{REC_NUMBER})"
            rf"(?:\s+\((?P<pdate>\d{{2}}/(?P<year>\d{{4}}))\))?\s*,\s*(?P<title>.+)$",
            flags,
        ),
        guide=re.compile(
            rf"^(?P<part>{parts})\s+(?:{words['to']})\s+(?:(?:{rec})\s+)?(?P<sector>{sectors})\s+"
            rf"(?P<number>{REC_NUMBER})(?:/{REC_NUMBER})?(?:\s*\((?P<edition>[^()]*)\))?$",
            flags,
        ),
        prepublished=re.compile(rf"\b(?:{words['prepublished']})\b", flags),
        part_alone=re.compile(rf"^\t?(?P<part>{parts})$", flags),
    )


def read_cover(ctx: Context) -> Cover | None:
    """The cover page and title-block facts of the text in `ctx` (see the module promise)."""
    patterns = _patterns(ctx.lex.code)
    if patterns is None:
        return None
    end = _cover_end(ctx, patterns)
    facts: dict[str, str] = {}
    for number, line in enumerate(ctx.cleaned[:end], 1):
        _cover_facts(line, number, patterns, ctx, facts)
        if "at" in facts:
            break
    if "end" in facts and "at" not in facts:
        facts["last_fact"] = facts["end"]
        facts["end"] = str(end)  # every line before the first that cannot be on it
    if "at" not in facts:
        _title_block_facts(ctx, patterns, facts)
    _series_guide(ctx, facts)
    if not facts.get("number") and facts.get("part") != "supplement":
        return None
    last = int(facts.get("end", "0"))
    text = "\n".join(line.strip("\t").replace("\t", " ") for line in ctx.cleaned[:last] if line)
    return Cover(
        sector=facts.get("sector", ""),
        number=facts.get("number", ""),
        part=facts.get("part", ""),
        label=facts.get("label", ""),
        approved=facts.get("approved", ""),
        parent_year=facts.get("parent_year", ""),
        series=facts.get("series", ""),
        series_line=facts.get("series_line", ""),
        title=facts.get("title", ""),
        prepublished="prepublished" in facts,
        series_guide="series_guide" in facts,
        text=text,
        end=last,
        at=int(facts.get("at", "0")),
    )


def _cover_end(ctx: Context, p: _Patterns) -> int:
    """The number of the last line that may be on a cover: the line before the first
    boilerplate heading (`FOREWORD`, the series list), identity line, heading (`Summary`),
    annex line or supplement's title block (by its Word style or its words), within the first
    lines."""
    for line in ctx.lines:
        if (
            (line.kind in _NOT_COVER and not p.footer.match(line.text))
            or line.number > _COVER_LINES
            or ctx.style(line.number).startswith(_TITLE_BLOCK_STYLES)
            or _names_supplement(p, line.text)
        ):
            return line.number - 1
    return min(len(ctx.cleaned), _COVER_LINES)


def _names_supplement(p: _Patterns, text: str) -> bool:
    """`Supplement 5 to ITU-T A-series Recommendations`: a title block, not the cover's footer
    (`ITU-T A-series Recommendations – Supplement 5`)."""
    m = p.supplement.match(text)
    return m is not None and m["part"] is not None


_NOT_COVER = frozenset({"boilerplate", "identity", "subheading", "heading", "annex"})
_TITLE_BLOCK_STYLES = ("recno", "rectitle", "resno", "restitle", "headingb", "heading1")


def _cover_facts(line: str, number: int, p: _Patterns, ctx: Context, facts: dict[str, str]) -> None:
    """The facts one cover line gives (the first line giving a fact wins)."""
    lex = ctx.lex
    if (m := p.sector_line.match(line)) is not None and "sector" not in facts:
        facts["sector"] = m["sector"]
        rest = m["rest"]
        if (n := re.search(REC_NUMBER, rest)) is not None:
            facts["number"] = n.group(0)
        elif _GUIDE_NAME.fullmatch(rest.strip()):
            facts["name"] = rest.strip()  # `ITU-T<tab>OSI`: a guide of a set of Recommendations
        if (g := re.search(_words(lex.publication_parts), rest, re.I)) is not None:
            _set_part(facts, lex.publication_parts[g.group(0).lower()], "")
        facts["end"] = str(number)
    elif (m := p.date_line.search(line)) is not None and "approved" not in facts:
        facts["approved"] = _iso(m["date"], ctx)
        if m["part"]:
            _set_part(facts, lex.publication_parts[m["part"].lower()], m["label"])
        facts["end"] = str(number)
    elif (m := p.footer.match(line)) is not None:
        facts.update(sector=m["sector"], number=m["number"], end=str(number))
        _set_part(facts, lex.publication_parts[m["part"].lower()], m["label"])
        if m["year"]:
            facts["parent_year"] = m["year"]
    elif (m := p.supplement.match(line)) is not None:
        part, label = m["part"] or m["part2"], m["label"] or m["label2"]
        if part and label:
            facts.update(sector=m["sector"], series=m["series"].upper(), end=str(number))
            _set_part(facts, lex.publication_parts[part.lower()], label)
    elif (m := p.subject.match(line)) is not None:
        _subject(m, number, ctx, facts)
    elif "end" in facts and (m := p.part_alone.match(line)) is not None and "part" not in facts:
        _set_part(facts, lex.publication_parts[m["part"].lower()], "")  # `Implementers' Guide`
        facts["end"] = str(number)
    elif "end" in facts and "title" not in facts and _is_cover_title(line, ctx):
        facts.update(title=line.strip("\t"), end=str(number))
    if "end" in facts and p.prepublished.search(line):
        facts["prepublished"] = "yes"
        facts["end"] = str(number)
    if "end" in facts and matchers(lex.code).cover_series.match(line.strip("\t")):
        facts.setdefault("series_line", line.strip("\t"))
        facts["end"] = str(number)


_GUIDE_NAME = re.compile(r"[A-Z][A-Za-z0-9]{1,11}")
_SERIES_LETTER = re.compile(r"^\w+\s+(?P<letter>[A-Z]{1,3})\s*:")


def _series_guide(ctx: Context, facts: dict[str, str]) -> None:
    """An implementers' guide named on its cover (`ITU-T<tab>OSI`, `Implementers' Guide`) for
    the Recommendations of a series (`SERIES X: …`): its number is `X.OSI` and its title-block
    line (`OSI IMPLEMENTERS' GUIDE`) is `at`, where no identity line names it."""
    name, series = facts.get("name", ""), _SERIES_LETTER.match(facts.get("series_line", ""))
    if facts.get("part") != "implementers-guide" or facts.get("number") or not name or not series:
        return
    facts.update(number=f"{series['letter']}.{name}", series_guide="yes")
    if "at" in facts:
        return
    after = int(facts.get("last_fact", facts.get("end", "0")))
    named = re.compile(rf"^{re.escape(name)}\b.{{0,40}}$", re.IGNORECASE)
    for line in ctx.lines[:_TITLE_BLOCK_LINES]:
        if line.number > after and named.match(line.text) and line.text.isupper():
            facts.update(at=str(line.number), end=str(min(int(facts["end"]), line.number - 1)))
            return


def _subject(m: re.Match[str], number: int, ctx: Context, facts: dict[str, str]) -> None:
    """A covering note's subject: `Erratum (03/2017) to Recommendation ITU-T T.832 (08/2016),
    Title`; an unnumbered part is the first of its kind (ITU numbers it 1)."""
    facts.update(sector=m["sector"], number=m["number"], title=m["title"].strip())
    facts.update(approved=_iso(m["date"], ctx), end=str(number - 1), at=str(number))
    _set_part(facts, ctx.lex.publication_parts[m["part"].lower()], m["label"] or "1")
    if m["year"]:
        facts["parent_year"] = m["year"]


def _title_block_facts(ctx: Context, p: _Patterns, facts: dict[str, str]) -> None:
    """The title block after the cover (or without one) naming an implementers' guide
    (`Implementers' guide for Recommendation ITU-T G.8101/Y.1355`) or a supplement
    (`Supplement 5 to ITU-T A-series Recommendations`): its line is `at`."""
    end = int(facts.get("end", "0"))
    for line in ctx.lines[:_TITLE_BLOCK_LINES]:
        if line.number <= end:
            continue
        if (m := p.guide.match(line.text)) is not None:
            facts.update(sector=m["sector"], number=m["number"], at=str(line.number))
            _set_part(facts, ctx.lex.publication_parts[m["part"].lower()], "")
            return
        if (m := p.supplement.match(line.text)) is not None and (m["part"] or m["part2"]):
            facts.update(sector=m["sector"], series=m["series"].upper(), at=str(line.number))
            part = (m["part"] or m["part2"]).lower()
            _set_part(facts, ctx.lex.publication_parts[part], m["label"] or m["label2"])
            return


def _set_part(facts: dict[str, str], part: str, label: str) -> None:
    if part != "annex" or label:  # `Annex` alone on a cover is no part of its own
        facts["part"] = part
    if label:
        facts["label"] = label


def _is_cover_title(line: str, ctx: Context) -> bool:
    """The cover's title: a line after the number that is no series line nor in capitals."""
    text = line.strip("\t")
    return (
        len(text) > 10
        and not matchers(ctx.lex.code).cover_series.match(text)
        and not text.isupper()
    )


def _iso(date: str, ctx: Context) -> str:
    """`10/2014` → `2014-10`; `08/96` → `1996-08`; `19 OCT 2018` → `2018-10-19` (month names,
    or their first three letters, from the lexicon); anything else as written."""
    if (m := re.fullmatch(r"(\d{2})/(\d{4})", date)) is not None:
        return f"{m[2]}-{m[1]}"
    if (m := re.fullmatch(r"(\d{2})/(\d{2})", date)) is not None:  # `(08/96)`: ITU-T since 1993
        return f"{'19' if int(m[2]) >= 50 else '20'}{m[2]}-{m[1]}"
    day, month, year = date.split()
    key = month.lower()
    found = next((n for name, n in ctx.lex.months.items() if name[:3] == key[:3]), 0)
    return f"{year}-{found:02d}-{int(day):02d}" if found else date
