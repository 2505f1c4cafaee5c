"""One function per use case: opens the store, calls the layers, returns domain objects. The only
module the doors (CLI, web) import besides `domain`."""

from __future__ import annotations

from typing import Any

# --- parse (issue 2): files into structured documents -------------------------------------------
PARSE_FORMATS = ("json", "akn", "text", "debug")


def parse_paths(paths: list[Any], *, fmt: str = "json", lenient: bool = False) -> list[Any]:
    """Read and parse each file (.txt or .docx) for `parse --format fmt`: one `ParsedFile` per
    path, holding its document or the error that names what was wrong; a bad file never stops
    the others. An unknown `fmt` raises `ValidationError` before any file is read."""
    from intersector.domain.errors import ValidationError
    from intersector.texts.batch import parse_files

    if fmt not in PARSE_FORMATS:
        raise ValidationError(
            f"unknown format {fmt!r}: use one of {', '.join(PARSE_FORMATS)}", field="format"
        )
    return parse_files(paths, lenient=lenient, segments=fmt == "debug")


def parsed_output(parsed: list[Any], fmt: str, *, as_list: bool) -> list[Any]:
    """What `parse` prints for the files that were read: JSON (a list when `as_list`), Akoma
    Ntoso XML, Rich outlines (`text`) or the segmenter's middle form (`debug`)."""
    from intersector.reports import outline

    if fmt == "debug":  # also for the files the reader did not understand
        return [outline.segments_dump(p.path, p.segments) for p in parsed if p.segments]
    documents = [p.document for p in parsed if p.ok]
    if fmt == "json":
        return [outline.documents_json(documents, as_list=as_list)] if documents or as_list else []
    if not documents:
        return []
    if fmt == "akn":
        return [outline.documents_akn(documents)]
    return [outline.document_outline(doc) for doc in documents]


def parse_failures(failed: list[Any]) -> Any:
    """The table of files that could not be read, and why (a Rich table)."""
    from intersector.reports import outline

    return outline.failure_table(failed)


# --- web and API (issue 5): registry items under access rules, users, tokens ------------------
# Local imports keep this block independent of the others in this shared module.


def open_registry(settings: Any) -> Any:
    """The store of `settings.database_url`, migrated, with the user and token types registered:
    what a long-running server keeps open."""
    import intersector.store.users  # noqa: F401  (registers the user and token types)
    from intersector.store import open_store

    return open_store(settings.database_url)


def item_sector(store: Any, item: Any) -> tuple[str, str]:
    """The Sector and group an item belongs to, for the access rules: an activity's and a
    roadmap's own Sector; a liaison's is the Sector of the group that sends it."""
    from intersector.coordination.roadmap import sector_of_group

    group = getattr(item, "group", "") or getattr(item, "from_group", "")
    sector = getattr(item, "sector", "")
    if not sector and group:
        known = {group: store.get("group", group)} if store.exists("group", group) else {}
        sector = sector_of_group(group, known)
    return str(sector), str(group)


def _check_choices(type_name: str, item: Any) -> None:
    """Refuse values outside the registry's vocabularies (ValidationError naming the field)."""
    from intersector.domain import registry as r
    from intersector.domain.errors import ValidationError

    choices = {
        "activity": {"sector": r.SECTORS, "kind": r.ACTIVITY_KINDS, "status": r.ACTIVITY_STATUSES},
        "roadmap": {"sector": r.SECTORS},
        "liaison": {"state": r.LIAISON_STATES},
        "group": {"kind": r.GROUP_KINDS},
        "mechanism": {"kind": r.GROUP_KINDS},
    }.get(type_name, {})
    for name, allowed in choices.items():
        if getattr(item, name) not in allowed:
            raise ValidationError(
                f"{name} {getattr(item, name)!r} is not one of {', '.join(allowed)}", field=name
            )
    _check_text(item)


def _check_text(item: Any) -> None:
    """Text a database can keep: valid Unicode (no lone surrogates), no NUL character."""
    import json

    from intersector.domain.errors import ValidationError
    from intersector.store.codec import to_dict

    for name, value in to_dict(item).items():
        text = json.dumps(value, ensure_ascii=False)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:
            raise ValidationError("the text is not valid Unicode", field=name) from error
        if "\\u0000" in text:
            raise ValidationError("the text contains a NUL character", field=name)


def _check_new_id(item: Any) -> None:
    """A new item's id follows the conventions of `domain.ids` (`itu-t-q6-13`)."""
    from intersector.domain.errors import ValidationError
    from intersector.domain.ids import make_id

    if not item.id or make_id(item.id) != item.id:
        suggestion = make_id(item.id) or "itu-t-sg13"
        raise ValidationError(
            f"id {item.id!r} is not a readable id: use lower-case letters, digits, dots and "
            f"hyphens, e.g. {suggestion!r}",
            field="id",
        )


def _check_edit(store: Any, principal: Any, type_name: str, item: Any) -> None:
    from intersector.auth.roles import check_can_edit

    sector, group = item_sector(store, item)
    check_can_edit(principal, type_name, sector, group)


def get_item(store: Any, type_name: str, item_id: str) -> Any:
    """The current version of a registry item (`.data`, `.number` = its ETag); NotFoundError."""
    return store.current(type_name, item_id)


def list_items(store: Any, type_name: str, **filters: Any) -> list[Any]:
    """Registry items of one type, filtered by the store's indexed fields (sector, group, kind,
    status, subject, include_withdrawn) and, with `q`, by words anywhere in their text."""
    words = str(filters.pop("q", "") or "").lower().split()
    found = store.list(type_name, **{k: v for k, v in filters.items() if v not in ("", None)})
    return [item for item in found if not words or _matches(item, words)]


