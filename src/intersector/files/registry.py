"""Registry files: load, validate and export the whole registry as YAML, JSON or CSV.

YAML and JSON: one mapping whose keys are item types in plural (`groups`, `activities`, …), each a
list of mappings whose keys are the fields of the dataclasses in `domain/registry.py` (lists for
tuples, dates `YYYY-MM-DD`, nested `dependencies` [{on, reason}], `milestones` [{name, date}],
roadmap `entries` [{activity, milestones, note}], subject `labels` {en, fr, es}).
CSV: one file per type named `<plural>.csv` (`activities.csv`), a header of field names; list
fields joined by "; " (a JSON list when an element holds "; " itself), nested fields as JSON; a
cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) or that starts
with an apostrophe is written after one more apostrophe, which loading takes away
(`domain.cells`).

`load_paths(paths)` reads every file and validates EVERYTHING before anything is stored: each
problem is reported with its file, line and field (unknown field, missing required field, bad
date, bad enum value, duplicate id, reference to an unknown group/activity/subject/liaison). A
file with any problem gives no items; the other files still do. `export_registry` writes files
that `load_paths` reads back to the same items.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import json
import math
import re
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from intersector.domain import codec, rules
from intersector.domain.cells import neutralise, restore
from intersector.domain.errors import ValidationError

csv.field_size_limit(max(csv.field_size_limit(), 4 * rules.LONG_TEXT_MAX))

SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv"}
FORMATS = ("yaml", "json", "csv")


@dataclass(frozen=True)
class RowError:
    """One problem in a registry file, as precisely placed as the format allows."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        place = ", ".join(
            bit
            for bit in (
                self.file,
                f"line {self.line}" if self.line else "",
                f"field {self.field!r}" if self.field else "",
            )
            if bit
        )
        return f"{place}: {self.message}"


@dataclass(frozen=True)
class FileLoad:
    """One file read: its items (none if it has errors) and its errors."""

    path: str
    items: tuple[Any, ...] = ()
    errors: tuple[RowError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class LoadResult:
    """Every file read by `load_paths`."""

    files: tuple[FileLoad, ...]

    @property
    def items(self) -> list[Any]:
        """The items of the files without errors, referenced types first (groups before
        activities, …)."""
        order = {name: i for i, name in enumerate(codec.ITEM_TYPES)}
        found = [item for f in self.files if f.ok for item in f.items]
        return sorted(found, key=lambda item: order[codec.item_type_of(item).name])

    @property
    def errors(self) -> list[RowError]:
        return [error for f in self.files for error in f.errors]


# --- reading files into raw rows ------------------------------------------------------------------


# (plural key, item index, field) → line in the file, when known.
Locator = Callable[[str, int, str], int | None]


@dataclass
class Row:
    """One item as read from a file, before validation."""

    type_name: str
    index: int  # position among the items of its type in its file
    data: Any


@dataclass
class ParsedFile:
    path: str
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    locate: Locator = field(default=lambda plural, index, name: None)


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, folders as the registry files inside them (recursively, sorted)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        else:
            yield path


def parse_file(path: Path) -> ParsedFile:
    """Read one file into rows (no validation of the rows yet)."""
    parsed = ParsedFile(str(path))
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(SUFFIXES)
        return _failed(parsed, None, f"not a registry file: use one of {known}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        return _failed(parsed, None, f"cannot read the file: {error}")
    {"yaml": _parse_yaml, "json": _parse_json, "csv": _parse_csv}[kind](text, parsed)
    return parsed


def _failed(parsed: ParsedFile, line: int | None, message: str, name: str = "") -> ParsedFile:
    parsed.errors.append(RowError(parsed.path, line, name, message))
    return parsed


def registry_type(name: str) -> codec.ItemType:
    """The registry item type named `name` (singular or plural). Anything else — users, tokens,
    reviews — is refused: a registry file carries registry items only; users and tokens change
    only through `intersector user …` and the admin API."""
    known = ", ".join(codec.ITEM_TYPES[t].plural for t in rules.REGISTRY_TYPES)
    for type_name in rules.REGISTRY_TYPES:
        item_type = codec.ITEM_TYPES[type_name]
        if name in (item_type.name, item_type.plural):
            return item_type
    if name in ("user", "users", "token", "tokens"):
        raise ValidationError(
            f"{name!r}: users and tokens are not registry items and are never loaded from a "
            "file; use `intersector user …` or the admin API. A registry file carries "
            f"{known}",
            field=name,
        )
    raise ValidationError(f"unknown item type {name!r}: use one of {known}", field=name)


def _top_level(parsed: ParsedFile, data: Any, key_line: Callable[[str], int | None]) -> None:
    """Rows from the top-level mapping {plural type: [items]} of a YAML or JSON file."""
    if not isinstance(data, Mapping):
        _failed(parsed, 1, "expected a mapping of item types (groups:, activities:, …)")
        return
    for key, items in data.items():
        try:
            item_type = registry_type(str(key))
        except ValidationError as error:
            _failed(parsed, key_line(str(key)), error.message, str(key))
            continue
        if not isinstance(items, list):
            _failed(parsed, key_line(str(key)), "expected a list of items", str(key))
            continue
        parsed.rows.extend(Row(item_type.name, i, item) for i, item in enumerate(items))


_DROPPED_TAGS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
_LONGEST_NUMBER = 1_000  # digits: Python refuses to read or print much longer ones


class _YamlKeyError(yaml.MarkedYAMLError):
    """A mapping key given twice (the first would be silently dropped)."""

    def __init__(self, key: str, first: int, mark: Any) -> None:
        problem = f"duplicate key {key!r} (first at line {first})"
        super().__init__(problem=problem, problem_mark=mark)
        self.key = key


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML where only true/false are booleans (YAML 1.2): in YAML 1.1 `on:` — the key of
    every dependency — would be read as True, and `no`/`yes` too. Dates stay text, so that a bad
    one (`2025-02-30`) is reported by the codec with its field instead of crashing. A key given
    twice in one mapping, and a number too long to read, are errors with their line."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, _value in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                    continue
                line = key_node.start_mark.line + 1
                if key_node.value in seen:
                    raise _YamlKeyError(key_node.value, seen[key_node.value], key_node.start_mark)
                seen[key_node.value] = line
        return super().construct_mapping(node, deep=deep)

    def construct_number(self, node: Any) -> Any:
        if len(str(node.value)) > _LONGEST_NUMBER:
            raise yaml.constructor.ConstructorError(
                None, None, f"a number of {len(node.value):,} digits is too long", node.start_mark
            )
        if node.tag.endswith(":int"):
            return self.construct_yaml_int(node)
        return self.construct_yaml_float(node)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_number)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_number)


