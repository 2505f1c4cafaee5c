"""JSON text for the outputs other tools read (`parse`, `check`, `overlaps`, `subjects`,
`roadmap` in JSON): valid JSON whatever the strings hold. Control characters are escaped (as
the standard encoder does); lone surrogates, which no UTF-8 output can carry (writing them
raised `UnicodeEncodeError` after part of the output was out), are written as `\\uXXXX`
escapes, valid JSON from which a reader gets the same string back. Everything else stays
unescaped UTF-8."""

from __future__ import annotations

import json
import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(value: Any, *, indent: int | None = None) -> str:
    """`value` as JSON text (see the module); `indent` as `json.dumps`'s."""
    return escape_surrogates(json.dumps(value, ensure_ascii=False, indent=indent))


def escape_surrogates(text: str) -> str:
    """JSON text with each surrogate code point written as its `\\uXXXX` escape (surrogates can
    only stand inside JSON strings, where any character may be escaped)."""
    return _SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
