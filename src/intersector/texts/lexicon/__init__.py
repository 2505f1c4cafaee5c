"""Language is data: every word the reader recognises lives in one `Lexicon` per language.

The six languages of ITU: `en.py`, `fr.py`, `es.py`, `ar.py`, `zh.py`, `ru.py` each define
`LEXICON`. Adding a language means adding a module with its table and listing it in
`LEXICONS`; no code elsewhere changes. What differs between scripts is data here too: the
clause-label alphabets in their order (`a) b) c)`, `а) б) в)`, `أ) ب) ج)`), whether words are
separated by spaces (not in Chinese), the identity line's word order (`第57号决议`) and the
order of place and year in a history (`2012年，迪拜`). Keys of every mapping are lower case,
with plain hyphens and apostrophes (what `clean` leaves).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

LATIN = "abcdefghijklmnopqrstuvwxyz"  # the clause letters of ITU texts in Latin script, in order


@dataclass(frozen=True)
class Lexicon:
    """The words of one language.

    Headings map the heading as written (lower case, without trailing punctuation) to its
    language-independent function; `operative_headings` may be followed by an addressee
    (`instructs the Director of …`). `addressees` map phrases to ids; `verbs` map infinitives to
    the English base verb. `kinds` map the words that open an identity line (`resolution`,
    `recommandation`) to the kind of text.
    """

    code: str
    common_words: frozenset[str]
    kinds: Mapping[str, str]
    revision_words: tuple[str, ...]
    preamble_headings: Mapping[str, str]
    operative_headings: Mapping[str, str]
    bodies: Mapping[str, str]
    this_body: tuple[str, ...]
    sectors: Mapping[str, str]
    places: Mapping[str, str]
    verbs: Mapping[str, str]
    infinitive: str  # regex: group 1 is the infinitive opening an operative clause
    purpose: str  # regex: where the addressees of an infinitive end (`to assist`)
    addressees: Mapping[str, tuple[str, ...]]
    director_words: frozenset[str]
    bureaux: Mapping[str, str]
    boilerplate_headings: Mapping[str, str]
    reference_words: Mapping[str, str]
    of_words: tuple[str, ...]
    and_words: tuple[str, ...]
    anchor_stops: frozenset[str]
    group_words: Mapping[str, str]  # `study group`, `sg` → `sg`; `working party`, `wp` → `wp`
    annex_words: Mapping[str, str] = field(default_factory=dict)
    recommendation_headings: Mapping[str, str] = field(default_factory=dict)
    question_headings: Mapping[str, str] = field(default_factory=dict)
    liaison_fields: Mapping[str, str] = field(default_factory=dict)
    liaison_markers: tuple[str, ...] = ()
    copyright: tuple[str, ...] = ()
    months: Mapping[str, int] = field(default_factory=dict)
    part_words: Mapping[str, str] = field(default_factory=dict)  # `section` → `section`
    series_words: tuple[str, ...] = ()  # `series` of `SERIES E: …` on a Recommendation's cover
    series: str = ""  # regex: the heading of the list of Recommendations of a series
    # Script and word order (defaults: a Latin script, words between spaces, `RESOLUTION 57`):
    label_alphabets: tuple[str, ...] = (LATIN,)  # clause-label letters, each alphabet in order
    # capitals besides A-Z that label annexes (`Приложение Б`, `الملحق ب`), in their order
    annex_letters: str = ""
    spaced: bool = True  # False: words run together (Chinese), headings into their addressee
    identity: tuple[str, ...] = ()  # regexes tried before the default identity pattern
    identity_prefixes: tuple[str, ...] = ()  # lower-case starts of such identity lines
    event_pattern: str = ""  # regex with groups `place`, `year`, when the year comes first
    clitics: str = ""  # letters written joined to the next word (Arabic و ب ل ف ك)
    # regexes for citations in another word order (`第5号决议`, `ITU-T E.164建议书`): groups
    # `word` (a reference_words key), `nums`, and optional `sector`, `body` (a bodies key), `rev`
    reference_patterns: tuple[str, ...] = ()
    # regex for a study group or working party written number first (`第13研究组`): groups
    # `number` and `word` (a group_words key); default: the word, then the number
    group_pattern: str = ""
    # publications that are parts of another, or kinds of their own, as a cover or title block
    # names them (`Amendment 1`, `Corrigendum 1`, `Supplement 5`, `Implementers' Guide`)
    publication_parts: Mapping[str, str] = field(default_factory=dict)
    # the other words of an ITU cover page and title block, as regex alternations by role:
    # `subject` (a covering note's `Subject:`), `to` (`Erratum … to Recommendation …`, `Supplement
    # 5 to …`), `draft` (`Draft Recommendation` of a prepublished text), `prepublished` (the
    # cover's `PREPUBLISHED RECOMMENDATION`), `series_recommendations` (`A-series Recommendations`)
    cover_words: Mapping[str, str] = field(default_factory=dict)


# Language-independent: what each operative function asks, as an English base verb.
FUNCTION_VERBS: Mapping[str, str] = {
    "resolves": "resolve",
    "further-resolves": "resolve",
    "decides": "decide",
    "further-decides": "decide",
    "instructs": "instruct",
    "invites": "invite",
    "encourages": "encourage",
    "requests": "request",
    "calls-upon": "call upon",
    "urges": "urge",
    "recommends": "recommend",
    "further-recommends": "recommend",
    "appeals": "appeal",
    "approves": "approve",
    "adopts": "adopt",
    "supports": "support",
    "endorses": "endorse",
    "decides-question": "study",
    "declares": "declare",  # `unanimously declares the view` of the old CCITT Recommendations
}

# Kept apart from the structure in every language: id → kind of boilerplate.
BOILERPLATE_KINDS = ("foreword", "note", "ipr", "copyright", "contents", "series")


def _all_lexicons() -> tuple[Lexicon, ...]:
    from intersector.texts.lexicon import ar, en, es, fr, ru, zh

    return (en.LEXICON, fr.LEXICON, es.LEXICON, ru.LEXICON, ar.LEXICON, zh.LEXICON)


LEXICONS: tuple[Lexicon, ...] = _all_lexicons()
BY_CODE: Mapping[str, Lexicon] = {lex.code: lex for lex in LEXICONS}


def detect_language(text: str, sample: int = 800) -> Lexicon:
    """The lexicon with the most distinct common words in the `sample` characters after the first
    third of the text, where the foreword is over (English when nothing is recognised). Words
    are what spaces separate; for a language written without spaces (Chinese) its common
    words are looked for in the sample as they stand."""
    start = min(len(text) // 3, max(0, len(text) - sample))
    chunk = text[start : start + sample].lower()
    words = set(chunk.split())
    best, best_score = LEXICONS[0], 0
    for lex in LEXICONS:
        if lex.spaced:
            score = len(words & lex.common_words)
        else:
            score = sum(1 for word in lex.common_words if word in chunk)
        if score > best_score:
            best, best_score = lex, score
    return best


def label_key(label: str, lex: Lexicon, *, lookalikes: bool = False) -> str:
    """A clause or annex label in the letters of the first alphabet (Latin): `б)` → `b)`,
    `(ج)` → `c)`, `(一)` → `a)` by their rank in the lexicon's clause alphabets; an annex
    label and its clause numbers (no parenthesis: `Б`, `Б.1`, `ب`) by their rank in its
    annex letters → `B`, `B.1`; so the versions of a text in any language share their paths.
    Numbers, roman numerals and Latin letters are kept as they are. `lookalikes`: the text's
    annex capitals are Latin letters typed in Cyrillic (`В` for B), as `latin_lookalikes`
    tells from its labels, so each is read as the letter it looks like."""
    if ")" in label:
        letters = _label_letters(lex.code)
    else:
        letters = {**_annex_letters(lex.code), **(_LOOKALIKES if lookalikes else {})}
    return "".join(letters.get(ch, ch) for ch in label) if letters else label


# Cyrillic capitals that look like Latin ones: ITU's Russian texts may type annex letters so
_LOOKALIKES: Mapping[str, str] = dict(zip("АВСЕНКМОРТХ", "ABCEHKMOPTX", strict=True))


def latin_lookalikes(labels: list[str], lex: Lexicon) -> bool:
    """Whether the annex letters of a text are Latin letters typed in another script: all of
    them look like Latin capitals and one at least is out of the script's own order (`А`, `В`
    is A, B typed in Cyrillic; `А`, `Б`, `В` is the Cyrillic order)."""
    own = [ch for label in labels for ch in label if ch in lex.annex_letters]
    if not own or any(ch not in _LOOKALIKES for ch in own):
        return False
    return any(_LOOKALIKES[ch] != _annex_letters(lex.code).get(ch) for ch in own)


@cache
def _label_letters(code: str) -> Mapping[str, str]:
    """Each letter of the lexicon's other alphabets → the Latin letter of the same rank."""
    mapping: dict[str, str] = {}
    for alphabet in BY_CODE[code].label_alphabets:
        if alphabet != LATIN:
            mapping.update(zip(alphabet, LATIN, strict=False))
    return mapping


