"""Values people type, matched to the values the registry knows: `ITU-D` → `itu-d`,
`Itu-T-Rec-Y.3101` → `itu-t-rec-y.3101`, and by alias when a vocabulary has them. An unknown value
is a `ValidationError` naming the field and the known values (or, for long lists such as ids, the
closest ones), never an empty answer. The one place every door (CLI option, API query parameter,
page filter) resolves what was typed."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

from intersector.domain.errors import UnknownValueError
from intersector.domain.registry import SECTORS, Subject
from intersector.domain.rules import VOCABULARIES

SHOWN = 12  # known values named in full up to this many; beyond, only the closest ones


def folded(value: str) -> str:
    """The form values are compared in: stripped, case-folded."""
    return value.strip().casefold()


def lookup(
    value: str,
    known: Iterable[str],
    *,
    field: str,
    aliases: Mapping[str, str] | None = None,
) -> str:
    """The known value that `value` names: equal ignoring case and surrounding spaces, or an
    alias of it (`aliases`: typed form → known value, also ignoring case). ValidationError
    naming `field` and the known values otherwise."""
    listed = list(known)
    table = {folded(k): k for k in listed}
    table.update({folded(a): v for a, v in (aliases or {}).items()})
    found = table.get(folded(value))
    if found is None:
        raise UnknownValueError(
            unknown_message(value, listed), field=field, known=shown_values(value, listed)
        )
    return found


def lookup_optional(
    value: str | None,
    known: Iterable[str],
    *,
    field: str,
    aliases: Mapping[str, str] | None = None,
) -> str:
    """`lookup`, where nothing typed (None or blank) means no filter: returns ""."""
    if value is None or not value.strip():
        return ""
    return lookup(value, known, field=field, aliases=aliases)


def shown_values(value: str, known: list[str]) -> tuple[str, ...]:
    """The known values an error names: all of them up to SHOWN, else the closest ones."""
    if len(known) <= SHOWN:
        return tuple(sorted(known))
    close = difflib.get_close_matches(folded(value), [folded(k) for k in known], n=5, cutoff=0.6)
    by_folded = {folded(k): k for k in known}
    return tuple(by_folded[c] for c in close)


def unknown_message(value: str, known: list[str]) -> str:
    """`unknown value 'ITU-X': known values are itu-d, itu-r, itu-t` (or the closest ones)."""
    shown = shown_values(value, known)
    if len(known) <= SHOWN:
        return f"unknown value {value!r}: known values are {', '.join(shown)}"
    hint = f"; closest: {', '.join(shown)}" if shown else ""
    return f"unknown value {value!r} ({len(known)} known values){hint}"


# --- the values of the registry, one function for each kind ------------------------------------

# The filters of each registry type, and the field of the item each one reads.
FILTER_FIELDS: dict[str, dict[str, str]] = {
    "sector": {},
    "subject": {},
    "group": {"sector": "sector", "kind": "kind"},
    "activity": {
        "sector": "sector",
        "group": "group",
        "kind": "kind",
        "status": "status",
        "subject": "subjects",
    },
    "liaison": {"group": "from_group", "status": "state"},
    "mechanism": {"kind": "kind", "subject": "subjects"},
    "roadmap": {"sector": "sector", "subject": "subject"},
}

_ACRONYM = re.compile(r"\(([^()]{1,20})\)\s*$")  # "Compatibilidad electromagnética (CEM)"


def sector(value: str, *, field: str = "sector", known: Iterable[str] = SECTORS) -> str:
    """`ITU-D` → `itu-d`; `known` widens the Sectors for groups (`itu`, `external`)."""
    return lookup(value, known, field=field)


def subject_aliases(subjects: Iterable[Subject]) -> dict[str, str]:
    """What people type for a subject → its id: its labels in every language, the acronym a
    label ends with (`(EMC)`, `(CEM)`), and each keyword that names this subject only (IMT-2020,
    IMT-2030, 5G → imt). An id wins over a label, a label over an acronym, an acronym over a
    keyword; a keyword of two subjects (IPTV) names neither."""
    listed = list(subjects)
    by_keyword: dict[str, set[str]] = {}
    for s in listed:
        for words in s.keywords.values():
            for word in words:
                by_keyword.setdefault(folded(word), set()).add(s.id)
    aliases = {word: next(iter(ids)) for word, ids in by_keyword.items() if len(ids) == 1}
    for s in listed:
        for label in s.labels.values():
            if found := _ACRONYM.search(label):
                aliases[folded(found.group(1))] = s.id
    for s in listed:
        aliases.update({folded(label): s.id for label in s.labels.values()})
    aliases.update({folded(s.id): s.id for s in listed})
    return aliases


def subject(value: str, subjects: Iterable[Subject], *, field: str = "subject") -> str:
    """The id of the subject `value` names: its id, a label, an acronym or a keyword of it in
    any language, any case (see `subject_aliases`)."""
    listed = list(subjects)
    return lookup(value, [s.id for s in listed], field=field, aliases=subject_aliases(listed))


def vocabulary_value(type_name: str, field: str, value: str) -> str:
    """A value of one of the fixed vocabularies (kinds, statuses, states, Sectors) of a type:
    `In-Force` → `in-force` for an activity's `status`."""
    return lookup(value, VOCABULARIES[type_name][field], field=field)


def registry_filter(
    type_name: str,
    name: str,
    value: str,
    *,
    groups: Iterable[str] = (),
    subjects: Iterable[Subject] = (),
) -> str:
    """The stored value a filter `name` of `type_name` items typed as `value` stands for; an
    UnknownValueError naming `name` for a filter the type lacks or a value nobody knows."""
    fields = FILTER_FIELDS.get(type_name, {})
    if name not in fields:
        known = tuple(fields)
        message = f"{type_name} items have no filter {name!r}: " + (
            f"use {', '.join(known)}" if known else "they take none"
        )
        raise UnknownValueError(message, field=name, known=known)
    field = fields[name]
    vocabulary = VOCABULARIES.get(type_name, {}).get(field)
    if vocabulary is not None:
        return lookup(value, vocabulary, field=name)
    if name == "subject":
        return subject(value, subjects, field=name)
    return lookup(value, groups, field=name)
