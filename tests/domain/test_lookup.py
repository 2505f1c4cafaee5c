"""domain/lookup.py: what people type, matched case-insensitively; unknown values named."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intersector.domain.errors import ValidationError
from intersector.domain.lookup import lookup, lookup_optional
from intersector.domain.registry import SECTORS


@pytest.mark.parametrize("typed", ["ITU-D", "itu-d", " Itu-D ", "ITU-d"])
def test_sectors_match_whatever_the_case(typed: str) -> None:
    assert lookup(typed, SECTORS, field="sector") == "itu-d"


def test_an_unknown_value_names_the_field_and_the_known_values() -> None:
    with pytest.raises(ValidationError) as caught:
        lookup("ITU-X", SECTORS, field="sector")
    assert caught.value.field == "sector"
    assert "'ITU-X'" in str(caught.value) and "itu-d, itu-r, itu-t" in str(caught.value)


def test_aliases_and_long_lists_name_the_closest_values() -> None:
    assert lookup("5G", ["imt", "emc"], field="subject", aliases={"5g": "imt"}) == "imt"
    ids = [f"itu-t-rec-y.{n}" for n in range(3000, 3100)]
    with pytest.raises(ValidationError) as caught:
        lookup("itu-t-rec-y.31011", ids, field="item")
    message = str(caught.value)
    assert "100 known values" in message and "itu-t-rec-y.3101" in message


def test_nothing_typed_is_no_filter() -> None:
    assert lookup_optional(None, SECTORS, field="sector") == ""
    assert lookup_optional("  ", SECTORS, field="sector") == ""
    assert lookup_optional("ITU-R", SECTORS, field="sector") == "itu-r"


@given(st.sampled_from(SECTORS), st.lists(st.booleans(), min_size=5, max_size=5))
def test_any_casing_of_a_known_value_finds_it(sector: str, upper: list[bool]) -> None:
    typed = "".join(c.upper() if u else c for c, u in zip(sector, upper, strict=True))
    assert lookup(typed, SECTORS, field="sector") == sector
