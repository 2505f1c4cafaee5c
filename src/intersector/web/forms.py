"""The generic edit form of a registry item: its text, date, choice and list fields as inputs
(lists as "; "-separated text); nested structures (dependencies, milestones, roadmap entries,
labels) stay as they are and are edited through the API."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from intersector.domain.codec import from_dict, item_type_of, to_dict
from intersector.domain.errors import ValidationError
from intersector.domain.registry import SECTORS
from intersector.domain.rules import BOUNDS, OPTIONAL_VOCABULARIES, VOCABULARIES

LONG_TEXT = ("summary", "body")
# Nested lists edited as lines of text, parts separated by " | " (roadmap entries' milestones as
# "name = YYYY-MM-DD; name = YYYY-MM-DD").
LINES: dict[str, tuple[str, ...]] = {
    "dependencies": ("on", "reason"),
    "milestones": ("name", "date"),
    "entries": ("activity", "note", "milestones"),
}
FIXED = ("id", "withdrawn")


@dataclass(frozen=True)
class FormField:
    name: str
    widget: str  # text | textarea | date | number | select | list | lines
    value: str
    choices: tuple[str, ...] = ()


def _widget(type_name: str, name: str, hint: str) -> tuple[str, tuple[str, ...]] | None:
    if name in FIXED:
        return None
    choices = VOCABULARIES.get(type_name, {}).get(name)  # the registry rules' vocabularies
    if choices is not None and hint == "str":
        return "select", choices
    optional = OPTIONAL_VOCABULARIES.get(type_name, {}).get(name)
    if optional is not None and hint == "str":
        return "select", ("", *optional)  # the empty choice: not recorded
    if hint == "str":
        return ("textarea" if name in LONG_TEXT else "text"), ()
    if hint == "date | None":
        return "date", ()
    if hint == "int | None":
        bounds = next((b for b in BOUNDS.get(type_name, ()) if b[0] == name), None)
        return "number", (str(bounds[1]), str(bounds[2])) if bounds else ()
    if hint == "tuple[str, ...]":
        return "list", ()
    if name in LINES and hint.startswith("tuple["):
        return "lines", LINES[name]
    return None


def form_fields(item: Any) -> list[FormField]:
    """The editable fields of `item` with their current values as text."""
    type_name = item_type_of(item).name
    data = to_dict(item)
    fields = []
    for f in dataclasses.fields(item):
        widget = _widget(type_name, f.name, str(f.type))
        if widget is None:
            continue
        value = data[f.name]
        if widget[0] == "lines":
            shown = "\n".join(_line(row, widget[1]) for row in value)
        elif isinstance(value, list):
            shown = "; ".join(value)
        else:
            shown = "" if value is None else value
        fields.append(FormField(f.name, widget[0], str(shown), widget[1]))
    return fields


def item_from_form(current: Any, form: dict[str, str]) -> Any:
    """`current` with the submitted fields applied, checked by the codec (the registry rules
    check the rest when the item is saved, as for every other door)."""
    type_name = item_type_of(current).name
    data = to_dict(current)
    for field in form_fields(current):
        if field.name not in form:
            continue
        raw = form[field.name].strip()  # choices are checked by the registry rules on saving
        if field.widget == "list":
            data[field.name] = [part.strip() for part in raw.split(";") if part.strip()]
        elif field.widget == "lines":
            data[field.name] = _rows(raw, field.choices, field.name)
        else:
            data[field.name] = raw or (None if field.widget in ("date", "number") else "")
    return from_dict(type_name, data)


CREATABLE = ("activity", "liaison", "roadmap", "group", "mechanism")


def blank(type_name: str, sector: str = "") -> Any:
    """An empty item of `type_name` to fill in with the form: required text fields empty, a
    Sector (the editor's own) where the type has one."""
    from intersector.domain.codec import get_item_type

    cls = get_item_type(type_name).cls
    data: dict[str, Any] = {
        f.name: ""
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    if "sector" in data:
        data["sector"] = sector or SECTORS[0]
    if "kind" in data and "kind" in VOCABULARIES.get(type_name, {}):
        data["kind"] = VOCABULARIES[type_name]["kind"][0]
    return from_dict(type_name, data)


def new_item_from_form(type_name: str, form: dict[str, str]) -> Any:
    """A new item from the creation form: its id, then the editable fields."""
    from dataclasses import replace

    item = item_from_form(blank(type_name), form)
    return replace(item, id=form.get("id", "").strip())


def _line(row: dict[str, Any], parts: tuple[str, ...]) -> str:
    cells = []
    for part in parts:
        value = row.get(part)
        if part == "milestones":
            value = "; ".join(f"{m['name']} = {m['date']}" for m in value or ())
        cells.append("" if value is None else str(value))
    return " | ".join(cells).rstrip(" |")


def _rows(raw: str, parts: tuple[str, ...], name: str) -> list[dict[str, Any]]:
    """Lines of "a | b | c" as mappings of `parts`; ValidationError naming the line."""
    rows = []
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) > len(parts):
            raise ValidationError(
                f"line {number}: {len(cells)} parts, expected at most {len(parts)} "
                f"({' | '.join(parts)})",
                field=name,
            )
        row: dict[str, Any] = dict(zip(parts, cells, strict=False))
        if "milestones" in row:
            row["milestones"] = _milestones(row["milestones"], name, number)
        rows.append(row)
    return rows


def _milestones(text: str, name: str, number: int) -> list[dict[str, str]]:
    found = []
    for pair in (p for p in text.split(";") if p.strip()):
        label, sep, day = pair.partition("=")
        if not sep:
            raise ValidationError(
                f"line {number}: write milestones as 'name = YYYY-MM-DD'", field=name
            )
        found.append({"name": label.strip(), "date": day.strip()})
    return found
