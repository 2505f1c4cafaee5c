"""The command line: each command reads its input, calls one function of `services`, formats the
result. User errors are printed without a traceback and exit with code 2."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import typer
from rich.console import Console
from typer._click.exceptions import ClickException

from intersector.domain.errors import IntersectorError

app = typer.Typer(
    name="intersector",
    help="Coordination of the three ITU Sectors: texts, registry, roadmaps, analytics.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)


@app.callback()
def _root() -> None:
    """intersector: WTSA Resolutions 38 and 57 made real."""


# --- parse (issue 2) ----------------------------------------------------------------------------
@app.command()
def parse(
    files: list[Path] = typer.Argument(..., help="ITU texts: .txt (UTF-8/16, cp1252) or .docx."),
    fmt: str = typer.Option("json", "--format", "-f", help="json, akn, text or debug."),
    lenient: bool = typer.Option(
        False, "--lenient", help="Give a best-effort document with warnings for unknown texts."
    ),
) -> None:
    """Read ITU texts and print them as structured documents (the JSON contract by default)."""
    from intersector import services

    parsed = services.parse_paths(files, fmt=fmt, lenient=lenient)
    if len(parsed) == 1 and parsed[0].error is not None:
        raise parsed[0].error
    for out in services.parsed_output(parsed, fmt, as_list=len(files) > 1):
        if isinstance(out, str):
            typer.echo(out)
        else:
            console.print(out)
    failed = [p for p in parsed if not p.ok]
    if failed:
        err_console.print(services.parse_failures(failed))
        raise typer.Exit(2)


# --- roadmap and check (issue 3) ----------------------------------------------------------------
_DAY = typer.Option(None, formats=["%Y-%m-%d"], help="Judge dates as of this day (default: today).")


def _day(today: datetime.datetime | None) -> datetime.date:
    return today.date() if today else datetime.date.today()


@app.command()
def roadmap(
    subject: str = typer.Argument(..., help="Subject id: imt, emc, accessibility, …"),
    sector: str = typer.Option("", help="Only this Sector's lane: itu-r, itu-t or itu-d."),
    fmt: str = typer.Option("table", "--format", help="table, html, xlsx, json or ics."),
    output: Path | None = typer.Option(None, help="File to write (default roadmap-SUBJECT.EXT)."),
    today: datetime.datetime | None = _DAY,
) -> None:
    """The joined roadmap of SUBJECT: each Sector's plan side by side on one timeline, with
    dependencies, liaisons and the alignment findings about it."""
    from intersector import services
    from intersector.reports.roadmap_table import findings_table, liaisons_table, roadmap_table
    from intersector.settings import Settings

    if fmt not in services.ROADMAP_FORMATS:
        raise typer.BadParameter(
            f"use one of {', '.join(services.ROADMAP_FORMATS)}", param_hint="--format"
        )
    view, findings = services.build_roadmap(
        Settings.from_env(), subject, sector=sector, today=_day(today)
    )
    if fmt == "table":
        for table in (roadmap_table(view), liaisons_table(view), findings_table(findings)):
            console.print(table)
        return
    data = services.roadmap_file(view, findings, fmt)
    if output is None and fmt == "json":
        sys.stdout.write(data.decode())
        return
    target = output or Path(f"roadmap-{view.subject}.{fmt}")
    target.write_bytes(data)
    console.print(f"wrote {target} ({len(view.rows())} activities, {len(findings)} findings)")


@app.command()
def check(
    subject: str = typer.Option("", help="Only the findings about this subject."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
    today: datetime.datetime | None = _DAY,
) -> None:
    """Every alignment finding of the registry: late cross-Sector dependencies, subjects with no
    counterpart, overdue liaisons, activities past their target, stale roadmap entries."""
    from intersector import services
    from intersector.reports.roadmap_json import findings_json
    from intersector.reports.roadmap_table import findings_table
    from intersector.settings import Settings

    if fmt not in ("table", "json"):
        raise typer.BadParameter("use table or json", param_hint="--format")
    day = _day(today)
    findings = services.check_registry(Settings.from_env(), subject=subject, today=day)
    if fmt == "json":
        sys.stdout.write(findings_json(findings, day))
    else:
        console.print(findings_table(findings))


def run(argv: list[str] | None = None) -> int:
    """Run the CLI on `argv` and return its exit code: user errors (IntersectorError) are printed
    on stderr without a traceback and give 2; usage errors give 2. Tests call this directly."""
    try:
        app(args=argv, standalone_mode=False)
    except IntersectorError as error:
        err_console.print(f"error: {error}", style="bold red", highlight=False, markup=False)
        return 2
    except typer.Exit as done:
        return int(done.exit_code or 0)
    except typer.Abort:
        err_console.print("aborted")
        return 1
    except ClickException as error:
        error.show()
        return 2
    return 0


def main() -> None:
    """Console entry point."""
    sys.exit(run())


if __name__ == "__main__":
    main()
