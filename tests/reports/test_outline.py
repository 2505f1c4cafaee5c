from __future__ import annotations

import json

from rich.console import Console

from intersector.domain.documents import (
    Action,
    Annex,
    Clause,
    Document,
    Footnote,
    Metadata,
    Part,
    Reference,
    Section,
)
from intersector.domain.errors import UnknownTextError
from intersector.reports.outline import (
    document_outline,
    documents_json,
    failure_table,
)
from intersector.texts.batch import ParsedFile
from intersector.texts.segment import Line, segments_dump

DOC = Document(
    id="wtsa-res-38",
    kind="resolution",
    body="wtsa",
    number="38",
    language="en",
    title="Coordination [bold]among[/bold] the three ITU Sectors",
    operative=(
        Section(
            "instructs the Director",
            "instructs",
            (Clause("1", "to report", ("1",), (Clause("a)", "nested"),)),),
            addressees=("tsb-director",),
        ),
    ),
    parts=(Part("1", "Scope", "text"),),
    annexes=(Annex("annex", "Annex A", "Procedures", (Part("A.1", "", "body"),)),),
    footnotes=(Footnote("1", "a note"),),
    references=(Reference("itu-t-rec-a.4", "recommendation", "itu-t", "A.4", "Rec A.4"),),
    actions=(Action("instructs 1", "report", ("tsb-director",), "to report"),),
    metadata=Metadata((("approved", "2012-11-29"),)),
    warnings=("line 9: odd",),
)


def render(renderable: object) -> str:
    console = Console(width=200, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def test_outline_shows_every_part_of_the_document() -> None:
    text = render(document_outline(DOC))
    for expected in (
        "wtsa-res-38",
        "Coordination [bold]among[/bold] the three ITU Sectors",
        "instructs the Director  [instructs] → tsb-director",
        "1 to report [1]",
        "a) nested",
        "1 Scope",
        "Annex A  Procedures  [annex]",
        "approved: 2012-11-29",
        "1: a note",
        "itu-t-rec-a.4  ← Rec A.4",
        "instructs 1: report → tsb-director",
        "warnings (1)",
    ):
        assert expected in text


def test_json_is_an_object_or_a_list() -> None:
    assert json.loads(documents_json([DOC], as_list=False))["id"] == "wtsa-res-38"
    assert [d["id"] for d in json.loads(documents_json([DOC, DOC], as_list=True))] == [
        "wtsa-res-38",
        "wtsa-res-38",
    ]


def test_segments_dump_lists_each_line() -> None:
    lines = [Line(1, "identity", "RESOLUTION 38", label="38", function="resolution")]
    assert segments_dump("r.txt", lines).splitlines() == [
        "# r.txt",
        "    1  identity     label=38 function=resolution | RESOLUTION 38",
    ]


def test_failure_table_names_file_line_and_problem() -> None:
    error = UnknownTextError("no ITU text", source="a.txt", line=3, excerpt="Hello")
    text = render(failure_table([ParsedFile("a.txt", error=error)]))
    assert "1 file(s) not read" in text
    assert "a.txt" in text
    assert "no ITU text" in text
    assert "Hello" in text


def test_json_is_the_text_the_standard_encoder_writes() -> None:
    """orjson writes the contract: the same text as `json.dumps(indent=2, ensure_ascii=False)`
    for every golden document, alone and as a list."""
    from pathlib import Path

    from intersector.domain.document_json import document_to_dict
    from intersector.texts.parse import parse_document

    folder = Path(__file__).parent.parent / "data" / "texts"
    docs = [parse_document(p.read_text("utf-8")) for p in sorted(folder.glob("*.txt"))]
    dicts = [document_to_dict(doc) for doc in docs]
    assert documents_json(docs, as_list=True) == json.dumps(dicts, ensure_ascii=False, indent=2)
    for doc, data in zip(docs, dicts, strict=True):
        assert documents_json([doc], as_list=False) == json.dumps(
            data, ensure_ascii=False, indent=2
        )
