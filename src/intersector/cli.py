"""The command line: each command reads its input, calls one function of `services`, formats the
result. User errors are printed without a traceback and exit with code 2."""

from __future__ import annotations

import sys

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
