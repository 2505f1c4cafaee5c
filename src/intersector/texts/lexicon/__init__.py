"""Language is data: every word the reader recognises lives in one `Lexicon` per language.

`en.py`, `fr.py`, `es.py` each define `LEXICON`. Adding a language (Arabic, Chinese, Russian)
means adding a module with its table and listing it in `LEXICONS`; no code elsewhere changes.
Keys of every mapping are lower case, with plain hyphens and apostrophes (what `clean` leaves).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


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
}

# Kept apart from the structure in every language: id → kind of boilerplate.
BOILERPLATE_KINDS = ("foreword", "note", "ipr", "copyright", "contents", "series")


def _all_lexicons() -> tuple[Lexicon, ...]:
    from intersector.texts.lexicon import en, es, fr

    return (en.LEXICON, fr.LEXICON, es.LEXICON)


LEXICONS: tuple[Lexicon, ...] = _all_lexicons()
BY_CODE: Mapping[str, Lexicon] = {lex.code: lex for lex in LEXICONS}


def detect_language(text: str, sample: int = 800) -> Lexicon:
    """The lexicon with the most distinct common words in the `sample` characters after the first
    third of the text, where the foreword is over (English when nothing is recognised)."""
    start = min(len(text) // 3, max(0, len(text) - sample))
    words = set(text[start : start + sample].lower().split())
    best, best_score = LEXICONS[0], 0
    for lex in LEXICONS:
        score = len(words & lex.common_words)
        if score > best_score:
            best, best_score = lex, score
    return best


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
