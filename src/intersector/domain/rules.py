"""The registry rules: ONE `validate` that every write path applies — `intersector load`,
`import-relaton`, the REST API and the web forms — so that what one door refuses, every door
refuses, with the same field and the same words.

`validate(item, existing, actor=…, stored=…)` takes a registry item (a dataclass of
`domain/registry.py`), a read-only view of what exists (`Existing`: which ids exist, the Sector of
each group, the links that must not loop) and, for the API and forms, who is acting and the item
as stored. It returns every `Refusal` (field, message); none means the item may be stored. It
refuses:

- text a database cannot keep the same on SQLite and PostgreSQL: NUL characters, lone surrogates;
  text and lists over sane lengths (`ID_MAX`, `TEXT_MAX`, `LONG_TEXT_MAX`, `LIST_MAX`);
- ids that are not readable ids (`domain.ids.make_id(x) == x`: lower case, no spaces);
- values outside the vocabularies (`VOCABULARIES`: kinds, statuses, states, Sectors — `itu` is a
  Sector of groups and activities of the whole Union, never of a roadmap);
- dates out of order (an activity's target, baseline target or finish before its start, a
  liaison's deadline before it was sent), a % complete outside 0-100, a study period whose years
  run backwards;
- references to items that do not exist (`REFERENCES`), and dependency / parent / reply chains
  that loop back to the item (`LINKS`);
- an activity in a group of another Sector;
- for a Sector editor (`Actor`): moving an item into a group of a Sector they do not edit, or
  clearing the group of an item that had one (`Refusal.forbidden`: a permission, not a value).

Standard library only, no I/O: the view is handed in.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from intersector.domain.ids import make_id
from intersector.domain.registry import (
    ACTIVITY_KINDS,
    ACTIVITY_STAGES,
    ACTIVITY_STATUSES,
    GROUP_KINDS,
    LIAISON_STATES,
    SECTORS,
    Activity,
    Group,
    Liaison,
    Mechanism,
    Roadmap,
    Sector,
    Subject,
)

# The item types a registry file, the API and the forms carry (users and tokens are not among
# them: they change only through `intersector user …` and the admin API).
REGISTRY_TYPES = ("sector", "subject", "group", "activity", "liaison", "mechanism", "roadmap")
TYPE_NAMES: dict[type[Any], str] = {
    Sector: "sector",
    Subject: "subject",
    Group: "group",
    Activity: "activity",
    Liaison: "liaison",
    Mechanism: "mechanism",
    Roadmap: "roadmap",
}

UNION = "itu"  # bodies and texts of the whole Union (Plenipotentiary, Council, intersector teams)
ACTIVITY_SECTORS = (*SECTORS, UNION)
GROUP_SECTORS = (*SECTORS, UNION, "external")

VOCABULARIES: dict[str, dict[str, tuple[str, ...]]] = {
    "sector": {"id": SECTORS},
    "group": {"sector": GROUP_SECTORS, "kind": GROUP_KINDS},
    "activity": {"sector": ACTIVITY_SECTORS, "kind": ACTIVITY_KINDS, "status": ACTIVITY_STATUSES},
    "liaison": {"state": LIAISON_STATES},
    "mechanism": {"kind": GROUP_KINDS},
    "roadmap": {"sector": SECTORS},
}

# Choices that may also be left empty (not recorded).
OPTIONAL_VOCABULARIES: dict[str, dict[str, tuple[str, ...]]] = {
    "activity": {"stage": ACTIVITY_STAGES},
}

# Whole numbers and their bounds: (field, lowest, highest).
BOUNDS: dict[str, tuple[tuple[str, int, int], ...]] = {
    "activity": (("percent_complete", 0, 100),),
}

# Dates that may not come before another of the same item: (later, earlier, words for earlier).
DATE_ORDER: tuple[tuple[str, str, str], ...] = (
    ("target", "start", "the start"),
    ("baseline_target", "start", "the start"),
    ("finished", "start", "the start"),
    ("deadline", "sent", "the day it was sent"),
)

# A study period written as years: "2022-2025" (a release such as "IMT-2030" is kept as written).
_PERIOD_YEARS = re.compile(r"(\d{4})\s*[-–]\s*(\d{4})")

# Fields that name other items: (field path, type referred to). `x[]` is a list of ids,
# `x[].y` the `y` of each element of the list `x`.
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "group": (("parent", "group"),),
    "subject": (("parent", "subject"),),
    "activity": (
        ("group", "group"),
        ("subjects[]", "subject"),
        ("dependencies[].on", "activity"),
    ),
    "liaison": (
        ("from_group", "group"),
        ("for_action[]", "group"),
        ("for_comment[]", "group"),
        ("for_information[]", "group"),
        ("replies_to", "liaison"),
        ("activities[]", "activity"),
    ),
    "mechanism": (("members[]", "group"), ("subjects[]", "subject")),
    "roadmap": (("subject", "subject"), ("entries[].activity", "activity")),
}

# The links between items of one type that must never loop back (a chain of parents, of
# dependencies, of replies).
LINKS: dict[str, str] = {
    "group": "parent",
    "subject": "parent",
    "activity": "dependencies[].on",
    "liaison": "replies_to",
}
LINK_WORDS = {
    "group": "parent",
    "subject": "parent",
    "activity": "dependency",
    "liaison": "reply",
}

ID_MAX = 200
TEXT_MAX = 4_000  # a title, a name, an address
LONG_TEXT_MAX = 200_000  # a summary, a liaison's body, a description
LONG_TEXT_FIELDS = frozenset({"summary", "body", "description"})
LIST_MAX = 2_000
CHAIN_MAX = 100_000  # items visited looking for a loop, at most


@dataclass(frozen=True)
class Refusal:
    """One reason an item may not be stored: the field at fault and what to do.
    `forbidden`: the actor may not make this change (a permission), not a bad value."""

    field: str
    message: str
    forbidden: bool = False


@dataclass(frozen=True)
class Actor:
    """Who writes through the API or a form: their role and, for an editor, their Sectors."""

    name: str
    role: str  # reader | editor | coordinator | admin
    sectors: tuple[str, ...] = ()


class Existing(Protocol):
    """A read-only view of the registry as it is (plus, for a file, the file's other items)."""

    def exists(self, type_name: str, item_id: str) -> bool:
        """Is there an item (withdrawn ones count) of this type and id?"""

    def group_sector(self, group_id: str) -> str | None:
        """The Sector of a group, None when there is no such group."""

    def links(self, type_name: str, item_id: str) -> tuple[str, ...]:
        """The ids the item points to along `LINKS[type_name]` (none for an unknown item)."""


def type_name_of(item: object) -> str:
    """`activity` for an `Activity`…; ValueError for anything that is not a registry item."""
    try:
        return TYPE_NAMES[type(item)]
    except KeyError:
        raise ValueError(f"not a registry item: {type(item).__name__}") from None


def validate(
    item: Any,
    existing: Existing,
    *,
    actor: Actor | None = None,
    stored: Any = None,
    loops: Container[tuple[str, str]] | None = None,
) -> list[Refusal]:
    """Every reason `item` may not be stored (none: it may). `stored`: the item as it is stored
    now (an update), for the Sector editor's rules. `loops`: for a batch, the (type, id) of its
    items that lie on a loop (`looping`), so that only those look for their loop."""
    type_name = type_name_of(item)
    refusals = [] if _text_looks_sound(item) else list(text_refusals(item))
    refusals.extend(_id_refusals(type_name, item))
    refusals.extend(_vocabulary_refusals(type_name, item))
    refusals.extend(_bound_refusals(type_name, item))
    refusals.extend(_date_refusals(item))
    refusals.extend(_period_refusals(item))
    if refusals:  # references and loops are judged on an item whose values are sound
        return refusals
    refusals.extend(reference_refusals(type_name, item, existing))
    if loops is None or (type_name, item.id) in loops:
        refusals.extend(_loop_refusals(type_name, item, existing))
    refusals.extend(_sector_refusals(type_name, item, existing))
    if actor is not None and actor.role == "editor":
        refusals.extend(_editor_refusals(type_name, item, existing, actor, stored))
    return refusals


# --- text ---------------------------------------------------------------------------------------

_SUSPECT = re.compile(r"\\x00|\\ud[89a-f]")  # how NUL and surrogates show in a repr


def _text_looks_sound(item: Any) -> bool:
    """A quick look (one repr) that finds no NUL, surrogate or overlong text in a registry item;
    False only means the careful walk (`text_refusals`) must judge."""
    shown = repr(item)
    if _SUSPECT.search(shown) or len(item.id) > ID_MAX:
        return False
    if len(shown) <= TEXT_MAX:
        return True
    return all(_field_looks_sound(f.name, getattr(item, f.name)) for f in dataclasses.fields(item))


def _field_looks_sound(name: str, value: object) -> bool:
    limit = text_limit(name)
    if isinstance(value, str):
        return len(value) <= limit
    if isinstance(value, tuple):
        return len(value) <= LIST_MAX and all(
            len(v if isinstance(v, str) else repr(v)) <= limit for v in value
        )
    return len(repr(value)) <= limit


def text_refusals(value: object, name: str = "", *, limits: bool = True) -> Iterator[Refusal]:
    """Text no database may keep, or keep the same way on SQLite and PostgreSQL: NUL characters
    and lone surrogates, anywhere in `value` (a dataclass, mapping, list or text); with `limits`
    (registry items), also text and lists over the length limits. Field names as
    `dependencies[1].reason`."""
    if isinstance(value, str):
        yield from _string_refusals(value, name, limits)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from text_refusals(getattr(value, f.name), _join(name, f.name), limits=limits)
    elif isinstance(value, Mapping):
        for key, inner in value.items():
            yield from text_refusals(key, name, limits=limits)
            inner_name = f"{name}.{key}" if _plain(key) else name
            yield from text_refusals(inner, inner_name, limits=limits)
    elif isinstance(value, tuple | list):
        if limits and len(value) > LIST_MAX:
            yield Refusal(name, f"{len(value):,} elements: at most {LIST_MAX:,} are allowed")
            return
        for i, inner in enumerate(value):
            yield from text_refusals(inner, f"{name}[{i}]", limits=limits)
    elif isinstance(value, float) and not math.isfinite(value):
        yield Refusal(name, f"{value!r} is not a number that can be stored")


def _join(name: str, inner: str) -> str:
    return f"{name}.{inner}" if name else inner


def _plain(key: object) -> bool:
    return isinstance(key, str) and key.isprintable() and "\x00" not in key and len(key) < 100


def _string_refusals(text: str, name: str, limits: bool) -> Iterator[Refusal]:
    if "\x00" in text:
        yield Refusal(name, "contains a NUL character (U+0000): remove it")
    if _has_surrogate(text):
        yield Refusal(name, "is not valid Unicode (a lone surrogate such as \\ud800): fix the text")
    limit = text_limit(name)
    if limits and len(text) > limit:
        yield Refusal(name, f"{len(text):,} characters: at most {limit:,} are allowed here")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def text_limit(name: str) -> int:
    """The longest text allowed in the field `name` (`id`, `title`, `summary`, `labels.en`…)."""
    top = name.split("[", 1)[0].split(".", 1)[0]
    if top == "id":
        return ID_MAX
    if top in LONG_TEXT_FIELDS:
        return LONG_TEXT_MAX
    return TEXT_MAX


# --- ids and vocabularies -----------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 16)  # the same groups and subjects are named again and again
def id_problem(value: str) -> str | None:
    """Why `value` is not a readable id (`itu-t-sg13`), or None when it is one."""
    if value and make_id(value) == value:
        return None
    suggestion = make_id(value)
    hint = f": use {suggestion!r}" if suggestion else ""
    return f"{value!r} is not an id (lower-case letters, digits, dots and hyphens, no spaces){hint}"


def _id_refusals(type_name: str, item: Any) -> Iterator[Refusal]:
    problem = id_problem(item.id)
    if problem:
        yield Refusal("id", problem)
    for path, _target in REFERENCES.get(type_name, ()):
        for where, value in values_at(item, path):
            if value and (problem := id_problem(value)):
                yield Refusal(where, problem)


def _vocabulary_refusals(type_name: str, item: Any) -> Iterator[Refusal]:
    for name, allowed in VOCABULARIES.get(type_name, {}).items():
        value = getattr(item, name)
        if value not in allowed:
            yield Refusal(name, f"{value!r} is not a known {name}: use one of {', '.join(allowed)}")
    for name, allowed in OPTIONAL_VOCABULARIES.get(type_name, {}).items():
        value = getattr(item, name)
        if value and value not in allowed:
            yield Refusal(
                name,
                f"{value!r} is not a known {name}: use one of {', '.join(allowed)}, or leave it "
                "empty",
            )


def _bound_refusals(type_name: str, item: Any) -> Iterator[Refusal]:
    for name, lowest, highest in BOUNDS.get(type_name, ()):
        value: int | None = getattr(item, name)
        if value is not None and not lowest <= value <= highest:
            words = f"{value} is out of range: give a number from {lowest} to {highest}"
            yield Refusal(name, words)


def _date_refusals(item: Any) -> Iterator[Refusal]:
    for last, first, words in DATE_ORDER:
        before: date | None = getattr(item, first, None)
        after: date | None = getattr(item, last, None)
        if before is not None and after is not None and after < before:
            yield Refusal(last, f"{after.isoformat()} is before {words} ({before.isoformat()})")


def _period_refusals(item: Any) -> Iterator[Refusal]:
    """A study period written as years runs forwards ("2022-2025", not "2025-2022")."""
    match = _PERIOD_YEARS.fullmatch(getattr(item, "period", "") or "")
    if match and int(match[2]) < int(match[1]):
        yield Refusal(
            "period", f"{match[0]!r} ends before it begins: write the years as 'first-last'"
        )


# --- references and loops -----------------------------------------------------------------------


def values_at(item: Any, path: str) -> Iterator[tuple[str, str]]:
    """(field as reported, id) for each id at `path` (`group`, `subjects[]`, `entries[].x`)."""
    head, brackets, rest = path.partition("[]")
    value = getattr(item, head)
    if not brackets:
        yield head, value
        return
    for i, element in enumerate(value):
        if rest:
            yield f"{head}[{i}]{rest}", getattr(element, rest.lstrip("."))
        else:
            yield f"{head}[{i}]", element


def reference_refusals(type_name: str, item: Any, existing: Existing) -> Iterator[Refusal]:
    """A refusal for each id the item names that no item of the right type has."""
    for path, target in REFERENCES.get(type_name, ()):
        for where, value in values_at(item, path):
            if value and not existing.exists(target, value):
                yield Refusal(
                    where,
                    f"refers to an unknown {target} {value!r}: create or load it first, "
                    "or fix the id",
                )


def links_of(type_name: str, item: Any) -> tuple[str, ...]:
    """The ids `item` points to along `LINKS[type_name]`."""
    path = LINKS.get(type_name)
    if path is None:
        return ()
    return tuple(value for _where, value in values_at(item, path) if value)


def _loop_refusals(type_name: str, item: Any, existing: Existing) -> Iterator[Refusal]:
    path = LINKS.get(type_name)
    if path is None:
        return
    for where, value in values_at(item, path):
        if not value:
            continue
        chain = _chain_back(type_name, item.id, value, existing)
        if chain is not None:
            shown = " → ".join([item.id, *chain])
            yield Refusal(where, f"a {LINK_WORDS[type_name]} loop: {shown}")


def looping(items: Iterable[Any], existing: Existing) -> set[tuple[str, str]]:
    """The (type, id) of the items — of a batch, seen with `existing` — that lie on a loop of
    `LINKS` (strongly connected components, in time linear in the links followed)."""
    starts: dict[str, list[str]] = {}
    for item in items:
        name = type_name_of(item)
        if name in LINKS:
            starts.setdefault(name, []).append(item.id)
    found: set[tuple[str, str]] = set()
    for name, ids in starts.items():
        links = functools.partial(existing.links, name)
        found.update((name, node) for node in _on_cycles(ids, links))
    return found


def _on_cycles(starts: Iterable[str], links: Callable[[str], tuple[str, ...]]) -> set[str]:
    """Nodes on a cycle among those reachable from `starts` (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: set[str] = set()

    def visit(node: str) -> tuple[str, Iterator[str]]:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        return node, iter(links(node))

    for root in starts:
        if root in index:
            continue
        work = [visit(root)]
        while work:
            node, ahead = work[-1]
            nxt = next((n for n in ahead if n not in index or n in on_stack), None)
            if nxt is not None:
                if nxt in index:
                    low[node] = min(low[node], index[nxt])
                else:
                    work.append(visit(nxt))
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = _pop_component(stack, on_stack, node)
                if len(component) > 1 or node in links(node):
                    cycles.update(component)
    return cycles


def _pop_component(stack: list[str], on_stack: set[str], root: str) -> list[str]:
    component: list[str] = []
    while True:
        node = stack.pop()
        on_stack.discard(node)
        component.append(node)
        if node == root:
            return component


def _chain_back(type_name: str, start: str, first: str, existing: Existing) -> list[str] | None:
    """The chain of links from `first` back to `start`, if there is one (breadth first)."""
    came_from: dict[str, str] = {first: ""}
    queue = [first]
    while queue and len(came_from) <= CHAIN_MAX:
        node = queue.pop(0)
        if node == start:
            chain = [node]
            while came_from[chain[-1]]:
                chain.append(came_from[chain[-1]])
            return chain[::-1]
        for nxt in existing.links(type_name, node):
            if nxt not in came_from:
                came_from[nxt] = node
                queue.append(nxt)
    return None


# --- Sectors ------------------------------------------------------------------------------------


def _sector_refusals(type_name: str, item: Any, existing: Existing) -> Iterator[Refusal]:
    """An activity's group is of the activity's Sector (or of the whole Union)."""
    if type_name != "activity" or not item.group:
        return
    sector = existing.group_sector(item.group)
    if sector is not None and sector not in (item.sector, UNION):
        yield Refusal(
            "group",
            f"the group {item.group!r} belongs to {sector}; this activity belongs to "
            f"{item.sector}: choose a group of {item.sector}",
        )


def _editor_refusals(
    type_name: str, item: Any, existing: Existing, actor: Actor, stored: Any
) -> Iterator[Refusal]:
    """A Sector editor keeps their items in their own Sectors' groups and never clears the group
    of an item that has one."""
    for name in ("group", "from_group"):
        group = getattr(item, name, None)
        if group is None:
            continue
        before = getattr(stored, name, "") if stored is not None else ""
        if not group and before:
            where = existing.group_sector(before) or "another Sector"
            yield Refusal(
                name,
                f"this {type_name} belongs to the group {before!r} ({where}); {actor.name} may "
                "not clear its group: only a coordinator may",
                forbidden=True,
            )
        sector = existing.group_sector(group) if group else None
        if sector is not None and sector not in actor.sectors:
            yield Refusal(
                name,
                f"{actor.name} edits {', '.join(actor.sectors) or 'no Sector'}; the group "
                f"{group!r} belongs to {sector}",
                forbidden=True,
            )


# --- a view over a batch of items ---------------------------------------------------------------


class WithItems:
    """`existing` as it will be once `items` are stored (a file's or an import's items): their
    ids exist, their groups have their Sectors, their links replace the stored ones."""

    def __init__(self, existing: Existing, items: Iterable[Any]) -> None:
        self._existing = existing
        self._items: dict[tuple[str, str], Any] = {}
        for item in items:
            self._items[(type_name_of(item), item.id)] = item

    def exists(self, type_name: str, item_id: str) -> bool:
        return (type_name, item_id) in self._items or self._existing.exists(type_name, item_id)

    def group_sector(self, group_id: str) -> str | None:
        group = self._items.get(("group", group_id))
        if group is not None:
            return str(group.sector)
        return self._existing.group_sector(group_id)

    def links(self, type_name: str, item_id: str) -> tuple[str, ...]:
        item = self._items.get((type_name, item_id))
        if item is not None:
            return links_of(type_name, item)
        return self._existing.links(type_name, item_id)


class Nothing:
    """An empty registry."""

    def exists(self, type_name: str, item_id: str) -> bool:
        return False

    def group_sector(self, group_id: str) -> str | None:
        return None

    def links(self, type_name: str, item_id: str) -> tuple[str, ...]:
        return ()
