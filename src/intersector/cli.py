"""The command line: each command reads its input, calls one function of `services`, formats the
result. User errors are printed without a traceback and exit with code 2."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from typer._click.exceptions import ClickException

from intersector import cli_help
from intersector.domain.errors import IntersectorError
from intersector.reports.terminal import Terminal, safe

if TYPE_CHECKING:
    from intersector.services.analytics import OverlapPage
    from intersector.services.overlaps import Assignment
    from intersector.services.work import SubjectWork
    from intersector.settings import Settings

app = typer.Typer(
    name="intersector",
    help="Coordination of the three ITU Sectors: texts, registry, roadmaps, analytics.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Terminal()  # user data printed as itself: no markup obeyed, no escapes, no emoji
err_console = Terminal(stderr=True)


@app.callback()
def _root(
    width: int = typer.Option(
        None,
        "--width",
        min=20,
        help="Columns of the output (default: the terminal's; piped: wide, nothing cut).",
    ),
) -> None:
    """intersector: WTSA Resolutions 38 and 57 made real."""
    if width is not None:
        console.width = err_console.width = width


@contextmanager
def working(label: str) -> Iterator[Callable[[str], None]]:
    """A spinner with `label` on stderr while a step runs (on a terminal only: piped output and
    logs get nothing); yields a function that changes the label as stages go by."""
    with err_console.status(label, spinner="dots") as status:
        yield lambda text: status.update(text)


def _format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        raise typer.BadParameter(f"use {', '.join(allowed)}", param_hint="--format")


# --- parse (issue 2) ----------------------------------------------------------------------------
@app.command()
def parse(
    files: list[str] = typer.Argument(  # str: typer validates each Path through pydantic
        ..., help="ITU texts: .txt (UTF-8/16, cp1252), .docx, .doc (needs LibreOffice) or .pdf."
    ),
    fmt: str = typer.Option("json", "--format", "-f", help="json, akn, text or debug."),
    lenient: bool = typer.Option(
        False, "--lenient", help="Give a best-effort document with warnings for unknown texts."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="akn: folder to write one .xml per text (several texts)."
    ),
) -> None:
    """Read ITU texts and print them as structured documents (the JSON contract by default)."""
    from intersector import services
    from intersector.settings import Settings

    if output is not None and fmt != "akn":
        raise typer.BadParameter(
            "only with --format akn (one .xml per text)", param_hint="--output"
        )
    if fmt == "akn" and len(files) > 1 and output is None:
        raise typer.BadParameter(
            f"{len(files)} texts make {len(files)} XML documents, which cannot share one output: "
            "give --output FOLDER to write one .xml per text",
            param_hint="--format akn",
        )
    paths = [Path(f) for f in files]
    parsed = services.parse_paths(paths, fmt=fmt, lenient=lenient, settings=Settings.from_env())
    if output is not None:
        for written in services.write_akn_files(parsed, output):
            console.print(f"wrote {written}")
    for out in [] if output else services.parsed_output(parsed, fmt, as_list=len(files) > 1):
        if isinstance(out, str):
            sys.stdout.write(out)  # not typer.echo, which scans all of it for ANSI codes
            sys.stdout.write("\n")
        else:
            console.print(out)
    failed = [p for p in parsed if not p.ok]
    first_error = failed[0].error if failed else None
    if len(parsed) == 1 and first_error is not None:
        raise first_error
    if failed:
        err_console.print(services.parse_failures(failed))
        raise typer.Exit(2)


# --- serve and user (issue 5) -------------------------------------------------------------------
user_app = typer.Typer(
    help="Users, roles and API tokens of the web application.", no_args_is_help=True
)
app.add_typer(user_app, name="user")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, help="Worker processes."),
    access_log: bool = typer.Option(
        True, help="Log each request (client, method, path, status) on standard output."
    ),
) -> None:
    """Serve the web application and REST API (/api/v1) on the configured database."""
    import copy

    import uvicorn
    from uvicorn.config import LOGGING_CONFIG

    from intersector.settings import Settings

    settings = Settings.from_env()
    console.print(f"intersector on http://{host}:{port}/ (database {settings.database_url})")
    log_config = copy.deepcopy(LOGGING_CONFIG)  # the server's own messages: warnings only
    log_config["loggers"]["uvicorn.error"]["level"] = "WARNING"
    log_config["loggers"]["uvicorn.access"]["level"] = "INFO"
    log_config["formatters"]["access"]["fmt"] = (
        '%(asctime)s %(client_addr)s "%(request_line)s" %(status_code)s'
    )
    uvicorn.run(
        "intersector.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=log_config,
        access_log=access_log,
    )


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@user_app.command("add")
def user_add(
    username: str,
    role: str = typer.Option("reader", help="reader, editor, coordinator or admin."),
    sector: list[str] = typer.Option([], help="Sector an editor edits (repeat for more)."),
    name: str = typer.Option("", help="Full name."),
    email: str = typer.Option("", help="Where reminders and digests are mailed."),
    password_stdin: bool = typer.Option(False, help="Read the password from standard input."),
) -> None:
    """Add a user (password asked for, or read from stdin)."""
    from intersector import services
    from intersector.settings import Settings

    settings = Settings.from_env()
    password = _password(password_stdin)
    with services.open_registry(settings) as store:
        services.add_user(
            store,
            username,
            password,
            role=role,
            sectors=tuple(sector),
            name=name,
            author=settings.author,
        )
        if email:
            services.set_email(store, username, email, author=settings.author)
    console.print(f"added {username} ({role})")


@user_app.command("email")
def user_email(
    username: str,
    address: str = typer.Argument(..., help="The address; '' to stop all mail."),
) -> None:
    """Set where a user's reminders and digests are mailed."""
    from intersector import services
    from intersector.settings import Settings

    settings = Settings.from_env()
    with services.open_registry(settings) as store:
        user = services.set_email(store, username, address, author=settings.author)
    console.print(
        f"{username}: mail goes to {user.email}" if user.email else f"{username}: no mail"
    )


