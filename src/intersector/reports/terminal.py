"""Text for a terminal: whatever users put in files, names and fields (a registry title, a file
name, an error message quoting them) is printed as itself, never obeyed. `safe` makes control
characters (C0 but tab and new line, DEL, C1 — `ESC[2J` clears a screen), bidirectional overrides
(which reorder what is shown) and lone surrogates (which crash the output's encoder) visible as
escapes; `Terminal` is a Rich console that does it to every string it renders and never turns
`:x:` into an emoji. Rich markup stays for the program's own styling: user text inside it goes
through `markup` (or is printed with `markup=False`)."""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.text import Text

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(value: object) -> str:
    """`value` as text that prints as itself on a terminal (controls and surrogates escaped)."""
    text = str(value)
    if not text.isprintable():
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
        text = _UNSAFE.sub(_visible, text)
    return text


def markup(value: object) -> str:
    """`value` made safe and escaped for Rich markup: to put user text inside styled markup."""
    return escape(safe(value))


def plain(value: object) -> Text:
    """`value` as Rich text that is never read as markup: a table cell of user data."""
    return Text(safe(value))


class Terminal(Console):
    """A Rich console that prints every string safely (`safe`) and knows no emoji codes."""

    def __init__(self, **options: Any) -> None:
        options.setdefault("emoji", False)
        super().__init__(**options)

    def render_str(self, text: str, **options: Any) -> Text:
        return super().render_str(safe(text), **options)
