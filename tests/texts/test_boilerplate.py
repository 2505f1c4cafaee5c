"""texts/boilerplate.py: boilerplate kept apart in every language."""

from __future__ import annotations

import pytest

from intersector.texts.boilerplate import boilerplate_blocks, split_front
from intersector.texts.lexicon import BY_CODE
from intersector.texts.segment import segment

EN = (
    "FOREWORD\nThe ITU is.\nIt works.\nNOTE\nA note.\nINTELLECTUAL PROPERTY RIGHTS\n"
    "ITU draws.\n© ITU 2016\nAll rights reserved."
)
FR = (
    "AVANT-PROPOS\nL'UIT est.\nElle travaille.\nNOTE\nUne note.\n"
    "DROITS DE PROPRIÉTÉ INTELLECTUELLE\nL'UIT attire.\n© UIT 2016\nTous droits réservés."
)
ES = (
    "PREFACIO\nLa UIT es.\nTrabaja.\nNOTA\nUna nota.\nDERECHOS DE PROPIEDAD INTELECTUAL\n"
    "La UIT señala.\n© UIT 2016\nReservados todos los derechos."
)


@pytest.mark.parametrize(("text", "code"), [(EN, "en"), (FR, "fr"), (ES, "es")])
def test_foreword_and_blocks_in_every_language(text: str, code: str) -> None:
    lines = text.split("\n")
    foreword, others = split_front(segment(text, BY_CODE[code]))
    assert foreword == "\n".join(lines[1:3])
    assert list(others) == ["\n".join(lines[3:5]), "\n".join(lines[5:7]), "\n".join(lines[7:9])]


def test_lines_before_any_heading_are_kept() -> None:
    blocks = boilerplate_blocks(segment("A cover line\nFOREWORD\nText.", BY_CODE["en"]))
    assert blocks == [("other", "A cover line"), ("foreword", "Text.")]


def test_contents_keep_their_labels() -> None:
    blocks = boilerplate_blocks(segment("Table of Contents\n1\tScope\t1", BY_CODE["en"]))
    assert blocks == [("contents", "Table of Contents\n1\tScope\t1")]
