"""`intersector report cooperation` on the sample corpus (registry and texts): the JSON against
its golden file, the DOCX made a PDF by LibreOffice and its pages rendered to PNG by pdftoppm,
the HTML with its SVG charts, French and Spanish labels, the changes since the previous report,
and bad input naming what was wrong. Set INTERSECTOR_UPDATE_GOLDEN=1 to rewrite the golden file
after a deliberate change (then read its diff)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

from intersector import cli, services
from intersector.settings import Settings

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "data" / "sample"
GOLDEN = Path(__file__).parent / "data" / "reports" / "cooperation-tsag-2025-2026-en.expected.json"
TODAY = "2026-03-31"
ASK = ["report", "cooperation", "--to", "TSAG", "--period", "2025-2026", "--today", TODAY]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The sample registry and texts in a SQLite file (copied for each test that writes)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('sample') / 'sample.db'}"
    settings = Settings(database_url=url, author="tester")
    result, _ = services.load_registry(settings, [SAMPLE / "registry"])
    assert result.errors == []
    stored, failed = services.ingest_paths(settings, [SAMPLE / "texts"])
    assert len(stored) == 3 and not failed
    return url


@pytest.fixture
def db(sample_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "sample.db"
    shutil.copy(sample_db.removeprefix("sqlite:///"), copy)
    monkeypatch.setenv("INTERSECTOR_DATABASE_URL", f"sqlite:///{copy}")
    monkeypatch.setenv("INTERSECTOR_AUTHOR", "tester")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_json_matches_the_golden_file(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run([*ASK, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    if os.environ.get("INTERSECTOR_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert data == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_every_figure_is_traceable_in_the_annex(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run([*ASK, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    annex = {a["key"]: a for a in data["annex"]}
    shown = [f for s in data["sections"] for f in s["figures"]]
    assert shown and all(annex[f["key"]]["value"] == f["value"] for f in shown)
    assert all(a["value"] == len(a["items"]) for a in annex.values())
    assert annex["actions.total"]["items"][:2] == [
        "wtsa-res-38:resolves-1",
        "wtsa-res-38:resolves-2",
    ]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_docx_opens_in_libreoffice_and_pages_render(db: Path) -> None:
    assert cli.run([*ASK, "--format", "docx", "--language", "fr", "--output", "r.docx"]) == 0
    doc = Document(str(db / "r.docx"))
    header = doc.tables[1]
    assert [row.cells[0].text for row in header.rows][:3] == ["Réunion:", "Document:", "Date:"]
    assert header.rows[4].cells[1].text.startswith("Coopération entre les trois Secteurs")
    with zipfile.ZipFile(db / "r.docx") as package:
        assert sum(n.startswith("word/media/") for n in package.namelist()) == 3  # 3 charts
    assert cli.run([*ASK, "--format", "pdf", "--output", "r.pdf"]) == 0
    assert (db / "r.pdf").read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(db / "r.pdf"), str(db / "page")],
                   check=True, timeout=120)  # fmt: skip
    pages = sorted(db.glob("page-*.png"))
    assert len(pages) >= 3
    from PIL import Image

    with Image.open(pages[0]) as first:
        assert first.size[1] > first.size[0]  # A4 portrait
        colours = first.convert("L").getextrema()
        assert colours[0] < 80 and colours[1] > 200  # text on paper, not a blank page


def test_pdf_without_libreoffice_says_what_to_install(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INTERSECTOR_SOFFICE", "no-such-soffice")
    assert cli.run([*ASK, "--format", "pdf"]) == 2
    err = capsys.readouterr().err
    assert "needs LibreOffice" in err and "apt-get install" in err


def test_html_has_the_header_block_svg_charts_and_annex(db: Path) -> None:
    assert cli.run([*ASK, "--format", "html", "--language", "es"]) == 0
    page = (db / "cooperation-tsag-2025-2026-es.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in page and "Acción requerida" in page
    assert page.count('<svg class="chart"') == 3 and "<script" not in page
    assert 'id="fig-liaisons.overdue"' in page and 'href="#fig-liaisons.overdue"' in page


def test_the_next_report_says_what_changed(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run([*ASK, "--format", "json", "--document", "TSAG-TD1"]) == 0
    capsys.readouterr()
    assert cli.run(["action", "wtsa-res-57:resolves-1", "--status", "done"]) == 0
    later = ["report", "cooperation", "--to", "tsag", "--period", "2025-2026", "--today",
             "2026-09-01", "--format", "json"]  # fmt: skip
    capsys.readouterr()
    assert cli.run(later) == 0
    changes = json.loads(capsys.readouterr().out)["sections"][-1]
    assert "2026-03-31 (TSAG-TD1)" in changes["paragraphs"][0]
    rows = {row[0]: row for row in changes["tables"][0]["rows"]}
    assert rows["Status: done"][1:5] == ["0", "1", "+1", "wtsa-res-57:resolves-1"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "itu", "--period", "2025-2026"], "'to'"),
        (["--to", "tsag", "--period", "2026-2025"], "period"),
        (["--to", "tsag", "--period", "last year"], "period"),
        (["--to", "tsag", "--period", "2025", "--language", "de"], "language"),
        (["--to", "tsag", "--period", "2025", "--format", "odt"], "format"),
        (["--to", "tsag", "--period", "2025", "--purpose", "fun"], "purpose"),
    ],
)
def test_bad_input_exits_2_naming_it(
    db: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert cli.run(["report", "cooperation", *args]) == 2
    assert message in capsys.readouterr().err


def test_report_docx_bytes_are_a_word_package(db: Path) -> None:
    settings = Settings.from_env()
    request = services.report_request("rag", "2025")
    report, data = services.cooperation_report_file(settings, request, "docx")
    assert report.to == "rag" and zipfile.is_zipfile(io.BytesIO(data))