@user_app.command("role")
def user_role(
    username: str,
    role: str,
    sector: list[str] = typer.Option([], help="Sectors an editor edits (replaces the list)."),
    group: list[str] = typer.Option([], help="Groups an editor is bound to (replaces the list)."),
) -> None:
    """Change a user's role (and, with --sector/--group, what an editor may change)."""
    from intersector import services
    from intersector.settings import Settings

    settings = Settings.from_env()
    with services.open_registry(settings) as store:
        user = services.set_role(
            store,
            username,
            role,
            sectors=tuple(sector) or None,
            groups=tuple(group) or None,
            author=settings.author,
        )
    console.print(f"{username}: {user.role} {', '.join(user.sectors)}".rstrip())


@user_app.command("token")
def user_token(
    username: str,
    scope: list[str] = typer.Option(
        ["read"], help="read, write (implies read) or admin (admins only; implies both)."
    ),
    label: str = typer.Option("", help="What the token is for."),
    revoke: str = typer.Option("", help="Revoke the token with this id instead."),
) -> None:
    """Issue an API token (printed once) or revoke one with --revoke ID."""
    from intersector import services
    from intersector.settings import Settings

    settings = Settings.from_env()
    with services.open_registry(settings) as store:
        if revoke:
            services.revoke_token(store, services.principal_for_user(store, username), revoke)
            console.print(f"revoked {revoke}")
            return
        plain, record = services.issue_token(
            store, username, tuple(scope), label=label, author=settings.author
        )
    console.print(f"token {record.id} ({', '.join(record.scopes)}) for {username}:")
    print(plain)


@user_app.command("password")
def user_password(
    username: str,
    password_stdin: bool = typer.Option(False, help="Read the password from standard input."),
) -> None:
    """Set a user's password (asked for, or read from stdin); every session of the user ends."""
    from intersector import services
    from intersector.settings import Settings

    settings = Settings.from_env()
    password = _password(password_stdin)
    with services.open_registry(settings) as store:
        services.set_password(store, username, password, author=settings.author)
    console.print(f"password of {username} changed; their sessions ended")


@user_app.command("revoke-sessions")
def user_revoke_sessions(username: str) -> None:
    """End every session of a user on the server (a lost laptop, a departure)."""
    from intersector import services
    from intersector.settings import Settings

    settings = Settings.from_env()
    with services.open_registry(settings) as store:
        ended = services.end_sessions(store, username)  # whoever runs the CLI holds every key
    console.print(f"{ended} session(s) of {username} ended")


