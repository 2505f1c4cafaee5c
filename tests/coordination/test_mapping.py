"""ISCG mapping tables and their XLSX/HTML reports; review memory."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from intersector.coordination.embeddings import HashingEmbedder
from intersector.coordination.mapping import MAPPINGS, mapping_spec, mapping_table
from intersector.coordination.overlap import OverlapIndex, WorkText
from intersector.coordination.review import make_review, needs_review, pending
from intersector.domain.errors import ValidationError
from intersector.reports.mapping_html import mapping_html
from intersector.reports.mapping_xlsx import HEADER, mapping_xlsx


def q(id_: str, sector: str, group: str, text: str, kind: str = "question") -> WorkText:
    return WorkText(id=id_, sector=sector, text=text, title=text, group=group, kind=kind)


@pytest.fixture(scope="module")
def index() -> OverlapIndex:
    return OverlapIndex.build(
        [
            q("itu-d-q3-1", "itu-d", "itu-d-sg1", "disaster relief emergency telecommunications"),
            q("itu-d-q7-2", "itu-d", "itu-d-sg2", "human exposure to electromagnetic fields"),
            q(
                "itu-r-rec-m.2009",
                "itu-r",
                "itu-r-wp5a",
                "radio for public protection and disaster relief emergency",
                "recommendation",
            ),
            q(
                "itu-r-rep-m.2085",
                "itu-r",
                "itu-r-wp5a",
                "amateur service disaster relief",
                "report",
            ),
            q("itu-t-q7-5", "itu-t", "itu-t-sg5", "human exposure to electromagnetic fields EMF"),
            q("itu-t-q3-2", "itu-t", "itu-t-sg2", "emergency telecommunications disaster relief"),
        ],
        HashingEmbedder(),
    )


def test_itu_d_to_itu_r_rows_are_grouped_by_working_party(index: OverlapIndex) -> None:
    rows = mapping_table(index, "itu-d:itu-r", min_score=0.1)
    disaster = [r for r in rows if r.source.id == "itu-d-q3-1"]
    assert [r.target for r in disaster] == ["itu-r-wp5a"]
    assert set(disaster[0].items) == {"itu-r-rec-m.2009", "itu-r-rep-m.2085"}
    assert "emergency" in disaster[0].shared_concepts


def test_itu_d_to_itu_t_rows_name_questions(index: OverlapIndex) -> None:
    rows = mapping_table(index, "itu-d:itu-t", min_score=0.1)
    best = {r.source.id: r.target for r in rows if r.items[0] == r.target}
    assert best["itu-d-q7-2"] == "itu-t-q7-5"
    assert all(r.source.sector == "itu-d" for r in rows)


def test_unknown_mapping_is_a_validation_error() -> None:
    assert set(MAPPINGS) == {"itu-d:itu-r", "itu-t:itu-r", "itu-d:itu-t"}
    with pytest.raises(ValidationError, match="itu-d:itu-r"):
        mapping_spec("itu-r:itu-d")


def test_xlsx_and_html(index: OverlapIndex) -> None:
    rows = mapping_table(index, "itu-d:itu-r", min_score=0.1)
    sheet = load_workbook(BytesIO(mapping_xlsx("itu-d:itu-r", rows))).active
    assert tuple(c.value for c in sheet[1]) == HEADER
    assert sheet.max_row == len(rows) + 1
    page = mapping_html("itu-d:itu-r", rows)
    assert "itu-r-wp5a" in page and "<table>" in page


def test_review_holds_until_a_side_changes(index: OverlapIndex) -> None:
    cand = index.candidates_for("itu-d-q3-1")[0]
    review = make_review(cand, "confirmed", "same ground", "ana")
    assert review.id == cand.id
    assert not needs_review(cand, {review.id: review})
    changed = OverlapIndex.build(
        [
            w
            if w.id != cand.right.id
            else WorkText(w.id, w.sector, w.text + " revised", w.title, w.group, kind=w.kind)
            for w in index.works
        ],
        HashingEmbedder(),
    )
    again = next(c for c in changed.candidates_for("itu-d-q3-1") if c.id == cand.id)
    assert needs_review(again, {review.id: review})
    assert pending([cand, again], {review.id: review}) == [again]
    with pytest.raises(ValidationError, match="unknown decision"):
        make_review(cand, "maybe")


def test_assembly_resolutions_are_not_mapped_and_generic_terms_not_evidence() -> None:
    index = OverlapIndex.build(
        [
            q("itu-d-q3-1", "itu-d", "itu-d-sg1", "disaster relief emergency telecommunications"),
            q(
                "itu-r-res-55",
                "itu-r",
                "ra",
                "disaster relief emergency telecommunications",
                "resolution",
            ),
            q(
                "itu-r-rep-m.2085",
                "itu-r",
                "itu-r-wp5a",
                "disaster relief telecommunications",
                "report",
            ),
        ],
        HashingEmbedder(),
    )
    rows = mapping_table(index, "itu-d:itu-r", min_score=0.1)
    assert [r.target for r in rows] == ["itu-r-wp5a"]
    assert rows[0].shared_concepts == ("emergency",)
    assert "telecommunication" not in rows[0].shared_concepts