# what aliases may add to a file's nodes: a billion laughs (nine anchors of nine aliases each)
# is a few hundred nodes that expand to a billion, which every walk of the data would visit
MAX_ALIAS_GROWTH = 10  # times the nodes written in the file…
MAX_ALIAS_EXTRA = 10_000  # …plus this many


class _AliasBombError(yaml.MarkedYAMLError):
    """Aliases that repeat an anchor into far more nodes than the file holds, or an anchor that
    contains an alias to itself."""


def _check_aliases(root: Any) -> None:
    """Refuse a node graph whose aliases expand to more than `MAX_ALIAS_GROWTH` times its
    distinct nodes (plus `MAX_ALIAS_EXTRA`), naming the line of the smallest anchor that grows
    past it, or that is recursive. Linear: each distinct node's expanded size is computed once."""
    sizes: dict[int, int] = {}
    nodes: dict[int, Any] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            nodes[key] = node
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise _AliasBombError(
                problem="an alias refers to its own anchor", problem_mark=node.start_mark
            )
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    allowed = MAX_ALIAS_GROWTH * len(sizes) + MAX_ALIAS_EXTRA
    if sizes[id(root)] > allowed:
        size, key = min((size, key) for key, size in sizes.items() if size > allowed)
        raise _AliasBombError(
            problem=f"aliases repeat this value into {size:,} nodes, more than the "
            f"{allowed:,} the file's {len(sizes):,} nodes may grow to (a 'billion laughs'): "
            "write the repeated values out",
            problem_mark=nodes[key].start_mark,
        )


def _children(node: Any) -> list[Any]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _parse_yaml(text: str, parsed: ParsedFile) -> None:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_aliases(node)
        data = loader.construct_document(node) if node is not None else None
    except _YamlKeyError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        _failed(parsed, line, f"not valid here: {error.problem}", error.key)
        return
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        _failed(parsed, line, f"not valid YAML: {error.problem or error}")
        return
    except yaml.YAMLError as error:
        _failed(parsed, None, f"not valid YAML: {error}")
        return
    except RecursionError:
        _failed(parsed, None, "not valid here: nested too deeply")
        return
    finally:
        loader.dispose()
    lines = _yaml_lines(node)
    parsed.locate = lambda plural, index, name: lines.get((plural, index, name))
    _top_level(parsed, data, lambda key: lines.get((key, -1, "")))