@user_app.command("list")
def user_list(fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """List users with their roles, Sectors and groups."""
    from intersector import services
    from intersector.reports.cli_tables import users_json, users_table
    from intersector.settings import Settings

    _format(fmt, ("table", "json"))
    with services.open_registry(Settings.from_env()) as store:
        users = services.list_users(store)
    if fmt == "json":
        sys.stdout.write(users_json(users))
    else:
        console.print(users_table(users))


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
    with working(f"building the {subject} roadmap"):
        view, findings = services.build_roadmap(
            Settings.from_env(), subject, sector=sector, today=_day(today)
        )
    if fmt == "table":
        for table in (roadmap_table(view), liaisons_table(view), findings_table(findings, 100)):
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
    limit: int = typer.Option(100, help="Table rows at most, most serious first (0: all)."),
    today: datetime.datetime | None = _DAY,
) -> None:
    """Every alignment finding of the registry: late cross-Sector dependencies, subjects with no
    counterpart, overdue liaisons, activities past their target, stale roadmap entries."""
    from intersector import services
    from intersector.reports.roadmap_json import findings_json
    from intersector.reports.roadmap_table import findings_summary, findings_table
    from intersector.settings import Settings

    if fmt not in ("table", "json"):
        raise typer.BadParameter("use table or json", param_hint="--format")
    day = _day(today)
    with working("checking alignment"):
        findings = services.check_registry(Settings.from_env(), subject=subject, today=day)
    if fmt == "json":
        sys.stdout.write(findings_json(findings, day))
        return
    console.print(findings_summary(findings))
    console.print(findings_table(findings, limit))
    if 0 < limit < len(findings):
        console.print(f"{len(findings) - limit:,} more: --limit 0 shows all, --format json too")


@app.command()
def demo(
    sample: Path | None = typer.Option(
        None,
        help="Folder with registry/ and texts/ (default: INTERSECTOR_SAMPLE, ./data/sample, "
        "or the sample of this checkout).",
    ),
    output: Path = typer.Option(Path("roadmap-imt.html"), help="HTML roadmap to write."),
    today: datetime.datetime | None = _DAY,
) -> None:
    """Load the sample corpus and texts, print the IMT roadmap and every alignment finding, and
    write the HTML roadmap (what `make demo` runs, on a fresh database)."""
    from intersector import services
    from intersector.reports.roadmap_table import (
        findings_summary,
        findings_table,
        liaisons_table,
        roadmap_table,
    )
    from intersector.settings import Settings

    with working("demo") as stage:
        done = services.run_demo(
            Settings.from_env(), sample, output, today=_day(today), on_stage=stage
        )
    summary = done["summary"]
    console.print(
        f"registry: {summary.created} new, {summary.changed} changed, {summary.unchanged} "
        f"unchanged, {len(done['problems'])} row(s) refused; texts: {len(done['texts'])} "
        f"stored, {len(done['failed'])} failed"
    )
    for table in (roadmap_table(done["view"]), liaisons_table(done["view"])):
        console.print(table)
    console.print(findings_summary(done["all_findings"]))
    console.print(findings_table(done["all_findings"], 50))
    _analytics_demo()  # issue 4: top duplicate candidates, subjects common to the three Sectors
    console.print(f"wrote the HTML roadmap to {output}")


# --- store: ingest, show, load, export, history, restore (issues 2 and 3) -----------------------


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(
        ..., help="ITU texts (.txt, .docx, .doc, .pdf) or folders of them."
    ),
    lenient: bool = typer.Option(False, help="Keep unknown texts as best-effort documents."),
) -> None:
    """Read ITU texts into the store: the same text again changes nothing; a new revision or
    language is kept beside the others. Files that fail are listed at the end (exit 2)."""
    from rich.markup import escape
    from rich.progress import Progress

    from intersector import services
    from intersector.settings import Settings

    files = services.text_files(paths)
    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files))

        def step(path: Path) -> None:  # the progress bar reads markup: the name is escaped
            progress.update(task, advance=1, description=escape(safe(path.name)))

        stored, failed = services.ingest_paths(
            Settings.from_env(), files, lenient=lenient, on_file=step
        )
    changed = sum(1 for _file, _key, was_changed in stored if was_changed)
    console.print(f"stored {changed} new or changed, {len(stored) - changed} unchanged")
    if failed:
        err_console.print(services.parse_failures(failed))
        raise typer.Exit(2)


@app.command()
def show(
    item_id: str = typer.Argument(..., help="A document id (wtsa-res-57) or registry item id."),
    language: str = typer.Option(None, help="Language version of a document (en, fr, es)."),
    revision: str = typer.Option(None, help="Revision of a document: dubai-2012 or 2012."),
    item_type: str = typer.Option("", "--type", help="Registry item type, if the id is shared."),
    fmt: str = typer.Option("json", "--format", help="json, or text (readable)."),
) -> None:
    """Print a stored document or registry item."""
    import json

    import yaml

    from intersector import services
    from intersector.settings import Settings

    found = services.show_stored(
        Settings.from_env(), item_id, item_type=item_type, language=language, revision=revision
    )
    if fmt == "text":
        text = yaml.safe_dump(found, allow_unicode=True, sort_keys=False, width=100)
        console.print(text, markup=False, highlight=False, soft_wrap=True)
    else:
        console.print_json(json.dumps(found, ensure_ascii=False))


