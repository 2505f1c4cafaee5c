"""The command line: each command reads its input, calls one function of `services`, formats the
result. User errors are printed without a traceback and exit with code 2."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

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


def main() -> None:
    """Console entry point: run the app, turning user errors into a message and exit code 2."""
    try:
        app(standalone_mode=False)
    except IntersectorError as error:
        err_console.print(f"[bold red]error:[/] {error}", highlight=False, markup=True)
        sys.exit(2)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        err_console.print("aborted")
        sys.exit(1)
    except Exception as error:  # click usage errors arrive as ClickException
        import click

        if isinstance(error, click.ClickException):
            error.show()
            sys.exit(2)
        raise


if __name__ == "__main__":
    main()