def _yaml_lines(node: Any) -> dict[tuple[str, int, str], int]:
    """(plural key, item index, field) → line; (key, -1, "") for the top-level keys and
    (key, index, "") for each item's first line."""
    lines: dict[tuple[str, int, str], int] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key_node, value_node in node.value:
        key = str(key_node.value)
        lines[(key, -1, "")] = key_node.start_mark.line + 1
        if not isinstance(value_node, yaml.SequenceNode):
            continue
        for index, item in enumerate(value_node.value):
            lines[(key, index, "")] = item.start_mark.line + 1
            if isinstance(item, yaml.MappingNode):
                for field_node, _value in item.value:
                    lines[(key, index, str(field_node.value))] = field_node.start_mark.line + 1
    return lines


def _parse_json(text: str, parsed: ParsedFile) -> None:
    try:
        data = json.loads(
            text, object_pairs_hook=_unique_keys, parse_int=_json_int, parse_constant=float
        )
    except json.JSONDecodeError as error:
        _failed(parsed, error.lineno, f"not valid JSON: {error.msg} (column {error.colno})")
        return
    except _DuplicateKeyError as error:
        line = _last_key_line(text, error.key)
        _failed(parsed, line, f"not valid here: duplicate key {error.key!r}", error.key)
        return
    except RecursionError:
        _failed(parsed, _deep_line(text), "not valid JSON: nested too deeply")
        return
    cache: dict[str, dict[tuple[str, int, str], int]] = {}

    def locate(plural: str, index: int, name: str) -> int | None:
        if "lines" not in cache:  # scanned only when an error needs a line
            cache["lines"] = _json_lines(text)
        return cache["lines"].get((plural, index, name))

    parsed.locate = locate
    _top_level(parsed, data, lambda key: locate(key, -1, ""))


class _DuplicateKeyError(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKeyError(key)
        found[key] = value
    return found


def _json_int(digits: str) -> int | float:
    """A JSON whole number; one too long to read becomes infinity, refused with its field."""
    return int(digits) if len(digits) <= _LONGEST_NUMBER else math.inf


def _last_key_line(text: str, key: str) -> int | None:
    found = None
    for match in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text):
        found = match.start()
    return None if found is None else text.count("\n", 0, found) + 1


def _deep_line(text: str, limit: int = 500) -> int:
    """The line where brackets first nest `limit` deep (strings not told apart: a hint)."""
    depth = 0
    for position, char in enumerate(text):
        depth += (char in "[{") - (char in "]}")
        if depth >= limit:
            return text.count("\n", 0, position) + 1
    return 1


_JSON_TOKEN = re.compile(r'"((?:[^"\\\n]|\\.)*)"(\s*:)?|[{}\[\]\n]')


def _json_lines(text: str) -> dict[tuple[str, int, str], int]:
    """The lines of top-level keys, items and item fields of a registry JSON text."""
    lines: dict[tuple[str, int, str], int] = {}
    line, depth, key, index = 1, 0, "", -1
    for match in _JSON_TOKEN.finditer(text):
        token = match.group(0)
        if token == "\n":
            line += 1
        elif token in "{[":
            depth += 1
            if depth == 3 and token == "{":
                index += 1
                lines[(key, index, "")] = line
        elif token in "}]":
            depth -= 1
        elif match.group(2):  # a key
            name = json.loads(f'"{match.group(1)}"')
            if depth == 1:
                key, index = name, -1
                lines[(key, -1, "")] = line
            elif depth == 3:
                lines[(key, index, name)] = line
        line += token.count("\n") if token[0] == '"' else 0
    return lines


