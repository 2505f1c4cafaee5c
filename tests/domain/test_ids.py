from __future__ import annotations

import pytest

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
