"""Stage 4a, enrich with references: citations of other ITU texts, with stable ids.

Promise of `find_references(texts, lex, body)`: every citation found in the texts gives a
`Reference` with the id of the cited work (`pp-res-123`, `itu-r-res-50-2`, `itu-t-rec-a.4`),
its kind, body, number, the text as written and, when printed, its revision (place in canonical
English, year); a list (`Resolutions ITU-R 47-2, 50-2, 56-1 and 57-1`) gives one reference per
number; each id appears once, at its first citation. A conference resolution cited without its
body, or `of this assembly`, is the issuing body's (`body`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from intersector.domain.documents import Event, Reference
from intersector.domain.ids import text_id as _text_id
from intersector.texts.lexicon import (
    BY_CODE,
    Lexicon,
    canonical_place,
    sector_of_token,
    sector_tokens,
)

_SECTOR = r"(?:ITU|UIT)-[RTD]"
_NUM = r"(?:[A-Z]{1,3}\.)?\d{1,4}(?:\.\d{1,4})*(?:-\d{1,3})?(?:\s?(?:bis|ter|quater))?"
_REV = r"\((?P<rev>[^()\n]{0,60}?\d{4})[^()\n\d]{0,4}\)"  # `(Rev. Dubai, 2012)`, `(…, 2012 г.)`
_EDITION = re.compile(r"-\d{1,3}$")
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_PLACE_YEAR = re.compile(
    r"(?P<place>[^\W\d_][^,;()\d\u060c\u061b]*?)\s*[,\u060c]?\s*(?P<year>(?:19|20)\d{2})\b"
)
_STRIP = " .,;\u060c\u061b\uff0c\uff1b"  # and the Arabic and Chinese commas and semicolons


@dataclass(frozen=True)
class _Patterns:
    sectoral: re.Pattern[str]
    sectoral_before: re.Pattern[str]
    conference: re.Pattern[str]
    body_before: re.Pattern[str]
    stems: tuple[str, ...]
    and_split: re.Pattern[str]
    revision_words: tuple[str, ...]
    own: tuple[re.Pattern[str], ...]


def _line(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile `pattern` with white space that never crosses a line."""
    return re.compile(pattern.replace(r"\s", r"[^\S\n]"), flags)


text_id = lru_cache(maxsize=4096)(_text_id)


def _stems(lex: Lexicon) -> tuple[str, ...]:
    """The starts of the reference words as printed (`Resol`, `Recom`, `RESOL`)."""
    stems = {w[:5] for w in lex.reference_words}
    return tuple(sorted({f for stem in stems for f in (stem.capitalize(), stem.upper())}))


def _candidates(text: str, stems: tuple[str, ...]) -> list[int]:
    """Where a citation may start: each reference word, and each sector token followed by one
    (`ITU-T Recommendation`). Found with `str.find`, far faster here than one regex search."""
    found: list[int] = []
    for literal in (*stems, "ITU-", "UIT-"):
        at = text.find(literal)
        while at >= 0:
            if literal[3:4] != "-" or text.startswith(stems, at + 6):
                found.append(at)
            at = text.find(literal, at + 1)
    return sorted(found)


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns(code: str) -> _Patterns:
    lex = BY_CODE[code]
    word = _alt(lex.reference_words)
    res_word = _alt(w for w, k in lex.reference_words.items() if k == "resolution")
    nums = rf"(?P<nums>{_NUM}(?:\s*(?:,|{_alt(lex.and_words)})\s*{_NUM})*)"
    bodies = _alt([*lex.bodies, *lex.this_body])
    of = _alt(lex.of_words)
    return _Patterns(
        sectoral=_line(
            rf"\b(?P<word>{word})\s+(?P<sector>{sector_tokens(lex)})\s+{nums}(?:\s*{_REV})?",
        ),
        sectoral_before=_line(
            rf"\b(?P<sector>{_SECTOR})\s+(?P<word>{word})\s+{nums}(?:\s*{_REV})?",
        ),
        conference=_line(
            rf"\b(?P<word>{res_word})\s+{nums}(?:\s*{_REV}|\s*\((?P<conf>[A-Z]{{2,5}})-(?P<yy>\d{{2}})\))?"
            rf"(?:\s*,?\s*(?:{of})\s+(?P<body>{bodies})\b)?"
        ),
        body_before=_line(
            rf"\b(?P<body>{_alt(b for b in lex.bodies if b.isalpha() and len(b) <= 5)})\s+$"
        ),
        stems=_stems(lex),
        and_split=_line(rf"\s*(?:,|\b(?:{_alt(lex.and_words)})\b)\s*", re.IGNORECASE),
        revision_words=lex.revision_words,
        own=tuple(_line(p) for p in lex.reference_patterns),
    )


def find_references(texts: Iterable[str], lex: Lexicon, body: str) -> tuple[Reference, ...]:
    """The references cited in `texts`, first citation of each id first (module promise).
    The texts are scanned as one, a citation never spanning two of them."""
    joined = "\n".join(t.replace("\n", " ") for t in texts if t)
    found: dict[str, Reference] = {}
    for ref in _in_text(joined, lex, body) + _in_own_order(joined, lex, body):
        found.setdefault(ref.id, ref)
    return tuple(found.values())


