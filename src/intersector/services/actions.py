"""The resolution action plan through every door (issue 13): actions kept in step with the stored
resolutions (`sync_actions`, called by `ingest`), listed and filtered (`intersector actions`,
`/api/v1/actions`, the action-plan page), and their follow-up changed (`update_action`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from intersector.coordination.actions import actions_of, carry_over, status_counts
from intersector.domain.actions import ACTION_STATUSES, EVIDENCE_KINDS, Evidence, TrackedAction
from intersector.domain.documents import Document
from intersector.domain.errors import ValidationError
from intersector.domain.lookup import lookup, lookup_optional
from intersector.reports import actions_file
from intersector.settings import Settings
from intersector.store import Store
from intersector.store import actions as stored
from intersector.store.documents import StoredDocument
from intersector.texts.lexicon import BY_CODE

ACTION_FORMATS = ("table", "json", "xlsx")


@dataclass(frozen=True)
class ActionPlan:
    """The actions asked for (`actions`), the filters as resolved, and the status counts of
    the actions shown."""

    actions: tuple[TrackedAction, ...]
    addressee: str = ""
    status: str = ""
    document: str = ""

    @property
    def counts(self) -> dict[str, int]:
        return status_counts(self.actions)


# --- kept in step with the stored resolutions ---------------------------------------------------


def _revisions(store: Store, doc_id: str) -> list[StoredDocument]:
    """One stored version per revision of `doc_id` (English when there is one, else the first
    language), oldest first."""
    chosen: dict[str, StoredDocument] = {}
    for version in store.document_versions(doc_id):
        held = chosen.get(version.revision)
        if held is None or (version.language == "en" and held.language != "en"):
            chosen[version.revision] = version
    return sorted(chosen.values(), key=lambda v: (v.year or 0, v.revision))


def _document(store: Store, version: StoredDocument) -> Document:
    return store.get_document(version.id, language=version.language, revision=version.revision)


def sync_actions(store: Store, doc_id: str, *, author: str) -> list[TrackedAction]:
    """Bring the action plan of resolution `doc_id` up to its newest stored revision: the first
    revision read afresh, each later one carrying the actions over (`coordination.actions`).
    Nothing is written when the plan already stands at the newest revision."""
    revisions = _revisions(store, doc_id)
    if not revisions or revisions[0].kind != "resolution":
        return []
    existing = stored.load_actions(store, document=doc_id)
    order = [v.revision for v in revisions]
    done = {a.revision for a in existing if not a.superseded}
    at = max((order.index(r) for r in done if r in order), default=-1)
    if at == len(order) - 1:
        return existing
    if at < 0:
        actions = actions_of(_document(store, revisions[0]))
        at = 0
    else:
        actions = existing
    for before, after in zip(revisions[at:], revisions[at + 1 :], strict=False):
        actions = carry_over(actions, _document(store, before), _document(store, after))
    stored.replace_actions(store, doc_id, actions, author=author)
    return actions


# --- listed and filtered --------------------------------------------------------------------------


def known_addressees(store: Store) -> list[str]:
    """What `--addressee` may name: every addressee of a stored action and every one the English
    reader knows (`tsb-director`, `tsag`, `member-states`, …)."""
    lexicon = {who for ids in BY_CODE["en"].addressees.values() for who in ids}
    lexicon |= {f"{bureau}-director" for bureau in BY_CODE["en"].bureaux.values()}
    named = {who for a in stored.load_actions(store) for who in a.addressees}
    return sorted(lexicon | named)


def action_plan_in(
    store: Store, *, addressee: str = "", status: str = "", document: str = ""
) -> ActionPlan:
    """The stored actions addressed to `addressee`, with `status`, of `document` (typed in any
    case; an unknown value is a ValidationError naming the known ones)."""
    who = lookup_optional(addressee, known_addressees(store), field="addressee")
    status = lookup_optional(status, ACTION_STATUSES, field="status")
    if document.strip():
        documents = {d.id for d in store.documents() if d.kind == "resolution"}
        document = lookup(document, documents, field="document")
    found = stored.load_actions(store, document=document, addressee=who, status=status)
    return ActionPlan(tuple(found), who, status, document)


def action_plan(
    settings: Settings, *, addressee: str = "", status: str = "", document: str = ""
) -> ActionPlan:
    """`intersector actions`: the action plan of the configured store, filtered."""
    from intersector.services.registry import open_registry

    with open_registry(settings) as store:
        return action_plan_in(store, addressee=addressee, status=status, document=document)


def action_plan_file(plan: ActionPlan, fmt: str) -> bytes:
    """The plan as a file: json or xlsx."""
    if fmt == "json":
        return actions_file.actions_json(plan.actions).encode()
    if fmt == "xlsx":
        return actions_file.actions_xlsx(plan.actions)
    raise ValidationError(f"unknown format {fmt!r}: use json or xlsx", field="format")


# --- follow-up ------------------------------------------------------------------------------------


def parse_evidence(text: str) -> Evidence:
    """`liaison:itu-t-sg13-ls-0123` → Evidence; ValidationError naming the kinds otherwise."""
    kind, _, ref = text.partition(":")
    if not ref.strip():
        raise ValidationError(
            f"evidence {text!r}: write KIND:REF, KIND one of {', '.join(EVIDENCE_KINDS)}",
            field="evidence",
        )
    return Evidence(lookup(kind, EVIDENCE_KINDS, field="evidence"), ref.strip())


def _checked_evidence(store: Store, evidence: Evidence) -> Evidence:
    """The evidence with its id as stored; ValidationError when what it names is not stored."""
    if evidence.kind == "report":
        return evidence
    if evidence.kind == "document":
        known = {d.id for d in store.documents()}
    else:
        known = store.ids(evidence.kind)
    return Evidence(evidence.kind, lookup(evidence.ref, known, field="evidence"))


def update_action_in(
    store: Store,
    action_id: str,
    *,
    author: str,
    status: str | None = None,
    owner: str | None = None,
    due: date | None = None,
    evidence: Sequence[str] = (),
) -> TrackedAction:
    """Change one action's follow-up: status (not to superseded: only a new revision supersedes),
    owner, due date, evidence added. Returns the stored action."""
    action = stored.get_action(store, lookup(action_id, stored.action_ids(store), field="action"))
    changes: dict[str, object] = {}
    if status is not None:
        status = lookup(status, ACTION_STATUSES, field="status")
        if status == "superseded" and not action.superseded:
            raise ValidationError(
                "an action is superseded only by a new revision of its resolution",
                field="status",
            )
        changes["status"] = status
    if owner is not None:
        changes["owner"] = owner.strip()
    if due is not None:
        changes["due"] = due
    added = [_checked_evidence(store, parse_evidence(e)) for e in evidence]
    changes["evidence"] = tuple(dict.fromkeys((*action.evidence, *added)))
    updated = replace(action, **changes)  # type: ignore[arg-type]
    stored.save_action(store, updated, author=author)
    return updated


def update_action(settings: Settings, action_id: str, **changes: object) -> TrackedAction:
    """`intersector action ID --status … --owner … --due … --evidence KIND:REF`."""
    from intersector.services.registry import open_registry

    with open_registry(settings) as store:
        return update_action_in(store, action_id, author=settings.author, **changes)  # type: ignore[arg-type]
