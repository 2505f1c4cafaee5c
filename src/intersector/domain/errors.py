"""Errors a user can cause. Each names the input (file, line, field) and says what to do; the
doors (CLI, API) translate them in one place and never show a traceback."""

from __future__ import annotations


class IntersectorError(Exception):
    """Base of every error a user can cause."""

    def __init__(
        self,
        message: str,
        *,
        source: str = "",
        line: int | None = None,
        field: str = "",
        excerpt: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.field = field
        self.excerpt = excerpt

    @property
    def place(self) -> str:
        """`res38.txt, line 12, field 'deadline'` — as much as is known."""
        bits = []
        if self.source:
            bits.append(self.source)
        if self.line is not None:
            bits.append(f"line {self.line}")
        if self.field:
            bits.append(f"field {self.field!r}")
        return ", ".join(bits)

    def __str__(self) -> str:
        head = f"{self.place}: {self.message}" if self.place else self.message
        return f"{head}\n    {self.excerpt}" if self.excerpt else head


class InputError(IntersectorError):
    """A file that cannot be read as what it claims to be: empty, binary, a PDF named .txt."""


class UnknownTextError(InputError):
    """A readable text that is no ITU text the reader knows (use --lenient for a best effort)."""


class ValidationError(IntersectorError):
    """A registry row or request body with a missing or wrong field."""


class UnknownValueError(ValidationError):
    """A value typed for a filter or option that the registry does not know (`--sector ITU-X`):
    carries the known values (`known`), which the doors show."""

    def __init__(self, message: str, *, field: str, known: tuple[str, ...] = ()) -> None:
        super().__init__(message, field=field)
        self.known = known


class NotFoundError(IntersectorError):
    """No item with that id."""


class ConflictError(IntersectorError):
    """The item changed since it was read (optimistic locking): re-read it and apply again."""


class PermissionDeniedError(IntersectorError):
    """The user may not do this (another Sector's item, a role they do not have)."""


def a(noun: str) -> str:
    """`noun` with its indefinite article, as messages say it: `an activity`, `a liaison`."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"