def _in_own_order(text: str, lex: Lexicon, body: str) -> list[Reference]:
    """Citations by the lexicon's own patterns (a language that puts the number before the
    word: `世界电信发展大会第5号决议`), in the order they stand."""
    found = [m for pattern in _patterns(lex.code).own for m in pattern.finditer(text)]
    return [_own_reference(m, lex, body) for m in sorted(found, key=lambda m: m.start())]


def _own_reference(m: re.Match[str], lex: Lexicon, body: str) -> Reference:
    kind = lex.reference_words[m["word"].lower()]
    groups = m.groupdict()
    if groups.get("sector"):
        cited = sector_of_token(m["sector"], lex)
    elif groups.get("body"):
        cited = lex.bodies[m["body"].lower()]
    else:
        cited = body if kind == "resolution" else "itu-t"
    number = m["nums"].replace(" ", "")
    if kind != "resolution":
        number = _EDITION.sub("", number)
    revision = _revision(groups.get("rev"), lex)
    return Reference(text_id(cited, kind, number), kind, cited, number, m.group(0), revision)


def _in_text(text: str, lex: Lexicon, body: str) -> list[Reference]:
    """Scan from each candidate position (a reference word or a sector token, found by one
    fast search) with the anchored patterns, most specific first; matches never overlap."""
    p = _patterns(lex.code)
    refs: list[Reference] = []
    end = 0
    for at in _candidates(text, p.stems):
        if at < end:
            continue
        by_sector = text.startswith(("ITU-", "UIT-"), at)
        pattern = p.sectoral_before if by_sector else p.sectoral
        if (m := pattern.match(text, at)) is not None:
            refs.extend(_sectoral(m, lex))
            end = m.end()
        elif not by_sector and (m := p.conference.match(text, at)) is not None:
            before = p.body_before.search(text, max(0, at - 12), at)
            refs.extend(_conference(m, lex, body, before, text))
            end = m.end()
    return refs


def _sectoral(m: re.Match[str], lex: Lexicon) -> list[Reference]:
    kind = lex.reference_words[m["word"].lower()]
    sector = sector_of_token(m["sector"], lex)
    revision = _revision(m["rev"], lex)
    numbers = _numbers(m["nums"], lex)
    if kind != "resolution":  # `M.2083-0` is edition 0 of the work `M.2083`
        numbers = [_EDITION.sub("", n) for n in numbers]
    return [
        Reference(text_id(sector, kind, n), kind, sector, n, m.group(0), revision) for n in numbers
    ]


def _conference(
    m: re.Match[str], lex: Lexicon, body: str, before: re.Match[str] | None, text: str
) -> list[Reference]:
    """`Resolution 5 (…) of the World … Conference`, or `WTDC Resolution 5` (`before`)."""
    written = m["body"] or m["conf"] or (before["body"] if before else None)
    cited = _body_of(written, lex, body)
    start = before.start() if before and not m["body"] else m.start()
    revision = _revision(m["rev"], lex) or (Event("", 2000 + int(m["yy"])) if m["yy"] else None)
    numbers = [n for n in _numbers(m["nums"], lex) if "." not in n]
    as_written = text[start : m.end()]
    return [
        Reference(text_id(cited, "resolution", n), "resolution", cited, n, as_written, revision)
        for n in numbers
    ]


def _body_of(written: str | None, lex: Lexicon, issuing: str) -> str:
    if not written:
        return issuing
    key = " ".join(written.lower().split())
    return lex.bodies.get(key, issuing)


def _numbers(nums: str, lex: Lexicon) -> list[str]:
    split = _patterns(lex.code).and_split.split(nums)
    return [n.replace(" ", "") for n in split if n]


def _revision(written: str | None, lex: Lexicon) -> Event | None:
    """`Rev. Hyderabad, 2010` → Event("Hyderabad", 2010); None when there is none."""
    if not written:
        return None
    events = parse_events(written, lex)
    return events[-1] if events else None


def parse_events(text: str, lex: Lexicon) -> tuple[Event, ...]:
    """All place/year pairs in `text`, tolerant of irregular punctuation:
    `Montreal, 2000; Florianópolis 2004; Johannesburg, 2008, Dubai, 2012` gives four. Years
    without places (an ITU-R history, `(2000-2007-2012)`) give events whose place is ""."""
    return _events(text, lex.code)


@lru_cache(maxsize=4096)
def _events(text: str, code: str) -> tuple[Event, ...]:
    lex = BY_CODE[code]
    events = []
    pattern = re.compile(lex.event_pattern) if lex.event_pattern else _PLACE_YEAR
    for m in pattern.finditer(text):
        written = _strip_revision(m["place"], lex).strip(_STRIP)
        if written:
            events.append(Event(canonical_place(written), int(m["year"]), written))
    if not events:
        events = [Event("", int(year)) for year in _YEARS.findall(text)]
    return tuple(events)


def _strip_revision(place: str, lex: Lexicon) -> str:
    lowered = place.lower()
    for word in lex.revision_words:
        if lowered.startswith(word) and (len(place) == len(word) or not place[len(word)].isalpha()):
            return place[len(word) :]
    return place