def _matches(item: Any, words: list[str]) -> bool:
    from intersector.store.codec import to_dict

    text = " ".join(str(v) for v in to_dict(item).values()).lower()
    return all(word in text for word in words)


def create_item(store: Any, principal: Any, item: Any, reason: str = "") -> Any:
    """Store a new registry item as `principal`; ConflictError if the id is taken."""
    from intersector.store.codec import item_type_of

    type_name = item_type_of(item).name
    _check_edit(store, principal, type_name, item)
    _check_choices(type_name, item)
    _check_new_id(item)
    return store.save(item, author=principal.name, reason=reason or "created", expected_version=0)


def update_item(store: Any, principal: Any, item: Any, expected: int, reason: str = "") -> Any:
    """Save a new version of an item read at version `expected`, if `principal` may change it
    as stored AND as submitted (no moving an item into or out of another Sector)."""
    from intersector.store.codec import from_dict, item_type_of

    type_name = item_type_of(item).name
    current = store.current(type_name, item.id)
    stored = from_dict(type_name, current.data)
    _check_edit(store, principal, type_name, stored)
    _check_edit(store, principal, type_name, item)
    _check_choices(type_name, item)
    if type_name == "liaison" and item.state != stored.state:
        from intersector.coordination.liaisons import transition

        transition(stored, item.state)  # the workflow: draft → sent → answered → closed
    return store.save(
        item, author=principal.name, reason=reason or "edited", expected_version=expected
    )


def withdraw_item(
    store: Any, principal: Any, type_name: str, item_id: str, expected: int, reason: str = ""
) -> Any:
    """Mark an item withdrawn (never deleted): a new version by `principal`."""
    from intersector.store.codec import from_dict

    current = store.current(type_name, item_id)
    _check_edit(store, principal, current.item_type, from_dict(current.item_type, current.data))
    why = reason or "withdrawn"
    return store.withdraw(
        type_name, item_id, author=principal.name, reason=why, expected_version=expected
    )


def item_history(store: Any, type_name: str, item_id: str) -> list[Any]:
    """Every version of an item, oldest first, with who changed it, when and why."""
    return list(store.history(type_name, item_id))


def list_documents(store: Any, **filters: str | None) -> list[Any]:
    """Stored document versions (summaries), filtered by kind, body, language and words `q`."""
    words = str(filters.pop("q", "") or "").lower().split()
    wanted = {k: v for k, v in filters.items() if v}
    return [
        d
        for d in store.documents()
        if all(getattr(d, k) == v for k, v in wanted.items())
        and all(w in f"{d.id} {d.title}".lower() for w in words)
    ]


def document_versions_of(store: Any, doc_id: str) -> list[Any]:
    """Every stored revision/language of a work; NotFoundError when there is none."""
    from intersector.domain.errors import NotFoundError

    found = list(store.document_versions(doc_id))
    if not found:
        raise NotFoundError(f"no document {doc_id!r}; ingest it first", field="id")
    return found


def document_view(
    store: Any, doc_id: str, *, language: str | None = None, revision: str | None = None
) -> dict[str, Any]:
    """One document as JSON with its stored versions and the other language versions of the
    same revision (for side-by-side reading): what the document page and API both show."""
    from intersector.texts.document_json import document_to_dict

    versions = document_versions_of(store, doc_id)
    doc = store.get_document(doc_id, language=language, revision=revision)
    key = doc.version_key.split("@", 1)[1].rsplit("/", 1)[0]
    others = {
        v.language: document_to_dict(store.get_document(doc_id, language=v.language, revision=key))
        for v in versions
        if v.revision == key and v.language != doc.language
    }
    return {
        "document": document_to_dict(doc),
        "versions": [
            {"key": v.key, "language": v.language, "revision": v.revision} for v in versions
        ],
        "languages": others,
    }


def roadmap_view(store: Any, subject: str, today: Any) -> tuple[Any, Any]:
    """The joined roadmap of `subject` (three Sector lanes on one timeline) and the alignment
    findings about it: what the roadmap page and `/api/v1/joined-roadmaps/…` show."""
    view, findings = joined_roadmap(store, subject, today=today)
    return view, findings


def roadmap_document(store: Any, subject: str, today: Any) -> dict[str, Any]:
    """The joined roadmap as JSON (`reports.roadmap_json` shape), findings included."""
    from intersector.reports.roadmap_json import roadmap_to_dict

    view, findings = roadmap_view(store, subject, today)
    return roadmap_to_dict(view, findings)


def roadmap_svg(view: Any) -> str:
    """The Gantt chart of a joined roadmap as inline SVG."""
    from intersector.reports.charts import gantt_svg

    return gantt_svg(view)


def alignment_findings(store: Any, today: Any, subject: str | None = None) -> tuple[Any, ...]:
    """Every alignment finding (or those about `subject`), most severe first."""
    return registry_findings(store, subject=subject or "", today=today)


def dashboard(store: Any, today: Any, shown: int = 100) -> dict[str, Any]:
    """What needs attention: overdue liaisons, other alignment findings (the `shown` most
    severe of each, with their totals and the count per check), new duplicate candidates (not
    yet reviewed), and the registry's size. One data function for the dashboard page and
    `/api/v1/dashboard`."""
    from collections import Counter

    from intersector.coordination.alignment import LIAISON_OVERDUE
    from intersector.reports.roadmap_json import finding_to_dict

    findings = alignment_findings(store, today)
    overdue = [f for f in findings if f.check == LIAISON_OVERDUE]
    others = [f for f in findings if f.check != LIAISON_OVERDUE]
    fresh = [c for c in duplicate_candidates(store) if not c.get("review")]
    return {
        "today": today.isoformat(),
        "overdue_liaisons": [finding_to_dict(f) for f in overdue[:shown]],
        "overdue_total": len(overdue),
        "findings": [finding_to_dict(f) for f in others[:shown]],
        "findings_total": len(others),
        "findings_by_check": dict(Counter(f.check for f in findings)),
        "duplicates": fresh[:20],
        "duplicates_total": len(fresh),
        "counts": {
            t: store.count(t) for t in ("activity", "liaison", "group", "subject", "roadmap")
        },
        "subjects": [{"id": s.id, "label": dict(s.labels)} for s in store.list("subject")],
    }