def _parse_csv(text: str, parsed: ParsedFile) -> None:
    stem = Path(parsed.path).stem
    try:
        item_type = registry_type(stem)
    except ValidationError as error:
        known = ", ".join(f"{codec.ITEM_TYPES[t].plural}.csv" for t in rules.REGISTRY_TYPES)
        if stem in ("user", "users", "token", "tokens"):
            _failed(parsed, None, error.message)
        else:
            _failed(parsed, None, f"a CSV file is named after its item type: {known}")
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header:
        _failed(parsed, 1, "empty CSV file: the first line must name the fields")
        return
    header = [h.strip() for h in header]
    known_fields = {f.name: f for f in fields(item_type.cls)}
    for column, name in enumerate(header, 1):
        if name not in known_fields:
            message = f"unknown field {name!r}; known fields: {', '.join(known_fields)}"
            _failed(parsed, 1, message, name)
        elif name in header[: column - 1]:
            first = header.index(name) + 1
            _failed(parsed, 1, f"column {column} repeats the field of column {first}", name)
    starts: dict[int, int] = {}
    index, start = 0, reader.line_num + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                parsed.rows.append(Row(item_type.name, index, _csv_row(header, cells, parsed)))
                starts[index], index = start, index + 1
            start = reader.line_num + 1
    except csv.Error as error:
        _failed(parsed, reader.line_num, f"not valid CSV: {error}")
    parsed.locate = lambda plural, i, name: starts.get(i)


def _csv_row(header: list[str], cells: list[str], parsed: ParsedFile) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name, cell in zip(header, cells, strict=False):
        row[name] = restore(cell)  # the apostrophe an export put before a formula
    if len(cells) > len(header):
        row["(extra cells)"] = cells[len(header) :]
    return row


# --- validating ---------------------------------------------------------------------------------


@dataclass
class _Candidate:
    """A row being validated: where it came from, its item once decoded, its problems."""

    file: ParsedFile
    row: Row
    item: Any = None
    problems: list[tuple[str, str]] = field(default_factory=list)


def load_paths(
    paths: Iterable[str | Path],
    *,
    known: Mapping[str, Iterable[str]] | rules.Existing | None = None,
) -> LoadResult:
    """Read and validate every registry file under `paths`. `known`: what is stored already,
    that references may name — a `domain.rules.Existing` view, or ids by type
    (`{"group": {...}}`)."""
    parsed = [parse_file(path) for path in expand(paths)]
    candidates = [_Candidate(p, row) for p in parsed for row in p.rows]
    for candidate in candidates:
        _decode(candidate)
    existing = _view(known)
    _check_rules(candidates, existing)
    _check_duplicates(candidates)
    _check_loadable(candidates, parsed, existing)
    return LoadResult(tuple(_file_load(p, candidates) for p in parsed))


def _view(known: Mapping[str, Iterable[str]] | rules.Existing | None) -> rules.Existing:
    if known is None:
        return rules.Nothing()
    if isinstance(known, Mapping):
        return KnownIds(known)
    return known


class KnownIds:
    """The view of a registry known only by its ids (no Sectors of groups, no links)."""

    def __init__(self, ids: Mapping[str, Iterable[str]]) -> None:
        self._ids = {name: set(found) for name, found in ids.items()}

    def exists(self, type_name: str, item_id: str) -> bool:
        return item_id in self._ids.get(type_name, ())

    def group_sector(self, group_id: str) -> str | None:
        return None

    def links(self, type_name: str, item_id: str) -> tuple[str, ...]:
        return ()


def _decode(candidate: _Candidate) -> None:
    item_type = codec.ITEM_TYPES[candidate.row.type_name]
    data = candidate.row.data
    if isinstance(data, Mapping) and "(extra cells)" in data:
        candidate.problems.append(("", "more cells than the header has fields"))
        data = {k: v for k, v in data.items() if k != "(extra cells)"}
    if candidate.file.path.lower().endswith(".csv") and isinstance(data, Mapping):
        data, cell_problems = _from_cells(item_type.cls, data)
        candidate.problems.extend(cell_problems)
    try:
        item, problems = codec.decode(item_type.cls, data)
    except RecursionError:
        candidate.problems.append(("", "nested too deeply"))
        return
    candidate.problems.extend((p.field, p.message) for p in problems)
    for name in sorted(_required_fields(item_type.cls)):
        if item is not None and getattr(item, name) == "":
            candidate.problems.append((name, f"the required field {name!r} is empty"))
    candidate.item = item if not candidate.problems else None


def _required_fields(cls: type[Any]) -> frozenset[str]:
    """Fields without a default: they must be given (and, for text, not empty)."""
    return _required_cached(typing.cast(Any, cls))  # Any: classes are hashable


