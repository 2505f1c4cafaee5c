"""Values people type, matched to the values the registry knows: `ITU-D` → `itu-d`,
`Itu-T-Rec-Y.3101` → `itu-t-rec-y.3101`, and by alias when a vocabulary has them. An unknown value
is a `ValidationError` naming the field and the known values (or, for long lists such as ids, the
closest ones), never an empty answer. The one place every door (CLI option, API query parameter,
page filter) resolves what was typed."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from intersector.domain.errors import ValidationError

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
        raise ValidationError(unknown_message(value, listed), field=field)
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


def unknown_message(value: str, known: list[str]) -> str:
    """`unknown value 'ITU-X': known values are itu-d, itu-r, itu-t` (or the closest ones)."""
    if len(known) <= SHOWN:
        return f"unknown value {value!r}: known values are {', '.join(sorted(known))}"
    close = difflib.get_close_matches(folded(value), [folded(k) for k in known], n=5, cutoff=0.6)
    by_folded = {folded(k): k for k in known}
    hint = f"; closest: {', '.join(by_folded[c] for c in close)}" if close else ""
    return f"unknown value {value!r} ({len(known)} known values){hint}"