def subject_matrix(store: Any) -> dict[str, Any]:
    """The subject × Sector matrix (Resolution 57): for each subject and Sector, the groups at
    work and their open activities; subjects common to all three Sectors flagged."""
    from intersector.domain.registry import CLOSED_STATUSES, SECTORS

    cells: dict[str, dict[str, dict[str, list[str]]]] = {}
    for activity in store.iter("activity"):
        if activity.status in CLOSED_STATUSES:
            continue
        for subject in activity.subjects:
            cell = cells.setdefault(subject, {}).setdefault(activity.sector, {})
            cell.setdefault(activity.group or "-", []).append(activity.id)
    rows = []
    for subject in store.list("subject"):
        by_sector = cells.get(subject.id, {})
        rows.append(
            {
                "subject": subject.id,
                "labels": dict(subject.labels),
                "sectors": {
                    s: {g: sorted(ids) for g, ids in sorted(by_sector.get(s, {}).items())}
                    for s in SECTORS
                },
                "common": all(by_sector.get(s) for s in SECTORS),
            }
        )
    from intersector.coordination.roadmap import group_label

    groups = {g.id: g for g in store.list("group", include_withdrawn=True)}
    used = {g for row in rows for cell in row["sectors"].values() for g in cell}
    labels = {g: group_label(g, groups) for g in sorted(used)}
    return {"sectors": list(SECTORS), "rows": rows, "group_labels": labels}


def liaison_thread(store: Any, liaison_id: str, today: Any) -> dict[str, Any]:
    """A liaison with its whole thread of replies, each with its effective state."""
    from intersector.coordination.liaisons import effective_state, replies_index, thread_of
    from intersector.store.codec import to_dict

    liaison = store.get("liaison", liaison_id)
    everything = store.list("liaison")
    replies = replies_index(everything)
    thread = thread_of(liaison_id, everything)
    chain = thread.liaisons if thread else (liaison,)
    return {
        "liaison": to_dict(liaison),
        "state": effective_state(liaison, today, replies),
        "thread": [{**to_dict(li), "state": effective_state(li, today, replies)} for li in chain],
    }


def search_registry(store: Any, q: str, limit: int = 50) -> list[dict[str, str]]:
    """Full-text search over activities, liaisons, groups, subjects and documents: every word
    of `q` must appear (case-insensitive) in the item's text."""
    words = q.lower().split()
    if not words:
        return []
    hits: list[dict[str, str]] = []
    for type_name in ("activity", "liaison", "group", "subject", "mechanism", "roadmap"):
        for item in list_items(store, type_name, q=q):
            title = getattr(item, "title", "") or getattr(item, "name", "") or item.id
            hits.append({"type": type_name, "id": item.id, "title": str(title)})
    for doc in store.iter_documents():
        if all(word in _document_text(doc) for word in words):
            hits.append(
                {"type": "document", "id": doc.id, "title": doc.title, "language": doc.language}
            )
    return hits[:limit]


def _document_text(doc: Any) -> str:
    """Everything a reader sees of a document (title, headings, clauses, footnotes, annexes),
    lower-cased, for the full-text search."""
    import json

    from intersector.texts.document_json import document_to_dict

    data = document_to_dict(doc)
    data.pop("source", None)
    return f"{doc.id} " + json.dumps(data, ensure_ascii=False).lower()


def duplicate_candidates(store: Any) -> list[dict[str, Any]]:
    """Stored duplicated-work candidates with their review, if the overlap analysis has run."""
    return overlap_candidates_for_web(store)


def add_user(
    store: Any,
    username: str,
    password: str,
    *,
    role: str = "reader",
    sectors: tuple[str, ...] = (),
    name: str = "",
    author: str,
) -> Any:
    """A new user with an Argon2 password hash; ConflictError if the name is taken."""
    from intersector.auth import passwords, roles
    from intersector.domain.users import User

    user = User(
        id=_username(username),
        role=roles.check_role(role),
        name=name,
        sectors=roles.check_sectors(sectors),
        password_hash=passwords.hash_password(password),
    )
    store.save(user, author=author, reason="user added", expected_version=0)
    return user


def _username(username: str) -> str:
    import re

    from intersector.domain.errors import ValidationError

    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,79}", username):
        raise ValidationError(
            f"user name {username!r}: use letters, digits, '.', '_', '@', '-'", field="username"
        )
    return username


def set_role(
    store: Any,
    username: str,
    role: str,
    *,
    sectors: tuple[str, ...] | None = None,
    groups: tuple[str, ...] | None = None,
    author: str,
) -> Any:
    """Change a user's role (and the Sectors/groups an editor may change): a new version."""
    from dataclasses import replace

    from intersector.auth import roles
    from intersector.store.users import require_user

    user = require_user(store, username)
    changed = replace(
        user,
        role=roles.check_role(role),
        sectors=user.sectors if sectors is None else roles.check_sectors(sectors),
        groups=user.groups if groups is None else groups,
    )
    store.save(changed, author=author, reason=f"role {role}")
    return changed


