from __future__ import annotations

import pytest

from intersector.domain import ids
from intersector.domain.ids import group_id, make_id, question_id, text_id, well_known_group


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("wtsa", "res", "57"), "wtsa-res-57"),
        (("ITU-T", "rec", "A.4"), "itu-t-rec-a.4"),
        (("ITU-R", "res", "50-2"), "itu-r-res-50-2"),
        (("itu-r", "wp5D"), "itu-r-wp5d"),
        (("Dubaï",), "dubai"),
        (("  ", "x  y"), "x-y"),
    ],
)
def test_make_id(parts: tuple[str, ...], expected: str) -> None:
    assert make_id(*parts) == expected


def test_text_question_and_group_ids() -> None:
    assert text_id("wtsa", "resolution", "57") == "wtsa-res-57"
    assert text_id("itu-r", "recommendation", "M.2150") == "itu-r-rec-m.2150"
    assert text_id("itu-t", "recommendation", "E.119") == "itu-t-rec-e.119"
    assert question_id("itu-t", "6", "13") == "itu-t-q6-13"
    assert group_id("itu-t", "sg", "13") == "itu-t-sg13"
    assert group_id("itu-r", "wp", "5D") == "itu-r-wp5d"


def test_well_known_group() -> None:
    assert well_known_group("TSB director") == "tsb-director"
    with pytest.raises(KeyError):
        well_known_group("nobody")


@pytest.mark.parametrize(
    ("parent", "kind", "label", "expected"),
    [
        ("itu-t-rec-p.340", "amendment", "1", "itu-t-rec-p.340-amd1"),
        ("itu-t-rec-p.862.2", "corrigendum", "1", "itu-t-rec-p.862.2-cor1"),
        ("itu-t-rec-t.832", "erratum", "1", "itu-t-rec-t.832-err1"),
        ("itu-t-rec-z.100", "annex", "F1", "itu-t-rec-z.100-annf1"),
        ("itu-t-rec-g.8101", "implementers-guide", "", "itu-t-rec-g.8101-imp"),
    ],
)
def test_part_ids_name_their_parent(parent: str, kind: str, label: str, expected: str) -> None:
    assert ids.part_id(parent, kind, label) == expected
    assert ids.parent_of(expected) == parent


@pytest.mark.parametrize(
    "work",
    ["itu-t-rec-p.340", "wtsa-res-57", "itu-t-sup-a-5", "itu-r-rec-m.2150", "itu-t-q6-13",
     "itu-t-rec-x.609.7", "itu-r-res-1", "pp-res-71"],
)  # fmt: skip
def test_works_of_their_own_have_no_parent(work: str) -> None:
    assert ids.parent_of(work) == ""


def test_a_kind_that_is_no_part_is_refused() -> None:
    with pytest.raises(KeyError):
        ids.part_id("itu-t-rec-p.340", "resolution", "1")