@app.command()
def load(
    paths: list[Path] = typer.Argument(..., help="Registry files (YAML, JSON, CSV) or folders."),
) -> None:
    """Validate registry files, then store their items; a file with any problem loads nothing
    and every problem is listed with its file, line and field (exit 2)."""
    from intersector import services
    from intersector.settings import Settings

    with working("loading the registry"):
        result, summary = services.load_registry(Settings.from_env(), paths)
    good = sum(1 for f in result.files if f.ok)
    console.print(
        f"{summary.created} new, {summary.changed} changed, {summary.unchanged} unchanged "
        f"item(s) from {good} of {len(result.files)} file(s)"
    )
    if result.errors:
        err_console.print(f"{len(result.errors)} problem(s): files with problems not loaded")
        for error in result.errors:
            err_console.print(safe(error), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2)


@app.command("import-relaton")
def import_relaton(
    path: Path = typer.Argument(..., help="ITU publication metadata, Relaton JSONL form."),
) -> None:
    """Import ITU publications (Relaton JSONL: one record a line) as registry activities, one per
    work; a file with bad lines imports nothing and names each bad line and field (exit 2)."""
    from rich.progress import Progress

    from intersector import services
    from intersector.settings import Settings

    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task(
            "reading", total=services.count_lines(path) if path.is_file() else None
        )

        def step(line: int) -> None:
            progress.update(task, completed=line)

        imported, summary = services.import_relaton(Settings.from_env(), path, on_line=step)
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(imported.skipped.items()))
    groups = f"; {len(imported.groups)} new group(s)" if imported.groups else ""
    console.print(
        f"{len(imported.activities)} works from {imported.records} records{groups}: "
        f"{summary.created} new, {summary.changed} changed, {summary.unchanged} unchanged item(s)"
        + (f" (left out: {skipped})" if skipped else "")
    )


@app.command()
def export(
    output: Path = typer.Option(..., "--output", "-o", help="File (yaml, json) or folder."),
    fmt: str = typer.Option(None, "--format", help="yaml, json or csv (default: by suffix)."),
) -> None:
    """Export the whole registry as files that `intersector load` reads back exactly."""
    from intersector import services
    from intersector.settings import Settings

    with working("exporting the registry"):
        written = services.export_registry(Settings.from_env(), fmt, output)
    for path in written:
        console.print(f"wrote {path}")