def set_password(store: Any, username: str, password: str, *, author: str) -> None:
    from dataclasses import replace

    from intersector.auth import passwords
    from intersector.store.users import require_user

    user = require_user(store, username)
    hashed = passwords.hash_password(password)
    store.save(replace(user, password_hash=hashed), author=author, reason="password changed")


def find_user(store: Any, username: str) -> Any:
    """The user named `username`, or None."""
    from intersector.store.users import find_user as find

    return find(store, username)


def list_users(store: Any) -> list[Any]:
    return list(store.list("user"))


def issue_token(
    store: Any, username: str, scopes: tuple[str, ...], *, label: str = "", author: str
) -> tuple[str, Any]:
    """A new API token for `username`: (plain text to show ONCE, stored record)."""
    from datetime import UTC, datetime

    from intersector.auth import tokens
    from intersector.store.users import require_user

    user = require_user(store, username)
    plain, record = tokens.issue(user.id, scopes, datetime.now(UTC), label)
    store.save(record, author=author, reason=f"token {label or record.id} issued")
    return plain, record


def revoke_token(store: Any, principal: Any, key: str) -> Any:
    """Revoke a token: its owner or an admin may; a new version, the token stays listed."""
    from intersector.auth import roles, tokens
    from intersector.store.users import find_token

    token = find_token(store, key)
    if token is None:
        from intersector.domain.errors import NotFoundError

        raise NotFoundError(f"no API token {key!r}", field="token")
    if token.username != principal.name:
        roles.check_can_administer(principal)
    store.save(tokens.revoked(token), author=principal.name, reason="token revoked")
    return tokens.revoked(token)


def user_tokens(store: Any, username: str) -> list[Any]:
    from intersector.store.users import tokens_of

    return tokens_of(store, username)


def authenticate(store: Any, username: str, password: str) -> Any:
    """The user whose password this is; AuthenticationError otherwise (same message and about
    the same time whether the name is unknown or the password wrong)."""
    from intersector.auth import passwords
    from intersector.auth.errors import AuthenticationError
    from intersector.store.users import find_user

    user = find_user(store, username)
    if user is None or user.disabled:
        passwords.dummy_verify(password)
    elif passwords.verify_password(user.password_hash, password):
        return user
    raise AuthenticationError("unknown user name or wrong password")


def principal_for_token(store: Any, plain: str) -> Any:
    """The Principal an `Authorization: Bearer` token acts for; AuthenticationError if the token
    is unknown, revoked, or its user gone."""
    from intersector.auth import tokens
    from intersector.auth.errors import AuthenticationError
    from intersector.auth.roles import Principal
    from intersector.store.users import find_token, find_user

    key, secret = tokens.parse(plain)
    record = find_token(store, key)
    user = find_user(store, record.username) if record else None
    if record is None or user is None or user.disabled or not tokens.matches(record, secret):
        raise AuthenticationError("unknown or revoked API token")
    return Principal(user, frozenset(record.scopes), "token")


# --- roadmaps and alignment checks (issue 3) ---------------------------------------------------
# Local imports keep this block independent of the others in this shared module. The web block
# above has its own roadmap_view/alignment_findings over a cached registry snapshot.

ROADMAP_FORMATS = ("table", "html", "xlsx", "json", "ics")


def _today(today: Any) -> Any:
    from datetime import date

    return today if today is not None else date.today()


def _roadmap_inputs(store: Any, subject: str) -> dict[str, Any]:
    """What the joined view of `subject` reads: the activities tagged with it (withdrawn too),
    those its shown rows name (roadmap entries, dependencies) fetched one by one, its roadmaps,
    and every liaison, mechanism and group. Never the whole activity table."""
    tagged = store.list("activity", subject=subject, include_withdrawn=True)
    roadmaps = store.list("roadmap", subject=subject)
    maintained = {r.sector for r in roadmaps}
    entries = {e.activity for r in roadmaps for e in r.entries}
    rows = [a for a in tagged if a.sector not in maintained or a.id in entries]
    known = {a.id for a in tagged}
    named = (entries | {d.on for a in rows for d in a.dependencies}) - known
    extra = [store.get("activity", i) for i in sorted(named) if store.exists("activity", i)]
    return {
        "roadmaps": roadmaps,
        "activities": [*tagged, *extra],
        "liaisons": store.list("liaison"),
        "mechanisms": store.list("mechanism"),
        "groups": store.list("group"),
    }


def _subject(store: Any, subject: str, tagged: bool) -> Any:
    """The stored Subject, or its bare id when only activities are tagged with it."""
    from intersector.domain.errors import NotFoundError

    if store.exists("subject", subject):
        return store.get("subject", subject)
    if tagged:
        return subject
    known = ", ".join(s.id for s in store.list("subject")) or "none: load the registry first"
    raise NotFoundError(
        f"no subject {subject!r} in the registry and no activity tagged with it; known "
        f"subjects: {known}",
        field="subject",
    )


def _view_findings(view: Any, inputs: dict[str, Any]) -> tuple[Any, ...]:
    """The alignment findings about the roadmap shown: those involving one of its rows or
    roadmaps, and the subject's own (no counterpart); within its Sectors."""
    from intersector.coordination.alignment import NO_COUNTERPART, Registry, check_alignment

    registry = Registry.of(**inputs)
    found = check_alignment(registry, view.today, subject=view.subject)
    shown = {row.activity for row in view.rows()} | {lane.roadmap_id for lane in view.lanes}
    sectors = {lane.sector for lane in view.lanes}
    return tuple(
        f
        for f in found
        if (f.check == NO_COUNTERPART or shown.intersection(f.items))
        and sectors.intersection(f.sectors)
    )


