"""Stage 4b, enrich with actions: who must do what, one `Action` per operative clause.

Promise of `extract_actions(sections, lex, body)`: every top-level clause of every operative
section gives exactly one `Action`, in document order, whose `clause` path (`resolves 1`,
`instructs`) is unique in the document; `verb` is an English base verb (`invite` from `to invite`,
`d'inviter` or `invitar`; the section's own verb, `instruct`, when the heading names the
addressee); `addressees` are ids (`rag`, `tsb-director`, `itu-r-sg5`, `member-states`), in order
of first mention, without duplicates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from intersector.domain.documents import Action, Clause, Section
from intersector.domain.ids import group_id
from intersector.texts.lexicon import (
    BY_CODE,
    FUNCTION_VERBS,
    Lexicon,
    sector_of_token,
    sector_tokens,
)

_SECTOR_OF_BODY = {"wtsa": "itu-t", "wtdc": "itu-d", "ra": "itu-r", "wrc": "itu-r"}


@dataclass(frozen=True)
class _Patterns:
    names: re.Pattern[str]
    group: re.Pattern[str]
    infinitive: re.Pattern[str]
    purpose: re.Pattern[str]
    sector_after: re.Pattern[str]
    sector_before: re.Pattern[str]


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def capitalised(words: Iterable[str]) -> str:
    """An alternation of `words` (lower-case table keys) as ITU texts print names: first letter
    upper case, the rest in any case (`M(?i:ember states)`). A literal first letter lets the
    search skip every position that cannot start a name, which is most of them."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w[0].upper()) + f"(?i:{re.escape(w[1:])})" for w in ordered)


@cache
def _patterns(code: str) -> _Patterns:
    lex = BY_CODE[code]
    return _Patterns(
        names=re.compile(rf"(?:{capitalised(lex.addressees)})" + (r"(?![\w-])" * lex.spaced)),
        group=re.compile(
            lex.group_pattern
            or rf"(?:{capitalised(lex.group_words)})s?\s*(?P<number>\d{{1,2}}[A-Z]?)\b"
        ),
        infinitive=re.compile(lex.infinitive),
        purpose=re.compile(lex.purpose),
        # `… del UIT-R`, `… de l'UIT-T`, `… of the ITU-R`, `… МСЭ-R`: `of` words, the sector
        sector_after=re.compile(
            rf"\s+(?:(?:{_alt(lex.of_words)})\s*)?(?P<sector>{sector_tokens(lex)})(?![\w-])",
            re.IGNORECASE,
        ),
        sector_before=re.compile(rf"(?P<sector>{sector_tokens(lex)})\s*$", re.IGNORECASE),
    )


def addressee_ids(text: str, lex: Lexicon, body: str = "") -> tuple[str, ...]:
    """The ids of the addressees named in `text`, in order of first mention.

    Bureaux named after the word `Director(s)` become their Directors (`the Directors of the
    Radiocommunication (BR) … Bureaux` → `br-director`); study groups take the sector written
    before them (`ITU-R Study Group 5` → `itu-r-sg5`) or the issuing body's sector. Names are
    found as printed, with a capital (`Member States`, `TSAG`)."""
    p = _patterns(lex.code)
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in p.group.finditer(text):
        if _inside_word(text, m.start(), lex):
            continue
        start, end, ident = _group(m, text, lex, body)
        found.append((start, ident))
        taken.append((start, end))
    director_at = _first_of(lex.director_words, text.lower())
    for m in p.names.finditer(text):
        at = m.start()
        if _inside_word(text, at, lex) or any(a <= at < b for a, b in taken):
            continue
        for ident in lex.addressees[" ".join(m.group(0).lower().split())]:
            found.append((at, _directorize(ident, lex, director_at, at)))
    return _unique(ident for _, ident in sorted(found, key=lambda f: f[0]))


def _inside_word(text: str, at: int, lex: Lexicon) -> bool:
    """Whether `at` is inside a word: never in a language written without spaces; a clitic
    (Arabic `و`, `ل`) joined to the name does not count."""
    if at == 0 or not lex.spaced:
        return False
    before = text[at - 1]
    if before in lex.clitics and (at == 1 or not text[at - 2].isalnum()):
        return False
    return before.isalnum() or before in "-_"