@app.command()
def history(
    item_type: str = typer.Argument(..., help="activity, group, liaison, subject, …"),
    item_id: str = typer.Argument(..., help="The item's id."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Every version of a registry item: who changed what, when and why."""
    from intersector import services
    from intersector.reports.cli_tables import history_json, history_table
    from intersector.settings import Settings

    _format(fmt, ("table", "json"))
    versions = services.history_of(Settings.from_env(), item_type, item_id)
    if fmt == "json":
        sys.stdout.write(history_json(versions))
    else:
        console.print(history_table(f"{item_type} {item_id}", versions))


@app.command()
def restore(
    item_type: str = typer.Argument(..., help="activity, group, liaison, subject, …"),
    item_id: str = typer.Argument(..., help="The item's id."),
    number: int = typer.Argument(..., help="The version to bring back (see `history`)."),
    reason: str = typer.Option("", help="Why (default: 'restore version N')."),
) -> None:
    """Bring back an earlier version of an item, as a new version (nothing is rewritten)."""
    from intersector import services
    from intersector.settings import Settings

    version = services.restore_version(
        Settings.from_env(), item_type, item_id, number, reason=reason
    )
    console.print(f"{item_type} {item_id}: version {version.number} (= version {number})")


# >>> coordination analytics (issue 4)
# --- coordination analytics (issue 4): overlaps, review, subjects, mapping, versions, diff ----


@app.command()
def overlaps(
    item: str = typer.Option(
        "", help="Only the candidates of this activity or document id (any case)."
    ),
    sector: str = typer.Option("", help="Only candidates with a side in this Sector (ITU-D…)."),
    subject: str = typer.Option("", help="Only candidates with a side on this subject."),
    min_score: float = typer.Option(None, help="Lowest score shown (default: best-F1 threshold)."),
    same_sector: bool = typer.Option(False, help="Also other groups of the same Sector."),
    changed_only: bool = typer.Option(
        False, help="Compare only texts new or changed since the last run (incremental)."
    ),
    limit: int = typer.Option(
        None, min=1, help="Candidates shown (default: 50 in a table, all in json/csv/html)."
    ),
    offset: int = typer.Option(0, min=0, help="Candidates skipped first: the next page."),
    fmt: str = typer.Option("table", "--format", help="table, json, csv or html."),
    output: Path | None = typer.Option(None, help="File to write (html; default overlaps.html)."),
) -> None:
    """Duplicated and overlapping work across Sectors and languages, with the evidence: every
    candidate, or one item's (`--item`), a page at a time (`--limit`, `--offset`)."""
    from intersector import services
    from intersector.settings import Settings

    if fmt not in services.OVERLAP_FORMATS:
        raise typer.BadParameter("use table, json, csv or html", param_hint="--format")
    shown = limit if limit is not None or fmt != "table" else 50
    settings, scope = Settings.from_env(), "other-groups" if same_sector else "other-sectors"
    with working("finding duplicate candidates"):
        found = _overlaps(
            settings, item, sector, subject, min_score, scope, shown, offset, changed_only
        )
    _print_overlaps(found, fmt, output)


def _overlaps(
    settings: Settings,
    item: str,
    sector: str,
    subject: str,
    min_score: float | None,
    scope: str,
    shown: int | None,
    offset: int,
    changed_only: bool,
) -> OverlapPage:
    from intersector import services

    if item:
        return services.item_overlaps(
            settings, item, scope=scope, min_score=min_score, limit=shown or 10**9, offset=offset
        )
    return services.find_overlaps(
        settings,
        sector=sector,
        subject=subject,
        min_score=min_score,
        scope=scope,
        limit=shown,
        offset=offset,
        changed_only=changed_only,
    )


def _print_overlaps(found: OverlapPage, fmt: str, output: Path | None) -> None:
    """A page of candidates in the format asked, and where the next page starts."""
    from intersector.reports import json_text
    from intersector.reports.overlap_csv import overlaps_csv
    from intersector.reports.overlap_html import overlaps_html
    from intersector.reports.overlap_table import overlaps_table

    if fmt == "json":
        sys.stdout.write(json_text.dumps(found.rows, indent=1) + "\n")
    elif fmt == "csv":
        sys.stdout.write(overlaps_csv(found.rows))
    elif fmt == "html":
        target = output or Path("overlaps.html")
        target.write_text(overlaps_html(found.rows, total=found.total), encoding="utf-8")
        console.print(f"wrote {target} ({len(found.rows)} of {found.total} candidates)")
    else:
        console.print(overlaps_table(found.rows, total=found.total, offset=found.offset))
    if found.next_offset is not None:
        err_console.print(
            f"{found.total - found.next_offset} more: --offset {found.next_offset}",
            highlight=False,
        )


@app.command()
def review(
    candidate_id: str = typer.Argument(..., help="A candidate id from `overlaps` (a~b)."),
    decision: str = typer.Argument(..., help="confirmed, complementary or unrelated."),
    note: str = typer.Option("", help="Why: kept with the decision."),
) -> None:
    """Record a coordinator's decision on a candidate; not asked again unless a side changes."""
    from intersector import services
    from intersector.settings import Settings

    with working("recording the review"):
        done = services.review_overlap(Settings.from_env(), candidate_id, decision, note)
    console.print(f"{done.id}: {done.decision}")


@app.command()
def subjects(
    item: str = typer.Option("", help="Only this activity or document id (any case)."),
    matrix: bool = typer.Option(False, help="The subject × Sector × group matrix."),
    common: bool = typer.Option(False, help="Subjects common to the three Sectors."),
    fmt: str = typer.Option("table", "--format", help="table, json or csv (item subjects)."),
) -> None:
    """Subjects of each activity and document (confidence, reason, origin) — or of one item
    (`--item`) — the subject × Sector matrix, and the subjects common to the three Sectors."""
    from intersector import services
    from intersector.settings import Settings

    if fmt not in services.SUBJECT_FORMATS:
        raise typer.BadParameter("use table, json or csv", param_hint="--format")
    if item:
        with working("reading the subjects"):
            found = services.item_subjects(Settings.from_env(), item)
        _print_subjects({found.item: found.assignments}, fmt)
        return
    if matrix or common:  # who works on what: the registry's answer, as the API and pages give it
        with working("who works on what"):
            work = services.subject_work_report(Settings.from_env())
        _print_matrix(work, matrix, common, fmt)
        return
    with working("reading the subjects"):
        report = services.subjects_report(Settings.from_env())
    # every work, those given no subject too (with none): what is not covered shows
    _print_subjects({**{work: [] for work in report["works"]}, **report["items"]}, fmt)


def _print_subjects(items: dict[str, list[Assignment]], fmt: str) -> None:
    from intersector.reports import json_text
    from intersector.reports.overlap_csv import subjects_csv
    from intersector.reports.overlap_json import subjects_to_list
    from intersector.reports.overlap_table import subjects_table

    if fmt == "json":
        sys.stdout.write(json_text.dumps(subjects_to_list(items), indent=1) + "\n")
    elif fmt == "csv":
        sys.stdout.write(subjects_csv(items))
    else:
        console.print(subjects_table(items))


def _print_matrix(work: SubjectWork, matrix: bool, common: bool, fmt: str) -> None:
    import json

    from intersector.reports.overlap_json import subject_work_to_dict
    from intersector.reports.overlap_table import common_table, matrix_table

    if fmt == "csv":
        raise typer.BadParameter("--matrix and --common: use table or json", param_hint="--format")
    if fmt == "json":
        data = subject_work_to_dict(work.matrix, work.common, work.labels())
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    if matrix:
        console.print(matrix_table(work.matrix, work.labels()))
    if common:
        console.print(common_table(work.common, work.labels()))


@app.command()
def mapping(
    name: str = typer.Argument("itu-d:itu-r", help="itu-d:itu-r, itu-t:itu-r or itu-d:itu-t."),
    fmt: str = typer.Option("table", "--format", help="table, json, xlsx or html."),
    output: Path | None = typer.Option(None, help="File to write (default mapping-NAME.EXT)."),
) -> None:
    """An ISCG-style mapping table generated from the registry, each row with its evidence."""
    from intersector import services
    from intersector.reports.cli_tables import mapping_json
    from intersector.reports.overlap_table import mapping_rows_table
    from intersector.settings import Settings

    _format(fmt, ("table", "json", *services.MAPPING_FORMATS))
    with working(f"mapping {name}"):
        rows = services.mapping_rows(Settings.from_env(), name)
    if fmt == "table":
        console.print(mapping_rows_table(name, rows))
        return
    if fmt == "json":
        sys.stdout.write(mapping_json(name, rows))
        return
    target = output or Path(f"mapping-{name.replace(':', '-')}.{fmt}")
    target.write_bytes(services.mapping_file(name, rows, fmt))
    console.print(f"wrote {target} ({len(rows)} rows)")


@app.command()
def versions(
    doc_id: str = typer.Argument(..., help="A work id: wtsa-res-57."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """The stored language versions and revisions of a text, and how the languages diverge."""
    from rich.text import Text

    from intersector import services
    from intersector.reports.cli_tables import versions_json
    from intersector.reports.overlap_table import versions_table
    from intersector.settings import Settings

    _format(fmt, ("table", "json"))
    with working("comparing the language versions"):
        report = services.document_versions_report(Settings.from_env(), doc_id)
    if fmt == "json":
        sys.stdout.write(versions_json(report["versions"], report["divergences"]))
        return
    console.print(versions_table(report["versions"]))
    for pair, found in report["divergences"].items():
        console.print(Text.assemble((pair, "bold"), f": {len(found)} divergence(s)"))
        for d in found:
            console.print(f"  {d.kind:<18} {d.path:<24} {d.detail}")


@app.command()
def diff(
    doc_id: str = typer.Argument(..., help="A work id: wtsa-res-57."),
    old: str = typer.Option(..., "--from", help="Old revision: johannesburg-2008 or 2008."),
    new: str = typer.Option(..., "--to", help="New revision: dubai-2012 or 2012."),
    language: str = typer.Option("en", help="Language version to compare."),
    fmt: str = typer.Option("text", "--format", help="text or html."),
    output: Path | None = typer.Option(None, help="HTML file (default diff-ID.html)."),
) -> None:
    """Two revisions of a text clause by clause: added, removed, moved, reworded."""
    from intersector import services
    from intersector.settings import Settings

    with working("comparing the revisions"):
        _, _, changes = services.revision_changes(Settings.from_env(), doc_id, old, new, language)
    text = services.revision_diff_text(changes, fmt, f"{doc_id}: {old} → {new}")
    if fmt == "html":
        target = output or Path(f"diff-{doc_id}.html")
        target.write_text(text, encoding="utf-8")
        console.print(f"wrote {target}")
    else:
        console.print(text, markup=False, highlight=False)


# --- reports to the advisory groups (issue 13) --------------------------------------------------
report_app = typer.Typer(
    help="Reports to the advisory groups (RAG, TSAG, TDAG).", no_args_is_help=True
)
app.add_typer(report_app, name="report")


@report_app.command("cooperation")
def report_cooperation(
    to: str = typer.Option(..., "--to", help="The advisory group: rag, tsag or tdag."),
    period: str = typer.Option(..., help="The years reported on: 2025-2026."),
    language: str = typer.Option("en", help="en, fr or es."),
    fmt: str = typer.Option("docx", "--format", help="docx, pdf, html or json."),
    output: Path | None = typer.Option(None, help="File to write (default cooperation-…)."),
    document: str = typer.Option("", help="The document number: TSAG-TD123."),
    meeting: str = typer.Option("", help="The meeting, as written on the contribution."),
    purpose: str = typer.Option("", help="information or action (default: from the figures)."),
    today: datetime.datetime | None = _DAY,
) -> None:
    """The Directors' report on cooperation among the Sectors (Resolution 57) as an ITU
    contribution: subjects and who works on each, duplicate work, liaisons between the Sectors,
    roadmap alignment, resolution actions, changes since the previous report, and an annex of
    the registry items behind every figure. Its figures are recorded for the next report."""
    from intersector import services
    from intersector.settings import Settings

    request = services.report_request(
        to, period, language=language, today=_day(today), document=document, meeting=meeting,
        purpose=purpose,
    )  # fmt: skip
    report, data = services.cooperation_report_file(Settings.from_env(), request, fmt)
    if output is None and fmt == "json":
        sys.stdout.write(data.decode())
        return
    target = output or Path(services.report_file_name(report, fmt))
    target.write_bytes(data)
    console.print(f"wrote {target} ({len(report.figures)} figures)")


# --- the resolution action plan (issue 13) -----------------------------------------------------


@app.command()
def actions(
    addressee: str = typer.Option("", help="Only actions addressed to this: tsb-director, tsag."),
    status: str = typer.Option("", help="not-started, ongoing, done or superseded."),
    document: str = typer.Option("", help="Only this resolution: wtsa-res-57."),
    fmt: str = typer.Option("table", "--format", help="table, json or xlsx."),
    output: Path | None = typer.Option(None, help="File to write (xlsx: default actions.xlsx)."),
) -> None:
    """The resolution action plan: every operative clause of every ingested resolution, who it
    is addressed to, its status, owner, due date and evidence."""
    from intersector import services
    from intersector.reports.actions_file import actions_table
    from intersector.settings import Settings

    if fmt not in services.ACTION_FORMATS:
        raise typer.BadParameter(
            f"use one of {', '.join(services.ACTION_FORMATS)}", param_hint="--format"
        )
    plan = services.action_plan(
        Settings.from_env(), addressee=addressee, status=status, document=document
    )
    if fmt == "table":
        console.print(actions_table(plan.actions))
        return
    data = services.action_plan_file(plan, fmt)
    if output is None and fmt == "json":
        sys.stdout.write(data.decode())
        return
    target = output or Path(f"actions.{fmt}")
    target.write_bytes(data)
    console.print(f"wrote {target} ({len(plan.actions)} actions)")


@app.command()
def action(
    action_id: str = typer.Argument(..., help="An action id: wtsa-res-57:resolves-1."),
    status: str | None = typer.Option(None, help="not-started, ongoing or done."),
    owner: str | None = typer.Option(None, help="Who leads it: a person or a unit."),
    due: datetime.datetime | None = typer.Option(None, formats=["%Y-%m-%d"], help="Due date."),
    evidence: list[str] = typer.Option(
        [], help="KIND:REF to add (document, liaison, activity, report); repeat for more."
    ),
) -> None:
    """Record the follow-up of one action: status, owner, due date, evidence."""
    from intersector import services
    from intersector.settings import Settings

    done = services.update_action(
        Settings.from_env(),
        action_id,
        status=status,
        owner=owner,
        due=due.date() if due else None,
        evidence=evidence,
    )
    links = "; ".join(str(e) for e in done.evidence) or "no evidence"
    console.print(f"{done.id}: {done.status}, owner {done.owner or '-'}, {links}")


def _analytics_demo() -> None:
    """The demo's analytics part: the top duplicated-work candidates across Sectors and the
    subjects common to the three Sectors, on what the demo loaded."""
    from intersector import services
    from intersector.reports.overlap_table import common_table, overlaps_table
    from intersector.settings import Settings

    settings = Settings.from_env()
    with working("finding duplicate candidates"):
        found = services.find_overlaps(settings, limit=10)
    console.print(overlaps_table(found.rows))
    with working("subjects common to the three Sectors"):
        work = services.subject_work_report(settings)
    console.print(common_table(work.common, work.labels()))


# <<< coordination analytics (issue 4)


# --- watch lists and notifications (issue 13) ---------------------------------------------------
watch_app = typer.Typer(
    help="What a user follows: groups, subjects, activities, liaisons.", no_args_is_help=True
)
app.add_typer(watch_app, name="watch")
_WATCH_USER = typer.Option(..., "--user", help="The user whose watch list it is.")


@watch_app.command("add")
def watch_add(
    item_type: str = typer.Argument(..., help="group, subject, activity or liaison."),
    item_id: str = typer.Argument(..., help="Its id: itu-t-sg13, imt, itu-t-rec-y.3101…"),
    user: str = _WATCH_USER,
) -> None:
    """Follow an item: reminders of its dates and the daily digest of its changes."""
    from intersector import services
    from intersector.settings import Settings

    with services.open_registry(Settings.from_env()) as store:
        who = services.principal_for_user(store, user)
        watch, new = services.follow(store, who, item_type, item_id)
    verb = "now follows" if new else "already follows"
    console.print(f"{user} {verb} the {watch.item_type} {watch.item_id}")


@watch_app.command("remove")
def watch_remove(
    item_type: str = typer.Argument(..., help="group, subject, activity or liaison."),
    item_id: str = typer.Argument(..., help="Its id."),
    user: str = _WATCH_USER,
) -> None:
    """Stop following an item."""
    from intersector import services
    from intersector.settings import Settings

    with services.open_registry(Settings.from_env()) as store:
        who = services.principal_for_user(store, user)
        watch = services.unfollow(store, who, item_type, item_id)
    console.print(f"{user} no longer follows the {watch.item_type} {watch.item_id}")


@watch_app.command("list")
def watch_list(user: str = _WATCH_USER) -> None:
    """What a user follows, one item a line (type, id)."""
    from intersector import services
    from intersector.settings import Settings

    with services.open_registry(Settings.from_env()) as store:
        watches = services.following(store, user)
    for watch in watches:
        print(f"{watch.item_type}\t{watch.item_id}")
    if not watches:
        err_console.print(
            f"{user} follows nothing yet: intersector watch add TYPE ID --user {user}"
        )


@app.command()
def notify(
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be sent; send nothing."),
    date: datetime.datetime | None = typer.Option(
        None, "--date", formats=["%Y-%m-%d"], help="Run as of this day (default: today, UTC)."
    ),
    lead_days: int | None = typer.Option(
        None, help="Remind this many days ahead (default INTERSECTOR_REMINDER_DAYS, 7)."
    ),
) -> None:
    """Mail the reminders (liaison deadlines, activity targets) and daily digests now due, each
    once: run it daily (cron); a second run the same day sends nothing again."""
    from intersector import services
    from intersector.reports.notify_mail import run_text
    from intersector.settings import Settings

    settings = Settings.from_env()
    with services.open_registry(settings) as store:
        run = services.send_notifications(
            store, settings, day=date.date() if date else None, lead_days=lead_days, dry_run=dry_run
        )
    sys.stdout.write(run_text(run.mails, run.sent, run.skipped, run.dry_run, run.day))


cli_help.install(app)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI on `argv` and return its exit code: user errors (IntersectorError) are printed
    on stderr without a traceback and give 2; usage errors give 2. Tests call this directly."""
    try:
        # without standalone mode, click returns the code of `typer.Exit(code)`
        code = app(args=argv, standalone_mode=False)
    except IntersectorError as error:
        err_console.print(
            f"error: {safe(error)}", style="bold red", highlight=False, markup=False, soft_wrap=True
        )
        return 2
    except typer.Exit as done:
        return int(done.exit_code or 0)
    except typer.Abort:
        err_console.print("aborted")
        return 1
    except ClickException as error:
        error.show()
        return 2
    return code if isinstance(code, int) else 0


def main() -> None:
    """Console entry point."""
    sys.exit(run())


if __name__ == "__main__":
    main()