def joined_roadmap(
    store: Any, subject: str, *, sector: str = "", today: Any = None
) -> tuple[Any, tuple[Any, ...]]:
    """The joined roadmap (JoinedRoadmap) of `subject` from the store, every Sector or only
    `sector`, and the alignment findings about it."""
    from intersector.coordination.roadmap import join_roadmaps
    from intersector.domain.errors import ValidationError
    from intersector.domain.registry import SECTORS

    if sector and sector not in SECTORS:
        raise ValidationError(
            f"unknown Sector {sector!r}: use one of {', '.join(SECTORS)}", field="sector"
        )
    inputs = _roadmap_inputs(store, subject)
    found = _subject(store, subject, any(subject in a.subjects for a in inputs["activities"]))
    sectors = (sector,) if sector else SECTORS
    view = join_roadmaps(found, today=_today(today), sectors=sectors, **inputs)
    return view, _view_findings(view, inputs)


def registry_findings(store: Any, *, subject: str = "", today: Any = None) -> tuple[Any, ...]:
    """Every alignment finding of the registry (or those about `subject`), most serious first."""
    from intersector.coordination.alignment import Registry, check_alignment

    registry = Registry.of(
        store.iter("activity", include_withdrawn=True),
        store.list("liaison"),
        store.list("mechanism"),
        store.list("roadmap"),
        store.list("group"),
    )
    return check_alignment(registry, _today(today), subject=subject or None)


def build_roadmap(
    settings: Any, subject: str, *, sector: str = "", today: Any = None
) -> tuple[Any, tuple[Any, ...]]:
    """`intersector roadmap`: the joined view of `subject` and the findings about it."""
    from intersector.store import open_store

    with open_store(settings.database_url) as store:
        return joined_roadmap(store, subject, sector=sector, today=today)


def check_registry(settings: Any, *, subject: str = "", today: Any = None) -> tuple[Any, ...]:
    """`intersector check`: the alignment findings of the registry at `settings.database_url`."""
    from intersector.store import open_store

    with open_store(settings.database_url) as store:
        return registry_findings(store, subject=subject, today=today)


def run_demo(
    settings: Any, sample: Any, output: Any, *, subject: str = "imt", today: Any = None
) -> dict[str, Any]:
    """`intersector demo` (`make demo`): load the sample registry (`SAMPLE/registry`) and ingest
    the sample texts (`SAMPLE/texts`) into the store of `settings`, build the joined roadmap of
    `subject` and every alignment finding, and write the HTML roadmap to `output`. Returns what
    was done: `summary` (SaveSummary), `problems` (registry rows refused), `texts` (stored),
    `failed` (texts not parsed), `view`, `findings` (about the roadmap), `all_findings`."""
    from pathlib import Path

    from intersector.domain.errors import InputError

    registry_dir, texts_dir = Path(sample) / "registry", Path(sample) / "texts"
    if not registry_dir.is_dir():
        raise InputError(
            "no sample registry folder here: run from the repository root or give --sample "
            "the folder holding registry/ and texts/",
            source=str(registry_dir),
        )
    result, summary = load_registry(settings, [registry_dir])
    texts, failed = ingest_paths(settings, [texts_dir]) if texts_dir.is_dir() else ([], [])
    view, findings = build_roadmap(settings, subject, today=today)
    all_findings = check_registry(settings, today=view.today)
    Path(output).write_bytes(roadmap_file(view, findings, "html"))
    return {
        "summary": summary,
        "problems": result.errors,
        "texts": texts,
        "failed": failed,
        "view": view,
        "findings": findings,
        "all_findings": all_findings,
    }


def roadmap_file(view: Any, findings: tuple[Any, ...], fmt: str) -> bytes:
    """The roadmap in a file format: html, xlsx, json or ics (bytes to write)."""
    from intersector.domain.errors import ValidationError
    from intersector.reports import roadmap_html, roadmap_ics, roadmap_json, roadmap_xlsx

    if fmt == "html":
        return roadmap_html.roadmap_html(view, findings).encode()
    if fmt == "json":
        return roadmap_json.roadmap_json(view, findings).encode()
    if fmt == "xlsx":
        return roadmap_xlsx.roadmap_xlsx(view)
    if fmt == "ics":
        return roadmap_ics.roadmap_ics(view)
    raise ValidationError(
        f"unknown roadmap format {fmt!r}: use one of {', '.join(ROADMAP_FORMATS)}", field="format"
    )


# --- store: ingest, show, load, export, history, restore (issues 2 and 3) ----------------------
# Local imports keep this block independent of the others in this shared module.

TEXT_SUFFIXES = (".txt", ".docx")
REGISTRY_TYPES = ("sector", "subject", "group", "activity", "liaison", "mechanism", "roadmap")


def text_files(paths: list[Any]) -> list[Any]:
    """Files as given; folders as the .txt/.docx files inside them (recursively, sorted)."""
    from pathlib import Path

    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            inside = (p for p in given.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES)
            found.extend(sorted(p for p in inside if not p.name.startswith(".")))
        else:
            found.append(given)
    return found


def ingest_paths(
    settings: Any, paths: list[Any], *, lenient: bool = False, on_file: Any = None
) -> tuple[list[tuple[str, str, bool]], list[Any]]:
    """`intersector ingest`: read, parse and store each text. Returns (stored, failed): stored
    as (file, version key, changed?) — unchanged texts change nothing — and failed as
    `texts.batch.ParsedFile`s holding the error that names what was wrong. `on_file(path)` is
    called before each file (a progress bar)."""
    from intersector.store import open_store
    from intersector.texts.batch import parse_file

    stored: list[tuple[str, str, bool]] = []
    failed: list[Any] = []
    with open_store(settings.database_url) as store:
        for path in text_files(paths):
            if on_file is not None:
                on_file(path)
            parsed = parse_file(path, lenient=lenient)
            if parsed.document is None:
                failed.append(parsed)
                continue
            key, changed = store.save_document(parsed.document, author=settings.author)
            stored.append((parsed.path, key, changed))
    return stored, failed


