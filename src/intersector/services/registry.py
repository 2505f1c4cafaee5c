"""The store's own use cases (issues 2 and 3): open it, ingest texts, show, load, export, history,
restore, import Relaton metadata. Every service that opens the store by `Settings` does it here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import intersector.store.users  # noqa: F401  (registers the user and token types)
from intersector.domain import rules
from intersector.domain.document_json import document_to_dict
from intersector.domain.errors import InputError, ValidationError
from intersector.domain.registry import Version
from intersector.domain.rules import Refusal, text_refusals
from intersector.files import registry, relaton
from intersector.files.relaton import RelatonImport, keep_registry_fields, load_publications
from intersector.services import lookups
from intersector.services.actions import sync_actions
from intersector.services.checks import StoreView, batch_refusals
from intersector.services.texts import office_of
from intersector.settings import Settings
from intersector.store import SaveSummary, Store, open_store
from intersector.texts.batch import ParsedFile, parse_file

TEXT_SUFFIXES = (".txt", ".docx", ".doc", ".pdf")
REGISTRY_TYPES = rules.REGISTRY_TYPES


def open_registry(settings: Settings) -> Store:
    """The store of `settings.database_url`, migrated, with the user and token types registered:
    what a long-running server keeps open, and what each command opens for its use case."""
    return open_store(settings.database_url)


def text_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders as the texts inside them (`TEXT_SUFFIXES`, recursively,
    sorted)."""
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            inside = (p for p in given.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES)
            found.extend(sorted(p for p in inside if not p.name.startswith(".")))
        else:
            found.append(given)
    return found


def ingest_paths(
    settings: Settings,
    paths: Iterable[str | Path],
    *,
    lenient: bool = False,
    on_file: Callable[[Path], object] | None = None,
) -> tuple[list[tuple[str, str, bool]], list[ParsedFile]]:
    """`intersector ingest`: read, parse and store each text. Returns (stored, failed): stored
    as (file, version key, changed?) — unchanged texts change nothing — and failed as
    `texts.batch.ParsedFile`s holding the error that names what was wrong. `on_file(path)` is
    called before each file (a progress bar)."""
    stored: list[tuple[str, str, bool]] = []
    failed: list[ParsedFile] = []
    resolutions: set[str] = set()
    with open_registry(settings) as store:
        for path in text_files(paths):
            if on_file is not None:
                on_file(path)
            parsed = _storable(parse_file(path, lenient=lenient, office=office_of(settings)))
            if parsed.document is None:
                failed.append(parsed)
                continue
            key, changed = store.save_document(parsed.document, author=settings.author)
            stored.append((parsed.path, key, changed))
            if parsed.document.kind == "resolution":
                resolutions.add(parsed.document.id)
        for doc_id in sorted(resolutions):  # the action plan follows the newest revision
            sync_actions(store, doc_id, author=settings.author)
    return stored, failed


def _storable(parsed: ParsedFile) -> ParsedFile:
    """The parsed file, or a failure naming what no database keeps the same on SQLite and
    PostgreSQL (a NUL character, a lone surrogate) and where in the document it is."""
    if parsed.document is None:
        return parsed
    for refusal in text_refusals(parsed.document, limits=False):
        error = InputError(f"{refusal.field}: the text {refusal.message}", source=parsed.path)
        return ParsedFile(parsed.path, segments=parsed.segments, error=error)
    return parsed


def show_stored(
    settings: Settings,
    item_id: str,
    *,
    item_type: str = "",
    language: str | None = None,
    revision: str | None = None,
) -> dict[str, Any]:
    """`intersector show`: a stored document (as its JSON, with its stored versions) or a
    registry item (its data, type and version). Documents first unless `item_type` is given."""
    with open_registry(settings) as store:
        folded = item_id.strip().casefold()  # ids are lower-case: `WTSA-Res-57` finds it too
        if not item_type and not store.document_versions(item_id) and folded != item_id:
            item_id = folded if store.document_versions(folded) else item_id
        if not item_type and (store.document_versions(item_id) or "@" in item_id):
            doc = store.get_document(item_id, language=language, revision=revision)
            versions = [v.key for v in store.document_versions(doc.id)]
            return {"type": "document", "document": document_to_dict(doc), "versions": versions}
        if item_type:
            found_type = lookups.item_type(item_type)
            found = found_type, lookups.item_id(store, found_type, item_id)
        else:
            found = lookups.find(store, item_id)
        current = store.current(*found)
        return {"type": current.item_type, "version": current.number, "data": dict(current.data)}