@cache
def _annex_letters(code: str) -> Mapping[str, str]:
    """Each of the lexicon's annex letters → the Latin capital of the same rank."""
    return dict(zip(BY_CODE[code].annex_letters, LATIN.upper(), strict=False))


def _canonical_places() -> Mapping[str, str]:
    merged: dict[str, str] = {}
    for lex in LEXICONS:
        merged.update(lex.places)
    return merged


PLACES: Mapping[str, str] = _canonical_places()


def canonical_place(as_written: str) -> str:
    """The place name in canonical English spelling (`Dubaï` → `Dubai`, `Ginebra` → `Geneva`);
    unknown names are kept as written (`Florianópolis`)."""
    key = " ".join(as_written.split()).strip(" .,;").lower()
    return PLACES.get(key, " ".join(as_written.split()).strip(" .,;"))


def sector_tokens(lex: Lexicon) -> str:
    """The Sector tokens of the lexicon as a regex alternation, longest first: `ITU-T`,
    `UIT-R`, `МСЭ-Т` (its `sectors` keys that are abbreviations), always with `ITU-R/T/D`."""
    tokens = {k for k in lex.sectors if "-" in k and len(k) <= 6} | {"itu-r", "itu-t", "itu-d"}
    return "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))


def sector_of_token(token: str, lex: Lexicon) -> str:
    """The Sector id of a token as written: `UIT-R` → `itu-r`, `МСЭ-Т` → `itu-t`."""
    return lex.sectors.get(token.lower(), "itu-" + token[-1:].lower())
