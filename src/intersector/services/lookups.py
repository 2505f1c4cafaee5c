"""What people type at any door — a Sector, subject, status, kind, group or item id in a CLI
option, an API query parameter or a page filter — resolved to the registry's own value, once,
here: `domain.lookup` does the matching (any case; subjects also by label, acronym or keyword in
any language), this module hands it what the store knows. An unknown value is an
`UnknownValueError` naming the field and the known values: exit 2 in the CLI, a 422 problem in
the API, an error page on the web. Never an empty answer."""

from __future__ import annotations

from collections.abc import Mapping

from intersector.coordination.taxonomy import RESOLUTION_57_SUBJECTS
from intersector.domain import lookup
from intersector.domain.codec import ITEM_TYPES
from intersector.domain.errors import NotFoundError, UnknownValueError
from intersector.domain.registry import Subject
from intersector.domain.rules import REGISTRY_TYPES
from intersector.store import Store


def known_subjects(store: Store) -> list[Subject]:
    """The registry's subjects (withdrawn ones too: old items still name them), or the eight of
    Resolution 57 when the registry has none yet."""
    return list(store.list("subject", include_withdrawn=True)) or list(RESOLUTION_57_SUBJECTS)


def sector(typed: str, *, field: str = "sector") -> str:
    """`ITU-D` → `itu-d`; "" (nothing typed) stays "" (no filter)."""
    return lookup.sector(typed, field=field) if typed.strip() else ""


def subject(store: Store, typed: str, *, field: str = "subject") -> str:
    """The id of the subject typed (`IMT-2020`, `5G`, `CEM`, `Intergiciels`); "" stays ""."""
    return lookup.subject(typed, known_subjects(store), field=field) if typed.strip() else ""


def named_subject(store: Store, typed: str) -> Subject:
    """The stored subject a path names (`/roadmaps/IMT-2020`): as `subject`, but NotFoundError
    (a 404 on the web) when there is none."""
    known = known_subjects(store)
    try:
        found = lookup.subject(typed, known)
    except UnknownValueError as error:
        listed = ", ".join(error.known) or "none: load the registry first"
        raise NotFoundError(
            f"no subject {typed!r}; known subjects: {listed}", field="subject"
        ) from None
    return next(s for s in known if s.id == found)


def item_type(typed: str, *, field: str = "type") -> str:
    """A registry type named in any case, singular or plural (`Activities` → `activity`)."""
    aliases = {t.plural: t.name for t in ITEM_TYPES.values() if t.name in REGISTRY_TYPES}
    return lookup.lookup(typed, REGISTRY_TYPES, field=field, aliases=aliases)


def item_id(store: Store, type_name: str, typed: str, *, field: str = "id") -> str:
    """The stored id of a `type_name` item typed in any case (`ITU-T-REC-Y.3101`);
    NotFoundError naming the closest ids when there is none."""
    for candidate in dict.fromkeys((typed, typed.strip(), lookup.folded(typed))):
        if store.exists(type_name, candidate):
            return candidate
    known = store.ids(type_name)
    by_folded = {lookup.folded(k): k for k in known}
    found = by_folded.get(lookup.folded(typed))
    if found is None:
        shown = lookup.shown_values(typed, sorted(known))
        words = "known" if len(known) <= lookup.SHOWN else "closest"
        hint = f"; {words}: {', '.join(shown)}" if shown else ""
        raise NotFoundError(f"no {type_name} {typed!r}{hint}", field=field)
    return found


def find(store: Store, typed: str) -> tuple[str, str]:
    """The (type, id) of the registry item whose id is `typed` in any case; NotFoundError."""
    for candidate in dict.fromkeys((typed, typed.strip(), lookup.folded(typed))):
        types = store.find(candidate)
        if types:
            return types[0], candidate
    raise NotFoundError(
        f"nothing stored with id {typed!r}: no document and no registry item "
        "(ingest texts with `intersector ingest`, registry files with `intersector load`)",
        field="id",
    )


def registry_filters(
    store: Store, type_name: str, typed: Mapping[str, str | None]
) -> dict[str, str]:
    """The filters of a list of `type_name` items (sector, group, kind, status, subject) as
    typed → as stored; those left empty are left out."""
    wanted = {name: value for name, value in typed.items() if value and value.strip()}
    out = {}
    for name, value in wanted.items():
        groups = store.ids("group") if name == "group" else ()
        subjects = known_subjects(store) if name == "subject" else ()
        out[name] = lookup.registry_filter(type_name, name, value, groups=groups, subjects=subjects)
    return out