@functools.cache
def _required_cached(cls: Any) -> frozenset[str]:
    return frozenset(
        f.name
        for f in fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


def _check_rules(candidates: list[_Candidate], existing: rules.Existing) -> None:
    """The registry rules (`domain.rules.validate`) on every decoded row, the registry seen as
    it will be once every file is loaded (so rows may name each other, across files)."""
    decoded = [c.item for c in candidates if c.item is not None]
    view = rules.WithItems(existing, decoded)
    loops = rules.looping(decoded, view)
    for candidate in candidates:
        if candidate.item is not None:
            found = rules.validate(candidate.item, view, loops=loops)
            candidate.problems.extend((r.field, r.message) for r in found)


def _check_duplicates(candidates: list[_Candidate]) -> None:
    first: dict[tuple[str, str], _Candidate] = {}
    for candidate in candidates:
        if candidate.item is None:
            continue
        key = (candidate.row.type_name, candidate.item.id)
        if key in first:
            seen = first[key]
            where = _line(seen, "id")
            place = f"{seen.file.path}" + (f", line {where}" if where else "")
            message = f"duplicate {key[0]} id {key[1]!r} (first at {place})"
            candidate.problems.append(("id", message))
        else:
            first[key] = candidate


def _check_loadable(
    candidates: list[_Candidate], parsed: list[ParsedFile], existing: rules.Existing
) -> None:
    """As a file with errors loads nothing, rows naming items defined only in such a file fail
    too (repeated until stable)."""
    while True:
        bad_files = {id(p) for p in parsed if p.errors}
        bad_files |= {id(c.file) for c in candidates if c.problems}
        loadable = {
            (c.row.type_name, c.item.id)
            for c in candidates
            if c.item is not None and id(c.file) not in bad_files
        }
        newly = False
        for candidate in candidates:
            if id(candidate.file) in bad_files:
                continue
            problems = list(_not_loadable(candidate, loadable, existing))
            candidate.problems.extend(problems)
            newly = newly or bool(problems)
        if not newly:
            return


def _not_loadable(
    candidate: _Candidate, loadable: set[tuple[str, str]], existing: rules.Existing
) -> Iterator[tuple[str, str]]:
    if candidate.item is None:
        return
    for path, target in rules.REFERENCES.get(candidate.row.type_name, ()):
        for where, value in rules.values_at(candidate.item, path):
            if value and (target, value) not in loadable and not existing.exists(target, value):
                yield (
                    where,
                    f"refers to a not loadable {target} {value!r}: it is defined in a file "
                    "with errors, which loads nothing: fix that file",
                )


def _file_load(parsed: ParsedFile, candidates: list[_Candidate]) -> FileLoad:
    mine = [c for c in candidates if c.file is parsed]
    errors = list(parsed.errors)
    for candidate in mine:
        for name, message in candidate.problems:
            errors.append(RowError(parsed.path, _line(candidate, name), name, message))
    if errors:
        return FileLoad(parsed.path, (), tuple(errors))
    return FileLoad(parsed.path, tuple(c.item for c in mine), ())


def _line(candidate: _Candidate, name: str) -> int | None:
    plural = _plural_key(candidate)
    top = name.split("[", 1)[0].split(".", 1)[0]
    return candidate.file.locate(plural, candidate.row.index, top) or candidate.file.locate(
        plural, candidate.row.index, ""
    )


def _plural_key(candidate: _Candidate) -> str:
    """The key the row was under in its file (plural, or as written for YAML/JSON)."""
    item_type = codec.ITEM_TYPES[candidate.row.type_name]
    for key in (item_type.plural, item_type.name):
        if candidate.file.locate(key, candidate.row.index, "") is not None:
            return key
    return item_type.plural


# --- CSV cells ----------------------------------------------------------------------------------


def _from_cells(
    cls: type[Any], row: Mapping[str, str]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """CSV text cells → the values the codec reads: lists split on "; ", nested fields JSON.
    An empty cell is an empty value ("", no list, no date); for a required field it is missing."""
    shapes = _csv_shapes(cls)
    required = _required_fields(cls)
    data: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for name, cell in row.items():
        shape = shapes.get(name, "text")
        if cell == "" and (name in required or shape == "json"):
            continue
        try:
            data[name] = _read_cell(shape, cell)
        except ValueError as error:
            problems.append((name, str(error)))
    return data, problems


def _read_cell(shape: str, cell: str) -> Any:
    if shape == "list":
        if cell == "":
            return []
        if cell.startswith("["):
            return _json_cell(cell)
        return cell.split("; ")
    if shape == "json":
        return _json_cell(cell)
    return cell


def _json_cell(cell: str) -> Any:
    try:
        return json.loads(cell)
    except json.JSONDecodeError as error:
        raise ValueError(
            f"expected JSON in this cell: {error.msg} (column {error.colno})"
        ) from None


def _csv_shapes(cls: type[Any]) -> dict[str, str]:
    """How each field is written in CSV: `text` (scalars), `list` (lists of text), `json`."""
    hints = typing.get_type_hints(cls)
    shapes: dict[str, str] = {}
    for f in fields(cls):
        hint = hints[f.name]
        args = typing.get_args(hint)
        if typing.get_origin(hint) is tuple and args and args[0] is str:
            shapes[f.name] = "list"
        elif typing.get_origin(hint) in (tuple, Mapping, dict):
            shapes[f.name] = "json"
        else:
            shapes[f.name] = "text"
    return shapes


def _write_cell(shape: str, value: Any, required: bool = False) -> str:
    if required and shape in ("list", "json") and not value:
        return json.dumps(value)  # "[]" or "{}": an empty cell would read as missing
    if shape == "list":
        if not value:
            return ""
        if value[0].startswith("[") or any(v == "" or "; " in v for v in value):
            return json.dumps(value, ensure_ascii=False)
        return "; ".join(value)
    if shape == "json":
        return "" if not value else json.dumps(value, ensure_ascii=False)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# --- exporting ----------------------------------------------------------------------------------


def export_registry(
    items_by_type: Mapping[str, Iterable[Any]], fmt: str, output: Path
) -> list[Path]:
    """Write the registry (type name → items) as `fmt` to `output`: a file for yaml/json (a
    folder is given `registry.<fmt>`), a folder of `<plural>.csv` for csv. Returns the files."""
    if fmt not in FORMATS:
        raise ValidationError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}", field="format")
    if fmt == "csv":
        output.mkdir(parents=True, exist_ok=True)
        return [_write_csv(name, items, output) for name, items in _ordered(items_by_type)]
    target = output / f"registry.{fmt}" if output.is_dir() or not output.suffix else output
    target.parent.mkdir(parents=True, exist_ok=True)
    document = {
        codec.ITEM_TYPES[name].plural: [codec.to_dict(i, omit_defaults=True) for i in items]
        for name, items in _ordered(items_by_type)
    }
    document = {key: value for key, value in document.items() if value}
    with target.open("w", encoding="utf-8") as out:
        _DUMPERS[fmt](document, out)
    return [target]


def _ordered(items_by_type: Mapping[str, Iterable[Any]]) -> Iterator[tuple[str, Iterable[Any]]]:
    for name in codec.ITEM_TYPES:
        if name in items_by_type:
            yield name, items_by_type[name]


def _dump_yaml(document: Mapping[str, Any], out: io.TextIOBase | Any) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    yaml.dump(document, out, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)


def _dump_json(document: Mapping[str, Any], out: io.TextIOBase | Any) -> None:
    json.dump(document, out, ensure_ascii=False, indent=1)
    out.write("\n")


_DUMPERS: dict[str, Callable[[Mapping[str, Any], Any], None]] = {
    "yaml": _dump_yaml,
    "json": _dump_json,
}


def _write_csv(name: str, items: Iterable[Any], folder: Path) -> Path:
    item_type = codec.ITEM_TYPES[name]
    shapes = _csv_shapes(item_type.cls)
    path = folder / f"{item_type.plural}.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(list(shapes))
        required = _required_fields(item_type.cls)
        for item in items:
            data = codec.to_dict(item)
            writer.writerow(
                [neutralise(_write_cell(shapes[k], data[k], k in required)) for k in shapes]
            )
    return path


def format_of(path: Path, given: str | None) -> str:
    """The export format: as given, else from the output's suffix, else YAML."""
    if given:
        return given
    return SUFFIXES.get(path.suffix.lower(), "yaml")


def error_rows(errors: Sequence[RowError]) -> list[tuple[str, str, str, str]]:
    """Errors as (file, line, field, problem) rows for a table."""
    return [(e.file, str(e.line or ""), e.field, e.message) for e in errors]