def show_stored(
    settings: Any,
    item_id: str,
    *,
    item_type: str = "",
    language: str | None = None,
    revision: str | None = None,
) -> dict[str, Any]:
    """`intersector show`: a stored document (as its JSON, with its stored versions) or a
    registry item (its data, type and version). Documents first unless `item_type` is given."""
    from intersector.domain.errors import NotFoundError
    from intersector.texts.document_json import document_to_dict

    with _store(settings) as store:
        if not item_type and (store.document_versions(item_id) or "@" in item_id):
            doc = store.get_document(item_id, language=language, revision=revision)
            versions = [v.key for v in store.document_versions(doc.id)]
            return {"type": "document", "document": document_to_dict(doc), "versions": versions}
        types = [item_type] if item_type else store.find(item_id)
        if not types:
            raise NotFoundError(
                f"nothing stored with id {item_id!r}: no document and no registry item "
                "(ingest texts with `intersector ingest`, registry files with `intersector load`)",
                field="id",
            )
        current = store.current(types[0], item_id)
        return {"type": current.item_type, "version": current.number, "data": dict(current.data)}


def _store(settings: Any) -> Any:
    from intersector.store import open_store

    return open_store(settings.database_url)


def load_registry(settings: Any, paths: list[Any]) -> tuple[Any, Any]:
    """`intersector load`: validate every registry file, then store the items of the files
    without errors in one transaction. Returns (files.registry.LoadResult, SaveSummary)."""
    from intersector.files.registry import load_paths

    with _store(settings) as store:
        known = {name: store.ids(name) for name in REGISTRY_TYPES}
        result = load_paths(paths, known=known)
        loaded = ", ".join(f.path for f in result.files if f.ok)
        summary = store.save_many(result.items, author=settings.author, reason=f"load {loaded}")
    return result, summary


def import_relaton(settings: Any, path: Any, *, on_line: Any = None) -> tuple[Any, Any]:
    """`intersector import-relaton PATH`: ITU publication metadata (Relaton JSONL) into
    activities, every line checked first (a file with bad lines raises and stores nothing), then
    stored in one transaction. Fields the metadata never carries (subjects, dependencies, dates…)
    are kept from the stored activities. `on_line(n)` reports progress. Returns
    (files.relaton.RelatonImport, SaveSummary)."""
    from pathlib import Path

    from intersector.files.relaton import keep_registry_fields, load_publications

    source = Path(path)
    imported = load_publications(source, progress=on_line)
    with _store(settings) as store:
        existing = {a.id: a for a in store.iter("activity", include_withdrawn=True)}
        activities = keep_registry_fields(imported.activities, existing)
        summary = store.save_many(
            activities, author=settings.author, reason=f"import-relaton {source.name}"
        )
    return imported, summary


def export_registry(settings: Any, fmt: str | None, output: Any) -> list[Any]:
    """`intersector export`: the whole registry (withdrawn items included) as YAML, JSON or CSV
    (`fmt`, else from the output's suffix, else YAML) that `load` reads back to the same items.
    Returns the files written."""
    from pathlib import Path

    from intersector.files import registry

    target = Path(output)
    with _store(settings) as store:
        items = {name: store.list(name, include_withdrawn=True) for name in REGISTRY_TYPES}
    return registry.export_registry(items, registry.format_of(target, fmt), target)


def history_of(settings: Any, item_type: str, item_id: str) -> list[tuple[Any, list[str]]]:
    """`intersector history`: every version of a registry item, oldest first, each with the
    fields it changed."""
    with _store(settings) as store:
        versions = list(store.history(item_type, item_id))
    changes: list[tuple[Any, list[str]]] = []
    before: dict[str, Any] = {}
    for version in versions:
        data = dict(version.data)
        changed = sorted(k for k in data.keys() | before.keys() if data.get(k) != before.get(k))
        changes.append((version, changed if before else ["(new)"]))
        before = data
    return changes


def restore_version(
    settings: Any, item_type: str, item_id: str, number: int, *, reason: str = ""
) -> Any:
    """`intersector restore`: a new version equal to version `number` of the item."""
    with _store(settings) as store:
        return store.restore(item_type, item_id, number, author=settings.author, reason=reason)


# >>> coordination analytics (issue 4)
# --- coordination analytics (issue 4): overlaps, reviews, subjects, mapping, versions, diff ----
# Local imports keep this block independent of the others in this shared module.

OVERLAP_FORMATS = ("table", "json", "html")
MAPPING_FORMATS = ("xlsx", "html")


def analytics_embedder() -> Any:
    """The multilingual embedder of the analytics (tests may replace this function)."""
    from intersector.coordination.embeddings import UniversalSentenceEncoder

    return UniversalSentenceEncoder()


def _register_analytics_types() -> None:
    from intersector.coordination.review import Review
    from intersector.coordination.subjects import Correction
    from intersector.store.codec import ITEM_TYPES, register_type

    if "overlap-review" not in ITEM_TYPES:
        register_type("overlap-review", Review)
        register_type("subject-correction", Correction)


