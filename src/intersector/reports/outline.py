"""A parsed document for a person to read in a terminal, and the other `parse` outputs.

`document_outline(doc)` is a Rich tree: identity, sections and clauses, parts, annexes,
metadata, footnotes, references, actions, warnings. Text from the document is never read as
Rich markup.
`failure_table(failed)` is the table of files that could not be read. (The segmenter's middle
form, `--format debug`, is `texts.segment.segments_dump`; Akoma Ntoso is `texts.akoma`.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

import orjson
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from intersector.domain.document_json import document_to_dict
from intersector.domain.documents import Clause, Document, Event, Part, Section
from intersector.domain.errors import IntersectorError
from intersector.reports import json_text


def documents_json(documents: Sequence[Document], *, as_list: bool) -> str:
    """The JSON contract, pretty (two-space indent, UTF-8 unescaped, the same text as
    `json.dumps(…, ensure_ascii=False, indent=2)` for every document: the contract holds no
    float); a list when `as_list` (several files were asked for). orjson: about ten times
    faster than the standard library's pure-Python indenting encoder; it refuses lone
    surrogates, which `json_text` writes as escapes, so that the output is always valid JSON."""
    dicts = [document_to_dict(doc) for doc in documents]
    value = dicts if as_list else dicts[0]
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    except orjson.JSONEncodeError:
        return json_text.dumps(value, indent=2)


def _event(event: Event | None) -> str:
    return f"{event.place}, {event.year}" if event else ""


def _identity(doc: Document) -> Text:
    head = Text(doc.id or "(no id)", style="bold cyan")
    head.append(f"  {doc.kind} {doc.number}".rstrip())
    if doc.revision:
        head.append(f" (Rev. {_event(doc.revision)})")
    head.append(f"  · {doc.body or '?'} · {doc.language or '?'}", style="dim")
    return head


def document_outline(doc: Document) -> Tree:
    """The whole document as a tree, one branch per part of it that is not empty."""
    tree = Tree(_identity(doc))
    if doc.title:
        tree.add(Text(doc.title, style="bold"))
    if doc.history:
        tree.add(Text("history: " + "; ".join(_event(e) for e in doc.history), style="dim"))
    if doc.foreword:
        lines = doc.foreword.count("\n") + 1
        tree.add(Text(f"foreword kept apart ({lines} lines)", style="dim"))
    _sections(tree, "preamble", doc.preamble)
    _sections(tree, "operative", doc.operative)
    _parts(tree, doc)
    _notes_and_links(tree, doc)
    return tree


def _sections(tree: Tree, name: str, sections: Sequence[Section]) -> None:
    if not sections:
        return
    branch = tree.add(Text(name, style="bold magenta"))
    for section in sections:
        head = Text(section.heading, style="bold")
        head.append(f"  [{section.function}]", style="green")
        if section.addressees:
            head.append(" → " + ", ".join(section.addressees), style="yellow")
        _clauses(branch.add(head), section.clauses)


def _clauses(branch: Tree, clauses: Iterable[Clause]) -> None:
    for clause in clauses:
        line = Text(f"{clause.label} " if clause.label else "", style="bold")
        line.append(clause.text)
        if clause.footnotes:
            line.append(" " + " ".join(f"[{n}]" for n in clause.footnotes), style="cyan")
        _clauses(branch.add(line), clause.children)


def _parts(tree: Tree, doc: Document) -> None:
    if doc.parts:
        _part_nodes(tree.add(Text("parts", style="bold magenta")), doc.parts)
    for annex in doc.annexes:
        head = Text(f"{annex.label}", style="bold magenta")
        head.append(f"  {annex.title}  [{annex.kind}]")
        _part_nodes(tree.add(head), annex.parts)


def _part_nodes(branch: Tree, parts: Iterable[Part]) -> None:
    for part in parts:
        line = Text(f"{part.label} " if part.label else "", style="bold")
        line.append(part.heading, style="bold")
        if part.text:
            line.append(("\n" if part.label or part.heading else "") + part.text)
        _part_nodes(branch.add(line), part.children)


def _notes_and_links(tree: Tree, doc: Document) -> None:
    _list(tree, "metadata", [f"{name}: {value}" for name, value in doc.metadata.items])
    _list(tree, "footnotes", [f"{n.label}: {n.text}" for n in doc.footnotes])
    _list(tree, "references", [f"{r.id}  ← {r.text}" for r in doc.references])
    _list(
        tree,
        "actions",
        [f"{a.clause}: {a.verb} → {', '.join(a.addressees) or '?'}" for a in doc.actions],
    )
    _list(tree, "warnings", list(doc.warnings), style="yellow")


def _list(tree: Tree, name: str, items: Sequence[str], style: str = "") -> None:
    if items:
        branch = tree.add(Text(f"{name} ({len(items)})", style="bold magenta"))
        for item in items:
            branch.add(Text(item, style=style))


class Failed(Protocol):
    """A file that could not be read (`texts.batch.ParsedFile` is one)."""

    @property
    def path(self) -> str: ...

    @property
    def error(self) -> IntersectorError | None: ...


def failure_table(failed: Sequence[Failed]) -> Table:
    """What failed and why: file, line, problem."""
    table = Table(title=f"{len(failed)} file(s) not read", title_style="bold red")
    table.add_column("file", style="bold")
    table.add_column("line", justify="right")
    table.add_column("problem")
    for item in failed:
        error = item.error
        line = "" if error is None or error.line is None else str(error.line)
        problem = "" if error is None else error.message
        if error is not None and error.excerpt:
            problem += f"\n  {error.excerpt}"
        table.add_row(Text(item.path), line, Text(problem))
    return table
