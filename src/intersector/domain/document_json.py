"""The stable JSON contract of a `Document` (documented in `docs/document-json.md`).

`document_to_dict` gives plain JSON values (dicts, lists, strings, ints, None) with every key
always present, in a fixed order; `document_from_dict` reads them back.
Promise: `document_from_dict(document_to_dict(doc)) == doc` for every document, and a dict that
is not a document raises `ValidationError` naming the field (`preamble[0].clauses[1].label`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from intersector.domain.documents import (
    Action,
    Annex,
    Clause,
    Document,
    Edition,
    Event,
    Footnote,
    Metadata,
    Part,
    Reference,
    Section,
    Table,
)
from intersector.domain.errors import ValidationError

FORMAT = "intersector.document/1"

JSON = dict[str, Any]
T = TypeVar("T")


# --- writing -------------------------------------------------------------------------------


def document_to_dict(doc: Document) -> JSON:
    """The document as JSON values, keys in the documented order."""
    return {
        "format": FORMAT,
        "id": doc.id,
        "kind": doc.kind,
        "body": doc.body,
        "number": doc.number,
        "language": doc.language,
        "revision": _event(doc.revision) if doc.revision else None,
        "history": [_event(e) for e in doc.history],
        "title": doc.title,
        "parent": doc.parent,
        "approved": doc.approved,
        "summary": doc.summary,
        "keywords": list(doc.keywords),
        "editions": [_edition(e) for e in doc.editions],
        "cover": doc.cover,
        "foreword": doc.foreword,
        "preamble": [_section(s) for s in doc.preamble],
        "operative": [_section(s) for s in doc.operative],
        "parts": [_part(p) for p in doc.parts],
        "annexes": [_annex(a) for a in doc.annexes],
        "footnotes": [_footnote(f) for f in doc.footnotes],
        "references": [_reference(r) for r in doc.references],
        "actions": [_action(a) for a in doc.actions],
        "metadata": [{"name": k, "value": v} for k, v in doc.metadata.items],
        "boilerplate": list(doc.boilerplate),
        "tables": [_table(t) for t in doc.tables],
        "warnings": list(doc.warnings),
        "source": doc.source,
    }


def _event(e: Event) -> JSON:
    return {"place": e.place, "year": e.year, "place_as_written": e.place_as_written}


def _edition(e: Edition) -> JSON:
    return {
        "edition": e.edition,
        "designation": e.designation,
        "approved": e.approved,
        "study_group": e.study_group,
        "unique_id": e.unique_id,
    }


def _table(t: Table) -> JSON:
    return {"caption": t.caption, "after": t.after, "rows": [list(row) for row in t.rows]}


def _clause(c: Clause) -> JSON:
    return {
        "label": c.label,
        "text": c.text,
        "footnotes": list(c.footnotes),
        "children": [_clause(k) for k in c.children],
    }


def _section(s: Section) -> JSON:
    return {
        "heading": s.heading,
        "function": s.function,
        "addressee": s.addressee,
        "addressees": list(s.addressees),
        "clauses": [_clause(c) for c in s.clauses],
    }


def _part(p: Part) -> JSON:
    return {
        "label": p.label,
        "heading": p.heading,
        "text": p.text,
        "children": [_part(k) for k in p.children],
    }


def _annex(a: Annex) -> JSON:
    return {
        "kind": a.kind,
        "label": a.label,
        "title": a.title,
        "parts": [_part(p) for p in a.parts],
    }


def _footnote(f: Footnote) -> JSON:
    return {"label": f.label, "text": f.text, "anchor": f.anchor}


def _reference(r: Reference) -> JSON:
    return {
        "id": r.id,
        "kind": r.kind,
        "body": r.body,
        "number": r.number,
        "text": r.text,
        "revision": _event(r.revision) if r.revision else None,
    }


def _action(a: Action) -> JSON:
    return {"clause": a.clause, "verb": a.verb, "addressees": list(a.addressees), "text": a.text}


# --- reading -------------------------------------------------------------------------------


class _Reader:
    """Typed access to one JSON object, naming the field path in every error."""

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, Mapping):
            raise ValidationError(f"expected an object, got {type(data).__name__}", field=path)
        self.data = data
        self.path = path

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def text(self, key: str, default: str | None = "") -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str):
            raise ValidationError("expected a string", field=self._where(key))
        return value

    def integer(self, key: str) -> int:
        value = self.data.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValidationError("expected an integer", field=self._where(key))
        return value

    def strs(self, key: str) -> tuple[str, ...]:
        values = self._list(key)
        if not all(isinstance(v, str) for v in values):
            raise ValidationError("expected a list of strings", field=self._where(key))
        return tuple(values)

    def objects(self, key: str, read: Callable[[_Reader], T]) -> tuple[T, ...]:
        where = self._where(key)
        return tuple(read(_Reader(v, f"{where}[{i}]")) for i, v in enumerate(self._list(key)))

    def optional(self, key: str, read: Callable[[_Reader], T]) -> T | None:
        value = self.data.get(key)
        return None if value is None else read(_Reader(value, self._where(key)))

    def _list(self, key: str) -> Sequence[Any]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise ValidationError("expected a list", field=self._where(key))
        return value


def document_from_dict(data: Mapping[str, Any]) -> Document:
    """Read a dict made by `document_to_dict` (or written by hand to the same contract)."""
    r = _Reader(data, "")
    fmt = r.text("format", FORMAT)
    if fmt != FORMAT:
        raise ValidationError(f"unknown format {fmt!r}, expected {FORMAT!r}", field="format")
    return Document(
        id=r.text("id", None),
        kind=r.text("kind", None),
        body=r.text("body", None),
        number=r.text("number", None),
        language=r.text("language", None),
        title=r.text("title"),
        parent=r.text("parent"),
        approved=r.text("approved"),
        summary=r.text("summary"),
        keywords=r.strs("keywords"),
        editions=r.objects("editions", _read_edition),
        cover=r.text("cover"),
        revision=r.optional("revision", _read_event),
        history=r.objects("history", _read_event),
        foreword=r.text("foreword"),
        preamble=r.objects("preamble", _read_section),
        operative=r.objects("operative", _read_section),
        parts=r.objects("parts", _read_part),
        annexes=r.objects("annexes", _read_annex),
        footnotes=r.objects("footnotes", _read_footnote),
        references=r.objects("references", _read_reference),
        actions=r.objects("actions", _read_action),
        metadata=Metadata(r.objects("metadata", _read_item)),
        boilerplate=r.strs("boilerplate"),
        tables=r.objects("tables", _read_table),
        warnings=r.strs("warnings"),
        source=r.text("source"),
    )


def _read_edition(r: _Reader) -> Edition:
    return Edition(
        edition=r.text("edition"),
        designation=r.text("designation"),
        approved=r.text("approved"),
        study_group=r.text("study_group"),
        unique_id=r.text("unique_id"),
    )


def _read_table(r: _Reader) -> Table:
    rows = tuple(
        _Reader({"cells": row}, f"{r._where('rows')}[{i}]").strs("cells")
        for i, row in enumerate(r._list("rows"))
    )
    return Table(rows, r.text("caption"), r.text("after"))


def _read_event(r: _Reader) -> Event:
    return Event(r.text("place", None), r.integer("year"), r.text("place_as_written"))


def _read_clause(r: _Reader) -> Clause:
    return Clause(
        label=r.text("label"),
        text=r.text("text"),
        footnotes=r.strs("footnotes"),
        children=r.objects("children", _read_clause),
    )


def _read_section(r: _Reader) -> Section:
    return Section(
        heading=r.text("heading"),
        function=r.text("function", None),
        clauses=r.objects("clauses", _read_clause),
        addressee=r.text("addressee"),
        addressees=r.strs("addressees"),
    )


def _read_part(r: _Reader) -> Part:
    return Part(
        label=r.text("label"),
        heading=r.text("heading"),
        text=r.text("text"),
        children=r.objects("children", _read_part),
    )


def _read_annex(r: _Reader) -> Annex:
    return Annex(
        kind=r.text("kind", None),
        label=r.text("label"),
        title=r.text("title"),
        parts=r.objects("parts", _read_part),
    )


def _read_footnote(r: _Reader) -> Footnote:
    return Footnote(r.text("label", None), r.text("text"), r.text("anchor"))


def _read_reference(r: _Reader) -> Reference:
    return Reference(
        id=r.text("id", None),
        kind=r.text("kind", None),
        body=r.text("body"),
        number=r.text("number"),
        text=r.text("text"),
        revision=r.optional("revision", _read_event),
    )


def _read_action(r: _Reader) -> Action:
    return Action(r.text("clause"), r.text("verb"), r.strs("addressees"), r.text("text"))


def _read_item(r: _Reader) -> tuple[str, str]:
    return (r.text("name", None), r.text("value"))
