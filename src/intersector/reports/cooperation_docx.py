"""The cooperation report as a Word document in the layout of an ITU contribution (python-docx):
the Union's and the advisory group's names with the document number, then the header block as a
two-column table (meeting, document, date, source, title, purpose, summary, action required,
references), the six numbered sections with their charts as PNG images (matplotlib) and tables,
and the annex listing the registry items behind each figure. Times New Roman 12, A4 portrait."""

from __future__ import annotations

import io

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from intersector.reports.cooperation import CooperationReport, Section, Table
from intersector.reports.report_charts import chart_png

GROUP_NAMES = {
    "rag": "RADIOCOMMUNICATION ADVISORY GROUP",
    "tsag": "TELECOMMUNICATION STANDARDIZATION ADVISORY GROUP",
    "tdag": "TELECOMMUNICATION DEVELOPMENT ADVISORY GROUP",
}
HEADER_FIELDS = ("meeting", "document", "date", "source", "title", "purpose", "summary",
                 "action_required")  # fmt: skip


def _styles(doc: Document) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)


def _masthead(doc: Document, report: CooperationReport) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = ""
    run = left.paragraphs[0].add_run("INTERNATIONAL TELECOMMUNICATION UNION")
    run.bold = True
    left.add_paragraph(GROUP_NAMES[report.to]).runs[0].bold = True
    left.add_paragraph(report.period)
    right.text = ""
    number = right.paragraphs[0].add_run(report.header.document)
    number.bold, number.font.size = True, Pt(16)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    original = right.add_paragraph(f"{report.labels['date']}: {report.header.date}")
    original.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _header_block(doc: Document, report: CooperationReport) -> None:
    h = report.header
    values = {**{name: getattr(h, name) for name in HEADER_FIELDS},
              "references": "; ".join(h.references)}  # fmt: skip
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for name, value in values.items():
        cells = table.add_row().cells
        cells[0].text = ""
        cells[0].paragraphs[0].add_run(report.labels[name] + ":").bold = True
        cells[1].text = value
        if name == "title":
            cells[1].paragraphs[0].runs[0].bold = True
        cells[0].width, cells[1].width = Cm(4.5), Cm(12.5)


def _table(doc: Document, table: Table) -> None:
    grid = doc.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    for cell, name in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(name)
        run.bold, run.font.size = True, Pt(10)
    for row in table.rows:
        for cell, value in zip(grid.add_row().cells, row, strict=True):
            cell.text = value
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(10)
    doc.add_paragraph()


def _section(doc: Document, section: Section) -> None:
    doc.add_heading(f"{section.number}\t{section.title}", level=1)
    for paragraph in section.paragraphs:
        doc.add_paragraph(paragraph)
    for figure in section.figures:
        if figure.key.startswith("subject."):
            continue  # the matrix table and chart show these; the annex lists them
        line = doc.add_paragraph(style="List Bullet")
        line.add_run(f"{figure.label}: ")
        line.add_run(str(figure.value)).bold = True
    for chart in section.charts:
        doc.add_picture(io.BytesIO(chart_png(chart)), width=Cm(16))
        doc.add_paragraph(chart.title).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for table in section.tables:
        _table(doc, table)


def _annex(doc: Document, report: CooperationReport) -> None:
    doc.add_page_break()  # type: ignore[no-untyped-call]
    doc.add_heading(report.labels["annex"], level=1)
    doc.add_paragraph(report.labels["annex.intro"])
    rows = tuple(
        (f"{f.label} ({f.key})", str(f.value), ", ".join(f.items) or "-") for f in report.figures
    )
    names = (report.labels["col.figure"], report.labels["col.value"], report.labels["col.items"])
    _table(doc, Table(names, rows))


def report_document(report: CooperationReport) -> Document:
    """The Word document of `report` (python-docx's object, to save or inspect)."""
    doc = docx.Document()
    _styles(doc)
    _masthead(doc, report)
    doc.add_paragraph()
    _header_block(doc, report)
    for section in report.sections:
        _section(doc, section)
    _annex(doc, report)
    doc.core_properties.title = report.header.title
    doc.core_properties.author = report.header.source
    doc.core_properties.language = report.language
    return doc


def report_docx(report: CooperationReport) -> bytes:
    """The .docx bytes of `report`."""
    buffer = io.BytesIO()
    report_document(report).save(buffer)
    return buffer.getvalue()
