from __future__ import annotations

from intersector.domain.errors import InputError, IntersectorError


def test_error_names_file_line_field_and_shows_excerpt() -> None:
    error = InputError(
        "expected a clause label like 'a)'", source="res38.txt", line=12, excerpt="considering"
    )
    assert str(error) == "res38.txt, line 12: expected a clause label like 'a)'\n    considering"
    assert isinstance(error, IntersectorError)


def test_error_without_place_is_just_the_message() -> None:
    assert str(IntersectorError("no database")) == "no database"
    assert IntersectorError("x", field="deadline").place == "field 'deadline'"
