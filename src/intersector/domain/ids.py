"""Stable, readable identifiers: `wtsa-res-57`, `itu-t-rec-a.4`, `itu-r-res-50-2`, `itu-t-sg13`,
`itu-r-wp5d`. `make_id` is the one function that builds them; the others name the conventions.

A publication that belongs to another (an amendment, corrigendum, erratum or separately published
annex of a Recommendation, an implementers' guide) has an id of its own, the parent's id and a
suffix: `part_id("itu-t-rec-p.340", "amendment", "1")` → `itu-t-rec-p.340-amd1`; `parent_of`
gives the parent back. Supplements to a series are works of their own (`itu-t-sup-a-5`, as the
Relaton import names them).
"""

from __future__ import annotations

import re
import unicodedata

KIND_ABBREVIATIONS = {
    "resolution": "res",
    "recommendation": "rec",
    "question": "q",
    "opinion": "op",
    "decision": "dec",
    "report": "rep",
    "handbook": "hdb",
    "liaison": "ls",
    "supplement": "sup",
    "implementers-guide": "imp",
}

# the suffix a part of a publication adds to its parent's id (ITU's own abbreviations:
# `P.340 (2000) Amd. 1`, `Cor. 1`, `Err. 1`, `Add. 1`, `Z.100 Annex F1`, `G.Imp8101`)
PART_CODES = {
    "amendment": "amd",
    "corrigendum": "cor",
    "erratum": "err",
    "addendum": "add",
    "annex": "ann",
    "appendix": "app",
    "implementers-guide": "imp",
}
_PART_SUFFIX = re.compile(
    r"^(?P<parent>.+?-(?:rec|rep|sup|res|q|hdb)-[a-z0-9.]+?)"
    r"-(?:(?:amd|cor|err|add)\d{1,3}|(?:ann|app)[a-z0-9.]{1,6}|imp)$"
)

_UNSAFE = re.compile(r"[^a-z0-9.]+")


def make_id(*parts: str) -> str:
    """Join parts into one id: lower case, ASCII, runs of anything but letters, digits and dots
    folded to one hyphen. `make_id("ITU-T", "rec", "A.4")` → `itu-t-rec-a.4`."""
    joined = "-".join(p for p in parts if p)
    ascii_text = unicodedata.normalize("NFKD", joined).encode("ascii", "ignore").decode()
    return _UNSAFE.sub("-", ascii_text.lower()).strip("-.")


def text_id(body: str, kind: str, number: str) -> str:
    """The work id of a text: `text_id("wtsa", "resolution", "57")` → `wtsa-res-57`;
    `text_id("itu-r", "recommendation", "M.2150")` → `itu-r-rec-m.2150`."""
    return make_id(body, KIND_ABBREVIATIONS.get(kind, kind), number)


def part_id(parent: str, kind: str, label: str = "") -> str:
    """The id of a part of the publication `parent`: `part_id("itu-t-rec-p.340", "amendment",
    "1")` → `itu-t-rec-p.340-amd1`; `("itu-t-rec-z.100", "annex", "F1")` → `itu-t-rec-z.100-annf1`;
    `("itu-t-rec-g.8101", "implementers-guide")` → `itu-t-rec-g.8101-imp`. Raises KeyError for a
    kind that is no part (see `PART_CODES`)."""
    return make_id(parent, PART_CODES[kind] + label)


def parent_of(doc_id: str) -> str:
    """The publication a part belongs to (`itu-t-rec-p.340-amd1` → `itu-t-rec-p.340`), or ""
    for a work of its own (`itu-t-rec-p.340`, `wtsa-res-57`, `itu-t-sup-a-5`)."""
    match = _PART_SUFFIX.match(doc_id)
    return match["parent"] if match else ""


def question_id(sector: str, number: str, study_group: str) -> str:
    """`question_id("itu-t", "6", "13")` → `itu-t-q6-13` (Q6/13); the revision is kept apart."""
    return make_id(sector, f"q{number}", study_group)


def group_id(sector: str, kind: str, number: str = "") -> str:
    """`group_id("itu-t", "sg", "13")` → `itu-t-sg13`; `group_id("itu-r", "wp", "5D")` →
    `itu-r-wp5d`; `group_id("itu-r", "rag")` → `itu-r-rag`... except the advisory groups and
    bureaux, which are known by their own names: see `well_known_group`."""
    return make_id(sector, f"{kind}{number}")


WELL_KNOWN_GROUPS = {
    "rag": "rag",
    "tsag": "tsag",
    "tdag": "tdag",
    "br": "br",
    "tsb": "tsb",
    "bdt": "bdt",
    "br-director": "br-director",
    "tsb-director": "tsb-director",
    "bdt-director": "bdt-director",
}


def well_known_group(name: str) -> str:
    """Advisory groups, bureaux and their Directors keep their short ids: `rag`, `tsb-director`."""
    key = make_id(name)
    if key not in WELL_KNOWN_GROUPS:
        raise KeyError(f"not a well-known group: {name!r}")
    return WELL_KNOWN_GROUPS[key]


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """A sort key reading the numbers inside `text` as numbers, case folded: K.52 before
    K.100, Q2/13 before Q10/13, SG5 before SG13. One key for every list that sorts by it."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in _DIGITS.split(text)
        if part
    )
