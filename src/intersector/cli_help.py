"""What `intersector COMMAND --help` shows besides the docstrings: plain value types (`TEXT`,
`INTEGER`, `PATH`, `YYYY-MM-DD`; flags none) instead of Python annotations (`<list[str]>`,
`<bool>`), and an EXAMPLES section under each command, written for the database `intersector demo`
makes (upper-case words stand for values of your own)."""

from __future__ import annotations

from typing import Any

import typer
from typer import core

# Example lines per command path (`user add`); names as in the demo data.
EXAMPLES: dict[str, tuple[str, ...]] = {
    "parse": (
        "intersector parse data/sample/texts/wtsa-res-57-en.txt",
        "intersector parse data/sample/texts/wtsa-res-38-en.txt --format text",
        "intersector parse data/sample/texts/*.txt --format akn --output akn/",
    ),
    "serve": ("intersector serve --port 8000", "intersector serve --no-access-log"),
    "user add": (
        "intersector user add cora --role coordinator",
        "printf 'pw\\n' | intersector user add tom --role editor --sector itu-t --password-stdin",
    ),
    "user role": ("intersector user role tom editor --sector itu-t --sector itu-d",),
    "user token": (
        'intersector user token tom --scope write --label "nightly import"',
        "intersector user token tom --revoke TOKEN-ID",
    ),
    "user password": ("intersector user password tom",),
    "user revoke-sessions": ("intersector user revoke-sessions tom",),
    "user email": ("intersector user email tom tom@example.org",),
    "user list": ("intersector user list", "intersector user list --format json"),
    "roadmap": (
        "intersector roadmap imt",
        "intersector roadmap imt --sector itu-r --today 2025-06-01",
        "intersector roadmap imt --format html --output imt.html",
    ),
    "check": (
        "intersector check",
        "intersector check --subject imt --limit 0",
        "intersector check --format json",
    ),
    "demo": ("intersector demo", "intersector demo --sample data/sample --output imt.html"),
    "ingest": ("intersector ingest data/sample/texts/", "intersector ingest RES57.docx --lenient"),
    "show": (
        "intersector show wtsa-res-57 --language fr",
        "intersector show itu-r-rec-m.2150 --format text",
    ),
    "load": ("intersector load data/sample/registry/",),
    "import-relaton": ("intersector import-relaton data/sample/registry/publications.jsonl",),
    "export": (
        "intersector export --format csv --output registry/",
        "intersector export --output registry.yaml",
    ),
    "history": (
        "intersector history activity itu-r-rec-m.2150",
        "intersector history activity itu-r-rec-m.2150 --format json",
    ),
    "restore": ("intersector restore activity itu-r-rec-m.2150 1 --reason 'undo'",),
    "overlaps": (
        "intersector overlaps",
        "intersector overlaps --sector itu-d --limit 20 --offset 20",
        "intersector overlaps --item itu-d-q3-1 --limit 5 --format json",
        "intersector overlaps --format html --output overlaps.html",
    ),
    "review": ('intersector review wtdc-res-59~wtsa-res-57 confirmed --note "twin texts"',),
    "subjects": (
        "intersector subjects --item itu-d-q3-1 --format json",
        "intersector subjects --matrix --common",
    ),
    "mapping": (
        "intersector mapping itu-d:itu-r",
        "intersector mapping itu-t:itu-r --format xlsx",
        "intersector mapping itu-d:itu-t --format json",
    ),
    "versions": (
        "intersector versions wtsa-res-57",
        "intersector versions wtsa-res-57 --format json",
    ),
    "watch add": (
        "intersector watch add group itu-t-sg13 --user tom",
        "intersector watch add subject imt --user tom",
    ),
    "watch remove": ("intersector watch remove subject imt --user tom",),
    "watch list": ("intersector watch list --user tom",),
    "notify": (
        "intersector notify --dry-run",
        "intersector notify --date 2025-06-01 --lead-days 14",
    ),
    "diff": (
        "intersector diff wtsa-res-57 --from 2008 --to 2012",
        "intersector diff wtsa-res-57 --from 2008 --to 2012 --format html --output diff.html",
    ),
    "actions": (
        "intersector actions",
        "intersector actions --addressee tsb-director --status not-started",
        "intersector actions --document wtsa-res-57 --format xlsx --output plan.xlsx",
    ),
    "action": (
        "intersector action wtsa-res-38:instructs --status ongoing --owner TSB",
        "intersector action wtsa-res-57:resolves-1 --due 2026-06-30 --evidence report:TSAG-TD12",
    ),
    "report cooperation": (
        "intersector report cooperation --to tsag --period 2025-2026",
        "intersector report cooperation --to rag --period 2025-2026 --language fr --format pdf",
        "intersector report cooperation --to tdag --period 2025 --format json --today 2025-12-31",
    ),
}

_PLAIN = {str: "TEXT", int: "INTEGER", float: "NUMBER"}


def _plain_type(self: core.TyperArgument | core.TyperOption, ctx: Any) -> str | None:
    """The value a parameter takes, as a word: TEXT, INTEGER, PATH, YYYY-MM-DD; none for flags."""
    if getattr(self, "is_flag", False):
        return None
    desc = self.type_descriptor
    if desc.is_datetime:
        formats = desc.parameter_info.formats or ["%Y-%m-%d"]
        return " | ".join(
            f.replace("%Y", "YYYY").replace("%m", "MM").replace("%d", "DD") for f in formats
        )
    if desc.is_path:
        return "PATH"
    annotation = desc.annotation
    if desc.is_list:
        annotation = next(iter(getattr(annotation, "__args__", (str,))), str)
    return _PLAIN.get(annotation, "TEXT")


def _epilog(path: str) -> str | None:
    lines = EXAMPLES.get(path)
    if not lines:
        return None
    # one paragraph per line: Rich help joins the lines of a paragraph into one
    return "Examples:\n\n" + "\n\n".join(f"  {line}" for line in lines)


def install(app: typer.Typer) -> None:
    """Plain types in every `--help`, and the EXAMPLES of each command of `app` as its epilog."""
    core.TyperArgument.display_type = _plain_type  # type: ignore[method-assign,assignment]
    core.TyperOption.display_type = _plain_type  # type: ignore[method-assign,assignment]
    _add_epilogs(app, "")


def _add_epilogs(app: typer.Typer, prefix: str) -> None:
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        path = f"{prefix}{name.replace('_', '-')}"
        if command.epilog is None:
            command.epilog = _epilog(path)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            _add_epilogs(group.typer_instance, f"{prefix}{group.name} ")
