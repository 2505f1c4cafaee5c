"""Text for a terminal: whatever users put in files, names and fields (a registry title, a file
name, an error message quoting them) is printed as itself, never obeyed. `safe` makes control
characters (C0 but tab and new line, DEL, C1 — `ESC[2J` clears a screen), bidirectional overrides
(which reorder what is shown) and lone surrogates (which crash the output's encoder) visible as
escapes. `Terminal` is the Rich console of the CLI: it applies `safe` to every string it renders
(tables included), reads no Rich markup (`[red]…` in a title stays text) and knows no emoji codes
(`:x:` stays text); the program styles its own output with styled `rich.text.Text`, never
markup.

Piped output (a file, `less`, `grep`) has no width of its own: with `COLUMNS` unset, a console
whose stream is not a terminal renders as wide as `WIDE` columns, so table cells keep their words
and ids whole on one line (`Milestones`, `itu-r-rec-m.2150`), never folded at 80 columns."""

from __future__ import annotations

import json as json_module
import os
import re
from typing import Any

from rich.console import Console
from rich.highlighter import JSONHighlighter
from rich.text import Text

_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
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


WIDE = 4096  # columns of piped output: wider than any row, so nothing is folded or cut


class Terminal(Console):
    """A Rich console that prints every string safely (`safe`), reads no markup and knows no
    emoji codes; piped with `COLUMNS` unset, it is `WIDE` columns wide."""

    def __init__(self, **options: Any) -> None:
        options.setdefault("emoji", False)
        options.setdefault("markup", False)
        super().__init__(**options)
        if options.get("width") is None and not self.is_terminal and not os.environ.get("COLUMNS"):
            self.width = WIDE

    def render_str(self, text: str, **options: Any) -> Text:
        options["emoji"] = options["markup"] = False
        return super().render_str(safe(text), **options)

    def print_json(
        self,
        json: str | None = None,
        *,
        data: Any = None,
        indent: int | str | None = 2,
        **options: Any,
    ) -> None:
        """`json` (text) or `data`, indented and highlighted, with the characters JSON leaves raw
        but a terminal obeys (C1, bidirectional overrides) as `\\uXXXX` escapes and lone
        surrogates escaped too. Rich's own `print_json` decodes the text and writes the strings
        back raw, so the escaping is done on the final text here."""
        value = json_module.loads(json) if json is not None else data
        text = json_module.dumps(value, indent=indent, ensure_ascii=False)
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
        text = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
        options.setdefault("soft_wrap", True)
        self.print(JSONHighlighter()(Text(text)), **options)