def _group(m: re.Match[str], text: str, lex: Lexicon, body: str) -> tuple[int, int, str]:
    """`ITU-R Study Group 5` or `Grupo de Trabajo 5D del UIT-R` → an id (`itu-r-sg5`,
    `itu-r-wp5d`) with the span it covers, sector token included; without a sector, the
    issuing body's."""
    start, end = m.start(), m.end()
    p = _patterns(lex.code)
    before = p.sector_before.search(text, max(0, start - 8), start)
    after = None if before else p.sector_after.match(text, end)
    found = before or after
    sector = sector_of_token(found["sector"], lex) if found else sector_of(body)
    written = m.groupdict().get("word") or m.group(0)[: m.start("number") - start]
    words = written.strip().lower()
    kind = lex.group_words.get(words) or lex.group_words.get(words.removesuffix("s"), "sg")
    span = (before.start() if before else start, after.end() if after else end)
    return span[0], span[1], group_id(sector, kind, m["number"])


def sector_of(body: str) -> str:
    """The Sector of an issuing body: `wtsa` → `itu-t`, `ra` → `itu-r`, `itu-r-sg5` → `itu-r`;
    ITU-T when it has none."""
    if body[:4] == "itu-" and body[4:5] in ("t", "r", "d"):
        return body[:5]
    return _SECTOR_OF_BODY.get(body, "itu-t")


def _first_of(words: Iterable[str], text: str) -> int:
    found = [at for at in (text.find(w) for w in words) if at >= 0]
    return min(found) if found else -1


def _directorize(ident: str, lex: Lexicon, director_at: int, at: int) -> str:
    if ident in lex.bureaux.values() and 0 <= director_at < at:
        return f"{ident}-director"
    return ident


def _unique(ids: object) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))  # type: ignore[call-overload]


def extract_actions(
    sections: tuple[Section, ...], lex: Lexicon, body: str = ""
) -> tuple[Action, ...]:
    """One action per top-level clause of each operative section (see the module promise)."""
    actions: list[Action] = []
    used: dict[str, int] = {}
    for section in sections:
        for clause in section.clauses:
            path = _path(section.function, clause.label, used)
            verb, addressees = _who_and_what(section, clause, lex, body)
            actions.append(Action(path, verb, addressees, _full_text(clause)))
    return tuple(actions)


def _path(function: str, label: str, used: dict[str, int]) -> str:
    """`resolves 1`, then `resolves 1 (2)`, `resolves 1 (3)` for the same label again. `used`
    maps each path given to the next number to try after it, so that a thousand clauses with
    one label cost linear time, not quadratic."""
    path = f"{function} {label}".strip()
    if path not in used:
        used[path] = 2
        return path
    n = used[path]
    while f"{path} ({n})" in used:
        n += 1
    used[path] = n + 1
    candidate = f"{path} ({n})"
    used[candidate] = 2
    return candidate


def _who_and_what(
    section: Section, clause: Clause, lex: Lexicon, body: str
) -> tuple[str, tuple[str, ...]]:
    """The verb and addressees: the heading's when it names them, else the clause's own."""
    default_verb = FUNCTION_VERBS.get(section.function, section.function.replace("-", " "))
    if section.addressees:
        return default_verb, section.addressees
    p = _patterns(lex.code)
    text = clause.text
    opening = p.infinitive.match(text.lower())
    if opening is None:
        return default_verb, addressee_ids(text, lex, body)
    infinitive = opening.group(1)
    rest = text[opening.end() :]
    purpose = p.purpose.search(rest)
    span = rest[: purpose.start()] if purpose else rest
    return lex.verbs.get(infinitive, infinitive), addressee_ids(span, lex, body)


def _full_text(clause: Clause) -> str:
    parts = [clause.text]
    parts.extend(f"{c.label} {_full_text(c)}".strip() for c in clause.children)
    return "\n".join(parts)
