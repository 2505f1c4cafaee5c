"""Domain objects ↔ plain JSON-ready dicts, in one place.

Used by the store (the `data` JSON column) and by the registry files (`files/registry.py`). The
conversion is driven by each dataclass's type hints, so a new optional field needs no change here:

- `to_dict(item)` gives only JSON types: dates as ISO `YYYY-MM-DD` strings, datetimes as ISO 8601,
  tuples as lists, nested dataclasses (`Dependency`, `Milestone`, `RoadmapEntry`) as dicts.
- `from_dict(type_name, data)` is its exact inverse (`from_dict(t, to_dict(x)) == x`) and also
  accepts what YAML gives (`date` objects, numbers where text is expected). Every problem is
  reported with the field it is in (`dependencies[1].on`), never as a bare TypeError.

Item types have a singular name (`activity`), used in the store and the CLI, and a plural one
(`activities`), used as the top-level keys of registry files. `register_type` adds a type.
"""

from __future__ import annotations

import dataclasses
import math
import re
import reprlib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from intersector.domain.decisions import Correction, Review
from intersector.domain.errors import ValidationError
from intersector.domain.registry import (
    Activity,
    Group,
    Liaison,
    Mechanism,
    Roadmap,
    Sector,
    Subject,
)
from intersector.domain.users import Token, User


@dataclass(frozen=True)
class ItemType:
    """A kind of stored item: its singular and plural names and its dataclass."""

    name: str
    plural: str
    cls: type[Any]


ITEM_TYPES: dict[str, ItemType] = {}


def register_type(name: str, cls: type[Any], plural: str = "") -> ItemType:
    """Make `cls` (a frozen dataclass with a str `id` field) storable under `name`."""
    if not dataclasses.is_dataclass(cls) or "id" not in {f.name for f in dataclasses.fields(cls)}:
        raise TypeError(f"{cls!r} must be a dataclass with an 'id' field")
    item_type = ItemType(name=name, plural=plural or f"{name}s", cls=cls)
    ITEM_TYPES[name] = item_type
    return item_type


# Order matters: it is the order of registry files and of loading (referenced types first).
register_type("sector", Sector)
register_type("subject", Subject)
register_type("group", Group)
register_type("activity", Activity, "activities")
register_type("liaison", Liaison)
register_type("mechanism", Mechanism)
register_type("roadmap", Roadmap)
# Outside the registry files, stored the same way: every kind is known from the start, so that
# `Store.get` never answers a plain dict because some module was not imported yet.
register_type("user", User)
register_type("token", Token)
register_type("overlap-review", Review)
register_type("subject-correction", Correction)


def item_type_of(item: object) -> ItemType:
    """The registered type of a domain object (`Activity` → `activity`)."""
    for item_type in ITEM_TYPES.values():
        if type(item) is item_type.cls:
            return item_type
    raise TypeError(f"not a storable item: {type(item).__name__}")


def item_type_for(cls: type[Any]) -> ItemType:
    """The registered type whose dataclass is `cls` (`Activity` → `activity`)."""
    for item_type in ITEM_TYPES.values():
        if item_type.cls is cls:
            return item_type
    raise TypeError(f"not a storable type: {cls.__name__}")


def get_item_type(name: str) -> ItemType:
    """The type named `name` (singular or plural); ValidationError naming the known ones."""
    for item_type in ITEM_TYPES.values():
        if name in (item_type.name, item_type.plural):
            return item_type
    known = ", ".join(ITEM_TYPES)
    raise ValidationError(f"unknown item type {name!r}: use one of {known}", field="type")


# --- to dict -----------------------------------------------------------------------------------


def to_dict(item: object, *, omit_defaults: bool = False) -> dict[str, Any]:
    """The JSON-ready dict of a dataclass; with `omit_defaults`, fields equal to their default
    are left out (tidier registry files; `from_dict` restores them)."""
    cls: Any = type(item)  # Any: a class is hashable, whatever typeshed says of type[object]
    plan = _encode_plan(cls)
    if omit_defaults:
        defaults = _defaults(cls)
        return {
            name: encode(value) if encode else value
            for name, encode in plan
            if (value := getattr(item, name)) != defaults.get(name, _NO_DEFAULT)
        }
    return {
        name: encode(getattr(item, name)) if encode else getattr(item, name)
        for name, encode in plan
    }


_NO_DEFAULT = object()
_Encoder = typing.Callable[[Any], Any]


