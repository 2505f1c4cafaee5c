"""services/browse.py: natural ITU order, facets with counts, sort in both directions with
empty values last, pages, and unknown columns or bad pages refused by name."""

from __future__ import annotations

from datetime import date

import pytest

from intersector.domain.errors import UnknownValueError, ValidationError
from intersector.domain.ids import natural_key
from intersector.services.browse import browse, table_csv, table_dict

ROWS = [
    {"id": "k.100", "sector": "itu-t", "subjects": ["emc"], "target": date(2026, 1, 1)},
    {"id": "k.52", "sector": "itu-t", "subjects": ["emc", "imt"], "target": None},
    {"id": "K.9", "sector": "itu-r", "subjects": [], "target": date(2024, 5, 1)},
    {"id": "q10/13", "sector": "itu-d", "subjects": ["imt"], "target": date(2025, 1, 1)},
]
COLUMNS = ("id", "sector", "subjects", "target")


def test_natural_key_reads_numbers_as_numbers() -> None:
    ids = ["K.100", "k.52", "Q10/13", "Q2/13", "SG13", "SG5", "K.9"]
    assert sorted(ids, key=natural_key) == [
        "K.9",
        "k.52",
        "K.100",
        "Q2/13",
        "Q10/13",
        "SG5",
        "SG13",
    ]


def test_sort_natural_both_ways_and_empty_last() -> None:
    up = browse(ROWS, COLUMNS, sort="ID")
    assert [r["id"] for r in up.rows] == ["K.9", "k.52", "k.100", "q10/13"]
    down = browse(ROWS, COLUMNS, sort="id", order="DESC")
    assert [r["id"] for r in down.rows] == ["q10/13", "k.100", "k.52", "K.9"]
    by_target = browse(ROWS, COLUMNS, sort="target", order="desc")
    assert [r["id"] for r in by_target.rows][-1] == "k.52"  # no target: last either way


def test_facets_count_each_value_of_a_list() -> None:
    table = browse(ROWS, COLUMNS, facets=("sector", "subjects"))
    sectors = {v.value: v.count for v in table.facets[0].values}
    subjects = {v.value: v.count for v in table.facets[1].values}
    assert sectors == {"itu-t": 2, "itu-r": 1, "itu-d": 1}
    assert subjects == {"emc": 2, "imt": 2}
    assert table.facets[0].values[0].value == "itu-t"  # most frequent first


def test_a_page_and_its_downloads_hold_the_same_rows() -> None:
    table = browse(ROWS, COLUMNS, sort="id", offset=1, limit=2)
    assert table.total == 4 and table.next_offset == 3 and table.previous_offset == 0
    ids = [r["id"] for r in table_dict(table)["rows"]]
    assert ids == ["k.52", "k.100"]
    lines = table_csv(table).splitlines()
    assert lines[0] == "id,sector,subjects,target"
    assert [line.split(",")[0] for line in lines[1:]] == ids
    assert lines[1] == "k.52,itu-t,emc; imt,"


def test_unknown_sort_and_bad_pages_are_refused() -> None:
    with pytest.raises(UnknownValueError) as error:
        browse(ROWS, COLUMNS, sort="colour")
    assert error.value.field == "sort" and "target" in error.value.known
    with pytest.raises(UnknownValueError):
        browse(ROWS, COLUMNS, order="up")
    with pytest.raises(ValidationError, match="limit"):
        browse(ROWS, COLUMNS, limit=0)
    with pytest.raises(ValidationError, match="offset"):
        browse(ROWS, COLUMNS, offset=-1)


def test_csv_cells_never_run_as_formulas() -> None:
    table = browse([{"id": "=HYPERLINK(1)", "n": 3}], ("id", "n"))
    assert table_csv(table).splitlines()[1] == "'=HYPERLINK(1),3"