def analytics_works(store: Any) -> list[Any]:
    """Every active registry activity, and every stored document (its English version when
    there is one), as comparable texts."""
    from intersector.coordination.overlap import WorkText

    works = {a.id: WorkText.from_activity(a) for a in store.iter("activity")}
    for doc in _one_version_per_document(store):
        works.setdefault(doc.id, WorkText.from_document(doc))
    return list(works.values())


def _one_version_per_document(store: Any) -> list[Any]:
    chosen: dict[str, Any] = {}
    for doc in store.iter_documents():
        if doc.id not in chosen or doc.language == "en":
            chosen[doc.id] = doc
    return list(chosen.values())


def overlap_index(store: Any, embedder: Any = None) -> Any:
    """The overlap index of the registry, embeddings read from / added to the store."""
    from intersector.coordination.overlap import OverlapIndex
    from intersector.store.analytics import StoreVectorCache

    return OverlapIndex.build(
        analytics_works(store), embedder or analytics_embedder(), StoreVectorCache(store)
    )


def _subject_list(store: Any) -> list[Any]:
    from intersector.coordination.taxonomy import RESOLUTION_57_SUBJECTS

    return list(store.list("subject")) or list(RESOLUTION_57_SUBJECTS)


def work_subjects(store: Any, index: Any, embedder: Any) -> dict[str, list[Any]]:
    """Item id → its subjects: classifier, registry declarations, coordinators' corrections."""
    from intersector.coordination.subjects import SubjectClassifier, resolve

    _register_analytics_types()
    classifier = SubjectClassifier.build(_subject_list(store), embedder)
    classified = classifier.classify_embedded(index.works, index.vectors)
    declared = {w.id: list(w.subjects) for w in index.works if w.subjects}
    corrections = store.list("subject-correction")
    return resolve([a for found in classified for a in found], declared, corrections)


def find_overlaps(
    settings: Any,
    *,
    sector: str = "",
    subject: str = "",
    min_score: float | None = None,
    scope: str = "other-sectors",
    limit: int = 200,
    changed_only: bool = False,
) -> list[dict[str, Any]]:
    """Duplicated-work candidates across Sectors, best first, with their evidence and current
    review. A full run is stored (the web's `duplicates` reads it); `changed_only` compares only
    the texts new or changed since they were last embedded and updates their stored candidates."""
    from intersector.coordination.overlap import MIN_SCORE, OverlapIndex
    from intersector.store import open_store
    from intersector.store.analytics import (
        StoreVectorCache,
        replace_candidates,
        replace_candidates_of,
    )

    _register_analytics_types()
    embedder = analytics_embedder()
    with open_store(settings.database_url) as store:
        works = analytics_works(store)
        changed = _changed_works(store, works, embedder) if changed_only else None
        index = OverlapIndex.build(works, embedder, StoreVectorCache(store))
        floor = MIN_SCORE if min_score is None else min_score
        found = index.all_candidates(10, floor, scope, only=changed)
        subjects = work_subjects(store, index, embedder) if subject else {}
        kept = [c for c in found if _wanted(c, sector, subject, subjects)][:limit]
        rows = _with_reviews(store, index.explain_many(kept, embedder))
        if not (sector or subject) and min_score is None and scope == "other-sectors":
            if changed is None:
                replace_candidates(store, rows)
            else:
                replace_candidates_of(store, changed, rows)
    return rows


def _changed_works(store: Any, works: list[Any], embedder: Any) -> list[str]:
    """Ids of the works whose current text has no stored embedding yet."""
    from intersector.coordination.embeddings import content_hash
    from intersector.store.analytics import StoreVectorCache

    keys = [(w.id, content_hash(w.text)) for w in works]
    known = StoreVectorCache(store).get_vectors(embedder.name, keys)
    return [w.id for w, key in zip(works, keys, strict=True) if key not in known]


def _wanted(candidate: Any, sector: str, subject: str, subjects: dict[str, list[Any]]) -> bool:
    sides = (candidate.left, candidate.right)
    if sector and all(side.sector != sector for side in sides):
        return False
    if subject:
        ids = {a.subject for side in sides for a in subjects.get(side.id, ())}
        return subject in ids
    return True


def _current_reviews(store: Any) -> dict[str, Any]:
    return {r.id: r for r in store.list("overlap-review")}


def _review_holds(review: Any, data: dict[str, Any]) -> bool:
    versions = {
        data["left"]["id"]: data["left"]["version"],
        data["right"]["id"]: data["right"]["version"],
    }
    return (
        versions.get(review.left) == review.left_version
        and versions.get(review.right) == review.right_version
    )


def _with_reviews(store: Any, candidates: list[Any]) -> list[dict[str, Any]]:
    from intersector.coordination.review import is_current
    from intersector.reports.overlap_json import candidate_to_dict

    reviews = _current_reviews(store)
    rows = []
    for cand in candidates:
        review = reviews.get(cand.id)
        rows.append(
            candidate_to_dict(cand, review if review and is_current(review, cand) else None)
        )
    return rows


def overlap_candidates_for_web(store: Any) -> list[dict[str, Any]]:
    """The stored candidates of the last full `overlaps` run, each with its review when it
    still holds (neither side changed since)."""
    from intersector.reports.overlap_json import review_to_dict
    from intersector.store.analytics import stored_candidates

    _register_analytics_types()
    reviews = _current_reviews(store)
    rows = stored_candidates(store)
    for row in rows:
        review = reviews.get(row["id"])
        row["review"] = review_to_dict(review) if review and _review_holds(review, row) else None
    return rows