def load_registry(
    settings: Settings, paths: Iterable[str | Path]
) -> tuple[registry.LoadResult, SaveSummary]:
    """`intersector load`: validate every registry file, then store the items of the files
    without errors in one transaction. Returns (files.registry.LoadResult, SaveSummary)."""
    with open_registry(settings) as store:
        result = registry.load_paths(paths, known=StoreView(store, prefetch=True))
        loaded = ", ".join(f.path for f in result.files if f.ok)
        summary = store.save_many(result.items, author=settings.author, reason=f"load {loaded}")
    return result, summary


def import_relaton(
    settings: Settings, path: str | Path, *, on_line: Callable[[int], None] | None = None
) -> tuple[RelatonImport, SaveSummary]:
    """`intersector import-relaton PATH`: ITU publication metadata (Relaton JSONL) into
    activities, every line checked first (a file with bad lines raises and stores nothing), then
    stored in one transaction. Fields the metadata never carries (subjects, dependencies, dates…)
    are kept from the stored activities; the groups the works name are created unless stored
    (a stored group is never changed). `on_line(n)` reports progress. Returns
    (files.relaton.RelatonImport with only the groups created, SaveSummary)."""
    source = Path(path)
    imported = load_publications(source, progress=on_line)
    with open_registry(settings) as store:
        existing = {a.id: a for a in store.iter("activity", include_withdrawn=True)}
        activities = list(keep_registry_fields(imported.activities, existing))
        known_groups = store.ids("group")
        groups = [g for g in imported.groups if g.id not in known_groups]
        view = StoreView(store, prefetch=True)
        _refuse_bad_imports(source, batch_refusals(view, [*groups, *activities]))
        summary = store.save_many(
            [*groups, *activities],
            author=settings.author,
            reason=f"import-relaton {source.name}",
        )
    return replace(imported, groups=tuple(groups)), summary


def _refuse_bad_imports(source: Path, found: list[tuple[Any, Refusal]], shown: int = 20) -> None:
    """The registry rules' refusals of imported items as one error naming each item and field
    (the file then imports nothing)."""
    if not found:
        return
    lines = [
        f"{rules.type_name_of(item)} {item.id!r}, field {r.field!r}: {r.message}"
        for item, r in found[:shown]
    ]
    if len(found) > shown:
        lines.append(f"… and {len(found) - shown:,} more")
    raise ValidationError(
        f"{len(found):,} problem(s), nothing imported:\n    " + "\n    ".join(lines),
        source=str(source),
    )


def export_registry(settings: Settings, fmt: str | None, output: str | Path) -> list[Path]:
    """`intersector export`: the whole registry (withdrawn items included) as YAML, JSON or CSV
    (`fmt`, else from the output's suffix, else YAML) that `load` reads back to the same items.
    Returns the files written."""
    target = Path(output)
    with open_registry(settings) as store:
        items = {name: store.list(name, include_withdrawn=True) for name in REGISTRY_TYPES}
    return registry.export_registry(items, registry.format_of(target, fmt), target)


def history_of(settings: Settings, item_type: str, item_id: str) -> list[tuple[Version, list[str]]]:
    """`intersector history`: every version of a registry item, oldest first, each with the
    fields it changed."""
    with open_registry(settings) as store:
        found_type = lookups.item_type(item_type)
        versions = list(store.history(found_type, lookups.item_id(store, found_type, item_id)))
    changes: list[tuple[Version, list[str]]] = []
    before: dict[str, object] = {}
    for version in versions:
        data = dict(version.data)
        changed = sorted(k for k in data.keys() | before.keys() if data.get(k) != before.get(k))
        changes.append((version, changed if before else ["(new)"]))
        before = data
    return changes


def restore_version(
    settings: Settings, item_type: str, item_id: str, number: int, *, reason: str = ""
) -> Version:
    """`intersector restore`: a new version equal to version `number` of the item."""
    with open_registry(settings) as store:
        found_type = lookups.item_type(item_type)
        found_id = lookups.item_id(store, found_type, item_id)
        return store.restore(found_type, found_id, number, author=settings.author, reason=reason)


def count_lines(path: Path) -> int:
    """The lines of a Relaton JSONL file (what `import-relaton`'s progress bar counts to)."""
    return relaton.count_lines(path)