@cache
def _defaults(cls: type[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            found[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            found[f.name] = f.default_factory()
    return found


@cache
def _encode_plan(cls: type[Any]) -> tuple[tuple[str, _Encoder | None], ...]:
    """For each field of `cls`: its name and the function making its value JSON-ready (None
    when the value already is: text, numbers, booleans)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _encoder(hints[f.name])) for f in dataclasses.fields(cls))


@cache
def _encoder(hint: Any) -> _Encoder | None:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = _encoder(next(a for a in typing.get_args(hint) if a is not type(None)))
        return None if inner is None else (lambda v: None if v is None else inner(v))
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            each = _encoder(args[0])
            return list if each is None else (lambda v: [each(x) for x in v])
        if all(_encoder(a) is None for a in args):
            return list
        return lambda v: [_plain(x) for x in v]
    if origin in (Mapping, dict):
        value = _encoder(typing.get_args(hint)[1]) if typing.get_args(hint) else _plain
        return dict if value is None else (lambda v: {k: value(x) for k, x in v.items()})
    if dataclasses.is_dataclass(hint):
        return _dataclass_encoder(hint)
    if hint in (date, datetime):
        return _isoformat
    return None


def _dataclass_encoder(cls: Any) -> _Encoder:
    def encode(value: Any) -> Any:
        plan = _encode_plan(typing.cast(Any, cls)) if type(value) is cls else None
        if plan is None:  # a subclass or another type: the general way
            return _plain(value)
        return {n: e(getattr(value, n)) if e else getattr(value, n) for n, e in plan}

    return encode


def _isoformat(value: date) -> str:
    return value.isoformat()


def _plain(value: object) -> Any:
    """Any value JSON-ready (for values whose type the hints do not pin down)."""
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    return value


# --- from dict ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of an input mapping."""

    field: str
    message: str


class _FieldError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.problem = Problem(field, message)


def from_dict(type_name: str, data: Mapping[str, Any]) -> Any:
    """The domain object of type `type_name` from its dict; ValidationError on the first problem."""
    item, problems = decode(get_item_type(type_name).cls, data)
    if problems:
        first = problems[0]
        raise ValidationError(first.message, field=first.field)
    return item


def from_stored(type_name: str, data: Mapping[str, Any]) -> Any:
    """`from_dict` for data the store wrote itself (checked when saved): the quick way, with no
    per-field checks; anything unexpected falls back to `from_dict` and its precise errors."""
    cls = get_item_type(type_name).cls
    try:
        return _load(cls, data)
    except (TypeError, ValueError, KeyError, AttributeError):
        return from_dict(type_name, data)


_Loader = typing.Callable[[Any], Any]


def _load(cls: Any, data: Mapping[str, Any]) -> Any:
    return cls(**{n: f(data[n]) if f else data[n] for n, f in _load_plan(cls) if n in data})


@cache
def _load_plan(cls: Any) -> tuple[tuple[str, _Loader | None], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _loader(hints[f.name])) for f in dataclasses.fields(cls))


@cache
def _loader(hint: Any) -> _Loader | None:
    """The quick reader of a stored value of type `hint` (None: the value is used as it is)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = _loader(next(a for a in typing.get_args(hint) if a is not type(None)))
        return None if inner is None else (lambda v: None if v is None else inner(v))
    if origin is tuple:
        args = typing.get_args(hint)
        each = _loader(args[0]) if len(args) == 2 and args[1] is Ellipsis else _any_loader
        return tuple if each is None else (lambda v: tuple([each(x) for x in v]))
    if origin in (Mapping, dict):
        value = _loader(typing.get_args(hint)[1]) if typing.get_args(hint) else None
        return dict if value is None else (lambda v: {k: value(x) for k, x in v.items()})
    if dataclasses.is_dataclass(hint):
        return lambda v: _load(hint, v)
    if hint is date:
        return date.fromisoformat
    if hint is datetime:
        return lambda v: _to_datetime(v, "")
    return None


def _any_loader(value: Any) -> Any:
    raise TypeError("a fixed-length tuple: read it the careful way")


def decode(cls: type[Any], data: Mapping[str, Any]) -> tuple[Any, list[Problem]]:
    """Build `cls` from `data`, collecting every problem (unknown field, missing required field,
    wrong type, bad date). Returns (object, []) or (None, problems)."""
    if not isinstance(data, Mapping):
        return None, [Problem("", f"expected a mapping of fields, got {_kind(data)}")]
    plan = _plan(typing.cast(Any, cls))  # a class is hashable, whatever typeshed says
    problems = [
        Problem(str(key)[:100], f"unknown field {_shown(key)}; known fields: {', '.join(plan)}")
        for key in data
        if key not in plan
    ]
    kwargs: dict[str, Any] = {}
    for name, (required, convert) in plan.items():
        value = data.get(name)
        if value is None:
            if required:
                problems.append(Problem(name, f"missing required field {name!r}"))
            continue
        try:
            kwargs[name] = convert(value, name)
        except _FieldError as bad:
            problems.append(bad.problem)
    if problems:
        return None, problems
    return cls(**kwargs), []


_Converter = typing.Callable[[Any, str], Any]


@cache
def _plan(cls: type[Any]) -> dict[str, tuple[bool, _Converter]]:
    """For each field of `cls`: is it required, and the function that reads its value."""
    hints = typing.get_type_hints(cls)
    return {f.name: (_required(f), _converter(hints[f.name])) for f in dataclasses.fields(cls)}


def _required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


@cache
def _converter(hint: Any) -> _Converter:
    """The function reading a value of type `hint` (scalars, Optional, tuples, mappings,
    nested dataclasses)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _optional(next(a for a in typing.get_args(hint) if a is not type(None)))
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return _tuple_of(args[0])
        return _fixed_tuple(args)
    if origin in (Mapping, dict):
        key_hint, value_hint = typing.get_args(hint) or (str, Any)
        return _mapping_of(key_hint, value_hint)
    if dataclasses.is_dataclass(hint):
        return _nested(typing.cast(type[Any], hint))
    converter = _SCALARS.get(hint)
    if converter is None:
        raise TypeError(f"cannot store a value of type {hint!r}")
    return converter


def _optional(hint: Any) -> _Converter:
    inner = _converter(hint)

    def convert(value: Any, where: str) -> Any:
        return None if value is None or value == "" else inner(value, where)

    return convert


def _tuple_of(hint: Any) -> _Converter:
    inner = _converter(hint)

    def convert(value: Any, where: str) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise _FieldError(where, f"expected a list, got {_kind(value)}")
        try:
            return tuple([inner(v, where) for v in value])
        except _FieldError:  # say which element: recheck with its index in the field name
            for i, v in enumerate(value):
                inner(v, f"{where}[{i}]")
            raise

    return convert


def _fixed_tuple(hints: tuple[Any, ...]) -> _Converter:
    inners = [_converter(h) for h in hints]

    def convert(value: Any, where: str) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple) or len(value) != len(inners):
            raise _FieldError(where, f"expected a list of {len(inners)} values, got {_kind(value)}")
        return tuple(
            f(v, f"{where}[{i}]") for i, (f, v) in enumerate(zip(inners, value, strict=True))
        )

    return convert


def _mapping_of(key_hint: Any, value_hint: Any) -> _Converter:
    read_key, read_value = _converter(key_hint), _converter(value_hint)

    def convert(value: Any, where: str) -> dict[Any, Any]:
        if not isinstance(value, Mapping):
            raise _FieldError(where, f"expected a mapping, got {_kind(value)}")
        return {read_key(k, where): read_value(v, f"{where}.{k}") for k, v in value.items()}

    return convert


def _nested(cls: type[Any]) -> _Converter:
    def convert(value: Any, where: str) -> Any:
        item, problems = decode(cls, value)
        if problems:
            first = problems[0]
            raise _FieldError(f"{where}.{first.field}" if first.field else where, first.message)
        return item

    return convert


def _to_str(value: Any, where: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        raise _FieldError(where, _NOT_A_NUMBER)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return str(value)
        except ValueError:  # more digits than Python prints
            raise _FieldError(where, _NOT_A_NUMBER) from None
    if isinstance(value, date):
        return value.isoformat()
    raise _FieldError(where, f"expected text, got {_kind(value)}")


_NOT_A_NUMBER = "not a number that can be stored (NaN, infinity, or too many digits)"
_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxother = 3, 80, 80


def _shown(value: object) -> str:
    """A value as a short repr for a message (deep or huge values cut, never a RecursionError)."""
    return _SHORT.repr(value)


_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0", ""}


def _to_bool(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise _FieldError(where, f"expected true or false, got {_shown(value)}")


def _to_int(value: Any, where: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,1000}", value.strip()):
        return int(value)
    raise _FieldError(where, f"expected a whole number, got {_shown(value)}")


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _to_date(value: Any, where: str) -> date:
    if isinstance(value, datetime):
        raise _FieldError(where, f"expected a date YYYY-MM-DD, got a date and time {value!r}")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _FieldError(where, f"expected a date YYYY-MM-DD, got {_shown(value)}")


def _to_datetime(value: Any, where: str) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    raise _FieldError(where, f"expected a date and time (ISO 8601), got {_shown(value)}")


def _to_any(value: Any, where: str) -> Any:
    return value


def _to_float(value: Any, where: str) -> float:
    if isinstance(value, float) and not math.isfinite(value):
        raise _FieldError(where, _NOT_A_NUMBER)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return float(value)
        except OverflowError:
            raise _FieldError(where, _NOT_A_NUMBER) from None
    raise _FieldError(where, f"expected a number, got {_shown(value)}")


_SCALARS: dict[Any, typing.Callable[[Any, str], Any]] = {
    str: _to_str,
    bool: _to_bool,
    int: _to_int,
    float: _to_float,
    date: _to_date,
    datetime: _to_datetime,
    Any: _to_any,
    object: _to_any,
}


def _kind(value: object) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return f"{type(value).__name__} {_shown(value)}"