def review_candidate(
    store: Any, author: str, candidate_id: str, decision: str, note: str = ""
) -> Any:
    """Record a coordinator's decision on a stored candidate (a new version if it was already
    reviewed); NotFoundError if the candidate is not in the last run."""
    from intersector.coordination.review import DECISIONS, Review
    from intersector.domain.errors import NotFoundError, ValidationError
    from intersector.store.analytics import stored_candidates

    _register_analytics_types()
    if decision not in DECISIONS:
        raise ValidationError(
            f"unknown decision {decision!r}: use one of {', '.join(DECISIONS)}", field="decision"
        )
    found = {row["id"]: row for row in stored_candidates(store)}
    if candidate_id not in found:
        raise NotFoundError(
            f"no candidate {candidate_id!r} in the last overlap run: run "
            "`intersector overlaps` and use an id it lists",
            field="id",
        )
    row = found[candidate_id]
    left, right = sorted((row["left"], row["right"]), key=lambda side: side["id"])
    review = Review(
        candidate_id,
        decision,
        left["id"],
        left["version"],
        right["id"],
        right["version"],
        note,
        author,
    )
    store.save(review, author=author, reason=f"overlap review: {decision}")
    return review


def review_candidate_for_web(
    store: Any, author: str, candidate_id: str, decision: str, note: str = ""
) -> dict[str, Any]:
    from intersector.reports.overlap_json import review_to_dict

    review = review_candidate(store, author, candidate_id, decision, note)
    return {"id": candidate_id, "review": review_to_dict(review)}


def review_overlap(settings: Any, candidate_id: str, decision: str, note: str = "") -> Any:
    """`intersector review`: record a decision as the settings' author."""
    from intersector.store import open_store

    with open_store(settings.database_url) as store:
        return review_candidate(store, settings.author, candidate_id, decision, note)


def correct_subject(
    store: Any, author: str, item: str, subject: str, action: str, note: str = ""
) -> Any:
    """A coordinator adds (`add`) or removes (`remove`) a subject of an item; it wins over the
    classifier from then on."""
    from intersector.coordination.subjects import Correction
    from intersector.domain.errors import ValidationError

    _register_analytics_types()
    if action not in ("add", "remove"):
        raise ValidationError(f"unknown action {action!r}: use add or remove", field="action")
    correction = Correction(item, subject, action, author, note)
    store.save(correction, author=author, reason=f"subject {action}: {subject}")
    return correction


def subjects_report(settings: Any) -> dict[str, Any]:
    """Each item's subjects (with confidence and reason), the subject × Sector × group matrix,
    and the subjects common to the three Sectors with the groups on each."""
    from intersector.coordination.subjects import common_subjects, subject_matrix
    from intersector.store import open_store

    embedder = analytics_embedder()
    with open_store(settings.database_url) as store:
        index = overlap_index(store, embedder)
        subjects = work_subjects(store, index, embedder)
        labels = {s.id: s.labels.get("en", s.id) for s in _subject_list(store)}
    matrix = subject_matrix(index.works, subjects)
    return {
        "items": subjects,
        "matrix": matrix,
        "common": common_subjects(matrix),
        "labels": labels,
        "works": {w.id: w for w in index.works},
    }


def mapping_rows(settings: Any, name: str) -> list[Any]:
    """The rows of mapping `name` (itu-d:itu-r, itu-t:itu-r, itu-d:itu-t)."""
    from intersector.coordination.mapping import mapping_spec, mapping_table
    from intersector.store import open_store

    mapping_spec(name)
    with open_store(settings.database_url) as store:
        index = overlap_index(store)
    return mapping_table(index, name)


def mapping_file(name: str, rows: list[Any], fmt: str) -> bytes:
    """A mapping table as XLSX or HTML bytes."""
    from intersector.domain.errors import ValidationError
    from intersector.reports.mapping_html import mapping_html
    from intersector.reports.mapping_xlsx import mapping_xlsx

    if fmt == "xlsx":
        return mapping_xlsx(name, rows)
    if fmt == "html":
        return mapping_html(name, rows).encode()
    raise ValidationError(f"unknown format {fmt!r}: use xlsx or html", field="format")


def document_versions_report(settings: Any, doc_id: str) -> dict[str, Any]:
    """The stored language versions and revisions of a work, and for each revision stored in
    several languages, the divergences of each language against the English (or first)."""
    from intersector.domain.errors import NotFoundError
    from intersector.store import open_store
    from intersector.texts.align import align_versions, divergences

    with open_store(settings.database_url) as store:
        versions = store.document_versions(doc_id)
        if not versions:
            raise NotFoundError(
                f"no stored document {doc_id!r}: ingest it first (`intersector ingest FILE`)",
                field="id",
            )
        docs = {v.key: store.get_document(v.key) for v in versions}
    report: dict[str, list[Any]] = {}
    for revision in dict.fromkeys(v.revision for v in versions):
        keys = sorted(
            (v for v in versions if v.revision == revision),
            key=lambda v: (v.language != "en", v.language),
        )
        base = docs[keys[0].key]
        for other in keys[1:]:
            doc = docs[other.key]
            found = divergences(base, doc, align_versions(base, doc, analytics_embedder().embed))
            report[f"{revision}: {base.language} ↔ {doc.language}"] = found
    return {"versions": versions, "divergences": report}


def revision_changes(
    settings: Any, doc_id: str, old: str, new: str, language: str = "en"
) -> tuple[Any, Any, list[Any]]:
    """The two stored revisions of `doc_id` in `language` and their clause-by-clause diff."""
    from intersector.store import open_store
    from intersector.texts.align import revision_diff

    with open_store(settings.database_url) as store:
        before = store.get_document(doc_id, language=language, revision=old)
        after = store.get_document(doc_id, language=language, revision=new)
    return before, after, revision_diff(before, after)


# <<< coordination analytics (issue 4)
